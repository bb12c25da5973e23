import { describe, expect, it } from 'vitest';
import {
  canonicalZone,
  dueQuizDate,
  nextPostTime,
  parseScheduleCommand,
  parseTimeOfDay,
  postTimeOn,
  SCHEDULE_USAGE,
  ScheduleInputError,
  type ScheduleTime,
} from '../../src/quiz/schedule.js';
import { addDays, localDateOf } from '../../src/quiz/streak.js';

const at = (iso: string) => new Date(iso);

function inputError(text: string): ScheduleInputError {
  try {
    parseScheduleCommand(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ScheduleInputError);
    return error as ScheduleInputError;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('parseScheduleCommand', () => {
  it('reads nothing as show, and off and now in any case', () => {
    expect(parseScheduleCommand('')).toEqual({ kind: 'show' });
    expect(parseScheduleCommand('   ')).toEqual({ kind: 'show' });
    expect(parseScheduleCommand('off')).toEqual({ kind: 'off' });
    expect(parseScheduleCommand(' OFF ')).toEqual({ kind: 'off' });
    expect(parseScheduleCommand('now')).toEqual({ kind: 'now' });
    expect(parseScheduleCommand('Now')).toEqual({ kind: 'now' });
  });

  it('reads a time and a zone', () => {
    expect(parseScheduleCommand('09:00 Europe/Berlin')).toEqual({
      kind: 'set',
      time: '09:00',
      zone: 'Europe/Berlin',
    });
    expect(parseScheduleCommand('  21:30   America/New_York ')).toEqual({
      kind: 'set',
      time: '21:30',
      zone: 'America/New_York',
    });
  });

  it('takes UTC when the zone is left out', () => {
    expect(parseScheduleCommand('9:00')).toEqual({ kind: 'set', time: '09:00', zone: 'UTC' });
  });

  it('reads 12-hour times, with or without a space before am/pm', () => {
    expect(parseScheduleCommand('9am')).toEqual({ kind: 'set', time: '09:00', zone: 'UTC' });
    expect(parseScheduleCommand('9:30pm Europe/Berlin')).toEqual({
      kind: 'set',
      time: '21:30',
      zone: 'Europe/Berlin',
    });
    expect(parseScheduleCommand('9 am Europe/Berlin')).toEqual({
      kind: 'set',
      time: '09:00',
      zone: 'Europe/Berlin',
    });
    expect(parseScheduleCommand('9:30 P.M.')).toEqual({ kind: 'set', time: '21:30', zone: 'UTC' });
  });

  it('spells the zone as the runtime does, whatever the case typed', () => {
    expect(parseScheduleCommand('09:00 europe/berlin')).toMatchObject({ zone: 'Europe/Berlin' });
    expect(parseScheduleCommand('09:00 AMERICA/NEW_YORK')).toMatchObject({ zone: 'America/New_York' });
    expect(parseScheduleCommand('09:00 utc')).toMatchObject({ zone: 'UTC' });
    expect(parseScheduleCommand('09:00 Etc/UTC')).toMatchObject({ zone: 'UTC' });
    expect(parseScheduleCommand('09:00 pacific/auckland')).toMatchObject({ zone: 'Pacific/Auckland' });
  });

  it('accepts current IANA names the runtime lists under an older one', () => {
    // Node 20 lists Asia/Calcutta; newer runtimes may answer Asia/Kolkata. Either is the same zone.
    const zone = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Kolkata' }).resolvedOptions().timeZone;
    expect(parseScheduleCommand('09:00 asia/kolkata')).toEqual({ kind: 'set', time: '09:00', zone });
    expect(parseScheduleCommand('09:00 US/Eastern')).toMatchObject({ zone: 'America/New_York' });
  });

  it('says how to write a time of day when the time is not one', () => {
    expect(inputError('25:00').message).toBe(
      '25:00 is not a time of day: use HH:MM on a 24-hour clock, like 09:00 (or 9am, 9:30pm).',
    );
    for (const text of [
      '24:00',
      '09:60',
      '9',
      '13pm',
      '0am',
      '9.30',
      '09:00:00',
      'tomorrow',
      '-1:00',
      '21:30pm',
    ]) {
      expect(inputError(text).message).toMatch(/is not a time of day: use HH:MM/);
    }
  });

  it('says how to name a zone when the zone is unknown', () => {
    expect(inputError('09:00 Mars/Olympus').message).toBe(
      'Mars/Olympus is not a time zone I know: use an IANA name like Europe/Berlin or America/New_York.',
    );
    // Abbreviations and offsets are not IANA names, even where Intl would take them.
    for (const zone of ['EST', 'CET', '+05:30', 'GMT+1']) {
      expect(inputError(`09:00 ${zone}`).message).toMatch(/is not a time zone I know/);
    }
  });

  it('suggests the zone of a city typed alone', () => {
    expect(inputError('09:00 Berlin').message).toBe(
      'Berlin is not a time zone I know: use an IANA name like Europe/Berlin or America/New_York ' +
        '(did you mean Europe/Berlin?)',
    );
    expect(inputError('09:00 new_york').message).toMatch(/did you mean America\/New_York\?/);
  });

  it('answers extra words with the usage', () => {
    for (const text of ['09:00 Europe/Berlin please', 'off now', 'now Europe/Berlin', 'off 09:00']) {
      expect(inputError(text).message).toBe(`That is not a schedule I understand. ${SCHEDULE_USAGE}`);
    }
  });

  it('cuts long input it repeats back', () => {
    const long = 'x'.repeat(5000);
    const message = inputError(long).message;
    expect(message.length).toBeLessThan(200);
    expect(message).toMatch(/^x{39}… is not a time of day/);
    expect(inputError(`09:00 Europe/${long}`).message.length).toBeLessThan(200);
  });
});

describe('parseTimeOfDay', () => {
  it('normalises to HH:MM', () => {
    expect(parseTimeOfDay('0:00')).toBe('00:00');
    expect(parseTimeOfDay('00:00')).toBe('00:00');
    expect(parseTimeOfDay('23:59')).toBe('23:59');
    expect(parseTimeOfDay('12am')).toBe('00:00');
    expect(parseTimeOfDay('12:15am')).toBe('00:15');
    expect(parseTimeOfDay('12pm')).toBe('12:00');
    expect(parseTimeOfDay('11:59PM')).toBe('23:59');
    expect(parseTimeOfDay('1a.m.')).toBe('01:00');
  });
});

describe('canonicalZone', () => {
  it('is null for names this runtime does not know', () => {
    expect(canonicalZone('Mars/Olympus')).toBeNull();
    expect(canonicalZone('')).toBeNull();
    expect(canonicalZone('Europe/Berlin')).toBe('Europe/Berlin');
  });
});

const BERLIN = (time: string): ScheduleTime => ({ time, zone: 'Europe/Berlin' });
const NEW_YORK = (time: string): ScheduleTime => ({ time, zone: 'America/New_York' });
const KOLKATA = (time: string): ScheduleTime => ({ time, zone: 'Asia/Kolkata' });
const AUCKLAND = (time: string): ScheduleTime => ({ time, zone: 'Pacific/Auckland' });
const UTC = (time: string): ScheduleTime => ({ time, zone: 'UTC' });

describe('postTimeOn', () => {
  it('is the local time on that local day, in and out of summer time', () => {
    expect(postTimeOn(BERLIN('09:00'), '2026-01-15')).toEqual(at('2026-01-15T08:00:00Z'));
    expect(postTimeOn(BERLIN('09:00'), '2026-07-15')).toEqual(at('2026-07-15T07:00:00Z'));
    expect(postTimeOn(NEW_YORK('09:00'), '2026-01-15')).toEqual(at('2026-01-15T14:00:00Z'));
    expect(postTimeOn(NEW_YORK('09:00'), '2026-07-15')).toEqual(at('2026-07-15T13:00:00Z'));
    expect(postTimeOn(KOLKATA('09:00'), '2026-03-29')).toEqual(at('2026-03-29T03:30:00Z'));
    expect(postTimeOn(AUCKLAND('09:00'), '2026-01-15')).toEqual(at('2026-01-14T20:00:00Z'));
    expect(postTimeOn(AUCKLAND('09:00'), '2026-07-15')).toEqual(at('2026-07-14T21:00:00Z'));
    expect(postTimeOn(UTC('09:00'), '2026-03-29')).toEqual(at('2026-03-29T09:00:00Z'));
  });

  it('can fall on another UTC day than the local one', () => {
    expect(postTimeOn(KOLKATA('00:00'), '2026-06-01')).toEqual(at('2026-05-31T18:30:00Z'));
    expect(postTimeOn(NEW_YORK('23:30'), '2026-06-01')).toEqual(at('2026-06-02T03:30:00Z'));
  });

  describe('on a spring-forward day, a time the clocks skip posts as much later as they jumped', () => {
    it('Europe/Berlin, 29 March 2026 (02:00 CET → 03:00 CEST)', () => {
      expect(postTimeOn(BERLIN('01:59'), '2026-03-29')).toEqual(at('2026-03-29T00:59:00Z'));
      // 02:00 and 02:30 do not exist: they post at 03:00 and 03:30 CEST.
      expect(postTimeOn(BERLIN('02:00'), '2026-03-29')).toEqual(at('2026-03-29T01:00:00Z'));
      expect(postTimeOn(BERLIN('02:30'), '2026-03-29')).toEqual(at('2026-03-29T01:30:00Z'));
      expect(postTimeOn(BERLIN('03:00'), '2026-03-29')).toEqual(at('2026-03-29T01:00:00Z'));
      expect(postTimeOn(BERLIN('09:00'), '2026-03-29')).toEqual(at('2026-03-29T07:00:00Z'));
    });

    it('America/New_York, 8 March 2026 (02:00 EST → 03:00 EDT)', () => {
      expect(postTimeOn(NEW_YORK('02:30'), '2026-03-08')).toEqual(at('2026-03-08T07:30:00Z'));
      expect(postTimeOn(NEW_YORK('09:00'), '2026-03-07')).toEqual(at('2026-03-07T14:00:00Z'));
      expect(postTimeOn(NEW_YORK('09:00'), '2026-03-08')).toEqual(at('2026-03-08T13:00:00Z'));
    });

    it('Pacific/Auckland, 27 September 2026 (02:00 NZST → 03:00 NZDT)', () => {
      expect(postTimeOn(AUCKLAND('02:30'), '2026-09-27')).toEqual(at('2026-09-26T14:30:00Z'));
      expect(postTimeOn(AUCKLAND('09:00'), '2026-09-27')).toEqual(at('2026-09-26T20:00:00Z'));
    });
  });

  describe('on a fall-back day, a time that happens twice posts at the first', () => {
    it('Europe/Berlin, 25 October 2026 (03:00 CEST → 02:00 CET)', () => {
      expect(postTimeOn(BERLIN('02:00'), '2026-10-25')).toEqual(at('2026-10-25T00:00:00Z'));
      expect(postTimeOn(BERLIN('02:30'), '2026-10-25')).toEqual(at('2026-10-25T00:30:00Z'));
      expect(postTimeOn(BERLIN('03:00'), '2026-10-25')).toEqual(at('2026-10-25T02:00:00Z'));
      expect(postTimeOn(BERLIN('09:00'), '2026-10-25')).toEqual(at('2026-10-25T08:00:00Z'));
    });

    it('America/New_York, 1 November 2026 (02:00 EDT → 01:00 EST)', () => {
      expect(postTimeOn(NEW_YORK('01:30'), '2026-11-01')).toEqual(at('2026-11-01T05:30:00Z'));
      expect(postTimeOn(NEW_YORK('09:00'), '2026-11-01')).toEqual(at('2026-11-01T14:00:00Z'));
    });

    it('Pacific/Auckland, 5 April 2026 (03:00 NZDT → 02:00 NZST)', () => {
      expect(postTimeOn(AUCKLAND('02:30'), '2026-04-05')).toEqual(at('2026-04-04T13:30:00Z'));
      expect(postTimeOn(AUCKLAND('09:00'), '2026-04-05')).toEqual(at('2026-04-04T21:00:00Z'));
    });
  });

  it('treats a zone this runtime does not know as UTC', () => {
    expect(postTimeOn({ time: '09:00', zone: 'Mars/Olympus' }, '2026-03-29')).toEqual(
      at('2026-03-29T09:00:00Z'),
    );
  });
});

describe('dueQuizDate', () => {
  it("is today's local date from the post time on", () => {
    expect(dueQuizDate(BERLIN('09:00'), at('2026-01-15T07:59:59Z'))).toBeNull();
    expect(dueQuizDate(BERLIN('09:00'), at('2026-01-15T08:00:00Z'))).toBe('2026-01-15');
    expect(dueQuizDate(BERLIN('09:00'), at('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
  });

  it('catches up the same day: a bot down at 09:00 that starts at 09:20 posts it', () => {
    expect(dueQuizDate(BERLIN('09:00'), at('2026-01-15T08:20:00Z'))).toBe('2026-01-15');
  });

  it("never posts yesterday's: a bot back the next day before the post time finds nothing due", () => {
    expect(dueQuizDate(BERLIN('09:00'), at('2026-01-16T07:00:00Z'))).toBeNull();
  });

  it("uses the schedule's local day, not the UTC one", () => {
    expect(dueQuizDate(KOLKATA('00:30'), at('2026-06-01T19:00:00Z'))).toBe('2026-06-02');
    expect(dueQuizDate(AUCKLAND('09:00'), at('2026-07-14T21:00:00Z'))).toBe('2026-07-15');
    expect(dueQuizDate(NEW_YORK('23:30'), at('2026-07-16T03:35:00Z'))).toBe('2026-07-15');
    expect(dueQuizDate(UTC('23:30'), at('2026-07-16T03:35:00Z'))).toBeNull();
  });

  it('is due once the clocks have jumped past a skipped time', () => {
    expect(dueQuizDate(BERLIN('02:30'), at('2026-03-29T01:29:59Z'))).toBeNull();
    expect(dueQuizDate(BERLIN('02:30'), at('2026-03-29T01:30:00Z'))).toBe('2026-03-29');
  });

  it('names the same day at both 02:30s of a fall-back night, so the quiz posts once', () => {
    expect(dueQuizDate(BERLIN('02:30'), at('2026-10-25T00:29:59Z'))).toBeNull();
    expect(dueQuizDate(BERLIN('02:30'), at('2026-10-25T00:30:00Z'))).toBe('2026-10-25');
    expect(dueQuizDate(BERLIN('02:30'), at('2026-10-25T01:30:00Z'))).toBe('2026-10-25');
  });
});

describe('nextPostTime', () => {
  it('is the first post time strictly after the instant', () => {
    expect(nextPostTime(BERLIN('09:00'), at('2026-01-15T07:00:00Z'))).toEqual(at('2026-01-15T08:00:00Z'));
    expect(nextPostTime(BERLIN('09:00'), at('2026-01-15T07:59:59.999Z'))).toEqual(at('2026-01-15T08:00:00Z'));
    expect(nextPostTime(BERLIN('09:00'), at('2026-01-15T08:00:00Z'))).toEqual(at('2026-01-16T08:00:00Z'));
    expect(nextPostTime(BERLIN('09:00'), at('2026-01-15T08:00:00.001Z'))).toEqual(at('2026-01-16T08:00:00Z'));
  });

  it('crosses DST changes on local time', () => {
    expect(nextPostTime(BERLIN('09:00'), at('2026-03-28T08:00:00Z'))).toEqual(at('2026-03-29T07:00:00Z'));
    expect(nextPostTime(NEW_YORK('09:00'), at('2026-10-31T13:00:00Z'))).toEqual(at('2026-11-01T14:00:00Z'));
    expect(nextPostTime(KOLKATA('09:00'), at('2026-03-28T03:30:00Z'))).toEqual(at('2026-03-29T03:30:00Z'));
    expect(nextPostTime(UTC('00:00'), at('2026-12-31T12:00:00Z'))).toEqual(at('2027-01-01T00:00:00Z'));
  });

  it('posts a skipped time after the jump, then at the usual time again', () => {
    expect(nextPostTime(BERLIN('02:30'), at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-29T01:30:00Z'));
    expect(nextPostTime(BERLIN('02:30'), at('2026-03-29T01:30:00Z'))).toEqual(at('2026-03-30T00:30:00Z'));
  });

  it('posts a repeated time at the first of the two, and not again at the second', () => {
    expect(nextPostTime(BERLIN('02:30'), at('2026-10-24T12:00:00Z'))).toEqual(at('2026-10-25T00:30:00Z'));
    expect(nextPostTime(BERLIN('02:30'), at('2026-10-25T00:30:00Z'))).toEqual(at('2026-10-26T01:30:00Z'));
    expect(nextPostTime(AUCKLAND('02:30'), at('2026-04-04T00:00:00Z'))).toEqual(at('2026-04-04T13:30:00Z'));
    expect(nextPostTime(AUCKLAND('02:30'), at('2026-04-04T13:30:00Z'))).toEqual(at('2026-04-05T14:30:00Z'));
    expect(nextPostTime(NEW_YORK('01:30'), at('2026-10-31T12:00:00Z'))).toEqual(at('2026-11-01T05:30:00Z'));
    expect(nextPostTime(NEW_YORK('01:30'), at('2026-11-01T05:30:00Z'))).toEqual(at('2026-11-02T06:30:00Z'));
  });

  it('agrees with postTimeOn and dueQuizDate on every day of 2026', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
    for (const zone of zones) {
      for (const time of ['00:00', '01:30', '02:30', '09:00', '23:59']) {
        const schedule = { time, zone };
        for (let day = '2026-01-01'; day < '2027-01-01'; day = addDays(day, 1)) {
          const post = postTimeOn(schedule, day);
          const where = `${time} ${zone} on ${day}`;
          expect(localDateOf(post, zone), where).toBe(day);
          expect(nextPostTime(schedule, new Date(post.getTime() - 1)), where).toEqual(post);
          expect(nextPostTime(schedule, post), where).toEqual(postTimeOn(schedule, addDays(day, 1)));
          expect(dueQuizDate(schedule, post), where).toBe(day);
          expect(dueQuizDate(schedule, new Date(post.getTime() - 1)), where).not.toBe(day);
        }
      }
    }
  });
});
