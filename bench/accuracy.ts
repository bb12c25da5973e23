/** Top-1 accuracy of a system's first answers on the synthetic questions. */
import type { QuestionKind, SyntheticQuestion } from './synthetic-questions.js';

export interface Tally {
  correct: number;
  total: number;
}

export interface Accuracy {
  /** Questions with a known answer whose first result is one of the expected topics. */
  topOne: Tally;
  /** Off-topic questions the system answered with nothing. */
  offTopicAbstained: Tally;
  /** Per kind; for `off-topic`, correct means abstained. */
  byKind: Map<QuestionKind, Tally>;
}

export function scoreTopOne(
  questions: readonly SyntheticQuestion[],
  topTitles: readonly (string | undefined)[],
): Accuracy {
  const byKind = new Map<QuestionKind, Tally>();
  questions.forEach((question, index) => {
    const topTitle = topTitles[index];
    const right =
      question.expectedTitles.length === 0
        ? topTitle === undefined
        : topTitle !== undefined && question.expectedTitles.includes(topTitle);
    const tally = byKind.get(question.kind) ?? { correct: 0, total: 0 };
    tally.total++;
    if (right) tally.correct++;
    byKind.set(question.kind, tally);
  });
  const topOne: Tally = { correct: 0, total: 0 };
  for (const [kind, tally] of byKind) {
    if (kind === 'off-topic') continue;
    topOne.correct += tally.correct;
    topOne.total += tally.total;
  }
  return { topOne, offTopicAbstained: byKind.get('off-topic') ?? { correct: 0, total: 0 }, byKind };
}

export function formatTally({ correct, total }: Tally): string {
  return total === 0 ? '-' : `${correct}/${total} (${((100 * correct) / total).toFixed(1)}%)`;
}
