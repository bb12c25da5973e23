import type { ReviewCard } from '../store/store.js';
import { type ExportSource, withAppStore } from './app-store.js';
import { type AnswerFormat, csvRecord, type ExportOutput } from './export-answers.js';

/** The CSV columns, in order. */
export const REVIEW_COLUMNS = [
  'workspace',
  'user',
  'topic',
  'topic_title',
  'due',
  'stability',
  'difficulty',
  'reps',
  'lapses',
  'state',
  'last_review',
  'last_rating',
] as const;

/** One card as a CSV record, in `REVIEW_COLUMNS` order (times in ISO 8601 UTC; empty when never reviewed). */
export function reviewCsvRecord(card: ReviewCard): string {
  return csvRecord([
    card.teamId,
    card.userId,
    card.topicId,
    card.topicTitle,
    card.due.toISOString(),
    card.stability,
    card.difficulty,
    card.reps,
    card.lapses,
    card.state,
    card.lastReview?.toISOString() ?? '',
    card.lastRating ?? '',
  ]);
}

/** One card as a JSON line. */
export function reviewJsonLine(card: ReviewCard): string {
  return `${JSON.stringify({
    teamId: card.teamId,
    userId: card.userId,
    topicId: card.topicId,
    topicTitle: card.topicTitle,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.lastReview?.toISOString() ?? null,
    lastRating: card.lastRating,
  })}\n`;
}

/**
 * `tutor export reviews`: every review card of every workspace (topics gone from the notes too),
 * from the store the app uses. A DATA_DIR without a database gives no cards (just the CSV header)
 * and creates nothing; `note` is told why.
 */
export async function exportReviews(
  source: ExportSource,
  format: AnswerFormat,
  output: ExportOutput,
  note: (message: string) => void,
): Promise<void> {
  const header = csvRecord(REVIEW_COLUMNS);
  const read = { what: 'the review cards', nothingYet: 'no review cards yet' };
  const found = await withAppStore(source, read, note, async (store) => {
    const cards = await store.exportReviewCards();
    output.write(
      format === 'csv' ? header + cards.map(reviewCsvRecord).join('') : cards.map(reviewJsonLine).join(''),
    );
  });
  if (!found && format === 'csv') output.write(header);
}
