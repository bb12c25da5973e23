import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { DueDigest, GapService } from '../../gaps/gap-service.js';
import type { DigestSchedule } from '../../gaps/records.js';
import { renderDigest } from '../blocks/render-gaps.js';
import type { ChannelPacer } from '../channel-pacer.js';
import { slackErrorCode } from '../daily-quiz/scheduler.js';
import { EveryMinute } from '../every-minute.js';

export interface DigestSchedulerDeps {
  client: WebClient;
  gaps: GapService;
  pacer: ChannelPacer;
  logger: Logger;
  now: () => Date;
}

/** What posting a digest came to; `error` is Slack's error code. */
export type DigestPostResult = { ok: true } | { ok: false; error: string };

/**
 * Posts each workspace's weekly digest once, writes the question counts kept in memory, and forgets
 * kept questions past their retention once a day. Every replica runs one, once a minute and once at start: the store lets one process claim
 * each digest, so a restart or a second replica never posts it twice.
 */
export class DigestScheduler {
  readonly #deps: DigestSchedulerDeps;
  readonly #minutes = new EveryMinute(() => this.#pass());
  /** The UTC day this process last pruned; pruning again the same day would find nothing. */
  #prunedOn: string | null = null;

  constructor(deps: DigestSchedulerDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#minutes.start();
  }

  stop(): Promise<void> {
    return this.#minutes.stop();
  }

  /** Writes the question counts kept in memory (at stop, once the requests under way are done). */
  async flushCounts(): Promise<void> {
    await this.#deps.gaps.flushCounts().catch((error: unknown) => {
      this.#deps.logger.error(`could not write the question counts: ${(error as Error).message}`);
    });
  }

  /** One pass: prune once a day, then post the digests due. Never throws. */
  tick(): Promise<void> {
    return this.#minutes.tick();
  }

  async #pass(): Promise<void> {
    const { gaps, logger } = this.#deps;
    const now = this.#deps.now();
    try {
      // The counts first, so the digest counts every replica's questions up to now.
      await gaps.flushCounts();
      const today = now.toISOString().slice(0, 10);
      if (this.#prunedOn !== today) {
        const gone = await gaps.prune(now);
        this.#prunedOn = today;
        if (gone > 0) logger.info(`forgot ${gone} kept questions, votes and counts past their retention`);
      }
      for (const due of await gaps.dueDigests(now)) await this.#postDue(due, now);
    } catch (error) {
      logger.error(`the weekly digest run failed (it runs again in a minute): ${(error as Error).message}`);
    }
  }

  async #postDue(due: DueDigest, now: Date): Promise<void> {
    const { gaps, logger } = this.#deps;
    if (!(await gaps.claimDigest(due, now))) return;
    const posted = await this.post(due.schedule, now);
    if (posted.ok) {
      logger.info(`posted the weekly digest of ${due.schedule.teamId} in ${due.schedule.channelId}`);
      return;
    }
    await gaps.releaseDigest(due);
    logger.error(
      `could not post the weekly digest in ${due.schedule.channelId} (${posted.error}); trying again in a minute`,
    );
  }

  /** Posts the digest of the seven days up to `now` to the schedule's channel. */
  async post(schedule: DigestSchedule, now: Date): Promise<DigestPostResult> {
    const { client, gaps, pacer } = this.#deps;
    try {
      const message = renderDigest(await gaps.digest(schedule.teamId, now));
      await pacer.run(schedule.channelId, () =>
        client.chat.postMessage({ channel: schedule.channelId, ...message }),
      );
      return { ok: true };
    } catch (error) {
      return { ok: false, error: slackErrorCode(error) };
    }
  }
}
