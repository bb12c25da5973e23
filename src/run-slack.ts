import type { Config } from './config.js';
import { GapService } from './gaps/gap-service.js';
import type { LiveTutor } from './live-tutor.js';
import { Metrics } from './observability/metrics.js';
import { QuizService } from './quiz/quiz-service.js';
import { type LaunchedSlackApp, launchSlackApp } from './slack/app.js';
import { ChannelPacer } from './slack/channel-pacer.js';
import { createSlackLogger } from './slack/logger.js';
import { openStore } from './store/open-store.js';

/** A stop must be over within 10 s (orchestrators kill after that); this leaves a margin. */
const STOP_DEADLINE_MS = 9_500;

/**
 * The Slack face as `npm start` runs it: the store, the quiz service and the Bolt app, stopped
 * gracefully on SIGTERM/SIGINT and reloading the notes on SIGHUP.
 */
export async function runSlack(
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
  const gaps = new GapService(store, { retentionDays: config.gapsRetentionDays });
  const quizzes = new QuizService({
    store,
    questions: () => tutor.questions(),
    openHours: config.quizOpenHours,
  });
  let launched: LaunchedSlackApp;
  try {
    launched = await launchSlackApp(
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
        gapsRetentionDays: config.gapsRetentionDays,
        gaps,
      },
    );
  } catch (error) {
    await store.close();
    throw error;
  }
  logger.debug(`/healthz on port ${launched.port}; asking Slack to accept the tokens`);
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
    launched
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
    if (outcome.ok) {
      logger.info(`SIGHUP: notes reloaded: ${outcome.topics} topics in ${outcome.files} files`);
      // As after /aws admin reload: the kept questions the new notes answer leave the gaps.
      gaps
        .resolveAfterReload((question) => tutor.answer(question), null, new Date())
        .then(
          (resolution) =>
            logger.info(
              `SIGHUP: the new notes answer ${resolution.answered} of last month's ${resolution.asked} unanswered questions`,
            ),
          (error: unknown) =>
            logger.error(`SIGHUP: could not re-ask the kept questions: ${(error as Error).message}`),
        );
    } else
      logger.warn(
        `SIGHUP: notes not reloaded, the previous ones still serve: ${outcome.problems.join('; ')}`,
      );
  });
  try {
    await launched.ready;
  } catch (error) {
    // A stop while Slack was out of reach ends the wait; the stop itself exits.
    if (stopping) return;
    await store.close();
    throw error;
  }
  logger.info(
    `answering from ${tutor.knowledge.topics.length} topics in ${slack.mode === 'socket' ? 'Socket Mode' : 'HTTP mode'}; /healthz on port ${launched.port}; store: ${store.kind}`,
  );
}
