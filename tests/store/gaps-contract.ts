import { describe, expect, it } from 'vitest';
import type { AnswerVote, DigestSchedule, NewGap, Store } from '../../src/store/store.js';

const t0 = new Date('2025-03-03T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const DAY = 86_400_000;

function gap(teamId: string, question: string, extra: Partial<NewGap> = {}): NewGap {
  return {
    teamId,
    kind: 'unknown',
    question,
    questionKey: question.toLowerCase(),
    intent: 'unknown',
    topics: [],
    confidence: 0.21,
    notCovered: ['AWS Glue'],
    nearest: { id: 'batch', title: 'AWS Batch — “quoted” 日本語' },
    quizQuestionId: null,
    channelKind: 'command',
    askedAt: t0,
    ...extra,
  };
}

function vote(userId: string, value: 'up' | 'down', extra: Partial<AnswerVote> = {}): AnswerVote {
  return {
    teamId: 'T1',
    answerId: 'a1',
    userId,
    vote: value,
    question: 'what is ecs',
    intent: 'explain',
    topics: [{ id: 'ecs', title: 'ECS (Elastic Container Service)' }],
    confidence: 0.93,
    channelKind: 'dm',
    votedAt: t0,
    ...extra,
  };
}

const schedule: DigestSchedule = {
  teamId: 'T1',
  channelId: 'C1',
  weekday: 1,
  time: '09:00',
  zone: 'Europe/Berlin',
  setBy: 'UADMIN',
  setAt: t0,
};

/**
 * The knowledge gaps' part of the store port (unanswered questions, votes, counts, the digest), on
 * one adapter; run from the store contract suite, so both adapters pass the same tests.
 */
export function describeGapsContract(openStore: () => Promise<Store>): void {
  describe('knowledge gaps', () => {
    it('keeps unanswered questions per workspace without anyone’s id, and reads them from a time on', async () => {
      const store = await openStore();
      await store.keepGap(gap('T1', 'what is glue'));
      await store.keepGap(
        gap('T1', 'how do ecs tasks scale', {
          kind: 'guess',
          intent: 'explain',
          topics: [{ id: 'ecs', title: 'ECS' }],
          notCovered: [],
          nearest: null,
          channelKind: 'dm',
          askedAt: at(DAY),
        }),
      );
      await store.keepGap(gap('T2', 'other workspace'));
      const kept = await store.gapRecords('T1', null);
      expect(kept.map(({ id, ...rest }) => rest)).toEqual([
        { ...gap('T1', 'what is glue'), resolvedAt: null },
        {
          ...gap('T1', 'how do ecs tasks scale', {
            kind: 'guess',
            intent: 'explain',
            topics: [{ id: 'ecs', title: 'ECS' }],
            notCovered: [],
            nearest: null,
            channelKind: 'dm',
            askedAt: at(DAY),
          }),
          resolvedAt: null,
        },
      ]);
      expect(JSON.stringify(kept)).not.toMatch(/userId|U\d/);
      expect((await store.gapRecords('T1', at(1))).map((record) => record.question)).toEqual([
        'how do ecs tasks scale',
      ]);
      expect(await store.gapRecords(null, null)).toHaveLength(3);
    });

    it('marks questions resolved once, and ignores ids it does not know', async () => {
      const store = await openStore();
      await store.keepGap(gap('T1', 'what is glue'));
      await store.keepGap(gap('T1', 'glue pricing'));
      const [first] = await store.gapRecords('T1', null);
      expect(await store.resolveGaps([first?.id ?? '', 'nope', '999999'], at(5))).toBe(1);
      expect(await store.resolveGaps([first?.id ?? ''], at(9))).toBe(0);
      expect((await store.gapRecords('T1', null)).map((record) => record.resolvedAt)).toEqual([at(5), null]);
    });

    it('keeps one vote per person and answer: a double click changes nothing, a change replaces it', async () => {
      const store = await openStore();
      expect(await store.recordVote(vote('U1', 'down'))).toBe('recorded');
      expect(await store.recordVote(vote('U1', 'down', { votedAt: at(1) }))).toBe('unchanged');
      expect(await store.recordVote(vote('U2', 'down'))).toBe('recorded');
      expect(await store.commentOnVote('T1', 'a1', 'U1', 'how to size tasks')).toBe(true);
      expect(await store.downvotes('T1', null)).toEqual([
        { ...withoutVoter(vote('U1', 'down')), comment: 'how to size tasks' },
        { ...withoutVoter(vote('U2', 'down')), comment: null },
      ]);
      expect(await store.recordVote(vote('U1', 'up', { votedAt: at(2) }))).toBe('changed');
      // What the person was looking for belonged to the 👎; a 👍 has nothing to add.
      expect(await store.commentOnVote('T1', 'a1', 'U1', 'too late')).toBe(false);
      expect((await store.downvotes('T1', null)).length).toBe(1);
      expect(await store.recordVote(vote('U1', 'down', { votedAt: at(3) }))).toBe('changed');
      expect(await store.downvotes('T1', at(3))).toEqual([
        { ...withoutVoter(vote('U1', 'down', { votedAt: at(3) })), comment: null },
      ]);
      expect(await store.downvotes('T2', null)).toEqual([]);
    });

    it('counts a double click racing itself once', async () => {
      const store = await openStore();
      const other = await openStore();
      const outcomes = await Promise.all([
        store.recordVote(vote('U1', 'down')),
        other.recordVote(vote('U1', 'down')),
        store.recordVote(vote('U1', 'down')),
      ]);
      expect(outcomes.filter((outcome) => outcome === 'recorded')).toHaveLength(1);
      expect(await store.downvotes('T1', null)).toHaveLength(1);
    });

    it('adds up questions asked and answered per workspace and day', async () => {
      const store = await openStore();
      await store.addQuestionCounts('T1', '2025-03-01', { asked: 1, answered: 1 });
      await store.addQuestionCounts('T1', '2025-03-01', { asked: 4, answered: 0 });
      await store.addQuestionCounts('T1', '2025-03-03', { asked: 1, answered: 1 });
      await store.addQuestionCounts('T1', '2025-03-09', { asked: 1, answered: 1 });
      await store.addQuestionCounts('T2', '2025-03-03', { asked: 1, answered: 1 });
      expect(await store.questionTotals('T1', '2025-03-01', '2025-03-07')).toEqual({ asked: 6, answered: 2 });
      expect(await store.questionTotals('T1', '2025-04-01', '2025-04-07')).toEqual({ asked: 0, answered: 0 });
    });

    it('forgets questions, votes, counts and digest claims older than the retention', async () => {
      const store = await openStore();
      await store.keepGap(gap('T1', 'old', { askedAt: at(-200 * DAY) }));
      await store.keepGap(gap('T1', 'recent'));
      await store.recordVote(vote('U1', 'down', { votedAt: at(-200 * DAY) }));
      await store.recordVote(vote('U2', 'down'));
      await store.addQuestionCounts('T1', '2024-08-01', { asked: 1, answered: 1 });
      await store.addQuestionCounts('T1', '2025-03-03', { asked: 1, answered: 1 });
      await store.claimDigest('T1', '2024-08-05', at(-200 * DAY));
      expect(await store.pruneGaps(at(-180 * DAY))).toBe(4);
      expect((await store.gapRecords(null, null)).map((record) => record.question)).toEqual(['recent']);
      expect(await store.downvotes(null, null)).toHaveLength(1);
      expect(await store.questionTotals('T1', '2024-01-01', '2025-12-31')).toEqual({ asked: 1, answered: 1 });
      expect(await store.pruneGaps(at(-180 * DAY))).toBe(0);
    });

    it('keeps one digest schedule per workspace, replaced when set again', async () => {
      const store = await openStore();
      expect(await store.findDigestSchedule('T1')).toBeNull();
      await store.saveDigestSchedule(schedule);
      await store.saveDigestSchedule({ ...schedule, teamId: 'T0', zone: 'UTC' });
      await store.saveDigestSchedule({ ...schedule, channelId: 'C2', weekday: 5, time: '16:30' });
      expect(await store.findDigestSchedule('T1')).toEqual({
        ...schedule,
        channelId: 'C2',
        weekday: 5,
        time: '16:30',
      });
      expect((await store.listDigestSchedules()).map((row) => row.teamId)).toEqual(['T0', 'T1']);
      expect(await store.deleteDigestSchedule('T1')).toBe(true);
      expect(await store.deleteDigestSchedule('T1')).toBe(false);
    });

    it('lets one process claim a digest slot, across connections, until it gives it back', async () => {
      const store = await openStore();
      const replica = await openStore();
      const claims = await Promise.all([
        store.claimDigest('T1', '2025-03-03', t0),
        replica.claimDigest('T1', '2025-03-03', t0),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimDigest('T1', '2025-03-10', t0)).toBe(true);
      await replica.releaseDigest('T1', '2025-03-03');
      expect(await store.claimDigest('T1', '2025-03-03', t0)).toBe(true);
    });

    it('counts the reviews done in a workspace over a time range', async () => {
      const store = await openStore();
      expect(await store.reviewsDone('T1', at(-DAY), at(DAY))).toBe(0);
    });
  });
}

function withoutVoter(vote: AnswerVote): Omit<AnswerVote, 'userId'> {
  const { userId: _, ...rest } = vote;
  return rest;
}
