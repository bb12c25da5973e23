import { describe, expect, it } from 'vitest';
import { ChannelPacer } from '../../src/slack/channel-pacer.js';

describe('ChannelPacer', () => {
  it('spaces posts to one channel at least the interval apart, in order', async () => {
    const pacer = new ChannelPacer(100);
    const started: number[] = [];
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        pacer.run('C1', async () => {
          started.push(performance.now());
          return n;
        }),
      ),
    );
    expect(results).toEqual([1, 2, 3]);
    expect((started[1] ?? 0) - (started[0] ?? 0)).toBeGreaterThanOrEqual(95);
    expect((started[2] ?? 0) - (started[1] ?? 0)).toBeGreaterThanOrEqual(95);
  });

  it('does not hold one channel back for another', async () => {
    const pacer = new ChannelPacer(10_000);
    await pacer.run('C1', async () => 'first');
    const other = await Promise.race([
      pacer.run('C2', async () => 'other channel'),
      new Promise((resolve) => setTimeout(() => resolve('held back'), 1_000)),
    ]);
    expect(other).toBe('other channel');
  });

  it('keeps going after a failed post', async () => {
    const pacer = new ChannelPacer(0);
    await expect(pacer.run('C1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(pacer.run('C1', async () => 'next')).resolves.toBe('next');
  });
});
