/**
 * Local calendar days and streaks. A "local date" is a `YYYY-MM-DD` string: the calendar day an
 * instant falls on in some IANA time zone (a person's Slack zone, a channel's schedule zone).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** An instant's wall clock in a zone. */
export interface LocalDateTime {
  /** `YYYY-MM-DD`. */
  date: string;
  /** 0..23. */
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  const cached = formatters.get(zone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      // h23: some runtimes write midnight as 24:00 under the default hour cycle of en-US.
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    // Not cached under the unknown name, so made-up names cannot grow the cache.
    return formatterFor('UTC');
  }
  formatters.set(zone, formatter);
  return formatter;
}

/**
 * The zone itself when this runtime knows it, else `UTC`. Zones come from outside (a person's
 * Slack profile, a schedule saved under another Node version with newer time zone data): a day
 * boundary a few hours off is a far smaller harm than a person who cannot answer a quiz, or a
 * scheduler that stops for every channel, because one zone name is not recognised.
 */
export function zoneOrUtc(zone: string): string {
  return formatterFor(zone).resolvedOptions().timeZone;
}

/**
 * Each zone's offset from UTC during the last minute asked about. Time zones change their offset
 * only on a whole minute, so every instant of that minute has the same one: a burst of quiz clicks
 * (a thousand a second, all in one zone) asks `formatToParts`, which is slow, once a minute.
 */
const MAX_ZONES_KEPT = 1000;
const minuteOffsets = new Map<string, { minute: number; offsetMs: number }>();

/** The wall clock of `at` in `zone` (UTC when the zone is unknown: see `zoneOrUtc`). */
export function localDateTimeOf(at: Date, zone: string): LocalDateTime {
  const instant = at.getTime();
  const minute = Math.floor(instant / 60_000);
  let known = minuteOffsets.get(zone);
  if (known?.minute !== minute) {
    known = { minute, offsetMs: offsetInMinute(minute, zone) };
    // Zone names come from outside; made-up ones must not grow this without end.
    if (minuteOffsets.size >= MAX_ZONES_KEPT) minuteOffsets.clear();
    minuteOffsets.set(zone, known);
  }
  const wall = new Date(instant + known.offsetMs);
  return {
    date: wall.toISOString().slice(0, 10),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** `zone`'s wall clock minus UTC, in ms, during the UTC minute `minute` (minutes since the epoch). */
function offsetInMinute(minute: number, zone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(minute * 60_000)))
    parts[part.type] = part.value;
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - minute * 60_000;
}

/** The calendar day (`YYYY-MM-DD`) `at` falls on in `zone` (UTC when the zone is unknown). */
export function localDateOf(at: Date, zone: string): string {
  return localDateTimeOf(at, zone).date;
}

/** Midnight UTC of a `YYYY-MM-DD` day: calendar arithmetic on it never meets a DST change. */
export function utcMidnightOf(localDate: string): number {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/** The `YYYY-MM-DD` day `days` calendar days after (or, negative, before) `localDate`. */
export function addDays(localDate: string, days: number): string {
  return new Date(utcMidnightOf(localDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * How many consecutive days, up to today, have at least one right daily answer. `rightDays` are
 * those days (any order, repeats allowed). A day not answered yet does not break the streak until
 * it is over: with nothing today, the streak ending yesterday still counts. Days after `today`
 * (possible after someone moves to a zone further west) are ignored.
 */
export function streakOf(rightDays: readonly string[], today: string): number {
  const days = new Set(rightDays);
  let day = days.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (days.has(day)) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}
