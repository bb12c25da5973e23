/** The kinds of question the quiz asks. */
export type QuizKind =
  /** A fact of the notes, the topic's names masked: which topic is it about? */
  | 'which-service'
  /** A topic: which of four statements is true of it (the others are said of related topics)? */
  | 'true-of'
  /** A topic: which of four statements is not true of it (three are its own, one a related topic's)? */
  | 'not-true-of'
  /** A facet on which two related topics differ: which topic does the statement describe? */
  | 'compare'
  /** A `**bold**` key term masked in its fact: which term fills the blank? */
  | 'key-term'
  /** A question a notes author wrote under a topic (`* Quiz: …` with `> right:` / `> wrong:` lines). */
  | 'hand-written'
  /** What `which-service` was called before; quizzes stored then keep it. */
  | 'fact-to-topic';

/** The kinds the notes give questions of now, in the order they are described. */
export const QUIZ_KINDS: readonly QuizKind[] = [
  'which-service',
  'true-of',
  'not-true-of',
  'compare',
  'key-term',
  'hand-written',
];

/** One multiple-choice question, ready for any face to render. */
export interface QuizQuestion {
  /**
   * Stable id: the topic id, the kind and a hash of what it asks (`lambda/fact/1a2b3c4d`), so the
   * same notes always give the same ids, and editing a fact gives it a new one.
   */
  id: string;
  /** The topic the question is about (for hand-written ones, the topic it is written under). */
  topic: { id: string; title: string };
  /** The question as shown. */
  stem: string;
  /** Four distinct options, in the order shown. */
  options: [string, string, string, string];
  /** Index of the right option. */
  answer: 0 | 1 | 2 | 3;
  /** Shown after answering: why the right option is right and why each wrong one is wrong here. */
  explanation: string;
  /** Where the question comes from in the notes. */
  source: { file: string; heading: string; line: number };
  kind: QuizKind;
  /**
   * 0 (nearly everyone gets it right) .. 1 (nearly nobody does): estimated from how close the wrong
   * options are to the answer. Absent on questions stored before it was estimated.
   */
  difficulty?: number;
}
