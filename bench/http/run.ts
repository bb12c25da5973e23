/**
 * `npm run bench:http`: the tutor's Slack front door under load, next to a bare Bolt app that only
 * acks. For each system: start a fake Web API, spawn the app as its own process, time spawn to the
 * first 200 from /healthz, warm up, then drive signed `/aws` slash commands at 10 and 50 concurrent
 * connections. Prints a table, the ratios the project targets, and a one-line JSON summary.
 *
 * Options: --duration=<s> (10) --warmup=<s> (2) --connections=10,50 --only=tutor|bare
 *          --rounds=<n> (1): repeat, alternating which system goes first, and report medians; on a
 *            shared machine one round can be swayed by whatever else runs while one system is measured
 *          --cpu-prof-dir=<dir> (runs the app processes with `--cpu-prof`; profiles land there on exit)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { defaultKnowledgeDir, projectRoot } from '../../src/paths.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { readDevQuestions } from '../dev-questions.js';
import { formatTable } from '../table.js';
import {
  cleanUpNow,
  freePort,
  makeTempDir,
  processCpuSeconds,
  type RunningApp,
  removeTempDir,
  startApp,
  stopApp,
} from './app-process.js';
import { type FakeWebApi, startFakeWebApi } from './fake-web-api.js';
import { type LoadResult, runLoad } from './load.js';

interface SystemSpec {
  key: 'tutor' | 'bare';
  name: string;
  /** Relative to the project root. */
  script: string;
}

const SYSTEMS: readonly SystemSpec[] = [
  { key: 'tutor', name: 'aws-tutor', script: 'dist/src/main.js' },
  { key: 'bare', name: 'bare Bolt (ack only)', script: 'dist/bench/http/bare-bolt-app.js' },
];

const TARGET_RPS_RATIO = 0.8;
const TARGET_P99_RATIO = 1.25;

interface Options {
  durationMs: number;
  warmupMs: number;
  connections: number[];
  only: SystemSpec['key'] | null;
  rounds: number;
  cpuProfDir: string | null;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    durationMs: 10_000,
    warmupMs: 2_000,
    connections: [10, 50],
    only: null,
    rounds: 1,
    cpuProfDir: null,
  };
  for (const arg of argv) {
    const [flag, value = ''] = arg.split(/=(.*)/s, 2);
    const seconds = Number(value);
    if (flag === '--duration' && seconds > 0) options.durationMs = seconds * 1000;
    else if (flag === '--warmup' && seconds >= 0) options.warmupMs = seconds * 1000;
    else if (flag === '--connections') {
      options.connections = value
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0);
    } else if (flag === '--only' && (value === 'tutor' || value === 'bare')) options.only = value;
    else if (flag === '--rounds' && Number.isInteger(seconds) && seconds > 0) options.rounds = seconds;
    else if (flag === '--cpu-prof-dir' && value) options.cpuProfDir = resolve(value);
    else throw new Error(`unknown option ${arg} (see the comment at the top of bench/http/run.ts)`);
  }
  if (options.connections.length === 0) throw new Error('--connections needs numbers, like 10,50');
  return options;
}

interface MeasuredRun extends LoadResult {
  /** The app's CPU time over the run, as a share of one core (1 = one core busy throughout). */
  appCpu: number;
  /** The app's CPU time per request, in µs: unlike req/s, barely moved by other work on the machine. */
  appCpuUsPerRequest: number;
  /** The load generator's (this process's) CPU time, likewise. */
  loaderCpu: number;
}

async function measuredLoad(
  pid: number | undefined,
  load: Parameters<typeof runLoad>[0],
): Promise<MeasuredRun> {
  const appBefore = processCpuSeconds(pid);
  const loaderBefore = process.cpuUsage();
  const result = await runLoad(load);
  const loader = process.cpuUsage(loaderBefore);
  const seconds = result.elapsedMs / 1000;
  const appSeconds = processCpuSeconds(pid) - appBefore;
  return {
    ...result,
    appCpu: appSeconds / seconds,
    appCpuUsPerRequest: (appSeconds * 1e6) / Math.max(1, result.requests),
    loaderCpu: (loader.user + loader.system) / 1e6 / seconds,
  };
}

// ---------------------------------------------------------------------------------------------------
// One system
// ---------------------------------------------------------------------------------------------------

interface SystemResult {
  spec: SystemSpec;
  startMs: number;
  runs: MeasuredRun[];
  webApiCalls: Record<string, number>;
  stop: { how: string; ms: number };
  /** What the app printed at LOG_LEVEL=warn (nothing, normally). */
  output: string[];
}

async function benchSystem(
  root: string,
  spec: SystemSpec,
  options: Options,
  questions: readonly string[],
): Promise<SystemResult> {
  let fake: FakeWebApi | null = null;
  let app: RunningApp | null = null;
  const dataDir = makeTempDir(`aws-tutor-bench-http-${spec.key}-`);
  try {
    fake = await startFakeWebApi();
    const signingSecret = randomBytes(16).toString('hex');
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.url,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Empty, not unset, so a local .env cannot switch the app to Socket Mode or Postgres.
      SLACK_APP_TOKEN: '',
      DATABASE_URL: '',
    };
    app = await startApp(root, spec, env, options);
    const baseUrl = `http://127.0.0.1:${app.port}`;
    process.stderr.write(`${spec.name}: healthy in ${app.startMs.toFixed(0)} ms; warming up\n`);
    if (options.warmupMs > 0) {
      await runLoad({ baseUrl, signingSecret, connections: 10, durationMs: options.warmupMs, questions });
    }
    const runs: MeasuredRun[] = [];
    for (const connections of options.connections) {
      process.stderr.write(`${spec.name}: ${connections} connections for ${options.durationMs / 1000} s\n`);
      const load = { baseUrl, signingSecret, connections, durationMs: options.durationMs, questions };
      runs.push(await measuredLoad(app.child.pid, load));
    }
    const stop = await stopApp(app);
    return {
      spec,
      startMs: app.startMs,
      runs,
      webApiCalls: Object.fromEntries(fake.calls),
      stop,
      output: app.output,
    };
  } finally {
    if (app) await stopApp(app);
    if (fake) await fake.close();
    removeTempDir(dataDir);
  }
}

// ---------------------------------------------------------------------------------------------------
// Rounds: medians per system and concurrency
// ---------------------------------------------------------------------------------------------------

function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** One system's rounds as one result: each figure the median over the rounds; counts summed. */
function combineRounds(rounds: readonly SystemResult[]): SystemResult {
  const first = rounds[0];
  if (!first) throw new Error('combineRounds: no rounds');
  if (rounds.length === 1) return first;
  const runs = first.runs.map((run) => {
    const same = rounds.flatMap((result) =>
      result.runs.filter((other) => other.connections === run.connections),
    );
    const pick = (metric: (run: MeasuredRun) => number) => median(same.map(metric));
    const outcomes: Record<string, number> = {};
    for (const other of same) {
      for (const [outcome, n] of Object.entries(other.outcomes))
        outcomes[outcome] = (outcomes[outcome] ?? 0) + n;
    }
    return {
      ...run,
      elapsedMs: same.reduce((sum, other) => sum + other.elapsedMs, 0),
      requests: same.reduce((sum, other) => sum + other.requests, 0),
      errors: same.reduce((sum, other) => sum + other.errors, 0),
      requestsPerSecond: pick((other) => other.requestsPerSecond),
      p50Ms: pick((other) => other.p50Ms),
      p99Ms: pick((other) => other.p99Ms),
      maxMs: Math.max(...same.map((other) => other.maxMs)),
      meanResponseBytes: pick((other) => other.meanResponseBytes),
      outcomes,
      appCpu: pick((other) => other.appCpu),
      appCpuUsPerRequest: pick((other) => other.appCpuUsPerRequest),
      loaderCpu: pick((other) => other.loaderCpu),
    };
  });
  const webApiCalls: Record<string, number> = {};
  for (const result of rounds) {
    for (const [method, n] of Object.entries(result.webApiCalls))
      webApiCalls[method] = (webApiCalls[method] ?? 0) + n;
  }
  const stops = rounds.map((result) => result.stop);
  return {
    spec: first.spec,
    startMs: median(rounds.map((result) => result.startMs)),
    runs,
    webApiCalls,
    stop: {
      how: [...new Set(stops.map((stop) => stop.how))].join(' / '),
      ms: median(stops.map((stop) => stop.ms)),
    },
    output: rounds.flatMap((result) => result.output),
  };
}

// ---------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------

const fixed = (value: number, digits: number): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '-';
const round = (value: number, digits: number): number | null =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null;

interface Ratio {
  connections: number;
  rpsRatio: number;
  p99Ratio: number;
  /** Tutor CPU per request ÷ bare CPU per request: what the tutor adds, with less noise than req/s. */
  cpuRatio: number;
  rpsOk: boolean;
  p99Ok: boolean;
}

function ratios(tutor: SystemResult, bare: SystemResult): Ratio[] {
  return tutor.runs.flatMap((run) => {
    const base = bare.runs.find((other) => other.connections === run.connections);
    if (!base) return [];
    const rpsRatio = run.requestsPerSecond / base.requestsPerSecond;
    const p99Ratio = run.p99Ms / base.p99Ms;
    return [
      {
        connections: run.connections,
        rpsRatio,
        p99Ratio,
        cpuRatio: run.appCpuUsPerRequest / base.appCpuUsPerRequest,
        rpsOk: rpsRatio >= TARGET_RPS_RATIO,
        p99Ok: p99Ratio <= TARGET_P99_RATIO,
      },
    ];
  });
}

interface Report {
  options: Options;
  questionSource: string;
  loadBefore: number;
  /** Per system, in SYSTEMS order: one result per round. */
  rounds: SystemResult[][];
}

function report({ options, questionSource, loadBefore, rounds }: Report): void {
  const results = rounds.map(combineRounds);
  const roundsNote =
    options.rounds > 1 ? `; medians of ${options.rounds} rounds, alternating which system goes first` : '';
  console.log(
    `\nHTTP mode, signed /aws slash commands on loopback: ${options.durationMs / 1000} s per row after a ` +
      `${options.warmupMs / 1000} s warm-up${roundsNote}; questions: ${questionSource}`,
  );
  const loadAfter = loadavg()[0] ?? Number.NaN;
  console.log(
    `machine: ${availableParallelism()} CPUs; 1-minute load average ${fixed(loadBefore, 2)} before, ${fixed(loadAfter, 2)} after ` +
      '(the benchmark itself adds about 2; more means other work competed for the CPUs). ' +
      'App CPU counts all its threads (GC helpers too), so it can pass 100%.',
  );
  const rows = results.flatMap((result) =>
    result.runs.map((run) => [
      result.spec.name,
      String(run.connections),
      fixed(run.requestsPerSecond, 0),
      fixed(run.p50Ms, 2),
      fixed(run.p99Ms, 2),
      String(run.errors),
      String(run.requests),
      fixed(run.meanResponseBytes, 0),
      fixed(run.appCpu * 100, 0),
      fixed(run.appCpuUsPerRequest, 0),
      fixed(run.loaderCpu * 100, 0),
      fixed(result.startMs, 0),
    ]),
  );
  console.log(
    formatTable(
      [
        'system',
        'connections',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'requests',
        'bytes/answer',
        'app CPU %',
        'app CPU µs/req',
        'loader CPU %',
        'start-to-healthy ms',
      ],
      rows,
    ),
  );

  for (const result of results) {
    const calls = Object.entries(result.webApiCalls)
      .map(([method, n]) => `${method}×${n}`)
      .join(', ');
    const failures = result.runs
      .filter((run) => run.errors > 0)
      .map((run) => `${run.connections} conns: ${JSON.stringify(run.outcomes)}`);
    console.log(
      `${result.spec.name}: Web API calls ${calls || 'none'}${options.rounds > 1 ? ` (over ${options.rounds} rounds)` : ''}; stopped: ${result.stop.how} in ${fixed(result.stop.ms, 0)} ms` +
        (failures.length ? `; errors ${failures.join('; ')}` : ''),
    );
    if (result.output.length > 0) {
      console.log(`  printed ${result.output.length} line(s) at LOG_LEVEL=warn, first: ${result.output[0]}`);
    }
  }

  const tutorIndex = results.findIndex((result) => result.spec.key === 'tutor');
  const bareIndex = results.findIndex((result) => result.spec.key === 'bare');
  const tutor = results[tutorIndex];
  const bare = results[bareIndex];
  const found = tutor && bare ? ratios(tutor, bare) : [];
  const perRound =
    tutor && bare && options.rounds > 1
      ? (rounds[tutorIndex] ?? []).map((tutorRound, i) => {
          const bareRound = rounds[bareIndex]?.[i];
          return bareRound ? ratios(tutorRound, bareRound) : [];
        })
      : [];
  if (found.length > 0) {
    console.log(
      `\nTargets: tutor req/s ÷ bare req/s ≥ ${TARGET_RPS_RATIO}; tutor p99 ÷ bare p99 ≤ ${TARGET_P99_RATIO}` +
        ' (CPU/req ratio: what the tutor costs per request next to bare Bolt, for reference)',
    );
    console.log(
      formatTable(
        ['connections', 'req/s ratio', 'target', 'p99 ratio', 'target', 'CPU/req ratio'],
        found.map((ratio) => [
          String(ratio.connections),
          fixed(ratio.rpsRatio, 2),
          ratio.rpsOk ? 'met' : 'MISSED',
          fixed(ratio.p99Ratio, 2),
          ratio.p99Ok ? 'met' : 'MISSED',
          fixed(ratio.cpuRatio, 2),
        ]),
      ),
    );
    for (const ratio of found) {
      const spread = perRound.map((ratiosOfRound) =>
        ratiosOfRound.find((other) => other.connections === ratio.connections),
      );
      if (spread.length > 1) {
        console.log(
          `  ${ratio.connections} connections, per round: req/s ratio ${spread.map((r) => fixed(r?.rpsRatio ?? Number.NaN, 2)).join(', ')}; ` +
            `p99 ratio ${spread.map((r) => fixed(r?.p99Ratio ?? Number.NaN, 2)).join(', ')}`,
        );
      }
    }
  }

  console.log(
    JSON.stringify({
      bench: 'http',
      durationS: options.durationMs / 1000,
      warmupS: options.warmupMs / 1000,
      rounds: options.rounds,
      cpus: availableParallelism(),
      loadAverage1m: [round(loadBefore, 2), round(loadAfter, 2)],
      questions: questionSource,
      systems: results.map((result) => ({
        system: result.spec.key,
        startToHealthyMs: round(result.startMs, 1),
        webApiCalls: result.webApiCalls,
        runs: result.runs.map((run) => ({
          connections: run.connections,
          rps: round(run.requestsPerSecond, 1),
          p50Ms: round(run.p50Ms, 3),
          p99Ms: round(run.p99Ms, 3),
          maxMs: round(run.maxMs, 3),
          requests: run.requests,
          errors: run.errors,
          outcomes: run.outcomes,
          appCpu: round(run.appCpu, 2),
          appCpuUsPerRequest: round(run.appCpuUsPerRequest, 1),
          loaderCpu: round(run.loaderCpu, 2),
        })),
      })),
      ratios: found.map((ratio, i) => ({
        connections: ratio.connections,
        rpsRatio: round(ratio.rpsRatio, 3),
        p99Ratio: round(ratio.p99Ratio, 3),
        cpuPerRequestRatio: round(ratio.cpuRatio, 3),
        rpsTargetMet: ratio.rpsOk,
        p99TargetMet: ratio.p99Ok,
        ...(perRound.length > 1
          ? {
              perRound: perRound.map((ratiosOfRound) => ({
                rpsRatio: round(ratiosOfRound[i]?.rpsRatio ?? Number.NaN, 3),
                p99Ratio: round(ratiosOfRound[i]?.p99Ratio ?? Number.NaN, 3),
              })),
            }
          : {}),
      })),
    }),
  );
}

/**
 * The questions the notes answer. Quiz and leaderboard requests go to the store and answer through
 * `response_url`: a different path, measured by `npm run bench:quiz`.
 */
function answeredFromNotes(questions: readonly string[]): { questions: string[]; storeBound: number } {
  const tutor = createTutor(loadKnowledgeDir(defaultKnowledgeDir()).knowledge);
  const answered = questions.filter((question) => {
    const { intent } = tutor.answer(question);
    return intent !== 'quiz' && intent !== 'leaderboard';
  });
  return { questions: answered, storeBound: questions.length - answered.length };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = projectRoot();
  const dev = readDevQuestions(resolve(root, '../shared/eval/dev-aws.jsonl'));
  const { questions, storeBound } = answeredFromNotes(dev.questions);
  const source = `${dev.source}, without the ${storeBound} quiz and leaderboard requests (those are bench:quiz's)`;
  if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const systems = SYSTEMS.filter((spec) => !options.only || options.only === spec.key);
  const rounds: SystemResult[][] = systems.map(() => []);
  for (let r = 0; r < options.rounds; r++) {
    // Alternate the order (A B, B A, ...) so neither system always runs on a warmer or busier machine.
    const order = systems.map((_, index) => index);
    if (r % 2 === 1) order.reverse();
    for (const index of order) {
      const spec = systems[index];
      if (!spec) continue;
      if (options.rounds > 1) process.stderr.write(`round ${r + 1} of ${options.rounds}: `);
      rounds[index]?.push(await benchSystem(root, spec, options, questions));
    }
  }
  report({ options, questionSource: source, loadBefore, rounds });
  if (options.cpuProfDir) process.stderr.write(`CPU profiles of the app processes: ${options.cpuProfDir}\n`);
}

main().then(
  () => {
    cleanUpNow();
    process.exit(0);
  },
  (error: unknown) => {
    cleanUpNow();
    process.stderr.write(`bench:http: ${String((error as Error)?.message ?? error)}\n`);
    process.exit(1);
  },
);
