import { describe, expect, it } from 'vitest';
import type { ReviewCard, ReviewLog, Store } from '../../src/store/store.js';

const t0 = new Date('2025-03-01T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const DAY = 86_400_000;

function card(teamId: string, userId: string, topicId: string, extra: Partial<ReviewCard> = {}): ReviewCard {
  return {
    teamId,
    userId,
    topicId,
    topicTitle: `Topic “${topicId}” — 日本語 'quoted'`,
    due: t0,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 'new',
    lastReview: null,
    lastRating: null,
    addedAt: t0,
    addedBy: 'missed',
    ...extra,
  };
}

/** The review of `before`'s current showing at `when`, and the card it leaves. */
function review(before: ReviewCard, option: number, when: Date): { log: ReviewLog; after: ReviewCard } {
  const correct = option === 0;
  const after: ReviewCard = {
    ...before,
    due: new Date(when.getTime() + 3 * DAY),
    stability: 3.173,
    difficulty: 5.28,
    scheduledDays: 3,
    reps: before.reps + 1,
    lapses: before.lapses + (correct ? 0 : 1),
    state: 'review',
    lastReview: when,
    lastRating: correct ? 'good' : 'again',
  };
  const log: ReviewLog = {
    teamId: before.teamId,
    userId: before.userId,
    topicId: before.topicId,
    rep: before.reps,
    questionId: `${before.topicId}/fact/1a2b`,
    option,
    correct,
    rating: correct ? 'good' : 'again',
    reviewedAt: when,
    localDate: when.toISOString().slice(0, 10),
    nextDue: after.due,
  };
  return { log, after };
}

/**
 * The review cards, logs and profiles of the store port, on one adapter; run from the store
 * contract suite, so both adapters pass the same tests. `openStore` opens a store on the suite's
 * database (closed and cleaned up by the suite).
 */
export function describeReviewContract(openStore: () => Promise<Store>): void {
  describe('personal review', () => {
    it('keeps a card once per person and topic, and the first one stands', async () => {
      const store = await openStore();
      const first = card('T1', 'U1', 'ecs');
      expect(await store.addReviewCards([first, card('T1', 'U1', 'lambda')])).toBe(2);
      expect(await store.addReviewCards([card('T1', 'U1', 'ecs', { addedBy: 'start' })])).toBe(0);
      expect(await store.reviewCardsOf('T1', 'U1')).toEqual([first, card('T1', 'U1', 'lambda')]);
      expect(await store.addReviewCards([])).toBe(0);
    });

    it('keeps one workspace’s cards, days and reminders out of another’s', async () => {
      const store = await openStore();
      await store.addReviewCards([card('T1', 'U1', 'ecs'), card('T2', 'U1', 'ecs'), card('T2', 'U2', 's3')]);
      const { log, after } = review(card('T2', 'U1', 'ecs'), 0, at(1000));
      expect(await store.recordReview(log, after)).toEqual({ recorded: true });
      expect(await store.reviewCardsOf('T1', 'U1')).toEqual([card('T1', 'U1', 'ecs')]);
      expect(await store.reviewDaysOf('T1', 'U1')).toEqual([]);
      expect(await store.reviewDaysOf('T2', 'U1')).toEqual(['2025-03-01']);
      expect((await store.teamReviewCards('T2')).map((kept) => kept.userId)).toEqual(['U1', 'U2']);
      expect((await store.teamReviewCards('T1')).map((kept) => kept.topicId)).toEqual(['ecs']);
    });

    it('records a review and its card together, to the millisecond and the last digit', async () => {
      const store = await openStore();
      const before = card('T1', 'U1', 'ecs');
      await store.addReviewCards([before]);
      const { log, after } = review(before, 0, at(1234));
      expect(await store.recordReview(log, after)).toEqual({ recorded: true });
      expect(await store.reviewCardsOf('T1', 'U1')).toEqual([after]);
      const next = review(after, 2, at(3 * DAY + 5));
      expect(await store.recordReview(next.log, next.after)).toEqual({ recorded: true });
      expect(await store.reviewCardsOf('T1', 'U1')).toEqual([next.after]);
      expect(await store.reviewDaysOf('T1', 'U1')).toEqual(['2025-03-01', '2025-03-04']);
    });

    it('reviews a showing once: a second review of it gets the first back, and changes nothing', async () => {
      const store = await openStore();
      const before = card('T1', 'U1', 'ecs');
      await store.addReviewCards([before]);
      const first = review(before, 0, at(1));
      const second = review(before, 3, at(2));
      expect(await store.recordReview(first.log, first.after)).toEqual({ recorded: true });
      expect(await store.recordReview(second.log, second.after)).toEqual({
        recorded: false,
        previous: first.log,
      });
      expect(await store.reviewCardsOf('T1', 'U1')).toEqual([first.after]);
    });

    it('keeps a burst of many people’s reviews, each once, and reads each person’s own cards', async () => {
      const store = await openStore();
      const people = Array.from({ length: 40 }, (_, i) => `U${i}`);
      await store.addReviewCards(people.map((person) => card('T1', person, 'ecs')));
      const [cards, outcomes] = await Promise.all([
        Promise.all(people.map((person) => store.reviewCardsOf('T1', person))),
        Promise.all(
          people.flatMap((person) =>
            [0, 3].map((option) => review(card('T1', person, 'ecs'), option, at(5))),
          ),
        ).then((reviews) => Promise.all(reviews.map((one) => store.recordReview(one.log, one.after)))),
      ]);
      expect(cards.map((mine) => mine.map((kept) => kept.userId))).toEqual(people.map((person) => [person]));
      // Of each person's two clicks on the same showing, one is kept and the other is told of it.
      people.forEach((person, i) => {
        const pair = [outcomes[2 * i], outcomes[2 * i + 1]];
        const kept = pair.findIndex((outcome) => outcome?.recorded);
        expect(
          pair.filter((outcome) => outcome?.recorded),
          person,
        ).toHaveLength(1);
        expect(pair[1 - kept]).toMatchObject({ recorded: false, previous: { option: kept === 0 ? 0 : 3 } });
      });
    });

    it('keeps nothing for a card that does not exist or a showing it has not reached', async () => {
      const store = await openStore();
      const ghost = review(card('T1', 'U1', 'ghost'), 0, at(1));
      expect(await store.recordReview(ghost.log, ghost.after)).toEqual({ recorded: false, previous: null });
      const before = card('T1', 'U1', 'ecs');
      await store.addReviewCards([before]);
      const ahead = review({ ...before, reps: 4 }, 0, at(1));
      expect(await store.recordReview(ahead.log, ahead.after)).toEqual({ recorded: false, previous: null });
      expect(await store.reviewCardsOf('T1', 'U1')).toEqual([before]);
      expect(await store.reviewDaysOf('T1', 'U1')).toEqual([]);
    });

    it('lets exactly one of 30 concurrent reviews of one showing win, across two stores', async () => {
      const [a, b] = await Promise.all([openStore(), openStore()]);
      const before = card('T1', 'U1', 'ecs');
      await a.addReviewCards([before]);
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, (_, i) => {
          const { log, after } = review(before, i % 4, at(i));
          return (i % 2 === 0 ? a : b).recordReview(log, after);
        }),
      );
      const won = outcomes.filter((outcome) => outcome.recorded);
      expect(won).toHaveLength(1);
      const [kept] = await a.reviewCardsOf('T1', 'U1');
      expect(kept?.reps).toBe(1);
      for (const outcome of outcomes) {
        if (!outcome.recorded) expect(outcome.previous?.rep).toBe(0);
      }
    });

    it('keeps a profile, changes its zone and nudge time, and lists only those who asked for a nudge', async () => {
      const store = await openStore();
      expect(await store.findReviewProfile('T1', 'U1')).toBeNull();
      await store.saveReviewProfile({ teamId: 'T1', userId: 'U1', zone: 'Europe/Berlin', remindAt: '08:30' });
      await store.saveReviewProfile({ teamId: 'T1', userId: 'U2', zone: null, remindAt: null });
      await store.saveReviewProfile({ teamId: 'T0', userId: 'U9', zone: null, remindAt: '07:00' });
      expect(await store.findReviewProfile('T1', 'U1')).toEqual({
        teamId: 'T1',
        userId: 'U1',
        zone: 'Europe/Berlin',
        remindAt: '08:30',
      });
      expect(await store.listReminders()).toEqual([
        { teamId: 'T0', userId: 'U9', zone: null, remindAt: '07:00', nudgedDay: null },
        { teamId: 'T1', userId: 'U1', zone: 'Europe/Berlin', remindAt: '08:30', nudgedDay: null },
      ]);
      await store.saveReviewProfile({ teamId: 'T1', userId: 'U1', zone: 'Asia/Tokyo', remindAt: null });
      expect((await store.listReminders()).map((row) => row.userId)).toEqual(['U9']);
    });

    it('claims a nudge once per person and local day, across two stores, and keeps the day on a profile change', async () => {
      const [a, b] = await Promise.all([openStore(), openStore()]);
      await a.saveReviewProfile({ teamId: 'T1', userId: 'U1', zone: 'UTC', remindAt: '08:30' });
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).claimNudge('T1', 'U1', '2025-03-01')),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      await a.saveReviewProfile({ teamId: 'T1', userId: 'U1', zone: 'UTC', remindAt: '09:00' });
      expect(await b.claimNudge('T1', 'U1', '2025-03-01')).toBe(false);
      expect((await a.listReminders())[0]?.nudgedDay).toBe('2025-03-01');
      expect(await b.claimNudge('T1', 'U1', '2025-03-02')).toBe(true);
      expect(await a.claimNudge('T1', 'U2', '2025-03-02')).toBe(false);
    });

    it('exports every card of every workspace, ordered by workspace, person and topic', async () => {
      const store = await openStore();
      await store.addReviewCards([card('T2', 'U1', 'ecs'), card('T1', 'U2', 'b'), card('T1', 'U2', 'a')]);
      await store.addReviewCards([card('T1', 'U1', 'z')]);
      expect(
        (await store.exportReviewCards()).map((kept) => `${kept.teamId}/${kept.userId}/${kept.topicId}`),
      ).toEqual(['T1/U1/z', 'T1/U2/a', 'T1/U2/b', 'T2/U1/ecs']);
    });

    it('adds 1,200 cards in one call (more than one statement’s worth on PostgreSQL)', async () => {
      const store = await openStore();
      const many = Array.from({ length: 1_200 }, (_, i) =>
        card('T1', 'U1', `topic-${String(i).padStart(4, '0')}`),
      );
      expect(await store.addReviewCards(many)).toBe(1_200);
      expect(await store.reviewCardsOf('T1', 'U1')).toHaveLength(1_200);
    });
  });
}
