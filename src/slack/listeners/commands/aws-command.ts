import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderReply } from '../../blocks/render-reply.js';
import type { SlackDeps } from '../../deps.js';

/**
 * `/aws <question>`: answered privately (ephemeral) with a button to share it. Answering takes
 * well under a millisecond, so the answer rides on the acknowledgement itself: one round trip.
 */
export function awsCommand(deps: SlackDeps) {
  return async function answerSlashCommand({
    command,
    ack,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    const reply = deps.tutor.answer(command.text ?? '');
    await ack({ response_type: 'ephemeral', ...renderReply(reply, { shareable: true }) });
  };
}
