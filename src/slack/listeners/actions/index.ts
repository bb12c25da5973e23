import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AroundListener } from '../../../observability/request-context.js';
import {
  ANSWER_VOTE_PATTERN,
  ANY_QUIZ_ANSWER_PATTERN,
  ANY_REVIEW_ANSWER_PATTERN,
  ASK_TOPIC_PATTERN,
  QUESTION_DECISION_PATTERN,
  QUIZ_ME_PATTERN,
  QUIZ_REPORT_PATTERN,
  REVIEW_NEXT,
  REVIEW_REMEMBER,
  SHARE_ANSWER,
} from '../../blocks/action-ids.js';
import { depsForRequest, type SlackDeps } from '../../deps.js';
import { answerQuiz } from './answer-quiz.js';
import { answerReview } from './answer-review.js';
import { askTopic } from './ask-topic.js';
import { decideQuestion } from './decide-question.js';
import { nextCard } from './next-card.js';
import { quizMe } from './quiz-me.js';
import { rememberTopic } from './remember-topic.js';
import { reportQuestion } from './report-question.js';
import { shareAnswer } from './share-answer.js';
import { voteAnswer } from './vote-answer.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
type ButtonHandler = (args: ButtonArgs) => Promise<void>;

/** Every action id the app's buttons carry. */
const OUR_BUTTONS = new RegExp(
  [
    `^${SHARE_ANSWER}$`,
    ASK_TOPIC_PATTERN.source,
    ANY_QUIZ_ANSWER_PATTERN.source,
    QUIZ_ME_PATTERN.source,
    QUIZ_REPORT_PATTERN.source,
    QUESTION_DECISION_PATTERN.source,
    ANY_REVIEW_ANSWER_PATTERN.source,
    `^${REVIEW_NEXT}$`,
    `^${REVIEW_REMEMBER}$`,
    ANSWER_VOTE_PATTERN.source,
  ].join('|'),
);

/**
 * The buttons are routed by one listener: Bolt runs every registered listener's middleware for
 * every request (slash commands included), and each costs a few microseconds on the hot path.
 */
export function registerActions(app: App, deps: SlackDeps, around: AroundListener): void {
  const routes: [RegExp, (deps: SlackDeps) => ButtonHandler][] = [
    [new RegExp(`^${SHARE_ANSWER}$`), shareAnswer],
    [ASK_TOPIC_PATTERN, askTopic],
    [ANY_QUIZ_ANSWER_PATTERN, answerQuiz],
    [QUIZ_ME_PATTERN, quizMe],
    [QUIZ_REPORT_PATTERN, reportQuestion],
    [QUESTION_DECISION_PATTERN, decideQuestion],
    [ANY_REVIEW_ANSWER_PATTERN, answerReview],
    [new RegExp(`^${REVIEW_NEXT}$`), nextCard],
    [new RegExp(`^${REVIEW_REMEMBER}$`), rememberTopic],
    [ANSWER_VOTE_PATTERN, voteAnswer],
  ];
  app.action<BlockButtonAction>(
    OUR_BUTTONS,
    around(async function routeButton(args: ButtonArgs): Promise<void> {
      const route = routes.find(([pattern]) => pattern.test(args.action.action_id));
      // Each click's handler logs with the click's request id.
      await route?.[1](depsForRequest(deps, args.context))(args);
    }),
  );
}
