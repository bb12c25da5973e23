import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { parseReviewCommand } from '../../../review/review-command.js';
import type { SlackDeps } from '../../deps.js';
import { withoutBotMention } from '../../question-text.js';
import { reviewMessage } from '../../review/review-request.js';
import { replyMessage } from '../../study-requests.js';

/** A direct message to the app: answered in the conversation, in its thread if it has one. */
export function directMessage(deps: SlackDeps) {
  return async function answerDirectMessage({
    message,
    body,
    client,
    context,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> {
    // Edits, joins and the app's own messages are not questions.
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    const text = withoutBotMention(message.text ?? '', context.botUserId);
    const asker = {
      teamId: context.teamId ?? body.team_id,
      channelId: message.channel,
      userId: message.user,
      inDm: true,
    };
    const review = parseReviewCommand(text);
    const answer = review
      ? await reviewMessage(deps, review, asker)
      : await replyMessage(deps, deps.tutor.answer(text), asker, { shareable: false });
    await deps.pacer.run(message.channel, () =>
      client.chat.postMessage({
        channel: message.channel,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        ...answer,
      }),
    );
  };
}
