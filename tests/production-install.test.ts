import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './helpers/app-process.js';
import { visibleTexts } from './helpers/block-kit-limits.js';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.js';
import { PROJECT_ROOT } from './helpers/paths.js';
import { blockAction, postToApp, slashCommand } from './helpers/slack-requests.js';
import { slowResponseUrl } from './helpers/slow-response-url.js';

/**
 * The container's start path without a container: what the Dockerfile copies into the image, a clean
 * production-only install beside it (`npm ci --omit=dev`: no TypeScript, so `prepare` must use the
 * built dist/), then the image's own CMD in HTTP mode against a fake Slack. Catches a runtime import
 * of a dev dependency, a file dist/ needs that the image lacks, and a `prepare` that needs tsc.
 * better-sqlite3's native addon comes from the one this checkout already built, offered to its
 * installer as a local prebuild (prebuild-install's `*_local_prebuilds`): compiling it again took a
 * minute and a half of the suite, and the container build (`.ci/run`) still compiles it from source.
 * Without `tar`, the install compiles it, hence the long timeouts.
 */

const INSTALL_TIMEOUT_MS = 240_000;
const BOT_TOKEN = 'xoxb-production-install-test';
const SIGNING_SECRET = 'production-install-test-secret';

/** What the runtime image gets (see the Dockerfile), plus the `prepare` script `npm ci` runs. */
const COPIED = [
  'package.json',
  'package-lock.json',
  'dist/src',
  'knowledge',
  'scripts/healthcheck.mjs',
  'scripts/prepare.mjs',
  'scripts/warm-compile-cache.mjs',
];

/** The Dockerfile's exec-form `CMD`, e.g. `["node", "dist/src/main.js"]`. */
function imageCommand(): string[] {
  const dockerfile = readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
  const commands = [...dockerfile.matchAll(/^CMD\s+(\[.*\])\s*$/gm)];
  const last = commands.at(-1)?.[1];
  if (!last) throw new Error('the Dockerfile has no exec-form CMD');
  return JSON.parse(last) as string[];
}

/** The environment without npm's own variables: `npm test` sets npm_config_* that a nested npm would read. */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(key) && key !== 'NODE_PATH' && key !== 'INIT_CWD') {
      env[key] = value;
    }
  }
  return { ...env, ...extra };
}

/**
 * A folder holding this checkout's better-sqlite3 addon as the prebuild its installer looks for
 * (`better-sqlite3-v12.11.1-node-v115-linux-x64.tar.gz`), or undefined when it cannot be made.
 */
function localPrebuilds(into: string): string | undefined {
  const addon = join(
    PROJECT_ROOT,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (!existsSync(addon) || process.platform !== 'linux') return undefined;
  const { version } = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
  ) as { version: string };
  const stage = join(into, 'stage');
  mkdirSync(join(stage, 'build', 'Release'), { recursive: true });
  cpSync(addon, join(stage, 'build', 'Release', 'better_sqlite3.node'));
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  const tar = spawnSync('tar', ['-czf', join(into, name), '-C', stage, 'build']);
  return tar.status === 0 ? into : undefined;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('the production start path, from a clean production-only install', () => {
  let dir: string;
  let prebuildsDir: string | undefined;
  let slack: FakeSlack;
  let port: number;
  let app: ChildProcess | undefined;
  let appOutput = '';
  let exited: Promise<number | null>;
  let install: { code: number | null; output: string; ms: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aws-tutor-production-'));
    for (const path of COPIED) {
      cpSync(join(PROJECT_ROOT, path), join(dir, path), { recursive: true });
    }
    prebuildsDir = mkdtempSync(join(tmpdir(), 'aws-tutor-prebuilds-'));
    const prebuilds = localPrebuilds(prebuildsDir);
    const started = Date.now();
    // Niced: the native build takes both cores for a minute; the other test files keep their pace.
    const npmArgs = ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'];
    const useNice = process.platform === 'linux' && existsSync('/usr/bin/nice');
    const result = await run(
      useNice ? '/usr/bin/nice' : 'npm',
      useNice ? ['-n', '10', 'npm', ...npmArgs] : npmArgs,
      dir,
      cleanEnv(prebuilds ? { npm_config_better_sqlite3_local_prebuilds: prebuilds } : {}),
    );
    install = { ...result, ms: Date.now() - started };
  }, INSTALL_TIMEOUT_MS);

  afterAll(async () => {
    if (app && app.exitCode === null && app.signalCode === null) {
      app.kill('SIGKILL');
      await exited;
    }
    await slack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (prebuildsDir) rmSync(prebuildsDir, { recursive: true, force: true });
    // Removing a whole node_modules takes a while on a busy machine.
  }, 60_000);

  it('installs the production dependencies only, keeping the built dist/', () => {
    expect(install.code, install.output).toBe(0);
    expect(existsSync(join(dir, 'node_modules', 'better-sqlite3'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules', 'vitest'))).toBe(false);
    expect(existsSync(join(dir, 'dist', 'src', 'main.js'))).toBe(true);
  });

  it("loads the app's modules for the image's compile cache, starting nothing, in production mode", async () => {
    expect(install.code).toBe(0);
    const cache = join(dir, 'compile-cache');
    // Node 22.1+ fills the cache; older versions ignore the variable, and the script must work either way.
    const warm = await run(
      process.execPath,
      ['scripts/warm-compile-cache.mjs'],
      dir,
      cleanEnv({ NODE_ENV: 'production', NODE_COMPILE_CACHE: cache }),
    );
    expect(warm.code, warm.output).toBe(0);
    expect(warm.output).toMatch(/^warm-compile-cache: loaded \d+ modules of main\.js and theirs$/m);
    const nodeModule = (await import('node:module')) as { enableCompileCache?: unknown };
    if (typeof nodeModule.enableCompileCache === 'function') expect(existsSync(cache)).toBe(true);
  }, 60_000);

  it("starts with the image's CMD in HTTP mode and answers /healthz", async () => {
    expect(install.code).toBe(0);
    slack = await startFakeSlack();
    port = await freePort();
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const [command, ...args] = imageCommand();
    expect(command).toBe('node');
    app = spawn(process.execPath, args, {
      cwd: dir,
      env: cleanEnv({
        NODE_ENV: 'production',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_APP_TOKEN: '',
        SLACK_API_URL: slack.url,
        DATABASE_URL: '',
        KNOWLEDGE_DIR: '',
        PORT: String(port),
        DATA_DIR: dataDir,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = app;
    child.stdout?.on('data', (chunk: Buffer) => {
      appOutput += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      appOutput += chunk.toString();
    });
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));

    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      if (child.exitCode !== null) throw new Error(`the app exited early:\n${appOutput}`);
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.status,
        () => 0,
      );
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status, appOutput).toBe(200);
    expect(existsSync(join(dataDir, 'aws-tutor.db'))).toBe(true);
  }, 30_000);

  it('answers a signed /aws command from the notes copied beside it', async () => {
    expect(app).toBeDefined();
    const response = await postToApp(
      `http://127.0.0.1:${port}`,
      slashCommand({ text: 'what is fargate', responseUrl: slack.responseUrl() }),
      { signingSecret: SIGNING_SECRET },
    );
    expect(response.status).toBe(200);
    expect(visibleTexts(response.json).join('\n')).toMatch(/Fargate/);
    expect((await slack.waitForCall('auth.test')).token).toBe(BOT_TOKEN);
  });

  it('finishes the request under way on SIGTERM, then exits 0', async () => {
    expect(app).toBeDefined();
    // "Quiz me on this": acknowledged at once, answered through a response_url that takes 1.5 s.
    const slow = await slowResponseUrl(1500);
    try {
      const response = await postToApp(
        `http://127.0.0.1:${port}`,
        blockAction({ actionId: 'quiz_me', value: 'lambda', responseUrl: slow.url }),
        { signingSecret: SIGNING_SECRET },
      );
      expect(response.status).toBe(200);
      await slow.arrived;
      app?.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now()).toBeGreaterThanOrEqual(await slow.answered);
      expect(appOutput).not.toMatch(/Failed to respond|listener failed/);
    } finally {
      await slow.close();
    }
  });
});
