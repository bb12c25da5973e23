import type { ScorePeriod } from './records.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How many days back a period reaches; `all` has no start. */
export const PERIOD_DAYS: Readonly<Record<Exclude<ScorePeriod, 'all'>, number>> = { week: 7, month: 30 };

const WORDS: ReadonlyMap<string, ScorePeriod> = new Map([
  ['week', 'week'],
  ['weekly', 'week'],
  ['month', 'month'],
  ['monthly', 'month'],
  ['all', 'all'],
  ['all-time', 'all'],
  ['alltime', 'all'],
  ['ever', 'all'],
]);

/** The period a word names (`week`, `monthly`, `all-time`, …, any case), or null. */
export function parsePeriod(word: string): ScorePeriod | null {
  return WORDS.get(word.trim().toLowerCase()) ?? null;
}

/**
 * The first moment a period counts, or null for all time. Rolling windows rather than calendar
 * weeks: a ranking read on a Monday morning is not empty, and nobody's week starts on another day.
 */
export function periodStart(period: ScorePeriod, now: Date): Date | null {
  return period === 'all' ? null : new Date(now.getTime() - PERIOD_DAYS[period] * DAY_MS);
}

/** The period as a phrase: "Top scorers of …". */
export function periodLabel(period: ScorePeriod): string {
  return period === 'all' ? 'all time' : `the last ${PERIOD_DAYS[period]} days`;
}
