import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { parseReviewCommand } from '../../../review/review-command.js';
import type { SlackMessage } from '../../blocks/render-reply.js';
import type { SlackDeps } from '../../deps.js';
import { noteReply } from '../../gaps/note-reply.js';
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
    const post = (answer: SlackMessage) =>
      deps.pacer.run(message.channel, () =>
        client.chat.postMessage({
          channel: message.channel,
          ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
          ...answer,
        }),
      );
    const review = parseReviewCommand(text);
    if (review) {
      await post(await reviewMessage(deps, review, asker));
      return;
    }
    const reply = deps.tutor.answer(text);
    const answer = await replyMessage(deps, reply, asker, { shareable: false, votes: true });
    await noteReply(deps, reply, { teamId: asker.teamId, channelKind: 'dm' }, () => post(answer));
  };
}
