import { expect } from 'vitest';
import { type EvalItem, keyMatches } from '../../src/cli/evaluate.js';
import { renderText } from '../../src/cli/render-text.js';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import type { Reply } from '../../src/tutor/reply.js';
import { createTutor, type Tutor } from '../../src/tutor/tutor.js';

export const INTENTS = ['explain', 'compare', 'list', 'quiz', 'leaderboard', 'help', 'unknown'] as const;

const tutors = new Map<string, Tutor>();

/** A tutor on the notes of a folder, built once per folder and test file. */
export function tutorFor(dir: string): Tutor {
  let tutor = tutors.get(dir);
  if (!tutor) {
    tutor = createTutor(loadKnowledgeDir(dir).knowledge);
    tutors.set(dir, tutor);
  }
  return tutor;
}

/** Checks a reply keeps the contract every face relies on, and renders without throwing. */
export function expectValidReply(reply: Reply): void {
  expect(INTENTS).toContain(reply.intent);
  expect(typeof reply.question).toBe('string');
  expect(Array.isArray(reply.topics)).toBe(true);
  for (const topic of reply.topics) {
    expect(typeof topic.id).toBe('string');
    expect(typeof topic.title).toBe('string');
  }
  expect(Number.isFinite(reply.confidence)).toBe(true);
  expect(reply.confidence).toBeGreaterThanOrEqual(0);
  expect(reply.confidence).toBeLessThanOrEqual(1);
  const text = renderText(reply);
  expect(typeof text).toBe('string');
  expect(text.trim().length).toBeGreaterThan(0);
}

/** Eval sets are read and keys matched as `tutor eval` does (src/cli/evaluate.ts, score.mjs's rules). */
export { type EvalItem, keyMatches, readEvalItems as readEvalSet } from '../../src/cli/evaluate.js';

export interface EvalScore {
  n: number;
  intent: number;
  top1: number;
  top1Items: number;
  /** Items that missed, for a readable failure message. */
  misses: string[];
}

/** Runs an eval set through a tutor in-process and scores intent and top-1 topic accuracy. */
export function scoreEvalSet(tutor: Tutor, items: EvalItem[]): EvalScore {
  let intentOk = 0;
  let top1Ok = 0;
  let top1Items = 0;
  const misses: string[] = [];
  for (const item of items) {
    const reply = tutor.answer(item.q);
    const got = `${reply.intent} [${reply.topics.map((topic) => topic.id).join(', ')}]`;
    if (reply.intent === item.intent) intentOk++;
    else misses.push(`${JSON.stringify(item.q)}: want intent ${item.intent}, got ${got}`);
    if (item.topics.length > 0) {
      top1Items++;
      const first = reply.topics[0];
      if (first && item.topics.some((key) => keyMatches(key, first))) top1Ok++;
      else misses.push(`${JSON.stringify(item.q)}: want topic ${item.topics.join('|')}, got ${got}`);
    }
  }
  return {
    n: items.length,
    intent: items.length ? intentOk / items.length : 0,
    top1: top1Items ? top1Ok / top1Items : 0,
    top1Items,
    misses,
  };
}
