import { generateQuiz } from '../quiz/generate.js';
import { pickQuestion } from '../quiz/pick.js';
import type { QuizQuestion } from '../quiz/types.js';
import type { TopicRef } from '../tutor/reply.js';
import type { Tutor } from '../tutor/tutor.js';

/** An option of a question, by index. */
export type Choice = 0 | 1 | 2 | 3;

const CHOICE = /^([a-d]|[1-4])\s*[).:]?$/i;

/**
 * The option a typed line chooses: `A`–`D`, `a`–`d` or `1`–`4`, optionally followed by `)`, `.` or
 * `:`. Null for anything else (a question, another command, `5`, `e`).
 */
export function parseChoice(line: string): Choice | null {
  const match = CHOICE.exec(line.trim());
  if (!match) return null;
  const key = (match[1] as string).toLowerCase();
  const index = /[1-4]/.test(key) ? Number(key) - 1 : key.charCodeAt(0) - 97;
  return index as Choice;
}

/** How one answer went, with the session's tally so far (this answer included). */
export interface PracticeFeedback {
  question: QuizQuestion;
  choice: Choice;
  correct: boolean;
  answered: number;
  right: number;
}

/**
 * A person's practice quiz in one terminal chat: questions generated from the notes on the first
 * request, picked without repeats (until every question of the pool was asked), one awaiting an
 * answer at a time. Nothing is recorded: terminal practice is not scored.
 */
export class PracticeSession {
  #questions: QuizQuestion[] | null = null;
  readonly #asked: string[] = [];
  #pending: QuizQuestion | null = null;
  #answered = 0;
  #right = 0;

  /** `seed` varies the picks between sessions (e.g. the session's start time); fixed in tests. */
  constructor(
    private readonly tutor: Tutor,
    private readonly seed: string,
  ) {}

  /** The question awaiting an answer, if any. */
  get pending(): QuizQuestion | null {
    return this.#pending;
  }

  /** How many questions were asked in the session. */
  get asked(): number {
    return this.#asked.length;
  }

  #pool(): QuizQuestion[] {
    this.#questions ??= generateQuiz(this.tutor.knowledge, this.tutor).questions;
    return this.#questions;
  }

  /**
   * The next question (about `topic` when given), now awaiting an answer; null when the notes give
   * none (about that topic).
   */
  next(topic: TopicRef | null = null): QuizQuestion | null {
    const question = pickQuestion(this.#pool(), {
      seed: `${this.seed}:${this.#asked.length}`,
      asked: this.#asked,
      ...(topic ? { topicId: topic.id } : {}),
    });
    this.#pending = question;
    if (question) this.#asked.push(question.id);
    return question;
  }

  /** Answers the pending question; null when none is pending. */
  answer(choice: Choice): PracticeFeedback | null {
    const question = this.#pending;
    if (!question) return null;
    this.#pending = null;
    const correct = choice === question.answer;
    this.#answered++;
    if (correct) this.#right++;
    return { question, choice, correct, answered: this.#answered, right: this.#right };
  }

  /** The person moved on: the pending question is no longer awaiting an answer. */
  skip(): void {
    this.#pending = null;
  }
}
