import { describe, expect, it } from 'vitest';
import { addDays, localDateOf, localDateTimeOf, streakOf, zoneOrUtc } from '../../src/quiz/streak.js';

/** The wall clock of `instant` in `zone`, from Intl directly: what the fast path must agree with. */
function wallClockByIntl(instant: Date, zone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

describe('localDateOf', () => {
  const at = (iso: string) => new Date(iso);

  it('gives the calendar day in the zone, not in UTC', () => {
    // 22:30 UTC on the night clocks go forward: already the next day in Berlin (CEST, +2).
    expect(localDateOf(at('2026-03-29T22:30:00Z'), 'Europe/Berlin')).toBe('2026-03-30');
    expect(localDateOf(at('2026-03-29T22:30:00Z'), 'America/New_York')).toBe('2026-03-29');
    expect(localDateOf(at('2026-03-29T22:30:00Z'), 'UTC')).toBe('2026-03-29');
  });

  it('turns the day at local midnight, half-hour offsets included', () => {
    expect(localDateOf(at('2026-01-01T18:29:59Z'), 'Asia/Kolkata')).toBe('2026-01-01');
    expect(localDateOf(at('2026-01-01T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-01-02');
    expect(localDateOf(at('2026-06-30T11:59:59Z'), 'Pacific/Auckland')).toBe('2026-06-30');
    expect(localDateOf(at('2026-06-30T12:00:00Z'), 'Pacific/Auckland')).toBe('2026-07-01');
  });

  it('accepts aliases and any case, as Slack profiles and old schedules may hold them', () => {
    const instant = at('2026-01-01T18:30:00Z');
    expect(localDateOf(instant, 'Asia/Calcutta')).toBe('2026-01-02');
    expect(localDateOf(instant, 'asia/kolkata')).toBe('2026-01-02');
  });

  it('falls back to UTC for a zone it does not know, instead of throwing', () => {
    expect(localDateOf(at('2026-03-29T23:30:00Z'), 'Mars/Olympus')).toBe('2026-03-29');
    expect(localDateOf(at('2026-03-29T23:30:00Z'), '')).toBe('2026-03-29');
    expect(zoneOrUtc('Mars/Olympus')).toBe('UTC');
    expect(zoneOrUtc('europe/berlin')).toBe('Europe/Berlin');
  });

  it('writes midnight as hour 0', () => {
    expect(localDateTimeOf(at('2026-07-01T22:00:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-07-02',
      hour: 0,
      minute: 0,
      second: 0,
    });
  });

  it('agrees with Intl at every minute around a DST change, asked in order as a burst of clicks asks', () => {
    // Berlin falls back at 01:00 UTC; Lord Howe moves by half an hour; Kathmandu is +05:45.
    const cases: [string, string][] = [
      ['Europe/Berlin', '2026-10-25T00:58:00Z'],
      ['Australia/Lord_Howe', '2026-10-03T15:28:00Z'],
      ['Asia/Kathmandu', '2026-12-31T18:13:00Z'],
    ];
    for (const [zone, start] of cases) {
      for (let second = 0; second < 5 * 60; second += 7) {
        const instant = new Date(Date.parse(start) + second * 1000 + 123);
        expect(localDateTimeOf(instant, zone), `${zone} at ${instant.toISOString()}`).toEqual(
          wallClockByIntl(instant, zone),
        );
      }
    }
  });

  it('agrees with Intl at instants spread over forty years, in zones with odd offsets and DST', () => {
    const zones = [
      'Europe/Berlin',
      'America/St_Johns',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Pacific/Chatham',
    ];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const from = Date.parse('2000-01-01T00:00:00Z');
    const span = Date.parse('2040-01-01T00:00:00Z') - from;
    for (let i = 0; i < 400; i++) {
      const instant = new Date(from + Math.floor(random() * span));
      for (const zone of zones) {
        expect(localDateTimeOf(instant, zone), `${zone} at ${instant.toISOString()}`).toEqual(
          wallClockByIntl(instant, zone),
        );
      }
    }
  });
});

describe('addDays', () => {
  it('steps calendar days, DST changes and month and year ends included', () => {
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', -1)).toBe('2026-10-24');
    expect(addDays('2026-10-26', -1)).toBe('2026-10-25');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -365)).toBe('2025-03-01');
  });
});

describe('streakOf', () => {
  const TODAY = '2026-03-30';

  it('is 0 without right days', () => {
    expect(streakOf([], TODAY)).toBe(0);
  });

  it('counts consecutive days ending today', () => {
    expect(streakOf(['2026-03-30'], TODAY)).toBe(1);
    expect(streakOf(['2026-03-28', '2026-03-29', '2026-03-30'], TODAY)).toBe(3);
  });

  it('does not break before today is over: a streak ending yesterday still counts', () => {
    expect(streakOf(['2026-03-29'], TODAY)).toBe(1);
    expect(streakOf(['2026-03-27', '2026-03-28', '2026-03-29'], TODAY)).toBe(3);
  });

  it('is 0 once a whole day was missed', () => {
    expect(streakOf(['2026-03-28'], TODAY)).toBe(0);
    expect(streakOf(['2026-03-26', '2026-03-27', '2026-03-28'], TODAY)).toBe(0);
  });

  it('stops at the first gap', () => {
    expect(streakOf(['2026-03-25', '2026-03-26', '2026-03-28', '2026-03-29', '2026-03-30'], TODAY)).toBe(3);
  });

  it('takes the days in any order and with repeats', () => {
    expect(streakOf(['2026-03-29', '2026-03-30', '2026-03-28', '2026-03-29', '2026-03-30'], TODAY)).toBe(3);
  });

  it('runs across DST changes and month and year ends', () => {
    expect(streakOf(['2026-03-28', '2026-03-29', '2026-03-30'], '2026-03-30')).toBe(3);
    expect(streakOf(['2026-10-24', '2026-10-25', '2026-10-26'], '2026-10-26')).toBe(3);
    expect(streakOf(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'], '2026-01-02')).toBe(4);
    expect(streakOf(['2028-02-28', '2028-02-29', '2028-03-01'], '2028-03-01')).toBe(3);
  });

  it('ignores days after today', () => {
    expect(streakOf(['2026-03-29', '2026-03-30', '2026-03-31'], TODAY)).toBe(2);
    expect(streakOf(['2026-03-31'], TODAY)).toBe(0);
  });
});
