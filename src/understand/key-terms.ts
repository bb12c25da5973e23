import { phraseKey, stem, termSpellings } from '../knowledge/text.js';
import type { Fact } from '../knowledge/types.js';
import type { EnglishWords } from './english.js';
import type { EverydayWords } from './everyday-words.js';
import { STOPWORDS } from './stopwords.js';
import type { TopicIndex } from './topic-index.js';

/** The longest key term, in words, looked for in a question. */
const MAX_TERM_WORDS = 4;

/** A key term of one topic found in a question's tokens. */
export interface KeyTermHit {
  topic: number;
  start: number;
  end: number;
  /** The term as the notes write it (`RabbitMQ`). */
  term: string;
}

/**
 * The terms the notes set in bold (`**ETag**`, `**consumer lag**`, `**min.insync.replicas**`) or
 * quote as code (`` `git pull` ``) that one topic alone holds. Notes on ideas rather than products are asked about by these terms more
 * than by their headings: "etags and api versioning, how are they different" compares the topic
 * holding ETag with API versioning. Gathered the first time a question asks how things differ,
 * never at start: few questions do.
 */
export class KeyTerms {
  /** Term as a phrase key -> the topics holding it in bold or in code. */
  private holders: Map<string, Set<number>> | null = null;
  /** Term as a phrase key -> as the notes first write it. */
  private readonly spellings = new Map<string, string>();

  constructor(
    private readonly index: TopicIndex,
    private readonly everyday: EverydayWords,
    private readonly english: EnglishWords,
  ) {}

  /** The topics whose own key terms a question uses, longest terms first, never overlapping. */
  in(tokens: readonly string[]): KeyTermHit[] {
    const holders = this.gathered();
    const hits: KeyTermHit[] = [];
    for (let start = 0; start < tokens.length; start++) {
      for (let length = Math.min(MAX_TERM_WORDS, tokens.length - start); length >= 1; length--) {
        const typed = tokens.slice(start, start + length).join(' ');
        // `etags` is the plural of the term `ETag`.
        const key = holders.has(typed) ? typed : typed.endsWith('s') ? typed.slice(0, -1) : typed;
        const held = holders.get(key);
        if (!held) continue;
        const [topic] = held;
        if (held.size !== 1 || topic === undefined || !this.ownTo(key, topic)) continue;
        hits.push({ topic, start, end: start + length, term: this.spellings.get(key) ?? typed });
        start += length - 1;
        break;
      }
    }
    return hits;
  }

  /**
   * `GET` and `default` are everyday words before they are anyone's term; an English word other
   * topics' bullets use too (`header`) is theirs as much, while a coined term (`etag`) or a phrase
   * (`idempotency key`) mentioned elsewhere is still the one topic's.
   */
  private ownTo(key: string, topic: number): boolean {
    const words = key.split(' ');
    if (words.every((word) => STOPWORDS.has(word) || this.everyday.has(word))) return false;
    const [word, ...more] = words;
    if (word === undefined || more.length > 0 || !this.english.has(word)) return true;
    return (this.index.postings.get(stem(word))?.facts ?? []).every(
      (fact) => this.index.factTopic[fact] === topic,
    );
  }

  private gathered(): Map<string, Set<number>> {
    if (this.holders) return this.holders;
    const holders = new Map<string, Set<number>>();
    this.index.topics.forEach((topic, at) => {
      for (const fact of topic.facts)
        for (const term of [...fact.keyTerms, ...codeSpans(fact)]) {
          for (const written of termSpellings(term)) {
            const key = phraseKey(written);
            if (!key || key.split(' ').length > MAX_TERM_WORDS) continue;
            const held = holders.get(key) ?? new Set<number>();
            held.add(at);
            holders.set(key, held);
            if (!this.spellings.has(key)) this.spellings.set(key, written);
          }
        }
    });
    this.holders = holders;
    return holders;
  }
}

/** Code the notes quote (`git pull`, `retention.ms`): a command or setting is a term of its own. */
function codeSpans(fact: Fact): string[] {
  return [fact.text, ...fact.subPoints].flatMap((part) =>
    [...part.matchAll(CODE)].map((match) => match[1] ?? ''),
  );
}

const CODE = /`([^`]+)`/g;
