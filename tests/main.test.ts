import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type SpawnedApp, spawnApp, waitForHealthy } from './helpers/app-process.js';
import { visibleTexts } from './helpers/block-kit-limits.js';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.js';
import { eventsApiEnvelope, slashCommandEnvelope, startFakeSocketMode } from './helpers/fake-socket-mode.js';
import { appMention, eventCallback, postToApp, slashCommand } from './helpers/slack-requests.js';

const BOT_TOKEN = 'xoxb-main-test-token-do-not-log';
const SIGNING_SECRET = 'main-test-signing-secret-do-not-log';
const APP_TOKEN = 'xapp-main-test-app-token-do-not-log';
/** As written in DATABASE_URL (percent-encoded) and as the driver sees it. */
const DB_PASSWORD_IN_URL = 'pw%40main-test%2Fdo-not-log';
const DB_PASSWORD = 'pw@main-test/do-not-log';

type LogLine = Record<string, unknown>;

/** Every line of the output as JSON: throws on a line that is not one JSON object. */
function jsonLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parsed = JSON.parse(line) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error(`not a JSON object: ${line}`);
      }
      return parsed as LogLine;
    });
}

function expectNoSecrets(output: string): void {
  for (const secret of [BOT_TOKEN, SIGNING_SECRET, APP_TOKEN, DB_PASSWORD_IN_URL, DB_PASSWORD]) {
    expect(output).not.toContain(secret);
  }
}

describe('npm start in HTTP mode, configured by the environment', () => {
  let slack: FakeSlack;
  let dataDir: string;
  let port: number;
  let started: SpawnedApp;

  beforeAll(async () => {
    slack = await startFakeSlack();
    dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-main-'));
    port = await freePort();
    started = spawnApp({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
    });
    await waitForHealthy(started, `http://127.0.0.1:${port}`);
  });

  afterAll(async () => {
    if (started && started.child.exitCode === null) {
      started.child.kill('SIGTERM');
      await started.exited;
    }
    await slack?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a signed /aws on /slack/events', async () => {
    const response = await postToApp(
      `http://127.0.0.1:${port}`,
      slashCommand({ text: 'what is fargate', responseUrl: slack.responseUrl() }),
      { signingSecret: SIGNING_SECRET },
    );
    expect(response.status).toBe(200);
    expect(visibleTexts(response.json).join('\n')).toMatch(/Fargate/);
  });

  it('logs one JSON object per line; the lines of a command and of an event carry their ids', async () => {
    const base = `http://127.0.0.1:${port}`;
    const command = slashCommand({
      text: 'what is ecr',
      responseUrl: slack.responseUrl(),
      triggerId: '9001.7.main',
    });
    expect((await postToApp(base, command, { signingSecret: SIGNING_SECRET })).status).toBe(200);
    const mention = eventCallback(appMention({ text: '<@UBOT> what is lambda' }), { eventId: 'Ev-main-1' });
    expect((await postToApp(base, mention, { signingSecret: SIGNING_SECRET })).status).toBe(200);
    await slack.waitForCall('chat.postMessage');
    await expect
      .poll(() => jsonLines(started.output()).filter((line) => line.request_id === 'Ev-main-1').length)
      .toBeGreaterThan(0);
    const lines = jsonLines(started.output());
    for (const line of lines) {
      expect(line).toMatchObject({
        level: expect.any(String),
        time: expect.any(String),
        msg: expect.any(String),
      });
    }
    const commandLines = lines.filter((line) => line.request_id === '9001.7.main');
    expect(commandLines.length).toBeGreaterThan(0);
    expect(commandLines.every((line) => line.request_kind === 'command')).toBe(true);
    expect(
      lines.filter((line) => line.request_id === 'Ev-main-1').every((line) => line.request_kind === 'event'),
    ).toBe(true);
  });

  it('uses the Web API at SLACK_API_URL with the bot token', async () => {
    const check = await slack.waitForCall('auth.test');
    expect(check.token).toBe(BOT_TOKEN);
  });

  it('keeps the token and the signing secret out of its logs, even at debug level', () => {
    expect(started.output()).not.toContain(BOT_TOKEN);
    expect(started.output()).not.toContain(SIGNING_SECRET);
  });

  it('serves /readyz and /metrics next to /healthz', async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()).toMatchObject({ status: 'ok' });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^aws_tutor_answers_total\{intent="explain"\} [1-9]/m);
    expect(metrics).toContain('process_cpu_seconds_total');
  });

  it('stops on SIGTERM with exit code 0', async () => {
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });
});

describe('npm start with a partial Slack configuration', () => {
  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-only-a-token' }, /SLACK_SIGNING_SECRET/],
    [{ SLACK_SIGNING_SECRET: 'only-a-secret' }, /SLACK_BOT_TOKEN/],
    [{ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' }, /PORT/],
  ])('stops with one line naming what to set: %j', async (env, named) => {
    const started = spawnApp(env);
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(named);
    expect(started.output()).not.toMatch(/\n\s+at /);
    expect(started.output().trim().split('\n')).toHaveLength(1);
  });
});

describe('npm start in Socket Mode at debug level', () => {
  it('answers, tags its lines with request ids, and never logs a token', async () => {
    const socket = await startFakeSocketMode();
    const slack = await startFakeSlack({ socketUrl: socket.url });
    const dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-main-socket-'));
    const port = await freePort();
    const started = spawnApp({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: slack.url,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
    });
    try {
      await waitForHealthy(started, `http://127.0.0.1:${port}`);
      await socket.waitForConnection(1);
      const command = slashCommand({
        text: 'what is fargate',
        responseUrl: slack.responseUrl(),
        triggerId: '9002.1.sock',
      });
      const ack = await socket.waitForAck(socket.send(slashCommandEnvelope(command)));
      expect(visibleTexts(ack.payload).join('\n')).toMatch(/Fargate/);
      const mention = eventCallback(appMention({ text: '<@UBOT> what is ecs' }), {
        eventId: 'Ev-main-sock-1',
      });
      await socket.waitForAck(socket.send(eventsApiEnvelope(mention)));
      await slack.waitForCall('chat.postMessage');
      await expect
        .poll(() => jsonLines(started.output()).some((line) => line.request_id === 'Ev-main-sock-1'))
        .toBe(true);
      expect(jsonLines(started.output()).some((line) => line.request_id === '9002.1.sock')).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      expectNoSecrets(started.output());
    } finally {
      started.child.kill('SIGTERM');
      await started.exited;
      await socket.close();
      await slack.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('npm start with a database it cannot reach', () => {
  it('stops with a message naming DATABASE_URL, and no secret in anything it printed', async () => {
    const closedPort = await freePort();
    const started = spawnApp({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      DATABASE_URL: `postgres://tutor:${DB_PASSWORD_IN_URL}@127.0.0.1:${closedPort}/aws_tutor`,
      PORT: '0',
      LOG_LEVEL: 'debug',
    });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/DATABASE_URL=postgres:\/\/tutor:\*\*\*@127\.0\.0\.1/);
    expect(started.output()).toMatch(/nothing accepts connections there/);
    expectNoSecrets(started.output());
  });
});
