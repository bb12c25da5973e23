import type { App, BlockButtonAction } from '@slack/bolt';
import { ASK_TOPIC_PATTERN, SHARE_ANSWER } from '../../blocks/action-ids.js';
import type { SlackDeps } from '../../deps.js';
import { askTopic } from './ask-topic.js';
import { shareAnswer } from './share-answer.js';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(SHARE_ANSWER, shareAnswer(deps));
  app.action<BlockButtonAction>(ASK_TOPIC_PATTERN, askTopic(deps));
}
