import type { ReviewCard, ReviewRating } from './records.js';

/** An answer within this long of the card being shown counts as quick. */
export const QUICK_ANSWER_MS = 15_000;
/** A card whose FSRS stability is at least this many days, in review, counts as already stable. */
export const STABLE_DAYS = 10;

/** How a review answer went: right or wrong, and how long after the card was shown. */
export interface ReviewAnswer {
  correct: boolean;
  /** From the card being shown to the click; null when not known (then it is never quick). */
  tookMs: number | null;
}

/**
 * The rating rule, the one place it is decided: a wrong answer is Again; a right one is Good, or
 * Easy when it came quickly (within 15 s) on a card that was already stable (in review, stability of
 * 10 days or more). Hard is never given: a multiple-choice click says right or wrong, not how hard
 * it felt, and guessing it from time alone would punish slow readers.
 */
export function ratingFor(answer: ReviewAnswer, card: Pick<ReviewCard, 'state' | 'stability'>): ReviewRating {
  if (!answer.correct) return 'again';
  const quick = answer.tookMs !== null && answer.tookMs >= 0 && answer.tookMs <= QUICK_ANSWER_MS;
  const stable = card.state === 'review' && card.stability >= STABLE_DAYS;
  return quick && stable ? 'easy' : 'good';
}
