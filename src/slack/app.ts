import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { SlackConnection } from '../config.js';
import { InstrumentedTutor } from '../observability/instrumented-tutor.js';
import { Metrics } from '../observability/metrics.js';
import { observeListeners } from '../observability/request-context.js';
import { observabilityRoutes } from '../observability/routes.js';
import type { SlackDeps, SlackServices } from './deps.js';
import { registerListeners } from './listeners/index.js';
import { requestLogger, sdkLogger } from './logger.js';
import { InFlightWork } from './middleware/in-flight.js';
import { oncePerDelivery } from './middleware/once-per-delivery.js';
import { DailyQuizScheduler } from './quiz/daily-quiz-scheduler.js';
import { PeopleDirectory } from './quiz/people.js';
import { QuizMessageUpdater } from './quiz/quiz-message-updater.js';
import { responseUrlFetch } from './response-url-fetch.js';

export interface SlackAppOptions {
  connection: SlackConnection;
  /** Web API base URL (a proxy, or a fake Slack in tests); Slack's own when null. */
  slackApiUrl: string | null;
  /** HTTP port: Slack's requests in HTTP mode, and /healthz, /readyz, /metrics in both modes. 0 picks a free one. */
  port: number;
  /** Run the daily quiz scheduler's timer (default true); tests may drive `scheduler.tick()` instead. */
  scheduleQuizzes?: boolean;
  /** How long `stop()` waits for requests under way (default 8 s: the whole stop must fit in 10). */
  stopGraceMs?: number;
}

export interface RunningSlackApp {
  app: App;
  /** The port /healthz, /readyz, /metrics (and in HTTP mode /slack/events) listen on. */
  port: number;
  /** Posts and closes the daily quizzes; `tick()` runs one pass now. */
  scheduler: DailyQuizScheduler;
  /**
   * Stops taking requests and quiz runs and waits for those under way; false when some were still
   * at work after the grace period. The store stays open: its owner closes it.
   */
  stop(): Promise<boolean>;
}

const DEFAULT_STOP_GRACE_MS = 8_000;

/** The Web API client waits out a 429 (`Retry-After`), retries a failure a few times, never hangs. */
function webClientOptions(slackApiUrl: string | null): WebClientOptions {
  return {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    fetch: responseUrlFetch(),
    timeout: 10_000,
    rejectRateLimitedCalls: false,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
  };
}

/**
 * Builds the Bolt app for the configured connection, registers the listeners and starts it.
 * Bolt checks the bot token with one auth.test at start and keeps the bot's identity, so no
 * request waits on a Slack round trip before its acknowledgement.
 */
export async function startSlackApp(
  options: SlackAppOptions,
  services: SlackServices,
): Promise<RunningSlackApp> {
  const clientOptions = webClientOptions(options.slackApiUrl);
  const metrics = services.metrics ?? new Metrics();
  const common = {
    token: options.connection.botToken,
    // The tutor keeps no conversation state; Bolt's in-memory store would only cost every request.
    convoStore: false as const,
    logger: sdkLogger(services.logger),
    // Bolt resets its logger to INFO unless told the level the logger already has.
    logLevel: services.logger.getLevel(),
    clientOptions,
    extendedErrorHandler: true,
    customRoutes: observabilityRoutes({
      knowledge: () => services.tutor.knowledge,
      store: services.store,
      metrics,
    }),
  };
  const app =
    options.connection.mode === 'socket'
      ? new App({
          ...common,
          appToken: options.connection.appToken,
          socketMode: true,
          // The socket client keeps its own client: opening the connection should retry for as
          // long as it takes, while listeners' calls keep the bounded policy above.
          installerOptions: {
            port: options.port,
            clientOptions: { ...clientOptions, retryConfig: undefined },
          },
        })
      : new App({ ...common, signingSecret: options.connection.signingSecret });

  const deps = slackDeps(app, services, metrics);
  const inFlight = new InFlightWork();
  const around = observeListeners({
    observe: (kind, seconds) => metrics.requestTook(kind, seconds),
    logger: deps.logger,
    forRequest: requestLogger,
    tagAsync: deps.logger.getLevel() === 'debug',
    track: inFlight.track,
  });
  registerListeners(app, deps, oncePerDelivery(deps), around);
  // The extended handler (`extendedErrorHandler: true`), the last overload: it gets the request's context.
  const logListenerFailure: Parameters<App['error']>[0] = async ({ error, context }) => {
    requestLogger(deps.logger, context).error(`a listener failed: ${error.message}`);
  };
  app.error(logListenerFailure);

  const started = await app.start(options.port);
  const server = options.connection.mode === 'http' ? (started as Server) : socketModeHttpServer(app);
  const port = (server?.address() as AddressInfo | null)?.port ?? options.port;
  if (options.scheduleQuizzes !== false) deps.scheduler.start();
  return {
    app,
    port,
    scheduler: deps.scheduler,
    async stop() {
      // No new requests or quiz runs; what is under way finishes, within the grace period.
      await Promise.all([app.stop(), deps.scheduler.stop()]);
      const settled = await inFlight.settled(options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS);
      deps.quizMessages.stop();
      return settled;
    },
  };
}

/** The listeners' helpers that talk to Slack use the app's own Web API client (its token and policy). */
function slackDeps(app: App, services: SlackServices, metrics: Metrics): SlackDeps {
  const { logger, quizzes } = services;
  return {
    ...services,
    tutor: new InstrumentedTutor(services.tutor, metrics),
    metrics,
    people: new PeopleDirectory(app.client, { admins: services.admins, logger }),
    quizMessages: new QuizMessageUpdater(app.client, quizzes, logger, services.quizCountIntervalMs),
    scheduler: new DailyQuizScheduler({ ...services, client: app.client }),
  };
}

/** Socket Mode serves /healthz, /readyz and /metrics from the receiver's own small HTTP server. */
function socketModeHttpServer(app: App): Server | undefined {
  return (app as unknown as { receiver: { httpServer?: Server } }).receiver.httpServer;
}
