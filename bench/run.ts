/**
 * `npm run bench`: load time, answer latency, accuracy and memory of the engine, on the real notes
 * and on a synthetic 5,000-topic folder next to two off-the-shelf baselines; then, as separate
 * processes, the CLI answering 1,000 piped questions beside plain MiniSearch behind the same kind of
 * CLI, and `npm start`'s time to its chat prompt. Prints tables, the targets next to the measured
 * figures, then a one-line JSON summary. Run from the project root with `node --expose-gc`.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadKnowledgeDir } from '../src/knowledge/load.js';
import { createTutor } from '../src/tutor/tutor.js';
import { type Accuracy, formatTally, scoreTopOne } from './accuracy.js';
import {
  benchCliEndToEnd,
  type CliEndToEnd,
  distinctQuestions,
  formatCliEndToEnd,
} from './cli-end-to-end.js';
import { readDevQuestions } from './dev-questions.js';
import { elapsedMs, type LatencyResult, measureLatency, requireExposedGc, retainedHeap } from './measure.js';
import { benchStartToPrompt, formatStartToPrompt, type StartToPrompt } from './start-to-prompt.js';
import { type SyntheticNotes, writeSyntheticNotes } from './synthetic-notes.js';
import { type QuestionKind, syntheticQuestions } from './synthetic-questions.js';
import { BASELINES, OUR_ENGINE, type PreparedSystem } from './systems.js';
import { formatTable } from './table.js';
import { checkTarget, formatTargets, type TargetCheck } from './targets.js';

const KNOWLEDGE_DIR = resolve('knowledge');
const DEV_QUESTIONS_PATH = resolve('../shared/eval/dev-aws.jsonl');
const SPEED_TOPICS = 5000;
const MEMORY_TOPICS = [1000, 2500, 5000] as const;
const QUESTION_SEED = 7;
const LOAD_RUNS = 5;
/** Per system and notes set; 20 repetitions fit easily except for a slow system at 5,000 topics. */
const LATENCY_BUDGET_MS = 8000;
const CLI_QUESTIONS = 1000;
const CLI_ROUNDS = 3;
const START_RUNS = 5;

interface SpeedRow {
  notes: string;
  system: string;
  /** The figures only: dropping the search lets its indexes be collected before memory is measured. */
  prepared: Omit<PreparedSystem, 'search'>;
  questionCount: number;
  latency: LatencyResult<string | undefined>;
  accuracy?: Accuracy;
}

const ms = (value: number): string => value.toFixed(3);
const round3 = (value: number): number => Math.round(value * 1000) / 1000;
/** The machine may be shared: the 1, 5 and 15 minute load averages say how much to trust a run. */
const formatLoad = (): string =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

function benchRealNotes(): { row: SpeedRow; questionSource: string } | undefined {
  if (!existsSync(KNOWLEDGE_DIR)) return undefined;
  const { questions, source } = readDevQuestions(DEV_QUESTIONS_PATH);
  const { search, ...prepared } = OUR_ENGINE.prepare(KNOWLEDGE_DIR, LOAD_RUNS);
  const latency = measureLatency(questions, search, LATENCY_BUDGET_MS);
  return {
    row: { notes: 'knowledge/', system: OUR_ENGINE.name, prepared, questionCount: questions.length, latency },
    questionSource: source,
  };
}

function benchSynthetic(dir: string, notes: SyntheticNotes): SpeedRow[] {
  const questions = syntheticQuestions(notes, QUESTION_SEED);
  const texts = questions.map((question) => question.q);
  return [OUR_ENGINE, ...BASELINES].map((system) => {
    const { search, ...prepared } = system.prepare(dir, LOAD_RUNS);
    const latency = measureLatency(texts, search, LATENCY_BUDGET_MS);
    return {
      notes: `synthetic ${SPEED_TOPICS}`,
      system: system.name,
      prepared,
      questionCount: texts.length,
      latency,
      accuracy: scoreTopOne(questions, latency.answers),
    };
  });
}

function directoryBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

function benchMemory(root: string): {
  topics: number;
  notesBytes: number;
  heapUsedBytes: number;
  retainedBytes: number;
  bytesPerTopic: number;
}[] {
  return MEMORY_TOPICS.map((topics) => {
    const dir = join(root, `memory-${topics}`);
    writeSyntheticNotes(dir, topics);
    // What a server holds: the knowledge base and the tutor, even if the tutor keeps only part of it.
    const { heapUsedBytes, retainedBytes } = retainedHeap(() => {
      const { knowledge } = loadKnowledgeDir(dir);
      return { knowledge, tutor: createTutor(knowledge, undefined, { recentReplies: 0 }) };
    });
    const notesBytes = directoryBytes(dir);
    rmSync(dir, { recursive: true, force: true });
    return {
      topics,
      notesBytes,
      heapUsedBytes,
      retainedBytes,
      bytesPerTopic: Math.round(retainedBytes / topics),
    };
  });
}

function printSpeed(rows: readonly SpeedRow[]): void {
  const header = [
    'notes',
    'system',
    'topics',
    'load ms',
    'index ms',
    'questions',
    'reps',
    'p50 ms',
    'p99 ms',
    'mean ms',
    'top-1',
    'off-topic abstained',
  ];
  console.log(
    formatTable(
      header,
      rows.map(({ notes, system, prepared, questionCount, latency, accuracy }) => [
        notes,
        system,
        String(prepared.topicCount),
        ms(prepared.loadMs),
        ms(prepared.indexMs),
        String(questionCount),
        String(latency.repetitions),
        ms(latency.p50Ms),
        ms(latency.p99Ms),
        ms(latency.meanMs),
        accuracy ? formatTally(accuracy.topOne) : '-',
        accuracy ? formatTally(accuracy.offTopicAbstained) : '-',
      ]),
    ),
  );
}

function printAccuracyByKind(rows: readonly SpeedRow[]): void {
  const kinds = [...(rows[0]?.accuracy?.byKind.keys() ?? [])];
  const cell = (row: SpeedRow, kind: QuestionKind): string => {
    const tally = row.accuracy?.byKind.get(kind);
    return tally ? formatTally(tally) : '-';
  };
  console.log(
    formatTable(
      ['question kind', ...rows.map((row) => row.system)],
      kinds.map((kind) => [
        kind === 'off-topic' ? 'off-topic (abstained)' : kind,
        ...rows.map((row) => cell(row, kind)),
      ]),
    ),
  );
}

function summaryOf(row: SpeedRow): Record<string, unknown> {
  const { prepared, latency, accuracy } = row;
  return {
    topics: prepared.topicCount,
    problems: prepared.problems.length,
    loadMs: round3(prepared.loadMs),
    indexMs: round3(prepared.indexMs),
    questions: row.questionCount,
    repetitions: latency.repetitions,
    p50Ms: round3(latency.p50Ms),
    p99Ms: round3(latency.p99Ms),
    meanMs: round3(latency.meanMs),
    slowestMedianMs: round3(latency.slowestMedianMs),
    ...(accuracy && { top1: accuracy.topOne, offTopicAbstained: accuracy.offTopicAbstained }),
  };
}

/** The targets, beside the figures this run measured. */
function targetChecks(
  real: SpeedRow | undefined,
  ours: SpeedRow | undefined,
  cli: CliEndToEnd,
  start: StartToPrompt,
): TargetCheck[] {
  return [
    checkTarget('CLI end to end, mean per question, aws-tutor / minisearch', cli.ratio, 'ratio', '<=', 1),
    checkTarget(
      `start to prompt, npm start (${start.headline.via === 'terminal' ? 'terminal prompt' : 'piped "help" answered'})`,
      start.headline.medianMs,
      'ms',
      '<',
      500,
    ),
    checkTarget('p99 per question, knowledge/', real?.latency.p99Ms, 'ms', '<=', 1),
    checkTarget(
      `load ${SPEED_TOPICS} topics, parse + index in process (median of ${LOAD_RUNS})`,
      ours && ours.prepared.loadMs + ours.prepared.indexMs,
      'ms',
      '<',
      1000,
    ),
    checkTarget(`load ${SPEED_TOPICS} topics, inside the CLI (cold)`, cli.folderLoadMs, 'ms', '<', 1000),
  ];
}

function cliSummary(cli: CliEndToEnd): Record<string, unknown> {
  const side = (figures: CliEndToEnd['ours']) => ({
    meanPerQuestionMs: round3(figures.meanPerQuestionMs),
    firstAnswerMs: round3(figures.firstAnswerMs),
    lastAnswerMs: round3(figures.lastAnswerMs),
    exitMs: round3(figures.exitMs),
    roundsLastAnswerMs: figures.rounds.map((run) => round3(run.lastAnswerMs)),
  });
  return {
    topics: cli.topics,
    questions: cli.questions,
    rounds: CLI_ROUNDS,
    ours: side(cli.ours),
    minisearch: side(cli.minisearch),
    ratio: round3(cli.ratio),
    folderLoadMs: round3(cli.folderLoadMs),
  };
}

function startSummary(start: StartToPrompt): Record<string, unknown> {
  const side = (figures: StartToPrompt['pipe'] | undefined) =>
    figures ? { medianMs: round3(figures.medianMs), runsMs: figures.runsMs.map(round3) } : null;
  return { via: start.headline.via, terminal: side(start.terminal), pipe: side(start.pipe) };
}

async function main(): Promise<void> {
  requireExposedGc();
  const started = process.hrtime.bigint();
  const root = mkdtempSync(join(tmpdir(), 'aws-tutor-bench-'));
  try {
    console.log(
      `aws-tutor bench: node ${process.version}, ${process.platform} ${process.arch}, ${availableParallelism()} CPUs, load average ${formatLoad()}\n`,
    );

    const real = benchRealNotes();
    const speedDir = join(root, `speed-${SPEED_TOPICS}`);
    const notes = writeSyntheticNotes(speedDir, SPEED_TOPICS);
    const synthetic = benchSynthetic(speedDir, notes);
    console.log(`Speed and accuracy (load and index: median of ${LOAD_RUNS}; latency per question, ms)`);
    printSpeed(real ? [real.row, ...synthetic] : synthetic);
    console.log(
      real
        ? `real notes: ${real.questionSource}; top-1 there is the eval scorer's job (../shared/eval/score.mjs)`
        : `real notes: ${KNOWLEDGE_DIR} not found, row skipped`,
    );
    for (const row of [...(real ? [real.row] : []), ...synthetic]) {
      const [first] = row.prepared.problems;
      if (first) console.log(`${row.notes}: ${row.prepared.problems.length} notes problems, first: ${first}`);
    }

    console.log(`\nTop-1 by question kind (synthetic ${SPEED_TOPICS} topics)`);
    printAccuracyByKind(synthetic);

    const memory = benchMemory(root);
    console.log('\nMemory of aws-tutor (loadKnowledgeDir + createTutor, heap after gc)');
    console.log(
      formatTable(
        ['topics', 'notes on disk KB', 'heap used MB', 'retained MB', 'retained bytes/topic'],
        memory.map((entry) => [
          String(entry.topics),
          (entry.notesBytes / 1024).toFixed(0),
          (entry.heapUsedBytes / 2 ** 20).toFixed(1),
          (entry.retainedBytes / 2 ** 20).toFixed(1),
          String(entry.bytesPerTopic),
        ]),
      ),
    );

    console.log(
      `\nEnd to end through the CLI (${SPEED_TOPICS} topics, ${CLI_QUESTIONS} questions piped in, spawn to last line; median of ${CLI_ROUNDS} rounds)`,
    );
    const oneTopicDir = join(root, 'one-topic');
    writeSyntheticNotes(oneTopicDir, 1);
    const cli = await benchCliEndToEnd({
      dir: speedDir,
      topics: SPEED_TOPICS,
      oneTopicDir,
      questions: distinctQuestions(notes, CLI_QUESTIONS, QUESTION_SEED),
      rounds: CLI_ROUNDS,
    });
    console.log(formatCliEndToEnd(cli));

    console.log(`\nStart to prompt (clean env, knowledge/; median of ${START_RUNS})`);
    const start = await benchStartToPrompt(START_RUNS);
    console.log(formatStartToPrompt(start));

    const targets = targetChecks(
      real?.row,
      synthetic.find((row) => row.system === OUR_ENGINE.name),
      cli,
      start,
    );
    console.log('\nTargets');
    console.log(formatTargets(targets));
    if (real)
      console.log(
        `knowledge/: the slowest question's median is ${ms(real.row.latency.slowestMedianMs)} ms (p99 counts the machine's pauses too)`,
      );

    const seconds = round3(elapsedMs(started) / 1000);
    console.log(`\ndone in ${seconds.toFixed(1)} s; load average ${formatLoad()}`);
    console.log(
      JSON.stringify({
        node: process.version,
        real: real ? { questionSource: real.questionSource, ...summaryOf(real.row) } : null,
        synthetic: Object.fromEntries(synthetic.map((row) => [row.system, summaryOf(row)])),
        memory,
        cliEndToEnd: cliSummary(cli),
        startToPrompt: startSummary(start),
        targets: targets.map((check) => ({
          ...check,
          measured: check.measured === undefined ? null : round3(check.measured),
          met: check.met ?? null,
        })),
        loadAverage: loadavg().map(round3),
        seconds,
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
