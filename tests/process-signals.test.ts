import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, startAppProcess } from './helpers/app-process.js';
import { visibleTexts } from './helpers/block-kit-limits.js';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.js';
import { notesDir } from './helpers/notes-dir.js';
import { KNOWLEDGE_DIR } from './helpers/paths.js';
import { blockAction, postToApp, slashCommand } from './helpers/slack-requests.js';
import { type SlowResponseUrl, slowResponseUrl } from './helpers/slow-response-url.js';

const BOT_TOKEN = 'xoxb-shutdown-test-token';
const SIGNING_SECRET = 'shutdown-test-signing-secret';

let slack: FakeSlack;
let dataDir: string;
let app: AppProcess | null = null;
const slowUrls: SlowResponseUrl[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-shutdown-'));
});

afterEach(async () => {
  if (app && app.child.exitCode === null && app.child.signalCode === null) {
    app.child.kill('SIGKILL');
    await app.exited;
  }
  app = null;
  await Promise.all(slowUrls.splice(0).map((url) => url.close()));
});

afterAll(async () => {
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startApp(env: Record<string, string> = {}): Promise<AppProcess> {
  app = await startAppProcess({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    DATA_DIR: dataDir,
    ...env,
  });
  return app;
}

/** "Quiz me on this": acknowledged at once, answered (a practice question) through the slow URL. */
async function clickWithSlowAnswer(running: AppProcess, delayMs: number): Promise<SlowResponseUrl> {
  const slow = await slowResponseUrl(delayMs);
  slowUrls.push(slow);
  const response = await postToApp(
    running.baseUrl,
    blockAction({ actionId: 'quiz_me', value: 'lambda', responseUrl: slow.url }),
    { signingSecret: SIGNING_SECRET },
  );
  expect(response.status).toBe(200);
  await slow.arrived;
  return slow;
}

describe('stopping on a signal', () => {
  it('finishes the request under way, takes no new ones, and exits 0 within 10 s on SIGTERM', async () => {
    const running = await startApp();
    const slow = await clickWithSlowAnswer(running, 1500);
    const signalled = Date.now();
    running.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(fetch(`${running.baseUrl}/healthz`)).rejects.toThrow();
    const code = await running.exited;
    const exitedAt = Date.now();
    expect(code).toBe(0);
    expect(exitedAt).toBeGreaterThanOrEqual(await slow.answered);
    expect(exitedAt - signalled).toBeLessThan(10_000);
    expect(running.output()).not.toMatch(/Failed to respond|listener failed/);
  });

  it('exits at once on a second signal', async () => {
    const running = await startApp();
    const slow = await clickWithSlowAnswer(running, 20_000);
    running.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = Date.now();
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(1);
    expect(Date.now() - again).toBeLessThan(2_000);
    await slow.close();
  });

  it('exits 0 on SIGINT with nothing under way, keeping the store usable', async () => {
    const running = await startApp();
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
    const again = await startApp();
    expect((await fetch(`${again.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe('reloading the notes on SIGHUP', () => {
  it('serves edited notes without a restart, and keeps them when the next edit is broken', async () => {
    const notes = notesDir({ 'compute.md': readFileSync(join(KNOWLEDGE_DIR, 'compute.md'), 'utf8') });
    const running = await startApp({ KNOWLEDGE_DIR: notes, LOG_LEVEL: 'info' });
    const ask = async (text: string) =>
      visibleTexts(
        (
          await postToApp(running.baseUrl, slashCommand({ text, responseUrl: slack.responseUrl() }), {
            signingSecret: SIGNING_SECRET,
          })
        ).json,
      ).join('\n');
    expect(await ask('what is s3')).toMatch(/don’t cover/);
    writeFileSync(
      join(notes, 'storage.md'),
      '# Amazon S3\n\n* S3 stores objects in buckets, without limits on size.\n',
    );
    running.child.kill('SIGHUP');
    await expect.poll(() => running.output(), { timeout: 5_000 }).toMatch(/notes reloaded: 10 topics/);
    expect(await ask('what is s3')).toMatch(/stores objects in buckets/);
    writeFileSync(join(notes, 'broken.md'), '# Broken\n\n* An **unclosed bold fact.\n');
    running.child.kill('SIGHUP');
    await expect.poll(() => running.output(), { timeout: 5_000 }).toMatch(/notes not reloaded.*broken\.md/);
    expect(await ask('what is s3')).toMatch(/stores objects in buckets/);
  });
});
