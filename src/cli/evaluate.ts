import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Intent, Reply, TopicRef } from '../tutor/reply.js';
import type { Tutor } from '../tutor/tutor.js';
import { renderText } from './render-text.js';

/**
 * Scores the tutor on a set of questions with known answers, the way the project's eval scorer
 * does (shared/eval/score.mjs): notes' owners can check their own questions, and tests keep floors.
 */

/** One question of an eval set: `{"q", "intent", "topics": [keys], "fact"?, "cat"?}`. */
export interface EvalItem {
  q: string;
  intent: Intent;
  topics: string[];
  fact?: string;
  cat?: string;
}

const INTENTS: readonly Intent[] = ['explain', 'compare', 'list', 'quiz', 'leaderboard', 'help', 'unknown'];

export class EvalSetError extends Error {}

/** Reads an eval set, naming the line of anything that is not an item. */
export function readEvalItems(path: string): EvalItem[] {
  const items: EvalItem[] = [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new EvalSetError(
      code === 'ENOENT'
        ? `${path}: no such question set (a .jsonl file of {"q", "intent", "topics"} lines, or a folder of them)`
        : `${path}: cannot read the question set: ${code ?? String(error)}`,
    );
  }
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let item: EvalItem;
    try {
      item = JSON.parse(line) as EvalItem;
    } catch {
      throw new EvalSetError(`${path}:${i + 1}: not JSON`);
    }
    if (typeof item.q !== 'string' || !INTENTS.includes(item.intent) || !Array.isArray(item.topics)) {
      throw new EvalSetError(`${path}:${i + 1}: needs "q", a known "intent" and "topics"`);
    }
    items.push(item);
  });
  return items;
}

/** A question set of a folder of them, `AREA.jsonl`, with the notes folder `AREA` it is asked of. */
export interface AreaSet {
  area: string;
  set: string;
  notes: string;
}

/**
 * The sets of a folder (`holdout/messaging.jsonl`, ...), each paired with the notes folder of the
 * same name under `notesRoot` (`notes/messaging`), so that several notes areas are scored at once.
 */
export function areaSets(setsDir: string, notesRoot: string): AreaSet[] {
  const files = readdirSync(setsDir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) throw new EvalSetError(`${setsDir}: holds no question sets (AREA.jsonl)`);
  return files.map((file) => {
    const area = basename(file, '.jsonl');
    const notes = join(notesRoot, area);
    if (!existsSync(notes))
      throw new EvalSetError(
        `${join(setsDir, file)}: no notes folder ${notes} to ask it of (--knowledge names the folder holding one notes folder per set)`,
      );
    return { area, set: join(setsDir, file), notes };
  });
}

/** A key matches a topic whose lowercase title or id contains it (`api gateway` ~ `api-gateway`). */
export function keyMatches(key: string, topic: TopicRef): boolean {
  const k = key.toLowerCase();
  const title = topic.title.toLowerCase();
  const id = topic.id.toLowerCase();
  if (title.includes(k) || id.includes(k)) return true;
  return k.includes(' ') && ['-', '_', ''].some((separator) => id.includes(k.replace(/ +/g, separator)));
}

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/\*\*|__|`/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The fact as whole words, or spelt without the spaces ("cloud watch" ~ "CloudWatch"). */
export function hasFact(text: string, fact: string): boolean {
  const words = wordsOf(text);
  const wanted = wordsOf(fact).join('');
  if (!wanted) return false;
  for (let i = 0; i < words.length; i++) {
    let run = '';
    for (let j = i; j < words.length && run.length < wanted.length; j++) run += words[j];
    if (run === wanted) return true;
  }
  return false;
}

/** A reply must lead with the fact that answers: within its first 300 characters. */
const LEAD_CHARS = 300;

/** One question, what the tutor replied, and whether the reply was right. */
export interface EvalOutcome {
  item: EvalItem;
  reply: Reply;
  /** Intent, topic, compared topics and fact all as expected; for `unknown`, it abstained. */
  right: boolean;
  reasons: string[];
}

export interface Tally {
  right: number;
  of: number;
}

/** A band of confidence and how often replies in it were right. */
export interface ReliabilityBand {
  from: number;
  to: number;
  replies: number;
  meanConfidence: number;
  shareRight: number;
}

export interface EvalSummary {
  items: number;
  intent: Tally;
  top1: Tally;
  compare: Tally;
  fact: Tally;
  lead: Tally;
  /** Abstentions that were expected / all abstentions. */
  unknownPrecision: number | null;
  /** Expected abstentions made / all expected. */
  unknownRecall: number | null;
  byCategory: Map<string, { items: number; intent: Tally; top1: Tally }>;
  reliability: ReliabilityBand[];
  /** Expected calibration error: the replies' mean gap between confidence and being right. */
  calibrationError: number;
  outcomes: EvalOutcome[];
}

function abstained(reply: Reply): boolean {
  return (
    reply.intent === 'unknown' ||
    ((reply.intent === 'explain' || reply.intent === 'compare') && reply.topics.length === 0)
  );
}

/** Judges one reply against its item, as score.mjs does. */
export function judge(item: EvalItem, reply: Reply): EvalOutcome {
  const reasons: string[] = [];
  const text = renderText(reply);
  if (reply.intent !== item.intent) reasons.push(`intent ${reply.intent}`);
  const first = reply.topics[0];
  if (item.topics.length > 0 && !(first && item.topics.some((key) => keyMatches(key, first))))
    reasons.push('top1');
  if (item.intent === 'compare') {
    const firstThree = reply.topics.slice(0, 3);
    if (!item.topics.every((key) => firstThree.some((topic) => keyMatches(key, topic))))
      reasons.push('compare topics');
  }
  if (item.fact) {
    if (!hasFact(text, item.fact)) reasons.push(`fact "${item.fact}"`);
    else if (item.intent === 'explain' && !hasFact(text.slice(0, LEAD_CHARS), item.fact))
      reasons.push('fact not leading');
  }
  const expectUnknown = item.intent === 'unknown';
  if (abstained(reply) !== expectUnknown) reasons.push(expectUnknown ? 'answered out of scope' : 'abstained');
  const right = reasons.every((reason) => reason === 'fact not leading');
  return { item, reply, right, reasons };
}

const BANDS = [0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 1.000_001];

/** Replies by confidence band, and the expected calibration error over them. */
export function reliability(outcomes: EvalOutcome[]): { bands: ReliabilityBand[]; error: number } {
  const bands: ReliabilityBand[] = [];
  let error = 0;
  for (let b = 0; b + 1 < BANDS.length; b++) {
    const from = BANDS[b] ?? 0;
    const to = BANDS[b + 1] ?? 1;
    const inBand = outcomes.filter(
      (outcome) => outcome.reply.confidence >= from && outcome.reply.confidence < to,
    );
    if (inBand.length === 0) continue;
    const meanConfidence = inBand.reduce((sum, outcome) => sum + outcome.reply.confidence, 0) / inBand.length;
    const shareRight = inBand.filter((outcome) => outcome.right).length / inBand.length;
    bands.push({ from, to: Math.min(1, to), replies: inBand.length, meanConfidence, shareRight });
    error += (inBand.length / outcomes.length) * Math.abs(meanConfidence - shareRight);
  }
  return { bands, error };
}

const tally = (): Tally => ({ right: 0, of: 0 });
const count = (t: Tally, ok: boolean) => {
  t.of++;
  if (ok) t.right++;
};

/** Asks the tutor every question of a set and scores the replies. */
export function evaluate(tutor: Tutor, items: EvalItem[]): EvalSummary {
  const outcomes = items.map((item) => judge(item, tutor.answer(item.q)));
  return summarise(outcomes);
}

export function summarise(outcomes: EvalOutcome[]): EvalSummary {
  const summary = {
    intent: tally(),
    top1: tally(),
    compare: tally(),
    fact: tally(),
    lead: tally(),
  };
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  const byCategory = new Map<string, { items: number; intent: Tally; top1: Tally }>();
  for (const { item, reply, reasons } of outcomes) {
    const category = byCategory.get(item.cat ?? '(none)') ?? { items: 0, intent: tally(), top1: tally() };
    byCategory.set(item.cat ?? '(none)', category);
    category.items++;
    const intentOk = !reasons.some((reason) => reason.startsWith('intent'));
    count(summary.intent, intentOk);
    count(category.intent, intentOk);
    if (item.topics.length > 0) {
      count(summary.top1, !reasons.includes('top1'));
      count(category.top1, !reasons.includes('top1'));
    }
    if (item.intent === 'compare') count(summary.compare, !reasons.includes('compare topics'));
    if (item.fact) {
      const factOk = !reasons.some((reason) => reason.startsWith('fact "'));
      count(summary.fact, factOk);
      if (item.intent === 'explain') count(summary.lead, factOk && !reasons.includes('fact not leading'));
    }
    const expectUnknown = item.intent === 'unknown';
    const saidUnknown = abstained(reply);
    if (expectUnknown && saidUnknown) truePositive++;
    else if (!expectUnknown && saidUnknown) falsePositive++;
    else if (expectUnknown && !saidUnknown) falseNegative++;
  }
  const { bands, error } = reliability(outcomes);
  return {
    items: outcomes.length,
    ...summary,
    unknownPrecision: truePositive + falsePositive > 0 ? truePositive / (truePositive + falsePositive) : null,
    unknownRecall: truePositive + falseNegative > 0 ? truePositive / (truePositive + falseNegative) : null,
    byCategory,
    reliability: bands,
    calibrationError: error,
    outcomes,
  };
}

const ratio = (t: Tally) => (t.of > 0 ? (t.right / t.of).toFixed(2) : 'na');
const fixed = (value: number | null) => (value === null ? 'na' : value.toFixed(2));

/** The summary as the lines `tutor eval` prints; the last is the one-line score. */
export function formatSummary(summary: EvalSummary, failures = 0): string[] {
  const lines: string[] = [];
  for (const outcome of summary.outcomes.filter((o) => !o.right).slice(0, failures)) {
    const got = `${outcome.reply.intent} [${outcome.reply.topics.map((topic) => topic.title).join(', ')}] conf ${outcome.reply.confidence.toFixed(2)}`;
    lines.push(
      `  ${JSON.stringify(outcome.item.q)}: want ${outcome.item.intent} [${outcome.item.topics.join(', ')}], got ${got}: ${outcome.reasons.join(', ')}`,
    );
  }
  lines.push('category      items  intent  top1');
  for (const [name, category] of [...summary.byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `${name.padEnd(13)} ${String(category.items).padStart(5)}  ${ratio(category.intent).padStart(6)}  ${ratio(category.top1).padStart(4)}`,
    );
  }
  lines.push('confidence   replies  mean conf  share right');
  for (const band of summary.reliability) {
    lines.push(
      `${band.from.toFixed(1)}–${band.to.toFixed(1)}    ${String(band.replies).padStart(7)}  ${band.meanConfidence.toFixed(2).padStart(9)}  ${band.shareRight.toFixed(2).padStart(11)}`,
    );
  }
  lines.push(`calibration error (ECE): ${summary.calibrationError.toFixed(3)}`);
  lines.push(`score: ${scoreLine(summary)}`);
  return lines;
}

/** The one-line score, as score.mjs prints it. */
export function scoreLine(summary: EvalSummary): string {
  return `intent=${ratio(summary.intent)} top1=${ratio(summary.top1)} compare=${ratio(summary.compare)} fact=${ratio(summary.fact)} lead=${ratio(summary.lead)} unknown_p=${fixed(summary.unknownPrecision)} unknown_r=${fixed(summary.unknownRecall)}`;
}
