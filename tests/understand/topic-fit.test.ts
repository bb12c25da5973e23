import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { SCORE_AS_FIT, type TopicCandidate } from '../../src/understand/rank-topics.js';
import {
  bestFitting,
  FIT_EVIDENCE,
  type FitEvidence,
  fitOf,
  fitSpeaksFor,
  TOPIC_FIT,
} from '../../src/understand/topic-fit.js';
import { Understanding } from '../../src/understand/understanding.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';

/** Evidence of a topic that matches part of a question, with what is given changed. */
const evidence = (given: Partial<FitEvidence>): FitEvidence => ({
  coverage: 0.5,
  nameStrength: 0,
  keyTerms: 0,
  bestFact: 0.3,
  phrase: 0,
  centrality: 0,
  namedWhole: 0,
  matchedShare: 0.5,
  facts: Math.log1p(6),
  needs: 0,
  ...given,
});

const candidate = (topic: number, fit: FitEvidence, given: Partial<TopicCandidate> = {}): TopicCandidate => ({
  topic,
  score: fitOf(fit, SCORE_AS_FIT),
  nameStrength: fit.nameStrength,
  namedInPart: false,
  coverage: fit.coverage,
  plainCoverage: fit.coverage,
  matched: 2,
  evidence: 'weak',
  fitEvidence: fit,
  ...given,
});

const understanding = new Understanding(loadKnowledgeDir(KNOWLEDGE_DIR).knowledge);
/** A question as read that asks for something and turns nothing down. */
const asking = understanding.understand('somewhere to keep our images close to where they run').read;

describe('the fit of the front runners', () => {
  it('is the score itself with the score weights: the evidence is what the score adds up', () => {
    for (const question of [
      'i have a container image and no servers to look after',
      'how long can a function run',
      'where do i keep private images',
    ]) {
      const front = understanding.understand(question).candidates.slice(0, 5);
      expect(front.length, question).toBeGreaterThan(1);
      for (const found of front) {
        expect(found.fitEvidence, question).toBeDefined();
        expect(fitOf(found.fitEvidence as FitEvidence, SCORE_AS_FIT), question).toBeCloseTo(found.score, 9);
      }
    }
  });

  it('holds a learnt weight for every part of the evidence', () => {
    for (const part of FIT_EVIDENCE) expect(Number.isFinite(TOPIC_FIT[part]), part).toBe(true);
    // What a fit learns: a topic of many facts and needs matches everyday words by chance, and one
    // whose facts keep saying a word of the question is about it.
    expect(TOPIC_FIT.facts).toBeLessThan(0);
    expect(TOPIC_FIT.needs).toBeLessThan(0);
    expect(TOPIC_FIT.centrality).toBeGreaterThan(SCORE_AS_FIT.centrality);
  });

  it('answers with a small topic whose facts keep saying the question’s words over a big one the score puts first', () => {
    const big = candidate(
      0,
      evidence({ coverage: 0.6, bestFact: 0.35, facts: Math.log1p(40), needs: Math.log1p(120) }),
    );
    const small = candidate(
      1,
      evidence({ coverage: 0.55, bestFact: 0.35, centrality: 0.12, facts: Math.log1p(4) }),
    );
    expect(big.score).toBeGreaterThan(small.score);
    expect(bestFitting([big, small], asking)?.topic).toBe(1);
  });

  it('keeps the score’s order for a question that turns something down, which the score weighs and the fit does not', () => {
    const big = candidate(
      0,
      evidence({ coverage: 0.6, bestFact: 0.35, facts: Math.log1p(40), needs: Math.log1p(120) }),
    );
    const small = candidate(
      1,
      evidence({ coverage: 0.55, bestFact: 0.35, centrality: 0.12, facts: Math.log1p(4) }),
    );
    const turningDown = understanding.understand(
      'somewhere to keep our images without any servers to patch',
    ).read;
    expect(fitSpeaksFor(turningDown)).toBe(false);
    expect(fitSpeaksFor(asking)).toBe(true);
    expect(bestFitting([big, small], turningDown)?.topic).toBe(0);
  });

  it('keeps the first when the question names it, or it accounts for the whole question', () => {
    const small = candidate(1, evidence({ coverage: 0.55, centrality: 0.3, facts: Math.log1p(4) }));
    const named = candidate(0, evidence({ coverage: 0.6, nameStrength: 1, facts: Math.log1p(40) }), {
      evidence: 'name',
    });
    expect(bestFitting([named, small], asking)?.topic).toBe(0);
    const whole = candidate(0, evidence({ coverage: 0.95, facts: Math.log1p(40), needs: Math.log1p(120) }));
    expect(bestFitting([whole, small], asking)?.topic).toBe(0);
  });

  it('never answers with a topic named only further down, or far from the front', () => {
    const first = candidate(0, evidence({ coverage: 0.6, facts: Math.log1p(40) }));
    const named = candidate(1, evidence({ coverage: 0.6, nameStrength: 0.8, centrality: 0.5 }), {
      evidence: 'name',
    });
    const fifth = candidate(4, evidence({ coverage: 0.6, centrality: 0.5, facts: Math.log1p(2) }));
    const middling = [2, 3].map((topic) => candidate(topic, evidence({ coverage: 0.2 })));
    expect(bestFitting([first, named, ...middling, fifth], asking)?.topic).toBe(0);
    expect(bestFitting([], asking)).toBeUndefined();
  });
});
