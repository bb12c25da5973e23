import { Cron } from 'croner';

/**
 * Runs a pass once at start (so a bot that was down catches up at once) and then every minute, one
 * pass at a time: a pass still running when the next minute comes is not started twice. The daily
 * quiz, the review nudges and the weekly digest each run on one; every replica runs them, and the
 * store decides what happens once.
 */
export class EveryMinute {
  #job: Cron | null = null;
  #running: Promise<void> | null = null;

  /** `pass` never throws: it logs what went wrong and tries again next minute. */
  constructor(private readonly pass: () => Promise<void>) {}

  start(): void {
    this.#job = new Cron('* * * * *', { protect: true }, () => this.tick());
    void this.tick();
  }

  /** Stops the timer and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.#job?.stop();
    this.#job = null;
    await this.#running;
  }

  /** A pass now, or the one already under way. */
  tick(): Promise<void> {
    this.#running ??= this.pass().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }
}
