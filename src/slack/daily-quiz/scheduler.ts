import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { DueQuiz, QuizService } from '../../quiz/quiz-service.js';
import type { QuizReveal } from '../../quiz/records.js';
import type { ChannelSchedule, PostedQuiz, Store } from '../../store/store.js';
import { renderPostErrorNotice } from '../blocks/render-post-notice.js';
import { renderClosedDailyQuiz, renderDailyQuiz, renderQuizReveal } from '../blocks/render-quiz.js';
import type { ChannelPacer } from '../channel-pacer.js';
import { EveryMinute } from '../every-minute.js';
import { postErrorAdvice } from './post-errors.js';

/** Delivery claims (retried events) are kept this long; Slack stops retrying within an hour. */
const DELIVERY_MEMORY_MS = 24 * 3_600_000;

export interface DailyQuizSchedulerDeps {
  client: WebClient;
  quizzes: QuizService;
  store: Store;
  pacer: ChannelPacer;
  logger: Logger;
  now: () => Date;
}

/** What posting a quiz came to; `error` is Slack's error code (and `neededScope` its `needed`, if any). */
export type PostResult =
  | { ok: true; quiz: PostedQuiz }
  | { ok: false; error: string; neededScope: string | null };

/**
 * Posts each channel's daily quiz and closes it. It runs once at start (so a bot that was down at
 * the quiz time posts that day's quiz when it comes back) and then every minute. Every replica
 * runs one: the store lets one open each day's quiz and one close it, so each happens once.
 */
export class DailyQuizScheduler {
  readonly #deps: DailyQuizSchedulerDeps;
  readonly #minutes = new EveryMinute(() => this.#pass());
  /** Channel and day whose post failed for a reason a person must fix: not tried again that day here. */
  readonly #gaveUp = new Set<string>();

  constructor(deps: DailyQuizSchedulerDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#minutes.start();
  }

  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void> {
    return this.#minutes.stop();
  }

  /** One pass: reveal the quizzes whose time is up, then post the ones due. Never throws. */
  tick(): Promise<void> {
    return this.#minutes.tick();
  }

  async #pass(): Promise<void> {
    const { quizzes, logger } = this.#deps;
    const now = this.#deps.now();
    try {
      for (const reveal of await quizzes.closeDue(now)) await this.#reveal(reveal);
      for (const due of await quizzes.dueDailyQuizzes(now)) await this.#open(due, now);
      await this.#deps.store.pruneDeliveries(new Date(now.getTime() - DELIVERY_MEMORY_MS));
    } catch (error) {
      logger.error(`the daily quiz run failed (it runs again in a minute): ${(error as Error).message}`);
    }
  }

  async #open({ schedule, quizDate }: DueQuiz, now: Date): Promise<void> {
    const key = `${schedule.teamId}:${schedule.channelId}:${quizDate}`;
    if (this.#gaveUp.has(key)) return;
    const quiz = await this.#deps.quizzes.openDailyQuiz(schedule, quizDate, now, schedule);
    if (!quiz) return;
    const posted = await this.post(quiz);
    if (posted.ok) {
      this.#deps.logger.info(`posted the daily quiz ${quiz.id}`);
      return;
    }
    const advice = postErrorAdvice(posted.error, posted.neededScope);
    if (advice === null) {
      this.#deps.logger.error(
        `could not post the daily quiz in ${schedule.channelId} (${posted.error}); trying again in a minute`,
      );
      return;
    }
    this.#gaveUp.add(key);
    this.#deps.logger.error(
      `could not post the daily quiz in ${schedule.channelId} (${posted.error}): ${advice}`,
    );
    await this.#tellWhoSetIt(schedule, quizDate, posted.error, advice, now);
  }

  /**
   * One direct message to whoever set the schedule, at most once a day per channel: the store
   * decides, so a restart or another replica seeing the same failure stays quiet.
   */
  async #tellWhoSetIt(
    schedule: ChannelSchedule,
    quizDate: string,
    error: string,
    advice: string,
    now: Date,
  ): Promise<void> {
    const { client, store, logger } = this.#deps;
    const { teamId, channelId, setBy } = schedule;
    try {
      if (!(await store.recordPostError(teamId, channelId, quizDate, error, now))) return;
      await client.chat.postMessage({
        channel: setBy,
        ...renderPostErrorNotice({ channelId, quizDate, error, advice }),
      });
      logger.info(`told ${setBy}, who set the daily quiz in ${channelId}, that it could not be posted`);
    } catch (failure) {
      logger.warn(
        `could not tell ${setBy} that the daily quiz in ${channelId} could not be posted: ${slackErrorCode(failure)}`,
      );
    }
  }

  /**
   * Posts an opened daily quiz and records its message. When Slack refuses, the quiz is taken
   * back so that it can be opened and posted again.
   */
  async post(quiz: PostedQuiz): Promise<PostResult> {
    const { client, pacer, quizzes } = this.#deps;
    let posted: PostedQuiz;
    try {
      const result = await pacer.run(quiz.channelId, () =>
        client.chat.postMessage({ channel: quiz.channelId, ...renderDailyQuiz(quiz, 0) }),
      );
      const ts = result.ts as string;
      await quizzes.markPosted(quiz.id, ts);
      posted = { ...quiz, messageTs: ts };
    } catch (error) {
      await quizzes.withdraw(quiz.id).catch(() => false);
      return { ok: false, error: slackErrorCode(error), neededScope: neededScope(error) };
    }
    // Whatever kept the channel's quizzes from going out is fixed now.
    await this.#deps.store.clearPostError(quiz.teamId, quiz.channelId).catch((error: unknown) => {
      this.#deps.logger.warn(
        `could not clear the post error of ${quiz.channelId}: ${(error as Error).message}`,
      );
    });
    return { ok: true, quiz: posted };
  }

  async #reveal({ quiz, tally }: QuizReveal): Promise<void> {
    const { client, pacer, logger } = this.#deps;
    if (!quiz.messageTs) return;
    const ts = quiz.messageTs;
    try {
      await client.chat.update({ channel: quiz.channelId, ts, ...renderClosedDailyQuiz(quiz, tally) });
      await pacer.run(quiz.channelId, () =>
        client.chat.postMessage({
          channel: quiz.channelId,
          thread_ts: ts,
          ...renderQuizReveal({ quiz, tally }),
        }),
      );
    } catch (error) {
      logger.error(`could not reveal the answer of quiz ${quiz.id}: ${slackErrorCode(error)}`);
    }
  }
}

/** The scope Slack said a call needed (`missing_scope`), if it said one. */
function neededScope(error: unknown): string | null {
  const needed = (error as { data?: { needed?: unknown } })?.data?.needed;
  return typeof needed === 'string' && needed !== '' ? needed : null;
}

/** Slack's error code (`not_in_channel`) when the Web API said one, else the error's message. */
export function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } })?.data;
  if (typeof data?.error === 'string') return data.error;
  return error instanceof Error ? error.message : String(error);
}
