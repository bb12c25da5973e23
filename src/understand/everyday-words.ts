import everydayData from './data/everyday-words.json' with { type: 'json' };

/** Words of everyday English (`good`, `place`, `watch`), as opposed to a trade's own words. */
export interface EverydayWords {
  /** Whether the word, or the word it is a plural or verb form of, is everyday English. */
  has(word: string): boolean;
}

/** Endings a word may carry on its dictionary form, with what to put back: `watching` -> `watch`. */
const ENDINGS: readonly [string, string][] = [
  ['s', ''],
  ['es', ''],
  ['ies', 'y'],
  ['ing', ''],
  ['ing', 'e'],
  ['ed', ''],
  ['ed', 'e'],
];

class EverydayWordList implements EverydayWords {
  constructor(private readonly words: ReadonlySet<string>) {}

  has(word: string): boolean {
    if (this.words.has(word)) return true;
    return ENDINGS.some(
      ([ending, base]) => word.endsWith(ending) && this.words.has(word.slice(0, -ending.length) + base),
    );
  }
}

/** The everyday words shipped with the tutor (data/everyday-words.json, built from WordNet). */
export function loadEverydayWords(): EverydayWords {
  return new EverydayWordList(new Set(everydayData.words));
}
