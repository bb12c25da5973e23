import { describe, expect, it } from 'vitest';
import { pickQuestion, unaskedQuestions } from '../../src/quiz/pick.js';
import { hashString, mulberry32, seededRandom, shuffled, weightedIndex } from '../../src/quiz/random.js';
import type { QuizQuestion } from '../../src/quiz/types.js';

function question(topicId: string, n: number): QuizQuestion {
  return {
    id: `${topicId}/fact/${String(n).padStart(8, '0')}`,
    topic: { id: topicId, title: topicId.toUpperCase() },
    stem: `Question ${n} about ${topicId}?`,
    options: ['a', 'b', 'c', 'd'],
    answer: 0,
    explanation: '',
    source: { file: 'notes.md', heading: topicId, line: n },
    kind: 'fact-to-topic',
  };
}

/** 3 questions about ecs, 5 about lambda, 1 about s3. */
const POOL: QuizQuestion[] = [
  ...[1, 2, 3].map((n) => question('ecs', n)),
  ...[1, 2, 3, 4, 5].map((n) => question('lambda', n)),
  question('s3', 1),
];

/** Asks day after day, as a channel would, and returns the ids in the order asked. */
function askDays(
  days: number,
  options: { topicId?: string; weights?: Record<string, number> } = {},
): string[] {
  const asked: string[] = [];
  for (let day = 0; day < days; day++) {
    const picked = pickQuestion(POOL, { seed: `C123:2024-05-${day}`, asked, ...options });
    if (!picked) throw new Error('nothing picked');
    asked.push(picked.id);
  }
  return asked;
}

describe('random', () => {
  it('is seeded: the same seed gives the same sequence, another seed another', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    const c = seededRandom('y');
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const value of first) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  it('shuffles into a permutation, and spreads over every position', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const order = shuffled([0, 1, 2, 3], seededRandom(`q${i}`));
      expect([...order].sort()).toEqual([0, 1, 2, 3]);
      seen.add(order.indexOf(0));
    }
    expect(seen.size).toBe(4);
  });

  it('draws by weight, and uniformly when no weight is positive', () => {
    const random = seededRandom('w');
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) {
      const at = weightedIndex([1, 0, 9], random);
      counts[at] = (counts[at] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect(counts[2]).toBeGreaterThan((counts[0] ?? 0) * 5);
    const zero = new Set<number>();
    for (let i = 0; i < 100; i++) zero.add(weightedIndex([0, 0, 0], random));
    expect(zero.size).toBe(3);
  });
});

describe('pickQuestion', () => {
  it('returns null for an empty pool or a topic without questions', () => {
    expect(pickQuestion([], { seed: 's', asked: [] })).toBeNull();
    expect(pickQuestion(POOL, { seed: 's', asked: [], topicId: 'nope' })).toBeNull();
  });

  it('is deterministic for a seed and history, and varies with the seed', () => {
    const options = { seed: '2024-05-01', asked: [POOL[0]?.id ?? ''] };
    expect(pickQuestion(POOL, options)).toEqual(pickQuestion(POOL, options));
    expect(pickQuestion([...POOL].reverse(), options)).toEqual(pickQuestion(POOL, options));
    const picks = new Set<string>();
    for (let day = 1; day <= 30; day++)
      picks.add(pickQuestion(POOL, { seed: `day ${day}`, asked: [] })?.id ?? '');
    expect(picks.size).toBeGreaterThan(3);
  });

  it('never repeats until every question was asked, then starts a new cycle', () => {
    const asked = askDays(POOL.length * 3);
    for (let cycle = 0; cycle < 3; cycle++) {
      const ids = asked.slice(cycle * POOL.length, (cycle + 1) * POOL.length);
      expect(new Set(ids).size).toBe(POOL.length);
    }
    // A new cycle does not open with the question that closed the last one.
    expect(asked[POOL.length]).not.toBe(asked[POOL.length - 1]);
    expect(asked[2 * POOL.length]).not.toBe(asked[2 * POOL.length - 1]);
  });

  it('cycles within a topic when asked about one', () => {
    const asked = askDays(10, { topicId: 'lambda' });
    expect(asked.every((id) => id.startsWith('lambda/'))).toBe(true);
    expect(new Set(asked.slice(0, 5)).size).toBe(5);
    expect(new Set(asked.slice(5, 10)).size).toBe(5);
  });

  it('counts only the questions of the topic asked before, and ignores ids no longer in the notes', () => {
    const asked = ['gone/fact/00000000', 'lambda/fact/00000001', 'ecs/fact/00000001', 'lambda/fact/00000002'];
    const left = unaskedQuestions(POOL, { asked, topicId: 'lambda' }).map((q) => q.id);
    expect(left).toEqual(['lambda/fact/00000003', 'lambda/fact/00000004', 'lambda/fact/00000005']);
    const picked = pickQuestion(POOL, { seed: 'x', asked, topicId: 'lambda' });
    expect(left).toContain(picked?.id);
  });

  it('draws topics evenly by default, whatever their number of questions', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 900; i++) {
      const topic = pickQuestion(POOL, { seed: `s${i}`, asked: [] })?.topic.id ?? '';
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
    for (const topic of ['ecs', 'lambda', 's3']) {
      expect(counts.get(topic)).toBeGreaterThan(220);
      expect(counts.get(topic)).toBeLessThan(380);
    }
  });

  it('brings a topic with a higher weight sooner', () => {
    let weightedS3 = 0;
    let plainS3 = 0;
    for (let i = 0; i < 300; i++) {
      const plain = pickQuestion(POOL, { seed: `s${i}`, asked: [] });
      const weighted = pickQuestion(POOL, { seed: `s${i}`, asked: [], weights: { s3: 10 } });
      if (plain?.topic.id === 's3') plainS3++;
      if (weighted?.topic.id === 's3') weightedS3++;
    }
    expect(weightedS3).toBeGreaterThan(plainS3 * 2);
    expect(weightedS3).toBeGreaterThan(200);
    // Where in a cycle the weighted topic comes: first, most of the time.
    const positions = [0, 1, 2, 3, 4].map((k) => {
      const asked: string[] = [];
      for (let day = 0; day < POOL.length; day++) {
        const picked = pickQuestion(POOL, { seed: `k${k}:${day}`, asked, weights: { ecs: 20 } });
        asked.push(picked?.id ?? '');
      }
      return asked.filter((id) => id.startsWith('ecs/')).map((id) => asked.indexOf(id));
    });
    const average = positions.flat().reduce((sum, n) => sum + n, 0) / positions.flat().length;
    expect(average).toBeLessThan(3);
  });

  it('keeps a zero-weight topic for the end of the cycle without skipping it', () => {
    const asked = askDays(POOL.length, { weights: { lambda: 0 } });
    expect(new Set(asked).size).toBe(POOL.length);
    expect(asked.slice(-5).every((id) => id.startsWith('lambda/'))).toBe(true);
  });
});
