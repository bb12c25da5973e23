import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeAnswerRef } from '../../../gaps/answer-ref.js';
import type { ChannelKind } from '../../../gaps/records.js';
import { ANSWER_VOTE_PATTERN } from '../../blocks/action-ids.js';
import { renderVoteModal, renderVoteNotCounted, renderVoteThanks } from '../../blocks/render-gaps.js';
import { renderStoreTrouble } from '../../blocks/render-quiz.js';
import type { SlackMessage } from '../../blocks/render-reply.js';
import type { SlackDeps } from '../../deps.js';
import { askerOfAction } from '../../people/asker.js';

/** Where the answer voted on was given: privately to `/aws`, in a direct message, or in a channel. */
function channelKindOf(body: BlockButtonAction): ChannelKind {
  if (body.container?.is_ephemeral === true) return 'command';
  return body.channel?.id?.startsWith('D') ? 'dm' : 'channel';
}

/**
 * 👍 or 👎 under an answer: kept (one per person and answer, changeable) before the person is told,
 * privately. A first or changed 👎 opens "what were you looking for?", which they may skip.
 */
export function voteAnswer(deps: SlackDeps) {
  return async function takeVote({
    ack,
    action,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const vote = ANSWER_VOTE_PATTERN.exec(action.action_id)?.[1] === 'up' ? 'up' : 'down';
    const answer = decodeAnswerRef(action.value);
    const asker = askerOfAction(body);
    let message: SlackMessage;
    if (!answer) message = renderVoteNotCounted();
    else {
      try {
        const outcome = await deps.gaps.vote(answer, asker, vote, channelKindOf(body), deps.now());
        message = renderVoteThanks(vote, outcome);
        if (vote === 'down' && outcome !== 'unchanged') {
          const metadata = JSON.stringify({ teamId: asker.teamId, answerId: answer.answerId });
          await client.views
            .open({ trigger_id: body.trigger_id, view: renderVoteModal(metadata) })
            .catch((error: unknown) => {
              deps.logger.warn(
                `could not ask ${asker.userId} what they were looking for: ${(error as Error).message}`,
              );
            });
        }
      } catch (error) {
        deps.logger.error(`could not keep a vote from ${asker.userId}: ${(error as Error).message}`);
        message = renderStoreTrouble();
      }
    }
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  };
}
