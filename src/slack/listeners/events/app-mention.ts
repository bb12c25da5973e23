import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { parseReviewCommand } from '../../../review/review-command.js';
import { renderReply } from '../../blocks/render-reply.js';
import type { SlackDeps } from '../../deps.js';
import { noteReply } from '../../gaps/note-reply.js';
import { withoutBotMention } from '../../question-text.js';
import { reviewMessage } from '../../review/review-request.js';
import { isStudyRequest, studyMessage } from '../../study-requests.js';

/**
 * `@AWS Tutor what is ecr` in a channel: answered in a thread under the mention. Practice
 * questions, scores and rankings are for the asker alone (ephemeral): a ranking posted in the
 * channel would notify everyone it names.
 */
export function appMention(deps: SlackDeps) {
  return async function answerMention({
    event,
    body,
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> {
    const text = withoutBotMention(event.text ?? '', context.botUserId);
    const thread_ts = event.thread_ts ?? event.ts;
    const userId = event.user ?? '';
    const asker = { teamId: context.teamId ?? body.team_id, channelId: event.channel, userId, inDm: false };
    const review = parseReviewCommand(text);
    if (review) {
      const message = await reviewMessage(deps, review, asker);
      await client.chat.postEphemeral({ channel: event.channel, user: userId, thread_ts, ...message });
      return;
    }
    const reply = deps.tutor.answer(text);
    if (isStudyRequest(reply)) {
      const message = await studyMessage(deps, reply, asker);
      await client.chat.postEphemeral({ channel: event.channel, user: userId, thread_ts, ...message });
      return;
    }
    const message = renderReply(reply, { shareable: false, votes: true });
    await noteReply(deps, reply, { teamId: asker.teamId, channelKind: 'channel' }, () =>
      deps.pacer.run(event.channel, () =>
        client.chat.postMessage({ channel: event.channel, thread_ts, ...message }),
      ),
    );
  };
}
