import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderReply } from '../../blocks/render-reply.js';
import type { SlackDeps } from '../../deps.js';
import { withoutBotMention } from '../../question-text.js';

/** A direct message to the app: answered in the conversation, in its thread if it has one. */
export function directMessage(deps: SlackDeps) {
  return async function answerDirectMessage({
    message,
    client,
    context,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> {
    // Edits, joins and the app's own messages are not questions.
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    const reply = deps.tutor.answer(withoutBotMention(message.text ?? '', context.botUserId));
    await deps.pacer.run(message.channel, () =>
      client.chat.postMessage({
        channel: message.channel,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        ...renderReply(reply, { shareable: false }),
      }),
    );
  };
}
