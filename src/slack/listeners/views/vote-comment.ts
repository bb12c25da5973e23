import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { VOTE_COMMENT_INPUT } from '../../blocks/action-ids.js';
import type { SlackDeps } from '../../deps.js';

/** The answer a "what were you looking for?" modal is about, from its private metadata. */
function answerOf(metadata: string): { teamId: string; answerId: string } | null {
  try {
    const parsed = JSON.parse(metadata) as { teamId?: unknown; answerId?: unknown };
    return typeof parsed.teamId === 'string' && typeof parsed.answerId === 'string'
      ? { teamId: parsed.teamId, answerId: parsed.answerId }
      : null;
  } catch {
    return null;
  }
}

/**
 * "What were you looking for?" sent: kept with the person's 👎 (masked and cut like a question)
 * before the modal closes; a store that fails keeps the modal open with a line saying so.
 */
export function voteComment(deps: SlackDeps) {
  return async function takeComment({
    ack,
    body,
    view,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> {
    const text = view.state.values[VOTE_COMMENT_INPUT]?.[VOTE_COMMENT_INPUT]?.value ?? '';
    const answer = answerOf(view.private_metadata);
    if (!answer || text.trim() === '') {
      await ack();
      return;
    }
    try {
      await deps.gaps.comment({ teamId: answer.teamId, userId: body.user.id }, answer.answerId, text);
    } catch (error) {
      deps.logger.error(`could not keep what ${body.user.id} was looking for: ${(error as Error).message}`);
      await ack({
        response_action: 'errors',
        errors: {
          [VOTE_COMMENT_INPUT]: 'Sorry, that could not be kept just now: try Send again in a moment.',
        },
      });
      return;
    }
    await ack();
  };
}
