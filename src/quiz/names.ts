import { foldCase, phraseKey, stem, VENDOR_WORDS, words } from '../knowledge/text.js';
import type { Topic } from '../knowledge/types.js';
import type { EnglishWords } from '../understand/english.js';

/** A word of a text with where it is, to find names in and to cut the text at. */
export interface Token {
  /** Folded: lower case, accents and apostrophes dropped. */
  word: string;
  /** As written. */
  raw: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    word: foldCase(match[0]),
    raw: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** A name of a topic as a sequence of folded words. */
interface NameKey {
  words: string[];
  /** An ordinary English word alone (`Batch`, `Lambda`) names the topic only when capitalised. */
  capitalised: boolean;
  /**
   * A part of a longer name (`Glacier` of `S3 Glacier`): enough to tell that a text is about the
   * topic, not a name to mask (`API` of `API Gateway` is also just an API).
   */
  partial: boolean;
}

/** Where a topic is named in a text: token indexes, end exclusive. */
export interface NameSpan {
  topicId: string;
  from: number;
  to: number;
}

/**
 * The names of every topic: heading name, aliases (expansions included), the name without
 * `Amazon`/`AWS`, and a part of a name no other name has and few topics use (`Glacier` of `S3
 * Glacier`). Only names are masked in questions: a word of an expansion (`container` of `Elastic
 * Container Service`) is an ordinary word.
 */
export class TopicNames {
  readonly #keys = new Map<string, NameKey[]>();
  readonly #labels = new Map<string, string>();

  constructor(topics: readonly Topic[], english: EnglishWords) {
    const usage = new Map<string, number>();
    for (const topic of topics) {
      const seen = new Set(
        words([topic.title, ...topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints])].join(' ')),
      );
      for (const word of seen) usage.set(word, (usage.get(word) ?? 0) + 1);
    }
    const partOwners = new Map<string, number>();
    for (const topic of topics)
      for (const part of new Set(words(topic.name))) partOwners.set(part, (partOwners.get(part) ?? 0) + 1);

    for (const topic of topics) {
      const keys: NameKey[] = [];
      const add = (sequence: string[], partial = false) => {
        if (sequence.length === 0 || !sequence.some((word) => !VENDOR_WORDS.has(word))) return;
        if (keys.some((key) => key.words.join(' ') === sequence.join(' '))) return;
        const capitalised = sequence.length === 1 && english.has(sequence[0] as string);
        keys.push({ words: sequence, capitalised, partial });
      };
      for (const name of [topic.name, ...topic.aliases]) {
        const sequence = words(name);
        add(sequence);
        add(sequence.filter((word) => !VENDOR_WORDS.has(word)));
      }
      const parts = words(topic.name).filter((word) => !VENDOR_WORDS.has(word));
      if (parts.length > 1) {
        for (const part of parts) {
          if (part.length >= 3 && partOwners.get(part) === 1 && (usage.get(part) ?? 0) <= 2)
            add([part], true);
        }
      }
      keys.sort((a, b) => b.words.length - a.words.length);
      this.#keys.set(topic.id, keys);
      this.#labels.set(topic.id, labelOf(topic, topics));
    }
  }

  /** The short name an option shows: the heading's name without `Amazon`/`AWS` (`RDS`, `API Gateway`). */
  label(topicId: string): string {
    return this.#labels.get(topicId) ?? topicId;
  }

  /**
   * Every place `topicId` is named in the tokens by a full name (with `partial`, by a part of one
   * too), longest names first, not overlapping.
   */
  spans(tokens: readonly Token[], topicId: string, partial = false): NameSpan[] {
    const keys = (this.#keys.get(topicId) ?? []).filter((key) => partial || !key.partial);
    const taken = new Array<boolean>(tokens.length).fill(false);
    const spans: NameSpan[] = [];
    for (const key of keys) {
      for (let i = 0; i + key.words.length <= tokens.length; i++) {
        if (!key.words.every((word, k) => tokens[i + k]?.word === word && !taken[i + k])) continue;
        if (key.capitalised && !/^\p{Lu}/u.test(tokens[i]?.raw ?? '')) continue;
        // `AWS Batch` is a name where `batch` alone would not be: the vendor word comes along.
        let from = i;
        while (from > 0 && VENDOR_WORDS.has(tokens[from - 1]?.word ?? '') && !taken[from - 1]) from--;
        for (let k = from; k < i + key.words.length; k++) taken[k] = true;
        spans.push({ topicId, from, to: i + key.words.length });
      }
    }
    return spans.sort((a, b) => a.from - b.from);
  }

  /** True when the text names the topic, by a part of its name too. */
  names(text: string, topicId: string): boolean {
    return this.spans(tokenize(text), topicId, true).length > 0;
  }

  /**
   * True when the text names the topic in any case or form (`these batch jobs`, `Stashes`): a
   * learner who reads it knows which topic it comes from.
   */
  namesAnyhow(text: string, topicId: string): boolean {
    return this.namedIn(words(text).map(stem), topicId);
  }

  /** The same, of a text's words already stemmed. */
  namedIn(stems: readonly string[], topicId: string): boolean {
    return (this.#keys.get(topicId) ?? []).some((key) => {
      const wanted = key.words.map(stem);
      for (let i = 0; i + wanted.length <= stems.length; i++)
        if (wanted.every((word, k) => stems[i + k] === word)) return true;
      return false;
    });
  }

  /** Stems of the topic's full names, to leave out of what a statement says. */
  nameStems(topicId: string): Set<string> {
    return new Set(this.#full(topicId).flatMap((key) => key.words.map(stem)));
  }

  /** Every full name of the topic, as phrase keys (for checks that a stem does not name it). */
  keys(topicId: string): string[] {
    return this.#full(topicId).map((key) => key.words.join(' '));
  }

  #full(topicId: string): NameKey[] {
    return (this.#keys.get(topicId) ?? []).filter((key) => !key.partial);
  }
}

/**
 * The heading's name without the vendor word, unless that leaves nothing, a name that ends on
 * `on` or `for`, or two topics that look alike: options are all in one form, and none carries an
 * expansion or a category (`Fargate`, not `Fargate (serverless)`).
 */
function labelOf(topic: Topic, topics: readonly Topic[]): string {
  const bare = (name: string) =>
    name
      .split(/\s+/)
      .filter((word) => !VENDOR_WORDS.has(foldCase(word)))
      .join(' ')
      .trim();
  const short = bare(topic.name);
  // `VMware Cloud on AWS` is not `VMware Cloud on`.
  const ends = short.split(' ').filter((_, at, all) => at === 0 || at === all.length - 1);
  if (!short || ends.some((word) => SMALL_WORDS.has(foldCase(word)))) return titleCase(topic.name);
  const clash = topics.some(
    (other) => other.id !== topic.id && phraseKey(bare(other.name)) === phraseKey(short),
  );
  return titleCase(clash ? topic.name : short);
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'for', 'of', 'on', 'or', 'the', 'to', 'with', 'in']);

/** `API gateway` -> `API Gateway`, `lightsail` -> `Lightsail`: a name written in haste, in one form. */
function titleCase(name: string): string {
  return name
    .split(/\s+/)
    .map((word, i) =>
      /^\p{Ll}+$/u.test(word) && (i === 0 || !SMALL_WORDS.has(word))
        ? word.charAt(0).toUpperCase() + word.slice(1)
        : word,
    )
    .join(' ');
}
