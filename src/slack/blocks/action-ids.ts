/**
 * Action ids of the buttons the Block Kit face puts under answers; the listeners match on them.
 */

/** "Share in channel": the button's value is the cleaned question, answered again visibly. */
export const SHARE_ANSWER = 'share_answer';

/**
 * A "did you mean" or related-topic button; its value is a topic id. Action ids must be unique
 * within a message, so each button carries an index: `ask_topic:0`, `ask_topic:1`…
 */
export const ASK_TOPIC = 'ask_topic';

/** Matches every ask-topic button's action id, with or without its index. */
export const ASK_TOPIC_PATTERN = /^ask_topic(:\d+)?$/;

/** The action id of the `index`th ask-topic button of a message. */
export function askTopicActionId(index: number): string {
  return `${ASK_TOPIC}:${index}`;
}

/**
 * An option button of a quiz: `quiz_answer:0` … `quiz_answer:3` (the option), its value the quiz id.
 * The option is in the action id so a button's value cannot claim another option.
 */
export const QUIZ_ANSWER = 'quiz_answer';

/** Matches every quiz option button's action id and captures the option. */
export const QUIZ_ANSWER_PATTERN = /^quiz_answer:([0-3])$/;

/**
 * What the quiz answer listener takes: every `quiz_answer…` action id, also one naming no option
 * 0..3 (`quiz_answer:7`), so such a click gets a reply saying it was not counted instead of none.
 */
export const ANY_QUIZ_ANSWER_PATTERN = /^quiz_answer(:.*)?$/;

/** The action id of the button for `option` (0..3). */
export function quizAnswerActionId(option: number): string {
  return `${QUIZ_ANSWER}:${option}`;
}

/**
 * "Quiz me on this" under an answer, and "Another question" after a practice answer: a private
 * practice question. The value is a topic id; a button without a value means any topic.
 * A message with one such button uses `quiz_me`; one with several numbers them (`quiz_me:0`,
 * `quiz_me:1`…, see `quizMeActionId`), and "Any topic" is `quiz_me:any` (no value).
 */
export const QUIZ_ME = 'quiz_me';

/** "Any topic" after a practice answer: a practice question on any topic; the button has no value. */
export const QUIZ_ME_ANY = `${QUIZ_ME}:any`;

/** Matches every quiz-me button's action id: `quiz_me`, `quiz_me:0`…, `quiz_me:any`. */
export const QUIZ_ME_PATTERN = /^quiz_me(:(\d+|any))?$/;

/** The action id of the `index`th quiz-me button of a message with several. */
export function quizMeActionId(index: number): string {
  return `${QUIZ_ME}:${index}`;
}

/**
 * "Report this question" under the feedback on an answer: its value is the quiz id. The reasons
 * offered next are `quiz_report:wrong-answer`, `quiz_report:unclear` and `quiz_report:too-easy`,
 * each with the quiz id as value.
 */
export const QUIZ_REPORT = 'quiz_report';

/** Matches the report button and the reason buttons, capturing the reason when there is one. */
export const QUIZ_REPORT_PATTERN = /^quiz_report(?::(wrong-answer|unclear|too-easy))?$/;

/** The action id of the button for one reason. */
export function quizReportActionId(reason: string): string {
  return `${QUIZ_REPORT}:${reason}`;
}

/**
 * An admin's "Retire" or "Restore" in `/aws admin questions`; the value is the question id, and
 * the index keeps action ids unique in the message (`question_retire:0`, `question_restore:3`).
 */
export const QUESTION_DECISION_PATTERN = /^question_(retire|restore):\d+$/;

export function questionDecisionActionId(decision: 'retire' | 'restore', index: number): string {
  return `question_${decision}:${index}`;
}

/**
 * An option button of a review card: `review_answer:0` … `review_answer:3`. Its value names the
 * showing it answers (see `reviewButtonValue`); the option is in the action id.
 */
export const REVIEW_ANSWER = 'review_answer';

/** Matches every review option button, also one naming no option 0..3 (answered "not counted"). */
export const ANY_REVIEW_ANSWER_PATTERN = /^review_answer(:.*)?$/;

/** Matches a review option button naming an option, capturing it. */
export const REVIEW_ANSWER_PATTERN = /^review_answer:([0-3])$/;

export function reviewAnswerActionId(option: number): string {
  return `${REVIEW_ANSWER}:${option}`;
}

/** "Next card" after a review, and "Review now" in App Home and the daily nudge: the next due card. */
export const REVIEW_NEXT = 'review_next';

/** "Remember this" under an answer: the value is a topic id, put in the clicker's review deck. */
export const REVIEW_REMEMBER = 'review_remember';

/** What a review option button says of the showing it answers. */
export interface ReviewButton {
  topicId: string;
  /** The card's `reps` when shown. */
  rep: number;
  questionId: string;
  shownAt: Date;
  /** The person's zone when shown, or null when Slack did not report it. */
  zone: string | null;
}

/** `topic|rep|question|shown-ms|zone`: ids hold no `|` (topic slugs, question ids, IANA zones). */
export function reviewButtonValue(button: ReviewButton): string {
  return [button.topicId, button.rep, button.questionId, button.shownAt.getTime(), button.zone ?? ''].join(
    '|',
  );
}

/** The showing a review button names, or null for a value that is not one (stale or forged). */
export function parseReviewButton(value: string | undefined): ReviewButton | null {
  const parts = (value ?? '').split('|');
  if (parts.length !== 5) return null;
  const [topicId = '', rep = '', questionId = '', shown = '', zone = ''] = parts;
  const repNumber = Number(rep);
  const shownMs = Number(shown);
  if (!topicId || !questionId || !Number.isSafeInteger(repNumber) || repNumber < 0) return null;
  if (!Number.isSafeInteger(shownMs) || shownMs <= 0) return null;
  return { topicId, rep: repNumber, questionId, shownAt: new Date(shownMs), zone: zone || null };
}

/**
 * 👍 and 👎 under an answer: `answer_vote:up`, `answer_vote:down`; the value names the answer
 * (src/gaps/answer-ref.ts), so a vote counts whatever the notes say by then.
 */
export const ANSWER_VOTE_PATTERN = /^answer_vote:(up|down)$/;

export function answerVoteActionId(vote: 'up' | 'down'): string {
  return `answer_vote:${vote}`;
}

/** The modal a 👎 opens: "what were you looking for?"; its private metadata names the answer. */
export const VOTE_COMMENT_VIEW = 'vote_comment';
/** The block and action id of the modal's text input. */
export const VOTE_COMMENT_INPUT = 'looking_for';
