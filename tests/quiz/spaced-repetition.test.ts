import { describe, expect, it } from 'vitest';
import { pickQuestion } from '../../src/quiz/pick.js';
import {
  BOX_WEIGHTS,
  describeSpacedRepetition,
  leitnerBoxes,
  practiceWeights,
  topicWeights,
} from '../../src/quiz/spaced-repetition.js';
import type { QuizQuestion } from '../../src/quiz/types.js';

/** A daily quiz on `topicId` that `right` of `answered` got right. */
function quiz(topicId: string, right: number, answered: number) {
  return { topicId, answered, right };
}

describe('topicWeights', () => {
  it('is empty before any quiz: every topic weighs as box 1, the default', () => {
    expect(topicWeights([])).toEqual({});
    expect(BOX_WEIGHTS[1]).toBe(1);
  });

  it('moves a topic up one box per passed quiz, up to box 5', () => {
    const passes = (n: number) => Array.from({ length: n }, () => quiz('s3', 3, 3));
    expect(topicWeights(passes(1))).toEqual({ s3: BOX_WEIGHTS[2] });
    expect(topicWeights(passes(2))).toEqual({ s3: BOX_WEIGHTS[3] });
    expect(topicWeights(passes(3))).toEqual({ s3: BOX_WEIGHTS[4] });
    expect(topicWeights(passes(4))).toEqual({ s3: BOX_WEIGHTS[5] });
    expect(topicWeights(passes(9))).toEqual({ s3: BOX_WEIGHTS[5] });
  });

  it('passes at 70% right and fails below', () => {
    expect(topicWeights([quiz('s3', 7, 10)])).toEqual({ s3: 0.5 });
    expect(topicWeights([quiz('s3', 14, 20)])).toEqual({ s3: 0.5 });
    expect(topicWeights([quiz('s3', 6, 10)])).toEqual({ s3: 1 });
    expect(topicWeights([quiz('s3', 2, 3)])).toEqual({ s3: 1 });
    expect(topicWeights([quiz('s3', 1, 1)])).toEqual({ s3: 0.5 });
  });

  it('sends a failed topic back to box 1 from any box', () => {
    expect(topicWeights([quiz('s3', 1, 1), quiz('s3', 1, 1), quiz('s3', 1, 1), quiz('s3', 0, 4)])).toEqual({
      s3: 1,
    });
  });

  it('reads the quizzes oldest first', () => {
    expect(topicWeights([quiz('s3', 1, 1), quiz('s3', 0, 1)])).toEqual({ s3: 1 });
    expect(topicWeights([quiz('s3', 0, 1), quiz('s3', 1, 1)])).toEqual({ s3: 0.5 });
  });

  it('does not move a topic on a quiz nobody answered', () => {
    expect(topicWeights([quiz('s3', 0, 0)])).toEqual({});
    expect(topicWeights([quiz('s3', 1, 1), quiz('s3', 0, 0), quiz('s3', 1, 1)])).toEqual({ s3: 0.25 });
  });

  it('keeps topics apart', () => {
    expect(
      topicWeights([quiz('s3', 1, 1), quiz('ecs', 0, 2), quiz('s3', 1, 1), quiz('lambda', 2, 2)]),
    ).toEqual({
      s3: 0.25,
      ecs: 1,
      lambda: 0.5,
    });
  });

  it('takes the store results as they are', () => {
    const result = {
      quizId: 'daily:T:C:2026-03-29',
      quizDate: '2026-03-29',
      questionId: 's3/fact/1',
      topicId: 's3',
      postedAt: new Date('2026-03-29T07:00:00Z'),
      closed: true,
      answered: 4,
      right: 3,
    };
    expect(topicWeights([result])).toEqual({ s3: 0.5 });
  });
});

describe('practiceWeights', () => {
  it('treats each of a person’s answers as a round', () => {
    const answers = [
      { topicId: 's3', correct: true },
      { topicId: 'ecs', correct: true },
      { topicId: 's3', correct: true },
      { topicId: 'ecs', correct: false },
    ];
    expect(practiceWeights(answers)).toEqual({ s3: 0.25, ecs: 1 });
    expect(practiceWeights([])).toEqual({});
  });
});

describe('leitnerBoxes', () => {
  it('gives each topic’s box, never above 5', () => {
    const rounds = Array.from({ length: 7 }, () => ({ topicId: 'iam', passed: true }));
    expect(leitnerBoxes([...rounds, { topicId: 'vpc', passed: false }])).toEqual(
      new Map([
        ['iam', 5],
        ['vpc', 1],
      ]),
    );
  });
});

describe('with pickQuestion', () => {
  function question(topicId: string): QuizQuestion {
    return {
      id: `${topicId}/fact/1`,
      topic: { id: topicId, title: topicId },
      stem: `About ${topicId}?`,
      options: ['a', 'b', 'c', 'd'],
      answer: 0,
      explanation: '',
      source: { file: 'notes.md', heading: topicId, line: 1 },
      kind: 'fact-to-topic',
    };
  }

  it('brings a never-asked topic up about as often as a failed one, and a mastered one rarely', () => {
    const pool = ['new', 'failed', 'mastered'].map(question);
    const weights = topicWeights([
      ...Array.from({ length: 5 }, () => quiz('mastered', 5, 5)),
      quiz('failed', 1, 5),
    ]);
    const firsts = new Map<string, number>();
    for (let seed = 0; seed < 600; seed++) {
      const topic = pickQuestion(pool, { seed: `day-${seed}`, asked: [], weights })?.topic.id ?? '';
      firsts.set(topic, (firsts.get(topic) ?? 0) + 1);
    }
    // Weights 1 : 1 : 1/16, so about 291 : 291 : 18 of 600.
    expect(firsts.get('mastered') ?? 0).toBeLessThan(40);
    expect(firsts.get('new') ?? 0).toBeGreaterThan(230);
    expect(firsts.get('failed') ?? 0).toBeGreaterThan(230);
  });
});

describe('describeSpacedRepetition', () => {
  it('explains the scheme from its numbers', () => {
    expect(describeSpacedRepetition()).toBe(
      'Each topic sits in one of 5 boxes, starting in box 1. A daily quiz that at least 70% of those ' +
        'answering got right moves its topic up a box; a worse one sends it back to box 1. Each box ' +
        'lower makes a topic twice as likely to come up next, so new and missed topics come back soon, ' +
        'and a topic in box 5 comes up 16 times less often than one in box 1.',
    );
  });
});
