import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateQuestions } from '../../src/quiz/generate.js';
import { dailyQuizId, QuizService } from '../../src/quiz/quiz-service.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { ChannelSchedule, Store } from '../../src/store/store.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

let questions: QuizQuestion[];
beforeAll(() => {
  const tutor = tutorFor(KNOWLEDGE_DIR);
  questions = generateQuestions(tutor.knowledge, tutor);
});

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openStoreAt(dir?: string): { store: Store; dir: string } {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'aws-tutor-quiz-service-'));
  if (!dir) dirs.push(folder);
  const store = openSqliteStore(join(folder, 'aws-tutor.db'));
  stores.push(store);
  return { store, dir: folder };
}

function serviceOn(store: Store, pool: () => readonly QuizQuestion[] = () => questions): QuizService {
  let counter = 0;
  return new QuizService({ store, questions: pool, newId: () => `id-${++counter}` });
}

const berlin9: ChannelSchedule = {
  teamId: 'T1',
  channelId: 'C1',
  time: '09:00',
  zone: 'Europe/Berlin',
  setBy: 'UADMIN',
  setAt: new Date('2026-06-01T00:00:00Z'),
};
/** 09:00 in Berlin on 2 June 2026 (CEST, UTC+2). */
const nineBerlin = new Date('2026-06-02T07:00:00Z');
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);
const asker = { teamId: 'T1', channelId: 'C1', userId: 'U1', inDm: false };

describe('QuizService: practice', () => {
  it('asks on the topic asked for and keeps the quiz, so a click finds it', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    const quiz = await quizzes.practice(asker, 'lambda', nineBerlin);
    expect(quiz?.question.topic.id).toBe('lambda');
    expect(quiz?.mode).toBe('practice');
    expect(await store.findQuiz(quiz?.id ?? '')).toMatchObject({ askedBy: 'U1', mode: 'practice' });
  });

  it('gives null when the notes have no question on the topic', async () => {
    const { store } = openStoreAt();
    expect(await serviceOn(store).practice(asker, 'no-such-topic', nineBerlin)).toBeNull();
  });

  it('does not repeat an answered question until the topic’s pool is used up', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    const pool = questions.filter((question) => question.topic.id === 'ecs').length;
    const seen: string[] = [];
    for (let i = 0; i < pool; i++) {
      const quiz = await quizzes.practice(asker, 'ecs', minutes(nineBerlin, i));
      if (!quiz) throw new Error('no question');
      seen.push(quiz.question.id);
      await quizzes.answer({ quizId: quiz.id, userId: 'U1', option: 0 }, minutes(nineBerlin, i), 'UTC');
    }
    expect(new Set(seen).size).toBe(pool);
  });

  it('records a practice answer with no points', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    const quiz = await quizzes.practice(asker, null, nineBerlin);
    if (!quiz) throw new Error('no question');
    const outcome = await quizzes.answer(
      { quizId: quiz.id, userId: 'U1', option: quiz.question.answer },
      nineBerlin,
      'Europe/Berlin',
    );
    expect(outcome).toMatchObject({
      kind: 'recorded',
      answer: { correct: true, points: 0, mode: 'practice' },
    });
  });
});

describe('QuizService: daily quizzes', () => {
  it('is due once today’s time has passed in the channel’s zone, and only until it is opened', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    await quizzes.setSchedule(berlin9, nineBerlin);
    expect(await quizzes.dueDailyQuizzes(minutes(nineBerlin, -1))).toEqual([]);
    const due = await quizzes.dueDailyQuizzes(minutes(nineBerlin, 20));
    expect(due.map((item) => item.quizDate)).toEqual(['2026-06-02']);
    const quiz = await quizzes.openDailyQuiz(berlin9, '2026-06-02', minutes(nineBerlin, 20), berlin9);
    expect(quiz?.id).toBe(dailyQuizId('T1', 'C1', '2026-06-02'));
    expect(await quizzes.dueDailyQuizzes(minutes(nineBerlin, 21))).toEqual([]);
  });

  it('does not post yesterday’s quiz on a bot that comes back the next morning', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    await quizzes.setSchedule(berlin9, nineBerlin);
    const nextMorning = minutes(nineBerlin, 23 * 60);
    expect(await quizzes.dueDailyQuizzes(nextMorning)).toEqual([]);
    const due = await quizzes.dueDailyQuizzes(minutes(nineBerlin, 24 * 60 + 5));
    expect(due.map((item) => item.quizDate)).toEqual(['2026-06-03']);
  });

  it('opens a channel’s quiz for a day once, across a restart and a second process on the same file', async () => {
    const { store, dir } = openStoreAt();
    const first = serviceOn(store);
    const second = serviceOn(openStoreAt(dir).store);
    const results = await Promise.all([
      first.openDailyQuiz(berlin9, '2026-06-02', nineBerlin, berlin9),
      second.openDailyQuiz(berlin9, '2026-06-02', nineBerlin, berlin9),
      first.openDailyQuiz(berlin9, '2026-06-02', minutes(nineBerlin, 1), berlin9),
    ]);
    expect(results.filter((quiz) => quiz !== null)).toHaveLength(1);
  });

  it('closes after eight hours, or when the next one is due if that is sooner', async () => {
    const { store } = openStoreAt();
    const eight = await serviceOn(store).openDailyQuiz(berlin9, '2026-06-02', nineBerlin, berlin9);
    expect(eight?.closesAt).toEqual(minutes(nineBerlin, 8 * 60));
    const late = minutes(nineBerlin, 20 * 60);
    const sooner = await serviceOn(store).openDailyQuiz(
      { teamId: 'T1', channelId: 'C2' },
      '2026-06-02',
      late,
      berlin9,
    );
    expect(sooner?.closesAt).toEqual(minutes(nineBerlin, 24 * 60));
  });

  it('scores a right daily answer with the early bonus, once per person, and refuses clicks after closing', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    const quiz = await quizzes.openDailyQuiz(berlin9, '2026-06-02', nineBerlin, berlin9);
    if (!quiz) throw new Error('not opened');
    await quizzes.markPosted(quiz.id, '1700000000.000100');
    const right = quiz.question.answer;
    const wrong = (right + 1) % 4;
    const early = await quizzes.answer(
      { quizId: quiz.id, userId: 'U1', option: right },
      minutes(nineBerlin, 5),
      'Europe/Berlin',
    );
    expect(early).toMatchObject({
      kind: 'recorded',
      answer: { correct: true, points: 15, localDate: '2026-06-02' },
    });
    const again = await quizzes.answer(
      { quizId: quiz.id, userId: 'U1', option: wrong },
      minutes(nineBerlin, 6),
      'Europe/Berlin',
    );
    expect(again).toMatchObject({ kind: 'already', previous: { option: right, correct: true } });
    const wrongOne = await quizzes.answer(
      { quizId: quiz.id, userId: 'U2', option: wrong },
      minutes(nineBerlin, 7),
      null,
    );
    expect(wrongOne).toMatchObject({ kind: 'recorded', answer: { correct: false, points: 0 } });
    const late = await quizzes.answer(
      { quizId: quiz.id, userId: 'U3', option: right },
      minutes(nineBerlin, 8 * 60),
      null,
    );
    expect(late.kind).toBe('closed');
    expect((await store.tallyQuiz(quiz.id)).answered).toBe(2);
  });

  it('counts the person’s own local day: a late answer in Los Angeles is the day before', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    const quiz = await quizzes.openDailyQuiz(berlin9, '2026-06-02', nineBerlin, berlin9);
    if (!quiz) throw new Error('not opened');
    const outcome = await quizzes.answer(
      { quizId: quiz.id, userId: 'U9', option: 0 },
      minutes(nineBerlin, 10),
      'America/Los_Angeles',
    );
    expect(outcome.kind === 'recorded' && outcome.answer.localDate).toBe('2026-06-02');
    const early = await quizzes.answer(
      { quizId: quiz.id, userId: 'U8', option: 0 },
      minutes(nineBerlin, 1),
      'Pacific/Honolulu',
    );
    expect(early.kind === 'recorded' && early.answer.localDate).toBe('2026-06-01');
  });

  it('treats unknown quizzes and impossible options as unknown', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    expect(
      await quizzes.answer({ quizId: 'daily:T1:C1:1999-01-01', userId: 'U1', option: 0 }, nineBerlin, null),
    ).toEqual({ kind: 'unknown' });
    const quiz = await quizzes.practice(asker, null, nineBerlin);
    if (!quiz) throw new Error('no question');
    for (const option of [4, -1, Number.NaN, 1.5]) {
      expect(await quizzes.answer({ quizId: quiz.id, userId: 'U1', option }, nineBerlin, null)).toEqual({
        kind: 'unknown',
      });
    }
  });

  it('lets a quiz be answered after its topic left the notes', async () => {
    const { store } = openStoreAt();
    const quiz = await serviceOn(store).openDailyQuiz(berlin9, '2026-06-02', nineBerlin, berlin9);
    if (!quiz) throw new Error('not opened');
    const reloaded = serviceOn(store, () =>
      questions.filter((question) => question.topic.id !== quiz.question.topic.id),
    );
    const outcome = await reloaded.answer(
      { quizId: quiz.id, userId: 'U1', option: quiz.question.answer },
      minutes(nineBerlin, 1),
      null,
    );
    expect(outcome).toMatchObject({
      kind: 'recorded',
      answer: { correct: true, topicId: quiz.question.topic.id },
    });
  });

  it('closes each due quiz once and tallies it for the reveal', async () => {
    const { store, dir } = openStoreAt();
    const quizzes = serviceOn(store);
    const quiz = await quizzes.openDailyQuiz(berlin9, '2026-06-02', nineBerlin, berlin9);
    if (!quiz) throw new Error('not opened');
    await quizzes.markPosted(quiz.id, '1700000000.000100');
    await quizzes.answer(
      { quizId: quiz.id, userId: 'U1', option: quiz.question.answer },
      minutes(nineBerlin, 3),
      null,
    );
    expect(await quizzes.closeDue(minutes(nineBerlin, 60))).toEqual([]);
    const other = serviceOn(openStoreAt(dir).store);
    const closing = minutes(nineBerlin, 8 * 60);
    const [a, b] = await Promise.all([quizzes.closeDue(closing), other.closeDue(closing)]);
    const reveals = [...a, ...b];
    expect(reveals).toHaveLength(1);
    expect(reveals[0]?.tally).toMatchObject({ answered: 1, right: 1, fastestRight: { userId: 'U1' } });
    expect(reveals[0]?.quiz.closedAt).toEqual(closing);
  });

  it('brings a topic the channel got wrong back sooner than the others', async () => {
    // Across many channels (many seeds), the day after everyone missed a topic, that topic is
    // asked far more often than a uniform pick would ask it.
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    const topics = new Set(questions.map((question) => question.topic.id)).size;
    let missedAgain = 0;
    const channels = 60;
    for (let c = 0; c < channels; c++) {
      const channel = { teamId: 'T1', channelId: `C${c}` };
      const first = await quizzes.openDailyQuiz(channel, '2026-06-02', nineBerlin, null);
      if (!first) throw new Error('not opened');
      for (const user of ['U1', 'U2', 'U3']) {
        await quizzes.answer(
          { quizId: first.id, userId: user, option: (first.question.answer + 1) % 4 },
          minutes(nineBerlin, 1),
          null,
        );
      }
      // The channel got its other topics right earlier: they sit in higher boxes.
      const next = await quizzes.openDailyQuiz(channel, '2026-06-03', minutes(nineBerlin, 24 * 60), null);
      if (next?.question.topic.id === first.question.topic.id) missedAgain++;
    }
    expect(missedAgain / channels).toBeGreaterThan(1 / topics);
  });

  it('posts now once per day, in the schedule’s zone', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    await quizzes.setSchedule(berlin9, nineBerlin);
    const late = new Date('2026-06-02T22:30:00Z'); // 00:30 on 3 June in Berlin
    const first = await quizzes.postNow({ teamId: 'T1', channelId: 'C1' }, late);
    expect(first).toMatchObject({ kind: 'opened', quiz: { quizDate: '2026-06-03' } });
    expect((await quizzes.postNow({ teamId: 'T1', channelId: 'C1' }, minutes(late, 1))).kind).toBe(
      'already-posted',
    );
    const view = await quizzes.scheduleOf('T1', 'C1', minutes(late, 2));
    expect(view).toMatchObject({ postedToday: true, nextPostAt: new Date('2026-06-03T07:00:00Z') });
  });
});

describe('QuizService: scores', () => {
  it('counts streak days in the zone Slack gives when the score is asked, whatever was known at the click', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    // 23:00 on 1 June and 01:00 on 2 June in Tokyo: one UTC day, two Tokyo days.
    for (const [channelId, at] of [
      ['C1', new Date('2026-06-01T14:00:00Z')],
      ['C2', new Date('2026-06-01T16:00:00Z')],
    ] as const) {
      const quiz = await quizzes.openDailyQuiz({ teamId: 'T1', channelId }, '2026-06-01', at, null);
      if (!quiz) throw new Error('not opened');
      await quizzes.answer({ quizId: quiz.id, userId: 'U1', option: quiz.question.answer }, at, null);
    }
    const now = new Date('2026-06-02T03:00:00Z');
    expect((await quizzes.scoreOf('T1', 'U1', now, 'Asia/Tokyo')).streak).toBe(2);
    expect((await quizzes.scoreOf('T1', 'U1', now, null)).streak).toBe(1);
  });

  it('ranks people, tells a person their score and ranks teams by their best three', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    await quizzes.setSchedule(berlin9, nineBerlin);
    await quizzes.setSchedule({ ...berlin9, channelId: 'C2' }, nineBerlin);
    const quiz = await quizzes.openDailyQuiz(berlin9, '2026-06-02', nineBerlin, berlin9);
    if (!quiz) throw new Error('not opened');
    const right = quiz.question.answer;
    await quizzes.answer(
      { quizId: quiz.id, userId: 'U1', option: right },
      minutes(nineBerlin, 1),
      'Europe/Berlin',
    );
    await quizzes.answer(
      { quizId: quiz.id, userId: 'U2', option: right },
      minutes(nineBerlin, 90),
      'Europe/Berlin',
    );
    await quizzes.answer(
      { quizId: quiz.id, userId: 'U3', option: (right + 1) % 4 },
      minutes(nineBerlin, 2),
      'Europe/Berlin',
    );
    const later = minutes(nineBerlin, 120);
    const board = await quizzes.leaderboard('T1', 'C1', 'week', later);
    expect(board.map((row) => [row.userId, row.points])).toEqual([
      ['U1', 15],
      ['U2', 11],
      ['U3', 0],
    ]);
    expect(await quizzes.leaderboard('T1', 'C1', 'week', minutes(nineBerlin, 8 * 24 * 60))).toEqual([]);
    expect(await quizzes.leaderboard('T2', null, 'all', later)).toEqual([]);
    const mine = await quizzes.scoreOf('T1', 'U1', later, 'Europe/Berlin');
    expect(mine).toMatchObject({ points: 15, answered: 1, right: 1, streak: 1 });
    const teams = await quizzes.teamStandings('T1', 'all', later);
    expect(teams.map((team) => [team.channelId, team.score])).toEqual([
      ['C1', 26],
      ['C2', 0],
    ]);
  });
});

describe('QuizService: questions that get better with use', () => {
  it('keeps one report per person, takes a question reported wrong twice out of practice, and lets an admin restore it', async () => {
    const { store } = openStoreAt();
    const quizzes = serviceOn(store);
    const ecs = questions.filter((question) => question.topic.id === 'ecs');
    const first = await quizzes.practice(asker, 'ecs', nineBerlin);
    if (!first) throw new Error('no question');
    const reported = first.question.id;
    const click = { quizId: first.id, userId: 'U1', reason: 'wrong-answer' as const };
    expect((await quizzes.report(click, nineBerlin)).kind).toBe('recorded');
    expect((await quizzes.report({ ...click, reason: 'unclear' }, nineBerlin)).kind).toBe('already');
    expect((await quizzes.report({ ...click, quizId: 'practice:none' }, nineBerlin)).kind).toBe('unknown');
    expect((await quizzes.report({ ...click, userId: 'U2' }, nineBerlin)).kind).toBe('recorded');

    // Out of the pool: many practice questions on ECS, none of them the reported one.
    const asked = new Set<string>();
    for (let i = 0; i < ecs.length * 2; i++) {
      const quiz = await quizzes.practice({ ...asker, userId: `U${10 + i}` }, 'ecs', minutes(nineBerlin, i));
      asked.add(quiz?.question.id ?? '');
    }
    expect(asked.has(reported)).toBe(false);
    const [worst] = await quizzes.questionReview('T1');
    expect(worst).toMatchObject({
      standing: { questionId: reported, status: 'retired', reasons: ['2 people report a wrong answer'] },
      question: { id: reported },
    });
    // Another workspace's quiz is untouched by these reports.
    expect(await quizzes.questionReview('T2')).toEqual([]);

    await quizzes.decide('T1', reported, 'restored', 'UADMIN', nineBerlin);
    expect((await quizzes.questionReview('T1'))[0]?.standing).toMatchObject({ status: 'restored' });
    const again = new Set<string>();
    for (let i = 0; i < ecs.length * 3; i++) {
      const quiz = await quizzes.practice({ ...asker, userId: `V${i}` }, 'ecs', minutes(nineBerlin, 100 + i));
      again.add(quiz?.question.id ?? '');
    }
    expect(again.has(reported)).toBe(true);
  });

  it('measures a question once ten people answered it: share right, difficulty and discrimination', async () => {
    const { store } = openStoreAt();
    const [only] = questions;
    if (!only) throw new Error('no question');
    const quizzes = serviceOn(store, () => [only]);
    for (let i = 0; i < 12; i++) {
      const quiz = await quizzes.practice({ ...asker, userId: `U${i}` }, null, minutes(nineBerlin, i));
      if (!quiz) throw new Error('no question');
      const option = i < 3 ? quiz.question.answer : (quiz.question.answer + 1) % 4;
      await quizzes.answer({ quizId: quiz.id, userId: `U${i}`, option }, minutes(nineBerlin, i), 'UTC');
    }
    const [row] = await quizzes.standings('T1');
    expect(row).toMatchObject({
      questionId: only.id,
      asked: 12,
      right: 3,
      shareRight: 0.25,
      measuredDifficulty: 0.75,
    });
    expect(row?.status).toBe('active');
  });
});
