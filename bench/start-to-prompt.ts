/**
 * Start to a prompt: `npm start` (`node dist/src/main.js`) with no Slack variables runs the terminal
 * tutor, and this times how long a person waits for it, in a clean environment (HOME and PATH only,
 * a fresh DATA_DIR, started in an empty folder so no .env is read).
 *
 * The chat shows its greeting and `aws> ` prompt only on a terminal; on piped stdin it answers lines
 * without either (src/cli/chat.ts). So, with util-linux `script` at hand, the tutor runs on a pseudo
 * terminal and the time is to its prompt. Always, it also runs with stdin a pipe and `help` written
 * at once, timed to the first line of the answer: the same work the terminal does before its prompt
 * (the greeting is the answer to `help`), so it stands in where `script` is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';
import { formatTable } from './table.js';
import { runTimed } from './timed-process.js';

const START_ENTRY = fileURLToPath(new URL('../src/main.js', import.meta.url));
/** The chat's prompt, as src/cli/chat.ts writes it. */
const PROMPT = 'aws> ';
const RUN_TIMEOUT_MS = 60_000;

export type StartVia = 'terminal' | 'pipe';

export interface StartFigures {
  via: StartVia;
  runsMs: number[];
  medianMs: number;
}

export interface StartToPrompt {
  /** The prompt on a terminal; absent when `script` is not installed. */
  terminal: StartFigures | undefined;
  /** The first answer line with stdin a pipe. */
  pipe: StartFigures;
  /** The figure the target is about: the terminal's when measured, else the pipe's. */
  headline: StartFigures;
}

const shellQuote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

function hasScript(): boolean {
  return spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function timeOnce(via: StartVia): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-start-'));
  const options = {
    cwd: dataDir,
    env: { HOME: process.env.HOME, PATH: process.env.PATH, DATA_DIR: dataDir },
    timeoutMs: RUN_TIMEOUT_MS,
  };
  try {
    if (via === 'terminal') {
      const command = `${shellQuote(process.execPath)} ${shellQuote(START_ENTRY)}`;
      const run = await runTimed(
        'script',
        ['--quiet', '--flush', '--return', '--command', command, '/dev/null'],
        {
          ...options,
          waitFor: { text: PROMPT, reply: 'quit\n' },
        },
      );
      if (run.code !== 0 || run.waitedForMs === undefined)
        throw new Error(`no "${PROMPT}" prompt on a terminal (exit ${run.code}): ${run.stdout.slice(-500)}`);
      return run.waitedForMs;
    }
    const run = await runTimed(process.execPath, [START_ENTRY], { ...options, input: 'help\n' });
    const [firstLineMs] = run.lineEndsMs;
    if (run.code !== 0 || firstLineMs === undefined)
      throw new Error(`no answer to "help" on piped stdin (exit ${run.code}): ${run.stderr.slice(-500)}`);
    return firstLineMs;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const figures = (via: StartVia, runsMs: number[]): StartFigures => ({
  via,
  runsMs,
  medianMs: median(runsMs),
});

/** `runs` starts each way, alternating, so both see the same spells of load on a shared machine. */
export async function benchStartToPrompt(runs: number): Promise<StartToPrompt> {
  const ways: StartVia[] = hasScript() ? ['terminal', 'pipe'] : ['pipe'];
  const times = new Map<StartVia, number[]>(ways.map((via) => [via, []]));
  for (let run = 0; run < runs; run++) {
    for (const via of ways) times.get(via)?.push(await timeOnce(via));
  }
  const terminalRuns = times.get('terminal');
  const terminal = terminalRuns ? figures('terminal', terminalRuns) : undefined;
  const pipe = figures('pipe', times.get('pipe') ?? []);
  return { terminal, pipe, headline: terminal ?? pipe };
}

export function formatStartToPrompt(result: StartToPrompt): string {
  const rows = [result.terminal, result.pipe]
    .filter((entry): entry is StartFigures => entry !== undefined)
    .map((entry) => [
      entry.via === 'terminal'
        ? `terminal (script): to "${PROMPT}"`
        : 'stdin a pipe: to the answer to "help"',
      entry.medianMs.toFixed(0),
      entry.runsMs.map((ms) => ms.toFixed(0)).join(', '),
    ]);
  const note = result.terminal ? '' : '\n`script` (util-linux) not found: the terminal prompt was not timed';
  return `${formatTable(['node dist/src/main.js', 'median ms', 'runs ms'], rows)}${note}`;
}
