import {
  MIN_ANSWERS,
  REPORT_REASONS,
  REPORTS_TO_RETIRE,
  TOO_EASY_SHARE,
  TOO_HARD_SHARE,
  WRONG_ANSWER_REPORTS_TO_RETIRE,
} from '../../quiz/question-stats.js';
import type { ReviewedQuestion } from '../../quiz/quiz-service.js';
import { questionDecisionActionId } from './action-ids.js';
import { fitFallbackText, fitMessage } from './limits.js';
import { escapeAndTruncate, escapeMrkdwn } from './mrkdwn.js';
import { button, context, type SlackMessage, section, sectionWithButton } from './render-reply.js';

const TITLE = 'Quiz questions that do worst here';
const STEM_SHOWN = 160;

function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** `asked 14 · 93% right · discrimination 0.31 · reports: 2 unclear` */
export function figuresLine(row: ReviewedQuestion['standing']): string {
  const reports = REPORT_REASONS.filter((reason) => row.reports[reason] > 0)
    .map((reason) => `${row.reports[reason]} ${reason.replace('-', ' ')}`)
    .join(', ');
  return [
    `asked ${row.asked}`,
    `${percent(row.shareRight)} right`,
    `discrimination ${row.discrimination === null ? '–' : row.discrimination.toFixed(2)}`,
    `reports: ${reports || 'none'}`,
  ].join(' · ');
}

function statusLine(row: ReviewedQuestion['standing']): string {
  const why = escapeMrkdwn(row.reasons.join('; '));
  if (row.status === 'retired') return `⛔ Out of the quiz: ${why}`;
  if (row.status === 'restored')
    return `↩️ Kept in the quiz by <@${row.decision?.decidedBy}>${why ? ` (its figures say: ${why})` : ''}`;
  return '✅ In the quiz';
}

/**
 * `/aws admin questions`: the workspace's worst questions, each with its figures, whether it is
 * in the quiz and why not, and a button to retire it or put it back.
 */
export function renderQuestionReview(rows: readonly ReviewedQuestion[]): SlackMessage {
  const rules = `Figures count from ${MIN_ANSWERS} answers. A question leaves the quiz by itself when ${WRONG_ANSWER_REPORTS_TO_RETIRE} people report a wrong answer or ${REPORTS_TO_RETIRE} report it at all, when ${percent(TOO_EASY_SHARE)} or more (or ${percent(TOO_HARD_SHARE)} or less) get it right, or when people who do well get it wrong more often than the rest. Retire and Restore override that.`;
  if (rows.length === 0) {
    const sentence = 'No quiz question has figures or reports worth a look yet.';
    return { text: sentence, blocks: [section(sentence), context(rules)] };
  }
  const blocks = rows.map(({ standing, question }, i) => {
    const stem = question
      ? `*${escapeAndTruncate(question.stem, STEM_SHOWN)}*\n${escapeMrkdwn(question.kind)} · ${escapeMrkdwn(question.topic.title)}`
      : `*A question no longer in the notes* (\`${escapeMrkdwn(standing.questionId)}\`)`;
    const text = `${stem}\n${figuresLine(standing)}\n${statusLine(standing)}`;
    const retire = standing.status !== 'retired';
    return sectionWithButton(
      text,
      button(
        retire ? 'Retire' : 'Restore',
        questionDecisionActionId(retire ? 'retire' : 'restore', i),
        standing.questionId,
      ),
    );
  });
  return {
    text: fitFallbackText(`${TITLE}: ${rows.length}`),
    blocks: fitMessage([section(`*${TITLE}*`), ...blocks, context(rules)]),
  };
}
