import { stem, VENDOR_WORDS } from '../knowledge/text.js';
import { WordTable } from '../knowledge/word-table.js';
import { NEGATION, NEGATIONS, STOPWORDS } from './stopwords.js';
import type { TopicName } from './topic-index.js';

/** How the topics' names start with a word, to find names written inside facts. */
export interface NameStarts {
  /** Most words in a name starting with this word; 0 when none does. */
  longestName: number;
  /** The second words of the names it starts, each with the most words in such a name. */
  openings: ReadonlyMap<string, number> | undefined;
  /** The names it is on its own. */
  names: TopicName[] | undefined;
  /** Whether some name has it as its second word: only then may the word before it open a longer name. */
  secondInName: boolean;
}

/** What indexing needs of one distinct word of the notes. */
export interface NotesWord extends NameStarts {
  /** The word as `words` gives it. */
  text: string;
  stem: StemTally;
  /** Whether it says what a fact is about: not a stopword (negations are) nor a vendor's name. */
  counted: boolean;
}

/** One stem's counts while the notes are indexed. */
export interface StemTally {
  readonly stem: string;
  /** Its number among the notes' stems, in the order first seen. */
  readonly id: number;
  /** How many facts use it. */
  facts: number;
  /** Topics whose facts or `Asked as:` questions use it... */
  topics: number;
  /** ...the last of which is this one. */
  lastTopic: number;
  /** How often it occurs in the fact being indexed, `lastFact`. */
  inFact: number;
  lastFact: number;
}

/**
 * The distinct words and stems of the notes while they are indexed. A folder of 5,000 topics has a
 * million words but some thousands of distinct ones: what the index needs of a word is worked out
 * the first time it is seen, and counts are kept on the stem, not looked up by it.
 */
export class NotesTally {
  readonly #words = new WordTable<NotesWord>((token) => this.#firstSight(token));
  readonly #stems = new Map<string, StemTally>();
  readonly #factStems: StemTally[] = [];
  #fact = -1;

  /**
   * @param nameStarts how names start with a word; asked once a word.
   * @param firstSeen told of each word the first time it is seen.
   */
  constructor(
    private readonly nameStarts: (word: string) => NameStarts,
    private readonly firstSeen: (word: string) => void,
  ) {}

  word(token: string): NotesWord {
    return this.#words.get(token);
  }

  /** The words of a text, as `words` splits it, written into `into` from its start; returns how many. */
  wordsOf(text: string, into: NotesWord[]): number {
    return this.#words.entriesOf(text, into);
  }

  #firstSight(token: string): NotesWord {
    this.firstSeen(token);
    const negation = NEGATIONS.has(token);
    return {
      text: token,
      stem: this.stem(negation ? NEGATION : stem(token)),
      counted: !VENDOR_WORDS.has(token) && (negation || !STOPWORDS.has(token)),
      ...this.nameStarts(token),
    };
  }

  stem(stemmed: string): StemTally {
    let tally = this.#stems.get(stemmed);
    if (!tally) {
      tally = {
        stem: stemmed,
        id: this.#stems.size,
        facts: 0,
        topics: 0,
        lastTopic: -1,
        inFact: 0,
        lastFact: -1,
      };
      this.#stems.set(stemmed, tally);
    }
    return tally;
  }

  /** Starts counting the stems of another fact. */
  beginFact(factId: number): void {
    this.#fact = factId;
    this.#factStems.length = 0;
  }

  countInFact(tally: StemTally, count: number): void {
    if (tally.lastFact !== this.#fact) {
      tally.lastFact = this.#fact;
      tally.inFact = 0;
      this.#factStems.push(tally);
    }
    tally.inFact += count;
  }

  isInFact(tally: StemTally): boolean {
    return tally.lastFact === this.#fact;
  }

  /** The stems counted in the fact begun last, in the order first counted, with `inFact` set. */
  factStems(): readonly StemTally[] {
    return this.#factStems;
  }

  countInTopic(tally: StemTally, topic: number): void {
    if (tally.lastTopic === topic) return;
    tally.lastTopic = topic;
    tally.topics++;
  }

  /** Every stem seen, in the order of their ids. */
  stems(): IterableIterator<StemTally> {
    return this.#stems.values();
  }

  /** Stem -> number of topics using it, for every stem some topic uses. */
  *topicFrequencies(): Generator<[string, number]> {
    for (const tally of this.#stems.values()) if (tally.topics > 0) yield [tally.stem, tally.topics];
  }
}
