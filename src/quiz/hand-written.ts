/**
 * Hand-written quiz questions in the notes.
 *
 * Under any topic, a bullet that starts with `Quiz:` is a question the author wrote, with its
 * options as `>` sub-points (or as bullets indented under it):
 *
 * ```markdown
 * # Lambda
 *
 * - **Pricing**: pay per request and compute time.
 * - Quiz: What does Lambda charge for?
 *   > right: The number of requests and the compute time
 *   > wrong: The number of servers kept running
 *   > wrong: A flat monthly fee per function
 *   > wrong: The size of the deployment package
 *   > why: Lambda has no servers to pay for: you pay per request and compute time.
 * ```
 *
 * Rules:
 * - `Quiz:` starts the question (any case; `- `, `* ` or `1. ` bullets, or a plain line).
 * - exactly one `right:` line and exactly three `wrong:` lines (`correct:` / `incorrect:` work too);
 *   the four options must differ, and each should fit on a button (at most 75 characters).
 * - `why:` (or `explanation:`) is optional: one or more lines shown after the answer.
 * - a `>` line without a label continues the line above it.
 * - `**bold**` is allowed and shown plain.
 *
 * The notes parser keeps such a bullet apart from the topic's facts (`Topic.quizzes`, the options
 * as its sub-points), so the tutor never answers with a question's wrong options; the quiz reads
 * them from there.
 */
import { phraseKey } from '../knowledge/text.js';
import type { Fact, NotesProblem, Topic } from '../knowledge/types.js';
import { seededRandom, shortHash, shuffled } from './random.js';
import type { QuizQuestion } from './types.js';

/** `Quiz: …` at the start of a fact marks a hand-written question. */
const QUIZ_LABEL = /^\s*quiz\s*:\s*/i;
const OPTION_LABEL = /^\s*(right|correct|wrong|incorrect|why|explanation)\s*:\s*(.*)$/i;
/** Slack's limit for a button's text: options are likely to be buttons. */
export const MAX_OPTION_CHARS = 75;
export const WRONG_OPTIONS = 3;
/** An author's question is taken to be of middling difficulty until people have answered it. */
const HAND_WRITTEN_DIFFICULTY = 0.5;

/** True for a fact that is a hand-written question rather than something the notes teach. */
export function isQuizFact(fact: Fact): boolean {
  return QUIZ_LABEL.test(fact.text);
}

export interface HandWrittenResult {
  questions: QuizQuestion[];
  /** Hand-written questions that cannot be asked, and why; reported like any notes problem. */
  problems: NotesProblem[];
}

interface Draft {
  question: string;
  right: string[];
  wrong: string[];
  why: string[];
  problems: string[];
}

function readDraft(fact: Fact): Draft {
  const draft: Draft = {
    question: fact.text.replace(QUIZ_LABEL, '').trim(),
    right: [],
    wrong: [],
    why: [],
    problems: [],
  };
  let last: string[] | null = null;
  for (const point of fact.subPoints) {
    const labelled = OPTION_LABEL.exec(point);
    if (!labelled) {
      if (last && last.length > 0) last[last.length - 1] = `${last[last.length - 1]} ${point.trim()}`.trim();
      else draft.problems.push(`"${point}" has no label: start it with right:, wrong: or why:`);
      continue;
    }
    const label = (labelled[1] ?? '').toLowerCase();
    const text = (labelled[2] ?? '').trim();
    last =
      label === 'right' || label === 'correct'
        ? draft.right
        : label === 'wrong' || label === 'incorrect'
          ? draft.wrong
          : draft.why;
    last.push(text);
  }
  return draft;
}

function validate(draft: Draft): string[] {
  const problems = [...draft.problems];
  if (!draft.question) problems.push('the question is empty: write it after "Quiz:"');
  if (draft.right.length !== 1) problems.push(`needs exactly one "right:" line, found ${draft.right.length}`);
  if (draft.wrong.length !== WRONG_OPTIONS)
    problems.push(`needs exactly ${WRONG_OPTIONS} "wrong:" lines, found ${draft.wrong.length}`);
  const options = [...draft.right, ...draft.wrong];
  if (options.some((option) => !option)) problems.push('an option is empty');
  const keys = options.map((option) => phraseKey(option) || option.trim().toLowerCase());
  if (new Set(keys).size !== keys.length) problems.push('two options say the same thing');
  for (const option of options) {
    if (option.length > MAX_OPTION_CHARS)
      problems.push(`option "${option.slice(0, 30)}…" is longer than ${MAX_OPTION_CHARS} characters`);
  }
  return problems;
}

/** The hand-written question of one fact (`Quiz: …`), or the problems that keep it from being asked. */
export function readHandWritten(
  topic: Topic,
  fact: Fact,
): { question: QuizQuestion | null; problems: NotesProblem[] } {
  const draft = readDraft(fact);
  const problems = validate(draft);
  const file = topic.source.file;
  if (problems.length > 0) {
    return {
      question: null,
      problems: problems.map((message) => ({
        file,
        line: fact.line,
        message: `quiz question under "${topic.title}": ${message}`,
      })),
    };
  }
  const id = `${topic.id}/hand/${shortHash(phraseKey(draft.question) || draft.question)}`;
  const right = draft.right[0] as string;
  const order = shuffled([0, 1, 2, 3], seededRandom(id));
  const all = [right, ...draft.wrong];
  const options = order.map((i) => all[i] as string) as QuizQuestion['options'];
  const answer = order.indexOf(0) as QuizQuestion['answer'];
  const lines = [`✓ ${right}`];
  if (draft.why.length > 0) lines.push(draft.why.join(' '));
  lines.push(`Source: ${file} › ${topic.title}`);
  for (const wrong of draft.wrong) lines.push(`✗ ${wrong}`);
  return {
    question: {
      id,
      topic: { id: topic.id, title: topic.title },
      stem: draft.question,
      options,
      answer,
      explanation: lines.join('\n'),
      source: { file, heading: topic.title, line: fact.line },
      kind: 'hand-written',
      difficulty: HAND_WRITTEN_DIFFICULTY,
    },
    problems: [],
  };
}

/** Every hand-written question under a topic, in the order written. */
export function handWrittenQuestions(topic: Topic): HandWrittenResult {
  const result: HandWrittenResult = { questions: [], problems: [] };
  for (const fact of topic.quizzes) {
    if (!isQuizFact(fact)) continue;
    const { question, problems } = readHandWritten(topic, fact);
    if (question) result.questions.push(question);
    result.problems.push(...problems);
  }
  return result;
}
