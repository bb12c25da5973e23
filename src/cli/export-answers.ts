import type { QuizAnswer } from '../store/store.js';
import { type ExportSource, withAppStore } from './app-store.js';
import { optionLetter } from './render-text.js';

/** The CSV columns, in order. */
export const ANSWER_COLUMNS = [
  'workspace',
  'channel',
  'quiz',
  'question',
  'topic',
  'topic_title',
  'user',
  'option',
  'option_letter',
  'correct',
  'points',
  'answered_at',
  'local_date',
  'mode',
] as const;

/** RFC 4180 ends every record, the last included, with CRLF. */
const CRLF = '\r\n';

/** A spreadsheet reads a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: text a spreadsheet would run as a formula gets a leading `'` (OWASP's CSV
 * injection advice), and a field holding a comma, a quote or a line break is quoted, its quotes
 * doubled (RFC 4180). Numbers and booleans are written as they are.
 */
export function csvField(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF included. */
export function csvRecord(values: readonly (string | number | boolean)[]): string {
  return `${values.map(csvField).join(',')}${CRLF}`;
}

/** The letter of an option: 0 -> A; empty for a value that is not an option. */
function letter(option: number): string {
  return Number.isInteger(option) && option >= 0 && option < 26 ? optionLetter(option) : '';
}

/** The header record of the CSV export. */
export function answersCsvHeader(): string {
  return csvRecord(ANSWER_COLUMNS);
}

/** One answer as a CSV record, in `ANSWER_COLUMNS` order. */
export function answerCsvRecord(answer: QuizAnswer): string {
  return csvRecord([
    answer.teamId,
    answer.channelId,
    answer.quizId,
    answer.questionId,
    answer.topicId,
    answer.topicTitle,
    answer.userId,
    answer.option,
    letter(answer.option),
    answer.correct,
    answer.points,
    answer.answeredAt.toISOString(),
    answer.localDate,
    answer.mode,
  ]);
}

/** One answer as a JSON line: QuizAnswer's keys, in its order, the time in ISO 8601 UTC. */
export function answerJsonLine(answer: QuizAnswer): string {
  return `${JSON.stringify({
    quizId: answer.quizId,
    teamId: answer.teamId,
    channelId: answer.channelId,
    userId: answer.userId,
    mode: answer.mode,
    questionId: answer.questionId,
    topicId: answer.topicId,
    topicTitle: answer.topicTitle,
    option: answer.option,
    correct: answer.correct,
    points: answer.points,
    answeredAt: answer.answeredAt.toISOString(),
    localDate: answer.localDate,
  })}\n`;
}

/** The output the export writes to: process.stdout, or any writable stream in tests. */
export interface ExportOutput {
  write(chunk: string): boolean;
  once(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  off(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  readonly destroyed?: boolean;
  readonly errored?: unknown;
}

/** The reader is gone (EPIPE: `| head`) or the stream failed: stop writing. */
function gone(output: ExportOutput): boolean {
  return Boolean(output.destroyed || output.errored);
}

/**
 * Writes a chunk, waiting for a full pipe to drain: rows stream out as the store yields them, and
 * memory stays flat however many there are. False once the reader is gone.
 */
async function write(output: ExportOutput, chunk: string): Promise<boolean> {
  if (gone(output)) return false;
  if (output.write(chunk)) return true;
  await new Promise<void>((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('close', done);
      output.off('error', done);
      resolve();
    };
    output.once('drain', done);
    output.once('close', done);
    output.once('error', done);
  });
  return !gone(output);
}

export type AnswerFormat = 'csv' | 'json';

/**
 * Streams every answer of the store to `output`: a CSV header then one record per answer, or one
 * JSON line per answer. Stops quietly when the reader goes away. Does not close the store.
 */
export async function writeAnswers(
  answers: AsyncIterable<QuizAnswer>,
  format: AnswerFormat,
  output: ExportOutput,
): Promise<number> {
  let count = 0;
  if (format === 'csv' && !(await write(output, answersCsvHeader()))) return count;
  for await (const answer of answers) {
    const line = format === 'csv' ? answerCsvRecord(answer) : answerJsonLine(answer);
    if (!(await write(output, line))) break;
    count++;
  }
  return count;
}

/**
 * `tutor export answers`: every recorded quiz answer, from the store the app uses. A DATA_DIR
 * without a database gives no answers (just the CSV header) and creates nothing; `note` is told why.
 */
export async function exportAnswers(
  source: ExportSource,
  format: AnswerFormat,
  output: ExportOutput,
  note: (message: string) => void,
): Promise<void> {
  const read = { what: 'the answers', nothingYet: 'no answers yet' };
  const found = await withAppStore(source, read, note, async (store) => {
    await writeAnswers(store.exportAnswers(), format, output);
  });
  if (!found && format === 'csv') await write(output, answersCsvHeader());
}
