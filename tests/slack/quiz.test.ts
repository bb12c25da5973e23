import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payloadViolations, visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type JsonObject, type RecordedCall, startFakeSlack } from '../helpers/fake-slack.js';
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
