import type { Topic } from '../knowledge/types.js';
import { seededRandom, shortHash, shuffled } from './random.js';
import type { QuizKind, QuizQuestion } from './types.js';

/** A question before its options are shuffled: the right option first, each with why. */
export interface QuestionDraft {
  kind: QuizKind;
  topic: Topic;
  /** The id's middle part (`fact`, `true`, `not`, `compare`, `term`) and what is hashed after it. */
  idPart: string;
  idKey: string;
  stem: string;
  right: { text: string; why: string };
  wrong: { text: string; why: string }[];
  /** The line of the notes the question comes from. */
  line: number;
  /** 0..1: how easily the wrong options are taken for the right one. */
  closeness: number;
}

const LETTERS = ['A', 'B', 'C', 'D'] as const;
/** An option as an explanation line names it: cut, so a line stays readable. */
const OPTION_IN_LINE = 70;

/** Harder kinds ask more than recognition. */
const KIND_BIAS: Partial<Record<QuizKind, number>> = {
  'true-of': 0.05,
  'not-true-of': 0.1,
  compare: 0.15,
  'key-term': 0.1,
};

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:.(–-]+$/, '')}…`;
}

/** The estimate of a question's difficulty, before anyone has answered it. */
export function estimateDifficulty(kind: QuizKind, closeness: number): number {
  const value = 0.15 + 0.6 * closeness + (KIND_BIAS[kind] ?? 0);
  return Math.round(Math.min(0.95, Math.max(0.05, value)) * 100) / 100;
}

/** The question: options in a stable shuffled order, the explanation lettered in that order. */
export function buildQuestion(draft: QuestionDraft): QuizQuestion {
  const id = `${draft.topic.id}/${draft.idPart}/${shortHash(draft.idKey)}`;
  const all = [draft.right, ...draft.wrong];
  const order = shuffled([0, 1, 2, 3], seededRandom(id));
  const options = order.map((i) => all[i]?.text as string) as QuizQuestion['options'];
  const answer = order.indexOf(0) as QuizQuestion['answer'];
  const line = (position: number) => {
    const option = all[order[position] as number] as { text: string; why: string };
    return `${LETTERS[position]}. ${cut(option.text, OPTION_IN_LINE)} — ${option.why}`;
  };
  const explanation = [
    `✓ ${line(answer)}`,
    `Source: ${draft.topic.source.file} › ${draft.topic.title}`,
    ...order.flatMap((_, position) => (position === answer ? [] : [`✗ ${line(position)}`])),
  ].join('\n');
  return {
    id,
    topic: { id: draft.topic.id, title: draft.topic.title },
    stem: draft.stem,
    options,
    answer,
    explanation,
    source: { file: draft.topic.source.file, heading: draft.topic.title, line: draft.line },
    kind: draft.kind,
    difficulty: estimateDifficulty(draft.kind, draft.closeness),
  };
}
