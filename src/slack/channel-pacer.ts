/**
 * Slack accepts about one message a second per channel; a burst beyond that is rate limited.
 * The pacer runs posts to one channel one after another, at least `intervalMs` apart, and leaves
 * other channels alone. (A 429 that still happens is waited out by the Web API client.)
 */
export class ChannelPacer {
  /** Channel -> the end of its queue of posts. */
  private readonly queues = new Map<string, Promise<void>>();
  /** Channel -> when its last post started. */
  private readonly lastPost = new Map<string, number>();

  constructor(
    private readonly intervalMs = 1000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  run<T>(channel: string, post: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(channel) ?? Promise.resolve();
    const result = previous.then(async () => {
      const wait = (this.lastPost.get(channel) ?? Number.NEGATIVE_INFINITY) + this.intervalMs - this.clock();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.lastPost.set(channel, this.clock());
      return post();
    });
    const queue = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(channel, queue);
    void queue.then(() => {
      if (this.queues.get(channel) === queue) this.queues.delete(channel);
      this.forgetIdleChannels();
    });
    return result;
  }

  private forgetIdleChannels(): void {
    if (this.lastPost.size < 1000) return;
    const idleBefore = this.clock() - this.intervalMs;
    for (const [channel, at] of this.lastPost) {
      if (at < idleBefore && !this.queues.has(channel)) this.lastPost.delete(channel);
    }
  }
}
