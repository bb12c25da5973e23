import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { LiveTutor } from '../../src/live-tutor.js';
import { generateQuestions } from '../../src/quiz/generate.js';
import { QuizService } from '../../src/quiz/quiz-service.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import { type RunningSlackApp, startSlackApp } from '../../src/slack/app.js';
import { escapeMrkdwn } from '../../src/slack/blocks/mrkdwn.js';
import { ChannelPacer } from '../../src/slack/channel-pacer.js';
import { openStore } from '../../src/store/open-store.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import type { PostedQuiz, Store } from '../../src/store/store.js';
import { createTutor, type Tutor } from '../../src/tutor/tutor.js';
import { payloadViolations, visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type JsonObject, type RecordedCall, startFakeSlack } from '../helpers/fake-slack.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';
import {
  BOT_TOKEN,
  RecordingLogger,
  SIGNING_SECRET,
  startTestSlackApp,
  type TestSlackApp,
  testTutor,
} from '../helpers/slack-app.js';
import { blockAction, postToApp, type SlackRequest, slashCommand } from '../helpers/slack-requests.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

/**
 * The daily quiz when things go wrong: Slack refusing a post, the store out of reach, a topic that
 * left the notes, and button payloads the app never made. The real Bolt app, over real HTTP.
 */

type Json = JsonObject;

const databaseUrl = process.env.TEST_DATABASE_URL;
const HTTP = { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET } as const;
/** 09:20 in Berlin on 2 June 2026: twenty minutes after a 09:00 Europe/Berlin quiz time. */
const START = new Date('2026-06-02T07:20:00Z');
const TODAY = '2026-06-02';
const minutes = (date: Date, count: number) => new Date(date.getTime() + count * 60_000);

const texts = (payload: unknown) => visibleTexts(payload).join('\n');
const quizButtons = (message: Json): Json[] =>
  (message.blocks as Json[])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements as Json[])
    .filter((button) => String(button.action_id).startsWith('quiz_answer:'));
const VERDICT = /✅ Right|❌ Not quite/;

let slack: FakeSlack;

beforeAll(async () => {
  slack = await startFakeSlack({ users: { UADMIN: { is_admin: true } } });
});

afterAll(async () => {
  await slack?.close();
});

beforeEach(() => slack.reset());

/** A Slack request to `baseUrl` with its `respond` body; the request must be acknowledged with 200. */
async function deliver(baseUrl: string, request: SlackRequest, responseUrl: string): Promise<Json> {
  const id = responseUrl.split('/').at(-1) ?? '';
  const response = await postToApp(baseUrl, request, { signingSecret: SIGNING_SECRET });
  expect(response.status).toBe(200);
  const reply = await slack.waitForCall('response_url', (call) => call.responseUrlId === id);
  expect(payloadViolations(reply.body)).toEqual([]);
  return reply.body;
}

function command(baseUrl: string, text: string, options: { userId?: string; teamId?: string } = {}) {
  const responseUrl = slack.responseUrl();
  return deliver(baseUrl, slashCommand({ text, responseUrl, ...options }), responseUrl);
}

function click(
  baseUrl: string,
  actionId: string,
  value: string,
  options: { userId?: string; teamId?: string; ephemeral?: boolean } = {},
) {
  const responseUrl = slack.responseUrl();
  return deliver(baseUrl, blockAction({ actionId, value, responseUrl, ...options }), responseUrl);
}

const berlinAtNine = (store: Store, at: Date) =>
  store.saveSchedule({
    teamId: 'T1',
    channelId: 'C1',
    time: '09:00',
    zone: 'Europe/Berlin',
    setBy: 'UADMIN',
    setAt: at,
  });

/** A fresh app on a fresh SQLite store, stopped when the test ends; its clock is `clock.now`. */
async function freshApp(clock: { now: Date }, store?: Store): Promise<TestSlackApp> {
  const app = await startTestSlackApp(HTTP, slack.url, {
    now: () => clock.now,
    ...(store ? { store } : {}),
  });
  onTestFinished(() => app.stop());
  return app;
}

describe('a daily quiz Slack will not take', () => {
  it('is withdrawn after HTTP 500s outlast the client’s retries, logged, and posted once on the next run', async () => {
    const clock = { now: START };
    const app = await freshApp(clock);
    await berlinAtNine(app.store, clock.now);
    // The Web API client tries 3 times (2 retries): all three fail.
    slack.failNext('chat.postMessage', { status: 500 }, { times: 3 });
    await app.running.scheduler.tick();
    const failed = slack.callsTo('chat.postMessage');
    expect(failed.map((call) => call.status)).toEqual([500, 500, 500]);
    expect(app.logger.errors()).toEqual([
      expect.stringMatching(/could not post the daily quiz in C1 .*trying again in a minute/),
    ]);
    expect(await app.store.findDailyQuiz('T1', 'C1', TODAY)).toBeNull();

    clock.now = minutes(clock.now, 1);
    await app.running.scheduler.tick();
    await app.running.scheduler.tick();
    const posted = slack.callsTo('chat.postMessage').filter((call) => call.status === 200);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.response.ok).toBe(true);
    const quiz = await app.store.findDailyQuiz('T1', 'C1', TODAY);
    expect(quiz?.messageTs).toBe(posted[0]?.response.ts);
    expect(String(quizButtons(posted[0]?.body ?? {})[0]?.value)).toBe(quiz?.id);
    expect(app.logger.errors()).toHaveLength(1);
  });

  it('is given up for the day on not_in_channel, with advice in the log, and tried again the next day', async () => {
    const clock = { now: START };
    const app = await freshApp(clock);
    await berlinAtNine(app.store, clock.now);
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await app.running.scheduler.tick();
    const postsInC1 = () => slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C1');
    expect(postsInC1()).toHaveLength(1);
    expect(app.logger.errors()).toEqual([expect.stringMatching(/C1 \(not_in_channel\).*invite the app/)]);
    expect(await app.store.findDailyQuiz('T1', 'C1', TODAY)).toBeNull();

    // Every minute of the rest of the day: not asked again, not logged again.
    for (const later of [1, 2, 60, 8 * 60]) {
      clock.now = minutes(START, later);
      await app.running.scheduler.tick();
    }
    expect(postsInC1()).toHaveLength(1);
    expect(app.logger.errors()).toHaveLength(1);

    // Someone invited the app meanwhile: the next day's quiz goes out at its time.
    clock.now = new Date('2026-06-03T07:00:30Z');
    await app.running.scheduler.tick();
    const next = await slack.waitForCall(
      'chat.postMessage',
      (call) => call.body.channel === 'C1' && call.response.ok === true,
    );
    expect(String(quizButtons(next.body)[0]?.value)).toBe('daily:T1:C1:2026-06-03');
  });

  it('tells the admin who asked for it now to invite the app, and keeps nothing', async () => {
    const clock = { now: START };
    const app = await freshApp(clock);
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const refused = await command(app.baseUrl, 'quiz daily now', { userId: 'UADMIN' });
    expect(refused.response_type).toBe('ephemeral');
    expect(texts(refused)).toMatch(/couldn.t post/i);
    expect(texts(refused)).toMatch(/\/invite/);
    expect(await app.store.findDailyQuiz('T1', 'C1', TODAY)).toBeNull();
    expect(await app.store.findQuiz(`daily:T1:C1:${TODAY}`)).toBeNull();

    // Invited: asking again posts it.
    const posted = await command(app.baseUrl, 'quiz daily now', { userId: 'UADMIN' });
    expect(texts(posted)).toMatch(/Posted today.s quiz question in <#C1>/);
    const ok = slack.callsTo('chat.postMessage').filter((call) => call.response.ok === true);
    expect(ok).toHaveLength(1);
    expect((await app.store.findDailyQuiz('T1', 'C1', TODAY))?.messageTs).toBe(ok[0]?.response.ts);
  });
});

describe.skipIf(!databaseUrl)('the store briefly out of reach (PostgreSQL through a proxy)', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const clock = { now: START };
  let proxy: TcpProxy;
  let app: TestSlackApp;
  /** The same schema, straight to PostgreSQL: what is really kept. */
  let direct: Store;
  let quiz: PostedQuiz;

  beforeAll(async () => {
    const real = new URL(databaseUrl ?? '');
    proxy = await TcpProxy.start({ host: real.hostname, port: Number(real.port || 5432) });
    const proxied = new URL(real);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    app = await startTestSlackApp(HTTP, slack.url, {
      now: () => clock.now,
      store: await openPostgresStore(proxied.toString(), { schema, warn: () => undefined }),
    });
    direct = await openPostgresStore(databaseUrl ?? '', { schema });
    await berlinAtNine(direct, clock.now);
    await app.running.scheduler.tick();
    const found = await direct.findDailyQuiz('T1', 'C1', TODAY);
    if (!found?.messageTs) throw new Error(`the quiz was not posted: ${app.logger.errors().join('; ')}`);
    quiz = found;
  });

  afterAll(async () => {
    proxy?.accept();
    await app?.stop();
    await direct?.close();
    await proxy?.close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('tells a person whose answer could not be saved so, keeps nothing, and takes the same click once it can', async () => {
    const right = `quiz_answer:${quiz.question.answer}`;
    proxy.refuse();
    proxy.dropConnections();
    const trouble = await click(app.baseUrl, right, quiz.id, { userId: 'U1' });
    expect(trouble.response_type).toBe('ephemeral');
    expect(trouble.replace_original).toBe(false);
    expect(texts(trouble)).toMatch(/couldn.t save your answer/i);
    expect(texts(trouble)).not.toMatch(/\bright\b|\bwrong\b|not quite|✅|❌/i);
    expect(app.logger.errors()).toContainEqual(
      expect.stringMatching(/could not record a quiz answer from U1/),
    );
    expect(proxy.refused).toBeGreaterThan(0);
    expect(await direct.answersOf('T1', 'U1')).toEqual([]);

    proxy.accept();
    const told = await click(app.baseUrl, right, quiz.id, { userId: 'U1' });
    expect(texts(told)).toMatch(/✅ Right/);
    const kept = await direct.answersOf('T1', 'U1');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ quizId: quiz.id, option: quiz.question.answer, correct: true });
  });

  it('counts every answer it acknowledged exactly once when connections drop in the middle of a burst', async () => {
    const people = Array.from({ length: 40 }, (_, i) => ({
      userId: `UBURST${String(i).padStart(2, '0')}`,
      option: i % 4,
    }));
    const answeredBefore = (await direct.tallyQuiz(quiz.id)).answered;
    // Cut every connection a few times while the clicks are in flight, and lose one reply.
    proxy.cutAfterReplies([3, 8, 15]);
    proxy.loseNextReply();
    const responses = await Promise.all(
      people.map((person, i) =>
        postToApp(
          app.baseUrl,
          blockAction({
            actionId: `quiz_answer:${person.option}`,
            value: quiz.id,
            userId: person.userId,
            responseUrl: slack.responseUrl(`burst-${i}`),
          }),
          { signingSecret: SIGNING_SECRET },
        ),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(people.map(() => 200));
    const replies = await slack.waitForCalls(
      'response_url',
      people.length,
      (call) => call.responseUrlId?.startsWith('burst-') === true,
      10_000,
    );
    expect(proxy.cutConnections).toBeGreaterThan(0);
    expect(replies).toHaveLength(people.length);
    for (const [i, person] of people.entries()) {
      const body = (replies.find((call) => call.responseUrlId === `burst-${i}`) as RecordedCall).body;
      // Retries ride out the cuts: everyone hears right or wrong.
      expect(texts(body)).toMatch(VERDICT);
      const correct = person.option === quiz.question.answer;
      expect(texts(body)).toMatch(correct ? /✅ Right/ : /❌ Not quite/);
      const kept = await direct.answersOf('T1', person.userId);
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatchObject({ quizId: quiz.id, option: person.option, correct });
    }
    expect((await direct.tallyQuiz(quiz.id)).answered).toBe(answeredBefore + people.length);
  });
});

/** The real app on `store` with this tutor and question pool: the notes as they are (after a reload). */
async function startAppWith(
  store: Store,
  tutor: Tutor,
  questions: readonly QuizQuestion[],
  now: () => Date,
): Promise<{ running: RunningSlackApp; baseUrl: string; logger: RecordingLogger }> {
  const logger = new RecordingLogger();
  const running = await startSlackApp(
    { connection: HTTP, slackApiUrl: slack.url, port: 0, scheduleQuizzes: false },
    {
      tutor,
      store,
      quizzes: new QuizService({ store, questions: () => questions }),
      logger,
      pacer: new ChannelPacer(0),
      now,
      admins: ['UADMIN'],
      quizCountIntervalMs: 0,
      reloadNotes: () => new LiveTutor(KNOWLEDGE_DIR, tutor).reload(),
    },
  );
  return { running, baseUrl: `http://127.0.0.1:${running.port}`, logger };
}

describe('a quiz whose topic left the notes', () => {
  const clock = { now: START };
  const dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-faults-'));
  let store: Store;
  let after: Awaited<ReturnType<typeof startAppWith>>;
  let daily: PostedQuiz;
  let practice: PostedQuiz;
  let gone: { id: string; title: string };
  let remaining: Set<string>;

  beforeAll(async () => {
    store = await openStore({ dataDir });
    const { tutor: fullTutor, questions: allQuestions } = testTutor();
    const before = await startAppWith(store, fullTutor, allQuestions, () => clock.now);
    await command(before.baseUrl, 'quiz daily now', { userId: 'UADMIN' });
    daily = (await store.findDailyQuiz('T1', 'C1', TODAY)) as PostedQuiz;
    gone = daily.question.topic;
    // A practice question on the same topic, asked before the reload.
    const practiceService = new QuizService({ store, questions: () => allQuestions });
    practice = (await practiceService.practice(
      { teamId: 'T1', channelId: 'C1', userId: 'U2' },
      gone.id,
      clock.now,
    )) as PostedQuiz;
    await before.running.stop();

    // The notes lose the topic's section; the app is started again on the same store.
    const knowledge = loadKnowledgeDir(KNOWLEDGE_DIR).knowledge;
    const reloaded = { ...knowledge, topics: knowledge.topics.filter((topic) => topic.id !== gone.id) };
    const tutor = createTutor(reloaded);
    const questions = generateQuestions(reloaded, tutor);
    remaining = new Set(reloaded.topics.map((topic) => topic.id));
    expect(questions.some((question) => question.topic.id === gone.id)).toBe(false);
    after = await startAppWith(store, tutor, questions, () => clock.now);
  });

  afterAll(async () => {
    await after?.running.stop();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('still takes answers to the open daily quiz and explains them from the question as it was asked', async () => {
    expect(daily.messageTs).not.toBeNull();
    clock.now = minutes(START, 3);
    const right = await click(after.baseUrl, `quiz_answer:${daily.question.answer}`, daily.id, {
      userId: 'U1',
    });
    expect(texts(right)).toMatch(/✅ Right/);
    for (const line of escapeMrkdwn(daily.question.explanation).split('\n')) {
      expect(texts(right)).toContain(line.trim());
    }
    const wrong = await click(after.baseUrl, `quiz_answer:${(daily.question.answer + 1) % 4}`, daily.id, {
      userId: 'U3',
    });
    expect(texts(wrong)).toMatch(/❌ Not quite/);
    expect(await store.answersOf('T1', 'U1')).toMatchObject([{ topicId: gone.id, correct: true }]);
    expect(after.logger.errors()).toEqual([]);
  });

  it('reveals it at closing time with the stored explanation', async () => {
    clock.now = minutes(START, 8 * 60 + 1);
    await after.running.scheduler.tick();
    const reveal = await slack.waitForCall(
      'chat.postMessage',
      (call) => call.body.thread_ts === daily.messageTs,
    );
    expect(texts(reveal.body)).toMatch(/1 of 2/);
    expect(texts(reveal.body)).toContain(escapeMrkdwn(daily.question.explanation).split('\n')[0]?.trim());
    const closed = await slack.waitForCall('chat.update', (call) => /\(closed\)/.test(texts(call.body)));
    expect(closed.body.ts).toBe(daily.messageTs);
  });

  it('answers a practice question on it, then says the topic is gone and offers the nearest ones', async () => {
    const feedback = await click(after.baseUrl, `quiz_answer:${practice.question.answer}`, practice.id, {
      userId: 'U2',
      ephemeral: true,
    });
    expect(feedback.replace_original).toBe(true);
    expect(texts(feedback)).toMatch(/✅ Right/);
    const another = (feedback.blocks as Json[])
      .filter((block) => block.type === 'actions')
      .flatMap((block) => block.elements as Json[])
      .find((button) => button.action_id === 'quiz_me');
    expect(another?.value).toBe(gone.id);

    // "Another question" (or "Quiz me on this") on a topic the notes no longer have: no question on
    // another topic, but the news that it is gone and the nearest topics to choose from.
    const gonePage = await click(after.baseUrl, 'quiz_me', gone.id, { userId: 'U2', ephemeral: true });
    expect(gonePage.response_type).toBe('ephemeral');
    expect(texts(gonePage)).toMatch(/no longer in the notes/);
    expect(quizButtons(gonePage)).toHaveLength(0);
    const offered = (gonePage.blocks as Json[])
      .filter((block) => block.type === 'actions')
      .flatMap((block) => block.elements as Json[])
      .filter((button) => String(button.action_id).startsWith('quiz_me'));
    const topics = offered.filter((button) => button.value);
    for (const button of topics) expect(remaining.has(String(button.value))).toBe(true);
    expect(offered.at(-1)?.action_id).toBe('quiz_me:any');
    const next = (topics[0] ?? offered.at(-1)) as Json;
    const question = await click(after.baseUrl, String(next.action_id), String(next.value ?? ''), {
      userId: 'U2',
      ephemeral: true,
    });
    const options = quizButtons(question);
    expect(options).toHaveLength(4);
    const asked = await store.findQuiz(String(options[0]?.value));
    expect(asked).toMatchObject({ mode: 'practice', askedBy: 'U2' });
    expect(asked?.question.topic.id).not.toBe(gone.id);
    expect(remaining.has(asked?.question.topic.id ?? '')).toBe(true);
    expect(after.logger.errors()).toEqual([]);
  });
});

describe('button payloads the app never made', () => {
  const clock = { now: START };
  let app: TestSlackApp;
  let quiz: PostedQuiz;

  beforeAll(async () => {
    app = await startTestSlackApp(HTTP, slack.url, { now: () => clock.now });
    await berlinAtNine(app.store, clock.now);
    await app.running.scheduler.tick();
    quiz = (await app.store.findDailyQuiz('T1', 'C1', TODAY)) as PostedQuiz;
  });

  afterAll(async () => {
    await app?.stop();
  });

  const nothingKept = async (userId: string) => {
    expect(await app.store.answersOf('T1', userId)).toEqual([]);
    expect(await app.store.answersOf('T2', userId)).toEqual([]);
  };

  it.each(['quiz_answer:7', 'quiz_answer:-1', 'quiz_answer:'])(
    'answers an option that does not exist (%s) privately and counts nothing',
    async (actionId) => {
      const reply = await click(app.baseUrl, actionId, quiz.id, { userId: 'UBAD' });
      expect(reply.response_type).toBe('ephemeral');
      expect(reply.replace_original).toBe(false);
      expect(texts(reply)).toMatch(/not counted/);
      await nothingKept('UBAD');
    },
  );

  it('answers a button without a quiz id privately and counts nothing', async () => {
    const reply = await click(app.baseUrl, `quiz_answer:${quiz.question.answer}`, '', { userId: 'UEMPTY' });
    expect(reply.response_type).toBe('ephemeral');
    expect(texts(reply)).toMatch(/can.t find that quiz.*not counted/);
    await nothingKept('UEMPTY');
  });

  it('keeps a click from another workspace on this workspace’s quiz out of that workspace’s scores', async () => {
    // Slack signs the payload and only shows the button to people who can see the message (a
    // channel shared with another organisation): the quiz decides where the answer counts.
    const reply = await click(app.baseUrl, `quiz_answer:${quiz.question.answer}`, quiz.id, {
      userId: 'UOTHER',
      teamId: 'T2',
    });
    expect(reply.response_type).toBe('ephemeral');
    expect(texts(reply)).toMatch(/✅ Right/);
    expect(await app.store.answersOf('T2', 'UOTHER')).toEqual([]);
    expect(await app.store.answersOf('T1', 'UOTHER')).toMatchObject([
      { teamId: 'T1', channelId: 'C1', quizId: quiz.id },
    ]);
    expect(await app.store.leaderboard({ teamId: 'T2' })).toEqual([]);
    expect(
      texts(await command(app.baseUrl, 'leaderboard all', { userId: 'UOTHER', teamId: 'T2' })),
    ).not.toMatch(/<@UOTHER>/);
    expect(texts(await command(app.baseUrl, 'leaderboard all', { userId: 'U1', teamId: 'T1' }))).toMatch(
      /<@UOTHER>/,
    );
  });
});
