import { createHash } from 'node:crypto';
import type { Reply } from '../tutor/reply.js';
import { questionKey } from './question-key.js';
import type { TopicLabel } from './records.js';

/**
 * The answer a 👍 or 👎 is about, carried in the button itself: a vote counts whatever the notes
 * say by the time it is clicked, a topic gone from them included.
 */
export interface AnswerRef {
  /** Names the answer: the same question (normalised), intent and topics give the same id. */
  answerId: string;
  question: string;
  intent: string;
  topics: TopicLabel[];
  confidence: number;
}

/** Longest question a vote button carries (a button's value holds 2,000 characters). */
const CARRIED_QUESTION_CHARS = 500;
const CARRIED_TITLE_CHARS = 150;
const CARRIED_TOPICS = 3;

function answerIdOf(question: string, intent: string, topics: readonly TopicLabel[]): string {
  const key = [intent, topics.map((topic) => topic.id).join(','), questionKey(question)].join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}

export function answerRefOf(reply: Reply): AnswerRef {
  const topics = reply.topics.slice(0, CARRIED_TOPICS).map((topic) => ({
    id: topic.id,
    title: topic.title.slice(0, CARRIED_TITLE_CHARS),
  }));
  const question = reply.question.slice(0, CARRIED_QUESTION_CHARS);
  return {
    answerId: answerIdOf(question, reply.intent, topics),
    question,
    intent: reply.intent,
    topics,
    confidence: reply.confidence,
  };
}

/** The value of a vote button: compact JSON, always within a button value's 2,000 characters. */
export function encodeAnswerRef(ref: AnswerRef): string {
  return JSON.stringify({
    q: ref.question,
    i: ref.intent,
    t: ref.topics.map((topic) => [topic.id, topic.title]),
    c: ref.confidence,
  });
}

/** The answer a vote button names, or null for a value that is not one (cut, forged, from an old version). */
export function decodeAnswerRef(value: string | undefined): AnswerRef | null {
  if (!value) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { q, i, t, c } = parsed as Record<string, unknown>;
  if (typeof q !== 'string' || typeof i !== 'string' || typeof c !== 'number' || !Array.isArray(t))
    return null;
  const topics: TopicLabel[] = [];
  for (const pair of t.slice(0, CARRIED_TOPICS)) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return null;
    topics.push({ id: pair[0], title: pair[1].slice(0, CARRIED_TITLE_CHARS) });
  }
  const question = q.slice(0, CARRIED_QUESTION_CHARS);
  const intent = i.slice(0, 20);
  const confidence = Number.isFinite(c) ? Math.max(0, Math.min(1, c)) : 0;
  return { answerId: answerIdOf(question, intent, topics), question, intent, topics, confidence };
}
