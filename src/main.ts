import { config as loadDotenv } from 'dotenv';
import { runChat } from './cli/chat.js';
import { loadKnowledgeReporting } from './cli/knowledge.js';
import { type Config, ConfigError, readConfig } from './config.js';
import { KnowledgeFolderError } from './knowledge/load.js';
import { generateQuestions } from './quiz/generate.js';
import { QuizService } from './quiz/quiz-service.js';
import type { QuizQuestion } from './quiz/types.js';
import { startSlackApp } from './slack/app.js';
import { ChannelPacer } from './slack/channel-pacer.js';
import { createSlackLogger } from './slack/logger.js';
import { openStore, StoreError } from './store/open-store.js';
import { createTutor, type Tutor } from './tutor/tutor.js';

async function runSlack(config: Config, slack: NonNullable<Config['slack']>, tutor: Tutor): Promise<void> {
  const logger = createSlackLogger(config.logLevel);
  const store = await openStore({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir });
  let questions: QuizQuestion[] | null = null;
  const quizzes = new QuizService({
    store,
    // Made on first use: generating checks every fact with the tutor, which start-up need not wait for.
    questions: () => {
      questions ??= generateQuestions(tutor.knowledge, tutor);
      return questions;
    },
    openHours: config.quizOpenHours,
  });
  const running = await startSlackApp(
    { connection: slack, slackApiUrl: config.slackApiUrl, port: config.port },
    {
      tutor,
      store,
      quizzes,
      logger,
      pacer: new ChannelPacer(),
      now: () => new Date(),
      admins: config.admins,
    },
  );
  logger.info(
    `answering from ${tutor.knowledge.topics.length} topics in ${slack.mode === 'socket' ? 'Socket Mode' : 'HTTP mode'}; /healthz on port ${running.port}; store: ${store.kind}`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info(`${signal}: stopping`);
    running
      .stop()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`could not stop cleanly: ${(error as Error).message}`);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** Composition root: reads the configuration, loads the notes and starts the face it calls for. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = readConfig(process.env);
  const tutor = createTutor(loadKnowledgeReporting(config.knowledgeDir, process.stderr));
  if (config.slack) await runSlack(config, config.slack, tutor);
  else await runChat(tutor, { input: process.stdin, output: process.stdout });
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError || error instanceof KnowledgeFolderError || error instanceof StoreError;
  process.stderr.write(
    `aws-tutor: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
