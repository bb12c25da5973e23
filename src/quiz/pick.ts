import { seededRandom, weightedIndex } from './random.js';
import type { QuizQuestion } from './types.js';

export interface PickOptions {
  /** Makes the pick repeatable: the same seed (e.g. channel + date) and history, the same question. */
  seed: string;
  /** Ids of questions asked before, oldest first. Ids no longer in the pool are ignored. */
  asked: readonly string[];
  /** Only questions about this topic. */
  topicId?: string;
  /**
   * Topic id -> weight (default 1): a topic with a higher weight comes up sooner, e.g. one a channel
   * often gets wrong. 0 puts a topic's questions last in the cycle; it never skips them.
   */
  weights?: Readonly<Record<string, number>>;
}

/**
 * The questions of the pool not yet asked in the current cycle. A cycle ends once every question
 * of the pool was asked; the next one starts with the whole pool again.
 */
export function unaskedQuestions(
  questions: readonly QuizQuestion[],
  options: Pick<PickOptions, 'asked' | 'topicId'>,
): QuizQuestion[] {
  const pool = questions.filter(
    (question) => options.topicId === undefined || question.topic.id === options.topicId,
  );
  const ids = new Set(pool.map((question) => question.id));
  const asked = new Set<string>();
  for (const id of options.asked) {
    if (!ids.has(id)) continue;
    asked.add(id);
    if (asked.size === ids.size) asked.clear();
  }
  return pool.filter((question) => !asked.has(question.id));
}

/**
 * Picks the next question: never one asked in the current cycle, so nothing repeats until the
 * whole pool (of the topic, when one is given) was asked. Topics are drawn first, by weight, then a
 * question of the topic, so a topic with many facts does not crowd out the others. Deterministic:
 * the same questions, seed and history give the same question. Null when the pool is empty.
 */
export function pickQuestion(questions: readonly QuizQuestion[], options: PickOptions): QuizQuestion | null {
  let unasked = unaskedQuestions(questions, options);
  if (unasked.length === 0) return null;
  // A new cycle does not open with the question that closed the last one.
  const last = options.asked.at(-1);
  if (unasked.length > 1 && unasked.some((question) => question.id === last)) {
    const poolSize = questions.filter(
      (question) => options.topicId === undefined || question.topic.id === options.topicId,
    ).length;
    if (unasked.length === poolSize) unasked = unasked.filter((question) => question.id !== last);
  }
  // Ordered by id, so the pick does not depend on the order the questions were given in.
  const sorted = [...unasked].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const topics: string[] = [];
  const byTopic = new Map<string, QuizQuestion[]>();
  for (const question of sorted) {
    const list = byTopic.get(question.topic.id);
    if (list) list.push(question);
    else {
      byTopic.set(question.topic.id, [question]);
      topics.push(question.topic.id);
    }
  }
  const random = seededRandom(`quiz-pick\u0000${options.seed}`);
  const topicWeights = topics.map((topic) => options.weights?.[topic] ?? 1);
  const topic = topics[weightedIndex(topicWeights, random)] as string;
  const choices = byTopic.get(topic) as QuizQuestion[];
  return choices[Math.floor(random() * choices.length)] ?? null;
}
