#!/usr/bin/env node
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { config as loadDotenv } from 'dotenv';
import { readConfig } from '../config.js';
import { KnowledgeFolderError, loadKnowledgeDir } from '../knowledge/load.js';
import { defaultKnowledgeDir } from '../paths.js';
import { generateQuiz } from '../quiz/generate.js';
import { parsePeriod } from '../quiz/period.js';
import { pickQuestion } from '../quiz/pick.js';
import type { QuizQuestion } from '../quiz/types.js';
import type { Reply } from '../tutor/reply.js';
import { createTutor } from '../tutor/tutor.js';
import { parseArgs, UsageError } from './args.js';
import { runChat } from './chat.js';
import {
  areaSets,
  type EvalOutcome,
  EvalSetError,
  evaluate,
  formatSummary,
  readEvalItems,
  scoreLine,
  summarise,
} from './evaluate.js';
import { exportAnswers } from './export-answers.js';
import { exportQuestions } from './export-questions.js';
import { exportReviews } from './export-reviews.js';
import { formatProblem, loadKnowledgeReporting } from './knowledge.js';
import { openLocalDeck } from './local-deck.js';
import { renderText } from './render-text.js';
import { reportGaps } from './report-gaps.js';

const USAGE = `usage: tutor <command>
  ask [--json] [--knowledge DIR] "QUESTION"   answer one question
  ask --json --batch [--knowledge DIR]        answer questions read one per line from stdin
  chat [--knowledge DIR]                      the terminal tutor ("review": your review deck in the
                                              app's store, DATABASE_URL else DATA_DIR)
  kb validate [DIR | --knowledge DIR]         check the notes; exit 1 when they have problems
  eval SET.jsonl [--knowledge DIR] [--failures N]  score the answers to questions whose answers you know;
                                              a folder of AREA.jsonl sets with --knowledge NOTES, one
                                              notes folder AREA per set, scores each and all pooled
  quiz [--json] [--all] [--seed S] [--topic ID] [--knowledge DIR]  a quiz question picked by --seed (default: today), or --all
  export answers [--json]                     every recorded quiz answer, as CSV or JSON lines, from the
                                              app's store (DATABASE_URL, else DATA_DIR; .env is read)
  export questions [--json]                   each quiz question's statistics (asked, share right,
                                              discrimination, reports) and whether it is in the quiz
  export reviews [--json]                     every personal review card (FSRS): due, stability,
                                              difficulty, reps, lapses, last review and its rating
  report gaps [week|month|all] [--json]       what the notes miss (default: the last 30 days), from the app's
                                              store: unanswered questions, 👎, reported questions, weak topics
  doctor [--json]                             check the setup npm start would use (.env is read): Slack
                                              tokens and scopes, store, notes, channels; exit 1 on a problem`;

function replyJson(question: string, reply: Reply): string {
  return JSON.stringify({
    question,
    intent: reply.intent,
    topics: reply.topics,
    confidence: reply.confidence,
    sure: reply.sure,
    text: renderText(reply),
  });
}

async function ask(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { command: 'ask', valued: ['knowledge'], flags: ['json', 'batch'] });
  const dir = resolve(args.options.get('knowledge') ?? defaultKnowledgeDir());
  const tutor = createTutor(loadKnowledgeReporting(dir, process.stderr));
  const json = args.flags.has('json');
  if (args.flags.has('batch')) {
    const lines = createInterface({ input: process.stdin, terminal: false });
    for await (const line of lines) {
      const reply = tutor.answer(line);
      process.stdout.write(`${json ? replyJson(line, reply) : renderText(reply)}\n`);
    }
    return 0;
  }
  const question = args.positional.join(' ');
  if (!question.trim()) throw new UsageError('ask needs a question, e.g. tutor ask "what is fargate"');
  const reply = tutor.answer(question);
  process.stdout.write(
    `${json ? replyJson(question, reply) : renderText(reply, { color: process.stdout.isTTY })}\n`,
  );
  return 0;
}

function validate(argv: string[]): number {
  const args = parseArgs(argv, { command: 'kb validate', valued: ['knowledge'] });
  // `kb validate my-notes/` names the folder as plainly as `--knowledge my-notes/`.
  const [folder, ...extra] = args.positional;
  if (extra.length > 0 || (folder !== undefined && args.options.has('knowledge')))
    throw new UsageError('kb validate checks one folder: tutor kb validate DIR, or --knowledge DIR');
  const given = folder ?? args.options.get('knowledge') ?? defaultKnowledgeDir();
  const { knowledge, problems } = loadKnowledgeDir(resolve(given));
  for (const problem of problems) process.stdout.write(`${formatProblem(given, problem)}\n`);
  if (knowledge.files.length === 0 && problems.length === 0) {
    process.stderr.write(`no notes: ${given} has no .md files; add notes such as knowledge/compute.md\n`);
    return 1;
  }
  const topicCount = knowledge.topics.length;
  const summary = `${knowledge.files.length} file(s), ${topicCount} topic(s), ${problems.length} problem(s)`;
  process.stderr.write(`${problems.length === 0 ? 'ok' : 'problems found'}: ${summary}\n`);
  return problems.length === 0 ? 0 : 1;
}

function quizJson(question: QuizQuestion): string {
  return JSON.stringify({
    id: question.id,
    topic: { id: question.topic.id, title: question.topic.title },
    stem: question.stem,
    options: question.options,
    answer: question.answer,
    explanation: question.explanation,
    kind: question.kind,
    difficulty: question.difficulty,
  });
}

function quizText(question: QuizQuestion): string {
  const letter = (i: number) => String.fromCharCode(65 + i);
  return [
    `${question.stem}   [${question.id} · ${question.kind}]`,
    ...question.options.map((option, i) => `  ${letter(i)}. ${option}`),
    `Answer: ${letter(question.answer)}. ${question.options[question.answer]}`,
    ...question.explanation.split('\n').map((line) => `  ${line}`),
  ].join('\n');
}

/** Today's date, `YYYY-MM-DD` in local time: the default seed, so a day has one question. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function quiz(argv: string[]): number {
  const args = parseArgs(argv, {
    command: 'quiz',
    valued: ['knowledge', 'seed', 'topic'],
    flags: ['json', 'all'],
  });
  if (args.positional.length > 0) throw new UsageError(`quiz takes no words: "${args.positional.join(' ')}"`);
  const given = args.options.get('knowledge') ?? defaultKnowledgeDir();
  const dir = resolve(given);
  const knowledge = loadKnowledgeReporting(dir, process.stderr);
  const { questions, problems } = generateQuiz(knowledge, createTutor(knowledge));
  for (const problem of problems) process.stderr.write(`warning: ${formatProblem(dir, problem)}\n`);
  const topicId = args.options.get('topic');
  const json = args.flags.has('json');
  const chosen = args.flags.has('all')
    ? questions.filter((question) => topicId === undefined || question.topic.id === topicId)
    : [
        pickQuestion(questions, {
          seed: args.options.get('seed') ?? today(),
          asked: [],
          ...(topicId === undefined ? {} : { topicId }),
        }),
      ].filter((question): question is QuizQuestion => question !== null);
  if (chosen.length === 0) {
    process.stderr.write(
      `tutor: no quiz questions${topicId === undefined ? '' : ` about "${topicId}"`} in ${given}\n`,
    );
    return 1;
  }
  process.stdout.write(
    json ? `${chosen.map(quizJson).join('\n')}\n` : `${chosen.map(quizText).join('\n\n')}\n`,
  );
  return 0;
}

async function chat(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { command: 'chat', valued: ['knowledge'] });
  const dir = resolve(args.options.get('knowledge') ?? defaultKnowledgeDir());
  const tutor = createTutor(loadKnowledgeReporting(dir, process.stderr));
  loadDotenv({ quiet: true });
  // Only the variables that say where the data is: the review deck lives in the app's store.
  const config = readConfig({ DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL });
  const source = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
  await runChat(
    tutor,
    { input: process.stdin, output: process.stdout },
    { openDeck: () => openLocalDeck(source, tutor) },
  );
  return 0;
}

async function exportCommand(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  const exporters = { answers: exportAnswers, questions: exportQuestions, reviews: exportReviews };
  if (what !== 'answers' && what !== 'questions' && what !== 'reviews')
    throw new UsageError(
      `unknown export "${what ?? ''}": try export answers, export questions or export reviews`,
    );
  const args = parseArgs(rest, { command: `export ${what}`, flags: ['json'] });
  if (args.positional.length > 0)
    throw new UsageError(`export ${what} takes no words: "${args.positional.join(' ')}"`);
  loadDotenv({ quiet: true });
  // Only the variables that say where the data is: a Slack setting has no say in an export.
  const config = readConfig({ DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL });
  await exporters[what](
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir },
    args.flags.has('json') ? 'json' : 'csv',
    process.stdout,
    (message) => process.stderr.write(`tutor: ${message}\n`),
  );
  return 0;
}

async function reportCommand(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  if (what !== 'gaps') throw new UsageError(`unknown report "${what ?? ''}": try report gaps`);
  const args = parseArgs(rest, { command: 'report gaps', flags: ['json'] });
  const [word, ...extra] = args.positional;
  const period = word === undefined ? 'month' : parsePeriod(word);
  if (!period || extra.length > 0)
    throw new UsageError(`report gaps takes week, month or all: "${args.positional.join(' ')}"`);
  loadDotenv({ quiet: true });
  // Only the variables that say where the data is, as for the exports.
  const config = readConfig({ DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL });
  await reportGaps(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir },
    { json: args.flags.has('json'), period, now: new Date() },
    process.stdout,
    (message) => process.stderr.write(`tutor: ${message}\n`),
  );
  return 0;
}

function evalCommand(argv: string[]): number {
  const args = parseArgs(argv, { command: 'eval', valued: ['knowledge', 'failures'] });
  const [set, ...extra] = args.positional;
  if (!set || extra.length > 0)
    throw new UsageError('eval takes one question set, e.g. tutor eval questions.jsonl, or a folder of them');
  const failures = Number(args.options.get('failures') ?? 0);
  if (!Number.isInteger(failures) || failures < 0) throw new UsageError('--failures takes a whole number');
  if (statSync(set, { throwIfNoEntry: false })?.isDirectory())
    return evalAreas(set, args.options.get('knowledge'), failures);
  const dir = resolve(args.options.get('knowledge') ?? defaultKnowledgeDir());
  const summary = evaluate(createTutor(loadKnowledgeReporting(dir, process.stderr)), readEvalItems(set));
  process.stdout.write(`${formatSummary(summary, failures).join('\n')}\n`);
  return 0;
}

/** Scores every set of a folder on its own notes area, one line an area, then all of them pooled. */
function evalAreas(setsDir: string, notesRoot: string | undefined, failures: number): number {
  if (!notesRoot)
    throw new UsageError(
      'eval of a folder of sets takes --knowledge, the folder holding one notes folder per set',
    );
  const pooled: EvalOutcome[] = [];
  for (const { area, set, notes } of areaSets(setsDir, resolve(notesRoot))) {
    const { outcomes } = evaluate(
      createTutor(loadKnowledgeReporting(notes, process.stderr)),
      readEvalItems(set),
    );
    process.stdout.write(`${area}: ${scoreLine(summarise(outcomes))}\n`);
    pooled.push(...outcomes);
  }
  const summary = summarise(pooled);
  process.stdout.write(
    `pooled over ${summary.items} questions:\n${formatSummary(summary, failures).join('\n')}\n`,
  );
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'ask':
      return ask(rest);
    case 'chat':
      return chat(rest);
    case 'quiz':
      return quiz(rest);
    case 'export':
      return exportCommand(rest);
    case 'report':
      return reportCommand(rest);
    case 'doctor': {
      // The doctor checks Slack with Bolt, which the other commands never load.
      const { doctor } = await import('./doctor.js');
      return doctor(rest);
    }
    case 'eval':
      return evalCommand(rest);
    case 'kb':
      if (rest[0] === 'validate') return validate(rest.slice(1));
      throw new UsageError(`unknown kb command "${rest[0] ?? ''}": try kb validate`);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`tutor: ${error.message}\n${USAGE}\n`);
    else if (error instanceof KnowledgeFolderError || error instanceof EvalSetError)
      process.stderr.write(`tutor: ${error.message}\n`);
    else process.stderr.write(`tutor: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
