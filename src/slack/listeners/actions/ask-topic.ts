import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderReply } from '../../blocks/render-reply.js';
import type { SlackDeps } from '../../deps.js';

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
    // A private answer can be shared again; one already in the channel is public.
    const shareable = body.container?.is_ephemeral === true;
    await respond({ replace_original: true, ...renderReply(reply, { shareable }) });
  };
}
