import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ReportReason } from '../../../store/store.js';
import { QUIZ_REPORT_PATTERN } from '../../blocks/action-ids.js';
import { renderReportOutcome, renderReportReasons } from '../../blocks/render-quiz.js';
import type { SlackDeps } from '../../deps.js';
import { orTrouble } from '../../study-requests.js';

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
    const message = await orTrouble(deps, 'a question report', async () =>
      renderReportOutcome(
        await deps.quizzes.report({ quizId, userId: body.user.id, reason }, deps.now()),
        reason,
      ),
    );
    await respond({ response_type: 'ephemeral', replace_original: true, ...message });
  };
}
