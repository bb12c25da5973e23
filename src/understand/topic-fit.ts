import fitData from './data/topic-fit.json' with { type: 'json' };
import { type TopicCandidate, WHOLE_QUESTION } from './rank-topics.js';
import type { ReadQuestion } from './read-question.js';
import { NEGATION } from './stopwords.js';

/**
 * What a front-running topic's fit is learnt from: the parts its score adds up, and how much the
 * topic holds. A topic of many facts and needs matches a scenario's everyday words by chance more
 * often than a small one, and a topic named in full, or matching more of the question's words at
 * all, is more likely the one meant than the hand-set score says.
 */
export interface FitEvidence {
  coverage: number;
  nameStrength: number;
  keyTerms: number;
  /** The weight of the question's words its best fact (or need) holds together, of the whole. */
  bestFact: number;
  phrase: number;
  centrality: number;
  /** 1 when the question names the topic in full, not by a part or a common noun. */
  namedWhole: number;
  /** Share of the question's words it matches at all. */
  matchedShare: number;
  /** log(1 + its facts). */
  facts: number;
  /** log(1 + the needs its services meet). */
  needs: number;
}

export type FitWeights = Record<keyof FitEvidence, number>;

export const FIT_EVIDENCE: readonly (keyof FitEvidence)[] = [
  'coverage',
  'nameStrength',
  'keyTerms',
  'bestFact',
  'phrase',
  'centrality',
  'namedWhole',
  'matchedShare',
  'facts',
  'needs',
];

/** The weights data/topic-fit.json holds, learnt by `npm run train:fit`. */
export const TOPIC_FIT: FitWeights = fitData.weights;

/**
 * How many of the front runners the fit chooses among: further down, a topic fits the question's
 * words too poorly for its parts to say more than the score.
 */
const FIT_FRONT = 4;

export function fitOf(evidence: FitEvidence, weights: FitWeights = TOPIC_FIT): number {
  let fit = 0;
  for (const part of FIT_EVIDENCE) fit += weights[part] * evidence[part];
  return fit;
}

/**
 * Whether the fit can say which topic a question is about. The score weighs what a question turns
 * down ("no wish to patch or size virtual machines") as less than what it asks for; the fit, learnt
 * from the score's parts, knows nothing of it, so such a question keeps the score's order.
 */
export function fitSpeaksFor(read: ReadQuestion): boolean {
  return !read.terms.some((term) => term.stems.has(NEGATION));
}

/**
 * The topic that answers among the front runners: the first when the question names it or it
 * accounts for the whole question, else the one, of the first few the question does not name,
 * whose evidence fits best. The score alone decides whether the notes answer at all, as the
 * answer model was taught on it.
 */
export function bestFitting(
  ordered: readonly TopicCandidate[],
  read: ReadQuestion,
): TopicCandidate | undefined {
  const [first] = ordered;
  if (
    !first ||
    first.evidence === 'name' ||
    !first.fitEvidence ||
    first.coverage >= WHOLE_QUESTION ||
    !fitSpeaksFor(read)
  )
    return first;
  let best = first;
  let bestFit = fitOf(first.fitEvidence);
  for (const candidate of ordered.slice(1, FIT_FRONT)) {
    if (candidate.evidence === 'name' || !candidate.fitEvidence) continue;
    const fit = fitOf(candidate.fitEvidence);
    if (fit > bestFit) {
      best = candidate;
      bestFit = fit;
    }
  }
  return best;
}
