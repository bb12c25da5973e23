import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../helpers/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from '../helpers/slack-app.js';

/**
 * A daily quiz Slack will not post for a reason a person must fix: whoever set the schedule gets one
 * direct message a day per channel saying what happened and what to do, decided by the store so a
 * restart or a second replica stays quiet. The real Bolt app against the fake Slack Web API.
 */

const HTTP = { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET } as const;
/** 09:20 in Berlin on 2 June 2026: twenty minutes after a 09:00 Europe/Berlin quiz time. */
const START = new Date('2026-06-02T07:20:00Z');
const NEXT_DAY = new Date('2026-06-03T07:00:30Z');

let slack: FakeSlack;
let dataDir: string;

beforeAll(async () => {
  slack = await startFakeSlack();
});

afterAll(async () => {
  await slack?.close();
});

beforeEach(() => {
  slack.reset();
  dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-notice-'));
  onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
});

/** An app (a process, a replica) on the test's SQLite database, with its own connection to it. */
async function replica(clock: { now: Date }): Promise<TestSlackApp> {
  const app = await startTestSlackApp(HTTP, slack.url, {
    now: () => clock.now,
    store: await openStore({ dataDir }),
  });
  onTestFinished(() => app.stop());
  return app;
}

function scheduleAtNine(store: Store) {
  return store.saveSchedule({
    teamId: 'T1',
    channelId: 'C1',
    time: '09:00',
    zone: 'Europe/Berlin',
    setBy: 'USETTER',
    setAt: START,
  });
}

const notices = (): RecordedCall[] =>
  slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'USETTER');
const quizPosts = (): RecordedCall[] =>
  slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C1');
const text = (call: RecordedCall | undefined) => visibleTexts(call?.body ?? {}).join('\n');

describe('a daily quiz Slack refuses for a reason a person must fix', () => {
  it('tells whoever set the schedule once that day, through restarts, and again the next day', async () => {
    const clock = { now: START };
    const first = await replica(clock);
    await scheduleAtNine(first.store);
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await first.running.scheduler.tick();

    expect(quizPosts()).toHaveLength(1);
    expect(notices()).toHaveLength(1);
    const notice = text(notices()[0]);
    expect(notice).toContain('<#C1>');
    expect(notice).toContain('2026-06-02');
    expect(notice).toContain('not_in_channel');
    expect(notice).toMatch(/\/invite @AWS Tutor/);
    expect(notice).toMatch(/\/aws quiz daily off/);
    expect(notices()[0]?.response.ok).toBe(true);

    // The same replica later that day, and a restarted one that tries the post again: no second notice.
    clock.now = new Date(START.getTime() + 60 * 60_000);
    await first.running.scheduler.tick();
    const restarted = await replica(clock);
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await restarted.running.scheduler.tick();
    expect(quizPosts()).toHaveLength(2);
    expect(notices()).toHaveLength(1);
    expect(await restarted.store.listPostErrors()).toEqual([
      expect.objectContaining({
        channelId: 'C1',
        setBy: 'USETTER',
        quizDate: '2026-06-02',
        error: 'not_in_channel',
      }),
    ]);

    // The next day, still not invited: one more notice.
    clock.now = NEXT_DAY;
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await restarted.running.scheduler.tick();
    expect(notices()).toHaveLength(2);
    expect(text(notices()[1])).toContain('channel_not_found');
    expect(text(notices()[1])).toContain('2026-06-03');
  });

  it('says to unarchive an archived channel', async () => {
    const clock = { now: START };
    const app = await replica(clock);
    await scheduleAtNine(app.store);
    slack.failNext('chat.postMessage', { error: 'is_archived' });
    await app.running.scheduler.tick();
    expect(notices()).toHaveLength(1);
    expect(text(notices()[0])).toMatch(/archived: unarchive it/);
  });

  it('names the missing scope and says to reinstall the app', async () => {
    const clock = { now: START };
    const app = await replica(clock);
    await scheduleAtNine(app.store);
    slack.failNext('chat.postMessage', { error: 'missing_scope', needed: 'chat:write.public' });
    await app.running.scheduler.tick();
    expect(text(notices()[0])).toMatch(/lacks the `chat:write.public` scope.*reinstall the app/s);
    expect(app.logger.errors()).toEqual([
      expect.stringMatching(/C1 \(missing_scope\): the app lacks the `chat:write.public` scope/),
    ]);
  });

  it('forgets the problem once a quiz is posted there, and tells nobody of a failure that passes by itself', async () => {
    const clock = { now: START };
    const app = await replica(clock);
    await scheduleAtNine(app.store);
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await app.running.scheduler.tick();
    expect(await app.store.listPostErrors()).toHaveLength(1);

    clock.now = NEXT_DAY;
    slack.failNext('chat.postMessage', { status: 500 }, { times: 3 });
    await app.running.scheduler.tick();
    expect(notices()).toHaveLength(1);
    clock.now = new Date(NEXT_DAY.getTime() + 60_000);
    await app.running.scheduler.tick();
    expect(quizPosts().at(-1)?.response.ok).toBe(true);
    expect(await app.store.listPostErrors()).toEqual([]);
    expect(notices()).toHaveLength(1);
  });

  it('logs, and carries on, when the notice itself cannot be sent', async () => {
    const clock = { now: START };
    const app = await replica(clock);
    await scheduleAtNine(app.store);
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    slack.failNext('chat.postMessage', { error: 'user_not_found' });
    await app.running.scheduler.tick();
    expect(app.logger.lines).toContainEqual({
      level: 'warn',
      text: expect.stringMatching(/could not tell USETTER .* C1 .*user_not_found/),
    });
  });
});
