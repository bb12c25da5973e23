import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { areaSets, keyMatches, readEvalItems } from '../cli/evaluate.js';
import { loadKnowledgeDir } from '../knowledge/load.js';
import { SCORE_AS_FIT } from './rank-topics.js';
import { FIT_EVIDENCE, type FitWeights, fitSpeaksFor } from './topic-fit.js';
import { defaultUnderstandingParts, Understanding } from './understanding.js';

/**
 * Learns how the evidence of the front-running topics says which one a question is about, from
 * the questions of the development sets it speaks for (every folder of tests/fixtures/eval but
 * `holdout`, each set on the notes folder of its name): `npm run train:fit`, then measure on the
 * held-out sets with `tutor eval`. A listwise logistic model (softmax over a question's first
 * candidates) started from, and kept near, the hand-set score.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(root, 'tests', 'fixtures');
const evalRoot = join(fixtures, 'eval');

/** A question's first candidates scored by the score, as many as are looked at per question. */
const CANDIDATES = 8;
/** The fit is learnt at this multiple of the score's scale, where a softmax tells candidates apart. */
const SCALE = 10;
const STEPS = 3000;
const RATE = 2;
/** How strongly the weights are held to the hand-set score's. */
const PULL = 0.001;

interface Question {
  evidence: number[][];
  /** 1 for a candidate that is the topic asked about, else 0, summing to 1. */
  target: number[];
}

const questions: Question[] = [];
const parts = defaultUnderstandingParts();
for (const folder of readdirSync(evalRoot).sort()) {
  if (folder === 'holdout' || !statSync(join(evalRoot, folder)).isDirectory()) continue;
  for (const { set, notes } of areaSets(join(evalRoot, folder), join(fixtures, 'notes'))) {
    const knowledge = loadKnowledgeDir(notes).knowledge;
    const understanding = new Understanding(knowledge, parts);
    for (const item of readEvalItems(set)) {
      if (item.intent !== 'explain' || item.topics.length === 0) continue;
      const { read, candidates } = understanding.understand(item.q);
      if (!fitSpeaksFor(read)) continue;
      const front = candidates.slice(0, CANDIDATES);
      if (front.length < 2 || front.some((candidate) => !candidate.fitEvidence)) continue;
      const right = front.map((candidate) => {
        const topic = knowledge.topics[candidate.topic];
        return topic && item.topics.some((key) => keyMatches(key, topic)) ? 1 : 0;
      });
      const rightCount = right.reduce<number>((sum, r) => sum + r, 0);
      if (rightCount === 0 || rightCount === front.length) continue;
      questions.push({
        evidence: front.map((candidate) => FIT_EVIDENCE.map((part) => candidate.fitEvidence?.[part] ?? 0)),
        target: right.map((r) => r / rightCount),
      });
    }
  }
}

const start = FIT_EVIDENCE.map((part) => SCORE_AS_FIT[part] * SCALE);
const weights = [...start];
for (let step = 0; step < STEPS; step++) {
  const gradient = new Array<number>(weights.length).fill(0);
  for (const { evidence, target } of questions) {
    const fits = evidence.map((row) => row.reduce((sum, value, at) => sum + value * (weights[at] ?? 0), 0));
    const top = Math.max(...fits);
    const exps = fits.map((fit) => Math.exp(fit - top));
    const total = exps.reduce((sum, value) => sum + value, 0);
    evidence.forEach((row, c) => {
      const error = (exps[c] ?? 0) / total - (target[c] ?? 0);
      row.forEach((value, at) => {
        gradient[at] = (gradient[at] ?? 0) + error * value;
      });
    });
  }
  weights.forEach((weight, at) => {
    const pull = PULL * (weight - (start[at] ?? 0));
    weights[at] = weight - RATE * ((gradient[at] ?? 0) / questions.length + pull);
  });
}

const learnt = Object.fromEntries(
  FIT_EVIDENCE.map((part, at) => [part, Math.round(((weights[at] ?? 0) / SCALE) * 10_000) / 10_000]),
) as FitWeights;
const target = join(root, 'src', 'understand', 'data', 'topic-fit.json');
const about =
  "Weights of the evidence of a question's front-running topics (src/understand/topic-fit.ts), learnt by `npm run train:fit` (src/understand/train-topic-fit.ts) from the development question sets, never the held-out ones: a softmax over each question's first 8 candidates, started from and held near the hand-set score.";
writeFileSync(
  target,
  `${JSON.stringify({ about, questions: questions.length, weights: learnt }, null, 2)}\n`,
);
process.stdout.write(`learnt from ${questions.length} questions; wrote ${target}\n`);
