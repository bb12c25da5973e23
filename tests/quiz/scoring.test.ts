import { describe, expect, it } from 'vitest';
import { BASE_POINTS, describeScoring, EARLY_BONUSES, pointsFor } from '../../src/quiz/scoring.js';

const POSTED = new Date('2026-05-04T09:00:00Z');
const MINUTE = 60_000;

function later(ms: number): Date {
  return new Date(POSTED.getTime() + ms);
}

function daily(answeredAt: Date, correct = true): number {
  return pointsFor({ mode: 'daily', correct, postedAt: POSTED, answeredAt });
}

describe('pointsFor', () => {
  it('gives nothing for a wrong answer, however early', () => {
    expect(daily(later(10_000), false)).toBe(0);
    expect(daily(later(5 * 60 * MINUTE), false)).toBe(0);
  });

  it('gives nothing for practice, right or wrong', () => {
    expect(pointsFor({ mode: 'practice', correct: true, postedAt: POSTED, answeredAt: later(1000) })).toBe(0);
    expect(pointsFor({ mode: 'practice', correct: false, postedAt: POSTED, answeredAt: later(1000) })).toBe(
      0,
    );
  });

  it('adds +5 up to and including 15 minutes after the post', () => {
    expect(daily(POSTED)).toBe(15);
    expect(daily(later(14 * MINUTE))).toBe(15);
    expect(daily(later(15 * MINUTE))).toBe(15);
  });

  it('adds +3 after 15 minutes and up to an hour', () => {
    expect(daily(later(15 * MINUTE + 1))).toBe(13);
    expect(daily(later(60 * MINUTE))).toBe(13);
  });

  it('adds +1 after an hour and up to three hours', () => {
    expect(daily(later(60 * MINUTE + 1))).toBe(11);
    expect(daily(later(180 * MINUTE))).toBe(11);
  });

  it('gives the base points alone later', () => {
    expect(daily(later(180 * MINUTE + 1))).toBe(BASE_POINTS);
    expect(daily(later(23 * 60 * MINUTE))).toBe(10);
  });

  it('counts an answer stamped before the post (clock skew) as answered at once', () => {
    expect(daily(later(-2000))).toBe(15);
  });
});

describe('the scoring rule as data', () => {
  it('lists the bonuses soonest first, each smaller than the one before', () => {
    for (let i = 1; i < EARLY_BONUSES.length; i++) {
      const [before, tier] = [EARLY_BONUSES[i - 1], EARLY_BONUSES[i]];
      expect(tier?.withinMinutes).toBeGreaterThan(before?.withinMinutes ?? 0);
      expect(tier?.points).toBeLessThan(before?.points ?? 0);
    }
  });

  it('describes itself in one sentence made from the same numbers', () => {
    expect(describeScoring()).toBe(
      'A right answer to the daily quiz earns 10 points, plus an early bonus: +5 within 15 minutes, ' +
        '+3 within an hour, +1 within 3 hours of the post. Wrong answers and practice quizzes earn none.',
    );
  });
});
