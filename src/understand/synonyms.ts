import { stem } from '../knowledge/text.js';
import synonymData from './data/synonyms.json' with { type: 'json' };

/** Stem -> stems of words a learner may use for the same thing. */
export type Synonyms = Map<string, Set<string>>;

export function loadSynonyms(groups: string[][] = synonymData.groups): Synonyms {
  const synonyms: Synonyms = new Map();
  for (const group of groups) {
    const stems = new Set(group.map((word) => stem(word)));
    for (const stemmed of stems) {
      const others = synonyms.get(stemmed) ?? new Set<string>();
      for (const other of stems) if (other !== stemmed) others.add(other);
      synonyms.set(stemmed, others);
    }
  }
  return synonyms;
}
