import { App, HTTPReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { SlackConnection } from '../config.js';
import { DEFAULT_GAPS_RETENTION_DAYS, GapService } from '../gaps/gap-service.js';
import { InstrumentedTutor } from '../observability/instrumented-tutor.js';
import { Metrics } from '../observability/metrics.js';
import { observeListeners } from '../observability/request-context.js';
import { observabilityRoutes } from '../observability/routes.js';
import { ReviewService } from '../review/review-service.js';
import { reviewTopicsOf } from '../review/review-topics.js';
import { ChannelPacer } from './channel-pacer.js';
import { QuizMessageUpdater } from './daily-quiz/message-updater.js';
import { DailyQuizScheduler } from './daily-quiz/scheduler.js';
import type { SlackDeps, SlackServices } from './deps.js';
import { DigestScheduler } from './gaps/digest-scheduler.js';
import { type AppHttpServer, listenHttp } from './http-server.js';
import { registerListeners } from './listeners/index.js';
import { requestLogger, sdkLogger } from './logger.js';
import { InFlightWork } from './middleware/in-flight.js';
import { oncePerDelivery } from './middleware/once-per-delivery.js';
import { PeopleDirectory } from './people/directory.js';
import { responseUrlFetch } from './response-url-fetch.js';
import { ReviewNudger } from './review/nudger.js';
import type { BotIdentity } from './setup/check-tokens.js';
import { type RetryPolicy, SLACK_RETRY } from './setup/retry.js';
import { SignatureWatch } from './setup/signature-watch.js';
import { slackFailure } from './setup/slack-failure.js';
import { appTokenRefused, SlackSetupError } from './setup/token-advice.js';
import { verifySlackTokens } from './setup/verify-tokens.js';

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
  /** The waits between attempts to reach Slack at start (default SLACK_RETRY; tests shorten them). */
  slackRetry?: RetryPolicy;
}

export interface RunningSlackApp {
  app: App;
  /** The port /healthz, /readyz, /metrics (and in HTTP mode /slack/events) listen on. */
  port: number;
  /** Who the bot is, as Slack said when it accepted the token. */
  identity: BotIdentity;
  /** Posts and closes the daily quizzes; `tick()` runs one pass now. */
  scheduler: DailyQuizScheduler;
  /** Sends the daily review nudges; `tick()` runs one pass now. */
  nudger: ReviewNudger;
  /** Posts the weekly digests and prunes old gaps; `tick()` runs one pass now. */
  digests: DigestScheduler;
  /**
   * Stops taking requests and quiz runs and waits for those under way; false when some were still
   * at work after the grace period. The store stays open: its owner closes it.
   */
  stop(): Promise<boolean>;
}

/** An app whose port is open and which is on its way to Slack. */
export interface LaunchedSlackApp {
  /** The port /healthz and /readyz answer on already. */
  port: number;
  /**
   * Resolves once Slack has accepted the tokens (and, in Socket Mode, the connection is open); until
   * then /readyz answers 503 with the reason. Rejects with SlackSetupError, whose message is the one
   * line to show, when Slack refuses a token; with an AbortError when stopped first.
   */
  ready: Promise<RunningSlackApp>;
  /** Stops the app at whatever stage it is: waiting for Slack, or running (see RunningSlackApp.stop). */
  stop(): Promise<boolean>;
}

const DEFAULT_STOP_GRACE_MS = 8_000;
/** Daily review nudges in one workspace go at most five a second: well inside Slack's posting limits. */
const DEFAULT_NUDGE_INTERVAL_MS = 200;

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
 * Opens the HTTP port (PortError when it cannot), then, in the background, asks Slack to accept the
 * tokens, trying again while Slack is out of reach, and starts the Bolt app once it has: nothing
 * is served to Slack, and no quiz is posted, before the bot token is known to work.
 */
export async function launchSlackApp(
  options: SlackAppOptions,
  services: SlackServices,
): Promise<LaunchedSlackApp> {
  const metrics = services.metrics ?? new Metrics();
  let slackProblem: string | null = 'waiting for Slack to accept SLACK_BOT_TOKEN';
  const signatures = new SignatureWatch(services.logger);
  const http = await listenHttp({
    port: options.port,
    routes: observabilityRoutes({
      knowledge: () => services.tutor.knowledge,
      store: services.store,
      slack: () => slackProblem,
      metrics,
    }),
    slackEvents: options.connection.mode === 'http',
    onSlackAnswer: (status) => signatures.answered(status),
  });
  const stopping = new AbortController();
  let running: RunningSlackApp | null = null;

  const ready = (async () => {
    try {
      const identity = await verifySlackTokens({
        connection: options.connection,
        slackApiUrl: options.slackApiUrl,
        logger: services.logger,
        policy: options.slackRetry ?? SLACK_RETRY,
        signal: stopping.signal,
        report: (problem) => {
          slackProblem = problem;
        },
      });
      stopping.signal.throwIfAborted();
      const started = await startBolt(options, services, metrics, identity, http);
      if (stopping.signal.aborted) {
        await started.stop();
        stopping.signal.throwIfAborted();
      }
      running = started;
      slackProblem = null;
      return started;
    } catch (error) {
      await http.close();
      throw error;
    }
  })();
  // Whoever launched the app handles the outcome; a stop before Slack answered must not crash.
  ready.catch(() => undefined);

  return {
    port: http.port,
    ready,
    async stop() {
      if (running) return running.stop();
      stopping.abort();
      await http.close();
      return true;
    },
  };
}

/** `launchSlackApp`, resolved once the app is ready (or rejected when it cannot be). */
export async function startSlackApp(
  options: SlackAppOptions,
  services: SlackServices,
): Promise<RunningSlackApp> {
  return (await launchSlackApp(options, services)).ready;
}

/**
 * Builds the Bolt app for the connection, registers the listeners and starts it. Bolt is given the
 * bot identity Slack just confirmed, so it makes no auth.test of its own and no request waits on
 * a Slack round trip before its acknowledgement.
 */
async function startBolt(
  options: SlackAppOptions,
  services: SlackServices,
  metrics: Metrics,
  identity: BotIdentity,
  http: AppHttpServer,
): Promise<RunningSlackApp> {
  const clientOptions = webClientOptions(options.slackApiUrl);
  const logger = sdkLogger(services.logger);
  // Bolt resets its logger to INFO unless told the level the logger already has.
  const logLevel = services.logger.getLevel();
  const common = {
    token: options.connection.botToken,
    botId: identity.botId,
    botUserId: identity.userId,
    // The tutor keeps no conversation state; Bolt's in-memory store would only cost every request.
    convoStore: false as const,
    logger,
    logLevel,
    clientOptions,
    extendedErrorHandler: true,
  };
  // HTTP mode: Bolt's receiver checks signatures and routes requests; our server hands it Slack's.
  let receiver: HTTPReceiver | null = null;
  let app: App;
  if (options.connection.mode === 'http') {
    receiver = new HTTPReceiver({ signingSecret: options.connection.signingSecret, logger, logLevel });
    app = new App({ ...common, receiver });
  } else {
    app = new App({
      ...common,
      appToken: options.connection.appToken,
      socketMode: true,
      // The socket client keeps its own client: opening the connection should retry for as
      // long as it takes, while listeners' calls keep the bounded policy above.
      installerOptions: { clientOptions: { ...clientOptions, retryConfig: undefined } },
    });
  }

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

  if (receiver) http.serveSlack(receiver.requestListener);
  else await connectSocketMode(app);
  if (options.scheduleQuizzes !== false) {
    deps.scheduler.start();
    deps.nudger.start();
    deps.digests.start();
  }
  return {
    app,
    port: http.port,
    identity,
    scheduler: deps.scheduler,
    nudger: deps.nudger,
    digests: deps.digests,
    async stop() {
      // No new requests, quiz runs, nudges or digests; what is under way finishes, within the grace period.
      await Promise.all([
        receiver ? undefined : app.stop(),
        http.close(),
        deps.scheduler.stop(),
        deps.nudger.stop(),
        deps.digests.stop(),
      ]);
      const settled = await inFlight.settled(options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS);
      await deps.digests.flushCounts();
      deps.quizMessages.stop();
      return settled;
    },
  };
}

/** Opens the Socket Mode connection; the app token was just accepted, but Slack may change its mind. */
async function connectSocketMode(app: App): Promise<void> {
  try {
    await app.start();
  } catch (error) {
    const failure = slackFailure(error);
    if (failure.kind === 'refused') throw new SlackSetupError(appTokenRefused(failure.code));
    throw error;
  }
}

/** The listeners' helpers that talk to Slack use the app's own Web API client (its token and policy). */
function slackDeps(app: App, services: SlackServices, metrics: Metrics): SlackDeps {
  const { logger, quizzes, tutor, store } = services;
  const reviews =
    services.reviews ??
    new ReviewService({
      store,
      questions: () => quizzes.questionsNow(),
      topics: () => reviewTopicsOf(tutor.knowledge),
    });
  const gapsRetentionDays = services.gapsRetentionDays ?? DEFAULT_GAPS_RETENTION_DAYS;
  const gaps = services.gaps ?? new GapService(store, { retentionDays: gapsRetentionDays });
  return {
    ...services,
    reviews,
    gaps,
    gapsRetentionDays,
    uncountedTutor: services.tutor,
    digests: new DigestScheduler({ ...services, gaps, client: app.client }),
    tutor: new InstrumentedTutor(services.tutor, metrics),
    metrics,
    people: new PeopleDirectory(app.client, { admins: services.admins, logger }),
    quizMessages: new QuizMessageUpdater(app.client, quizzes, logger, services.quizCountIntervalMs),
    scheduler: new DailyQuizScheduler({ ...services, client: app.client }),
    nudger: new ReviewNudger({
      client: app.client,
      reviews,
      pacer: new ChannelPacer(services.nudgeIntervalMs ?? DEFAULT_NUDGE_INTERVAL_MS),
      logger,
      now: services.now,
    }),
  };
}
