import { parseScheduleCommand, ScheduleInputError } from '../../quiz/schedule.js';
import { renderNoQuestion } from '../blocks/render-quiz.js';
import type { SlackMessage } from '../blocks/render-reply.js';
import {
  renderAlreadyPosted,
  renderDailyNeedsChannel,
  renderNotAllowed,
  renderPostedNow,
  renderPostFailed,
  renderScheduleError,
  renderScheduleOff,
  renderScheduleSet,
  renderScheduleView,
} from '../blocks/render-schedule.js';
import type { SlackDeps } from '../deps.js';
import type { Asker } from '../people/asker.js';

/** `/aws quiz daily …`: the words after `daily`. */
export const DAILY_COMMAND = /^\s*quiz\s+daily\b(.*)$/is;

/**
 * `/aws quiz daily [HH:MM Zone | off | now]` in a channel: show, set or turn off its daily quiz, or
 * post today's at once. Anyone may look; only admins may change it.
 */
export async function dailyCommand(deps: SlackDeps, words: string, asker: Asker): Promise<SlackMessage> {
  if (asker.inDm) return renderDailyNeedsChannel();
  let command: ReturnType<typeof parseScheduleCommand>;
  try {
    command = parseScheduleCommand(words);
  } catch (error) {
    if (error instanceof ScheduleInputError) return renderScheduleError(error.message);
    throw error;
  }
  const { quizzes } = deps;
  const now = deps.now();
  if (command.kind === 'show')
    return renderScheduleView(await quizzes.scheduleOf(asker.teamId, asker.channelId, now), asker.channelId);
  if (!(await deps.people.mayManageQuizzes(asker.userId))) return renderNotAllowed();
  switch (command.kind) {
    case 'off':
      return renderScheduleOff(await quizzes.removeSchedule(asker.teamId, asker.channelId));
    case 'set': {
      const view = await quizzes.setSchedule(
        {
          teamId: asker.teamId,
          channelId: asker.channelId,
          time: command.time,
          zone: command.zone,
          setBy: asker.userId,
          setAt: now,
        },
        now,
      );
      return renderScheduleSet(view);
    }
    case 'now': {
      const outcome = await quizzes.postNow(asker, now);
      if (outcome.kind === 'no-questions') return renderNoQuestion(null);
      if (outcome.kind === 'already-posted') return renderAlreadyPosted(outcome.quiz);
      const posted = await deps.scheduler.post(outcome.quiz);
      return posted.ok ? renderPostedNow(posted.quiz) : renderPostFailed(posted.error);
    }
  }
}
