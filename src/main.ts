import { config as loadDotenv } from 'dotenv';
import { runChat } from './cli/chat.js';
import { loadKnowledgeReporting } from './cli/knowledge.js';
import { type Config, ConfigError, readConfig } from './config.js';
import { KnowledgeFolderError } from './knowledge/load.js';
import { LiveTutor } from './live-tutor.js';
import { Metrics } from './observability/metrics.js';
import { scrubSecrets } from './observability/secrets.js';
import { QuizService } from './quiz/quiz-service.js';
import { startSlackApp } from './slack/app.js';
import { ChannelPacer } from './slack/channel-pacer.js';
import { createSlackLogger } from './slack/logger.js';
import { openStore, StoreError } from './store/open-store.js';
import { createTutor } from './tutor/tutor.js';

/** A stop must be over within 10 s (orchestrators kill after that); this leaves a margin. */
const STOP_DEADLINE_MS = 9_500;

async function runSlack(
  config: Config,
  slack: NonNullable<Config['slack']>,
  tutor: LiveTutor,
): Promise<void> {
  const logger = createSlackLogger(config.logLevel);
  const store = await openStore({
    databaseUrl: config.databaseUrl ?? undefined,
    dataDir: config.dataDir,
    warn: (message) => logger.warn(message),
  });
  const quizzes = new QuizService({
    store,
    questions: () => tutor.questions(),
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
      metrics: new Metrics({ processMetrics: true }),
      reloadNotes: () => tutor.reload(),
    },
  );
  logger.info(
    `answering from ${tutor.knowledge.topics.length} topics in ${slack.mode === 'socket' ? 'Socket Mode' : 'HTTP mode'}; /healthz on port ${running.port}; store: ${store.kind}`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: finishing the requests under way, then stopping`);
    setTimeout(() => {
      logger.error(`could not stop within ${STOP_DEADLINE_MS / 1000} s; exiting`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    running
      .stop()
      .then((settled) => {
        if (!settled) logger.warn('some requests were still at work when the grace period ended');
        return store.close();
      })
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`could not stop cleanly: ${(error as Error).message}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // The operator's way to reload edited notes, as `/aws admin reload` is an admin's in Slack.
  process.on('SIGHUP', () => {
    const outcome = tutor.reload();
    if (outcome.ok) logger.info(`SIGHUP: notes reloaded: ${outcome.topics} topics in ${outcome.files} files`);
    else
      logger.warn(
        `SIGHUP: notes not reloaded, the previous ones still serve: ${outcome.problems.join('; ')}`,
      );
  });
}

/** Composition root: reads the configuration, loads the notes and starts the face it calls for. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = readConfig(process.env);
  const tutor = createTutor(loadKnowledgeReporting(config.knowledgeDir, process.stderr));
  if (config.slack) await runSlack(config, config.slack, new LiveTutor(config.knowledgeDir, tutor));
  else await runChat(tutor, { input: process.stdin, output: process.stdout });
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError || error instanceof KnowledgeFolderError || error instanceof StoreError;
  process.stderr.write(
    scrubSecrets(
      `aws-tutor: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
    ),
  );
  process.exit(1);
});
