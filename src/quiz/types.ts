/** The kinds of question the quiz asks. */
export type QuizKind =
  /** A fact of the notes is shown (the topic's name masked); the learner picks the topic it is about. */
  | 'fact-to-topic'
  /** A question a notes author wrote under a topic (`* Quiz: …` with `> right:` / `> wrong:` lines). */
  | 'hand-written';

/** One multiple-choice question, ready for any face to render. */
export interface QuizQuestion {
  /**
   * Stable id: the topic id, the kind and a hash of the fact (or hand-written question), so the
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
  /** Shown after answering: the fact quoted, its source, and what each wrong option is instead. */
  explanation: string;
  /** Where the question comes from in the notes. */
  source: { file: string; heading: string; line: number };
  kind: QuizKind;
}
