import { canonicalZone, parseTimeOfDay, postTimeOn } from '../quiz/schedule.js';
import { addDays, localDateOf, zoneOrUtc } from '../quiz/streak.js';
import type { DigestSchedule } from './records.js';

/** What the words after `/aws admin digest` ask for. */
export type DigestCommand =
  | { kind: 'show' }
  | { kind: 'off' }
  | { kind: 'now' }
  | { kind: 'set'; channelId: string; weekday: number; time: string; zone: string };

/** Input to `/aws admin digest` that cannot be understood; the message says how to fix it. */
export class DigestInputError extends Error {
  override name = 'DigestInputError';
}

export const DIGEST_USAGE =
  'Use `/aws admin digest #channel Mon 09:00 Europe/Berlin` to post the weekly digest there (any weekday, ' +
  'a time on a 24-hour clock, any IANA zone; UTC when left out), `/aws admin digest off` to stop it, ' +
  '`/aws admin digest now` to post one at once, or `/aws admin digest` to see the schedule.';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** 1 (Monday) … 7 (Sunday) for `mon`, `Monday`, `tues`…; null for anything else. */
export function parseWeekday(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 2) return null;
  const index = WEEKDAYS.findIndex((day) => day.toLowerCase().startsWith(lower) && lower.length >= 3);
  return index < 0 ? null : index + 1;
}

/** Where the command was typed: `here` and `#its-name` mean this channel. */
export interface CommandChannel {
  channelId: string;
  channelName: string;
}

/** A Slack channel written in the command: `<#C123|name>` (escaped), `C123`, `here`, or this channel's `#name`. */
function channelOf(word: string, here: CommandChannel): string {
  const escaped = /^<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word);
  if (escaped?.[1]) return escaped[1];
  if (/^[CG][A-Z0-9]{6,}$/.test(word)) return word;
  const name = word.replace(/^#/, '').toLowerCase();
  if (name === 'here' || (here.channelName !== '' && name === here.channelName.toLowerCase()))
    return here.channelId;
  throw new DigestInputError(
    `I can’t look up ${word.slice(0, 40)} by name: run \`/aws admin digest here Mon 09:00 Europe/Berlin\` in that channel, or name it by its id (C…).`,
  );
}

export function parseDigestCommand(text: string, here: CommandChannel): DigestCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined) return { kind: 'show' };
  const word = first.toLowerCase();
  if ((word === 'off' || word === 'now') && rest.length === 0) return { kind: word };
  const [dayWord, timeWord, zoneWord, ...extra] = rest;
  if (dayWord === undefined || timeWord === undefined || extra.length > 0)
    throw new DigestInputError(`That is not a digest schedule I understand. ${DIGEST_USAGE}`);
  const channelId = channelOf(first, here);
  const weekday = parseWeekday(dayWord);
  if (weekday === null)
    throw new DigestInputError(
      `${dayWord.slice(0, 40)} is not a day of the week: use Mon, Tue, … or Monday, Tuesday, …`,
    );
  const time = parseTimeOfDay(timeWord);
  if (!time)
    throw new DigestInputError(
      `${timeWord.slice(0, 40)} is not a time of day: use HH:MM on a 24-hour clock, like 09:00.`,
    );
  const zone = zoneWord === undefined ? 'UTC' : canonicalZone(zoneWord);
  if (!zone)
    throw new DigestInputError(
      `${(zoneWord ?? '').slice(0, 40)} is not a time zone I know: use an IANA name like Europe/Berlin or America/New_York.`,
    );
  return { kind: 'set', channelId, weekday, time, zone };
}

/** 1 (Monday) … 7 (Sunday) of a `YYYY-MM-DD` day. */
function weekdayOf(localDate: string): number {
  const day = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The slot (the local day) of the digest due at `now`, or null: due on its weekday from its time
 * to the end of that day in its zone, so a bot that was down at 09:00 posts at 09:20, and one that
 * comes back the next day does not post last week's.
 */
export function dueDigestSlot(
  schedule: Pick<DigestSchedule, 'weekday' | 'time' | 'zone'>,
  now: Date,
): string | null {
  const today = localDateOf(now, zoneOrUtc(schedule.zone));
  if (weekdayOf(today) !== schedule.weekday) return null;
  return postTimeOn(schedule, today).getTime() <= now.getTime() ? today : null;
}

/** The next moment the digest is due after `after`. */
export function nextDigestTime(
  schedule: Pick<DigestSchedule, 'weekday' | 'time' | 'zone'>,
  after: Date,
): Date {
  const today = localDateOf(after, zoneOrUtc(schedule.zone));
  // From yesterday: where clocks fall back across midnight, the local date steps back a day.
  for (let day = addDays(today, -1); ; day = addDays(day, 1)) {
    if (weekdayOf(day) !== schedule.weekday) continue;
    const at = postTimeOn(schedule, day);
    if (at.getTime() > after.getTime()) return at;
  }
}
