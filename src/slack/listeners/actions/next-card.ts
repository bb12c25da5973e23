import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { askerOfAction } from '../../people/asker.js';
import { reviewMessage } from '../../review/review-request.js';

/**
 * "Next card" after a review, "Review now" in the daily nudge and in App Home: the next due card.
 * App Home has no conversation to answer in, so from there the card comes as a direct message.
 */
export function nextCard(deps: SlackDeps) {
  return async function sendNextCard({
    ack,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const asker = askerOfAction(body);
    const message = await reviewMessage(deps, { kind: 'next' }, asker);
    if (body.container?.type === 'view' || !body.response_url) {
      await client.chat.postMessage({ channel: asker.userId, ...message });
      return;
    }
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  };
}
