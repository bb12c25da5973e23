import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { QuizAnswer } from '../../../quiz/records.js';
import { QUIZ_ANSWER_PATTERN } from '../../blocks/action-ids.js';
import {
  renderAnswerFeedback,
  renderQuizClosedNotice,
  renderStoreTrouble,
  renderUnknownQuizNotice,
} from '../../blocks/render-quiz.js';
import type { SlackMessage } from '../../blocks/render-reply.js';
import type { SlackDeps } from '../../deps.js';

/**
 * A click on a quiz option. The answer is recorded before anyone is told anything, so a person
 * told "right" has that answer kept; the feedback is private; a daily quiz's public count follows.
 * A practice question is replaced by its feedback; a daily one stays for everyone else. A wrong
 * answer's topic then goes into the person's review deck.
 */
export function answerQuiz(deps: SlackDeps) {
  return async function takeQuizAnswer({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const option = Number(QUIZ_ANSWER_PATTERN.exec(action.action_id)?.[1] ?? Number.NaN);
    const now = deps.now();
    let message: SlackMessage;
    let replace = false;
    let missed: QuizAnswer | null = null;
    try {
      const outcome = await deps.quizzes.answer(
        { quizId: action.value ?? '', userId: body.user.id, option },
        now,
        deps.people.knownZone(body.user.id),
      );
      deps.metrics.quizAnswered(outcome);
      switch (outcome.kind) {
        case 'unknown':
          message = renderUnknownQuizNotice();
          break;
        case 'closed':
          message = renderQuizClosedNotice(outcome.quiz);
          break;
        default:
          message = renderAnswerFeedback(outcome);
          replace = outcome.quiz.mode === 'practice';
          if (outcome.kind === 'recorded') {
            deps.quizMessages.answered(outcome.quiz);
            if (!outcome.answer.correct) missed = outcome.answer;
          }
      }
    } catch (error) {
      deps.metrics.quizAnswered('error');
      deps.logger.error(`could not record a quiz answer from ${body.user.id}: ${(error as Error).message}`);
      message = renderStoreTrouble();
    }
    await respond(
      replace
        ? { replace_original: true, ...message }
        : { response_type: 'ephemeral', replace_original: false, ...message },
    );
    // After the feedback, which never waits for it: a missed topic goes into the person's review deck.
    if (missed) {
      await deps.reviews.noteAnswer(missed).catch((error: unknown) => {
        deps.logger.warn(
          `could not put a missed topic in ${body.user.id}'s review deck: ${(error as Error).message}`,
        );
      });
    }
  };
}
