import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../src/quiz/streak.js';
import { openStore } from '../../src/store/open-store.js';
import type { PostedQuiz, QuizAnswer } from '../../src/store/store.js';
import { type AppProcess, startAppProcess } from '../helpers/app-process.js';
import { visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type JsonObject, type RecordedCall, startFakeSlack } from '../helpers/fake-slack.js';
import { blockAction, postToApp, slashCommand } from '../helpers/slack-requests.js';

/**
 * "A person who was told 'right' or 'wrong' has that answer in the store even if the process is
 * killed a moment later": `npm start` as a real child process in HTTP mode on SQLite, a burst of
 * clicks, SIGKILL in the middle of it, then the database file read directly and the app started
 * again on it.
 */

const BOT_TOKEN = 'xoxb-durability-test-token';
const SIGNING_SECRET = 'durability-test-signing-secret';
const CLICKS = 200;
/** Feedback messages to wait for before the kill. */
const TOLD_BEFORE_KILL = 60;

/** `npm start` in HTTP mode against the fake Slack, on the SQLite store in `dataDir`. */
function startMain(slack: FakeSlack, dataDir: string): Promise<AppProcess> {
  return startAppProcess({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    DATA_DIR: dataDir,
    TUTOR_ADMINS: 'UADMIN',
  });
}

/**
 * An `Etc/GMT±N` zone where it is around noon now, so "today" there is today in UTC too and stays
 * so for the length of the test (no midnight to cross).
 */
function zoneAtNoon(now: Date): string {
  const hoursAhead = Math.round(12 - (now.getUTCHours() + now.getUTCMinutes() / 60));
  if (hoursAhead === 0) return 'Etc/GMT';
  // POSIX-style names: Etc/GMT-2 is two hours ahead of UTC.
  return `Etc/GMT${hoursAhead > 0 ? '-' : '+'}${Math.abs(hoursAhead)}`;
}

const texts = (payload: unknown) => visibleTexts(payload).join('\n');

describe('an answer someone was told about survives SIGKILL', () => {
  let slack: FakeSlack;
  let dataDir: string;
  let first: AppProcess;
  let second: AppProcess | undefined;
  let quiz: PostedQuiz;
  let zone: string;
  const users = Array.from({ length: CLICKS }, (_, i) => `U${String(i).padStart(4, '0')}`);
  const optionOf = (userId: string) => users.indexOf(userId) % 4;

  async function command(started: AppProcess, text: string): Promise<JsonObject> {
    const responseUrl = slack.responseUrl();
    const id = responseUrl.split('/').at(-1);
    const response = await postToApp(started.baseUrl, slashCommand({ text, userId: 'UADMIN', responseUrl }), {
      signingSecret: SIGNING_SECRET,
    });
    expect(response.status).toBe(200);
    return (await slack.waitForCall('response_url', (call) => call.responseUrlId === id, 10_000)).body;
  }

  beforeAll(async () => {
    slack = await startFakeSlack();
    dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-durability-'));
    first = await startMain(slack, dataDir);
  });

  afterAll(async () => {
    for (const started of [first, second]) {
      if (started && started.child.exitCode === null && started.child.signalCode === null) {
        started.child.kill('SIGKILL');
        await started.exited;
      }
    }
    await slack?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('posts today’s quiz on /aws quiz daily now, and keeps the channel’s schedule', async () => {
    const posted = await command(first, 'quiz daily now');
    expect(texts(posted)).toMatch(/Posted today.s quiz question in <#C1>/);
    const post = await slack.waitForCall('chat.postMessage');
    const quizId = String(
      (post.body.blocks as JsonObject[])
        .filter((block) => block.type === 'actions')
        .flatMap((block) => block.elements as JsonObject[])[0]?.value,
    );
    const today = localDateOf(new Date(), 'UTC');
    expect(quizId).toBe(`daily:T1:C1:${today}`);
    // Every day at midnight, in a zone whose today is the same day: the quiz of today is due, and posted.
    zone = zoneAtNoon(new Date());
    expect(localDateOf(new Date(), zone)).toBe(today);
    expect(texts(await command(first, `quiz daily 00:00 ${zone}`))).toMatch(/00:00/);

    const store = await openStore({ dataDir });
    try {
      quiz = (await store.findQuiz(quizId)) as PostedQuiz;
    } finally {
      await store.close();
    }
    expect(quiz.messageTs).toBe(post.response.ts);
  });

  it('keeps, after a kill -9 in the middle of a burst, exactly the answer each person was told about', async () => {
    // Settled from the start: clicks in flight when the app dies fail, and that is expected.
    const clicks = Promise.allSettled(
      users.map((userId) =>
        postToApp(
          first.baseUrl,
          blockAction({
            actionId: `quiz_answer:${optionOf(userId)}`,
            value: quiz.id,
            userId,
            responseUrl: slack.responseUrl(`click-${userId}`),
          }),
          { signingSecret: SIGNING_SECRET, timeoutMs: 10_000 },
        ),
      ),
    );
    const isFeedback = (call: RecordedCall) => call.responseUrlId?.startsWith('click-') === true;
    await slack.waitForCalls('response_url', TOLD_BEFORE_KILL, isFeedback, 15_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    // Those whose click was in flight when it died were told nothing.
    const outcomes = await clicks;
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const told = slack.callsTo('response_url').filter(isFeedback);
    expect(told.length).toBeGreaterThanOrEqual(TOLD_BEFORE_KILL);

    const store = await openStore({ dataDir });
    const kept: QuizAnswer[] = [];
    try {
      for await (const answer of store.exportAnswers()) kept.push(answer);
    } finally {
      await store.close();
    }
    const byUser = new Map<string, QuizAnswer[]>();
    for (const answer of kept) byUser.set(answer.userId, [...(byUser.get(answer.userId) ?? []), answer]);
    // Nobody has two answers, and every answer kept is to this quiz, with the option clicked.
    for (const [userId, answers] of byUser) {
      expect(answers, userId).toHaveLength(1);
      expect(answers[0]).toMatchObject({ quizId: quiz.id, option: optionOf(userId) });
    }
    for (const call of told) {
      const userId = String(call.responseUrlId).slice('click-'.length);
      const said = texts(call.body);
      expect(said, userId).toMatch(/✅ Right|❌ Not quite/);
      const answer = byUser.get(userId)?.[0];
      expect(answer, `${userId} was told “${said.split('\n')[0]}” but nothing was kept`).toBeDefined();
      expect(answer?.option).toBe(optionOf(userId));
      expect(answer?.correct).toBe(said.includes('✅ Right'));
      expect(answer?.correct).toBe(optionOf(userId) === quiz.question.answer);
    }
    expect(kept.length).toBeGreaterThanOrEqual(told.length);
  });

  it('starts again on the same data, serves /healthz, and does not post that day’s quiz twice', async () => {
    // Another channel with the same schedule and no quiz yet: its post shows the start-up run is done.
    const store = await openStore({ dataDir });
    try {
      await store.saveSchedule({
        teamId: 'T1',
        channelId: 'C2',
        time: '00:00',
        zone,
        setBy: 'UADMIN',
        setAt: new Date(),
      });
    } finally {
      await store.close();
    }
    slack.reset();
    second = await startMain(slack, dataDir);
    const health = await fetch(`${second.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    // Schedules are run in channel order: C1's turn came before C2's post.
    const other = await slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'C2', 10_000);
    expect(other.response.ok).toBe(true);
    expect(slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C1')).toEqual([]);
    expect(second.output()).not.toMatch(/error/i);
  });
});
