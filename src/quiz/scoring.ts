import type { QuizMode } from '../store/store.js';

/** Points for any right answer to a daily quiz. */
export const BASE_POINTS = 10;

/** An extra for answering a daily quiz soon after it was posted. */
export interface EarlyBonus {
  /** Answered at most this many minutes after the post. */
  withinMinutes: number;
  points: number;
}

/** The early bonuses, soonest first: a right answer earns the first one whose window it is in. */
export const EARLY_BONUSES: readonly EarlyBonus[] = [
  { withinMinutes: 15, points: 5 },
  { withinMinutes: 60, points: 3 },
  { withinMinutes: 180, points: 1 },
];

/** What points depend on: how the quiz was asked, when, and when and how it was answered. */
export interface ScoredAnswer {
  mode: QuizMode;
  correct: boolean;
  postedAt: Date;
  answeredAt: Date;
}

/**
 * Points for an answer: 0 for practice and for wrong answers; a right daily answer earns
 * `BASE_POINTS` plus the early bonus it is in time for. An answer stamped before the post (clocks
 * of two replicas a little apart) counts as answered at once.
 */
export function pointsFor(answer: ScoredAnswer): number {
  if (answer.mode !== 'daily' || !answer.correct) return 0;
  const minutes = (answer.answeredAt.getTime() - answer.postedAt.getTime()) / 60_000;
  const bonus = EARLY_BONUSES.find((tier) => minutes <= tier.withinMinutes);
  return BASE_POINTS + (bonus?.points ?? 0);
}

function duration(minutes: number): string {
  if (minutes === 60) return 'an hour';
  if (minutes % 60 === 0) return `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/** The scoring rule in one sentence, for help texts and the README. */
export function describeScoring(): string {
  const bonuses = EARLY_BONUSES.map((tier) => `+${tier.points} within ${duration(tier.withinMinutes)}`);
  return (
    `A right answer to the daily quiz earns ${BASE_POINTS} points, plus an early bonus: ` +
    `${bonuses.join(', ')} of the post. Wrong answers and practice quizzes earn none.`
  );
}
