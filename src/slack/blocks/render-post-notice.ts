import { fitFallbackText, fitMessage } from './limits.js';
import { escapeAndTruncate } from './mrkdwn.js';
import { context, mentionChannel, type SlackMessage, section } from './render-reply.js';

export interface PostErrorNotice {
  channelId: string;
  /** The quiz day that could not be posted (`YYYY-MM-DD`, the channel's zone). */
  quizDate: string;
  /** Slack's error code. */
  error: string;
  /** What it means and what to do (see post-errors.ts). */
  advice: string;
}

/**
 * The direct message to whoever set a channel's daily quiz when Slack refused to post it for a
 * reason they can fix: what happened, and what to do.
 */
export function renderPostErrorNotice(notice: PostErrorNotice): SlackMessage {
  const channel = mentionChannel(notice.channelId);
  const error = escapeAndTruncate(notice.error, 100).replace(/`/g, "'");
  const what = `The daily quiz for ${escapeAndTruncate(notice.quizDate, 20)} could not be posted in ${channel}: Slack said \`${error}\`.`;
  const fix = `${notice.advice.charAt(0).toUpperCase()}${notice.advice.slice(1)}.`;
  const why =
    'You get this because you set the daily quiz there; it is tried again at its next time, and you hear about that channel at most once a day.';
  return {
    text: fitFallbackText(`${what} ${fix}`),
    blocks: fitMessage([section(`${what}\n${fix}`), context(why)]),
  };
}
