import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderReply } from '../../blocks/render-reply.js';
import type { SlackDeps } from '../../deps.js';

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
    const post = () =>
      respond({
        response_type: 'in_channel',
        delete_original: true,
        ...renderReply(reply, { shareable: false, sharedBy: body.user.id }),
      });
    await (body.channel?.id ? deps.pacer.run(body.channel.id, post) : post());
  };
}
