import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCard } from '../../src/review/scheduling.js';
import { reviewButtonValue } from '../../src/slack/blocks/action-ids.js';
import { openStore } from '../../src/store/open-store.js';
import type { ReviewCard } from '../../src/store/store.js';
import { type AppProcess, startAppProcess } from '../helpers/app-process.js';
import { visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../helpers/fake-slack.js';
import { testTutor } from '../helpers/slack-app.js';
import { blockAction, postToApp } from '../helpers/slack-requests.js';

/**
 * "A person told 'right' or 'wrong' about a review card has that review in the store even if the
 * process is killed a moment later": `npm start` as a child process in HTTP mode on SQLite, a burst
 * of review answers, SIGKILL in the middle of it, then the database read directly and the app
 * started again on it.
 */

const BOT_TOKEN = 'xoxb-review-durability-token';
const SIGNING_SECRET = 'review-durability-signing-secret';
const PEOPLE = 200;
const TOLD_BEFORE_KILL = 60;
const TOPIC = 'ecs';

const texts = (payload: unknown) => visibleTexts(payload).join('\n');

function startMain(slack: FakeSlack, dataDir: string): Promise<AppProcess> {
  return startAppProcess({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    DATA_DIR: dataDir,
  });
}

describe('a review someone was told about survives SIGKILL', () => {
  let slack: FakeSlack;
  let dataDir: string;
  let first: AppProcess;
  let second: AppProcess | undefined;
  const users = Array.from({ length: PEOPLE }, (_, i) => `U${String(i).padStart(4, '0')}`);
  const optionOf = (userId: string) => users.indexOf(userId) % 4;
  const question = testTutor().questions.find((candidate) => candidate.topic.id === TOPIC);
  const shownAt = new Date(Date.now() - 5_000);
  const value = reviewButtonValue({
    topicId: TOPIC,
    rep: 0,
    questionId: question?.id ?? '',
    shownAt,
    zone: 'Europe/Berlin',
  });
  const clickOf = (started: AppProcess, userId: string, responseId: string) =>
    postToApp(
      started.baseUrl,
      blockAction({
        actionId: `review_answer:${optionOf(userId)}`,
        value,
        userId,
        responseUrl: slack.responseUrl(responseId),
      }),
      { signingSecret: SIGNING_SECRET, timeoutMs: 10_000 },
    );

  beforeAll(async () => {
    slack = await startFakeSlack();
    dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-review-durability-'));
    const store = await openStore({ dataDir });
    try {
      const topic = { id: TOPIC, title: question?.topic.title ?? TOPIC };
      await store.addReviewCards(
        users.map((userId) => newCard({ teamId: 'T1', userId }, topic, 'start', shownAt)),
      );
    } finally {
      await store.close();
    }
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

  it('keeps, after a kill -9 in the middle of a burst, exactly the review each person was told about', async () => {
    expect(question).toBeDefined();
    const clicks = Promise.allSettled(users.map((userId) => clickOf(first, userId, `review-${userId}`)));
    const isFeedback = (call: RecordedCall) => call.responseUrlId?.startsWith('review-') === true;
    await slack.waitForCalls('response_url', TOLD_BEFORE_KILL, isFeedback, 15_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await clicks;
    const told = slack.callsTo('response_url').filter(isFeedback);
    expect(told.length).toBeGreaterThanOrEqual(TOLD_BEFORE_KILL);

    const store = await openStore({ dataDir });
    const cards = new Map<string, ReviewCard>();
    try {
      for (const card of await store.exportReviewCards()) cards.set(card.userId, card);
    } finally {
      await store.close();
    }
    // Every card was reviewed at most once, and a reviewed card has the rating of the option clicked.
    for (const [userId, card] of cards) {
      expect(card.reps, userId).toBeLessThanOrEqual(1);
      if (card.reps === 1) {
        expect(card.lastRating).toBe(optionOf(userId) === question?.answer ? 'good' : 'again');
      }
    }
    for (const call of told) {
      const userId = String(call.responseUrlId).slice('review-'.length);
      const said = texts(call.body);
      expect(said, userId).toMatch(/✅ Right|❌ Not quite/);
      const card = cards.get(userId);
      expect(card?.reps, `${userId} was told “${said.split('\n')[0]}” but nothing was kept`).toBe(1);
      expect(card?.lastRating).toBe(said.includes('✅ Right') ? 'good' : 'again');
    }
  });

  it('starts again on the same data and still counts each showing once', async () => {
    const told = slack
      .callsTo('response_url')
      .filter((call) => call.responseUrlId?.startsWith('review-'))
      .map((call) => String(call.responseUrlId).slice('review-'.length));
    slack.reset();
    second = await startMain(slack, dataDir);
    const userId = told[0] ?? '';
    await clickOf(second, userId, 'again');
    // A deadline for a reply, not a measure of speed: generous, as the restarted app shares a busy machine.
    const reply = await slack.waitForCall('response_url', (call) => call.responseUrlId === 'again', 30_000);
    expect(texts(reply.body)).toMatch(/already answered this card/);
    expect(second.output()).not.toMatch(/error/i);
  }, 60_000);
});
