import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { Cron } from 'croner';
import type { DueQuiz, QuizService } from '../../quiz/quiz-service.js';
import type { QuizReveal } from '../../quiz/records.js';
import type { PostedQuiz, Store } from '../../store/store.js';
import { renderClosedDailyQuiz, renderDailyQuiz, renderQuizReveal } from '../blocks/render-quiz.js';
import type { ChannelPacer } from '../channel-pacer.js';

/** Slack errors that retrying today will not fix: the bot was removed, the channel archived or gone. */
const LASTING_POST_ERRORS = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
]);

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

/** What posting a quiz came to; `error` is Slack's error code. */
export type PostResult = { ok: true; quiz: PostedQuiz } | { ok: false; error: string };

/**
 * Posts each channel's daily quiz and closes it. It runs once at start (so a bot that was down at
 * the quiz time posts that day's quiz when it comes back) and then every minute. Every replica
 * runs one: the store lets one open each day's quiz and one close it, so each happens once.
 */
export class DailyQuizScheduler {
  readonly #deps: DailyQuizSchedulerDeps;
  #job: Cron | null = null;
  #running: Promise<void> | null = null;
  /** Channel and day whose post failed for a lasting reason: not tried again that day by this replica. */
  readonly #gaveUp = new Set<string>();

  constructor(deps: DailyQuizSchedulerDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#job = new Cron('* * * * *', { protect: true }, () => this.tick());
    void this.tick();
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    this.#job?.stop();
    this.#job = null;
    await this.#running;
  }

  /** One pass: reveal the quizzes whose time is up, then post the ones due. Never throws. */
  tick(): Promise<void> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = null;
    });
    return this.#running;
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
    if (LASTING_POST_ERRORS.has(posted.error)) this.#gaveUp.add(key);
    this.#deps.logger.error(
      `could not post the daily quiz in ${schedule.channelId} (${posted.error})${LASTING_POST_ERRORS.has(posted.error) ? ': invite the app to the channel, or turn the quiz off there with /aws quiz daily off' : '; trying again in a minute'}`,
    );
  }

  /**
   * Posts an opened daily quiz and records its message. When Slack refuses, the quiz is taken
   * back so that it can be opened and posted again.
   */
  async post(quiz: PostedQuiz): Promise<PostResult> {
    const { client, pacer, quizzes } = this.#deps;
    try {
      const result = await pacer.run(quiz.channelId, () =>
        client.chat.postMessage({ channel: quiz.channelId, ...renderDailyQuiz(quiz, 0) }),
      );
      const ts = result.ts as string;
      await quizzes.markPosted(quiz.id, ts);
      return { ok: true, quiz: { ...quiz, messageTs: ts } };
    } catch (error) {
      await quizzes.withdraw(quiz.id).catch(() => false);
      return { ok: false, error: slackErrorCode(error) };
    }
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

/** Slack's error code (`not_in_channel`) when the Web API said one, else the error's message. */
export function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } })?.data;
  if (typeof data?.error === 'string') return data.error;
  return error instanceof Error ? error.message : String(error);
}
