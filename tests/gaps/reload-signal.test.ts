import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, startAppProcess } from '../helpers/app-process.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { notesDir } from '../helpers/notes-dir.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';
import { postToApp, slashCommand } from '../helpers/slack-requests.js';

const SIGNING_SECRET = 'gaps-reload-signing-secret';

let slack: FakeSlack;
let dataDir: string;
let app: AppProcess | null = null;

beforeAll(async () => {
  slack = await startFakeSlack();
  dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-gaps-reload-'));
});

afterAll(async () => {
  if (app && app.child.exitCode === null) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start reloading the notes on SIGHUP', () => {
  it('re-asks the kept unanswered questions too, and says how many the new notes answer', async () => {
    const notes = notesDir({ 'compute.md': readFileSync(join(KNOWLEDGE_DIR, 'compute.md'), 'utf8') });
    app = await startAppProcess({
      SLACK_BOT_TOKEN: 'xoxb-gaps-reload-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      DATA_DIR: dataDir,
      KNOWLEDGE_DIR: notes,
      LOG_LEVEL: 'info',
    });
    for (const text of ['what is amazon s3', 'what is the meaning of life'])
      await postToApp(app.baseUrl, slashCommand({ text, responseUrl: slack.responseUrl() }), {
        signingSecret: SIGNING_SECRET,
      });
    writeFileSync(
      join(notes, 'storage.md'),
      '# Amazon S3\n\n* S3 stores objects in buckets, without limits on size.\n',
    );
    app.child.kill('SIGHUP');
    await expect
      .poll(() => app?.output(), { timeout: 10_000 })
      .toMatch(/the new notes answer 1 of last month's 2 unanswered questions/);
  });
});
