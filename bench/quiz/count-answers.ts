/**
 * Counts what the store kept of a quiz once the app has stopped, through the app's own store adapter:
 * the quiz's tally, and every exported answer checked against the clicks that were sent.
 */
import { openStore } from '../../src/store/open-store.js';

export interface AnswerCount {
  /** `tallyQuiz(quizId).answered`. */
  tallied: number;
  /** The quiz's answers in `exportAnswers`. */
  exported: number;
  /** Users with exactly one answer, as clicked first. */
  keptOnce: number;
  /** Users with more than one answer to the quiz: always 0 unless the one-answer rule broke. */
  repeated: number;
  /** Clicking users with no answer kept. */
  missing: number;
  /** Answers whose option is not the one the user clicked first. */
  wrongOption: number;
  /** Answers from users who never clicked the quiz. */
  strangers: number;
}

export async function countAnswers(
  location: { databaseUrl: string | null; dataDir: string },
  quizId: string,
  /** Each user's first click: the option that must be kept. */
  firstClicks: ReadonlyMap<string, number>,
): Promise<AnswerCount> {
  const store = await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
  try {
    const tallied = (await store.tallyQuiz(quizId)).answered;
    const options = new Map<string, number[]>();
    for await (const answer of store.exportAnswers()) {
      if (answer.quizId !== quizId) continue;
      options.set(answer.userId, [...(options.get(answer.userId) ?? []), answer.option]);
    }
    const count: AnswerCount = {
      tallied,
      exported: 0,
      keptOnce: 0,
      repeated: 0,
      missing: 0,
      wrongOption: 0,
      strangers: 0,
    };
    for (const [userId, kept] of options) {
      count.exported += kept.length;
      const clicked = firstClicks.get(userId);
      if (clicked === undefined) count.strangers += kept.length;
      else if (kept.length > 1) count.repeated += 1;
      else if (kept[0] === clicked) count.keptOnce += 1;
      else count.wrongOption += 1;
    }
    for (const userId of firstClicks.keys()) if (!options.has(userId)) count.missing += 1;
    return count;
  } finally {
    await store.close();
  }
}
