import type { DailyQuizResult, QuizAnswer } from '../store/store.js';

/**
 * A Leitner scheme over topics. Every topic starts in box 1; passing a round moves it up one box,
 * failing one sends it back to box 1. The lower the box, the heavier the topic weighs when the next
 * question is drawn (`pickQuestion`'s `weights`), so missed topics come back soon and mastered ones
 * rarely. Weights only order the questions of a cycle: `pickQuestion` still asks every question
 * before any repeats.
 */

export type LeitnerBox = 1 | 2 | 3 | 4 | 5;

export const TOP_BOX: LeitnerBox = 5;

/** A daily quiz passes when at least this percentage of those who answered it were right. */
export const PASS_PERCENT = 70;

/**
 * Weight per box, halving box by box. Box 1 weighs 1, `pickQuestion`'s default, so a topic never
 * asked needs no entry and weighs the same as a just-failed one: new material and missed material
 * both come up soon.
 */
export const BOX_WEIGHTS: Readonly<Record<LeitnerBox, number>> = {
  1: 1,
  2: 1 / 2,
  3: 1 / 4,
  4: 1 / 8,
  5: 1 / 16,
};

/** One round for a topic: passed or failed. */
export interface LeitnerRound {
  topicId: string;
  passed: boolean;
}

/** Each topic's box after the rounds, oldest first. Topics without a round are not listed (box 1). */
export function leitnerBoxes(rounds: Iterable<LeitnerRound>): Map<string, LeitnerBox> {
  const boxes = new Map<string, LeitnerBox>();
  for (const round of rounds) {
    const box = boxes.get(round.topicId) ?? 1;
    boxes.set(round.topicId, round.passed ? (Math.min(box + 1, TOP_BOX) as LeitnerBox) : 1);
  }
  return boxes;
}

function weightsOf(boxes: Map<string, LeitnerBox>): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const [topicId, box] of boxes) weights[topicId] = BOX_WEIGHTS[box];
  return weights;
}

/**
 * A channel's topic weights from its daily quizzes, oldest first: a quiz at least `PASS_PERCENT`% of
 * its answerers got right passes its topic; a quiz nobody answered does not move it.
 */
export function topicWeights(
  results: Iterable<Pick<DailyQuizResult, 'topicId' | 'answered' | 'right'>>,
): Record<string, number> {
  const rounds: LeitnerRound[] = [];
  for (const result of results) {
    if (result.answered > 0) {
      rounds.push({ topicId: result.topicId, passed: result.right * 100 >= PASS_PERCENT * result.answered });
    }
  }
  return weightsOf(leitnerBoxes(rounds));
}

/** One person's topic weights from their own answers, oldest first: each answer is a round. */
export function practiceWeights(
  answers: Iterable<Pick<QuizAnswer, 'topicId' | 'correct'>>,
): Record<string, number> {
  const rounds: LeitnerRound[] = [];
  for (const answer of answers) rounds.push({ topicId: answer.topicId, passed: answer.correct });
  return weightsOf(leitnerBoxes(rounds));
}

/** The scheme in one sentence, for help texts and the README. */
export function describeSpacedRepetition(): string {
  return (
    `Each topic sits in one of ${TOP_BOX} boxes, starting in box 1. A daily quiz that at least ` +
    `${PASS_PERCENT}% of those answering got right moves its topic up a box; a worse one sends it ` +
    'back to box 1. Each box lower makes a topic twice as likely to come up next, so new and missed ' +
    `topics come back soon, and a topic in box ${TOP_BOX} comes up ${1 / BOX_WEIGHTS[TOP_BOX]} ` +
    'times less often than one in box 1.'
  );
}
