import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { askerOfAction } from '../../people/asker.js';
import { replyMessage } from '../../study-requests.js';

/** "Share in channel" under a private answer: the same answer, posted visibly and attributed. */
export function shareAnswer(deps: SlackDeps) {
  return async function postSharedAnswer({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const reply = deps.tutor.answer(action.value ?? '');
    const message = await replyMessage(deps, reply, askerOfAction(body), {
      shareable: false,
      sharedBy: body.user.id,
      votes: true,
    });
    const post = () => respond({ response_type: 'in_channel', delete_original: true, ...message });
    await (body.channel?.id ? deps.pacer.run(body.channel.id, post) : post());
  };
}
