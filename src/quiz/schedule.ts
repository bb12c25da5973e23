import type { ChannelSchedule } from '../store/store.js';
import { addDays, localDateOf, localDateTimeOf, utcMidnightOf, zoneOrUtc } from './streak.js';

/** What the words after `/aws quiz daily` ask for. */
export type ScheduleCommand =
  /** No words: show the channel's schedule. */
  | { kind: 'show' }
  /** Stop the channel's daily quiz. */
  | { kind: 'off' }
  /** Post today's quiz now. */
  | { kind: 'now' }
  /** Post the quiz every day at `time` (`HH:MM`, 24-hour clock) in `zone` (IANA name). */
  | { kind: 'set'; time: string; zone: string };

/** The schedule fields the post time depends on. */
export type ScheduleTime = Pick<ChannelSchedule, 'time' | 'zone'>;

/** Input to `/aws quiz daily` that cannot be understood; the message tells the person how to fix it. */
export class ScheduleInputError extends Error {
  override name = 'ScheduleInputError';
}

/** How to use `/aws quiz daily`: the answer to words it cannot read. */
export const SCHEDULE_USAGE =
  'Use `/aws quiz daily 09:00 Europe/Berlin` to post a quiz every day at that time (the zone is ' +
  'optional, UTC by default), `/aws quiz daily off` to stop, `/aws quiz daily now` to post ' +
  "today's quiz now, or `/aws quiz daily` to see the schedule.";

/** Longest piece of the person's input repeated in an error message. */
const ECHO_LIMIT = 40;

function echo(text: string): string {
  return text.length <= ECHO_LIMIT ? text : `${text.slice(0, ECHO_LIMIT - 1)}…`;
}

const MERIDIEM = /^[ap]\.?m\.?$/i;
const TIME = /^(\d{1,2})(?::(\d{2}))?([ap]\.?m\.?)?$/i;
/** `UTC`, or an IANA-shaped `Area/Location` (not abbreviations like EST, nor offsets like +05:30). */
const ZONE_SHAPE = /^(?:utc|[a-z]+(?:\/[a-z0-9_+-]+)+)$/i;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `HH:MM` for `9:00`, `09:00`, `21:30`, `9am`, `9:30pm`, `12am` (midnight); null otherwise. */
export function parseTimeOfDay(text: string): string | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const [, hourText = '', minuteText, meridiem] = match;
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0);
  } else if (minuteText === undefined || hour > 23) {
    // A bare "9" could be morning or evening: ask for 09:00 or 9am instead of guessing.
    return null;
  }
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * The zone's canonical spelling (`europe/berlin` → `Europe/Berlin`), or null when this runtime does
 * not know it. Intl decides rather than `Intl.supportedValuesOf('timeZone')` alone: that list has
 * only ICU's canonical names, which on Node 20 are some older ones (Asia/Calcutta, not
 * Asia/Kolkata), and people type, and Slack reports, the current IANA names. Such an alias comes
 * back as the runtime's canonical name for the same zone.
 */
export function canonicalZone(name: string): string | null {
  if (!ZONE_SHAPE.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** A known zone whose city is `name` (`berlin` → `Europe/Berlin`), to suggest after a miss. */
function zoneNamed(name: string): string | undefined {
  const city = `/${name.toLowerCase().replace(/ /g, '_')}`;
  return Intl.supportedValuesOf('timeZone').find((zone) => zone.toLowerCase().endsWith(city));
}

function parseZone(text: string): string {
  const zone = canonicalZone(text);
  if (zone) return zone;
  const suggestion = zoneNamed(text);
  throw new ScheduleInputError(
    `${echo(text)} is not a time zone I know: use an IANA name like Europe/Berlin or America/New_York` +
      (suggestion ? ` (did you mean ${suggestion}?)` : '.'),
  );
}

/**
 * Reads the words after `/aws quiz daily`: nothing (show), `off`, `now`, or a time of day with an
 * optional IANA zone (UTC when omitted). Throws `ScheduleInputError` with a message for the person.
 */
export function parseScheduleCommand(text: string): ScheduleCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  // "9 am" is one time of day.
  if (words.length >= 2 && MERIDIEM.test(words[1] as string)) words.splice(0, 2, `${words[0]}${words[1]}`);
  const [first, zone, ...rest] = words;
  if (first === undefined) return { kind: 'show' };
  const word = first.toLowerCase();
  if ((word === 'off' || word === 'now') && zone === undefined) return { kind: word };
  if (rest.length > 0 || word === 'off' || word === 'now') {
    throw new ScheduleInputError(`That is not a schedule I understand. ${SCHEDULE_USAGE}`);
  }
  const time = parseTimeOfDay(first);
  if (!time) {
    throw new ScheduleInputError(
      `${echo(first)} is not a time of day: use HH:MM on a 24-hour clock, like 09:00 (or 9am, 9:30pm).`,
    );
  }
  return { kind: 'set', time, zone: zone === undefined ? 'UTC' : parseZone(zone) };
}

/** How far `zone`'s wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, zone: string): number {
  const local = localDateTimeOf(new Date(instant), zone);
  const wall = utcMidnightOf(local.date) + ((local.hour * 60 + local.minute) * 60 + local.second) * 1000;
  return wall - (instant - (instant % 1000));
}

/**
 * The instant of the quiz on the channel's local day `localDate`. Around DST changes:
 * - a time the clocks skip (02:30 in Europe/Berlin on the last Sunday of March, when 02:00 jumps
 *   to 03:00) posts as much later as the clocks jumped: 03:30 local, as croner does too;
 * - a time that happens twice (02:30 in Europe/Berlin on the last Sunday of October) posts once,
 *   at the first of the two (croner picks the second east of UTC and the first west of it).
 * A zone this runtime does not know counts as UTC (see `zoneOrUtc`).
 */
export function postTimeOn(schedule: ScheduleTime, localDate: string): Date {
  const zone = zoneOrUtc(schedule.zone);
  const [hour = 0, minute = 0] = schedule.time.split(':').map(Number);
  const wall = utcMidnightOf(localDate) + (hour * 60 + minute) * 60_000;
  // The offsets a day either side: the ones in force before and after any change that day.
  const before = offsetAt(wall - 86_400_000, zone);
  const after = offsetAt(wall + 86_400_000, zone);
  const instants = [wall - before, wall - after].filter(
    (instant) => instant + offsetAt(instant, zone) === wall,
  );
  return new Date(instants.length > 0 ? Math.min(...instants) : wall - before);
}

/**
 * The channel's local day whose quiz is due at `now`: today (in the schedule's zone) once today's
 * post time has come, else null. Only today's quiz is ever due, so a bot that was down at post time
 * posts it when it starts again the same day, and skips it when it starts the next day.
 */
export function dueQuizDate(schedule: ScheduleTime, now: Date): string | null {
  const today = localDateOf(now, zoneOrUtc(schedule.zone));
  return postTimeOn(schedule, today).getTime() <= now.getTime() ? today : null;
}

/**
 * The first post time strictly after `after`. Not croner's `nextRun`, which disagrees with itself
 * around DST changes: from 03:29 on the spring-forward day it puts the next 02:30 on the following
 * day, having put that day's 02:30 at 03:30 local; and east of UTC it posts a repeated time at the
 * second of the two.
 */
export function nextPostTime(schedule: ScheduleTime, after: Date): Date {
  const today = localDateOf(after, zoneOrUtc(schedule.zone));
  // From yesterday: where clocks fall back across midnight, the local date steps back a day.
  for (let day = addDays(today, -1); ; day = addDays(day, 1)) {
    const post = postTimeOn(schedule, day);
    if (post.getTime() > after.getTime()) return post;
  }
}
