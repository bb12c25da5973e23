import { describe, expect, it } from 'vitest';
import { Batches } from '../../src/store/batches.js';

/** A store stand-in that records each batch it is sent and answers when told to. */
function recordingSend() {
  const sent: number[][] = [];
  const pending: (() => void)[] = [];
  const send = (items: number[]) =>
    new Promise<number[]>((resolve) => {
      sent.push(items);
      pending.push(() => resolve(items.map((item) => item * 10)));
    });
  const answerAll = () => {
    for (const answer of pending.splice(0)) answer();
  };
  return { send, sent, answerAll };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('Batches', () => {
  it('sends the requests of one turn together, each answered with its own outcome', async () => {
    const store = recordingSend();
    const batches = new Batches(store.send, 4, 200);
    const outcomes = Promise.all([1, 2, 3].map((item) => batches.submit(item)));
    await turn();
    expect(store.sent).toEqual([[1, 2, 3]]);
    store.answerAll();
    await expect(outcomes).resolves.toEqual([10, 20, 30]);
  });

  it('gathers what arrives while the most batches are in flight, and sends it when one returns', async () => {
    const store = recordingSend();
    const batches = new Batches(store.send, 1, 200);
    const first = batches.submit(1);
    await turn();
    const later = [batches.submit(2), batches.submit(3)];
    await turn();
    expect(store.sent).toEqual([[1]]);
    store.answerAll();
    await first;
    await turn();
    expect(store.sent).toEqual([[1], [2, 3]]);
    store.answerAll();
    await expect(Promise.all(later)).resolves.toEqual([20, 30]);
  });

  it('splits a burst into batches of at most the largest size, as many in flight as allowed', async () => {
    const store = recordingSend();
    const batches = new Batches(store.send, 2, 2);
    const all = Promise.all([1, 2, 3, 4, 5].map((item) => batches.submit(item)));
    await turn();
    expect(store.sent).toEqual([
      [1, 2],
      [3, 4],
    ]);
    store.answerAll();
    await turn();
    expect(store.sent.at(-1)).toEqual([5]);
    store.answerAll();
    await expect(all).resolves.toEqual([10, 20, 30, 40, 50]);
  });

  it('fails every request of a batch the store refuses', async () => {
    const batches = new Batches<number, number>(() => Promise.reject(new Error('connection lost')), 4, 200);
    const outcomes = await Promise.allSettled([batches.submit(1), batches.submit(2)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });
});
