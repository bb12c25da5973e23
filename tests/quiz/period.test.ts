import { describe, expect, it } from 'vitest';
import { parsePeriod, periodLabel, periodStart } from '../../src/quiz/period.js';

describe('parsePeriod', () => {
  it('reads the words for each period, in any case and with spaces around', () => {
    expect(parsePeriod('week')).toBe('week');
    expect(parsePeriod('Weekly')).toBe('week');
    expect(parsePeriod('month')).toBe('month');
    expect(parsePeriod(' MONTHLY ')).toBe('month');
    for (const word of ['all', 'all-time', 'alltime', 'ever', 'All-Time'])
      expect(parsePeriod(word)).toBe('all');
  });

  it('is null for anything else', () => {
    for (const word of ['', 'day', 'year', 'weeks', 'all time', 'toString', 'constructor']) {
      expect(parsePeriod(word)).toBeNull();
    }
  });
});

describe('periodStart', () => {
  const NOW = new Date('2026-03-31T12:00:00Z');

  it('reaches back 7 days for a week and 30 for a month, to the millisecond', () => {
    expect(periodStart('week', NOW)).toEqual(new Date('2026-03-24T12:00:00Z'));
    expect(periodStart('month', NOW)).toEqual(new Date('2026-03-01T12:00:00Z'));
  });

  it('is null for all time', () => {
    expect(periodStart('all', NOW)).toBeNull();
  });
});

describe('periodLabel', () => {
  it('names each period', () => {
    expect(periodLabel('week')).toBe('the last 7 days');
    expect(periodLabel('month')).toBe('the last 30 days');
    expect(periodLabel('all')).toBe('all time');
  });
});
