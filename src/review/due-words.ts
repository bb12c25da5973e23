import { localDateOf, utcMidnightOf } from '../quiz/streak.js';
import { FALLBACK_ZONE } from './scheduling.js';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Calendar days from `now`'s local day to `due`'s, in `zone` (UTC when null). */
export function daysUntil(due: Date, now: Date, zone: string | null): number {
  const inZone = zone ?? FALLBACK_ZONE;
  return Math.round(
    (utcMidnightOf(localDateOf(due, inZone)) - utcMidnightOf(localDateOf(now, inZone))) / DAY_MS,
  );
}

/** "in 4 days", "tomorrow", "today": how far off a review is, in the person's days. */
export function inDays(due: Date, now: Date, zone: string | null): string {
  const days = daysUntil(due, now, zone);
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

/** "today", "tomorrow", "Thursday" (within a week), else "Thu 11 Jun": the day a card is due, where the person is. */
export function dueDay(due: Date, now: Date, zone: string | null): string {
  const days = daysUntil(due, now, zone);
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  const local = localDateOf(due, zone ?? FALLBACK_ZONE);
  const date = new Date(utcMidnightOf(local));
  const weekday = WEEKDAYS[date.getUTCDay()] ?? '';
  if (days < 7) return weekday;
  return `${weekday.slice(0, 3)} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}
