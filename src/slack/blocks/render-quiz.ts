import type { Button, KnownBlock } from '@slack/types';
import type { ReportOutcome } from '../../quiz/quiz-service.js';
import type {
  AnswerOutcome,
  PostedQuiz,
  QuizAnswer,
  QuizReveal,
  QuizTally,
  ReportReason,
} from '../../quiz/records.js';
import type { QuizQuestion } from '../../quiz/types.js';
import {
  QUIZ_ME,
  QUIZ_ME_ANY,
  QUIZ_REPORT,
  quizAnswerActionId,
  quizMeActionId,
  quizReportActionId,
} from './action-ids.js';
import { BUTTON_TEXT_MAX, fitFallbackText, fitMessage } from './limits.js';
import { bold, escapeAndTruncate, escapeMrkdwn, mentionUser } from './mrkdwn.js';
import {
  actions,
  button,
  context,
  header,
  packSections,
  plural,
  type SlackMessage,
  section,
  slackDate,
} from './render-reply.js';

/** What a click on an option gets back at once: the answer kept now, or the one kept before. */
export type AnsweredOutcome = Extract<AnswerOutcome, { kind: 'recorded' | 'already' }>;

const LETTERS = ['A', 'B', 'C', 'D'] as const;
/** An option written out in a line of text (its button label is cut far shorter). */
const OPTION_TEXT_MAX = 1000;
const DAILY_TITLE = 'Daily AWS quiz';
const PRACTICE_TITLE = 'Practice question';
const PRACTICE_NOTE = 'Practice: counts for your own score, not the leaderboard';
const THREAD_NOTE = 'The answer and how everyone did come in the thread when it closes.';

// ---- Pieces ------------------------------------------------------------------------------------

function letter(option: number): string {
  return LETTERS[option] ?? '?';
}

/** `B. Fargate`, escaped and cut for a line of text. */
export function optionText(question: QuizQuestion, option: number): string {
  return `${letter(option)}. ${escapeAndTruncate(question.options[option] ?? '', OPTION_TEXT_MAX)}`;
}

/**
 * Slack reads `_…_` as italics, so the stem's blank (`___`, where the topic's name was masked)
 * could show as a single slanted underscore: it is shown as full-width low lines instead.
 */
const BLANK = /_{3,}/g;
const SHOWN_BLANK = '\uFF3F\uFF3F\uFF3F';

/** The stem as shown, escaped, its blanks safe from mrkdwn. */
export function stemText(stem: string): string {
  return escapeMrkdwn(stem).replace(BLANK, SHOWN_BLANK);
}

/** The question as shown: its stem, escaped, over as many sections as it takes. */
export function stemBlocks(question: QuizQuestion): KnownBlock[] {
  return packSections(stemText(question.stem).split('\n'));
}

/** Whether an option is too long for its button's label, so the options are written out too. */
export function optionsOutgrowButtons(question: QuizQuestion): boolean {
  return question.options.some(
    (option, i) => escapeMrkdwn(`${letter(i)}. ${option}`).length > BUTTON_TEXT_MAX,
  );
}

/**
 * One button per option, `A. …` to `D. …`, in the order shown; the option is in the action id
 * and the value is the quiz id. The buttons all look alike: nothing marks the right one.
 */
function optionButtons(quiz: PostedQuiz): Button[] {
  return quiz.question.options.map((option, i) =>
    button(`${letter(i)}. ${option}`, quizAnswerActionId(i), quiz.id),
  );
}

/** The question with its option buttons (the options written out as well when a label is cut). */
function askingBlocks(quiz: PostedQuiz): KnownBlock[] {
  const blocks = stemBlocks(quiz.question);
  if (optionsOutgrowButtons(quiz.question)) {
    blocks.push(...packSections(quiz.question.options.map((_, i) => optionText(quiz.question, i))));
  }
  blocks.push(...actions(optionButtons(quiz)));
  return blocks;
}

/** The explanation (the fact quoted, its source, what each wrong option is instead), escaped. */
export function explanationBlocks(question: QuizQuestion): KnownBlock[] {
  const text = question.explanation.trim();
  return text ? packSections(escapeMrkdwn(text).split('\n')) : [];
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '0%';
}

/** "No answers yet", "1 person has answered", "12 people have answered". */
function answeredSentence(answered: number): string {
  if (answered <= 0) return 'No answers yet';
  return answered === 1
    ? '1 person has answered'
    : `${answered.toLocaleString('en-US')} people have answered`;
}

/** How long after the quiz was posted: "in under a second", "in 42 s", "in 3 min", "in 2 h 5 min". */
export function formatDelay(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1000) return 'in under a second';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `in ${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest > 0 ? `in ${hours} h ${rest} min` : `in ${hours} h`;
}

function message(text: string, blocks: KnownBlock[]): SlackMessage {
  return { text: fitFallbackText(text), blocks: fitMessage(blocks) };
}

/** A one-sentence message: the same words in the blocks and in the fallback. */
function notice(text: string, hint?: string): SlackMessage {
  return message(text, hint ? [section(text), context(hint)] : [section(text)]);
}

// ---- The daily quiz ----------------------------------------------------------------------------

/**
 * The daily question as posted in a channel: the stem (the topic already masked), one button per
 * option, and how many have answered and when it closes (in each reader's own time). Nothing in it
 * or its fallback text gives the answer away.
 */
export function renderDailyQuiz(quiz: PostedQuiz, answered: number): SlackMessage {
  const status = [answeredSentence(answered)];
  if (quiz.closesAt) status.push(`Closes ${slackDate(quiz.closesAt)}`);
  const blocks: KnownBlock[] = [
    header(DAILY_TITLE),
    ...askingBlocks(quiz),
    context(`${status.join(' · ')}. Only you see whether you were right. ${THREAD_NOTE}`),
  ];
  return message(`${DAILY_TITLE}: ${stemText(quiz.question.stem)}`, blocks);
}

/** `✅ *B. Fargate*  ·  7 (58%)`: an option of a closed quiz with how many chose it. */
function countedOption(question: QuizQuestion, option: number, tally: QuizTally): string {
  const count = tally.byOption[option] ?? 0;
  const share = tally.answered > 0 ? ` (${percent(count, tally.answered)})` : '';
  const text = optionText(question, option);
  const shown = option === question.answer ? `✅ ${bold(text)}` : text;
  return `${shown}  ·  ${count.toLocaleString('en-US')}${share}`;
}

/** The daily question once it has closed (it replaces the original): no buttons, the counts, the answer marked. */
export function renderClosedDailyQuiz(quiz: PostedQuiz, tally: QuizTally): SlackMessage {
  const { question } = quiz;
  const status =
    tally.answered > 0
      ? `Closed · ${tally.answered.toLocaleString('en-US')} answered · ${tally.right.toLocaleString('en-US')} right (${percent(tally.right, tally.answered)}) · the answer is explained in the thread`
      : 'Closed · nobody answered · the answer is explained in the thread';
  const blocks: KnownBlock[] = [
    header(`${DAILY_TITLE} (closed)`),
    ...stemBlocks(question),
    ...packSections(question.options.map((_, i) => countedOption(question, i, tally))),
    context(status),
  ];
  return message(
    `${DAILY_TITLE} (closed): ${stemText(question.stem)} Answer: ${optionText(question, question.answer)}`,
    blocks,
  );
}

/**
 * The reveal, posted in the quiz's thread when it closes: the right option, how many got it
 * right, the fastest right answer, then the explanation.
 */
export function renderQuizReveal(reveal: QuizReveal): SlackMessage {
  const { quiz, tally } = reveal;
  const { question } = quiz;
  const answer = optionText(question, question.answer);
  const blocks: KnownBlock[] = [section(`*The answer:* ${answer}`)];
  let summary: string;
  if (tally.answered <= 0) {
    summary = 'Nobody answered this one, so here it is for everyone: maybe tomorrow’s question is yours!';
  } else if (tally.right <= 0) {
    summary = `Nobody got it right this time (0 of ${tally.answered.toLocaleString('en-US')}): a tricky one, and now you know it.`;
  } else {
    summary = `${tally.right.toLocaleString('en-US')} of ${tally.answered.toLocaleString('en-US')} (${percent(tally.right, tally.answered)}) got it right.`;
    if (tally.fastestRight) {
      const delay = formatDelay(tally.fastestRight.answeredAt.getTime() - quiz.postedAt.getTime());
      summary += ` Fastest right answer: ${mentionUser(tally.fastestRight.userId)}, ${delay}.`;
    }
  }
  blocks.push(section(summary));
  blocks.push(...explanationBlocks(question));
  blocks.push(context('See how everyone is doing with `/aws leaderboard`.'));
  const counts =
    tally.answered > 0
      ? ` · ${tally.right.toLocaleString('en-US')} of ${tally.answered.toLocaleString('en-US')} got it right`
      : ' · nobody answered';
  return message(`The answer: ${answer}${counts}`, blocks);
}

// ---- Practice ----------------------------------------------------------------------------------

/** A private practice question: the stem and the option buttons; it counts for no leaderboard. */
export function renderPracticeQuiz(quiz: PostedQuiz): SlackMessage {
  const blocks: KnownBlock[] = [section(bold(PRACTICE_TITLE)), ...askingBlocks(quiz), context(PRACTICE_NOTE)];
  return message(`${PRACTICE_TITLE}: ${stemText(quiz.question.stem)}`, blocks);
}

// ---- Feedback on an answer ---------------------------------------------------------------------

/** The answer the feedback is about: the one just kept, or the earlier one that stands. */
function answerOf(outcome: AnsweredOutcome): QuizAnswer {
  return outcome.kind === 'recorded' ? outcome.answer : outcome.previous;
}

/** "✅ Right: B. Fargate", "❌ Not quite: …", or "You already answered this one: …". */
function verdict(outcome: AnsweredOutcome): string {
  const { question } = outcome.quiz;
  const answer = answerOf(outcome);
  const chosen = optionText(question, answer.option);
  const right = optionText(question, question.answer);
  if (outcome.kind === 'already') {
    return answer.correct
      ? `You already answered this one: you chose ${chosen} (right).`
      : `You already answered this one: you chose ${chosen} (wrong; the answer is ${right}).`;
  }
  return answer.correct ? `✅ Right: ${right}` : `❌ Not quite: you chose ${chosen}; the answer is ${right}`;
}

/** What a daily answer earned: "+13 points", or nothing for a wrong one. */
function pointsLine(answer: QuizAnswer): string {
  if (answer.points > 0) return `+${plural(answer.points, 'point')}`;
  return answer.correct ? '' : 'No points this time.';
}

/** The options of a practice question with the chosen and the right one marked. */
export function markedOptions(question: QuizQuestion, chosen: number): string[] {
  return question.options.map((_, i) => {
    const text = optionText(question, i);
    const yours = i === chosen ? ' ← your answer' : '';
    if (i === question.answer) return `✅ ${bold(text)}${yours}`;
    if (i === chosen) return `❌ ${text}${yours}`;
    return text;
  });
}

/**
 * Feedback right after a click, seen only by whoever clicked. On a daily quiz: the verdict, the
 * points earned and the explanation. On a practice quiz it replaces the question, so it repeats
 * the stem with the chosen and right options marked and ends with buttons for another question.
 */
export function renderAnswerFeedback(outcome: AnsweredOutcome): SlackMessage {
  const { quiz } = outcome;
  const { question } = quiz;
  const answer = answerOf(outcome);
  const said = verdict(outcome);

  const report = button(REPORT_LABEL, QUIZ_REPORT, quiz.id);
  if (quiz.mode === 'daily') {
    const points = outcome.kind === 'recorded' ? pointsLine(answer) : '';
    const blocks: KnownBlock[] = [
      section(points ? `${said} · ${points}` : said),
      ...explanationBlocks(question),
      context(`Only you see this. ${THREAD_NOTE}`),
      ...actions([report]),
    ];
    return message(points ? `${said} (${points})` : said, blocks);
  }

  const next: Button[] = [
    button('Another question', QUIZ_ME, question.topic.id),
    button('Any topic', QUIZ_ME_ANY),
    report,
  ];
  const blocks: KnownBlock[] = [
    section(bold(PRACTICE_TITLE)),
    ...stemBlocks(question),
    ...packSections(markedOptions(question, answer.option)),
    section(said),
    ...explanationBlocks(question),
    context(PRACTICE_NOTE),
    ...actions(next),
  ];
  return message(said, blocks);
}

// ---- Reports on a question ---------------------------------------------------------------------

const REPORT_LABEL = 'Report this question';
const REASON_LABELS: Record<ReportReason, string> = {
  'wrong-answer': 'The answer is wrong',
  unclear: 'It is unclear',
  'too-easy': 'It is too easy',
};

/** "Report this question": what is wrong with it? One button per reason. */
export function renderReportReasons(quizId: string): SlackMessage {
  const sentence = 'What is wrong with this question? Admins see the questions people report.';
  return message(sentence, [
    section(sentence),
    ...actions(
      (Object.keys(REASON_LABELS) as ReportReason[]).map((reason) =>
        button(REASON_LABELS[reason], quizReportActionId(reason), quizId),
      ),
    ),
  ]);
}

/** What became of a report: kept, or the person's earlier one stands. */
export function renderReportOutcome(outcome: ReportOutcome, reason: ReportReason): SlackMessage {
  switch (outcome.kind) {
    case 'recorded':
      return notice(
        `Thanks: reported as “${REASON_LABELS[reason].toLowerCase()}”.`,
        'A question reported by several people is taken out of the quiz; admins see it in `/aws admin questions`.',
      );
    case 'already':
      return notice('You have already reported this question; one report each counts.');
    case 'unknown':
      return renderUnknownQuizNotice();
  }
}

// ---- Notices -----------------------------------------------------------------------------------

/** A click on a quiz that has closed. */
export function renderQuizClosedNotice(quiz: PostedQuiz): SlackMessage {
  return quiz.mode === 'daily'
    ? notice('This quiz has closed; the answer is in the thread.', 'A new daily question comes tomorrow.')
    : notice('This question has closed.', 'Try `/aws quiz` for a new one.');
}

/** A click on a quiz the store does not know (a stale or forged button). */
export function renderUnknownQuizNotice(): SlackMessage {
  return notice(
    'I can’t find that quiz any more, so that click was not counted.',
    'Try `/aws quiz` for a new practice question.',
  );
}

/** No question could be made: about the topic asked for, or at all. */
export function renderNoQuestion(topic: { id: string; title: string } | null): SlackMessage {
  if (topic) {
    return notice(
      `The notes have no quiz questions about ${escapeAndTruncate(topic.title, OPTION_TEXT_MAX)} yet; try \`/aws quiz\` for any topic.`,
    );
  }
  return notice(
    'The notes have no quiz questions yet.',
    'Questions are made from the facts in the notes: add a few bullets under a heading, and try again.',
  );
}

/**
 * "Quiz me on this" for a topic the notes no longer have: says so, and offers the nearest topics
 * (and any topic) instead of a question on something else.
 */
export function renderTopicGone(
  goneTopicId: string,
  nearest: readonly { id: string; title: string }[],
): SlackMessage {
  const name = escapeAndTruncate(goneTopicId.replace(/[-_]+/g, ' '), OPTION_TEXT_MAX);
  const sentence = `“${name}” is no longer in the notes, so there is no question on it.`;
  const offer = nearest.length > 0 ? ' The nearest topics:' : ' Try another topic:';
  const buttons = [
    ...nearest.map((topic, i) => button(`Quiz me on ${topic.title}`, quizMeActionId(i), topic.id)),
    button('Any topic', QUIZ_ME_ANY),
  ];
  return message(`${sentence}${offer} ${nearest.map((topic) => topic.title).join(', ')}`.trim(), [
    section(`${sentence}${offer}`),
    ...actions(buttons),
  ]);
}

/** The answer could not be saved: nothing was recorded, so clicking again is safe. */
export function renderStoreTrouble(): SlackMessage {
  return notice(
    'I couldn’t save your answer just now; nothing was recorded — please click again in a minute.',
  );
}
