/**
 * `npm run bench:quiz`: a thousand people answer one daily quiz through the HTTP endpoint, for SQLite
 * and for PostgreSQL. Each store gets a fresh database and the real app (`dist/src/main.js`) as its
 * own process; the clicks are signed `block_actions` requests, each from a different user, a fixed
 * number in flight. Reports ack and feedback latency, and counts in the store that every answer was
 * kept exactly once and repeat clicks were not. Exits 1 when the answers were not kept right (speed
 * is reported, never a failure).
 *
 * Options: --users=<n> (1000) --concurrency=<n> (50) --only=sqlite|postgres
 *          --rounds=<n> (1): repeat, alternating which store goes first, and report medians
 *          --warmup=<n> (200): clicks on another channel's quiz before measuring, to warm the JIT
 *          --repeats=<n> (100): users who click again after the run, with another option
 *          --postgres=<url> (postgres://postgres@127.0.0.1:5432/test): where to create a throwaway
 *            database for each round (the user needs CREATEDB); when unreachable, SQLite still runs
 *          --cpu-prof-dir=<dir> (runs the app with `--cpu-prof`; profiles land there on exit)
 */
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { cleanUpNow } from '../http/app-process.js';
import { PostgresUnavailable, type RoundOptions, runQuizRound, type StoreKind } from './quiz-round.js';
import { report, type StoreOutcome } from './report.js';

const STORES: readonly StoreKind[] = ['sqlite', 'postgres'];
const SEED = 20_240_601;

interface Options extends RoundOptions {
  only: StoreKind | null;
  rounds: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    users: 1000,
    concurrency: 50,
    warmup: 200,
    duplicates: 100,
    postgresUrl: 'postgres://postgres@127.0.0.1:5432/test',
    cpuProfDir: null,
    seed: SEED,
    only: null,
    rounds: 1,
  };
  for (const arg of argv) {
    const [flag, value = ''] = arg.split(/=(.*)/s, 2);
    const n = Number(value);
    const whole = value !== '' && Number.isInteger(n);
    if (flag === '--users' && whole && n > 0) options.users = n;
    else if (flag === '--concurrency' && whole && n > 0) options.concurrency = n;
    else if (flag === '--rounds' && whole && n > 0) options.rounds = n;
    else if (flag === '--warmup' && whole && n >= 0) options.warmup = n;
    else if (flag === '--repeats' && whole && n >= 0) options.duplicates = n;
    else if (flag === '--only' && (value === 'sqlite' || value === 'postgres')) options.only = value;
    else if (flag === '--postgres' && /^postgres(ql)?:\/\//.test(value)) options.postgresUrl = value;
    else if (flag === '--cpu-prof-dir' && value) options.cpuProfDir = resolve(value);
    else throw new Error(`unknown option ${arg} (see the comment at the top of bench/quiz/run.ts)`);
  }
  return options;
}

async function main(): Promise<boolean> {
  const options = parseOptions(process.argv.slice(2));
  const root = projectRoot();
  if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const outcomes: StoreOutcome[] = STORES.filter((store) => !options.only || options.only === store).map(
    (store) => ({ store, rounds: [], unavailable: null }),
  );
  for (let r = 0; r < options.rounds; r++) {
    // Alternate the order so neither store always runs on a warmer or busier machine.
    const order = r % 2 === 1 ? [...outcomes].reverse() : outcomes;
    for (const outcome of order) {
      if (outcome.unavailable !== null) continue;
      if (options.rounds > 1) process.stderr.write(`round ${r + 1} of ${options.rounds}: `);
      try {
        // The same seed every round: each round clicks the same options, so rounds differ only in timing.
        outcome.rounds.push(await runQuizRound(root, outcome.store, options));
      } catch (error) {
        if (!(error instanceof PostgresUnavailable)) throw error;
        outcome.unavailable = error.message;
        process.stderr.write(`PostgreSQL unavailable, skipping it: ${error.message}\n`);
      }
    }
  }
  const kept = report({ ...options, loadBefore }, outcomes);
  if (options.cpuProfDir) process.stderr.write(`CPU profiles of the app processes: ${options.cpuProfDir}\n`);
  return kept;
}

main().then(
  (kept) => {
    cleanUpNow();
    if (!kept) process.stderr.write('bench:quiz: the store did not keep every answer exactly once\n');
    process.exit(kept ? 0 : 1);
  },
  (error: unknown) => {
    cleanUpNow();
    process.stderr.write(`bench:quiz: ${String((error as Error)?.message ?? error)}\n`);
    process.exit(1);
  },
);
