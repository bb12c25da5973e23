import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { PROJECT_ROOT, START_ENTRY } from './paths.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A child process of the app. */
export interface SpawnedApp {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Its exit code, or the signal that ended it. */
  exited: Promise<NodeJS.Signals | number | null>;
}

/**
 * `npm start` (the built `dist/src/main.js`) as a child process, configured only through the
 * environment, as Slack and operators meet it: the Slack and store variables are cleared unless
 * `env` sets them.
 */
export function spawnApp(env: Record<string, string>): SpawnedApp {
  const child = spawn(process.execPath, [START_ENTRY], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      DATABASE_URL: '',
      KNOWLEDGE_DIR: '',
      QUIZ_OPEN_HOURS: '',
      TUTOR_ADMINS: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, output: () => output, exited };
}

/** Resolves once `GET baseUrl/healthz` answers 200; kills the app and throws after `timeoutMs`. */
export function waitForHealthy(app: SpawnedApp, baseUrl: string, timeoutMs = 15_000): Promise<void> {
  return waitFor200(app, baseUrl, '/healthz', timeoutMs);
}

/**
 * Resolves once `GET baseUrl/readyz` answers 200: Slack accepted the tokens and Slack's requests are
 * served (until then they get 503, which /healthz does not wait out).
 */
export function waitForReady(app: SpawnedApp, baseUrl: string, timeoutMs = 15_000): Promise<void> {
  return waitFor200(app, baseUrl, '/readyz', timeoutMs);
}

async function waitFor200(app: SpawnedApp, baseUrl: string, path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`the app exited early:\n${app.output()}`);
    try {
      if ((await fetch(`${baseUrl}${path}`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  app.child.kill('SIGKILL');
  throw new Error(`${path} never answered 200:\n${app.output()}`);
}

export interface AppProcess extends SpawnedApp {
  port: number;
  baseUrl: string;
}

/** `spawnApp` on `PORT` (a free one unless given, LOG_LEVEL warn unless given), once ready. */
export async function startAppProcess(env: Record<string, string>, timeoutMs = 15_000): Promise<AppProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const app = spawnApp({ LOG_LEVEL: 'warn', ...env, PORT: String(port) });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(app, baseUrl, timeoutMs);
  return { ...app, port, baseUrl };
}
