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
 * Offsets from UTC by zone and UTC hour (and by minute for the hours a zone's clocks change in).
 * `formatToParts` is slow, and a burst of quiz clicks or a study plan of many due cards asks about
 * many instants in a few zones and hours. A zone changes its offset only on a whole minute, and
 * never twice in an hour: an hour that starts and ends on one offset has it throughout.
 */
const offsets = new Map<string, number>();
/** Zone names come from outside; made-up ones must not grow the cache without end. */
const MAX_OFFSETS_KEPT = 50_000;

function offsetOf(key: string, minute: number, zone: string): number {
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = offsetInMinute(minute, zone);
    if (offsets.size >= MAX_OFFSETS_KEPT) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** `zone`'s wall clock minus UTC, in ms, at `instant`. */
function offsetAtInstant(instant: number, zone: string): number {
  const hour = Math.floor(instant / 3_600_000);
  const start = offsetOf(`${zone}\0h${hour}`, hour * 60, zone);
  const end = offsetOf(`${zone}\0h${hour + 1}`, (hour + 1) * 60, zone);
  if (start === end) return start;
  const minute = Math.floor(instant / 60_000);
  return offsetOf(`${zone}\0m${minute}`, minute, zone);
}

/** The wall clock of `at` in `zone` (UTC when the zone is unknown: see `zoneOrUtc`). */
export function localDateTimeOf(at: Date, zone: string): LocalDateTime {
  const instant = at.getTime();
  const wall = new Date(instant + offsetAtInstant(instant, zone));
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
