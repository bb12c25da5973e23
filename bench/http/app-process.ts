/**
 * The app under test as a child process, for the HTTP benchmarks (`bench:http`, `bench:quiz`): spawn it,
 * wait for /healthz, stop it with SIGTERM, read its CPU time. Children and temp dirs are removed
 * whatever happens: on exit, and on SIGINT or SIGTERM to the benchmark.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const HEALTH_POLL_MS = 10;
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/** What to run: `script` is relative to the project root; `key` names its CPU profile. */
export interface AppSpec {
  key: string;
  name: string;
  script: string;
}

const liveChildren = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export function cleanUpNow(): void {
  for (const child of liveChildren) child.kill('SIGKILL');
  liveChildren.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** A fresh directory under the system temp dir, removed by `removeTempDir` or at exit. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

process.on('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUpNow();
    process.exit(130);
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The status of one GET, or 0 when there is no answer yet. */
function healthStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

export interface RunningApp {
  child: ChildProcess;
  port: number;
  startMs: number;
  /** The child's stdout and stderr, as lines. */
  output: string[];
  exited: Promise<number | string>;
}

export async function startApp(
  root: string,
  spec: AppSpec,
  env: NodeJS.ProcessEnv,
  options: { cpuProfDir: string | null },
): Promise<RunningApp> {
  const port = Number(env.PORT);
  const nodeArgs = options.cpuProfDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${options.cpuProfDir}`,
        `--cpu-prof-name=${spec.key}.${Date.now()}.cpuprofile`,
      ]
    : [];
  const output: string[] = [];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, join(root, spec.script)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      liveChildren.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim() && output.length < 1000) output.push(line);
    });
  }
  let exitCode: number | string | null = null;
  void exited.then((code) => {
    exitCode = code;
  });
  for (;;) {
    const status = await healthStatus(port);
    if (status === 200) break;
    if (exitCode !== null) {
      throw new Error(
        `${spec.name} exited (${exitCode}) before /healthz answered:\n${output.slice(-20).join('\n')}`,
      );
    }
    if (performance.now() - spawnedAt > START_TIMEOUT_MS) {
      throw new Error(
        `${spec.name}: /healthz gave no 200 in ${START_TIMEOUT_MS} ms:\n${output.slice(-20).join('\n')}`,
      );
    }
    await sleep(HEALTH_POLL_MS);
  }
  return { child, port, startMs: performance.now() - spawnedAt, output, exited };
}

/** SIGTERM, then SIGKILL after the grace period; resolves with how it ended. */
export async function stopApp(app: RunningApp): Promise<{ how: string; ms: number }> {
  const began = performance.now();
  if (app.child.exitCode !== null || app.child.signalCode !== null) return { how: 'already exited', ms: 0 };
  app.child.kill('SIGTERM');
  const timer = sleep(STOP_GRACE_MS).then(() => 'timeout' as const);
  const first = await Promise.race([app.exited, timer]);
  if (first !== 'timeout') return { how: `exit ${first}`, ms: performance.now() - began };
  app.child.kill('SIGKILL');
  const code = await app.exited;
  return { how: `killed after ${STOP_GRACE_MS} ms (${code})`, ms: performance.now() - began };
}

/** CPU seconds (user + system) a process has used so far, from /proc on Linux; NaN elsewhere. */
export function processCpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the `(comm)`: state is field 3, utime 14, stime 15 (clock ticks, 100 a second on Linux).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
