import { stem, words } from '../knowledge/text.js';
import conceptData from './data/cloud-concepts.json' with { type: 'json' };
import { negatedBefore, STOPWORDS } from './stopwords.js';

/** A phrase of everyday cloud talk and the words of the notes it stands for. */
interface ConceptPhrase {
  /** Stems of the phrase's words, in order. */
  stems: string[];
  means: string[];
}

/**
 * Words, or short phrases, any of which may stand for one part of a pattern: `goes down`, not
 * `down`, says a server is out, since "slow down" says nothing of the kind.
 */
interface WordChoice {
  words: Set<string>;
  /** Stems of each phrase, in order. */
  phrases: string[][];
}

/** Words of every set close together, optionally after a negation: "no servers to patch". */
interface ConceptPattern {
  sets: WordChoice[];
  negated: boolean;
  /** Only where no negation reaches: "no vms to patch" turns servers to patch into none. */
  affirmed: boolean;
  means: string[];
}

/** Where in a question a concept was found, and the notes' words it adds there. */
export interface ConceptMatch {
  /** Token position the meaning attaches to: the last word of the phrase. */
  position: number;
  /** First token of the phrase: the words from here to `position` say the concept together. */
  start: number;
  means: string[];
  /** Said after a negation ("no vms to patch"): the words from `start` to `position` are what is not wanted. */
  negated: boolean;
}

/** How far apart the words of a pattern may stand. */
const PATTERN_WINDOW = 6;
/** A negation reaches this many words ahead: "without having to patch". */
const NEGATION_REACH = 6;

export interface ConceptData {
  phrases: { phrases: string[]; means: string[] }[];
  with: { negated: boolean; affirmed?: boolean; words: string[][]; means: string[] }[];
}

/**
 * The cloud-concept lexicon (data/cloud-concepts.json): everyday phrasings and abbreviations of
 * cloud ideas ("faas", "without managing servers", "object store") mapped to the words notes use.
 * Compiled once; matching a question is a walk over its tokens.
 */
export class ConceptLexicon {
  private readonly byFirstStem = new Map<string, ConceptPhrase[]>();
  private readonly patterns: ConceptPattern[];
  /** The words concepts stand for: notes' words, none of them a product's name. */
  private readonly meanings = new Set<string>();

  constructor(data: ConceptData = conceptData) {
    for (const entry of [...data.phrases, ...data.with])
      for (const word of entry.means) this.meanings.add(word);
    for (const entry of data.phrases) {
      for (const phrase of entry.phrases) {
        const stems = words(phrase).map(stem);
        const first = stems[0];
        if (!first) continue;
        const list = this.byFirstStem.get(first) ?? [];
        list.push({ stems, means: entry.means });
        this.byFirstStem.set(first, list);
      }
    }
    for (const list of this.byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
    this.patterns = data.with.map((entry) => ({
      sets: entry.words.map(wordChoice),
      negated: entry.negated,
      affirmed: entry.affirmed ?? false,
      means: entry.means,
    }));
  }

  /**
   * Whether a word is one of cloud talk's own (`cpu`, `ssd`, `ttl`), which no dictionary of
   * English has but which is no name of a product either.
   */
  isCloudWord(word: string): boolean {
    return this.meanings.has(word);
  }

  /** Concepts a question's tokens say, longest phrase first where phrases overlap. */
  match(tokens: readonly string[]): ConceptMatch[] {
    const stems = tokens.map(stem);
    const found: ConceptMatch[] = [];
    for (let i = 0; i < stems.length; i++) {
      const candidates = this.byFirstStem.get(stems[i] ?? '');
      if (!candidates) continue;
      let end = -1;
      const phrase = candidates.find((candidate) => {
        end = phraseEnd(candidate.stems, stems, tokens, i);
        return end >= 0;
      });
      if (!phrase) continue;
      found.push({ position: end, start: i, means: phrase.means, negated: false });
      // The phrase's own words say nothing apart: the `box` of "out of the box" is no server.
      i = end;
    }
    for (const pattern of this.patterns) {
      const hit = this.patternAt(stems, tokens, pattern);
      if (hit) found.push(hit);
    }
    return found;
  }

  private patternAt(
    stems: string[],
    tokens: readonly string[],
    pattern: ConceptPattern,
  ): ConceptMatch | null {
    const opening = pattern.sets[0];
    if (!opening) return null;
    for (let i = 0; i < stems.length; i++) {
      const openingEnd = choiceEndsAt(opening, stems, i);
      if (openingEnd < 0) continue;
      const negated = negatedBefore(tokens, i, NEGATION_REACH);
      if ((pattern.negated && !negated) || (pattern.affirmed && negated)) continue;
      let first = i;
      let last = openingEnd;
      let complete = true;
      for (const set of pattern.sets.slice(1)) {
        let at = -1;
        let end = -1;
        for (
          let j = Math.max(0, i - PATTERN_WINDOW);
          j < Math.min(stems.length, i + PATTERN_WINDOW + 1);
          j++
        ) {
          end = j >= i && j <= openingEnd ? -1 : choiceEndsAt(set, stems, j);
          if (end >= 0) {
            at = j;
            break;
          }
        }
        if (at < 0) {
          complete = false;
          break;
        }
        first = Math.min(first, at);
        last = Math.max(last, end);
      }
      // The span runs from the earliest matched word, so "the database is down" (first set: down)
      // still attaches to "database" when the first set's own word is a stopword.
      if (complete) return { position: last, start: first, means: pattern.means, negated: pattern.negated };
    }
    return null;
  }
}

/**
 * People put a small word or a number inside a phrase ("mail us a box", "every 5 minutes"): a
 * phrase of several words may have this many of them among its own, all told.
 */
const PHRASE_GAP = 2;

/** Where a phrase that starts at `start` ends (its last word), or -1 when it is not said there. */
function phraseEnd(
  phrase: readonly string[],
  stems: readonly string[],
  tokens: readonly string[],
  start: number,
): number {
  let at = start;
  let skipped = 0;
  for (let k = 0; k < phrase.length; k++) {
    const wanted = phrase[k] ?? '';
    while (at < stems.length && stems[at] !== wanted && stems[at] !== `${wanted}s`) {
      const small = STOPWORDS.has(tokens[at] ?? '') || /^\d+$/.test(tokens[at] ?? '');
      if (k === 0 || !small || ++skipped > PHRASE_GAP) return -1;
      at++;
    }
    if (at >= stems.length) return -1;
    at++;
  }
  return at - 1;
}

function wordChoice(entries: string[]): WordChoice {
  const choice: WordChoice = { words: new Set(), phrases: [] };
  for (const entry of entries) {
    const stems = words(entry).map(stem);
    if (stems.length === 1) choice.words.add(stems[0] ?? '');
    else if (stems.length > 1) choice.phrases.push(stems);
  }
  return choice;
}

/** Where a choice said at `at` ends (its last word), or -1 when none of it starts there. */
function choiceEndsAt(choice: WordChoice, stems: readonly string[], at: number): number {
  if (choice.words.has(stems[at] ?? '')) return at;
  for (const phrase of choice.phrases) {
    if (phrase.every((s, k) => stems[at + k] === s)) return at + phrase.length - 1;
  }
  return -1;
}
