import type { TopicCandidate } from '../understand/rank-topics.js';
import type { ReadQuestion } from '../understand/read-question.js';
import modelData from './data/answer-model.json' with { type: 'json' };

/**
 * What the tutor knows about its best guess when it decides whether to answer: how surely the
 * question names the topic, how much of the question the topic accounts for, how far ahead of
 * the next topic it is, and how much of the question is foreign to the notes.
 */
export const FEATURE_NAMES = [
  'named',
  'coverage',
  'plainCoverage',
  'lead',
  'matchedShare',
  'foreignShare',
  'knownTerms',
  'intentProbability',
  'uncoveredShare',
  'singleMatch',
  'bridgedShare',
] as const;

export type AnswerFeatures = number[];

/** Weights of a logistic model, learnt from questions on notes of several areas. */
export interface AnswerModel {
  /** One weight per feature, then the bias. */
  right: number[];
  /** P(the question is one the notes cannot answer), for the confidence of "not in the notes". */
  unanswerable: number[];
  /** Below this P(right) the tutor says the notes don't cover the question. */
  answer: number;
  /** From this P(right) on, the tutor stands by its reply; below, it says it is a guess. */
  sure: number;
  /** How often "the notes don't cover <a catalogued service>" was right. */
  uncovered: number;
  /** How often a reply of each command kind (and compare) was right. */
  intents: Record<string, number>;
}

export const ANSWER_MODEL: AnswerModel = modelData;

/**
 * How much more a topic must score, or account for of the question, than one named by a part of its
 * name to go before it.
 */
const CLEARLY_BETTER = 1.3;

/** The topic the tutor would answer with first: one the question names, else the best scored. */
export function bestFirst(candidates: TopicCandidate[]): TopicCandidate[] {
  const named = candidates.find((candidate) => candidate.evidence === 'name');
  if (!named || named === candidates[0]) return candidates;
  // `file system` is part of Elastic File System's name, but a topic whose facts answer the whole
  // question ("a fast parallel file system for HPC") or clearly more of it ("access keys" of IAM
  // beside the `key` of Key Management Service) says more than a word the names share.
  const top = candidates[0];
  const clearlyBetter =
    top !== undefined &&
    (top.evidence === 'content' ||
      top.score >= named.score * CLEARLY_BETTER ||
      top.coverage >= named.coverage * CLEARLY_BETTER);
  if (named.namedInPart && clearlyBetter) return candidates;
  return [named, ...candidates.filter((candidate) => candidate !== named)];
}

/** The features of the first candidate against the second, in FEATURE_NAMES order. */
export function answerFeatures(
  read: ReadQuestion,
  candidates: TopicCandidate[],
  uncoveredPositions: ReadonlySet<number>,
): AnswerFeatures {
  const best = candidates[0];
  const second = candidates[1];
  const terms = read.terms;
  const known = terms.filter((term) => term.kind === 'known').length;
  const foreign = terms.filter((term) => term.kind === 'foreign' && term.nameOf === null).length;
  return [
    best?.nameStrength ?? 0,
    best?.coverage ?? 0,
    best?.plainCoverage ?? 0,
    Math.min(1, (best?.score ?? 0) - (second?.score ?? 0)),
    best ? best.matched / Math.max(1, terms.length) : 0,
    terms.length > 0 ? foreign / terms.length : 0,
    Math.min(1, known / 4),
    read.intent.probability,
    terms.length > 0
      ? terms.filter((term) => uncoveredPositions.has(term.position)).length / terms.length
      : 0,
    best && best.matched <= 1 ? 1 : 0,
    terms.length > 0 ? terms.filter((term) => term.bridged).length / terms.length : 0,
  ];
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** A logistic model's probability for these features. */
export function predict(weights: readonly number[], features: AnswerFeatures): number {
  let sum = weights[features.length] ?? 0;
  for (let i = 0; i < features.length; i++) sum += (weights[i] ?? 0) * (features[i] ?? 0);
  return sigmoid(sum);
}

/**
 * Fits a logistic model by gradient descent with a little L2 regularisation: a handful of
 * features and a few hundred questions need nothing more.
 */
export function fitLogistic(
  rows: { features: AnswerFeatures; label: boolean }[],
  iterations = 4000,
): number[] {
  const width = rows[0]?.features.length ?? 0;
  const weights = new Array<number>(width + 1).fill(0);
  const rate = 0.5;
  const l2 = 0.001;
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(width + 1).fill(0);
    for (const row of rows) {
      const error = predict(weights, row.features) - (row.label ? 1 : 0);
      for (let i = 0; i < width; i++) gradient[i] = (gradient[i] ?? 0) + error * (row.features[i] ?? 0);
      gradient[width] = (gradient[width] ?? 0) + error;
    }
    for (let i = 0; i <= width; i++) {
      const penalty = i < width ? l2 * (weights[i] ?? 0) : 0;
      weights[i] = (weights[i] ?? 0) - rate * ((gradient[i] ?? 0) / rows.length + penalty);
    }
  }
  return weights.map((weight) => Math.round(weight * 10_000) / 10_000);
}
