import type { App, BlockButtonAction } from '@slack/bolt';
import {
  ASK_TOPIC_PATTERN,
  QUIZ_ANSWER_PATTERN,
  QUIZ_ME_PATTERN,
  SHARE_ANSWER,
} from '../../blocks/action-ids.js';
import type { SlackDeps } from '../../deps.js';
import { answerQuiz } from './answer-quiz.js';
import { askTopic } from './ask-topic.js';
import { quizMe } from './quiz-me.js';
import { shareAnswer } from './share-answer.js';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(SHARE_ANSWER, shareAnswer(deps));
  app.action<BlockButtonAction>(ASK_TOPIC_PATTERN, askTopic(deps));
  app.action<BlockButtonAction>(QUIZ_ANSWER_PATTERN, answerQuiz(deps));
  app.action<BlockButtonAction>(QUIZ_ME_PATTERN, quizMe(deps));
}
