/**
 * Writes to SQLite that arrive in one turn of the event loop (quiz and review answers, kept
 * questions) are committed together, in one transaction. Every commit appends each page it touched
 * (the table's and each index's) to the WAL, so a burst of one-row commits writes the same pages
 * again and again; a thousand quiz clicks spent more on that than on anything else they do. A
 * write that arrives alone waits one turn.
 *
 * A batch that fails is retried one write at a time, so one bad write fails alone.
 */
export class TickBatches<Item, Outcome> {
  #waiting: { item: Item; resolve: (outcome: Outcome) => void; reject: (error: unknown) => void }[] = [];
  #scheduled: NodeJS.Immediate | null = null;

  constructor(
    /** Writes one item. */
    private readonly writeOne: (item: Item) => Outcome,
    /** Runs `work` in one transaction (better-sqlite3's `db.transaction`). */
    private readonly inTransaction: <T>(work: () => T) => T,
  ) {}

  submit(item: Item): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      this.#scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Writes what is waiting now (also before the database closes). */
  flush(): void {
    if (this.#scheduled) clearImmediate(this.#scheduled);
    this.#scheduled = null;
    const batch = this.#waiting;
    this.#waiting = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[] | null = null;
    if (batch.length > 1) {
      try {
        outcomes = this.inTransaction(() => batch.map((entry) => this.writeOne(entry.item)));
      } catch {
        outcomes = null;
      }
    }
    batch.forEach((entry, i) => {
      if (outcomes) {
        entry.resolve(outcomes[i] as Outcome);
        return;
      }
      try {
        entry.resolve(this.writeOne(entry.item));
      } catch (error) {
        entry.reject(error);
      }
    });
  }
}
