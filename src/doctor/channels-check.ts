import { postErrorAdvice } from '../slack/daily-quiz/post-errors.js';
import type { Store } from '../store/store.js';
import { type CheckResult, count, fail, pass, skip } from './check.js';

/**
 * The channels whose daily quiz Slack refused to post the last time it was tried, and nothing has
 * been posted there since (the scheduler records each refusal in the store).
 */
export async function checkChannels(store: Store | null): Promise<CheckResult> {
  if (!store) return skip('channels', 'not checked: the store did not pass');
  const [schedules, errors] = await Promise.all([store.listSchedules(), store.listPostErrors()]);
  if (errors.length === 0) {
    return pass(
      'channels',
      schedules.length === 0
        ? 'no channel has a daily quiz yet'
        : `${count(schedules.length, 'channel')} with a daily quiz; Slack refused none of their last posts`,
    );
  }
  const found = errors.map(
    (error) => `${error.channelId} (${error.error} on ${error.quizDate}; schedule set by ${error.setBy})`,
  );
  const fixes = errors.map(
    (error) => `${error.channelId}: ${postErrorAdvice(error.error) ?? 'try /aws quiz daily now there'}`,
  );
  return fail(
    'channels',
    `${errors.length} of ${count(schedules.length, 'channel')} with a daily quiz cannot get it: ${found.join(', ')}`,
    `${fixes.join('; ')}`,
  );
}
