import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EvalItem, judge, keyMatches, readEvalItems } from '../cli/evaluate.js';
import { loadKnowledgeDir } from '../knowledge/load.js';
import { Understanding } from '../understand/understanding.js';
import {
  type AnswerModel,
  answerFeatures,
  bestFirst,
  FEATURE_NAMES,
  fitLogistic,
  predict,
} from './answer-model.js';
import { createTutor } from './tutor.js';

/**
 * Learns when to answer, and how sure to be, from the development question sets
 * (tests/fixtures/eval/hard/AREA.jsonl on tests/fixtures/notes/AREA, and the compute set on
 * knowledge/), never from the held-out ones: `npm run train:answers`, then measure on
 * tests/fixtures/eval/holdout with `tutor eval`.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(root, 'tests', 'fixtures');

function developmentSets(): { notes: string; set: string }[] {
  const sets = [{ notes: join(root, 'knowledge'), set: join(fixtures, 'eval', 'compute-extra.jsonl') }];
  const hard = join(fixtures, 'eval', 'hard');
  for (const file of existsSync(hard) ? readdirSync(hard).sort() : []) {
    const area = basename(file, '.jsonl');
    const notes = area === 'compute' ? join(root, 'knowledge') : join(fixtures, 'notes', area);
    if (existsSync(notes)) sets.push({ notes, set: join(hard, file) });
  }
  for (const area of ['storage', 'databases']) {
    sets.push({ notes: join(fixtures, 'notes', area), set: join(fixtures, 'eval', `${area}.jsonl`) });
  }
  return sets;
}

/** Answers every question, so that each one's features and rightness can be seen. */
const ALWAYS_ANSWER: AnswerModel = {
  right: new Array<number>(FEATURE_NAMES.length + 1).fill(0),
  unanswerable: new Array<number>(FEATURE_NAMES.length + 1).fill(0),
  answer: 0,
  sure: 1,
  uncovered: 1,
  intents: {},
};

interface Row {
  features: number[];
  item: EvalItem;
  /** The answer's topic was the one asked about. */
  right: boolean;
}

const rows: Row[] = [];
const commandTallies = new Map<string, { right: number; of: number }>();
const count = (key: string, right: boolean) => {
  const tally = commandTallies.get(key) ?? { right: 0, of: 0 };
  tally.of++;
  if (right) tally.right++;
  commandTallies.set(key, tally);
};

for (const { notes, set } of developmentSets()) {
  const knowledge = loadKnowledgeDir(notes).knowledge;
  const understanding = new Understanding(knowledge);
  const tutor = createTutor(knowledge, undefined, { recentReplies: 0, model: ALWAYS_ANSWER });
  for (const item of readEvalItems(set)) {
    const reply = tutor.answer(item.q);
    const outcome = judge(item, reply);
    if (reply.intent === 'explain') {
      const { read, candidates, uncovered } = understanding.understand(item.q);
      const first = reply.topics[0];
      rows.push({
        features: answerFeatures(read, bestFirst(candidates), uncovered.servicePositions),
        item,
        right:
          item.intent === 'explain' &&
          first !== undefined &&
          item.topics.some((key) => keyMatches(key, first)),
      });
    } else if (reply.intent === 'unknown') {
      count(reply.notCovered.length > 0 ? 'uncovered' : 'unknown', item.intent === 'unknown');
    } else count(reply.intent, outcome.right);
  }
}

const right = fitLogistic(rows.map((row) => ({ features: row.features, label: row.right })));
const unanswerable = fitLogistic(
  rows.map((row) => ({ features: row.features, label: row.item.intent === 'unknown' })),
);

/**
 * The threshold that makes the most right decisions (answer what is answerable, abstain otherwise);
 * where a range of thresholds does about as well, its middle, so that a few questions more or less
 * in the development sets do not swing it.
 */
function bestThreshold(): number {
  const scored: { threshold: number; decisionsRight: number }[] = [];
  for (let step = 10; step <= 80; step++) {
    const threshold = step / 100;
    const decisionsRight = rows.filter((row) => {
      const answers = predict(right, row.features) >= threshold;
      return answers ? row.right : row.item.intent === 'unknown';
    }).length;
    scored.push({ threshold, decisionsRight });
  }
  const most = Math.max(...scored.map((entry) => entry.decisionsRight));
  const nearBest = scored.filter((entry) => entry.decisionsRight >= most - NEAR_BEST);
  const middle = nearBest[Math.floor(nearBest.length / 2)];
  return middle?.threshold ?? 0.5;
}

/** Decisions fewer than the best that still count as about as good. */
const NEAR_BEST = 2;

const share = (key: string, fallback: number) => {
  const tally = commandTallies.get(key);
  return tally && tally.of >= 5 ? Math.round((tally.right / tally.of) * 1000) / 1000 : fallback;
};
const model: AnswerModel = {
  right,
  unanswerable,
  answer: bestThreshold(),
  sure: 0.7,
  uncovered: share('uncovered', 0.9),
  intents: Object.fromEntries(
    ['compare', 'list', 'quiz', 'leaderboard', 'help', 'unknown'].map((intent) => [
      intent,
      share(intent, 0.9),
    ]),
  ),
};
const target = join(root, 'src', 'tutor', 'data', 'answer-model.json');
writeFileSync(target, `${JSON.stringify(model, null, 2)}\n`);
process.stdout.write(
  `learnt from ${rows.length} answers and ${[...commandTallies.values()].reduce((sum, t) => sum + t.of, 0)} other replies; wrote ${target}\n`,
);
