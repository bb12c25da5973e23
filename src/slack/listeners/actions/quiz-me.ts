import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { nearestTopics } from '../../../quiz/gone-topic.js';
import { renderTopicGone } from '../../blocks/render-quiz.js';
import type { SlackDeps } from '../../deps.js';
import { askerOfAction } from '../../people/asker.js';
import { orTrouble, practiceMessage } from '../../study-requests.js';

/**
 * "Quiz me on this" and "Another question": a private practice question for whoever clicked, on
 * the button's topic (any topic when it has none). A topic that left the notes gets no question on
 * another topic: the reply says it is gone and offers the nearest ones.
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
    const message =
      action.value && !topic
        ? renderTopicGone(action.value, nearestTopics(deps.tutor, action.value))
        : await orTrouble(deps, 'a practice question', () =>
            practiceMessage(deps, asker, topic && { id: topic.id, title: topic.title }),
          );
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  };
}
