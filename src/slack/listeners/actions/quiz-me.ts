import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { askerOfAction } from '../../quiz/asker.js';
import { orTrouble, practiceMessage } from '../../quiz/study-requests.js';

/**
 * "Quiz me on this" and "Another question": a private practice question for whoever clicked, on
 * the button's topic (any topic when it has none, or when the topic left the notes).
 */
export function quizMe(deps: SlackDeps) {
  return async function sendPracticeQuestion({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const asker = askerOfAction(body);
    const topic = deps.tutor.knowledge.topics.find((candidate) => candidate.id === action.value) ?? null;
    const message = await orTrouble(deps, 'a practice question', () =>
      practiceMessage(deps, asker, topic && { id: topic.id, title: topic.title }),
    );
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  };
}
