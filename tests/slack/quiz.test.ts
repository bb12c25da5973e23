import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { generateQuestions } from '../../src/quiz/generate.js';
import type { QuizKind, QuizQuestion } from '../../src/quiz/types.js';
import type { PostedQuiz } from '../../src/store/store.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { payloadViolations, visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type JsonObject, type RecordedCall, startFakeSlack } from '../helpers/fake-slack.js';
import { makeNotesDir } from '../helpers/notes-dir.js';
import { DATABASES_NOTES_DIR, KNOWLEDGE_DIR, STORAGE_NOTES_DIR } from '../helpers/paths.js';
import { BOT_TOKEN, SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from '../helpers/slack-app.js';
import {
  appHomeOpened,
  appMention,
  blockAction,
  directMessage,
  eventCallback,
  postToApp,
  slashCommand,
} from '../helpers/slack-requests.js';

type Json = JsonObject;

/** 09:20 in Berlin on 2 June 2026: twenty minutes after the channel's 09:00 quiz time. */
const START = new Date('2026-06-02T07:20:00Z');
let clock = START;
const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

let slack: FakeSlack;
let tutor: TestSlackApp;

const send = (request: Parameters<typeof postToApp>[1]) =>
  postToApp(tutor.baseUrl, request, { signingSecret: SIGNING_SECRET });
const texts = (payload: unknown) => visibleTexts(payload).join('\n');
const buttons = (blocks: Json[]) =>
  blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements as Json[]);

/** `/aws <text>` from `userId` in `channelId`, and what the app sent back through `respond`. */
async function command(text: string, options: { userId?: string; channelId?: string; teamId?: string } = {}) {
  const responseUrl = slack.responseUrl();
  const id = responseUrl.split('/').at(-1) ?? '';
  const response = await send(slashCommand({ text, responseUrl, ...options }));
  expect(response.status).toBe(200);
  const reply = await slack.waitForCall('response_url', (call) => call.responseUrlId === id);
  expect(payloadViolations(reply.body)).toEqual([]);
  return reply.body;
}

/** A click on `actionId` with `value`; the `respond` body it produced. */
async function click(
  actionId: string,
  value: string,
  options: { userId?: string; ephemeral?: boolean; teamId?: string } = {},
) {
  const responseUrl = slack.responseUrl();
  const id = responseUrl.split('/').at(-1) ?? '';
  const response = await send(blockAction({ actionId, value, responseUrl, ...options }));
  expect(response.status).toBe(200);
  return (await slack.waitForCall('response_url', (call) => call.responseUrlId === id)).body;
}

function quizButtons(message: Json): Json[] {
  return buttons(message.blocks as Json[]).filter((button) =>
    String(button.action_id).startsWith('quiz_answer:'),
  );
}

beforeAll(async () => {
  slack = await startFakeSlack({ users: { UADMIN: { is_admin: true }, UOWNER: { is_owner: true } } });
  tutor = await startTestSlackApp(
    { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
    slack.url,
    {
      now: () => clock,
      admins: ['ULISTED'],
    },
  );
});

afterAll(async () => {
  await tutor?.stop();
  await slack?.close();
});

beforeEach(() => slack.reset());

describe('/aws quiz daily', () => {
  it('tells someone who may not change it so, politely, and changes nothing', async () => {
    const reply = await command('quiz daily 09:00 Europe/Berlin', { userId: 'U1' });
    expect(texts(reply)).toMatch(/admin/i);
    expect(reply.response_type).toBe('ephemeral');
    expect(await tutor.store.findSchedule('T1', 'C1')).toBeNull();
  });

  it('explains a time or zone it cannot read', async () => {
    expect(texts(await command('quiz daily 25:00 Europe/Berlin', { userId: 'UADMIN' }))).toMatch(
      /25:00.*HH:MM/s,
    );
    expect(texts(await command('quiz daily 09:00 Mars/Olympus', { userId: 'UADMIN' }))).toMatch(
      /Mars\/Olympus/,
    );
    expect(await tutor.store.findSchedule('T1', 'C1')).toBeNull();
  });

  it('lets an admin turn it on, shows it with the next post time, and lets a TUTOR_ADMINS user turn it off', async () => {
    const set = await command('quiz daily 09:00 Europe/Berlin', { userId: 'UADMIN' });
    expect(texts(set)).toMatch(/09:00/);
    expect(texts(set)).toMatch(/Europe\/Berlin/);
    expect(await tutor.store.findSchedule('T1', 'C1')).toMatchObject({
      time: '09:00',
      zone: 'Europe/Berlin',
    });
    const shown = await command('quiz daily', { userId: 'U1' });
    // The next post is tomorrow 09:00 Berlin: 2026-06-03T07:00:00Z.
    expect(JSON.stringify(shown)).toContain(String(Date.parse('2026-06-03T07:00:00Z') / 1000));
    await command('quiz daily off', { userId: 'ULISTED' });
    expect(await tutor.store.findSchedule('T1', 'C1')).toBeNull();
    await command('quiz daily 9:00 europe/berlin', { userId: 'UOWNER' });
    expect(await tutor.store.findSchedule('T1', 'C1')).toMatchObject({
      time: '09:00',
      zone: 'Europe/Berlin',
    });
  });

  it('has no channel to post in from a direct message', async () => {
    const reply = await command('quiz daily 09:00 UTC', { userId: 'UADMIN', channelId: 'D1' });
    expect(texts(reply)).toMatch(/channel/i);
  });
});

describe('the daily quiz', () => {
  let posted: RecordedCall;
  let quizId: string;
  let answer: number;

  it('is posted once by a bot that starts after the quiz time, with one button per option', async () => {
    await tutor.running.scheduler.tick();
    await tutor.running.scheduler.tick();
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    posted = posts[0] as RecordedCall;
    expect(posted.body.channel).toBe('C1');
    const options = quizButtons(posted.body);
    expect(options).toHaveLength(4);
    expect(options.map((button) => button.action_id)).toEqual([0, 1, 2, 3].map((i) => `quiz_answer:${i}`));
    quizId = String(options[0]?.value);
    const quiz = await tutor.store.findQuiz(quizId);
    expect(quiz).toMatchObject({ mode: 'daily', quizDate: '2026-06-02', messageTs: posted.response.ts });
    answer = quiz?.question.answer ?? -1;
    expect(payloadViolations(posted.body)).toEqual([]);
  });

  it('is not posted again after a restart the same day', async () => {
    const again = await startTestSlackApp(
      { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
      slack.url,
      { store: tutor.store, now: () => clock },
    );
    try {
      await again.running.scheduler.tick();
    } finally {
      await again.running.stop();
    }
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('takes the first click of each person, tells them privately, and shows how many answered', async () => {
    advance(5);
    const right = await click(`quiz_answer:${answer}`, quizId, { userId: 'U1' });
    expect(right.response_type).toBe('ephemeral');
    expect(right.replace_original).toBe(false);
    expect(texts(right)).toMatch(/right/i);
    const stored = await tutor.store.answersOf('T1', 'U1');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ correct: true, points: 15, mode: 'daily' });

    const second = await click(`quiz_answer:${(answer + 1) % 4}`, quizId, { userId: 'U1' });
    expect(texts(second)).toMatch(/already/i);
    expect(await tutor.store.answersOf('T1', 'U1')).toHaveLength(1);

    advance(1);
    const wrong = await click(`quiz_answer:${(answer + 1) % 4}`, quizId, { userId: 'U2' });
    expect(texts(wrong)).not.toMatch(/^✅/);
    const update = await slack.waitForCall('chat.update', (call) => /2 people/.test(texts(call.body)));
    expect(update.body.ts).toBe(posted.response.ts);
    // The public message never gives the answer away.
    expect(quizButtons(update.body)).toHaveLength(4);
    expect(JSON.stringify(update.body)).not.toMatch(/✅|✓/);
  });

  it('answers a click on an unknown quiz kindly', async () => {
    const reply = await click('quiz_answer:0', 'daily:T1:C1:1999-01-01', { userId: 'U1' });
    expect(texts(reply)).toMatch(/can.t find|no longer|not find/i);
  });

  it('counts a click delivered twice (a retry) once', async () => {
    const responseUrl = slack.responseUrl();
    const request = blockAction({
      actionId: `quiz_answer:${answer}`,
      value: quizId,
      responseUrl,
      userId: 'U3',
    });
    await Promise.all([send(request), send(request)]);
    await slack.waitForCalls('response_url', 2, (call) => call.body !== undefined);
    expect(await tutor.store.answersOf('T1', 'U3')).toHaveLength(1);
  });

  it('ranks the channel and tells each person their own score', async () => {
    const board = await command('leaderboard', { userId: 'U2' });
    const text = texts(board);
    expect(text.indexOf('<@U1>')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('<@U1>')).toBeLessThan(text.indexOf('<@U2>'));
    const mine = texts(await command('score', { userId: 'U1' }));
    expect(mine).toMatch(/15/);
    const teams = texts(await command('leaderboard teams', { userId: 'U1' }));
    expect(teams).toMatch(/<#C1>/);
  });

  it('keeps each workspace’s scores to itself', async () => {
    const elsewhere = texts(await command('leaderboard all', { userId: 'U1', teamId: 'T2' }));
    expect(elsewhere).not.toMatch(/<@U1>|<@U2>/);
  });

  it('reveals the answer in the thread when it closes, and turns later clicks away', async () => {
    advance(8 * 60);
    await tutor.running.scheduler.tick();
    const reveal = await slack.waitForCall(
      'chat.postMessage',
      (call) => call.body.thread_ts === posted.response.ts,
    );
    expect(texts(reveal.body)).toMatch(/<@U1>/);
    expect(texts(reveal.body)).toMatch(/2 of 3|67%/);
    const closed = await slack.waitForCall('chat.update', (call) => call.body.ts === posted.response.ts);
    expect(quizButtons(closed.body)).toHaveLength(0);
    await tutor.running.scheduler.tick();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    const late = await click(`quiz_answer:${answer}`, quizId, { userId: 'U4' });
    expect(texts(late)).toMatch(/closed/i);
    expect(await tutor.store.answersOf('T1', 'U4')).toHaveLength(0);
  });

  it('is not posted the next morning for the day before; the new day’s is posted at its time', async () => {
    clock = new Date('2026-06-03T06:30:00Z'); // 08:30 in Berlin
    await tutor.running.scheduler.tick();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    clock = new Date('2026-06-03T07:00:30Z');
    await tutor.running.scheduler.tick();
    const post = await slack.waitForCall('chat.postMessage');
    expect(String(quizButtons(post.body)[0]?.value)).toBe('daily:T1:C1:2026-06-03');
  });
});

describe('practice quizzes', () => {
  it('asks privately on the topic asked for, and replaces the question with the feedback', async () => {
    const question = await command('quiz me on lambda', { userId: 'U5' });
    expect(question.response_type).toBe('ephemeral');
    const options = quizButtons(question);
    expect(options).toHaveLength(4);
    const quiz = await tutor.store.findQuiz(String(options[0]?.value));
    expect(quiz).toMatchObject({ mode: 'practice', askedBy: 'U5', question: { topic: { id: 'lambda' } } });
    const feedback = await click(`quiz_answer:${quiz?.question.answer}`, quiz?.id ?? '', {
      userId: 'U5',
      ephemeral: true,
    });
    expect(feedback.replace_original).toBe(true);
    expect(texts(feedback)).toMatch(/right/i);
    expect(buttons(feedback.blocks).some((button) => String(button.action_id).startsWith('quiz_me'))).toBe(
      true,
    );
    // Practice counts for the person's own score, never for the leaderboard.
    expect(texts(await command('leaderboard all', { userId: 'U5' }))).not.toMatch(/<@U5>/);
    expect(texts(await command('score', { userId: 'U5' }))).toMatch(/100%|1 of 1|1\/1/);
  });

  it('comes from the "Quiz me on this" button under an answer', async () => {
    const answerBody = (
      await send(slashCommand({ text: 'what is fargate', responseUrl: slack.responseUrl() }))
    ).json as Json;
    const quizMe = buttons(answerBody.blocks).find((button) =>
      String(button.action_id).startsWith('quiz_me'),
    );
    expect(quizMe?.value).toBe('fargate');
    const question = await click(String(quizMe?.action_id), String(quizMe?.value), { userId: 'U6' });
    const quiz = await tutor.store.findQuiz(String(quizButtons(question)[0]?.value));
    expect(quiz?.question.topic.id).toBe('fargate');
  });

  it('is asked for in a direct message and in a mention (privately)', async () => {
    await send(eventCallback(directMessage({ text: 'quiz me on ecs', user: 'U7' })));
    const dm = await slack.waitForCall('chat.postMessage');
    expect(dm.body.channel).toBe('D1');
    expect(quizButtons(dm.body)).toHaveLength(4);
    await send(eventCallback(appMention({ text: '<@UBOT> quiz me', user: 'U7' })));
    const mention = await slack.waitForCall('chat.postEphemeral');
    expect(mention.body.user).toBe('U7');
    expect(quizButtons(mention.body)).toHaveLength(4);
  });
});

describe('App Home', () => {
  it('shows the viewer’s score and the workspace’s top ten', async () => {
    await send(eventCallback(appHomeOpened({ user: 'U1' })));
    const publish = await slack.waitForCall('views.publish');
    const text = texts(publish.body.view);
    expect(text).toMatch(/score/i);
    expect(text).toMatch(/<@U1>/);
  });
});

describe('Quiz me on a topic that left the notes', () => {
  it('says the topic is gone and offers the nearest ones, not a question on another topic', async () => {
    const reply = await click('quiz_me', 'lambda-functions', { userId: 'U8' });
    expect(texts(reply)).toMatch(/no longer in the notes/);
    const offered = buttons(reply.blocks as Json[]).filter((button) =>
      String(button.action_id).startsWith('quiz_me'),
    );
    expect(offered.map((button) => button.value)).toContain('lambda');
    expect(quizButtons(reply)).toHaveLength(0);
    expect(await tutor.store.answersOf('T1', 'U8')).toHaveLength(0);
    expect(payloadViolations(reply)).toEqual([]);
  });
});

/** One generated question of every kind the notes give, and a hand-written one. */
function oneOfEachKind(): QuizQuestion[] {
  const notes = makeNotesDir({
    'lambda.md': `# Lambda

- Runs functions on demand, billed per request and compute time.
- Quiz: What does Lambda charge for?
  > right: Requests and compute time
  > wrong: Servers kept running
  > wrong: A flat monthly fee
  > wrong: The size of the code
`,
  });
  try {
    const all = [KNOWLEDGE_DIR, STORAGE_NOTES_DIR, DATABASES_NOTES_DIR, notes.dir].flatMap((dir) => {
      const knowledge = loadKnowledgeDir(dir).knowledge;
      return generateQuestions(knowledge, createTutor(knowledge));
    });
    const byKind = new Map<QuizKind, QuizQuestion>();
    for (const question of all) if (!byKind.has(question.kind)) byKind.set(question.kind, question);
    return [...byKind.values()];
  } finally {
    notes.remove();
  }
}

describe('every kind of question, through Slack', () => {
  const pool = oneOfEachKind();
  let app: TestSlackApp;
  let now = new Date('2026-07-01T09:05:00Z');

  beforeAll(async () => {
    app = await startTestSlackApp(
      { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
      slack.url,
      {
        now: () => now,
        questions: pool,
      },
    );
  });
  afterAll(async () => {
    await app?.stop();
  });

  const sendTo = (request: Parameters<typeof postToApp>[1]) =>
    postToApp(app.baseUrl, request, { signingSecret: SIGNING_SECRET });
  async function clickOn(actionId: string, value: string, userId: string, ephemeral = false) {
    const responseUrl = slack.responseUrl();
    const id = responseUrl.split('/').at(-1) ?? '';
    expect(
      (
        await sendTo(
          blockAction({ actionId, value, responseUrl, userId, teamId: 'T9', channelId: 'C9', ephemeral }),
        )
      ).status,
    ).toBe(200);
    const reply = (await slack.waitForCall('response_url', (call) => call.responseUrlId === id)).body;
    expect(payloadViolations(reply)).toEqual([]);
    return reply;
  }

  it('posts a daily quiz of each kind in turn, tells right and wrong, reveals it and scores it', async () => {
    expect(new Set(pool.map((question) => question.kind))).toEqual(
      new Set(['which-service', 'true-of', 'not-true-of', 'compare', 'key-term', 'hand-written']),
    );
    await app.store.saveSchedule({
      teamId: 'T9',
      channelId: 'C9',
      time: '09:00',
      zone: 'UTC',
      setBy: 'UADMIN',
      setAt: now,
    });
    const kinds: string[] = [];
    for (let day = 0; day < pool.length; day++) {
      now = new Date(Date.UTC(2026, 6, 1 + day, 9, 5));
      await app.running.scheduler.tick();
      const post = await slack.waitForCall(
        'chat.postMessage',
        (call) =>
          call.body.channel === 'C9' &&
          !call.body.thread_ts &&
          String(quizButtons(call.body)[0]?.value ?? '').endsWith(now.toISOString().slice(0, 10)),
      );
      expect(payloadViolations(post.body)).toEqual([]);
      const quizId = String(quizButtons(post.body)[0]?.value);
      const quiz = (await app.store.findQuiz(quizId)) as PostedQuiz;
      kinds.push(quiz.question.kind);
      expect(texts(post.body)).toContain(quiz.question.options[0]?.slice(0, 20));
      const right = await clickOn(`quiz_answer:${quiz.question.answer}`, quizId, 'U1');
      expect(texts(right)).toMatch(/^✅ Right/m);
      expect(texts(right)).toContain('✓');
      const wrong = await clickOn(`quiz_answer:${(quiz.question.answer + 1) % 4}`, quizId, 'U2');
      expect(texts(wrong)).toMatch(/Not quite/);
      now = new Date(now.getTime() + 9 * 3_600_000);
      await app.running.scheduler.tick();
      const reveal = await slack.waitForCall(
        'chat.postMessage',
        (call) => call.body.thread_ts === post.response.ts,
      );
      expect(texts(reveal.body)).toMatch(/1 of 2 \(50%\) got it right/);
      expect(texts(reveal.body)).toContain('The answer:');
    }
    expect(new Set(kinds)).toEqual(new Set(pool.map((question) => question.kind)));
    const answers = await app.store.answersOf('T9', 'U1');
    expect(answers.map((answer) => answer.correct)).toEqual(pool.map(() => true));
    expect(answers.every((answer) => answer.points >= 10)).toBe(true);
    const responseUrl = slack.responseUrl();
    const id = responseUrl.split('/').at(-1) ?? '';
    await sendTo(slashCommand({ text: 'score', responseUrl, userId: 'U1', teamId: 'T9', channelId: 'C9' }));
    const score = (await slack.waitForCall('response_url', (call) => call.responseUrlId === id)).body;
    expect(texts(score)).toMatch(/100%/);
  });

  it('asks practice questions of each kind and explains each answer', async () => {
    const kinds = new Set<string>();
    for (let i = 0; i < pool.length; i++) {
      now = new Date(now.getTime() + 60_000);
      const responseUrl = slack.responseUrl();
      const id = responseUrl.split('/').at(-1) ?? '';
      await sendTo(slashCommand({ text: 'quiz', responseUrl, userId: 'U3', teamId: 'T9', channelId: 'C9' }));
      const asked = (await slack.waitForCall('response_url', (call) => call.responseUrlId === id)).body;
      const quizId = String(quizButtons(asked)[0]?.value);
      const quiz = (await app.store.findQuiz(quizId)) as PostedQuiz;
      kinds.add(quiz.question.kind);
      const feedback = await clickOn(`quiz_answer:${(quiz.question.answer + 2) % 4}`, quizId, 'U3', true);
      expect(texts(feedback)).toMatch(/Not quite/);
      expect(texts(feedback)).toMatch(/✗ /);
    }
    expect(kinds.size).toBe(pool.length);
  });

  it('still answers and reveals a quiz stored before questions had kinds of their own', async () => {
    now = new Date('2026-08-01T09:00:00Z');
    const old: PostedQuiz = {
      id: 'daily:T9:C10:2026-08-01',
      teamId: 'T9',
      channelId: 'C10',
      mode: 'daily',
      quizDate: '2026-08-01',
      askedBy: null,
      question: {
        id: 'docker/fact/0123abcd',
        topic: { id: 'docker', title: 'Docker' },
        stem: 'Which one is described here: “___ is a software development platform to deploy apps”?',
        options: ['ECS', 'Docker', 'Lambda', 'Fargate (serverless)'],
        answer: 1,
        explanation:
          '✓ Docker: “Docker is a software development platform to deploy apps.”\nSource: compute.md › Docker\n✗ ECS — Used to launch Docker containers on AWS.',
        source: { file: 'compute.md', heading: 'Docker', line: 5 },
        kind: 'fact-to-topic',
      },
      postedAt: now,
      closesAt: new Date(now.getTime() + 3_600_000),
      messageTs: '1785574800.000100',
      closedAt: null,
    };
    expect(await app.store.createQuiz(old)).toBe(true);
    const feedback = await clickOn('quiz_answer:1', old.id, 'U5');
    expect(texts(feedback)).toMatch(/Right: B\. Docker/);
    now = new Date(now.getTime() + 2 * 3_600_000);
    await app.running.scheduler.tick();
    const reveal = await slack.waitForCall(
      'chat.postMessage',
      (call) => call.body.thread_ts === old.messageTs,
    );
    expect(texts(reveal.body)).toMatch(/The answer:.*B\. Docker/);
  });
});

describe('reporting a question, and reviewing it as an admin', () => {
  it('offers a report after an answer, keeps one report each, and takes a question reported wrong twice out', async () => {
    const asked = await command('quiz me on ecs', { userId: 'U20' });
    const quizId = String(quizButtons(asked)[0]?.value);
    const quiz = (await tutor.store.findQuiz(quizId)) as PostedQuiz;
    const feedback = await click(`quiz_answer:${quiz.question.answer}`, quizId, {
      userId: 'U20',
      ephemeral: true,
    });
    const report = buttons(feedback.blocks as Json[]).find((button) => button.action_id === 'quiz_report');
    expect(report?.value).toBe(quizId);

    const reasons = await click('quiz_report', quizId, { userId: 'U20', ephemeral: true });
    expect(reasons.replace_original).toBe(false);
    expect(buttons(reasons.blocks as Json[]).map((button) => button.action_id)).toEqual([
      'quiz_report:wrong-answer',
      'quiz_report:unclear',
      'quiz_report:too-easy',
    ]);
    expect(payloadViolations(reasons)).toEqual([]);
    expect(
      texts(await click('quiz_report:wrong-answer', quizId, { userId: 'U20', ephemeral: true })),
    ).toMatch(/Thanks: reported/);
    expect(texts(await click('quiz_report:unclear', quizId, { userId: 'U20', ephemeral: true }))).toMatch(
      /already reported/,
    );
    await click('quiz_report:wrong-answer', quizId, { userId: 'U21', ephemeral: true });
    expect((await tutor.store.questionReports('T1')).map((row) => `${row.userId} ${row.reason}`)).toEqual([
      'U20 wrong-answer',
      'U21 wrong-answer',
    ]);

    // Only admins see the review.
    expect(texts(await command('admin questions', { userId: 'U20' }))).toMatch(/only workspace admins/i);
    const review = await command('admin questions', { userId: 'UADMIN' });
    const text = texts(review);
    expect(text).toContain('Out of the quiz: 2 people report a wrong answer');
    expect(text).toContain('reports: 2 wrong answer');
    const accessories = (blocks: Json[]) =>
      blocks.flatMap((block) => (block.accessory ? [block.accessory as Json] : []));
    const restore = accessories(review.blocks as Json[]).find((button) => button.value === quiz.question.id);
    expect(restore?.action_id).toMatch(/^question_restore:\d+$/);

    // A click by someone who may not decide changes nothing.
    const refused = await click(String(restore?.action_id), quiz.question.id, {
      userId: 'U20',
      ephemeral: true,
    });
    expect(texts(refused)).toMatch(/only workspace admins/i);
    expect(await tutor.store.questionDecisions('T1')).toEqual([]);

    const restored = await click(String(restore?.action_id), quiz.question.id, {
      userId: 'UADMIN',
      ephemeral: true,
    });
    expect(restored.replace_original).toBe(true);
    expect(texts(restored)).toContain('Kept in the quiz by <@UADMIN>');
    expect(await tutor.store.questionDecisions('T1')).toMatchObject([
      { questionId: quiz.question.id, status: 'restored', decidedBy: 'UADMIN' },
    ]);
    const retire = accessories(restored.blocks as Json[]).find((button) => button.value === quiz.question.id);
    expect(retire?.action_id).toMatch(/^question_retire:\d+$/);
    expect(payloadViolations(restored)).toEqual([]);
  });
});
