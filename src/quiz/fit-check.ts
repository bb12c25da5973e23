import { phraseKey, stem, words } from '../knowledge/text.js';
import type { KnowledgeBase, Topic } from '../knowledge/types.js';
import type { Tutor } from '../tutor/tutor.js';
import { type TopicNames, tokenize } from './names.js';
import { informative, isGenericStem, type Statement } from './statements.js';

/** What the check knows of one topic: everything its notes say, as stems and stem pairs. */
interface TopicProfile {
  topic: Topic;
  vocabulary: Set<string>;
  pairs: Set<string>;
  keyTerms: Set<string>;
  categories: Set<string>;
  /** Informative words of the heading's own name (`s3 glacier`). */
  nameParts: Set<string>;
  /** The word sequence of the first fact, its definition, to find names in. */
  definition: string;
}

/** Neighbouring informative stems (`read replica`): two topics sharing one say the same thing. */
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

/** The topic a reply ranks first: its topics, or the first "did you mean" of an unknown reply. */
function winnerOf(found: { topics: string[]; suggestions: string[] }): string | undefined {
  return found.topics[0] ?? found.suggestions[0];
}

/**
 * Is a statement of one topic also true of another? A question keeps only wrong options of which
 * it is not: the statement shares no telling word or phrase with the other topic's notes, names
 * neither it nor its family, and the answering engine, on the notes of the two topics alone,
 * points to the statement's own topic. Conservative: when in doubt, it may be true.
 */
/** Notes with fewer topics say too little to tell a word of them all from a word of most. */
const WIDESPREAD_MIN_TOPICS = 5;
/** The share of the topics whose notes use a word that makes it the notes' subject. */
const WIDESPREAD_SHARE = 0.75;

export class FitCheck {
  readonly #profiles = new Map<string, TopicProfile>();
  readonly #topicFrequency = new Map<string, number>();
  readonly #pairFrequency = new Map<string, number>();
  readonly #pairTutors = new Map<string, Tutor>();
  readonly #othersTutors = new Map<string, Tutor>();
  readonly #topicCount: number;
  /** Stems of every topic's names. */
  readonly #nameStems = new Set<string>();

  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly tutor: Tutor,
    private readonly names: TopicNames,
    private readonly tutorFor: (knowledge: KnowledgeBase) => Tutor,
  ) {
    this.#topicCount = knowledge.topics.length;
    for (const topic of knowledge.topics)
      for (const stemmed of names.nameStems(topic.id)) this.#nameStems.add(stemmed);
    for (const topic of knowledge.topics) {
      const factTexts = topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints]);
      const text = [topic.title, topic.name, ...topic.aliases, ...topic.categories, ...factTexts].join(' ');
      const profile: TopicProfile = {
        topic,
        vocabulary: new Set(words(text).filter(informative).map(stem)),
        pairs: new Set(factTexts.flatMap((part) => [...stemPairs(part)])),
        keyTerms: new Set(topic.facts.flatMap((fact) => fact.keyTerms).map(phraseKey)),
        categories: new Set(words(topic.categories.join(' ')).filter(informative).map(stem)),
        nameParts: new Set(words(topic.name).filter(informative)),
        definition: ` ${words(topic.facts[0] ? [topic.facts[0].text, ...topic.facts[0].subPoints].join(' ') : '').join(' ')} `,
      };
      this.#profiles.set(topic.id, profile);
      for (const stemmed of profile.vocabulary)
        this.#topicFrequency.set(stemmed, (this.#topicFrequency.get(stemmed) ?? 0) + 1);
      for (const pair of profile.pairs)
        this.#pairFrequency.set(pair, (this.#pairFrequency.get(pair) ?? 0) + 1);
    }
  }

  /** How many topics use a stem. */
  frequency(stemmed: string): number {
    return this.#topicFrequency.get(stemmed) ?? 0;
  }

  idf(stemmed: string): number {
    return Math.log(1 + this.#topicCount / Math.max(1, this.frequency(stemmed)));
  }

  /** A stem few topics use: sharing it makes another topic a possible answer. */
  distinctive(stemmed: string): boolean {
    return this.frequency(stemmed) <= Math.max(2, Math.floor(this.#topicCount / 3));
  }

  /**
   * A word nearly every topic's notes use (`git` and `commit` in notes on git) is what the notes
   * are about, not what one topic is: it makes no statement fit another topic.
   */
  widespread(stemmed: string): boolean {
    return (
      this.#topicCount >= WIDESPREAD_MIN_TOPICS &&
      this.frequency(stemmed) >= this.#topicCount * WIDESPREAD_SHARE
    );
  }

  profileVocabulary(topicId: string): ReadonlySet<string> {
    return this.#profiles.get(topicId)?.vocabulary ?? new Set();
  }

  /**
   * `S3 Glacier` is a kind of `Amazon S3`, Aurora is "part of RDS": what is said of one is easily
   * true of the other. Names within names, and a definition naming the other.
   */
  sameFamily(a: Topic, b: Topic): boolean {
    const one = this.#profiles.get(a.id);
    const two = this.#profiles.get(b.id);
    if (!one || !two) return false;
    const within = (x: Set<string>, y: Set<string>) => x.size > 0 && [...x].every((part) => y.has(part));
    if (within(one.nameParts, two.nameParts) || within(two.nameParts, one.nameParts)) return true;
    const named = (topic: Topic, phrase: string) =>
      this.names.keys(topic.id).some((key) => phrase.includes(` ${key} `));
    return named(b, one.definition) || named(a, two.definition);
  }

  /** What the engine is asked for a statement: its words, its own topic's names left out. */
  query(statement: Statement): string {
    const tokens = tokenize(statement.plain);
    const own = this.names.spans(tokens, statement.topic.id, true);
    return tokens
      .filter((_, i) => !own.some((span) => i >= span.from && i < span.to))
      .map((token) => token.word)
      .join(' ');
  }

  /** The topic the engine ranks first for the statement on the whole notes, a "did you mean" included. */
  engineTop(statement: Statement): string | undefined {
    return winnerOf(this.tutor.topicsOf(this.query(statement)));
  }

  /**
   * Why `statement` may also be true of `other` (so `other` cannot be a wrong option for it), or
   * null when it safely is not. `strict` adds the engine's view of the notes without the
   * statement's own topic: whatever it would then answer fits too.
   */
  mayFit(statement: Statement, other: Topic, strict = true): string | null {
    const own = statement.topic;
    if (own.id === other.id) return 'its own topic';
    const profile = this.#profiles.get(other.id);
    if (!profile) return 'unknown topic';
    if (this.names.names(statement.plain, other.id)) return 'named in it';
    if (this.sameFamily(own, other)) return 'same family';
    const otherNames = this.names.nameStems(other.id);
    for (const stemmed of statement.stems)
      if (profile.categories.has(stemmed) && !this.widespread(stemmed)) return `category "${stemmed}"`;
    let shared = 0;
    let total = 0;
    let tellingShared = 0;
    for (const stemmed of statement.stems) {
      if (otherNames.has(stemmed) || this.widespread(stemmed)) continue;
      const weight = this.idf(stemmed);
      total += weight;
      if (!profile.vocabulary.has(stemmed)) continue;
      shared += weight;
      if (isGenericStem(stemmed)) continue;
      tellingShared++;
      // Both naming Fargate says they are related, not that they do the same.
      if (this.distinctive(stemmed) && !this.#nameStems.has(stemmed)) return `shares "${stemmed}"`;
    }
    if (total > 0 && shared / total >= 0.5) return 'says much the same';
    // "Containers can be hosted on EC2 or Fargate" is about containers: Docker has them too.
    const subject = statement.subject;
    if (
      subject &&
      !isGenericStem(subject) &&
      !this.widespread(subject) &&
      !otherNames.has(subject) &&
      profile.vocabulary.has(subject)
    )
      return `about "${subject}" too`;
    // "AWS takes care of starting / stopping containers" says little beyond "containers": another
    // container service may well do the same.
    if (tellingShared > 0 && tellingShared / Math.max(1, statement.telling.size) >= 0.25)
      return 'says much the same';
    for (const pair of stemPairs(statement.plain)) {
      if (profile.pairs.has(pair) && (this.#pairFrequency.get(pair) ?? 0) * 3 <= this.#topicCount * 2)
        return `says "${pair}" too`;
    }
    if (statement.keyTerms.some((term) => profile.keyTerms.has(phraseKey(term)))) return 'shares a key term';
    if (this.enginePrefers(statement, other)) return 'the engine prefers it';
    if (strict && this.#alternatives(statement).has(other.id))
      return 'the engine finds it without the answer';
    return null;
  }

  /** Whether the engine, on the notes of the statement's topic and the other alone, points to the other. */
  enginePrefers(statement: Statement, other: Topic): boolean {
    return winnerOf(this.#headToHead(statement.topic, other).topicsOf(this.query(statement))) === other.id;
  }

  readonly #alternativeCache = new Map<string, Set<string>>();

  /** The topics the statement would point to if its own topic were not in the notes. */
  #alternatives(statement: Statement): Set<string> {
    const key = `${statement.topic.id}\u0000${statement.key}`;
    let found = this.#alternativeCache.get(key);
    if (!found) {
      found = new Set(this.#withoutTopic(statement.topic).topicsOf(this.query(statement)).topics);
      this.#alternativeCache.set(key, found);
    }
    return found;
  }

  /** A tutor on the notes of two topics only: which of them does a statement point to? */
  #headToHead(topic: Topic, other: Topic): Tutor {
    const key = `${topic.id}\u0000${other.id}`;
    let tutor = this.#pairTutors.get(key);
    if (!tutor) {
      tutor = this.tutorFor({ topics: [topic, other], files: this.knowledge.files });
      this.#pairTutors.set(key, tutor);
    }
    return tutor;
  }

  /** A tutor on every topic but one. */
  #withoutTopic(topic: Topic): Tutor {
    let tutor = this.#othersTutors.get(topic.id);
    if (!tutor) {
      tutor = this.tutorFor({
        topics: this.knowledge.topics.filter((other) => other.id !== topic.id),
        files: this.knowledge.files,
      });
      this.#othersTutors.set(topic.id, tutor);
    }
    return tutor;
  }
}
