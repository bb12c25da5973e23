import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { askerOfAction } from '../../people/asker.js';
import { replyMessage } from '../../study-requests.js';

/** A "did you mean" or related-topic button: that topic's answer replaces the message in place. */
export function askTopic(deps: SlackDeps) {
  return async function answerTopic({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const reply = deps.tutor.explainTopic(action.value ?? '');
    const asker = askerOfAction(body);
    // A private answer can be shared again; one already in the channel is public.
    const shareable = body.container?.is_ephemeral === true;
    await respond({
      replace_original: true,
      ...(await replyMessage(deps, reply, asker, { shareable, votes: true })),
    });
  };
}
