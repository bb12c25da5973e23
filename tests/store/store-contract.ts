import { afterEach, describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/quiz/types.js';
import { type AppliedMigration, MIGRATIONS } from '../../src/store/migrations.js';
import type { ChannelSchedule, PostedQuiz, QuizAnswer, Store } from '../../src/store/store.js';
import { answerTo } from '../helpers/quiz-records.js';
import { describeGapsContract } from './gaps-contract.js';
import { describeReviewContract } from './review-contract.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A question whose text exercises JSON and SQL quoting and non-ASCII text. */
function questionFor(key: string, topicId = 'ec2', topicTitle = 'Amazon EC2'): QuizQuestion {
  return {
    id: `${topicId}:fact-to-topic:${key}`,
    topic: { id: topicId, title: topicTitle },
    stem: `Which service "keeps" it's ${key}? \\ 'quoted' — 日本語, émoji 🚀, Ω\n second line\ttab`,
    options: ['EC2 "classic"', "S3's bucket", 'Lambda λ', 'IAM \\ policy'],
    answer: 0,
    explanation: 'Quoted from the notes: "EC2 runs virtual machines" (compute.md › EC2).',
    source: { file: 'knowledge/compute.md', heading: 'EC2 — Elastic Compute Cloud', line: 12 },
    kind: 'fact-to-topic',
  };
}

function dailyQuiz(
  teamId: string,
  channelId: string,
  quizDate: string,
  postedAt: Date,
  extra: Partial<PostedQuiz> = {},
): PostedQuiz {
  return {
    id: `daily:${teamId}:${channelId}:${quizDate}`,
    teamId,
    channelId,
    mode: 'daily',
    quizDate,
    askedBy: null,
    question: questionFor(quizDate),
    postedAt,
    closesAt: new Date(postedAt.getTime() + 8 * HOUR),
    messageTs: null,
    closedAt: null,
    ...extra,
  };
}

function practiceQuiz(
  id: string,
  teamId: string,
  channelId: string,
  askedBy: string,
  postedAt: Date,
  extra: Partial<PostedQuiz> = {},
): PostedQuiz {
  return {
    id,
    teamId,
    channelId,
    mode: 'practice',
    quizDate: null,
    askedBy,
    question: questionFor(id, 's3', 'Amazon S3'),
    postedAt,
    closesAt: null,
    messageTs: null,
    closedAt: null,
    ...extra,
  };
}

function schedule(teamId: string, channelId: string, extra: Partial<ChannelSchedule> = {}): ChannelSchedule {
  return {
    teamId,
    channelId,
    time: '09:30',
    zone: 'Europe/Berlin',
    setBy: 'U_ADMIN',
    setAt: new Date('2025-03-01T08:00:00.123Z'),
    ...extra,
  };
}

/** The export order: answered time, then quiz id, then user id (ids compared as plain code units). */
function exportOrder(a: QuizAnswer, b: QuizAnswer): number {
  const byTime = a.answeredAt.getTime() - b.answeredAt.getTime();
  if (byTime !== 0) return byTime;
  if (a.quizId !== b.quizId) return a.quizId < b.quizId ? -1 : 1;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Runs `tasks` at most `width` at a time. */
async function inBatches(tasks: (() => Promise<unknown>)[], width: number): Promise<void> {
  for (let start = 0; start < tasks.length; start += width) {
    await Promise.all(tasks.slice(start, start + width).map((task) => task()));
  }
}

/**
 * The one behaviour every Store adapter must show. `open` opens (migrating) the current test
 * database, and may be called several times in one test: each call is another connection to the
 * SAME database, as a restart or a second replica would be. `cleanup` runs after each test, once
 * every store opened in it is closed, and throws that database away, so the next test starts empty.
 * `appliedMigrations` reads `schema_migrations` straight from the current database, not through the store.
 * `createAtVersion` builds the current database as an older release left it: migrated only up to
 * `version`, holding `deliveries` (key, received time), without opening a store.
 */
export function describeStoreContract(
  name: string,
  open: () => Promise<Store>,
  cleanup: () => Promise<void>,
  appliedMigrations: () => Promise<AppliedMigration[]>,
  createAtVersion: (version: number, deliveries: [string, Date][]) => Promise<void>,
): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];
    async function openStore(): Promise<Store> {
      const store = await open();
      opened.push(store);
      return store;
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await cleanup();
    });

    const t0 = new Date('2025-03-01T09:00:00.000Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);

    it('claims a key once: true the first time, false every time after', async () => {
      const store = await openStore();
      expect(await store.claimDelivery('event:Ev1', t0)).toBe(true);
      expect(await store.claimDelivery('event:Ev1', at(1000))).toBe(false);
      expect(await store.claimDelivery('event:Ev1', t0)).toBe(false);
    });

    it('keeps different keys independent', async () => {
      const store = await openStore();
      expect(await store.claimDelivery('event:Ev1', t0)).toBe(true);
      expect(await store.claimDelivery('event:Ev2', t0)).toBe(true);
      expect(await store.claimDelivery('event:ev1', t0)).toBe(true);
      expect(await store.claimDelivery('event:Ev2', t0)).toBe(false);
    });

    it('lets exactly one of 50 concurrent claims of one key win', async () => {
      const store = await openStore();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => store.claimDelivery('event:Race', at(i))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('lets exactly one claim win across two stores on the same database (two replicas)', async () => {
      const [a, b] = await Promise.all([openStore(), openStore()]);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).claimDelivery('event:Replicas', at(i))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('prunes only claims received strictly before the cut-off, and counts them', async () => {
      const store = await openStore();
      await store.claimDelivery('old', at(0));
      await store.claimDelivery('edge', at(60_000));
      await store.claimDelivery('new', at(120_000));
      expect(await store.pruneDeliveries(at(60_000))).toBe(1);
      expect(await store.pruneDeliveries(at(60_000))).toBe(0);
      expect(await store.claimDelivery('old', at(180_000))).toBe(true);
      expect(await store.claimDelivery('edge', at(180_000))).toBe(false);
      expect(await store.claimDelivery('new', at(180_000))).toBe(false);
    });

    it('keeps received times to the millisecond', async () => {
      const store = await openStore();
      await store.claimDelivery('k', at(5));
      expect(await store.pruneDeliveries(at(5))).toBe(0);
      expect(await store.pruneDeliveries(at(6))).toBe(1);
    });

    it('pings while open, rejects after close, and closes twice without complaint', async () => {
      const store = await openStore();
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.ping()).rejects.toThrow();
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('probes a write and keeps nothing of it', async () => {
      const store = await openStore();
      await store.claimDelivery('kept', t0);
      await expect(store.probeWrite()).resolves.toBeUndefined();
      await expect(store.probeWrite()).resolves.toBeUndefined();
      expect(await store.pruneDeliveries(at(DAY))).toBe(1);
      await store.close();
      await expect(store.probeWrite()).rejects.toThrow();
    });

    it('applies each migration once, however often the database is opened, and keeps the data', async () => {
      const first = await openStore();
      expect(await first.claimDelivery('event:Kept', t0)).toBe(true);
      await first.close();
      const second = await openStore();
      await openStore();
      const expected = MIGRATIONS.map(({ version, name }) => ({ version, name }));
      expect(await appliedMigrations()).toEqual(expected);
      expect(await second.claimDelivery('event:Kept', t0)).toBe(false);
    });

    it('keeps claims across close and reopen', async () => {
      const first = await openStore();
      await first.claimDelivery('event:Durable', t0);
      await first.close();
      const reopened = await openStore();
      expect(await reopened.claimDelivery('event:Durable', at(1))).toBe(false);
      expect(await reopened.pruneDeliveries(at(1))).toBe(1);
    });

    it('refuses an invalid Date rather than storing it', async () => {
      const store = await openStore();
      await expect(store.claimDelivery('k', new Date(Number.NaN))).rejects.toThrow(/invalid Date/);
      expect(await store.claimDelivery('k', t0)).toBe(true);
    });

    describe('schedules', () => {
      it('saves, finds, replaces and deletes a channel schedule', async () => {
        const store = await openStore();
        expect(await store.findSchedule('T1', 'C1')).toBeNull();
        const first = schedule('T1', 'C1');
        await store.saveSchedule(first);
        expect(await store.findSchedule('T1', 'C1')).toEqual(first);

        const replacement = schedule('T1', 'C1', {
          time: '17:05',
          zone: 'America/New_York',
          setBy: 'U_OTHER',
          setAt: at(86_400_007),
        });
        await store.saveSchedule(replacement);
        expect(await store.findSchedule('T1', 'C1')).toEqual(replacement);
        expect(await store.listSchedules()).toEqual([replacement]);

        expect(await store.deleteSchedule('T1', 'C1')).toBe(true);
        expect(await store.deleteSchedule('T1', 'C1')).toBe(false);
        expect(await store.findSchedule('T1', 'C1')).toBeNull();
        expect(await store.listSchedules()).toEqual([]);
      });

      it('lists every workspace’s schedules, by team then channel', async () => {
        const store = await openStore();
        const rows = [
          schedule('T2', 'C1'),
          schedule('T1', 'C2'),
          schedule('T10', 'C0'),
          schedule('T1', 'C1', { time: '07:00' }),
          schedule('T2', 'A9'),
        ];
        for (const row of rows) await store.saveSchedule(row);
        const listed = await store.listSchedules();
        expect(listed.map((row) => `${row.teamId}/${row.channelId}`)).toEqual([
          'T1/C1',
          'T1/C2',
          'T10/C0',
          'T2/A9',
          'T2/C1',
        ]);
        expect(listed[0]).toEqual(rows[3]);
      });

      it('refuses an invalid Date', async () => {
        const store = await openStore();
        await expect(
          store.saveSchedule(schedule('T1', 'C1', { setAt: new Date(Number.NaN) })),
        ).rejects.toThrow(TypeError);
        expect(await store.findSchedule('T1', 'C1')).toBeNull();
      });

      it('records a post error, keeps the latest, lists it with who set the schedule, and clears it', async () => {
        const store = await openStore();
        await store.saveSchedule(schedule('T1', 'C2'));
        await store.saveSchedule(schedule('T1', 'C1', { setBy: 'U_SETTER' }));
        expect(await store.listPostErrors()).toEqual([]);

        expect(await store.recordPostError('T1', 'C1', '2025-03-01', 'not_in_channel', at(5))).toBe(true);
        expect(await store.recordPostError('T1', 'C1', '2025-03-01', 'is_archived', at(60_007))).toBe(false);
        expect(await store.listPostErrors()).toEqual([
          {
            teamId: 'T1',
            channelId: 'C1',
            setBy: 'U_SETTER',
            quizDate: '2025-03-01',
            error: 'is_archived',
            at: at(60_007),
          },
        ]);
        // The schedule itself is as it was set.
        expect(await store.findSchedule('T1', 'C1')).toEqual(schedule('T1', 'C1', { setBy: 'U_SETTER' }));

        await store.clearPostError('T1', 'C1');
        expect(await store.listPostErrors()).toEqual([]);
        // Cleared the same day (a quiz went out after all): still told once that day.
        expect(await store.recordPostError('T1', 'C1', '2025-03-01', 'not_in_channel', at(90_000))).toBe(
          false,
        );
        expect(await store.recordPostError('T1', 'C1', '2025-03-02', 'not_in_channel', at(DAY))).toBe(true);
        expect((await store.listPostErrors()).map((row) => [row.channelId, row.quizDate])).toEqual([
          ['C1', '2025-03-02'],
        ]);
      });

      it('tells of a channel’s post error once a day across two stores (two replicas), and never without a schedule', async () => {
        const [a, b] = await Promise.all([openStore(), openStore()]);
        await a.saveSchedule(schedule('T1', 'C1'));
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 === 0 ? a : b).recordPostError('T1', 'C1', '2025-03-01', 'not_in_channel', at(i)),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await a.recordPostError('T1', 'C9', '2025-03-01', 'not_in_channel', t0)).toBe(false);
        expect(await b.listPostErrors()).toHaveLength(1);
        expect(await a.deleteSchedule('T1', 'C1')).toBe(true);
        expect(await b.listPostErrors()).toEqual([]);
      });
    });

    describe('quizzes', () => {
      it('keeps a quiz whole: the question deep-equal (quotes, unicode), dates to the millisecond', async () => {
        const store = await openStore();
        const daily = dailyQuiz('T1', 'C1', '2025-03-01', at(123), { closesAt: at(8 * HOUR + 456) });
        const practice = practiceQuiz('practice:abc', 'T1', 'D1', 'U1', at(789));
        expect(await store.createQuiz(daily)).toBe(true);
        expect(await store.createQuiz(practice)).toBe(true);

        expect(await store.findQuiz(daily.id)).toEqual(daily);
        expect(await store.findQuiz(practice.id)).toEqual(practice);
        expect((await store.findQuiz(daily.id))?.question).toStrictEqual(daily.question);
        expect((await store.findQuiz(daily.id))?.postedAt.getTime()).toBe(t0.getTime() + 123);
        expect(await store.findDailyQuiz('T1', 'C1', '2025-03-01')).toEqual(daily);
        expect(await store.findQuiz('no-such-quiz')).toBeNull();
        expect(await store.findDailyQuiz('T1', 'C1', '2025-03-02')).toBeNull();
        expect(await store.findDailyQuiz('T1', 'D1', '2025-03-01')).toBeNull();
      });

      it('creates a quiz id once', async () => {
        const store = await openStore();
        const quiz = practiceQuiz('practice:1', 'T1', 'D1', 'U1', t0);
        expect(await store.createQuiz(quiz)).toBe(true);
        expect(await store.createQuiz({ ...quiz, askedBy: 'U2', postedAt: at(1) })).toBe(false);
        expect(await store.findQuiz(quiz.id)).toEqual(quiz);
      });

      it('keeps one daily quiz per team, channel and day, whatever its id', async () => {
        const store = await openStore();
        const first = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        expect(await store.createQuiz(first)).toBe(true);
        const clash = { ...dailyQuiz('T1', 'C1', '2025-03-01', at(5)), id: 'daily:other-id' };
        expect(await store.createQuiz(clash)).toBe(false);
        expect(await store.findQuiz(clash.id)).toBeNull();
        expect(await store.findDailyQuiz('T1', 'C1', '2025-03-01')).toEqual(first);
        // Another day, channel or workspace is another quiz.
        expect(await store.createQuiz(dailyQuiz('T1', 'C1', '2025-03-02', at(DAY)))).toBe(true);
        expect(await store.createQuiz(dailyQuiz('T1', 'C2', '2025-03-01', t0))).toBe(true);
        expect(await store.createQuiz(dailyQuiz('T2', 'C1', '2025-03-01', t0))).toBe(true);
      });

      it('lets one of many concurrent daily quizzes for one day win, across two stores (two replicas)', async () => {
        const [a, b] = await Promise.all([openStore(), openStore()]);
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 === 0 ? a : b).createQuiz({
              ...dailyQuiz('T1', 'C1', '2025-03-01', at(i)),
              id: `daily:T1:C1:2025-03-01:${i}`,
            }),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results.indexOf(true);
        expect((await b.findDailyQuiz('T1', 'C1', '2025-03-01'))?.id).toBe(
          `daily:T1:C1:2025-03-01:${winner}`,
        );
      });

      it('never lets practice quizzes collide, however many one person asks for in one place', async () => {
        const store = await openStore();
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.createQuiz(practiceQuiz(`practice:${i}`, 'T1', 'D1', 'U1', t0)),
          ),
        );
        expect(results).toEqual(Array.from({ length: 10 }, () => true));
        // A practice quiz in a channel does not take the channel's daily slot either.
        expect(await store.createQuiz(dailyQuiz('T1', 'D1', '2025-03-01', t0))).toBe(true);
      });

      it('records the Slack message a quiz was posted as', async () => {
        const store = await openStore();
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        await store.createQuiz(quiz);
        await store.setQuizMessage(quiz.id, '1740819600.000100');
        expect(await store.findQuiz(quiz.id)).toEqual({ ...quiz, messageTs: '1740819600.000100' });
        await store.setQuizMessage(quiz.id, '1740819600.000100');
        expect((await store.findQuiz(quiz.id))?.messageTs).toBe('1740819600.000100');
      });

      it('withdraws only a quiz never posted and never answered', async () => {
        const store = await openStore();
        const unposted = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        const posted = dailyQuiz('T1', 'C2', '2025-03-01', t0);
        const answered = practiceQuiz('practice:answered', 'T1', 'D1', 'U1', t0);
        for (const quiz of [unposted, posted, answered]) await store.createQuiz(quiz);
        await store.setQuizMessage(posted.id, '1.2');
        await store.recordAnswer(answerTo(answered, 'U1', 1, at(1)));

        expect(await store.withdrawQuiz(posted.id)).toBe(false);
        expect(await store.withdrawQuiz(answered.id)).toBe(false);
        expect(await store.withdrawQuiz('no-such-quiz')).toBe(false);
        expect(await store.findQuiz(posted.id)).not.toBeNull();
        expect(await store.findQuiz(answered.id)).not.toBeNull();
        expect(await store.answersOf('T1', 'U1')).toHaveLength(1);

        expect(await store.withdrawQuiz(unposted.id)).toBe(true);
        expect(await store.withdrawQuiz(unposted.id)).toBe(false);
        expect(await store.findQuiz(unposted.id)).toBeNull();
        // The day's slot is free again, so the post can be tried again.
        expect(await store.createQuiz(unposted)).toBe(true);
      });

      it('lists the posted, open, due daily quizzes to close, oldest first', async () => {
        const store = await openStore();
        const now = at(DAY);
        const dueLater = dailyQuiz('T1', 'C1', '2025-03-01', at(2 * HOUR), { closesAt: now }); // due exactly now
        const dueEarlier = dailyQuiz('T2', 'C9', '2025-03-01', at(HOUR), { closesAt: at(DAY - 1) });
        const unposted = dailyQuiz('T1', 'C2', '2025-03-01', t0, { closesAt: at(1) });
        const closed = dailyQuiz('T1', 'C3', '2025-03-01', t0, { closesAt: at(1) });
        const notYet = dailyQuiz('T1', 'C4', '2025-03-01', t0, { closesAt: at(DAY + 1) });
        const practice = practiceQuiz('practice:p', 'T1', 'C5', 'U1', t0, { closesAt: at(1) });
        for (const quiz of [dueLater, dueEarlier, unposted, closed, notYet, practice]) {
          expect(await store.createQuiz(quiz)).toBe(true);
        }
        for (const quiz of [dueLater, dueEarlier, closed, notYet, practice]) {
          await store.setQuizMessage(quiz.id, `ts-${quiz.id}`);
        }
        expect(await store.closeQuiz(closed.id, at(2))).toBe(true);

        const due = await store.quizzesToClose(now);
        expect(due.map((quiz) => quiz.id)).toEqual([dueEarlier.id, dueLater.id]);
        expect(due[0]).toEqual({ ...dueEarlier, messageTs: `ts-${dueEarlier.id}` });
        expect((await store.quizzesToClose(at(DAY - 1))).map((quiz) => quiz.id)).toEqual([dueEarlier.id]);
        expect(await store.quizzesToClose(at(0))).toEqual([]);

        expect(await store.closeQuiz(dueEarlier.id, now)).toBe(true);
        expect((await store.quizzesToClose(now)).map((quiz) => quiz.id)).toEqual([dueLater.id]);
      });

      it('closes a quiz once: one true among concurrent closers, across two stores', async () => {
        const [a, b] = await Promise.all([openStore(), openStore()]);
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        await a.createQuiz(quiz);
        await a.setQuizMessage(quiz.id, '1.1');
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).closeQuiz(quiz.id, at(8 * HOUR + i))),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const closedAt = (await b.findQuiz(quiz.id))?.closedAt;
        expect(closedAt?.getTime()).toBe(at(8 * HOUR + results.indexOf(true)).getTime());
        expect(await a.closeQuiz(quiz.id, at(9 * HOUR))).toBe(false);
        expect(await a.closeQuiz('no-such-quiz', at(9 * HOUR))).toBe(false);
      });

      it('refuses invalid Dates', async () => {
        const store = await openStore();
        const bad = new Date(Number.NaN);
        await expect(store.createQuiz(dailyQuiz('T1', 'C1', '2025-03-01', bad))).rejects.toThrow(TypeError);
        await expect(
          store.createQuiz(dailyQuiz('T1', 'C1', '2025-03-01', t0, { closesAt: bad })),
        ).rejects.toThrow(TypeError);
        expect(await store.findDailyQuiz('T1', 'C1', '2025-03-01')).toBeNull();
        await expect(store.quizzesToClose(bad)).rejects.toThrow(TypeError);
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        await store.createQuiz(quiz);
        await expect(store.closeQuiz(quiz.id, bad)).rejects.toThrow(TypeError);
        await expect(store.recordAnswer({ ...answerTo(quiz, 'U1', 0, t0), answeredAt: bad })).rejects.toThrow(
          TypeError,
        );
        await expect(store.leaderboard({ teamId: 'T1', since: bad })).rejects.toThrow(TypeError);
        await expect(store.channelScores('T1', bad)).rejects.toThrow(TypeError);
        await expect(store.channelTopicResults('T1', bad)).rejects.toThrow(TypeError);
        expect(await store.tallyQuiz(quiz.id)).toMatchObject({ answered: 0 });
      });
    });

    describe('answers', () => {
      it('keeps a person’s first answer and returns it for every later one', async () => {
        const store = await openStore();
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        await store.createQuiz(quiz);
        const first = answerTo(quiz, 'U1', 2, at(1_234));
        expect(await store.recordAnswer(first)).toEqual({ recorded: true });
        const again = await store.recordAnswer(answerTo(quiz, 'U1', 0, at(2_000)));
        expect(again).toEqual({ recorded: false, previous: first });
        expect(await store.answersOf('T1', 'U1')).toEqual([first]);
        expect(await store.recordAnswer(answerTo(quiz, 'U2', 0, at(2_000)))).toEqual({ recorded: true });
      });

      it('lets exactly one of 50 concurrent answers by one person to one quiz be kept', async () => {
        const store = await openStore();
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        await store.createQuiz(quiz);
        const attempts = Array.from({ length: 50 }, (_, i) => answerTo(quiz, 'U1', i % 4, at(1000 + i)));
        const outcomes = await Promise.all(attempts.map((answer) => store.recordAnswer(answer)));
        const kept = outcomes.flatMap((outcome, i) => (outcome.recorded ? [attempts[i]] : []));
        expect(kept).toHaveLength(1);
        for (const outcome of outcomes) {
          if (!outcome.recorded) expect(outcome.previous).toEqual(kept[0]);
        }
        expect(await store.answersOf('T1', 'U1')).toEqual(kept);
        expect((await store.tallyQuiz(quiz.id)).answered).toBe(1);
      });

      it('keeps one answer of each person in a burst in which many people click twice', async () => {
        const store = await openStore();
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        await store.createQuiz(quiz);
        const people = Array.from({ length: 40 }, (_, i) => `U${i}`);
        const clicks = people.flatMap((person, i) => [
          answerTo(quiz, person, i % 4, at(1000 + i)),
          answerTo(quiz, person, (i + 1) % 4, at(2000 + i)),
        ]);
        const outcomes = await Promise.all(clicks.map((answer) => store.recordAnswer(answer)));
        // Two clicks in flight at once: whichever is kept, the other is told of it.
        people.forEach((person, i) => {
          const pair = [outcomes[2 * i], outcomes[2 * i + 1]];
          const kept = pair.findIndex((outcome) => outcome?.recorded);
          expect(
            pair.filter((outcome) => outcome?.recorded),
            person,
          ).toHaveLength(1);
          expect(pair[1 - kept]).toEqual({ recorded: false, previous: clicks[2 * i + kept] });
        });
        expect((await store.tallyQuiz(quiz.id)).answered).toBe(people.length);
      });

      it('lets exactly one answer be kept across two stores on the same database (two replicas)', async () => {
        const [a, b] = await Promise.all([openStore(), openStore()]);
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        await a.createQuiz(quiz);
        const attempts = Array.from({ length: 40 }, (_, i) => answerTo(quiz, 'U1', i % 4, at(1000 + i)));
        const outcomes = await Promise.all(
          attempts.map((answer, i) => (i % 2 === 0 ? a : b).recordAnswer(answer)),
        );
        expect(outcomes.filter((outcome) => outcome.recorded)).toHaveLength(1);
        const kept = attempts[outcomes.findIndex((outcome) => outcome.recorded)];
        expect(await a.answersOf('T1', 'U1')).toEqual([kept]);
        expect(await b.answersOf('T1', 'U1')).toEqual([kept]);
      });

      it('refuses an answer to a quiz that does not exist', async () => {
        const store = await openStore();
        const ghost = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        await expect(store.recordAnswer(answerTo(ghost, 'U1', 0, at(1)))).rejects.toThrow();
        expect(await store.answersOf('T1', 'U1')).toEqual([]);
      });

      it('refuses an option outside 0..3 and a mode other than daily or practice', async () => {
        const store = await openStore();
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        await store.createQuiz(quiz);
        await expect(store.recordAnswer(answerTo(quiz, 'U1', 4, at(1)))).rejects.toThrow();
        await expect(store.recordAnswer(answerTo(quiz, 'U1', -1, at(1)))).rejects.toThrow();
        await expect(
          store.recordAnswer(answerTo(quiz, 'U1', 0, at(1), { mode: 'weekly' as QuizAnswer['mode'] })),
        ).rejects.toThrow();
        await expect(
          store.createQuiz({
            ...practiceQuiz('p:1', 'T1', 'D1', 'U1', t0),
            mode: 'weekly' as PostedQuiz['mode'],
          }),
        ).rejects.toThrow();
        expect(await store.answersOf('T1', 'U1')).toEqual([]);
        expect(await store.findQuiz('p:1')).toBeNull();
        expect(await store.recordAnswer(answerTo(quiz, 'U1', 3, at(1)))).toEqual({ recorded: true });
      });

      it('tallies a quiz: options chosen, right answers, and the fastest right one (ties: smaller user id)', async () => {
        const store = await openStore();
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        const other = dailyQuiz('T1', 'C2', '2025-03-01', t0);
        await store.createQuiz(quiz);
        await store.createQuiz(other);
        expect(await store.tallyQuiz(quiz.id)).toEqual({
          answered: 0,
          right: 0,
          byOption: [0, 0, 0, 0],
          fastestRight: null,
        });
        await store.recordAnswer(answerTo(quiz, 'U9', 1, at(100)));
        expect(await store.tallyQuiz(quiz.id)).toEqual({
          answered: 1,
          right: 0,
          byOption: [0, 1, 0, 0],
          fastestRight: null,
        });
        await store.recordAnswer(answerTo(quiz, 'U5', 0, at(300)));
        await store.recordAnswer(answerTo(quiz, 'U7', 0, at(205))); // ties with U3, recorded first
        await store.recordAnswer(answerTo(quiz, 'U3', 0, at(205)));
        await store.recordAnswer(answerTo(quiz, 'U8', 3, at(50)));
        await store.recordAnswer(answerTo(quiz, 'U6', 3, at(60)));
        await store.recordAnswer(answerTo(other, 'U1', 0, at(1))); // another quiz: not counted
        expect(await store.tallyQuiz(quiz.id)).toEqual({
          answered: 6,
          right: 3,
          byOption: [3, 1, 0, 2],
          fastestRight: { userId: 'U3', answeredAt: at(205) },
        });
        expect(await store.tallyQuiz('no-such-quiz')).toEqual({
          answered: 0,
          right: 0,
          byOption: [0, 0, 0, 0],
          fastestRight: null,
        });
      });

      it('lists a person’s answers in one workspace, daily and practice, oldest first', async () => {
        const store = await openStore();
        const daily = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        const practice = practiceQuiz('practice:1', 'T1', 'D1', 'U1', t0);
        const elsewhere = dailyQuiz('T2', 'C1', '2025-03-01', t0);
        for (const quiz of [daily, practice, elsewhere]) await store.createQuiz(quiz);
        const late = answerTo(daily, 'U1', 0, at(5_000));
        const early = answerTo(practice, 'U1', 1, at(1_001));
        await store.recordAnswer(late);
        await store.recordAnswer(early);
        await store.recordAnswer(answerTo(elsewhere, 'U1', 0, at(10)));
        await store.recordAnswer(answerTo(daily, 'U2', 0, at(10)));
        const answers = await store.answersOf('T1', 'U1');
        expect(answers).toEqual([early, late]);
        expect(answers[0]?.answeredAt.getTime()).toBe(t0.getTime() + 1_001);
        expect(answers[0]?.correct).toBe(false);
        expect(answers[1]?.correct).toBe(true);
        expect(await store.answersOf('T1', 'U_NOBODY')).toEqual([]);
      });

      it('gives a channel’s daily quizzes with their tallies, oldest first', async () => {
        const store = await openStore();
        const day1 = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        const day2 = dailyQuiz('T1', 'C1', '2025-03-02', at(DAY), {
          question: questionFor('day2', 'lambda', 'AWS Lambda'),
        });
        const day3 = dailyQuiz('T1', 'C1', '2025-03-03', at(2 * DAY));
        const practice = practiceQuiz('practice:C1', 'T1', 'C1', 'U1', at(10));
        const otherChannel = dailyQuiz('T1', 'C2', '2025-03-01', t0);
        // Created out of order: the results still come oldest first.
        for (const quiz of [day3, day1, day2, practice, otherChannel]) await store.createQuiz(quiz);
        await store.recordAnswer(answerTo(day1, 'U1', 0, at(1)));
        await store.recordAnswer(answerTo(day1, 'U2', 0, at(2)));
        await store.recordAnswer(answerTo(day1, 'U3', 2, at(3)));
        await store.recordAnswer(answerTo(day2, 'U1', 1, at(DAY + 1)));
        await store.recordAnswer(answerTo(practice, 'U1', 0, at(11)));
        await store.recordAnswer(answerTo(otherChannel, 'U1', 0, at(12)));
        await store.closeQuiz(day1.id, at(8 * HOUR));

        expect(await store.dailyResults('T1', 'C1')).toEqual([
          {
            quizId: day1.id,
            quizDate: '2025-03-01',
            questionId: day1.question.id,
            topicId: 'ec2',
            postedAt: t0,
            closed: true,
            answered: 3,
            right: 2,
          },
          {
            quizId: day2.id,
            quizDate: '2025-03-02',
            questionId: day2.question.id,
            topicId: 'lambda',
            postedAt: at(DAY),
            closed: false,
            answered: 1,
            right: 0,
          },
          {
            quizId: day3.id,
            quizDate: '2025-03-03',
            questionId: day3.question.id,
            topicId: 'ec2',
            postedAt: at(2 * DAY),
            closed: false,
            answered: 0,
            right: 0,
          },
        ]);
        expect(await store.dailyResults('T1', 'C_NONE')).toEqual([]);
      });
    });

    describe('scores', () => {
      /** T1 with channels C1 and C2; a practice answer for U2 that must never count. */
      async function scoredWorkspace(store: Store) {
        const q1 = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        const q2 = dailyQuiz('T1', 'C1', '2025-03-02', at(DAY), {
          question: questionFor('q2', 'lambda', 'AWS Lambda'),
        });
        const q3 = dailyQuiz('T1', 'C2', '2025-03-01', t0);
        const practice = practiceQuiz('practice:U2', 'T1', 'C1', 'U2', t0);
        for (const quiz of [q1, q2, q3, practice]) await store.createQuiz(quiz);
        const answers = [
          // U0: 30 points from one bonus answer.
          answerTo(q1, 'U0', 0, at(10), { points: 30 }),
          // U1: 20 points, 2 right, 3 answered (one in C2).
          answerTo(q1, 'U1', 0, at(20)),
          answerTo(q2, 'U1', 1, at(DAY + 20)),
          answerTo(q3, 'U1', 0, at(30)),
          // U3: 20 points, 2 right: ties U1, placed after it by user id.
          answerTo(q1, 'U3', 0, at(40)),
          answerTo(q2, 'U3', 0, at(DAY + 40)),
          // U2: 20 points but 1 right: after U1 and U3.
          answerTo(q2, 'U2', 0, at(DAY + 50), { points: 20 }),
          // Practice: right, but never counts for rankings.
          answerTo(practice, 'U2', 0, at(60)),
          answerTo(practice, 'U9', 0, at(61)),
        ];
        for (const answer of answers) expect(await store.recordAnswer(answer)).toEqual({ recorded: true });
        return { q1, q2, q3 };
      }

      it('ranks daily answers by points, then right answers, then user id; practice never counts', async () => {
        const store = await openStore();
        await scoredWorkspace(store);
        expect(await store.leaderboard({ teamId: 'T1' })).toEqual([
          { userId: 'U0', points: 30, answered: 1, right: 1 },
          { userId: 'U1', points: 20, answered: 3, right: 2 },
          { userId: 'U3', points: 20, answered: 2, right: 2 },
          { userId: 'U2', points: 20, answered: 1, right: 1 },
        ]);
        expect(await store.leaderboard({ teamId: 'T1', channelId: null, since: null })).toHaveLength(4);
      });

      it('ranks one channel, since a moment (inclusive, to the millisecond), and at most `limit` rows', async () => {
        const store = await openStore();
        await scoredWorkspace(store);
        expect(await store.leaderboard({ teamId: 'T1', channelId: 'C2' })).toEqual([
          { userId: 'U1', points: 10, answered: 1, right: 1 },
        ]);
        expect(await store.leaderboard({ teamId: 'T1', since: at(DAY + 20) })).toEqual([
          { userId: 'U2', points: 20, answered: 1, right: 1 },
          { userId: 'U3', points: 10, answered: 1, right: 1 },
          { userId: 'U1', points: 0, answered: 1, right: 0 },
        ]);
        expect(await store.leaderboard({ teamId: 'T1', since: at(DAY + 21) })).toEqual([
          { userId: 'U2', points: 20, answered: 1, right: 1 },
          { userId: 'U3', points: 10, answered: 1, right: 1 },
        ]);
        expect(await store.leaderboard({ teamId: 'T1', channelId: 'C1', since: at(DAY), limit: 1 })).toEqual([
          { userId: 'U2', points: 20, answered: 1, right: 1 },
        ]);
        expect((await store.leaderboard({ teamId: 'T1', limit: 2 })).map((row) => row.userId)).toEqual([
          'U0',
          'U1',
        ]);
        expect(await store.leaderboard({ teamId: 'T1', limit: 0 })).toEqual([]);
        expect(await store.leaderboard({ teamId: 'T1', channelId: 'C_NONE' })).toEqual([]);
        await expect(store.leaderboard({ teamId: 'T1', limit: -1 })).rejects.toThrow(RangeError);
        await expect(store.leaderboard({ teamId: 'T1', limit: 1.5 })).rejects.toThrow(RangeError);
      });

      it('breaks full ties by user id compared code unit by code unit, whatever the database locale', async () => {
        const store = await openStore();
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        await store.createQuiz(quiz);
        const users = ['ua', 'U_b', 'Ua', 'U1', 'u-2'];
        for (const [i, userId] of users.entries()) await store.recordAnswer(answerTo(quiz, userId, 0, at(i)));
        expect((await store.leaderboard({ teamId: 'T1' })).map((row) => row.userId)).toEqual([
          'U1',
          'U_b',
          'Ua',
          'u-2',
          'ua',
        ]);
        expect((await store.channelScores('T1', null)).map((row) => row.userId)).toEqual([
          'U1',
          'U_b',
          'Ua',
          'u-2',
          'ua',
        ]);
      });

      it('totals daily answers per channel and person', async () => {
        const store = await openStore();
        await scoredWorkspace(store);
        expect(await store.channelScores('T1', null)).toEqual([
          { channelId: 'C1', userId: 'U0', points: 30, answered: 1, right: 1 },
          { channelId: 'C1', userId: 'U3', points: 20, answered: 2, right: 2 },
          { channelId: 'C1', userId: 'U2', points: 20, answered: 1, right: 1 },
          { channelId: 'C1', userId: 'U1', points: 10, answered: 2, right: 1 },
          { channelId: 'C2', userId: 'U1', points: 10, answered: 1, right: 1 },
        ]);
        expect(await store.channelScores('T1', at(DAY))).toEqual([
          { channelId: 'C1', userId: 'U2', points: 20, answered: 1, right: 1 },
          { channelId: 'C1', userId: 'U3', points: 10, answered: 1, right: 1 },
          { channelId: 'C1', userId: 'U1', points: 0, answered: 1, right: 0 },
        ]);
      });

      it('gives daily results per channel and topic, titled as last answered', async () => {
        const store = await openStore();
        const { q1 } = await scoredWorkspace(store);
        // The notes renamed the topic: a later answer carries the new title.
        const renamed = dailyQuiz('T1', 'C1', '2025-03-03', at(2 * DAY), {
          question: questionFor('renamed', 'ec2', 'EC2 (renamed)'),
        });
        await store.createQuiz(renamed);
        await store.recordAnswer(answerTo(renamed, 'U1', 3, at(2 * DAY + 5)));
        expect(q1.question.topic.title).toBe('Amazon EC2');
        expect(await store.channelTopicResults('T1', null)).toEqual([
          { channelId: 'C1', topicId: 'ec2', topicTitle: 'EC2 (renamed)', answered: 4, right: 3 },
          { channelId: 'C1', topicId: 'lambda', topicTitle: 'AWS Lambda', answered: 3, right: 2 },
          { channelId: 'C2', topicId: 'ec2', topicTitle: 'Amazon EC2', answered: 1, right: 1 },
        ]);
        expect(await store.channelTopicResults('T1', at(DAY))).toEqual([
          { channelId: 'C1', topicId: 'ec2', topicTitle: 'EC2 (renamed)', answered: 1, right: 0 },
          { channelId: 'C1', topicId: 'lambda', topicTitle: 'AWS Lambda', answered: 3, right: 2 },
        ]);
      });
    });

    describe('workspaces', () => {
      it('never lets one workspace see another’s data, though channel and user ids repeat', async () => {
        const store = await openStore();
        const one = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        const two = dailyQuiz('T2', 'C1', '2025-03-01', at(1));
        const practiceTwo = practiceQuiz('practice:T2', 'T2', 'C1', 'U1', at(2));
        for (const quiz of [one, two, practiceTwo]) expect(await store.createQuiz(quiz)).toBe(true);
        await store.saveSchedule(schedule('T2', 'C1', { time: '08:00' }));
        await store.saveSchedule(schedule('T1', 'C1', { time: '09:00' }));

        const oneU1 = answerTo(one, 'U1', 0, at(10));
        const twoU1 = answerTo(two, 'U1', 1, at(11));
        const twoU2 = answerTo(two, 'U2', 0, at(12));
        for (const answer of [oneU1, twoU1, twoU2, answerTo(practiceTwo, 'U1', 0, at(13))]) {
          await store.recordAnswer(answer);
        }

        expect(await store.leaderboard({ teamId: 'T1' })).toEqual([
          { userId: 'U1', points: 10, answered: 1, right: 1 },
        ]);
        expect(await store.leaderboard({ teamId: 'T2', channelId: 'C1' })).toEqual([
          { userId: 'U2', points: 10, answered: 1, right: 1 },
          { userId: 'U1', points: 0, answered: 1, right: 0 },
        ]);
        expect(await store.answersOf('T1', 'U1')).toEqual([oneU1]);
        expect((await store.answersOf('T2', 'U1')).map((answer) => answer.quizId)).toEqual([
          two.id,
          practiceTwo.id,
        ]);
        expect(await store.channelScores('T1', null)).toEqual([
          { channelId: 'C1', userId: 'U1', points: 10, answered: 1, right: 1 },
        ]);
        expect(await store.channelTopicResults('T1', null)).toEqual([
          { channelId: 'C1', topicId: 'ec2', topicTitle: 'Amazon EC2', answered: 1, right: 1 },
        ]);
        expect(await store.channelTopicResults('T2', null)).toEqual([
          { channelId: 'C1', topicId: 'ec2', topicTitle: 'Amazon EC2', answered: 2, right: 1 },
        ]);
        expect((await store.dailyResults('T1', 'C1')).map((row) => [row.quizId, row.answered])).toEqual([
          [one.id, 1],
        ]);
        expect((await store.dailyResults('T2', 'C1')).map((row) => [row.quizId, row.answered])).toEqual([
          [two.id, 2],
        ]);
        expect((await store.findDailyQuiz('T1', 'C1', '2025-03-01'))?.id).toBe(one.id);
        expect((await store.findDailyQuiz('T2', 'C1', '2025-03-01'))?.id).toBe(two.id);
        expect((await store.findSchedule('T1', 'C1'))?.time).toBe('09:00');
        expect((await store.findSchedule('T2', 'C1'))?.time).toBe('08:00');
        expect((await store.listSchedules()).map((row) => row.teamId)).toEqual(['T1', 'T2']);
        expect(await store.deleteSchedule('T1', 'C1')).toBe(true);
        expect((await store.findSchedule('T2', 'C1'))?.time).toBe('08:00');
        expect(await store.leaderboard({ teamId: 'T3' })).toEqual([]);
      });
    });

    describe('question statistics, reports and decisions', () => {
      it('gives how every answer went, by workspace, question and user, in one workspace or all', async () => {
        const store = await openStore();
        const first = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        const second = practiceQuiz('practice:1', 'T1', 'C1', 'U2', t0);
        const elsewhere = dailyQuiz('T2', 'C1', '2025-03-01', t0);
        for (const quiz of [first, second, elsewhere]) expect(await store.createQuiz(quiz)).toBe(true);
        await store.recordAnswer(answerTo(first, 'U2', 1, at(1)));
        await store.recordAnswer(answerTo(first, 'U1', 0, at(2)));
        await store.recordAnswer(answerTo(second, 'U2', 0, at(3)));
        await store.recordAnswer(answerTo(elsewhere, 'U1', 0, at(4)));
        const graded = (quiz: PostedQuiz, userId: string, correct: boolean) => ({
          teamId: quiz.teamId,
          questionId: quiz.question.id,
          topicId: quiz.question.topic.id,
          userId,
          correct,
        });
        expect(await store.gradedAnswers('T1')).toEqual([
          graded(first, 'U1', true),
          graded(first, 'U2', false),
          graded(second, 'U2', true),
        ]);
        expect(await store.gradedAnswers(null)).toEqual([
          graded(first, 'U1', true),
          graded(first, 'U2', false),
          graded(second, 'U2', true),
          graded(elsewhere, 'U1', true),
        ]);
        expect(await store.gradedAnswers('T3')).toEqual([]);
      });

      it('keeps one report per person and question, across two stores (two replicas), per workspace', async () => {
        const store = await openStore();
        const other = await openStore();
        const report = {
          teamId: 'T1',
          questionId: "lambda/fact/0a1b2c3d \"quoted\" 'it's'",
          userId: 'U1',
          reason: 'unclear' as const,
          reportedAt: at(5),
        };
        const tries = await Promise.all([
          ...Array.from({ length: 10 }, () => store.recordReport(report)),
          ...Array.from({ length: 10 }, () => other.recordReport({ ...report, reason: 'too-easy' })),
        ]);
        expect(tries.filter(Boolean)).toHaveLength(1);
        expect(
          await store.recordReport({ ...report, userId: 'U2', reason: 'wrong-answer', reportedAt: at(7) }),
        ).toBe(true);
        expect(await store.recordReport({ ...report, teamId: 'T2', reportedAt: at(6) })).toBe(true);
        const kept = await store.questionReports('T1');
        expect(kept.map((row) => row.userId)).toEqual(['U1', 'U2']);
        expect(kept[0]?.reportedAt).toEqual(at(5));
        expect(kept[1]).toEqual({ ...report, userId: 'U2', reason: 'wrong-answer', reportedAt: at(7) });
        expect((await other.questionReports(null)).map((row) => `${row.teamId}/${row.userId}`)).toEqual([
          'T1/U1',
          'T1/U2',
          'T2/U1',
        ]);
      });

      it('refuses a report with a reason it does not know', async () => {
        const store = await openStore();
        await expect(
          store.recordReport({
            teamId: 'T1',
            questionId: 'q',
            userId: 'U1',
            reason: 'boring' as 'unclear',
            reportedAt: t0,
          }),
        ).rejects.toThrow();
        expect(await store.questionReports('T1')).toEqual([]);
      });

      it('keeps the latest decision on a question, per workspace, and lists them by question', async () => {
        const store = await openStore();
        const retire = {
          teamId: 'T1',
          questionId: 'lambda/true/1',
          status: 'retired' as const,
          decidedBy: 'UADMIN',
          decidedAt: at(1),
        };
        await store.decideQuestion(retire);
        await store.decideQuestion({ ...retire, questionId: 'ecs/not/2', decidedAt: at(2) });
        await store.decideQuestion({ ...retire, status: 'restored', decidedBy: 'UOWNER', decidedAt: at(3) });
        await store.decideQuestion({ ...retire, teamId: 'T2' });
        expect(await store.questionDecisions('T1')).toEqual([
          { ...retire, questionId: 'ecs/not/2', decidedAt: at(2) },
          { ...retire, status: 'restored', decidedBy: 'UOWNER', decidedAt: at(3) },
        ]);
        expect((await store.questionDecisions(null)).map((row) => row.teamId)).toEqual(['T1', 'T1', 'T2']);
        expect(await store.questionDecisions('T3')).toEqual([]);
      });
    });

    describe('export', () => {
      it('exports every answer of every workspace and mode, oldest first (ties: quiz id, then user id)', async () => {
        const store = await openStore();
        const a = dailyQuiz('T2', 'C1', '2025-03-01', t0);
        const b = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        const p = practiceQuiz('practice:x', 'T1', 'D1', 'U1', t0);
        for (const quiz of [a, b, p]) await store.createQuiz(quiz);
        const answers = [
          answerTo(p, 'U1', 0, at(5)),
          answerTo(a, 'U2', 0, at(5)),
          answerTo(a, 'U1', 1, at(5)),
          answerTo(b, 'U9', 2, at(1)),
          answerTo(b, 'U1', 0, at(9)),
          answerTo(p, 'U0', 3, at(2)),
        ];
        for (const answer of answers) await store.recordAnswer(answer);
        expect(await collect(store.exportAnswers())).toEqual([...answers].sort(exportOrder));
        expect(
          (await collect(store.exportAnswers())).map((answer) => `${answer.quizId}/${answer.userId}`),
        ).toEqual([`${b.id}/U9`, `${p.id}/U0`, `${a.id}/U1`, `${a.id}/U2`, `${p.id}/U1`, `${b.id}/U1`]);
      });

      it('exports nothing from an empty database', async () => {
        const store = await openStore();
        expect(await collect(store.exportAnswers())).toEqual([]);
      });

      it('exports 2,500 answers once each, in order, across page boundaries and tied times', async () => {
        const store = await openStore();
        const quizzes = Array.from({ length: 5 }, (_, i) =>
          practiceQuiz(`practice:${i}`, i % 2 === 0 ? 'T1' : 'T2', 'D1', 'U1', t0),
        );
        for (const quiz of quizzes) await store.createQuiz(quiz);
        // Few distinct times, so pages end in the middle of runs of equal times.
        const answers = quizzes.flatMap((quiz, q) =>
          Array.from({ length: 500 }, (_, u) =>
            answerTo(quiz, `U${String(u).padStart(4, '0')}`, u % 4, at(((u * 7 + q) % 13) * 1000 + 1)),
          ),
        );
        await inBatches(
          answers.map((answer) => async () => expect((await store.recordAnswer(answer)).recorded).toBe(true)),
          50,
        );
        const exported = await collect(store.exportAnswers());
        expect(exported).toHaveLength(2_500);
        const key = (answer: QuizAnswer) => `${answer.quizId}/${answer.userId}`;
        expect(new Set(exported.map(key)).size).toBe(2_500);
        expect(exported.map(key)).toEqual([...answers].sort(exportOrder).map(key));
        expect(exported).toEqual([...answers].sort(exportOrder));
      });

      it('lets the store record answers while an export is part-way through', async () => {
        const store = await openStore();
        const quiz = practiceQuiz('practice:1', 'T1', 'D1', 'U1', t0);
        await store.createQuiz(quiz);
        for (let i = 0; i < 5; i += 1) await store.recordAnswer(answerTo(quiz, `U${i}`, 0, at(i)));
        const seen: string[] = [];
        for await (const answer of store.exportAnswers()) {
          seen.push(answer.userId);
          if (seen.length === 1) {
            expect(await store.recordAnswer(answerTo(quiz, 'U9', 0, at(100)))).toEqual({ recorded: true });
          }
        }
        // An answer recorded meanwhile may or may not be in this export; every earlier one is, once.
        expect(seen.filter((userId) => userId !== 'U9')).toEqual(['U0', 'U1', 'U2', 'U3', 'U4']);
        expect((await store.answersOf('T1', 'U9')).map((answer) => answer.quizId)).toEqual([quiz.id]);
      });
    });

    describeReviewContract(openStore);

    describeGapsContract(openStore);

    describe('durability', () => {
      it('keeps schedules, quizzes, answers and closes across close and reopen', async () => {
        const first = await openStore();
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', at(1));
        const kept = schedule('T1', 'C1');
        const answer = answerTo(quiz, 'U1', 0, at(2));
        await first.saveSchedule(kept);
        await first.createQuiz(quiz);
        await first.setQuizMessage(quiz.id, '99.1');
        await first.recordAnswer(answer);
        expect(await first.closeQuiz(quiz.id, at(3))).toBe(true);
        await first.close();

        const reopened = await openStore();
        expect(await reopened.findSchedule('T1', 'C1')).toEqual(kept);
        expect(await reopened.findQuiz(quiz.id)).toEqual({ ...quiz, messageTs: '99.1', closedAt: at(3) });
        expect(await reopened.createQuiz({ ...quiz, id: 'daily:again' })).toBe(false);
        expect(await reopened.recordAnswer(answerTo(quiz, 'U1', 1, at(4)))).toEqual({
          recorded: false,
          previous: answer,
        });
        expect(await reopened.closeQuiz(quiz.id, at(5))).toBe(false);
        expect(await reopened.leaderboard({ teamId: 'T1' })).toEqual([
          { userId: 'U1', points: 10, answered: 1, right: 1 },
        ]);
      });

      it('migrates a database left at schema version 1 to the newest, keeping its deliveries', async () => {
        await createAtVersion(1, [
          ['event:Old', t0],
          ['event:Older', at(-1)],
        ]);
        const store = await openStore();
        expect(await appliedMigrations()).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
        expect(await store.claimDelivery('event:Old', at(10))).toBe(false);
        expect(await store.claimDelivery('event:Older', at(10))).toBe(false);
        expect(await store.pruneDeliveries(t0)).toBe(1);
        const quiz = dailyQuiz('T1', 'C1', '2025-03-01', t0);
        expect(await store.createQuiz(quiz)).toBe(true);
        expect(await store.recordAnswer(answerTo(quiz, 'U1', 0, at(1)))).toEqual({ recorded: true });
      });
    });
  });
}
