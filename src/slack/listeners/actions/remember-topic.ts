import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderRemembered } from '../../blocks/render-review.js';
import type { SlackDeps } from '../../deps.js';
import { askerOfAction } from '../../people/asker.js';
import { orTrouble } from '../../study-requests.js';

/** "Remember this" under an answer: the topic into the clicker's review deck, said privately. */
export function rememberTopic(deps: SlackDeps) {
  return async function putInDeck({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const asker = askerOfAction(body);
    const message = await orTrouble(deps, 'remember this', async () =>
      renderRemembered(await deps.reviews.remember(asker, action.value ?? '', deps.now())),
    );
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  };
}
