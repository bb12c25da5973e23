import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { freePort, type SpawnedApp, spawnApp, waitForHealthy } from './helpers/app-process.js';
import { visibleTexts } from './helpers/block-kit-limits.js';
import { startFakeSlack } from './helpers/fake-slack.js';
import { postToApp, slashCommand } from './helpers/slack-requests.js';

/**
 * What `npm start` says when the setup is wrong, through the real process: one line naming what to
 * fix and no stack trace for a refused token, a busy port, an unusable DATA_DIR or notes folder; and
 * for a Slack that is not there yet, no failure at all: it waits, says why on /readyz, and gets ready.
 */

const BOT_TOKEN = 'xoxb-startup-problems-token-do-not-log';
const APP_TOKEN = 'xapp-startup-problems-token-do-not-log';
const SIGNING_SECRET = 'startup-problems-signing-secret-do-not-log';

const dataDirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-tutor-startup-problems-'));
  dataDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Started with `env`; killed when the test ends if it is still running. */
function start(env: Record<string, string>): SpawnedApp {
  const app = spawnApp({ DATA_DIR: dataDir(), ...env });
  onTestFinished(async () => {
    if (app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
  });
  return app;
}

function lines(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '');
}

/** Exit code 1, and everything printed is the one line `expected` matches: no stack, no secret. */
async function expectOneLineFailure(app: SpawnedApp, expected: RegExp): Promise<string> {
  expect(await app.exited).toBe(1);
  const output = app.output();
  expect(lines(output)).toEqual([expect.stringMatching(expected)]);
  expect(output).not.toMatch(/\n\s+at /);
  for (const secret of [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET]) expect(output).not.toContain(secret);
  return lines(output)[0] as string;
}

async function readyz(baseUrl: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Slack refuses a token', () => {
  it('stops with one line naming SLACK_BOT_TOKEN, what Slack said and where the right token is (HTTP mode)', async () => {
    const slack = await startFakeSlack({ refusedTokens: { [BOT_TOKEN]: 'invalid_auth' } });
    onTestFinished(() => slack.close());
    const app = start({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    });
    const line = await expectOneLineFailure(
      app,
      /^aws-tutor: SLACK_BOT_TOKEN \(xoxb-…\) was refused by Slack: invalid_auth, .*Set SLACK_BOT_TOKEN to the Bot User OAuth Token \(xoxb-…\) from https:\/\/api\.slack\.com\/apps → your app → Install App$/,
    );
    expect(line).not.toMatch(/answering/);
    expect(slack.callsTo('auth.test').map((call) => call.token)).toEqual([BOT_TOKEN]);
  });

  it('stops with one line naming SLACK_APP_TOKEN and connections:write (Socket Mode)', async () => {
    const slack = await startFakeSlack({
      socketUrl: 'ws://127.0.0.1:1/never-used',
      refusedTokens: { [APP_TOKEN]: 'invalid_auth' },
    });
    onTestFinished(() => slack.close());
    const app = start({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: slack.url,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    });
    await expectOneLineFailure(
      app,
      /^aws-tutor: SLACK_APP_TOKEN \(xapp-…\) was refused by Slack: invalid_auth, .*connections:write scope \(xapp-…\) from https:\/\/api\.slack\.com\/apps → your app → Basic Information → App-Level Tokens$/,
    );
    expect(slack.callsTo('apps.connections.open').map((call) => call.token)).toEqual([APP_TOKEN]);
  });
});

describe('Slack out of reach at start', () => {
  it('waits with /healthz up and /readyz saying why, and becomes ready by itself when Slack comes up 5 s later', async () => {
    const slackPort = await freePort();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const app = start({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    await waitForHealthy(app, baseUrl);
    expect(await readyz(baseUrl)).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    await expect.poll(() => app.output()).toMatch(/Slack API unreachable/);
    expect((await readyz(baseUrl)).body.reason).toBe('Slack API unreachable: ECONNREFUSED');
    expect(app.output()).not.toMatch(/answering from/);

    await sleep(5_000);
    const slack = await startFakeSlack({ port: slackPort });
    onTestFinished(() => slack.close());
    await expect
      .poll(async () => (await readyz(baseUrl)).status, { timeout: 20_000, interval: 100 })
      .toBe(200);
    expect(app.output()).toMatch(/answering from \d+ topics in HTTP mode/);
    const unreachable = lines(app.output()).filter((line) => line.includes('Slack API unreachable'));
    expect(unreachable.length).toBeGreaterThan(0);
    // One line per attempt, attempts seconds apart: a handful in five seconds, not a flood.
    expect(unreachable.length).toBeLessThanOrEqual(4);
    expect(app.output()).not.toMatch(/\n\s+at /);

    const answer = await postToApp(
      baseUrl,
      slashCommand({ text: 'what is fargate', responseUrl: slack.responseUrl() }),
      {
        signingSecret: SIGNING_SECRET,
      },
    );
    expect(visibleTexts(answer.json).join('\n')).toMatch(/Fargate/);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });

  it('stops with the refusal when Slack, once it answers, refuses the bot token', async () => {
    const slackPort = await freePort();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const app = start({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    await waitForHealthy(app, baseUrl);
    await expect.poll(() => app.output()).toMatch(/Slack API unreachable/);
    const slack = await startFakeSlack({
      port: slackPort,
      refusedTokens: { [BOT_TOKEN]: 'account_inactive' },
    });
    onTestFinished(() => slack.close());
    expect(await app.exited).toBe(1);
    const printed = lines(app.output());
    expect(printed.at(-1)).toMatch(
      /^aws-tutor: SLACK_BOT_TOKEN \(xoxb-…\) was refused by Slack: account_inactive, the bot user or its workspace is deactivated/,
    );
    expect(printed.slice(0, -1).every((line) => line.includes('Slack API unreachable'))).toBe(true);
    expect(app.output()).not.toMatch(/answering from|\n\s+at /);
  });
});

describe('other start-up failures: one line each, no stack trace', () => {
  const slackEnv = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, LOG_LEVEL: 'info' };

  it('a port in use names PORT', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    onTestFinished(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as { port: number }).port;
    await expectOneLineFailure(
      start({ ...slackEnv, PORT: String(port) }),
      new RegExp(
        `^aws-tutor: PORT=${port} is already in use by another process: stop that process, or set PORT to a free port$`,
      ),
    );
  });

  it('a DATA_DIR that cannot be created names DATA_DIR', async () => {
    const file = join(dataDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    await expectOneLineFailure(
      start({ ...slackEnv, PORT: '0', DATA_DIR: join(file, 'data') }),
      /^aws-tutor: DATA_DIR=.*a-file\/data: .*\(set DATA_DIR to a folder this process can create and write\)$/,
    );
  });

  it('a notes folder that does not exist says so', async () => {
    await expectOneLineFailure(
      start({ ...slackEnv, PORT: '0', KNOWLEDGE_DIR: join(dataDir(), 'no-notes-here') }),
      /^aws-tutor: the knowledge folder .*no-notes-here does not exist/,
    );
  });
});
