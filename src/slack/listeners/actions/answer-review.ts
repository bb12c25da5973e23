import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseReviewButton, REVIEW_ANSWER_PATTERN } from '../../blocks/action-ids.js';
import { renderStoreTrouble } from '../../blocks/render-quiz.js';
import type { SlackMessage } from '../../blocks/render-reply.js';
import { renderReviewFeedback, renderReviewGone, renderUnknownCard } from '../../blocks/render-review.js';
import type { SlackDeps } from '../../deps.js';
import { askerOfAction } from '../../people/asker.js';

/**
 * A click on an option of a review card. The review is recorded before anyone is told anything;
 * the feedback replaces the card. A click never waits on Slack for the person's zone: the zone the
 * card was shown in rides on the button.
 */
export function answerReview(deps: SlackDeps) {
  return async function takeReviewAnswer({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const option = Number(REVIEW_ANSWER_PATTERN.exec(action.action_id)?.[1] ?? Number.NaN);
    const shown = parseReviewButton(action.value);
    const asker = askerOfAction(body);
    const now = deps.now();
    let message: SlackMessage;
    let replace = false;
    try {
      const outcome = shown
        ? await deps.reviews.answer(
            { ...shown, teamId: asker.teamId, userId: asker.userId, option },
            now,
            deps.people.knownZone(asker.userId) ?? shown.zone,
          )
        : ({ kind: 'unknown' } as const);
      switch (outcome.kind) {
        case 'unknown':
          message = renderUnknownCard();
          break;
        case 'gone':
          message = renderReviewGone(outcome);
          break;
        default:
          message = renderReviewFeedback(outcome, now);
          replace = true;
      }
    } catch (error) {
      deps.logger.error(`could not record a review answer from ${asker.userId}: ${(error as Error).message}`);
      message = renderStoreTrouble();
    }
    await respond(
      replace
        ? { replace_original: true, ...message }
        : { response_type: 'ephemeral', replace_original: false, ...message },
    );
  };
}
