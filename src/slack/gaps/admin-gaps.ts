import { DigestInputError, nextDigestTime, parseDigestCommand } from '../../gaps/digest-schedule.js';
import { parsePeriod } from '../../quiz/period.js';
import { renderAdminOnly } from '../blocks/render-admin.js';
import {
  renderDigestOff,
  renderDigestPosted,
  renderDigestSchedule,
  renderGaps,
  renderInputProblem,
  withResolution,
} from '../blocks/render-gaps.js';
import type { SlackMessage } from '../blocks/render-reply.js';
import type { SlackDeps } from '../deps.js';
import { orTrouble } from '../study-requests.js';

/** `/aws admin gaps [week|month|all]` and `/aws admin digest …`: the words after `admin`. */
export const GAPS_COMMAND = /^\s*gaps\b(.*)$/is;
export const DIGEST_COMMAND = /^\s*digest\b(.*)$/is;

/** Who typed an admin command, and in which channel (its id, and its name as Slack sent it). */
export interface AdminAsker {
  teamId: string;
  userId: string;
  channelId: string;
  channelName: string;
}

/** `/aws admin gaps [week|month|all]` (default: the last 30 days), for admins. */
export async function gapsCommand(deps: SlackDeps, words: string, asker: AdminAsker): Promise<SlackMessage> {
  if (!(await deps.people.mayManageQuizzes(asker.userId)))
    return renderAdminOnly('see the gaps in the notes');
  const word = words.trim();
  const period = word === '' ? 'month' : parsePeriod(word);
  if (!period)
    return renderInputProblem(
      `${word.slice(0, 40)} is not a period: use /aws admin gaps week, month or all.`,
    );
  return orTrouble(deps, 'the gaps view', async () =>
    renderGaps(
      await deps.gaps.gaps(asker.teamId, period, deps.now(), deps.quizzes.questionsNow()),
      period,
      deps.gapsRetentionDays,
    ),
  );
}

/** `/aws admin digest [#channel Mon 09:00 Europe/Berlin | off | now]`: show, set, stop or post the weekly digest. */
export async function digestCommand(
  deps: SlackDeps,
  words: string,
  asker: AdminAsker,
): Promise<SlackMessage> {
  if (!(await deps.people.mayManageQuizzes(asker.userId))) return renderAdminOnly('set the weekly digest');
  let command: ReturnType<typeof parseDigestCommand>;
  try {
    command = parseDigestCommand(words, asker);
  } catch (error) {
    if (error instanceof DigestInputError) return renderInputProblem(error.message);
    throw error;
  }
  const now = deps.now();
  const { gaps } = deps;
  return orTrouble(deps, '/aws admin digest', async () => {
    switch (command.kind) {
      case 'show': {
        const schedule = await gaps.digestScheduleOf(asker.teamId);
        return renderDigestSchedule(schedule, schedule && nextDigestTime(schedule, now));
      }
      case 'off':
        return renderDigestOff(await gaps.removeDigest(asker.teamId));
      case 'set': {
        const schedule = {
          teamId: asker.teamId,
          channelId: command.channelId,
          weekday: command.weekday,
          time: command.time,
          zone: command.zone,
          setBy: asker.userId,
          setAt: now,
        };
        await gaps.setDigest(schedule);
        deps.logger.info(`weekly digest set by ${asker.userId} to ${schedule.channelId}`);
        return renderDigestSchedule(schedule, nextDigestTime(schedule, now), true);
      }
      case 'now': {
        const schedule = await gaps.digestScheduleOf(asker.teamId);
        if (!schedule) return renderDigestSchedule(null, null);
        const posted = await deps.digests.post(schedule, now);
        return posted.ok
          ? renderDigestPosted(schedule.channelId)
          : renderInputProblem(`Slack would not take the digest: ${posted.error}.`);
      }
    }
  });
}

/**
 * After a reload that took: re-asks last month's unanswered questions against the new notes, and
 * adds to the reload's reply how many of the workspace's they answer. A store that fails leaves the reply as it was.
 */
export async function withReloadResolution(
  deps: SlackDeps,
  teamId: string,
  message: SlackMessage,
): Promise<SlackMessage> {
  try {
    const resolution = await deps.gaps.resolveAfterReload(
      (question) => deps.uncountedTutor.answer(question),
      teamId,
      deps.now(),
    );
    if (resolution.resolvedIds.length > 0)
      deps.logger.info(`the new notes answer ${resolution.answered} of ${resolution.asked} kept questions`);
    return withResolution(message, resolution);
  } catch (error) {
    deps.logger.error(`could not re-ask the kept questions after the reload: ${(error as Error).message}`);
    return message;
  }
}
