import { foldCase, phraseKey, stem, VENDOR_WORDS, words } from '../knowledge/text.js';
import type { Fact, KnowledgeBase, NotesProblem, Topic } from '../knowledge/types.js';
import type { Reply } from '../tutor/reply.js';
import { createTutor, type Tutor } from '../tutor/tutor.js';
import { STOPWORDS } from '../understand/stopwords.js';
import { handWrittenQuestions } from './hand-written.js';
import { seededRandom, shortHash, shuffled } from './random.js';
import type { QuizQuestion } from './types.js';

/** The longest clue shown in a stem; a longer fact is skipped rather than cut. */
export const MAX_CLUE_CHARS = 200;
/** A clue needs this many words that say something (not stopwords, not the masked name). */
export const MIN_INFORMATIVE_WORDS = 3;
const DISTRACTORS = 3;
/** How a wrong option is described in the explanation. */
const MAX_DESCRIPTION_CHARS = 90;
/** What stands in the stem for a word that would give the answer away. */
export const MASK = '___';

export interface GenerateOptions {
  /**
   * Builds a tutor on a part of the notes, for head-to-head checks of a fact between its topic and
   * one distractor. Defaults to `createTutor`.
   */
  tutorFor?: (knowledge: KnowledgeBase) => Tutor;
  /** Told about every fact that gives no question, and why (for reports and tests). */
  onSkip?: (skip: SkippedFact) => void;
}

/** Why a fact gives no fact-to-topic question. */
export interface SkippedFact {
  topic: Topic;
  fact: Fact;
  reason:
    | 'hand-written'
    | 'unusable' // too short once the name is masked, or too long to cut
    | 'tutor-disagrees' // the tutor ranks another topic first for the clue
    | 'too-few-distractors'; // fewer than three topics it could not also describe
  /** For `tutor-disagrees`: the topic the tutor ranks first, if any. */
  detail?: string;
}

export interface GeneratedQuiz {
  questions: QuizQuestion[];
  /** Hand-written questions that cannot be asked, as notes problems (`file:line: message`). */
  problems: NotesProblem[];
}

/** A fact prepared as a clue: what the stem shows, and what the tutors are asked. */
export interface Clue {
  /** The fact as shown, with words that would give the answer away replaced by `___`. */
  shown: string;
  /** The fact as quoted in the explanation, unmasked. */
  quoted: string;
  /** Stems of the shown clue's informative words. */
  stems: Set<string>;
  /** Neighbouring informative stems of the shown clue. */
  pairs: Set<string>;
  /** The word sequence of the shown clue, space-joined with spaces around, to find names in. */
  phrase: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function informative(token: string): boolean {
  return !STOPWORDS.has(token) && !VENDOR_WORDS.has(token);
}

/**
 * Neighbouring informative words of a text, as stem pairs (`read replica`, `automat failov`): two
 * topics sharing one say the same thing, where sharing single words may be chance.
 */
export function stemPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  let previous: string | null = null;
  for (const token of words(text)) {
    if (!informative(token)) continue;
    const stemmed = stem(token);
    if (previous !== null) pairs.add(`${previous} ${stemmed}`);
    previous = stemmed;
  }
  return pairs;
}

/** Words and stems that would name a topic: its title (categories included), name and aliases. */
export function nameWords(topic: Topic): { words: Set<string>; stems: Set<string> } {
  const all = words([topic.title, topic.name, ...topic.aliases].join(' ')).filter(informative);
  return { words: new Set(all), stems: new Set(all.map(stem)) };
}

/** True when a word of the text is, or shares its stem with, a word of the topic's names. */
function givesAway(token: string, names: { words: Set<string>; stems: Set<string> }): boolean {
  return names.words.has(token) || names.stems.has(stem(token));
}

/** Replaces every word of the text that belongs to a name with `___` (a run of them with one). */
export function maskNames(text: string, names: { words: Set<string>; stems: Set<string> }): string {
  const masked = text.replace(WORD, (word) => {
    const tokens = words(word);
    return tokens.length > 0 && tokens.every((token) => givesAway(token, names)) ? MASK : word;
  });
  return masked.replace(/___(?:[\s\-/'’]+___)+/g, MASK).replace(/___['’]s\b/g, MASK);
}

/** The text a fact is asked by: the bullet, with its sub-points when the bullet introduces them. */
function factClueText(fact: Fact): string {
  const text = fact.text.trim();
  if (fact.subPoints.length > 0 && text.endsWith(':')) return `${text} ${fact.subPoints.join('; ')}`;
  return text;
}

/** The clue of a fact of a topic, or null when the fact cannot be asked without giving it away. */
export function clueOf(topic: Topic, fact: Fact): Clue | null {
  const quoted = factClueText(fact);
  // A long fact is a paragraph: its first sentence is often a preamble about something else.
  if (quoted.length > MAX_CLUE_CHARS) return null;
  const shown = maskNames(quoted, nameWords(topic))
    .replace(/[\s.;:,]+$/, '')
    .trim();
  const tokens = words(shown);
  const useful = tokens.filter(informative);
  if (useful.length < MIN_INFORMATIVE_WORDS) return null;
  if (shown.replace(/___/g, '').trim().length === 0) return null;
  return {
    shown: shown.charAt(0).toUpperCase() + shown.slice(1),
    quoted,
    stems: new Set(useful.map(stem)),
    pairs: stemPairs(shown),
    phrase: ` ${tokens.join(' ')} `,
  };
}

/** The stem of a fact-to-topic question. */
export function stemFor(clue: Clue): string {
  return `Which one is described here: “${clue.shown}”?`;
}

/** Keys (word sequences) a topic is named by in text, vendor words alone excluded. */
function nameKeys(topic: Topic): string[] {
  const keys = new Set<string>();
  for (const text of [topic.name, ...topic.aliases]) {
    const key = phraseKey(text);
    if (!key) continue;
    keys.add(key);
    const bare = words(text)
      .filter((word) => !VENDOR_WORDS.has(word))
      .join(' ');
    if (bare) keys.add(bare);
  }
  return [...keys].filter((key) => key.split(' ').some(informative));
}

function shortText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.(–-]+$/, '')}…`;
}

/** What a topic is, in a line: its first short, self-contained fact. */
export function describeTopic(topic: Topic): string {
  const facts = topic.facts;
  const plain =
    facts.find((fact) => fact.text.length <= MAX_CLUE_CHARS && !fact.text.trim().endsWith(':')) ?? facts[0];
  return plain ? shortText(plain.text, MAX_DESCRIPTION_CHARS) : topic.title;
}

/** The topic a reply ranks first: its topics, or the first "did you mean" of an unknown reply. */
function winnerOf(reply: Reply): string | undefined {
  if (reply.topics[0]) return reply.topics[0].id;
  return reply.intent === 'unknown' ? reply.suggestions[0]?.id : undefined;
}

/** What the tutors are asked for a clue: the shown text, masks left out. */
function queryOf(clue: Clue): string {
  return clue.shown.replace(/___/g, ' ').replace(/\s+/g, ' ').trim();
}

interface TopicFacts {
  topic: Topic;
  /** Stems of everything the topic's notes say, names included. */
  vocabulary: Set<string>;
  /** Neighbouring informative stems of every fact of the topic. */
  pairs: Set<string>;
  /** Key term phrases of the topic (bold), as word keys. */
  keyTerms: string[];
  /** Word keys the topic is named by in text: names, aliases, and parts of its name only it has. */
  names: string[];
  /** Informative words of the topic's own name (`s3 glacier`). */
  nameParts: Set<string>;
  /** The word sequence of the topic's first fact, its definition, to find names in. */
  definition: string;
}

/**
 * Question generation from the notes. Pure: the same notes (and tutor) give the same questions in
 * the same order with the same ids.
 */
class Generator {
  private readonly facts: TopicFacts[];
  private readonly byId: Map<string, TopicFacts>;
  /** Stem -> how many topics use it. */
  private readonly topicFrequency = new Map<string, number>();
  /** Stem pair -> how many topics say it. */
  private readonly pairFrequency = new Map<string, number>();
  private readonly pairTutors = new Map<string, Tutor>();
  private readonly othersTutors = new Map<string, Tutor>();
  private readonly tutorFor: (knowledge: KnowledgeBase) => Tutor;
  private readonly onSkip: (skip: SkippedFact) => void;

  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly tutor: Tutor,
    options: GenerateOptions,
  ) {
    this.tutorFor = options.tutorFor ?? ((part) => createTutor(part));
    this.onSkip = options.onSkip ?? (() => {});
    this.facts = knowledge.topics.map((topic) => {
      const text = [
        topic.title,
        topic.name,
        ...topic.aliases,
        ...topic.categories,
        ...topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints]),
      ].join(' ');
      const vocabulary = new Set(words(text).filter(informative).map(stem));
      const pairs = new Set(
        topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints].flatMap((part) => [...stemPairs(part)])),
      );
      return {
        topic,
        vocabulary,
        pairs,
        keyTerms: [...new Set(topic.facts.flatMap((fact) => fact.keyTerms).map(phraseKey))].filter(Boolean),
        names: nameKeys(topic),
        nameParts: new Set(words(topic.name).filter(informative)),
        definition: ` ${words(topic.facts[0] ? [topic.facts[0].text, ...topic.facts[0].subPoints].join(' ') : '').join(' ')} `,
      };
    });
    this.byId = new Map(this.facts.map((entry) => [entry.topic.id, entry]));
    for (const entry of this.facts) {
      for (const stemmed of entry.vocabulary)
        this.topicFrequency.set(stemmed, (this.topicFrequency.get(stemmed) ?? 0) + 1);
      for (const pair of entry.pairs) this.pairFrequency.set(pair, (this.pairFrequency.get(pair) ?? 0) + 1);
    }
    // `glacier` alone names `S3 Glacier`: a part of a name no other name has, and few topics use.
    const partOwners = new Map<string, number>();
    for (const entry of this.facts)
      for (const part of entry.nameParts) partOwners.set(part, (partOwners.get(part) ?? 0) + 1);
    for (const entry of this.facts) {
      for (const part of entry.nameParts) {
        if (partOwners.get(part) !== 1 || part.length < 3 || entry.names.includes(part)) continue;
        if ((this.topicFrequency.get(stem(part)) ?? 0) <= 2) entry.names.push(part);
      }
    }
  }

  /** A word is distinctive when few topics use it: sharing it makes a distractor a possible answer. */
  private distinctive(stemmed: string): boolean {
    const limit = Math.max(2, Math.floor(this.facts.length / 3));
    return (this.topicFrequency.get(stemmed) ?? 0) <= limit;
  }

  private idf(stemmed: string): number {
    return Math.log(1 + this.facts.length / (this.topicFrequency.get(stemmed) ?? 1));
  }

  /**
   * `S3 Glacier` is a kind of `Amazon S3`, Aurora is "part of RDS": what is said of one is easily
   * true of the other. Names within names, and a first fact (the definition) naming the other.
   */
  private sameFamily(a: TopicFacts, b: TopicFacts): boolean {
    const within = (x: Set<string>, y: Set<string>) => x.size > 0 && [...x].every((part) => y.has(part));
    if (within(a.nameParts, b.nameParts) || within(b.nameParts, a.nameParts)) return true;
    return this.named(b, a.definition) || this.named(a, b.definition);
  }

  private named(entry: TopicFacts, phrase: string): boolean {
    return entry.names.some((key) => phrase.includes(` ${key} `));
  }

  private readonly candidateCache = new Map<string, TopicFacts[]>();

  /** Other topics, most plausible as wrong answers first: related, mentioned, sharing rare words. */
  candidates(topic: Topic): TopicFacts[] {
    const cached = this.candidateCache.get(topic.id);
    if (cached) return cached;
    const self = this.byId.get(topic.id) as TopicFacts;
    const factPhrases = topic.facts.map(
      (fact) => ` ${words([fact.text, ...fact.subPoints].join(' ')).join(' ')} `,
    );
    const ranked = this.facts
      .map((entry, index) => {
        if (entry.topic.id === topic.id) return null;
        const other = entry.topic;
        let tier = 4;
        if (topic.related.includes(other.id)) tier = 0;
        else if (other.related.includes(topic.id)) tier = 1;
        else if (factPhrases.some((phrase) => this.named(entry, phrase))) tier = 2;
        let shared = 0;
        for (const stemmed of entry.vocabulary)
          if (self.vocabulary.has(stemmed) && this.distinctive(stemmed)) shared += this.idf(stemmed);
        if (tier === 4 && shared > 0) tier = 3;
        return { entry, tier, shared, index };
      })
      .filter((item): item is NonNullable<typeof item> => item !== null);
    ranked.sort((a, b) => a.tier - b.tier || b.shared - a.shared || a.index - b.index);
    const candidates = ranked.map((item) => item.entry);
    this.candidateCache.set(topic.id, candidates);
    return candidates;
  }

  /** A tutor on the notes of two topics only: which of them does a clue point to? */
  private headToHead(topic: Topic, other: Topic): Tutor {
    const key = `${topic.id}\u0000${other.id}`;
    let tutor = this.pairTutors.get(key);
    if (!tutor) {
      tutor = this.tutorFor({ topics: [topic, other], files: this.knowledge.files });
      this.pairTutors.set(key, tutor);
    }
    return tutor;
  }

  /** A tutor on every topic but one: what would the clue be about if its topic did not exist? */
  private withoutTopic(topic: Topic): Tutor {
    let tutor = this.othersTutors.get(topic.id);
    if (!tutor) {
      tutor = this.tutorFor({
        topics: this.knowledge.topics.filter((other) => other.id !== topic.id),
        files: this.knowledge.files,
      });
      this.othersTutors.set(topic.id, tutor);
    }
    return tutor;
  }

  /** Why a topic cannot be a wrong option for a clue, or null when it can. */
  private fits(clue: Clue, topic: Topic, entry: TopicFacts, fact: Fact): string | null {
    if (this.named(entry, clue.phrase)) return 'named in the clue';
    if (this.sameFamily(this.byId.get(topic.id) as TopicFacts, entry)) return 'same family';
    for (const stemmed of clue.stems)
      if (entry.vocabulary.has(stemmed) && this.distinctive(stemmed)) return `shares "${stemmed}"`;
    // A phrase nearly every topic uses says little; any other (`read replica`, `fully managed`)
    // says the distractor has the same property.
    for (const pair of clue.pairs) {
      if (entry.pairs.has(pair) && (this.pairFrequency.get(pair) ?? 0) * 3 <= this.facts.length * 2)
        return `says "${pair}" too`;
    }
    const factKeys = fact.keyTerms.map(phraseKey).filter(Boolean);
    if (factKeys.some((key) => entry.keyTerms.includes(key))) return 'shares a key term';
    const winner = winnerOf(this.headToHead(topic, entry.topic).answer(queryOf(clue)));
    if (winner === entry.topic.id) return 'the tutor prefers it';
    return null;
  }

  /** The fact-to-topic question of one fact, or null when it cannot be asked unambiguously. */
  factQuestion(topic: Topic, fact: Fact): QuizQuestion | null {
    const skip = (reason: SkippedFact['reason'], detail?: string): null => {
      this.onSkip(detail === undefined ? { topic, fact, reason } : { topic, fact, reason, detail });
      return null;
    };
    const clue = clueOf(topic, fact);
    if (!clue) return skip('unusable');
    const reply = this.tutor.answer(queryOf(clue));
    const top = reply.topics[0]?.id;
    if (top === undefined) return skip('tutor-disagrees', `${reply.intent}, no topic`);
    if (top !== topic.id) {
      // The clue names another topic the tutor ranks first (`… run by ECS`): askable only when
      // that topic is not an option and every option loses to the answer head to head.
      const other = this.byId.get(top);
      if (!other || !this.named(other, clue.phrase)) return skip('tutor-disagrees', top);
    }
    // The topics the clue would point to if its own topic were not in the notes also fit it.
    const alternatives = new Set(
      this.withoutTopic(topic)
        .answer(queryOf(clue))
        .topics.map((t) => t.id),
    );
    const distractors: Topic[] = [];
    for (const entry of this.candidates(topic)) {
      if (distractors.length === DISTRACTORS) break;
      if (entry.topic.id === top || alternatives.has(entry.topic.id)) continue;
      if (distractors.some((chosen) => foldCase(chosen.title) === foldCase(entry.topic.title))) continue;
      if (foldCase(entry.topic.title) === foldCase(topic.title)) continue;
      if (this.fits(clue, topic, entry, fact) === null) distractors.push(entry.topic);
    }
    if (distractors.length < DISTRACTORS) return skip('too-few-distractors');

    const id = `${topic.id}/fact/${shortHash(phraseKey(clue.quoted) || clue.quoted)}`;
    const titles = [topic.title, ...distractors.map((d) => d.title)];
    const order = shuffled([0, 1, 2, 3], seededRandom(id));
    const options = order.map((i) => titles[i] as string) as QuizQuestion['options'];
    const answer = order.indexOf(0) as QuizQuestion['answer'];
    const explanation = [
      `✓ ${topic.title}: “${clue.quoted}”`,
      `Source: ${topic.source.file} › ${topic.title}`,
      ...order
        .filter((i) => i !== 0)
        .map((i) => distractors[i - 1] as Topic)
        .map((d) => `✗ ${d.title} — ${describeTopic(d)}`),
    ].join('\n');
    return {
      id,
      topic: { id: topic.id, title: topic.title },
      stem: stemFor(clue),
      options,
      answer,
      explanation,
      source: { file: topic.source.file, heading: topic.title, line: fact.line },
      kind: 'fact-to-topic',
    };
  }

  generate(): GeneratedQuiz {
    const questions: QuizQuestion[] = [];
    const problems: NotesProblem[] = [];
    const seen = new Set<string>();
    const add = (question: QuizQuestion) => {
      if (seen.has(question.id)) return;
      seen.add(question.id);
      questions.push(question);
    };
    for (const topic of this.knowledge.topics) {
      const handWritten = handWrittenQuestions(topic);
      problems.push(...handWritten.problems);
      const fromFacts = topic.facts.flatMap((fact) => this.factQuestion(topic, fact) ?? []);
      // In the notes' order: facts and hand-written questions by their line.
      for (const question of [...fromFacts, ...handWritten.questions].sort(
        (a, b) => a.source.line - b.source.line,
      )) {
        add(question);
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

/**
 * Every question the notes give, in a deterministic order (topics as in the notes, facts in order):
 * fact-to-topic questions from facts that point to their topic unambiguously, and hand-written ones.
 */
export function generateQuestions(
  knowledge: KnowledgeBase,
  tutor: Tutor,
  options: GenerateOptions = {},
): QuizQuestion[] {
  return generateQuiz(knowledge, tutor, options).questions;
}
