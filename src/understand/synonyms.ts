import { stem } from '../knowledge/text.js';
import spellingData from './data/spellings.json' with { type: 'json' };
import synonymData from './data/synonyms.json' with { type: 'json' };

/** Stem -> stems of words a learner may use for the same thing. */
export type Synonyms = Map<string, Set<string>>;

/** Stem -> stems of the same word written another way (`three` and `3`, `mins` and `minutes`). */
export type Spellings = Map<string, Set<string>>;

function byStem(groups: string[][]): Map<string, Set<string>> {
  const others = new Map<string, Set<string>>();
  for (const group of groups) {
    const stems = new Set(group.map((word) => stem(word)));
    for (const stemmed of stems) {
      const set = others.get(stemmed) ?? new Set<string>();
      for (const other of stems) if (other !== stemmed) set.add(other);
      others.set(stemmed, set);
    }
  }
  return others;
}

export function loadSynonyms(groups: string[][] = synonymData.groups): Synonyms {
  return byStem(groups);
}

export function loadSpellings(groups: string[][] = spellingData.groups): Spellings {
  return byStem(groups);
}
