import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { freePort } from '../helpers/app-process.js';
import { type CliResult, runCli } from '../helpers/cli.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { notesDir } from '../helpers/notes-dir.js';

/**
 * `tutor doctor` through the built CLI, against the fake Slack Web API (SLACK_API_URL), a real SQLite
 * file or an unreachable PostgreSQL, and real notes folders: a good setup passes every check, a broken
 * one gets a ✗ line with the fix for each thing wrong, and exit code 1.
 */

const BOT_TOKEN = 'xoxb-doctor-test-token-do-not-print';
const APP_TOKEN = 'xapp-doctor-test-token-do-not-print';
const SIGNING_SECRET = 'doctor-test-signing-secret-do-not-print';
/** What manifest.yml asks for. */
const MANIFEST_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'chat:write.public',
  'commands',
  'im:history',
  'users:read',
];

let slack: FakeSlack;

beforeAll(async () => {
  slack = await startFakeSlack({ socketUrl: 'ws://127.0.0.1:1/not-used', scopes: MANIFEST_SCOPES });
});

afterAll(async () => {
  await slack?.close();
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-tutor-doctor-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function doctor(env: Record<string, string | undefined>, args: string[] = []): Promise<CliResult> {
  return runCli(['doctor', ...args], { env: { DATABASE_URL: '', SLACK_API_URL: slack.url, ...env } });
}

/** `name → ✓/✗/–` for each line of the checklist, in order. */
function marks(stdout: string): Record<string, string> {
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => /^([✓✗–]) ([a-z ]+): /.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[2], match[1]]),
  );
}

function line(stdout: string, name: string): string {
  return stdout.split('\n').find((text) => text.slice(2).startsWith(`${name}:`)) ?? '';
}

function expectNoSecrets(result: CliResult): void {
  for (const secret of [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, 'pw-doctor-do-not-print']) {
    expect(result.stdout + result.stderr).not.toContain(secret);
  }
}

describe('tutor doctor on a good setup', () => {
  it('passes every check in HTTP mode and exits 0', async () => {
    const result = await doctor({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      DATA_DIR: dataDir(),
    });
    expect(result.status).toBe(0);
    expect(marks(result.stdout)).toEqual({
      configuration: '✓',
      'bot token': '✓',
      scopes: '✓',
      'app token': '–',
      store: '✓',
      notes: '✓',
      channels: '✓',
    });
    expect(line(result.stdout, 'bot token')).toBe(
      '✓ bot token: SLACK_BOT_TOKEN (xoxb-…) works: workspace aws-tutor-test (T1), bot user @aws-tutor (UBOT)',
    );
    expect(line(result.stdout, 'scopes')).toBe('✓ scopes: the bot has all 6 scopes manifest.yml asks for');
    expect(line(result.stdout, 'store')).toMatch(
      /^✓ store: SQLite at .*aws-tutor\.db: opened, migrated to schema version \d+, a probe row written and read back in a transaction rolled back$/,
    );
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('All checks passed.');
    expectNoSecrets(result);
  });

  it('checks the app token in Socket Mode without keeping a connection, and answers --json', async () => {
    slack.reset();
    const result = await doctor(
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, DATA_DIR: dataDir() },
      ['--json'],
    );
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      checks: { name: string; status: string; detail: string; fix: string | null }[];
    };
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => [check.name, check.status])).toEqual([
      ['configuration', 'pass'],
      ['bot token', 'pass'],
      ['scopes', 'pass'],
      ['app token', 'pass'],
      ['store', 'pass'],
      ['notes', 'pass'],
      ['channels', 'pass'],
    ]);
    expect(report.checks[0]?.detail).toMatch(/^Socket Mode: /);
    expect(slack.callsTo('apps.connections.open').map((call) => call.token)).toEqual([APP_TOKEN]);
    expectNoSecrets(result);
  });

  it('reads .env from where it is run, as npm start does', async () => {
    const folder = dataDir();
    writeFileSync(
      join(folder, '.env'),
      `SLACK_BOT_TOKEN=${BOT_TOKEN}\nSLACK_SIGNING_SECRET=${SIGNING_SECRET}\nSLACK_API_URL=${slack.url}\nDATA_DIR=${folder}\n`,
    );
    const result = await runCli(['doctor'], {
      cwd: folder,
      env: {
        SLACK_BOT_TOKEN: undefined,
        SLACK_SIGNING_SECRET: undefined,
        SLACK_API_URL: undefined,
        DATA_DIR: undefined,
        DATABASE_URL: undefined,
      },
    });
    expect(marks(result.stdout)['bot token']).toBe('✓');
    expect(line(result.stdout, 'store')).toContain(folder);
    expect(result.status).toBe(0);
    expectNoSecrets(result);
  });
});

describe('tutor doctor on a broken setup', () => {
  it('gives a ✗ line with the fix for missing scopes, a refused app token, bad notes and a channel it cannot post to', async () => {
    const data = dataDir();
    const store = await openStore({ dataDir: data });
    await store.saveSchedule({
      teamId: 'T1',
      channelId: 'C42',
      time: '09:00',
      zone: 'UTC',
      setBy: 'USETTER',
      setAt: new Date('2026-06-01T08:00:00Z'),
    });
    await store.recordPostError(
      'T1',
      'C42',
      '2026-06-02',
      'not_in_channel',
      new Date('2026-06-02T09:00:05Z'),
    );
    await store.close();
    const narrow = await startFakeSlack({
      scopes: ['app_mentions:read', 'chat:write', 'commands'],
      refusedTokens: { [APP_TOKEN]: 'invalid_auth' },
    });
    onTestFinished(() => narrow.close());

    const result = await doctor({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: narrow.url,
      DATA_DIR: data,
      KNOWLEDGE_DIR: notesDir({ 'compute.md': '# Lambda\n* Runs code\n\n# Broken\n* **unclosed\n' }),
    });
    expect(result.status).toBe(1);
    expect(marks(result.stdout)).toEqual({
      configuration: '✓',
      'bot token': '✓',
      scopes: '✗',
      'app token': '✗',
      store: '✓',
      notes: '✗',
      channels: '✗',
    });
    expect(line(result.stdout, 'scopes')).toBe(
      '✗ scopes: the bot lacks chat:write.public, im:history, users:read, which manifest.yml asks for. Add them to the app (OAuth & Permissions → Scopes, or update the app from manifest.yml), then reinstall the app: https://api.slack.com/apps → your app → Install App → Reinstall to Workspace (Slack grants new scopes only on install)',
    );
    expect(line(result.stdout, 'app token')).toMatch(
      /^✗ app token: SLACK_APP_TOKEN \(xapp-…\) was refused by Slack: invalid_auth, .*\. Set SLACK_APP_TOKEN to an app-level token with the connections:write scope \(xapp-…\) from https:\/\/api\.slack\.com\/apps → your app → Basic Information → App-Level Tokens$/,
    );
    expect(line(result.stdout, 'notes')).toMatch(
      /^✗ notes: 1 problem in .*compute\.md:5: .*unclosed.*kb validate/,
    );
    expect(line(result.stdout, 'channels')).toMatch(
      /^✗ channels: 1 of 1 channel with a daily quiz cannot get it: C42 \(not_in_channel on 2026-06-02; schedule set by USETTER\)\. C42: the app is not a member of the channel: invite the app with `\/invite @AWS Tutor` there/,
    );
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('4 checks failed.');
    expectNoSecrets(result);
  });

  it('names a refused bot token and skips what depends on it', async () => {
    slack.refuseToken(BOT_TOKEN, 'token_revoked');
    onTestFinished(() => slack.refuseToken(BOT_TOKEN, null));
    const result = await doctor({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      DATA_DIR: dataDir(),
    });
    expect(result.status).toBe(1);
    expect(line(result.stdout, 'bot token')).toBe(
      '✗ bot token: SLACK_BOT_TOKEN (xoxb-…) was refused by Slack: token_revoked, the token was revoked (the app was uninstalled, or its token regenerated). Reinstall the app (https://api.slack.com/apps → your app → Install App → Reinstall to Workspace) and set SLACK_BOT_TOKEN to the new Bot User OAuth Token (xoxb-…)',
    );
    expect(marks(result.stdout).scopes).toBe('–');
    expect(marks(result.stdout).store).toBe('✓');
  });

  it('says when Slack or the database cannot be reached, naming DATABASE_URL and never its password', async () => {
    const closed = await freePort();
    const result = await doctor({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
      DATABASE_URL: `postgres://tutor:pw-doctor-do-not-print@127.0.0.1:${closed}/aws_tutor`,
    });
    expect(result.status).toBe(1);
    expect(line(result.stdout, 'bot token')).toBe(
      `✗ bot token: Slack API unreachable at 127.0.0.1:${closed} (ECONNREFUSED). Check the network and any proxy between here and Slack (and SLACK_API_URL if set); npm start itself waits for Slack and retries`,
    );
    expect(line(result.stdout, 'store')).toMatch(
      /^✗ store: DATABASE_URL=postgres:\/\/tutor:\*\*\*@127\.0\.0\.1:\d+\/aws_tutor: /,
    );
    expect(marks(result.stdout).channels).toBe('–');
    expectNoSecrets(result);
  });

  it('reports a configuration mistake and still checks the store and the notes', async () => {
    const result = await doctor({ SLACK_BOT_TOKEN: BOT_TOKEN, DATA_DIR: dataDir() });
    expect(result.status).toBe(1);
    expect(line(result.stdout, 'configuration')).toMatch(
      /^✗ configuration: SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN/,
    );
    expect(marks(result.stdout)).toMatchObject({ 'bot token': '–', store: '✓', notes: '✓' });
  });
});
