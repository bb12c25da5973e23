/**
 * End to end through a command line: the same 1,000 questions piped into `tutor ask --json --batch`
 * and into plain MiniSearch behind the same kind of command (bench/minisearch-cli.ts), on the same
 * notes folder. Timed from the spawn to the last answer line with nothing subtracted: starting Node,
 * loading modules, reading the folder and indexing it all count, as they do for a person piping
 * questions in. Rounds alternate which command goes first, so a slow spell on the shared machine
 * does not always land on the same one.
 */
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';
import type { SyntheticNotes } from './synthetic-notes.js';
import { syntheticQuestions } from './synthetic-questions.js';
import { formatTable } from './table.js';
import { runTimed } from './timed-process.js';

const CLI_ENTRY = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const MINISEARCH_CLI_ENTRY = fileURLToPath(new URL('./minisearch-cli.js', import.meta.url));
const RUN_TIMEOUT_MS = 5 * 60_000;
/** The question the terminal tutor answers before its first prompt; cheap, so it times the start. */
const LOAD_PROBE_QUESTION = 'help';

interface BatchCommand {
  name: string;
  args(dir: string): string[];
}

const OUR_CLI: BatchCommand = {
  name: 'aws-tutor',
  args: (dir) => [CLI_ENTRY, 'ask', '--json', '--batch', '--knowledge', dir],
};
const MINISEARCH_CLI: BatchCommand = {
  name: 'minisearch',
  args: (dir) => [MINISEARCH_CLI_ENTRY, '--knowledge', dir],
};

export interface BatchRun {
  /** Spawn to the first answer line. */
  firstAnswerMs: number;
  /** Spawn to the last answer line: the figure the mean per question is taken from. */
  lastAnswerMs: number;
  /** Spawn to the process's exit. */
  exitMs: number;
}

export interface CommandFigures {
  command: string;
  rounds: BatchRun[];
  /** Medians over the rounds, each figure on its own. */
  firstAnswerMs: number;
  lastAnswerMs: number;
  exitMs: number;
  /** Median spawn-to-last-answer divided by the number of questions. */
  meanPerQuestionMs: number;
}

export interface CliEndToEnd {
  topics: number;
  questions: number;
  ours: CommandFigures;
  minisearch: CommandFigures;
  /** Our mean per question over MiniSearch's. */
  ratio: number;
  /**
   * What the folder adds to our CLI's start: spawn to the answer to `help` on the folder, minus the
   * same on a one-topic folder (medians over the rounds). Reading, parsing and indexing, run cold.
   */
  folderLoadMs: number;
}

/**
 * `count` different questions from successive seeds of the synthetic generator (200 a seed). Repeats
 * are dropped: a tutor that remembers recent replies would answer them for free.
 */
export function distinctQuestions(notes: SyntheticNotes, count: number, firstSeed: number): string[] {
  const questions = new Set<string>();
  for (let seed = firstSeed; questions.size < count; seed++) {
    for (const { q } of syntheticQuestions(notes, seed)) {
      if (questions.size < count) questions.add(q);
    }
  }
  return [...questions];
}

/** Only what a process needs to run: no Slack variables or settings of the shell running the bench. */
function cleanEnv(): NodeJS.ProcessEnv {
  return { HOME: process.env.HOME, PATH: process.env.PATH };
}

async function runBatch(command: BatchCommand, dir: string, questions: readonly string[]): Promise<BatchRun> {
  const run = await runTimed(process.execPath, command.args(dir), {
    env: cleanEnv(),
    input: `${questions.join('\n')}\n`,
    timeoutMs: RUN_TIMEOUT_MS,
  });
  const answered = run.stdout.split('\n').slice(0, -1);
  if (run.code !== 0 || answered.length !== questions.length) {
    throw new Error(
      `${command.name} answered ${answered.length} of ${questions.length} questions (exit ${run.code}): ${run.stderr.slice(-500)}`,
    );
  }
  // Each line answers its own question, in order: a command that skipped work would show here.
  answered.forEach((line, i) => {
    const { question } = JSON.parse(line) as { question?: unknown };
    if (question !== questions[i]) {
      throw new Error(
        `${command.name} line ${i + 1} answers ${JSON.stringify(question)}, not ${questions[i]}`,
      );
    }
  });
  const [firstAnswerMs] = run.lineEndsMs;
  const lastAnswerMs = run.lineEndsMs.at(-1);
  if (firstAnswerMs === undefined || lastAnswerMs === undefined)
    throw new Error(`${command.name} printed nothing`);
  return { firstAnswerMs, lastAnswerMs, exitMs: run.exitMs };
}

function summarize(command: string, rounds: BatchRun[], questionCount: number): CommandFigures {
  const lastAnswerMs = median(rounds.map((run) => run.lastAnswerMs));
  return {
    command,
    rounds,
    firstAnswerMs: median(rounds.map((run) => run.firstAnswerMs)),
    lastAnswerMs,
    exitMs: median(rounds.map((run) => run.exitMs)),
    meanPerQuestionMs: lastAnswerMs / questionCount,
  };
}

export async function benchCliEndToEnd(input: {
  /** The folder both commands answer from. */
  dir: string;
  topics: number;
  /** A folder with a single topic, for the start of our CLI without the folder's weight. */
  oneTopicDir: string;
  questions: readonly string[];
  rounds: number;
}): Promise<CliEndToEnd> {
  const ours: BatchRun[] = [];
  const minisearch: BatchRun[] = [];
  const probeFull: number[] = [];
  const probeOneTopic: number[] = [];
  for (let round = 0; round < input.rounds; round++) {
    const order = round % 2 === 0 ? [OUR_CLI, MINISEARCH_CLI] : [MINISEARCH_CLI, OUR_CLI];
    for (const command of order) {
      const run = await runBatch(command, input.dir, input.questions);
      (command === OUR_CLI ? ours : minisearch).push(run);
    }
    probeFull.push((await runBatch(OUR_CLI, input.dir, [LOAD_PROBE_QUESTION])).firstAnswerMs);
    probeOneTopic.push((await runBatch(OUR_CLI, input.oneTopicDir, [LOAD_PROBE_QUESTION])).firstAnswerMs);
  }
  const oursFigures = summarize(OUR_CLI.name, ours, input.questions.length);
  const minisearchFigures = summarize(MINISEARCH_CLI.name, minisearch, input.questions.length);
  return {
    topics: input.topics,
    questions: input.questions.length,
    ours: oursFigures,
    minisearch: minisearchFigures,
    ratio: oursFigures.meanPerQuestionMs / minisearchFigures.meanPerQuestionMs,
    folderLoadMs: median(probeFull) - median(probeOneTopic),
  };
}

export function formatCliEndToEnd(result: CliEndToEnd): string {
  const ms = (value: number): string => value.toFixed(0);
  const table = formatTable(
    [
      'command',
      'mean ms/question',
      'start to first answer ms',
      'start to last answer ms',
      'process total ms',
      'rounds: start to last answer ms',
    ],
    [result.ours, result.minisearch].map((figures) => [
      figures.command,
      figures.meanPerQuestionMs.toFixed(3),
      ms(figures.firstAnswerMs),
      ms(figures.lastAnswerMs),
      ms(figures.exitMs),
      figures.rounds.map((run) => ms(run.lastAnswerMs)).join(', '),
    ]),
  );
  return [
    table,
    `ratio aws-tutor / minisearch, mean per question: ${result.ratio.toFixed(2)}`,
    `folder load inside our CLI: ${ms(result.folderLoadMs)} ms (spawn to the answer to "${LOAD_PROBE_QUESTION}" on ${result.topics} topics, minus on 1 topic)`,
  ].join('\n');
}
