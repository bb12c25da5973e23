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
  /**
   * The difficulty (0 easy .. 1 hard) to aim at among a topic's questions: those nearest to it come
   * up sooner. Without it, every difficulty is as likely.
   */
  targetDifficulty?: number;
  /** Question id -> difficulty measured from answers, in place of the question's estimate. */
  measuredDifficulty?: ReadonlyMap<string, number>;
}

/** Kinds asked this recently count when choosing which kind comes next. */
const RECENT_KINDS = 8;
/** How far from the target difficulty a question halves its chance. */
const DIFFICULTY_SPREAD = 0.2;
/** A question stored before difficulty was estimated counts as middling. */
const MIDDLING = 0.5;

/** A question's difficulty: measured when known, else estimated. */
export function difficultyOf(question: QuizQuestion, measured?: ReadonlyMap<string, number>): number {
  return measured?.get(question.id) ?? question.difficulty ?? MIDDLING;
}

/**
 * The daily quiz's target difficulty for its `round`th question: a low-discrepancy walk over easy
 * to hard (golden-ratio steps), so easy and hard days mix without long runs of either.
 */
export function dailyTargetDifficulty(round: number): number {
  const step = (round * 0.618033988749895) % 1;
  return Math.round((0.2 + 0.6 * step) * 100) / 100;
}

/**
 * The target difficulty for a person: harder the better they do (0.2 for someone who gets
 * everything wrong, 0.8 for someone who gets everything right), middling before any answer.
 */
export function personalTargetDifficulty(accuracy: number | null): number {
  return accuracy === null ? MIDDLING : Math.round((0.2 + 0.6 * accuracy) * 100) / 100;
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
 * whole pool (of the topic, when one is given) was asked. Topics are drawn first, by weight, so a
 * topic with many facts does not crowd out the others; then the kind of question asked least
 * lately; then a question of that kind, nearest the target difficulty first. Deterministic: the
 * same questions, seed and history give the same question. Null when the pool is empty.
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
  const kind = leastRecentKind(choices, questions, options.asked, random);
  const ofKind = choices.filter((question) => question.kind === kind);
  const target = options.targetDifficulty;
  if (target === undefined) return ofKind[Math.floor(random() * ofKind.length)] ?? null;
  const weights = ofKind.map((question) => {
    const distance = (difficultyOf(question, options.measuredDifficulty) - target) / DIFFICULTY_SPREAD;
    return 2 ** -(distance * distance);
  });
  return ofKind[weightedIndex(weights, random)] ?? null;
}

/**
 * Of the kinds among `choices`, the one asked least among the last few questions (ties drawn at
 * random): the quiz moves between kinds of question instead of asking one kind day after day.
 */
function leastRecentKind(
  choices: readonly QuizQuestion[],
  pool: readonly QuizQuestion[],
  asked: readonly string[],
  random: () => number,
): string {
  const kindOf = new Map(pool.map((question) => [question.id, question.kind]));
  const recent = new Map<string, number>();
  for (const id of asked.slice(-RECENT_KINDS)) {
    const kind = kindOf.get(id);
    if (kind) recent.set(kind, (recent.get(kind) ?? 0) + 1);
  }
  const kinds = [...new Set(choices.map((question) => question.kind))].sort();
  const fewest = Math.min(...kinds.map((kind) => recent.get(kind) ?? 0));
  const candidates = kinds.filter((kind) => (recent.get(kind) ?? 0) === fewest);
  return candidates[Math.floor(random() * candidates.length)] as string;
}
