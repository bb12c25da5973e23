/** Where a piece of the notes came from, for citing sources and reporting problems. */
export interface SourceRef {
  /** Notes file name relative to the knowledge folder, e.g. `compute.md`. */
  file: string;
  line: number;
}

/** One bullet of the notes, with its `>` sub-points folded in. */
export interface Fact {
  /** The bullet text with `**` markers removed and continuation lines joined. */
  text: string;
  /** Sub-points (`>` lines) under the bullet, markers removed. */
  subPoints: string[];
  /** Phrases the author marked `**bold**` in this bullet or its sub-points. */
  keyTerms: string[];
  line: number;
}

/** One `# Heading` of the notes and everything under it. */
export interface Topic {
  /** Stable slug, e.g. `ecs` or `api-gateway`. */
  id: string;
  /** The heading text exactly as written, e.g. `Fargate (serverless)`. */
  title: string;
  /** The heading without a parenthetical, e.g. `Fargate`. */
  name: string;
  /** Other names people use: the expansion of an acronym, the name without "Amazon"/"AWS", metadata aliases. */
  aliases: string[];
  /** Words in a heading parenthetical that describe a category rather than name the topic (`serverless`). */
  categories: string[];
  facts: Fact[];
  /**
   * Hand-written quiz questions: bullets starting `Quiz:` (see src/quiz/hand-written.ts). Kept
   * apart from the facts, so the tutor never answers with a question's wrong options.
   */
  quizzes: Fact[];
  /**
   * Questions people ask about this topic, written by the notes' authors as `Asked as:` lines:
   * the tutor weighs their words like the topic's own, and never shows them as facts.
   */
  askedAs: string[];
  /** Ids of topics named in a `See also:` line. */
  related: string[];
  source: SourceRef;
}

/** A problem found in the notes, reported as `file:line: message`. */
export interface NotesProblem {
  file: string;
  line: number;
  message: string;
}

/** Everything the tutor knows: the topics of every notes file that loaded. */
export interface KnowledgeBase {
  topics: Topic[];
  /** Notes files that loaded, in the order they were read. */
  files: string[];
  /**
   * Headings that only group topics (`# Kubernetes notes` over `## Pods`), in the notes' order:
   * with the file names, what the notes as a whole are about.
   */
  sections?: string[];
}
