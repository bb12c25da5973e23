/**
 * Counts the requests whose listeners are still at work, acknowledged or not (an answer is often
 * sent after the ack), so a stopping app can let them finish before the store closes.
 */
export class InFlightWork {
  #active = 0;
  #idle: (() => void)[] = [];

  /** Runs `work`, counted as under way until it settles. */
  readonly track = async <T>(work: () => Promise<T>): Promise<T> => {
    this.#active += 1;
    try {
      return await work();
    } finally {
      this.#active -= 1;
      if (this.#active === 0) for (const resolve of this.#idle.splice(0)) resolve();
    }
  };

  get active(): number {
    return this.#active;
  }

  /** Resolves true once no request is at work, or false when `timeoutMs` passes first. */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.#active === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
