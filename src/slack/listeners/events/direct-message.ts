import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { noteReply } from '../../gaps/note-reply.js';
import { withoutBotMention } from '../../question-text.js';
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
    const reply = deps.tutor.answer(withoutBotMention(message.text ?? '', context.botUserId));
    const asker = {
      teamId: context.teamId ?? body.team_id,
      channelId: message.channel,
      userId: message.user,
      inDm: true,
    };
    const answer = await replyMessage(deps, reply, asker, { shareable: false, votes: true });
    await noteReply(deps, reply, { teamId: asker.teamId, channelKind: 'dm' }, () =>
      deps.pacer.run(message.channel, () =>
        client.chat.postMessage({
          channel: message.channel,
          ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
          ...answer,
        }),
      ),
    );
  };
}
