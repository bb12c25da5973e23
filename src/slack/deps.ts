import type { Context, Logger } from '@slack/bolt';
import type { GapService } from '../gaps/gap-service.js';
import type { ReloadOutcome } from '../live-tutor.js';
import type { Metrics } from '../observability/metrics.js';
import type { QuizService } from '../quiz/quiz-service.js';
import type { ReviewService } from '../review/review-service.js';
import type { Store } from '../store/store.js';
import type { Tutor } from '../tutor/tutor.js';
import type { ChannelPacer } from './channel-pacer.js';
import type { QuizMessageUpdater } from './daily-quiz/message-updater.js';
import type { DailyQuizScheduler } from './daily-quiz/scheduler.js';
import type { DigestScheduler } from './gaps/digest-scheduler.js';
import { requestLogger } from './logger.js';
import type { PeopleDirectory } from './people/directory.js';
import type { ReviewNudger } from './review/nudger.js';

/** What the composition root gives the Slack face; built once. */
export interface SlackServices {
  tutor: Tutor;
  store: Store;
  quizzes: QuizService;
  /** Each person's review deck; default: one over `store`, the quiz's questions and the tutor's topics. */
  reviews?: ReviewService;
  pacer: ChannelPacer;
  logger: Logger;
  /** The clock, passed in so listeners stay testable and the core never reads it. */
  now: () => Date;
  /** Slack user ids who may manage the daily quiz besides workspace admins and owners (TUTOR_ADMINS). */
  admins: readonly string[];
  /** Reads the notes folder again (`/aws admin reload`); the previous notes stay when it fails. */
  reloadNotes: () => ReloadOutcome;
  /** How often a daily quiz's "N have answered" line is refreshed at most (default 3 s). */
  quizCountIntervalMs?: number;
  /** The least time between two daily review nudges sent in one workspace (default 200 ms). */
  nudgeIntervalMs?: number;
  /** Served on /metrics; default: a registry of the app's own (without process metrics). */
  metrics?: Metrics;
  /** How many days unanswered questions and votes are kept (GAPS_RETENTION_DAYS; default 180). */
  gapsRetentionDays?: number;
  /** Unanswered questions, votes and the digest; default: one over `store` keeping them `gapsRetentionDays`. */
  gaps?: GapService;
}

/** What listeners use: the services and the Slack-side helpers built on the app's Web API client. */
export interface SlackDeps extends SlackServices {
  reviews: ReviewService;
  metrics: Metrics;
  people: PeopleDirectory;
  quizMessages: QuizMessageUpdater;
  scheduler: DailyQuizScheduler;
  nudger: ReviewNudger;
  /** Unanswered questions, votes and the weekly digest. */
  gaps: GapService;
  /** The tutor underneath `tutor`: the app's own questions (kept ones re-asked) are not answers shown. */
  uncountedTutor: Tutor;
  digests: DigestScheduler;
  gapsRetentionDays: number;
}

/** The deps for handling one request: the same, with its logger putting the request's id on each line. */
export function depsForRequest(deps: SlackDeps, context: Context): SlackDeps {
  return { ...deps, logger: requestLogger(deps.logger, context) };
}
