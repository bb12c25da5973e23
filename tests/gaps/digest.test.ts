import { describe, expect, it } from 'vitest';
import { buildDigest, topicTrends } from '../../src/gaps/digest.js';
import {
  DigestInputError,
  dueDigestSlot,
  nextDigestTime,
  parseDigestCommand,
} from '../../src/gaps/digest-schedule.js';

const here = { channelId: 'C1', channelName: 'aws-study' };

describe('parseDigestCommand', () => {
  it('reads a channel, a weekday, a time and an optional zone', () => {
    expect(parseDigestCommand('#aws-study Mon 09:00 europe/berlin', here)).toEqual({
      kind: 'set',
      channelId: 'C1',
      weekday: 1,
      time: '09:00',
      zone: 'Europe/Berlin',
    });
    expect(parseDigestCommand('<#C0ABC123|general> friday 4:30pm', here)).toMatchObject({
      channelId: 'C0ABC123',
      weekday: 5,
      time: '16:30',
      zone: 'UTC',
    });
    expect(parseDigestCommand('here Sun 07:00', here)).toMatchObject({ channelId: 'C1', weekday: 7 });
    expect(parseDigestCommand('', here)).toEqual({ kind: 'show' });
    expect(parseDigestCommand(' OFF ', here)).toEqual({ kind: 'off' });
    expect(parseDigestCommand('now', here)).toEqual({ kind: 'now' });
  });

  it.each([
    ['#random Mon 09:00', /can’t look up #random by name/],
    ['here M 09:00', /M is not a day of the week/],
    ['here Mon 9', /9 is not a time of day/],
    ['here Mon 09:00 CEST', /CEST is not a time zone I know/],
    ['here Mon', /not a digest schedule I understand/],
  ])('explains what is wrong with %s', (words, message) => {
    expect(() => parseDigestCommand(words, here)).toThrow(DigestInputError);
    expect(() => parseDigestCommand(words, here)).toThrow(message);
  });
});

describe('when the digest is due', () => {
  const berlin = { weekday: 1, time: '09:00', zone: 'Europe/Berlin' };

  it('is due on its weekday from its time in its zone to the end of that day there', () => {
    expect(dueDigestSlot(berlin, new Date('2026-03-02T07:59:00Z'))).toBeNull();
    expect(dueDigestSlot(berlin, new Date('2026-03-02T08:00:00Z'))).toBe('2026-03-02');
    expect(dueDigestSlot(berlin, new Date('2026-03-02T22:59:00Z'))).toBe('2026-03-02');
    expect(dueDigestSlot(berlin, new Date('2026-03-02T23:00:00Z'))).toBeNull();
    // Summer time: 09:00 in Berlin is 07:00 UTC.
    expect(dueDigestSlot(berlin, new Date('2026-06-01T07:00:00Z'))).toBe('2026-06-01');
  });

  it('comes next on the following weekday at its time', () => {
    expect(nextDigestTime(berlin, new Date('2026-03-02T08:00:00Z'))).toEqual(
      new Date('2026-03-09T08:00:00Z'),
    );
    expect(nextDigestTime(berlin, new Date('2026-03-04T12:00:00Z'))).toEqual(
      new Date('2026-03-09T08:00:00Z'),
    );
    expect(nextDigestTime(berlin, new Date('2026-03-28T12:00:00Z'))).toEqual(
      new Date('2026-03-30T07:00:00Z'),
    );
  });
});

describe('the digest', () => {
  const result = (topicId: string, answered: number, right: number) => ({
    channelId: 'C1',
    topicId,
    topicTitle: topicId.toUpperCase(),
    answered,
    right,
  });

  it('finds the most improved and weakest topics of the week against the week before', () => {
    const thisWeek = [result('ecs', 4, 4), result('lambda', 5, 1), result('ecr', 2, 0)];
    const twoWeeks = [result('ecs', 8, 5), result('lambda', 10, 4), result('ecr', 2, 0)];
    const trends = topicTrends(thisWeek, twoWeeks);
    expect(trends).toEqual([
      { title: 'ECS', answered: 4, shareRight: 1, previousShareRight: 0.25 },
      { title: 'LAMBDA', answered: 5, shareRight: 0.2, previousShareRight: 0.6 },
    ]);
    const digest = buildDigest({
      teamId: 'T1',
      from: new Date(0),
      to: new Date(1),
      totals: { asked: 10, answered: 7 },
      groups: [],
      trends,
      reviews: 3,
    });
    expect(digest.improved.map((trend) => trend.title)).toEqual(['ECS']);
    expect(digest.weakest.map((trend) => trend.title)).toEqual(['LAMBDA', 'ECS']);
  });
});
