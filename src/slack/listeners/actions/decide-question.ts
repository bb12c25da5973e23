import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { QUESTION_DECISION_PATTERN } from '../../blocks/action-ids.js';
import { renderAdminOnly } from '../../blocks/render-admin.js';
import { renderQuestionReview } from '../../blocks/render-question-review.js';
import type { SlackDeps } from '../../deps.js';
import { askerOfAction } from '../../people/asker.js';
import { orTrouble } from '../../study-requests.js';

/** "Retire" or "Restore" in `/aws admin questions`: the decision kept, the list shown again. */
export function decideQuestion(deps: SlackDeps) {
  return async function takeDecision({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const asker = askerOfAction(body);
    if (!(await deps.people.mayManageQuizzes(asker.userId))) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderAdminOnly('retire or restore quiz questions'),
      });
      return;
    }
    const decision =
      QUESTION_DECISION_PATTERN.exec(action.action_id)?.[1] === 'retire' ? 'retired' : 'restored';
    const message = await orTrouble(deps, 'a decision on a question', async () => {
      await deps.quizzes.decide(asker.teamId, action.value ?? '', decision, asker.userId, deps.now());
      deps.logger.info(`question ${action.value} ${decision} by ${asker.userId}`);
      return renderQuestionReview(await deps.quizzes.questionReview(asker.teamId));
    });
    await respond({ response_type: 'ephemeral', replace_original: true, ...message });
  };
}
