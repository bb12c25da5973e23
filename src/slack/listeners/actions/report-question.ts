import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ChannelKind, ReportReason } from '../../../store/store.js';
import { QUIZ_REPORT_PATTERN } from '../../blocks/action-ids.js';
import { renderReportOutcome, renderReportReasons } from '../../blocks/render-quiz.js';
import type { SlackDeps } from '../../deps.js';
import { orTrouble } from '../../study-requests.js';

/** A daily quiz is asked in a channel; a practice question privately, as `/aws quiz` answers are. */
function channelKindOfQuiz(quiz: { mode: string; channelId: string }): ChannelKind {
  if (quiz.mode === 'daily') return 'channel';
  return quiz.channelId.startsWith('D') ? 'dm' : 'command';
}

/**
 * "Report this question" under the feedback on an answer: first the reasons to choose from, then
 * the chosen one kept (once per person and question), privately either way.
 */
export function reportQuestion(deps: SlackDeps) {
  return async function takeReport({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const quizId = action.value ?? '';
    const reason = QUIZ_REPORT_PATTERN.exec(action.action_id)?.[1] as ReportReason | undefined;
    if (!reason) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderReportReasons(quizId) });
      return;
    }
    const message = await orTrouble(deps, 'a question report', async () => {
      const now = deps.now();
      const outcome = await deps.quizzes.report({ quizId, userId: body.user.id, reason }, now);
      // Kept for the notes' owners too (without who reported it), before the person is told.
      if (outcome.kind === 'recorded')
        await deps.gaps
          .keepReport(outcome.quiz, channelKindOfQuiz(outcome.quiz), now)
          .catch((error: unknown) => {
            deps.logger.error(`could not keep a reported question for the gaps: ${(error as Error).message}`);
          });
      return renderReportOutcome(outcome, reason);
    });
    await respond({ response_type: 'ephemeral', replace_original: true, ...message });
  };
}
