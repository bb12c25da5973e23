import Fuse from 'fuse.js';
import { OPENS_ON_SCENE } from '../knowledge/definition.js';
import { expandsAcronym, phraseKey, stem, VENDOR_WORDS, words } from '../knowledge/text.js';
import type { Fact, KnowledgeBase, Topic } from '../knowledge/types.js';
import { allowedSlips, editDistance } from './edit-distance.js';
import { NotesTally, type NotesWord, type StemTally } from './notes-tally.js';
import { NEGATION, NEGATIONS, STOPWORDS } from './stopwords.js';

/**
 * A topic's first fact that opens on a scene ("suppose, if we use ec2 server, we have virtual
 * servers … bounded with some memory") tells what the topic replaces: its words count this share.
 */
const SCENE_SHARE = 0.5;
/**
 * What a fact says its topic is not for ("only for web apps, not for background workers", "not
 * made for complex relational queries") is a need it turns away: its words count this share, so a
 * question with that need goes to the topic that meets it, while one asking whether this topic
 * does it still finds the fact.
 */
const TURNED_DOWN_SHARE = 0.25;
/** `Security Groups & NACLs`, `Users and Groups`, `ALB / NLB`: a heading that names several things. */
const NAME_OF_SEVERAL = /\s(?:&|and|\/|\+)\s|,\s/i;

/**
 * A part of a heading of several things names its topic when the topic's facts use it this often,
 * and this many times as often as any other topic's (`plan` in 9 facts of `Plan & Apply` of notes on
 * Terraform, in 6 of `Import & Drift`).
 */
const DWELLS = 2;
const OUTNUMBERS = 1.5;
/** A short name in capitals, maybe plural: `MFA`, `NACLs`, `DAGs`. */
const CAPITALS_NAME = /^[A-Z][A-Z0-9]{1,5}s?$/;

/** The things a heading names when it names several (`Activities & retries`: `Activities`, `retries`); none otherwise. */
export function thingsNamed(heading: string): string[] {
  return NAME_OF_SEVERAL.test(heading) ? heading.split(NAME_OF_SEVERAL) : [];
}

/** A name of a topic as a learner might type it. */
export interface TopicName {
  /** Words of the name, lowercase, space-joined. */
  key: string;
  topic: number;
  /** The heading's own name, or another alias for it. */
  /** `partial`: a part of a longer name that no other topic's name has (`glacier` of `S3 Glacier`). */
  kind: 'name' | 'alias' | 'partial';
}

/** One fact prepared for search. */
export interface IndexedFact {
  topic: number;
  /** Index of the fact within its topic. */
  fact: number;
  /** Distinct stems of the fact's subject words... */
  terms: string[];
  /**
   * ...and how often each occurs (a sub-point naming another topic counts half): `counts[countsAt + i]`
   * for `terms[i]`, in one array shared by every fact.
   */
  counts: Float64Array;
  countsAt: number;
  length: number;
  /** Topics this fact names (other than its own): a handful at most, so a list. */
  mentions: readonly number[];
  /** Stems of the fact's `**key terms**`, each once. */
  keyStems: readonly string[];
}

/**
 * Facts a stem occurs in, in the notes' order, with how often: views of two typed arrays shared by
 * every stem, which the garbage collector neither scans nor copies.
 */
export interface Postings {
  facts: Int32Array;
  counts: Float64Array;
}

/** Numbers appended one at a time into a typed array that doubles when full. */
class GrowingNumbers<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(
    public values: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = this.make(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/** How often a stem occurs in a fact; facts have few distinct words, so a scan is fastest. */
export function countIn(fact: IndexedFact, stemmed: string): number {
  const at = fact.terms.indexOf(stemmed);
  return at < 0 ? 0 : (fact.counts[fact.countsAt + at] ?? 0);
}

/**
 * A heading's parenthesis that shortens the name (`Private CA` of AWS Private Certificate
 * Authority: the name's own words and acronyms of runs of them) names the topic as a whole.
 */
function shortFormsOfName(topic: Topic): string[] {
  const nameWords = words(topic.name);
  const nameStems = new Set(nameWords.map(stem));
  const spellsRunOfName = (word: string) => {
    for (let from = 0; from < nameWords.length; from++)
      for (let to = from + 2; to <= nameWords.length; to++)
        if (expandsAcronym(word, nameWords.slice(from, to).join(' '))) return true;
    return false;
  };
  return topic.categories.flatMap((category) => {
    const categoryWords = words(category);
    const short = categoryWords.some((word) => !nameStems.has(stem(word)));
    return short && categoryWords.every((word) => nameStems.has(stem(word)) || spellsRunOfName(word))
      ? categoryWords.map(stem)
      : [];
  });
}

/** What `prefixes` holds for a start of the names of several topics. */
const SEVERAL = -1;

/** Most parts of facts name no other topic: they share one empty set... */
const NONE: ReadonlySet<never> = new Set<never>();
/** ...and most facts no topic and no key term, one empty list each. */
const NO_NUMBERS: readonly number[] = [];
const NO_STRINGS: readonly string[] = [];
/** What `findMentions` finds in a part that names no other topic. */
const NO_MENTIONS = { topics: NONE, covered: NONE };

/**
 * The stems of a fact's key terms, each once, for the fact; those of words other than stopwords
 * go into the topic's key stems too.
 */
function keyStemsOf(fact: Fact, topicKeyStems: Set<string>): readonly string[] {
  if (fact.keyTerms.length === 0) return NO_STRINGS;
  const stems = new Set<string>();
  for (const term of fact.keyTerms)
    for (const word of words(term)) {
      const stemmed = stem(word);
      stems.add(stemmed);
      if (!STOPWORDS.has(word)) topicKeyStems.add(stemmed);
    }
  return [...stems];
}

/**
 * Counts every counted word of a part, the first `count` of `tokenWords`, at the same share: most
 * parts name nothing and turn nothing down.
 */
function countAll(tally: NotesTally, tokenWords: readonly NotesWord[], count: number, share: number): void {
  for (let at = 0; at < count; at++) {
    const word = tokenWords[at] as NotesWord;
    if (word.counted) tally.countInFact(word.stem, share);
  }
}

/**
 * Fuse.js indexes of strings grouped by first letter (typos rarely change it) and length: a string
 * more letters longer or shorter than the slips a typed word may hold can never be its match, so
 * only the few groups within reach are searched. Each group's index is built the first time a word
 * needs it, so loading stays fast.
 */
class FirstLetterFuzzy<T> {
  private readonly groups = new Map<number, T[]>();
  private readonly built = new Map<number, Fuse<T>>();
  /** Item -> its place among the items, which breaks ties in score as one index of them all would. */
  private readonly order = new Map<T, number>();

  constructor(
    items: Iterable<T>,
    private readonly keyOf: (item: T) => string,
    private readonly keys: string[],
  ) {
    for (const item of items) {
      const key = keyOf(item);
      if (!key) continue;
      this.order.set(item, this.order.size);
      const groupKey = FirstLetterFuzzy.groupKey(key.charCodeAt(0), key.length);
      const group = this.groups.get(groupKey);
      if (group) group.push(item);
      else this.groups.set(groupKey, [item]);
    }
  }

  /**
   * A group's key: the first letter's code and the length in one number, not a string made and
   * hashed for each of the notes' thousands of words.
   */
  private static groupKey(letter: number, length: number): number {
    return letter * 2 ** 32 + length;
  }

  /** One more item, found from the next search on. */
  add(item: T): void {
    const key = this.keyOf(item);
    if (!key || this.order.has(item)) return;
    this.order.set(item, this.order.size);
    const groupKey = FirstLetterFuzzy.groupKey(key.charCodeAt(0), key.length);
    const group = this.groups.get(groupKey);
    if (group) group.push(item);
    else this.groups.set(groupKey, [item]);
    this.built.delete(groupKey);
  }

  /** The `limit` best matches by Fuse.js's score among the strings within reach of `text`. */
  search(text: string, limit: number): { item: T; text: string }[] {
    const letter = text.charCodeAt(0);
    const reach = allowedSlips(text.length);
    const found: { item: T; score: number }[] = [];
    for (let length = Math.max(1, text.length - reach); length <= text.length + reach; length++) {
      const fuse = this.fuseFor(FirstLetterFuzzy.groupKey(letter, length));
      if (!fuse) continue;
      for (const result of fuse.search(text, { limit }))
        found.push({ item: result.item, score: result.score ?? 1 });
    }
    return found
      .sort((a, b) => a.score - b.score || (this.order.get(a.item) ?? 0) - (this.order.get(b.item) ?? 0))
      .slice(0, limit)
      .map(({ item }) => ({ item, text: this.keyOf(item) }));
  }

  private fuseFor(groupKey: number): Fuse<T> | undefined {
    let fuse = this.built.get(groupKey);
    if (!fuse) {
      const group = this.groups.get(groupKey);
      if (!group) return undefined;
      fuse = new Fuse(group, {
        ...(this.keys.length > 0 ? { keys: this.keys } : {}),
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.5,
        isCaseSensitive: true,
      });
      this.built.set(groupKey, fuse);
    }
    return fuse;
  }
}

/**
 * Everything the question reader needs to look up fast: names for exact and fuzzy matches, and an
 * inverted index of fact words for ranking by BM25. Built once per knowledge base.
 */
export class TopicIndex {
  readonly topics: Topic[];
  /** Name key (words space-joined, and the same without spaces) -> names. */
  readonly names = new Map<string, TopicName[]>();
  /** A whole name of several words as its words' stems -> the names. */
  private readonly stemmedNames = new Map<string, TopicName[]>();
  readonly facts: IndexedFact[] = [];
  /** Fact -> its topic: ranking reads this for every fact a word reaches, the fact itself seldom. */
  readonly factTopic: number[] = [];
  /** First fact of each topic in `facts`. */
  readonly firstFact: number[] = [];
  /** Stem -> postings. */
  readonly postings = new Map<string, Postings>();
  /** Stem -> number of topics whose facts contain it. */
  readonly topicFrequency = new Map<string, number>();
  /** Every word of the notes, unstemmed, for spelling correction. */
  readonly vocabulary = new Set<string>();
  private sortedVocabulary: string[] | null = null;
  /** Stems of each topic's key terms. */
  readonly keyStems: Set<string>[] = [];
  /**
   * Stems of the words that name each topic as a whole: a question using them says which topic,
   * not which of its facts. Empty for a name of several things (`Security Groups & NACLs`), where
   * naming one of them picks the facts about it.
   */
  readonly wholeNameStems: Set<string>[] = [];
  private readonly sequences: (string[] | undefined)[] = [];
  /**
   * First word of every name of two words or more -> its second word -> most words in a name
   * starting with the two.
   */
  private readonly nameOpenings = new Map<string, Map<string, number>>();
  /** First word of a name -> most words in a name starting with it, to find mentions fast. */
  private readonly nameLengthsByFirstWord = new Map<string, number>();
  /** Start of a one-word name (`dynamo` of `dynamodb`) -> its topic, or `SEVERAL` when names of more start so. */
  private readonly prefixes = new Map<string, number>();
  /** Stem of a word in a topic's names -> those topics. */
  private readonly nameStems = new Map<string, number[]>();
  /** Stem of a word in a topic's `Asked as:` questions -> those topics. */
  private readonly askedStems = new Map<string, number[]>();
  /** Stem -> the need phrasings that use it. */
  private readonly needPostings = new Map<string, number[]>();
  /** Need phrasing -> the stems it uses after a negation. */
  private readonly unwantedInNeed = new Map<number, Set<string>>();
  /** Need phrasing -> the topic whose service meets it. */
  readonly needTopics: number[] = [];
  /** Need phrasing -> the stems it is indexed by. */
  readonly needStems: string[][] = [];
  /** Topic -> its need phrasings. */
  readonly topicNeeds = new Map<number, number[]>();
  /** Topic -> the stems of each question on its service's features. */
  readonly featureQuestions = new Map<number, string[][]>();
  /** Topic -> facts of other topics that name it. */
  private readonly mentionFacts = new Map<number, number[]>();
  readonly averageFactLength: number;
  private readonly fuzzyNames: FirstLetterFuzzy<TopicName>;
  private readonly fuzzyWords: FirstLetterFuzzy<string>;

  /**
   * @param namingWords ordinary words many services' names share (`service`, `storage`): alone they
   *   name no topic, even where only one topic's name has them.
   */
  constructor(
    knowledge: KnowledgeBase,
    private readonly namingWords: ReadonlySet<string> = new Set(),
  ) {
    this.topics = knowledge.topics;
    const allNames: TopicName[] = [];
    this.topics.forEach((topic, index) => {
      const spellings = [
        { text: topic.name, kind: 'name' as const },
        ...topic.aliases.map((text) => ({ text, kind: 'alias' as const })),
      ];
      for (const { text, kind } of spellings) {
        const key = phraseKey(text);
        if (!key || key.split(' ').every((word) => STOPWORDS.has(word) || VENDOR_WORDS.has(word))) continue;
        const name: TopicName = { key, topic: index, kind };
        allNames.push(name);
        this.addName(key, name);
        this.addName(key.replaceAll(' ', ''), name);
      }
    });
    let totalLength = 0;
    const postingStems = new GrowingNumbers(new Int32Array(1024), (size) => new Int32Array(size));
    const postingCounts = new GrowingNumbers(new Float64Array(1024), (size) => new Float64Array(size));
    const secondWords = new Set([...this.nameOpenings.values()].flatMap((seconds) => [...seconds.keys()]));
    const tally = new NotesTally(
      (word) => ({
        longestName: this.nameLengthsByFirstWord.get(word) ?? 0,
        openings: this.nameOpenings.get(word),
        names: this.names.get(word),
        secondInName: secondWords.has(word),
      }),
      (word) => this.vocabulary.add(word),
    );
    /** The words of the part being read: the first of this list, which keeps its room for every part. */
    const tokenWords: NotesWord[] = [];
    this.topics.forEach((topic, topicIndex) => {
      this.firstFact.push(this.facts.length);
      const keyStems = new Set<string>();
      const factKeyStems = topic.facts.map((fact) => keyStemsOf(fact, keyStems));
      this.keyStems.push(keyStems);
      const categoryWords = topic.categories.flatMap((category) => words(category));
      for (const word of categoryWords) if (!STOPWORDS.has(word)) keyStems.add(stem(word));
      topic.facts.forEach((fact, factIndex) => {
        const factId = this.facts.length;
        tally.beginFact(factId);
        const sceneShare = factIndex === 0 && OPENS_ON_SCENE.test(fact.text) ? SCENE_SHARE : 1;
        let mentions: number[] | null = null;
        for (let partIndex = 0; partIndex <= fact.subPoints.length; partIndex++) {
          const text = partIndex === 0 ? fact.text : (fact.subPoints[partIndex - 1] ?? '');
          const count = tally.wordsOf(text, tokenWords);
          const found = this.findMentions(tokenWords, count, topicIndex);
          const named = found.topics.size > 0;
          if (named)
            for (const mentioned of found.topics) {
              mentions ??= [];
              if (!mentions.includes(mentioned)) mentions.push(mentioned);
            }
          // `> private: ECR` under Docker says what ECR is more than what Docker is.
          const share = (partIndex > 0 && named ? 0.5 : 1) * sceneShare;
          const aside = named ? asidesOnMentions(text, found.covered) : NONE;
          const turnedDown = usesTurnedDown(text);
          if (!named && turnedDown === NONE) countAll(tally, tokenWords, count, share);
          else
            for (let position = 0; position < count; position++) {
              const word = tokenWords[position] as NotesWord;
              if (word.counted && !found.covered.has(position) && !aside.has(position))
                tally.countInFact(word.stem, turnedDown.has(position) ? share * TURNED_DOWN_SHARE : share);
            }
        }
        // A category in the heading (`Fargate (serverless)`) is a weak fact of the first bullet.
        if (factIndex === 0)
          for (const word of categoryWords) {
            const category = tally.stem(stem(word));
            if (!tally.isInFact(category)) tally.countInFact(category, 1);
          }
        // Lists of exactly their length: one grown by `push` keeps room for 17, and for 37,000
        // facts that room is megabytes the garbage collector copies as the index is built.
        const factMentions: readonly number[] = mentions ? mentions.slice() : NO_NUMBERS;
        const factStems = tally.factStems();
        const terms = factStems.map((counted) => counted.stem);
        const countsAt = postingCounts.length;
        let length = 0;
        // By index: 37,000 facts' stems, read before the loop is optimised, make no iterator results.
        for (let at = 0; at < factStems.length; at++) {
          const counted = factStems[at] as StemTally;
          length += counted.inFact;
          counted.facts++;
          postingStems.push(counted.id);
          postingCounts.push(counted.inFact);
          tally.countInTopic(counted, topicIndex);
        }
        const indexed: IndexedFact = {
          topic: topicIndex,
          fact: factIndex,
          terms,
          counts: postingCounts.values,
          countsAt,
          length: Math.max(1, length),
          mentions: factMentions,
          keyStems: factKeyStems[factIndex] ?? NO_STRINGS,
        };
        totalLength += indexed.length;
        this.facts.push(indexed);
        this.factTopic.push(topicIndex);
        for (const mentioned of factMentions) {
          const list = this.mentionFacts.get(mentioned) ?? [];
          list.push(factId);
          this.mentionFacts.set(mentioned, list);
        }
      });
      // `Asked as:` questions are the topic's own words in its learners' phrasing: they count like
      // the words of its facts for finding the topic, and are never shown.
      for (const question of topic.askedAs) {
        for (const token of words(question)) {
          if (STOPWORDS.has(token) || VENDOR_WORDS.has(token)) continue;
          this.vocabulary.add(token);
          const stemmed = stem(token);
          tally.countInTopic(tally.stem(stemmed), topicIndex);
          const askers = this.askedStems.get(stemmed) ?? [];
          if (!askers.includes(topicIndex)) askers.push(topicIndex);
          this.askedStems.set(stemmed, askers);
        }
      }
      const wholeName = new Set<string>();
      const severalThings = NAME_OF_SEVERAL.test(topic.name);
      for (const word of words(`${topic.name} ${topic.aliases.join(' ')}`)) {
        this.vocabulary.add(word);
        const stemmed = stem(word);
        if (!severalThings) wholeName.add(stemmed);
        if (STOPWORDS.has(word) || VENDOR_WORDS.has(word)) continue;
        const named = this.nameStems.get(stemmed);
        if (!named) this.nameStems.set(stemmed, [topicIndex]);
        else if (!named.includes(topicIndex)) named.push(topicIndex);
      }
      if (!severalThings) for (const stemmed of shortFormsOfName(topic)) wholeName.add(stemmed);
      this.wholeNameStems.push(wholeName);
    });
    for (const [stemmed, topics] of tally.topicFrequencies()) this.topicFrequency.set(stemmed, topics);
    // Parts of names are added once the facts are read: a part that many facts use (`instance`)
    // names nothing in particular.
    this.#placePostings(tally, postingStems, postingCounts);
    const joinedParts: TopicName[] = [];
    for (const part of this.#partsDwelledOn(allNames)) {
      allNames.push(part);
      this.addName(part.key, part);
    }
    for (const partial of uniquePartialNames(allNames, this.#wholeParts())) {
      if (this.names.has(partial.key)) continue;
      const single = !partial.key.includes(' ');
      if (single && ((this.topicFrequency.get(stem(partial.key)) ?? 0) > 2 || namingWords.has(partial.key)))
        continue;
      if (single && this.#wordOfExpansion(partial)) continue;
      allNames.push(partial);
      this.addName(partial.key, partial);
      // People write a part of two words as one (`autoscaling` for EC2 Auto Scaling), misspelt too
      // (`autoscalling`); not as the start of a longer word, or every word it starts with
      // (`contain`) would be a typo of it.
      const joined = partial.key.replaceAll(' ', '');
      if (!single && !this.names.has(joined)) {
        const joinedName = { ...partial, key: joined };
        this.addName(joined, joinedName);
        joinedParts.push(joinedName);
      }
    }
    this.fuzzyNames = new FirstLetterFuzzy([...allNames, ...joinedParts], (name) => name.key, ['key']);
    for (const name of allNames) {
      if (name.key.includes(' ') || name.key.length < 6) continue;
      for (let length = 5; length < name.key.length; length++) {
        const prefix = name.key.slice(0, length);
        const owner = this.prefixes.get(prefix);
        if (owner === undefined) this.prefixes.set(prefix, name.topic);
        else if (owner !== name.topic) this.prefixes.set(prefix, SEVERAL);
      }
    }

    this.averageFactLength = this.facts.length ? totalLength / this.facts.length : 1;
    // The counts were made a fact at a time, in the facts' order: they are the facts' own counts.
    for (const fact of this.facts) fact.counts = postingCounts.values;
    const spellable = [...this.vocabulary].filter((word) => word.length >= 4 && !HAS_DIGIT.test(word));
    this.fuzzyWords = new FirstLetterFuzzy(spellable, (word) => word, []);
  }

  /**
   * A word of an acronym's expansion other than its last (`user` of User Datagram Protocol, `key` of
   * Key Management Service) says what kind of the thing it is, and questions say it in its everyday
   * sense ("videos stream slowly for users far away"); the last word says what the thing is
   * (`registry` of Elastic Container Registry) and still names the topic.
   */
  #wordOfExpansion(partial: TopicName): boolean {
    const known = this.#expansionModifiers.get(partial.topic);
    if (known) return known.has(partial.key);
    const modifiers = new Set<string>();
    const topic = this.topics[partial.topic];
    const names = topic ? [topic.name, ...topic.aliases] : [];
    for (const expansion of names) {
      if (!names.some((acronym) => acronym !== expansion && expandsAcronym(acronym, expansion))) continue;
      const spelt = words(expansion);
      for (const word of spelt.slice(0, -1)) if (word !== spelt.at(-1)) modifiers.add(word);
    }
    this.#expansionModifiers.set(partial.topic, modifiers);
    return modifiers.has(partial.key);
  }

  /**
   * The parts of several words of headings that name several things (`IAM Roles` of `IAM Roles &
   * AssumeRole`), each with its one topic: a part two such headings have names neither.
   */
  #wholeParts(): Map<string, number> {
    const parts = new Map<string, number>();
    this.topics.forEach((topic, topicIndex) => {
      for (const part of thingsNamed(topic.name)) {
        const key = phraseKey(part);
        if (!key.includes(' ')) continue;
        const owner = parts.get(key);
        parts.set(key, owner === undefined || owner === topicIndex ? topicIndex : SEVERAL);
      }
    });
    return parts;
  }

  /** Topic -> the words of its names' acronym expansions before their last, worked out once a topic. */
  readonly #expansionModifiers = new Map<number, ReadonlySet<string>>();

  /**
   * The one-word parts of headings that name several things (`Plan & Apply`, `Variables & Outputs`)
   * that their topic's facts use far more than any other topic's: `terraform plan` names the topic on
   * plans, though every topic of notes on Terraform says `plan` somewhere. A part in capitals
   * (`MFA & Authenticators`) needs only to be said in its topic's facts.
   */
  #partsDwelledOn(names: readonly TopicName[]): TopicName[] {
    const parts: TopicName[] = [];
    this.topics.forEach((topic, topicIndex) => {
      for (const part of thingsNamed(topic.name)) {
        const key = phraseKey(part);
        if (!key || key.includes(' ') || STOPWORDS.has(key) || this.names.has(key)) continue;
        if (names.some((name) => name.key === key)) continue;
        const byTopic = this.factsPerTopic(stem(key));
        const own = byTopic.get(topicIndex) ?? 0;
        const others = Math.max(0, ...[...byTopic].filter(([t]) => t !== topicIndex).map(([, n]) => n));
        // A short name in capitals (`MFA & Authenticators`) is one the notes chose: it names the
        // topic however often the other topics' facts say it (`require MFA` under sign-on policies).
        const chosen = CAPITALS_NAME.test(part.trim()) && own >= 1;
        if (chosen || (own >= DWELLS && own >= others * OUTNUMBERS))
          parts.push({ key, topic: topicIndex, kind: 'partial' });
      }
    });
    return parts;
  }

  /**
   * Sorts the postings, made a fact at a time, by stem: each stem's facts stay in the notes' order.
   * A fact's postings are the run from its `countsAt` as long as its terms.
   */
  #placePostings(
    tally: NotesTally,
    stems: GrowingNumbers<Int32Array>,
    counts: GrowingNumbers<Float64Array>,
  ): void {
    const byStem = [...tally.stems()];
    const next = new Int32Array(byStem.length);
    let at = 0;
    for (const counted of byStem) {
      next[counted.id] = at;
      at += counted.facts;
    }
    const allFacts = new Int32Array(stems.length);
    const allCounts = new Float64Array(stems.length);
    this.facts.forEach(({ countsAt, terms }, fact) => {
      for (let p = countsAt; p < countsAt + terms.length; p++) {
        const stem = stems.values[p] as number;
        const place = next[stem] as number;
        allFacts[place] = fact;
        allCounts[place] = counts.values[p] as number;
        next[stem] = place + 1;
      }
    });
    for (const counted of byStem) {
      if (counted.facts === 0) continue;
      const end = next[counted.id] as number;
      const start = end - counted.facts;
      this.postings.set(counted.stem, {
        facts: allFacts.subarray(start, end),
        counts: allCounts.subarray(start, end),
      });
    }
  }

  /**
   * Another name for a topic, known from outside its notes (the service catalogue's `docdb` for
   * DocumentDB): found in questions like the topic's own aliases, never in its facts.
   */
  addAlias(key: string, topic: number): void {
    if (this.names.has(key)) {
      this.promotePartialName(key, topic);
      return;
    }
    const name: TopicName = { key, topic, kind: 'alias' };
    this.addName(key, name);
    // Misspelt, it is found like the names the notes give: `medialiive`. Not with its vendor, whose
    // exact letters would make the rest more forgiving (`amazon macie` is no `amazon glacier`).
    if (!VENDOR_WORDS.has(key.split(' ')[0] ?? '')) this.fuzzyNames.add(name);
    if (key.includes(' ') && !this.names.has(key.replaceAll(' ', '')))
      this.addName(key.replaceAll(' ', ''), name);
  }

  /**
   * A part of the topic's own name that only it has (`instance store` of `EC2 Instance Store`),
   * named whole from now on: something outside the notes names the topic by it.
   */
  promotePartialName(key: string, topic: number): void {
    for (const name of this.names.get(key) ?? [])
      if (name.topic === topic && name.kind === 'partial') name.kind = 'alias';
  }

  private addName(key: string, name: TopicName): void {
    const keyWords = key.split(' ');
    const first = keyWords[0] ?? '';
    const wordCount = keyWords.length;
    const second = keyWords[1];
    if (second !== undefined) {
      let openings = this.nameOpenings.get(first);
      if (!openings) {
        openings = new Map<string, number>();
        this.nameOpenings.set(first, openings);
      }
      openings.set(second, Math.max(openings.get(second) ?? 0, wordCount));
    }
    // `Amazon EKS` is also found as `EKS`, so the many "amazon"s in notes need no look-up of their own.
    if (!VENDOR_WORDS.has(first) || wordCount === 1) {
      this.nameLengthsByFirstWord.set(
        first,
        Math.max(this.nameLengthsByFirstWord.get(first) ?? 0, wordCount),
      );
    }
    // Most keys name one topic: a list made with its first name has room for just that one.
    const list = this.names.get(key);
    if (!list) this.names.set(key, [name]);
    else if (!list.some((existing) => existing.topic === name.topic)) list.push(name);
    if (wordCount > 1 && name.kind !== 'partial') {
      const stemmedKey = keyWords.map(stem).join(' ');
      const owners = this.stemmedNames.get(stemmedKey);
      if (!owners) this.stemmedNames.set(stemmedKey, [name]);
      else if (!owners.some((existing) => existing.topic === name.topic)) owners.push(name);
    }
  }

  /**
   * The one topic a whole name of several words names, said in other forms of its words: `reverse
   * proxy` for `Reverse Proxying`, `dead lettered` for `Dead Lettering`.
   */
  nameInOtherForms(words: readonly string[]): TopicName | null {
    const owners = this.stemmedNames.get(words.map(stem).join(' '));
    return owners?.length === 1 ? (owners[0] ?? null) : null;
  }

  /** Topic names written in a part, the first `count` of `tokenWords`, and which positions they cover. */
  private findMentions(
    tokenWords: readonly NotesWord[],
    count: number,
    ownTopic: number,
  ): { topics: ReadonlySet<number>; covered: ReadonlySet<number> } {
    let topics: Set<number> | null = null;
    let covered: Set<number> | null = null;
    for (let start = 0; start < count; start++) {
      const word = tokenWords[start];
      if (!word || word.longestName === 0) continue;
      let found: TopicName[] | undefined;
      let length = 1;
      // Common words start long names (`data` in `Data Storage Service`): the first two words
      // decide cheaply whether a longer name can be here.
      const next = start + 1 < count ? tokenWords[start + 1] : undefined;
      const longestFromTwo = next?.secondInName ? (word.openings?.get(next.text) ?? 0) : 0;
      if (longestFromTwo > 0) {
        for (length = Math.min(longestFromTwo, count - start); length >= 2 && !found; length--) {
          found = this.names.get(phraseOf(tokenWords, start, length));
        }
        length++;
      }
      if (!found) {
        found = word.names;
        length = 1;
      }
      if (!found) continue;
      const other = found.find((name) => name.topic !== ownTopic);
      if (other) {
        topics ??= new Set<number>();
        covered ??= new Set<number>();
        topics.add(other.topic);
        for (let i = start; i < start + length; i++) covered.add(i);
      }
      start += length - 1;
    }
    return topics && covered ? { topics, covered } : NO_MENTIONS;
  }

  /**
   * A fact's stems in reading order, stopwords included, for phrase matches. Made the first time a
   * question needs it: most facts of a large folder are never near a question.
   */
  sequenceOf(factId: number): string[] {
    let sequence = this.sequences[factId];
    if (sequence) return sequence;
    sequence = [];
    const fact = this.facts[factId];
    const written = fact ? this.topics[fact.topic]?.facts[fact.fact] : undefined;
    for (const part of written ? [written.text, ...written.subPoints] : []) {
      if (sequence.length > 0) sequence.push('.');
      for (const token of words(part)) sequence.push(NEGATIONS.has(token) ? NEGATION : stem(token));
    }
    this.sequences[factId] = sequence;
    return sequence;
  }

  /** Whether some fact has these two stems side by side, in this order. */
  hasPhrase(first: string, second: string): boolean {
    const firstFacts = this.postings.get(first)?.facts ?? [];
    const secondFacts = this.postings.get(second)?.facts ?? [];
    // Postings list facts in the notes' order: the facts with both stems are found in one walk.
    let i = 0;
    let j = 0;
    while (i < firstFacts.length && j < secondFacts.length) {
      const a = firstFacts[i] as number;
      const b = secondFacts[j] as number;
      if (a < b) i++;
      else if (b < a) j++;
      else {
        const sequence = this.sequenceOf(a);
        for (let k = 0; k + 1 < sequence.length; k++)
          if (sequence[k] === first && sequence[k + 1] === second) return true;
        i++;
        j++;
      }
    }
    return false;
  }

  /** Facts of other topics that name this topic. */
  factsMentioning(topic: number): number[] {
    return this.mentionFacts.get(topic) ?? [];
  }

  /**
   * Topics that dwell on this stem: in two of their facts or more, or in a key term or their name.
   * One fact using a word in passing (`commit` in a note on transactions) makes no near miss.
   */
  topicsDwellingOn(stemmed: string): Set<number> {
    const factsUsing = new Map<number, number>();
    const topics = new Set<number>();
    for (const fact of this.postings.get(stemmed)?.facts ?? []) {
      const topic = this.factTopic[fact];
      if (topic === undefined) continue;
      const using = (factsUsing.get(topic) ?? 0) + 1;
      factsUsing.set(topic, using);
      if (using >= 2 || this.keyStems[topic]?.has(stemmed) || this.wholeNameStems[topic]?.has(stemmed))
        topics.add(topic);
    }
    return topics;
  }

  /** How many facts of each topic use this stem. */
  factsPerTopic(stemmed: string): Map<number, number> {
    const byTopic = new Map<number, number>();
    for (const fact of this.postings.get(stemmed)?.facts ?? []) {
      const topic = this.factTopic[fact];
      if (topic !== undefined) byTopic.set(topic, (byTopic.get(topic) ?? 0) + 1);
    }
    return byTopic;
  }

  /** Whether the notes use this stem: in a fact, or in an `Asked as:` question. */
  knows(stemmed: string): boolean {
    return this.postings.has(stemmed) || this.askedStems.has(stemmed);
  }

  /** Topics whose `Asked as:` questions use this stem. */
  topicsAskedWith(stemmed: string): number[] {
    return this.askedStems.get(stemmed) ?? [];
  }

  /**
   * How people describe the needs a topic's service meets ("read our posts out loud" for Polly):
   * words a learner may use where the notes use others. The topic's own name words are left out.
   */
  addNeeds(topic: number, phrasings: readonly string[]): void {
    const own = this.wholeNameStems[topic] ?? new Set<string>();
    for (const phrasing of phrasings) {
      const need = this.needTopics.length;
      this.needTopics.push(topic);
      const stems: string[] = [];
      this.needStems.push(stems);
      const ofTopic = this.topicNeeds.get(topic) ?? [];
      ofTopic.push(need);
      this.topicNeeds.set(topic, ofTopic);
      const tokens = words(phrasing);
      const others = this.otherTopicNames(tokens, topic);
      let negated = false;
      tokens.forEach((token, at) => {
        if (NEGATIONS.has(token)) negated = true;
        if (STOPWORDS.has(token) || VENDOR_WORDS.has(token) || NEGATIONS.has(token)) return;
        const stemmed = stem(token);
        // "a chat backend without running servers" is no need to run anything: such words match
        // only a question that says "not" too.
        if (negated) {
          const unwanted = this.unwantedInNeed.get(need) ?? new Set<string>();
          unwanted.add(stemmed);
          this.unwantedInNeed.set(need, unwanted);
        }
        if (own.has(stemmed)) return;
        if (others.has(at)) return;
        const needs = this.needPostings.get(stemmed) ?? [];
        if (needs[needs.length - 1] !== need) {
          needs.push(need);
          stems.push(stemmed);
        }
        this.needPostings.set(stemmed, needs);
      });
    }
  }

  /**
   * Questions on a topic's service's features, whole (see `ServiceCatalogue.featuresOf`): they pick
   * which of its facts answers, never the topic. The topic's own name words are left out.
   */
  addFeatureQuestions(topic: number, questions: readonly string[]): void {
    const own = this.wholeNameStems[topic] ?? new Set<string>();
    const list = this.featureQuestions.get(topic) ?? [];
    for (const question of questions) {
      const tokens = words(question);
      const others = this.otherTopicNames(tokens, topic);
      const stems = new Set<string>();
      tokens.forEach((token, at) => {
        if (STOPWORDS.has(token) || VENDOR_WORDS.has(token) || NEGATIONS.has(token) || others.has(at)) return;
        const stemmed = stem(token);
        if (!own.has(stemmed)) stems.add(stemmed);
      });
      list.push([...stems]);
    }
    this.featureQuestions.set(topic, list);
  }

  /**
   * Positions of the words that name another topic in a need: `in front of our lambda functions`
   * says where API Gateway is used, not what it is. One word of a longer name is no name
   * (`firewall` of Web Application Firewall, in a need of security groups).
   */
  private otherTopicNames(tokens: string[], topic: number): Set<number> {
    const positions = new Set<number>();
    for (let start = 0; start < tokens.length; start++) {
      const token = tokens[start] ?? '';
      // Most words start no name: only those that do are looked up, at most as long as their names.
      const longest = VENDOR_WORDS.has(token) ? 4 : (this.nameLengthsByFirstWord.get(token) ?? 0);
      for (let length = Math.min(longest, 4, tokens.length - start); length >= 1; length--) {
        const named = this.names.get(tokens.slice(start, start + length).join(' ')) ?? [];
        if (!named.some((name) => name.topic !== topic && name.kind !== 'partial')) continue;
        for (let at = start; at < start + length; at++) positions.add(at);
        start += length - 1;
        break;
      }
    }
    return positions;
  }

  /** The need phrasings that use this stem. */
  needsWith(stemmed: string): number[] {
    return this.needPostings.get(stemmed) ?? [];
  }

  /** Whether the need says it does not want this (`without running servers`). */
  unwantedIn(need: number, stemmed: string): boolean {
    return this.unwantedInNeed.get(need)?.has(stemmed) ?? false;
  }

  /** Topics with this stem among the words of their name or aliases (`registry` for ECR). */
  topicsNamedWith(stemmed: string): number[] {
    return this.nameStems.get(stemmed) ?? [];
  }

  /** Whether a name of at least `words` words starts with this word. */
  mayStartName(word: string, words: number): boolean {
    return (this.nameLengthsByFirstWord.get(word) ?? 0) >= words;
  }

  /** The one topic whose one-word name starts with this word (at least five letters). */
  nameStartingWith(word: string): number | null {
    if (this.namingWords.has(word)) return null;
    const owner = this.prefixes.get(word);
    return owner === undefined || owner === SEVERAL ? null : owner;
  }

  /** Names whose words are exactly these. */
  exactName(phrase: string): TopicName[] {
    return this.names.get(phrase) ?? [];
  }

  /**
   * The name closest to a misspelt phrase, with its share of slips (0 is exact). Fuse finds
   * candidates among names with the same first letter; an edit distance decides.
   */
  closestName(phrase: string): { name: TopicName; slips: number } | null {
    const best = closest(phrase, this.fuzzyNames.search(phrase, 5))[0];
    return best ? { name: best.item, slips: best.slips } : null;
  }

  /**
   * Words of the notes that begin with these letters and go on for at least `more` letters
   * (`permissions` for `perm`); sorted once, on the first look, since few questions clip a word.
   */
  wordsOpeningWith(letters: string, more: number): string[] {
    this.sortedVocabulary ??= [...this.vocabulary].sort();
    const sorted = this.sortedVocabulary;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] ?? '') < letters) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let at = low; at < sorted.length && sorted[at]?.startsWith(letters); at++) {
      const word = sorted[at] ?? '';
      if (word.length >= letters.length + more) found.push(word);
    }
    return found;
  }

  /** The word of the notes closest to a misspelt word, with its share of slips. */
  closestWord(word: string): { word: string; slips: number } | null {
    // Two neighbouring letters swapped is the commonest slip, and the one Fuse.js scores worst
    // (`roels` comes after `reset` and `reuse`): it is looked for as such.
    const swapped = swapsOf(word).find((spelling) => this.vocabulary.has(spelling));
    if (swapped) return { word: swapped, slips: 1 / word.length };
    const best = closest(word, this.fuzzyWords.search(word, 5))[0];
    return best ? { word: best.item, slips: best.slips } : null;
  }

  /** BM25 inverse document frequency over topics. */
  idf(stemmed: string): number {
    const n = this.topics.length;
    const df = this.topicFrequency.get(stemmed) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}

/** The word with each two neighbouring letters swapped: `roels` gives `orels`, `reols`, `roles`, `rosle`. */
function swapsOf(word: string): string[] {
  const swaps: string[] = [];
  for (let at = 0; at + 1 < word.length; at++) {
    if (word[at] === word[at + 1]) continue;
    swaps.push(word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2));
  }
  return swaps;
}

/** Candidates within the slips allowed for their length, fewest slips first, as a share of length. */
function closest<T>(typed: string, candidates: { item: T; text: string }[]): { item: T; slips: number }[] {
  return candidates
    .map(({ item, text }) => ({ item, text, distance: editDistance(typed, text) }))
    .filter(({ text, distance }) => distance <= allowedSlips(Math.min(typed.length, text.length)))
    .sort((a, b) => a.distance - b.distance)
    .map(({ item, text, distance }) => ({ item, slips: distance / Math.max(typed.length, text.length) }));
}

/** The words from `start`, `length` of them, space-joined as a name's key. */
function phraseOf(tokenWords: readonly NotesWord[], start: number, length: number): string {
  let phrase = tokenWords[start]?.text ?? '';
  for (let at = start + 1; at < start + length; at++) phrase += ` ${tokenWords[at]?.text ?? ''}`;
  return phrase;
}

/**
 * Parts of multi-word names that belong to one topic only: `glacier` for `S3 Glacier`,
 * `instance store` for `EC2 Instance Store`, `container registry` for ECR's expansion.
 */
function uniquePartialNames(names: TopicName[], wholeParts: ReadonlyMap<string, number>): TopicName[] {
  /** Part -> its one topic, or `SEVERAL`. */
  const owners = new Map<string, number>();
  for (const name of names) {
    const parts = name.key.split(' ');
    if (parts.length < 2) continue;
    // A part of nothing but these names nothing: each word is told once, not once a part.
    const filler = parts.map((word) => STOPWORDS.has(word) || VENDOR_WORDS.has(word) || DIGITS.test(word));
    for (let start = 0; start < parts.length; start++) {
      if (VENDOR_WORDS.has(parts[start] ?? '')) continue;
      // The parts from one word grow a word at a time.
      let key = '';
      let allFiller = true;
      for (let end = start + 1; end <= parts.length; end++) {
        key = end === start + 1 ? (parts[start] ?? '') : `${key} ${parts[end - 1] ?? ''}`;
        allFiller &&= filler[end - 1] ?? false;
        if (end - start === parts.length || allFiller || key.length < 3) continue;
        const owner = owners.get(key);
        if (owner === undefined) owners.set(key, name.topic);
        else if (owner !== name.topic) owners.set(key, SEVERAL);
      }
    }
  }
  const partials: TopicName[] = [];
  for (const [key, owner] of owners) {
    // `IAM Roles` starts `IAM Roles Anywhere` too, but only `IAM Roles & AssumeRole` names it whole.
    const topic = owner === SEVERAL ? (wholeParts.get(key) ?? SEVERAL) : owner;
    if (topic === SEVERAL) continue;
    // `Reverse Proxying` of `Reverse Proxying & Upstreams` names one of the things the heading names,
    // whole.
    partials.push({ key, topic, kind: wholeParts.get(key) === topic ? 'alias' : 'partial' });
  }
  return partials;
}

const DIGITS = /^\d+$/;
const HAS_DIGIT = /\d/;

/** `not for`, `isnt made for`, `not a good fit for`, up to the end of the clause it turns down. */
const NOT_FOR =
  /\b(?:not|isnt|isn't|isn’t|arent|aren't|aren’t|never)\s+(?:(?:really|made|meant|built|designed|intended|suited|a|good|great|ideal|fit|the|right|best)\s+){0,3}for\s+([^,.;:()!?→>]+)/gi;
const SAYS_NOT_FOR = new RegExp(NOT_FOR.source, 'i');
/** What every use turned down says; one pattern for every part, not one made for each. */
const SAYS_FOR = /\bfor\b/i;

/** The positions of the words of the uses a fact turns down (`not for background workers`). */
function usesTurnedDown(text: string): ReadonlySet<number> {
  // Most parts turn nothing down: one test, without the iterator a search makes.
  if (!SAYS_FOR.test(text) || !SAYS_NOT_FOR.test(text)) return NONE;
  let turnedDown: Set<number> | null = null;
  for (const match of text.matchAll(NOT_FOR)) {
    const use = match[1] ?? '';
    const start = words(text.slice(0, (match.index ?? 0) + match[0].length - use.length)).length;
    const end = start + words(use).length;
    turnedDown ??= new Set<number>();
    for (let position = start; position < end; position++) turnedDown.add(position);
  }
  return turnedDown ?? NONE;
}

/**
 * The words in brackets right after another topic's name in a fact (`**Fargate** (serverless, no
 * instances)` under ECS): they say what that topic is, not what this one is. Positions are the
 * fact's token positions, `covered` those of the names it mentions.
 */
function asidesOnMentions(text: string, covered: ReadonlySet<number>): ReadonlySet<number> {
  // Most parts hold no brackets: they are not searched for them.
  if (!text.includes('(')) return NONE;
  let aside: Set<number> | null = null;
  // Brackets are no part of a word, so the words before each are counted a stretch at a time.
  let read = 0;
  let start = 0;
  for (const bracket of text.matchAll(/\(([^()]*)\)/g)) {
    start += words(text.slice(read, bracket.index)).length;
    const end = start + words(bracket[1] ?? '').length;
    if (start > 0 && covered.has(start - 1)) {
      aside ??= new Set<number>();
      for (let position = start; position < end; position++) aside.add(position);
    }
    start = end;
    read = bracket.index + bracket[0].length;
  }
  return aside ?? NONE;
}
