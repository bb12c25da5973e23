import { phraseKey } from '../knowledge/text.js';
import type { Topic } from '../knowledge/types.js';
import type { EnglishWords } from './english.js';
import type { EverydayWords } from './everyday-words.js';
import { STOPWORDS } from './stopwords.js';

/** The longest key term, in words, looked for in a question. */
const MAX_TERM_WORDS = 4;

/** A key term of one topic found in a question's tokens. */
export interface KeyTermHit {
  topic: number;
  start: number;
  end: number;
}

/**
 * The terms the notes set in bold (`**ETag**`, `**consumer lag**`, `**min.insync.replicas**`) that
 * one topic alone holds and no other topic's bullets use. Notes on ideas rather than products are asked about by these terms more
 * than by their headings: "etags and api versioning, how are they different" compares the topic
 * holding ETag with API versioning.
 */
export class KeyTerms {
  /** Term as a phrase key -> the one topic holding it. */
  private readonly topicOf = new Map<string, number>();

  constructor(
    topics: readonly Topic[],
    everyday: EverydayWords,
    private readonly english: EnglishWords,
  ) {
    const holders = new Map<string, Set<number>>();
    topics.forEach((topic, index) => {
      for (const fact of topic.facts)
        for (const term of fact.keyTerms) {
          const key = phraseKey(term);
          const words = key.split(' ');
          if (!key || words.length > MAX_TERM_WORDS) continue;
          // `GET` and `default` are everyday words before they are anyone's term.
          if (words.every((word) => STOPWORDS.has(word) || everyday.has(word))) continue;
          const held = holders.get(key) ?? new Set<number>();
          held.add(index);
          holders.set(key, held);
        }
    });
    // An English word other topics' bullets use too (`header`) is theirs as much; a coined term
    // (`etag`) mentioned elsewhere is still the one topic's.
    const texts = topics.map(
      (topic) =>
        ` ${topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints].map(phraseKey)).join(' ')} `,
    );
    for (const [key, held] of holders) {
      const [only] = held;
      if (held.size !== 1 || only === undefined) continue;
      const english = key.split(' ').every((word) => this.english.has(word));
      if (english && texts.some((text, topic) => topic !== only && text.includes(` ${key} `))) continue;
      this.topicOf.set(key, only);
    }
  }

  /** The topics whose own key terms a question uses, longest terms first, never overlapping. */
  in(tokens: readonly string[]): KeyTermHit[] {
    const hits: KeyTermHit[] = [];
    for (let start = 0; start < tokens.length; start++) {
      for (let length = Math.min(MAX_TERM_WORDS, tokens.length - start); length >= 1; length--) {
        const key = tokens.slice(start, start + length).join(' ');
        // `etags` is the plural of the term `ETag`.
        const topic =
          this.topicOf.get(key) ?? (key.endsWith('s') ? this.topicOf.get(key.slice(0, -1)) : undefined);
        if (topic === undefined) continue;
        hits.push({ topic, start, end: start + length });
        start += length - 1;
        break;
      }
    }
    return hits;
  }
}
