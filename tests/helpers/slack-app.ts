import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@slack/bolt';
import { LogLevel } from '@slack/logger';
import type { SlackConnection } from '../../src/config.js';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { LiveTutor } from '../../src/live-tutor.js';
import { generateQuestions } from '../../src/quiz/generate.js';
import { QuizService } from '../../src/quiz/quiz-service.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import { type RunningSlackApp, startSlackApp } from '../../src/slack/app.js';
import { ChannelPacer } from '../../src/slack/channel-pacer.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createTutor, type Tutor } from '../../src/tutor/tutor.js';
import { KNOWLEDGE_DIR } from './paths.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-token';

/** A Bolt logger that keeps what it is told, so tests can read the errors the app logged. */
export class RecordingLogger implements Logger {
  readonly lines: { level: string; text: string }[] = [];
  private level = LogLevel.INFO;
  private record(level: string, parts: unknown[]) {
    this.lines.push({
      level,
      text: parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' '),
    });
  }
  debug(...parts: unknown[]) {
    this.record('debug', parts);
  }
  info(...parts: unknown[]) {
    this.record('info', parts);
  }
  warn(...parts: unknown[]) {
    this.record('warn', parts);
  }
  error(...parts: unknown[]) {
    this.record('error', parts);
  }
  setLevel(level: LogLevel) {
    this.level = level;
  }
  getLevel() {
    return this.level;
  }
  setName() {}
  errors(): string[] {
    return this.lines.filter((line) => line.level === 'error').map((line) => line.text);
  }
}

export interface TestSlackApp {
  running: RunningSlackApp;
  baseUrl: string;
  logger: RecordingLogger;
  store: Store;
  stop(): Promise<void>;
}

/** The real Bolt app with the real tutor and a real SQLite store, talking to a fake Slack. */
export interface TestSlackAppOptions {
  pacerIntervalMs?: number;
  /** Default: a fresh SQLite store in a temporary folder. */
  store?: Store;
  /** Default: the wall clock. */
  now?: () => Date;
  /** TUTOR_ADMINS. */
  admins?: string[];
  /** Run the scheduler's timer (default false: tests call `running.scheduler.tick()`). */
  scheduleQuizzes?: boolean;
  /** Default 0: a daily quiz's count is updated right after each answer. */
  quizCountIntervalMs?: number;
  /** A tutor `/aws admin reload` reloads (default: the shared tutor, and reloads go nowhere). */
  liveTutor?: LiveTutor;
  /** The questions the quiz asks (default: those of the project's notes). */
  questions?: QuizQuestion[];
  /** Least time between two review nudges in a workspace (default 0: no pacing). */
  nudgeIntervalMs?: number;
}

let sharedTutor: Tutor | null = null;
let sharedQuestions: QuizQuestion[] | null = null;

/** The real tutor and quiz questions on the project's notes, made once per test file. */
export function testTutor(): { tutor: Tutor; questions: QuizQuestion[] } {
  sharedTutor ??= createTutor(loadKnowledgeDir(KNOWLEDGE_DIR).knowledge);
  sharedQuestions ??= generateQuestions(sharedTutor.knowledge, sharedTutor);
  return { tutor: sharedTutor, questions: sharedQuestions };
}

export async function startTestSlackApp(
  connection: SlackConnection,
  slackApiUrl: string,
  options: TestSlackAppOptions = {},
): Promise<TestSlackApp> {
  const dataDir = options.store ? null : mkdtempSync(join(tmpdir(), 'aws-tutor-slack-'));
  const store = options.store ?? (await openStore({ dataDir: dataDir as string }));
  const logger = new RecordingLogger();
  const shared = testTutor();
  const tutor = options.liveTutor ?? shared.tutor;
  const given = options.questions;
  const questions = given
    ? () => given
    : options.liveTutor
      ? () => options.liveTutor?.questions() ?? []
      : () => shared.questions;
  const running = await startSlackApp(
    { connection, slackApiUrl, port: 0, scheduleQuizzes: options.scheduleQuizzes ?? false },
    {
      tutor,
      store,
      quizzes: new QuizService({ store, questions }),
      logger,
      pacer: new ChannelPacer(options.pacerIntervalMs ?? 0),
      now: options.now ?? (() => new Date()),
      admins: options.admins ?? [],
      quizCountIntervalMs: options.quizCountIntervalMs ?? 0,
      nudgeIntervalMs: options.nudgeIntervalMs ?? 0,
      reloadNotes: () => (options.liveTutor ?? new LiveTutor(KNOWLEDGE_DIR, tutor)).reload(),
    },
  );
  return {
    running,
    baseUrl: `http://127.0.0.1:${running.port}`,
    logger,
    store,
    async stop() {
      await running.stop();
      await store.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
