import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ReviewService } from '../../review/review-service.js';
import { renderNudge } from '../blocks/render-review.js';
import type { ChannelPacer } from '../channel-pacer.js';
import { slackErrorCode } from '../daily-quiz/scheduler.js';
import { EveryMinute } from '../every-minute.js';

export interface ReviewNudgerDeps {
  client: WebClient;
  reviews: ReviewService;
  /** Paces the nudges per workspace (keyed `nudges:<team>`), so thousands go out within Slack's limits. */
  pacer: ChannelPacer;
  logger: Logger;
  now: () => Date;
}

/**
 * Sends the daily review nudges: once at start and then every minute, each person whose nudge time
 * has come today (in their zone) with cards due gets one direct message. The store claims each
 * person's day before the message goes (so restarts and replicas send it once, and a crash between
 * the claim and the send loses it rather than sending it twice); the pacer spaces the messages, and
 * the Web API client waits out a 429's Retry-After.
 */
export class ReviewNudger {
  readonly #deps: ReviewNudgerDeps;
  readonly #minutes = new EveryMinute(() => this.#pass());

  constructor(deps: ReviewNudgerDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#minutes.start();
  }

  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void> {
    return this.#minutes.stop();
  }

  /** One pass over the nudges due now. Never throws. */
  tick(): Promise<void> {
    return this.#minutes.tick();
  }

  async #pass(): Promise<void> {
    const { client, reviews, pacer, logger } = this.#deps;
    try {
      for await (const nudge of reviews.dueNudges(this.#deps.now())) {
        try {
          await pacer.run(`nudges:${nudge.teamId}`, () =>
            client.chat.postMessage({ channel: nudge.userId, ...renderNudge(nudge) }),
          );
        } catch (error) {
          logger.warn(`could not send ${nudge.userId} their review nudge: ${slackErrorCode(error)}`);
        }
      }
    } catch (error) {
      logger.error(`the review nudge run failed (it runs again in a minute): ${(error as Error).message}`);
    }
  }
}
