import { formatProblem, KnowledgeFolderError, loadKnowledgeDir } from './knowledge/load.js';
import type { KnowledgeBase } from './knowledge/types.js';
import { generateQuestions } from './quiz/generate.js';
import type { QuizQuestion } from './quiz/types.js';
import type { Reply } from './tutor/reply.js';
import { createTutor, type Tutor } from './tutor/tutor.js';

/** What a reload came to: the new notes serve, or the old ones still do and these are why. */
export type ReloadOutcome =
  | { ok: true; topics: number; files: number; previousTopics: number }
  | { ok: false; problems: string[]; topics: number };

/**
 * The tutor on the notes folder as it was last loaded without problems. `reload()` reads the
 * folder again and swaps the tutor only when every file loads cleanly, so a bad edit never takes
 * the tutor down or half-loads the notes. The quiz questions follow the notes they came from.
 */
export class LiveTutor implements Tutor {
  #tutor: Tutor;
  #questions: QuizQuestion[] | null = null;

  constructor(
    /** The notes folder (KNOWLEDGE_DIR). */
    readonly dir: string,
    first: Tutor,
  ) {
    this.#tutor = first;
  }

  answer(question: string): Reply {
    return this.#tutor.answer(question);
  }

  topicsOf(question: string): { topics: string[]; suggestions: string[] } {
    return this.#tutor.topicsOf(question);
  }

  explainTopic(topicId: string): Reply {
    return this.#tutor.explainTopic(topicId);
  }

  get knowledge(): KnowledgeBase {
    return this.#tutor.knowledge;
  }

  /** The quiz questions of the current notes, made on first use (it checks every fact with the tutor). */
  questions(): readonly QuizQuestion[] {
    this.#questions ??= generateQuestions(this.#tutor.knowledge, this.#tutor);
    return this.#questions;
  }

  reload(): ReloadOutcome {
    const previousTopics = this.#tutor.knowledge.topics.length;
    let loaded: ReturnType<typeof loadKnowledgeDir>;
    try {
      loaded = loadKnowledgeDir(this.dir);
    } catch (error) {
      if (!(error instanceof KnowledgeFolderError)) throw error;
      return { ok: false, problems: [error.message], topics: previousTopics };
    }
    const { knowledge, problems } = loaded;
    if (problems.length > 0) {
      return {
        ok: false,
        problems: problems.map((problem) => formatProblem(this.dir, problem)),
        topics: previousTopics,
      };
    }
    if (knowledge.topics.length === 0) {
      return {
        ok: false,
        problems: [`${this.dir} has no topics: add ## headings to a .md notes file`],
        topics: previousTopics,
      };
    }
    this.#tutor = createTutor(knowledge);
    this.#questions = null;
    return { ok: true, topics: knowledge.topics.length, files: knowledge.files.length, previousTopics };
  }
}
