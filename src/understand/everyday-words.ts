import everydayData from './data/everyday-words.json' with { type: 'json' };
import { dictionaryForms } from './inflections.js';

/** Words of everyday English (`good`, `place`, `watch`), as opposed to a trade's own words. */
export interface EverydayWords {
  /** Whether the word, or the word it is a plural or verb form of, is everyday English. */
  has(word: string): boolean;
  /** Whether people use the word, as it stands, as a verb (`support`, `offer`; not `helm`). */
  isVerb(word: string): boolean;
}

class EverydayWordList implements EverydayWords {
  constructor(
    private readonly words: ReadonlySet<string>,
    private readonly verbs: ReadonlySet<string>,
  ) {}

  isVerb(word: string): boolean {
    return this.verbs.has(word);
  }

  has(word: string): boolean {
    if (this.words.has(word)) return true;
    return dictionaryForms(word).some((form) => this.words.has(form));
  }
}

/** The everyday words shipped with the tutor (data/everyday-words.json, built from WordNet). */
export function loadEverydayWords(): EverydayWords {
  return new EverydayWordList(new Set(everydayData.words), new Set(everydayData.verbs));
}
