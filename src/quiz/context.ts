import type { KnowledgeBase, Topic } from '../knowledge/types.js';
import type { Tutor } from '../tutor/tutor.js';
import type { FitCheck } from './fit-check.js';
import type { TopicNames } from './names.js';
import type { Neighbour } from './neighbours.js';
import type { Statement } from './statements.js';
import type { WordClasses } from './word-classes.js';

/** What every form of question is made from: the notes prepared once. */
export interface QuizContext {
  knowledge: KnowledgeBase;
  tutor: Tutor;
  names: TopicNames;
  fit: FitCheck;
  classes: WordClasses;
  /** By topic id, most teaching first. */
  statements: ReadonlyMap<string, Statement[]>;
  /** By topic id, most confusable first. */
  neighbours: ReadonlyMap<string, Neighbour[]>;
}

export function statementsOf(context: QuizContext, topic: Topic): Statement[] {
  return context.statements.get(topic.id) ?? [];
}

export function neighboursOf(context: QuizContext, topic: Topic): Neighbour[] {
  return context.neighbours.get(topic.id) ?? [];
}

/** `“…”`: a note quoted as written. */
export function quote(statement: Statement): string {
  return `“${statement.quoted.replace(/\s+/g, ' ').trim()}”`;
}

/**
 * The statement of `other` that comes nearest to `statement`: the most telling words in common, at
 * least two, or one that few topics use. Null when none does: what a wrong option's notes say on the
 * question's subject.
 */
export function nearestStatement(context: QuizContext, statement: Statement, other: Topic): Statement | null {
  let best: Statement | null = null;
  let bestScore = 0;
  for (const candidate of statementsOf(context, other)) {
    const shared = [...candidate.telling].filter((stemmed) => statement.telling.has(stemmed));
    if (shared.length < 2 && !shared.some((stemmed) => context.fit.distinctive(stemmed))) continue;
    const score = shared.reduce((sum, stemmed) => sum + context.fit.idf(stemmed), 0);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** The statement that says what a topic is: its first one in the notes. */
export function definingStatement(context: QuizContext, topic: Topic): Statement | null {
  const list = statementsOf(context, topic);
  return [...list].sort((a, b) => a.fact.line - b.fact.line)[0] ?? null;
}

/**
 * Why `other` is not the answer to a question asking about `statement`: its notes say the opposite
 * on the same subject, or something else on it, or describe something else altogether.
 */
export function whyNotTopic(context: QuizContext, statement: Statement, other: Topic): string {
  const near = nearestStatement(context, statement, other);
  if (near && near.negative !== statement.negative) return `no: its notes say ${quote(near)}`;
  if (near) return `its notes say something else on this: ${quote(near)}`;
  const defining = definingStatement(context, other);
  return defining
    ? `nothing like this in its notes, which say ${quote(defining)}`
    : 'nothing like this in its notes';
}
