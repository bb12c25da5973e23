import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleTexts } from './helpers/block-kit-limits.js';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.js';
import { PROJECT_ROOT, START_ENTRY } from './helpers/paths.js';
import { postToApp, slashCommand } from './helpers/slack-requests.js';

const BOT_TOKEN = 'xoxb-main-test-token-do-not-log';
const SIGNING_SECRET = 'main-test-signing-secret-do-not-log';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` as Slack would meet it: configured only through the environment. */
function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [START_ENTRY], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      DATABASE_URL: '',
      KNOWLEDGE_DIR: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealthy(port: number, started: Started, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`the app exited early:\n${started.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`/healthz never answered 200:\n${started.output()}`);
}

describe('npm start in HTTP mode, configured by the environment', () => {
  let slack: FakeSlack;
  let dataDir: string;
  let port: number;
  let started: Started;

  beforeAll(async () => {
    slack = await startFakeSlack();
    dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-main-'));
    port = await freePort();
    started = startMain({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
    });
    await waitForHealthy(port, started);
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

  it('uses the Web API at SLACK_API_URL with the bot token', async () => {
    const check = await slack.waitForCall('auth.test');
    expect(check.token).toBe(BOT_TOKEN);
  });

  it('keeps the token and the signing secret out of its logs, even at debug level', () => {
    expect(started.output()).not.toContain(BOT_TOKEN);
    expect(started.output()).not.toContain(SIGNING_SECRET);
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
    const started = startMain(env);
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(named);
    expect(started.output()).not.toMatch(/\n\s+at /);
    expect(started.output().trim().split('\n')).toHaveLength(1);
  });
});
