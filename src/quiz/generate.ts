import { foldCase, phraseKey, stem, words } from '../knowledge/text.js';
import type { KnowledgeBase, NotesProblem, Topic } from '../knowledge/types.js';
import { createTutor, type Tutor } from '../tutor/tutor.js';
import { loadTradeWords } from '../understand/trade-words.js';
import { defaultUnderstandingParts } from '../understand/understanding.js';
import { neighboursOf, type QuizContext, statementsOf } from './context.js';
import { buildQuestion, type QuestionDraft } from './draft.js';
import { FitCheck } from './fit-check.js';
import { handWrittenQuestions } from './hand-written.js';
import { keyTermQuestion, keyTermsOf } from './key-term-questions.js';
import { TopicNames } from './names.js';
import { rankNeighbours } from './neighbours.js';
import { MASK } from './phrasing.js';
import { Speller } from './plain-english.js';
import { notTrueOfQuestion, trueOfQuestion } from './statement-questions.js';
import { informative, statementsOf as prepareStatements } from './statements.js';
import { compareQuestion, contrastsOf, whichServiceQuestion } from './topic-questions.js';
import type { QuizQuestion } from './types.js';
import { loadWordClasses } from './word-classes.js';

export { MASK };

export interface GenerateOptions {
  /**
   * Builds a tutor on a part of the notes, for head-to-head checks of a statement between its
   * topic and one wrong option. Defaults to `createTutor`.
   */
  tutorFor?: (knowledge: KnowledgeBase) => Tutor;
}

export interface GeneratedQuiz {
  questions: QuizQuestion[];
  /** Hand-written questions that cannot be asked, as notes problems (`file:line: message`). */
  problems: NotesProblem[];
}

/** Questions of one kind asked of one topic at most: the rest of its notes go to other kinds. */
const PER_TOPIC = { trueOf: 3, notTrueOf: 2, keyTerm: 3 } as const;
/** A topic with at least this many facts gives at least `MIN_PER_TOPIC` questions when it can. */
const MIN_FACTS = 2;
export const MIN_PER_TOPIC = 3;
/** How many sets of a short topic's statements "not true of" questions may try. */
const EXTRA_VARIANTS = 6;
/** Neighbours a topic is compared with: the closest ones. */
const COMPARED_NEIGHBOURS = 4;
const COMPARED_CLOSENESS = 0.5;

/** Kinds whose right option is the question's own topic. */
export const TOPIC_ANSWER_KINDS = new Set(['which-service', 'compare', 'fact-to-topic']);

function stemsOf(text: string): Set<string> {
  return new Set(words(text).filter(informative).map(stem));
}

/**
 * Whether a question gives its answer away or is badly formed: options that repeat, more than one
 * blank, a stem naming the topic that is the answer, or a stem word only the right option shares.
 */
export function giveaway(question: QuizQuestion, names: TopicNames): string | null {
  if (new Set(question.options.map(foldCase)).size !== 4) return 'options repeat';
  if (question.stem.split(MASK).length - 1 > 1) return 'more than one blank';
  if (TOPIC_ANSWER_KINDS.has(question.kind)) {
    const stemKey = ` ${phraseKey(question.stem)} `;
    const named = names.keys(question.topic.id).find((key) => stemKey.includes(` ${key} `));
    if (named) return `the stem names the answer ("${named}")`;
  }
  const stemWords = stemsOf(question.stem);
  const others = new Set(
    question.options.flatMap((option, i) => (i === question.answer ? [] : [...stemsOf(option)])),
  );
  const right = question.options[question.answer] ?? '';
  const echoed = [...stemsOf(right)].filter((stemmed) => stemWords.has(stemmed) && !others.has(stemmed));
  if (echoed.length > 0) return `the right option repeats "${echoed[0]}" from the stem`;
  // `Snowcone` in the stem, `Snow Family` the answer: a word of the stem that starts with one of its.
  if (TOPIC_ANSWER_KINDS.has(question.kind)) {
    const stemTokens = words(question.stem);
    const prefix = words(right).find(
      (word) =>
        word.length >= 4 &&
        !others.has(stem(word)) &&
        stemTokens.some((token) => token.length > word.length && token.startsWith(word)),
    );
    if (prefix) return `a word of the stem starts with "${prefix}" of the right option`;
  }
  return null;
}

/** A capitalised word after another word: a name (`Docker`), not a sentence's first word. */
const NAME_INSIDE = /(?<=[\p{L}\p{N},;:)] )\p{Lu}\p{L}+/gu;

/**
 * Question generation from the notes. Pure: the same notes (and tutor) give the same questions in
 * the same order with the same ids.
 */
class Generator {
  private readonly context: QuizContext;

  constructor(knowledge: KnowledgeBase, tutor: Tutor, options: GenerateOptions) {
    const { english } = defaultUnderstandingParts();
    const classes = loadWordClasses();
    const names = new TopicNames(knowledge.topics, english);
    const notesWords = new Map<string, number>();
    const namesWritten = new Set<string>();
    for (const text of knowledge.topics.flatMap((topic) => [
      topic.title,
      ...topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints]),
    ])) {
      for (const word of words(text)) notesWords.set(word, (notesWords.get(word) ?? 0) + 1);
      for (const [name] of text.matchAll(NAME_INSIDE)) namesWritten.add(name.toLowerCase());
    }
    const statements = prepareStatements(knowledge, {
      names,
      classes,
      speller: new Speller(english, notesWords, { tradeWords: loadTradeWords(), names: namesWritten }),
      namesWritten,
    });
    const fit = new FitCheck(knowledge, tutor, names, options.tutorFor ?? ((part) => createTutor(part)));
    this.context = {
      knowledge,
      tutor,
      names,
      fit,
      classes,
      statements,
      neighbours: rankNeighbours(knowledge, names, fit),
    };
  }

  /** One topic's questions, every kind, each checked for giveaways. */
  private questionsOf(topic: Topic, terms: ReturnType<typeof keyTermsOf>): QuizQuestion[] {
    const context = this.context;
    const drafts: QuizQuestion[] = [];
    const keep = (draft: QuestionDraft | null) => {
      if (!draft) return false;
      const question = buildQuestion(draft);
      if (giveaway(question, context.names) !== null || drafts.some((other) => other.id === question.id))
        return false;
      drafts.push(question);
      return true;
    };
    const compared = new Set<string>();
    for (const neighbour of neighboursOf(context, topic).slice(0, COMPARED_NEIGHBOURS)) {
      if (neighbour.closeness < COMPARED_CLOSENESS) break;
      for (const contrast of contrastsOf(context, topic, neighbour.topic)) {
        if (compared.has(contrast.asked.key)) continue;
        if (keep(compareQuestion(context, contrast))) compared.add(contrast.asked.key);
      }
    }
    const statements = statementsOf(context, topic);
    for (const statement of statements) {
      if (!compared.has(statement.key)) keep(whichServiceQuestion(context, statement));
    }
    let trueOf = 0;
    for (const statement of statements) {
      if (trueOf < PER_TOPIC.trueOf && keep(trueOfQuestion(context, statement))) trueOf++;
    }
    for (let variant = 0; variant < PER_TOPIC.notTrueOf; variant++)
      keep(notTrueOfQuestion(context, topic, variant));
    let keyTerms = 0;
    for (const term of terms.get(topic.id) ?? []) {
      if (keyTerms < PER_TOPIC.keyTerm && keep(keyTermQuestion(context, term, terms, context.knowledge)))
        keyTerms++;
    }
    if (topic.facts.length >= MIN_FACTS && drafts.length < MIN_PER_TOPIC) {
      // A topic with few notes asks the rest of them, and more sets of them, with options easier to
      // rule out, before going short.
      for (const statement of statements) {
        if (drafts.length >= MIN_PER_TOPIC) break;
        keep(trueOfQuestion(context, statement, true));
      }
      for (let variant = 0; variant < EXTRA_VARIANTS && drafts.length < MIN_PER_TOPIC; variant++)
        keep(notTrueOfQuestion(context, topic, variant, true));
    }
    return drafts;
  }

  generate(): GeneratedQuiz {
    const questions: QuizQuestion[] = [];
    const problems: NotesProblem[] = [];
    const seen = new Set<string>();
    const terms = keyTermsOf(this.context);
    for (const topic of this.context.knowledge.topics) {
      const handWritten = handWrittenQuestions(topic);
      problems.push(...handWritten.problems);
      const made = this.questionsOf(topic, terms);
      // In the notes' order: questions by their line, hand-written ones among them.
      for (const question of [...made, ...handWritten.questions].sort(
        (a, b) => a.source.line - b.source.line,
      )) {
        if (seen.has(question.id)) continue;
        seen.add(question.id);
        questions.push(question);
      }
    }
    return { questions, problems };
  }
}

/** Every question the notes give, with the problems of hand-written ones that cannot be asked. */
export function generateQuiz(
  knowledge: KnowledgeBase,
  tutor: Tutor,
  options: GenerateOptions = {},
): GeneratedQuiz {
  return new Generator(knowledge, tutor, options).generate();
}

/** Every question the notes give, in a deterministic order (topics as in the notes, then by line). */
export function generateQuestions(
  knowledge: KnowledgeBase,
  tutor: Tutor,
  options: GenerateOptions = {},
): QuizQuestion[] {
  return generateQuiz(knowledge, tutor, options).questions;
}
