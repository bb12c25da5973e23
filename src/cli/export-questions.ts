import { type QuestionStanding, questionStandings, questionStats } from '../quiz/question-stats.js';
import type { Store } from '../store/store.js';
import { type ExportSource, withAppStore } from './app-store.js';
import { type AnswerFormat, csvRecord, type ExportOutput } from './export-answers.js';

/** The CSV columns, in order. */
export const QUESTION_COLUMNS = [
  'workspace',
  'question',
  'kind',
  'topic',
  'asked',
  'right',
  'share_right',
  'discrimination',
  'measured_difficulty',
  'reports_wrong_answer',
  'reports_unclear',
  'reports_too_easy',
  'status',
  'why',
] as const;

/** The kind a question id names (`lambda/true/1a2b3c4d` is a true-of question). */
const KIND_BY_ID_PART: Record<string, string> = {
  fact: 'which-service',
  true: 'true-of',
  not: 'not-true-of',
  compare: 'compare',
  term: 'key-term',
  hand: 'hand-written',
};

function kindOf(questionId: string): string {
  return KIND_BY_ID_PART[questionId.split('/')[1] ?? ''] ?? '';
}

function figure(value: number | null): string | number {
  return value === null ? '' : value;
}

/** One question's standing as a CSV record, in `QUESTION_COLUMNS` order. */
export function questionCsvRecord(row: QuestionStanding): string {
  return csvRecord([
    row.teamId,
    row.questionId,
    kindOf(row.questionId),
    row.topicId,
    row.asked,
    row.right,
    figure(row.shareRight),
    figure(row.discrimination),
    figure(row.measuredDifficulty),
    row.reports['wrong-answer'],
    row.reports.unclear,
    row.reports['too-easy'],
    row.status,
    row.reasons.join('; '),
  ]);
}

/** One question's standing as a JSON line. */
export function questionJsonLine(row: QuestionStanding): string {
  return `${JSON.stringify({
    teamId: row.teamId,
    questionId: row.questionId,
    kind: kindOf(row.questionId),
    topicId: row.topicId,
    asked: row.asked,
    right: row.right,
    shareRight: row.shareRight,
    discrimination: row.discrimination,
    measuredDifficulty: row.measuredDifficulty,
    reports: row.reports,
    status: row.status,
    reasons: row.reasons,
    decidedBy: row.decision?.decidedBy ?? null,
  })}\n`;
}

/** Every question answered, reported or decided on, in every workspace, from a store. */
export async function questionStandingsOf(store: Store): Promise<QuestionStanding[]> {
  const [graded, reports, decisions] = await Promise.all([
    store.gradedAnswers(null),
    store.questionReports(null),
    store.questionDecisions(null),
  ]);
  return questionStandings(questionStats(graded, reports), decisions);
}

/**
 * `tutor export questions`: each question's statistics (times asked, share right,
 * discrimination, reports) and whether it is in the quiz, from the store the app uses. A DATA_DIR
 * without a database gives no rows (just the CSV header) and creates nothing; `note` is told why.
 */
export async function exportQuestions(
  source: ExportSource,
  format: AnswerFormat,
  output: ExportOutput,
  note: (message: string) => void,
): Promise<void> {
  const header = csvRecord(QUESTION_COLUMNS);
  const read = { what: 'the question statistics', nothingYet: 'no questions answered yet' };
  const found = await withAppStore(source, read, note, async (store) => {
    const rows = await questionStandingsOf(store);
    output.write(
      format === 'csv' ? header + rows.map(questionCsvRecord).join('') : rows.map(questionJsonLine).join(''),
    );
  });
  if (!found && format === 'csv') output.write(header);
}
