/**
 * Requests to the database that arrive in the same turn of the event loop, or while earlier ones
 * are in flight, are gathered and sent together: writes in one statement and one commit, reads in
 * one query. A burst of clicks on PostgreSQL is bound by round trips, commits (each waits for the
 * WAL to reach disk) and the socket writes that send them; a request that arrives alone waits one
 * turn.
 */
export class Batches<Item, Outcome> {
  readonly #waiting: { item: Item; resolve: (outcome: Outcome) => void; reject: (error: unknown) => void }[] =
    [];
  #inFlight = 0;
  #scheduled = false;

  constructor(
    /** Sends a batch; returns one outcome per item, in the same order. */
    private readonly send: (items: Item[]) => Promise<Outcome[]>,
    /** Batches written at the same time; the pool's other connections stay free for reads. */
    private readonly maxInFlight: number,
    private readonly maxBatch: number,
  ) {}

  submit(item: Item): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        this.#next();
      });
    });
  }

  #next(): void {
    while (this.#inFlight < this.maxInFlight && this.#waiting.length > 0) this.#send();
  }

  #send(): void {
    const batch = this.#waiting.splice(0, this.maxBatch);
    this.#inFlight++;
    this.send(batch.map((entry) => entry.item))
      .then(
        (outcomes) => {
          batch.forEach((entry, i) => {
            const outcome = outcomes[i];
            if (outcome === undefined) entry.reject(new Error('a batch returned too few outcomes'));
            else entry.resolve(outcome);
          });
        },
        (error: unknown) => {
          for (const entry of batch) entry.reject(error);
        },
      )
      .finally(() => {
        this.#inFlight--;
        this.#next();
      });
  }
}
