import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { SlackConnection } from '../../src/config.js';
import { QuizService } from '../../src/quiz/quiz-service.js';
import { type LaunchedSlackApp, launchSlackApp } from '../../src/slack/app.js';
import { ChannelPacer } from '../../src/slack/channel-pacer.js';
import { SlackSetupError } from '../../src/slack/setup/token-advice.js';
import { openStore } from '../../src/store/open-store.js';
import { freePort } from '../helpers/app-process.js';
import { visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { slashCommandEnvelope, startFakeSocketMode } from '../helpers/fake-socket-mode.js';
import {
  BOT_TOKEN,
  RecordingLogger,
  SIGNING_SECRET,
  startTestSlackApp,
  testTutor,
} from '../helpers/slack-app.js';
import { postToApp, slashCommand } from '../helpers/slack-requests.js';

/**
 * Start-up against a Slack that is not there yet, refuses a token, or receives requests signed with
 * another secret: the real Bolt app, in this process, with the waits between attempts shortened.
 */

const APP_TOKEN = 'xapp-startup-test-token';
const QUICK = { firstDelayMs: 20, maxDelayMs: 100 };

interface Launched {
  launched: LaunchedSlackApp;
  baseUrl: string;
  logger: RecordingLogger;
}

/** The app launched (its port open) at `slackApiUrl`, stopped and cleaned up when the test ends. */
async function launch(connection: SlackConnection, slackApiUrl: string): Promise<Launched> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-startup-'));
  const store = await openStore({ dataDir });
  const logger = new RecordingLogger();
  const { tutor, questions } = testTutor();
  const launched = await launchSlackApp(
    { connection, slackApiUrl, port: 0, scheduleQuizzes: false, slackRetry: QUICK },
    {
      tutor,
      store,
      quizzes: new QuizService({ store, questions: () => questions }),
      logger,
      pacer: new ChannelPacer(0),
      now: () => new Date(),
      admins: [],
      reloadNotes: () => ({ ok: false, problems: ['not in this test'], topics: 0 }),
    },
  );
  onTestFinished(async () => {
    await launched.stop();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { launched, baseUrl: `http://127.0.0.1:${launched.port}`, logger };
}

async function probe(
  baseUrl: string,
  path: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A URL nothing listens on yet, and its port, for a fake Slack to come up on later. */
async function slackNotUpYet(): Promise<{ url: string; port: number }> {
  const port = await freePort();
  return { url: `http://127.0.0.1:${port}/api/`, port };
}

describe('Slack out of reach at start', () => {
  it('keeps /healthz up, says why on /readyz, and becomes ready by itself once Slack answers (Socket Mode)', async () => {
    const down = await slackNotUpYet();
    const socket = await startFakeSocketMode();
    onTestFinished(() => socket.close());
    const { launched, baseUrl, logger } = await launch(
      { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN },
      down.url,
    );
    await expect.poll(() => logger.lines.filter((line) => line.level === 'warn').length).toBeGreaterThan(1);
    expect((await probe(baseUrl, '/healthz')).status).toBe(200);
    expect(await probe(baseUrl, '/readyz')).toEqual({
      status: 503,
      body: { status: 'unavailable', reason: 'Slack API unreachable: ECONNREFUSED' },
    });
    expect(logger.lines.find((line) => line.level === 'warn')?.text).toMatch(
      /^Slack API unreachable at 127\.0\.0\.1:\d+ \(ECONNREFUSED\) while checking SLACK_BOT_TOKEN: trying again in \d+ s \(attempt 1\); \/readyz answers 503 until Slack answers$/,
    );

    const slack = await startFakeSlack({ port: down.port, socketUrl: socket.url });
    onTestFinished(() => slack.close());
    const running = await launched.ready;
    expect(running.identity).toMatchObject({ teamId: 'T1', userId: 'UBOT', botId: 'BBOT' });
    expect(slack.callsTo('apps.connections.open').map((call) => call.token)).toContain(APP_TOKEN);
    await socket.waitForConnection(1);
    expect(await probe(baseUrl, '/readyz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ack = await socket.waitForAck(
      socket.send(
        slashCommandEnvelope(slashCommand({ text: 'what is fargate', responseUrl: slack.responseUrl() })),
      ),
    );
    expect(visibleTexts(ack.payload).join('\n')).toMatch(/Fargate/);
    // Bolt was given the identity Slack confirmed: one auth.test, ours.
    expect(slack.callsTo('auth.test')).toHaveLength(1);
  });

  it('stops with the refusal when Slack, once reachable, refuses the bot token', async () => {
    const down = await slackNotUpYet();
    const { launched, baseUrl, logger } = await launch(
      { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
      down.url,
    );
    await expect.poll(() => logger.lines.length).toBeGreaterThan(0);
    const slack = await startFakeSlack({ port: down.port, refusedTokens: { [BOT_TOKEN]: 'token_revoked' } });
    onTestFinished(() => slack.close());
    const refusal = await launched.ready.then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(SlackSetupError);
    expect((refusal as Error).message).toMatch(
      /^SLACK_BOT_TOKEN \(xoxb-…\) was refused by Slack: token_revoked, .*Reinstall the app/,
    );
    await expect(fetch(`${baseUrl}/healthz`)).rejects.toThrow();
  });

  it('stops at once when stopped while Slack is away', async () => {
    const down = await slackNotUpYet();
    const { launched, baseUrl, logger } = await launch(
      { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
      down.url,
    );
    await expect.poll(() => logger.lines.length).toBeGreaterThan(0);
    expect(await launched.stop()).toBe(true);
    await expect(launched.ready).rejects.toMatchObject({ name: 'AbortError' });
    await expect(fetch(`${baseUrl}/healthz`)).rejects.toThrow();
  });
});

describe('requests that fail the signature check', () => {
  let slack: FakeSlack;

  beforeAll(async () => {
    slack = await startFakeSlack();
  });

  afterAll(async () => {
    await slack?.close();
  });

  it('make one warning naming SLACK_SIGNING_SECRET when many come in a row', async () => {
    const app = await startTestSlackApp(
      { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
      slack.url,
    );
    onTestFinished(() => app.stop());
    const send = async (count: number, forgeSignature: boolean) => {
      for (let i = 0; i < count; i += 1) {
        const request = slashCommand({ text: 'help', responseUrl: slack.responseUrl() });
        const response = await postToApp(app.baseUrl, request, {
          signingSecret: SIGNING_SECRET,
          forgeSignature,
        });
        expect(response.status).toBe(forgeSignature ? 401 : 200);
      }
    };
    const warnings = () =>
      app.logger.lines.filter((line) => line.level === 'warn' && line.text.includes('SLACK_SIGNING_SECRET'));

    await send(9, true);
    expect(warnings()).toHaveLength(0);
    await send(11, true);
    expect(warnings().map((line) => line.text)).toEqual([
      "10 requests in a row failed Slack's signature check: SLACK_SIGNING_SECRET is probably wrong (or this machine's clock is more than 5 minutes off). Copy the Signing Secret from https://api.slack.com/apps → your app → Basic Information → App Credentials",
    ]);
    await send(1, false);
    await send(10, true);
    expect(warnings()).toHaveLength(2);
  });
});
