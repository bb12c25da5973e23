import type { EnglishWords } from './english.js';

/** Shorter words have too many neighbours one slip away to say which one was meant. */
const MIN_LENGTH = 6;
const VOWELS = 'aeiouy';
/** Words looked up, kept: a team asks about the same things again and again. */
const REMEMBERED = 5000;

/**
 * The notes' own misspellings of an English word: teams write notes in a hurry (`availabilty`,
 * `accross`, `automaticaly`), and a question spelt right must still find them. A notes word counts
 * when it is no English word and one slip from the question's: a letter left out, added or
 * swapped with its neighbour, or one vowel for another. Consonants changed (`postgres` from
 * `postures`) and a different first letter (`vcenter` from `center`) make other words, names
 * mostly, so they do not count, and neither do the names of cloud services (`braket`).
 */
export class NotesMisspellings {
  private readonly found = new Map<string, string[]>();
  /** The notes' words that may be misspellings, by first letter; built when first asked. */
  private suspects: Map<string, string[]> | null = null;
  private suspectsOf = -1;

  constructor(
    private readonly vocabulary: ReadonlySet<string>,
    private readonly english: EnglishWords,
    private readonly isServiceWord: (word: string) => boolean,
  ) {}

  /** Notes words that are this English word misspelt; none for most words. */
  of(word: string): string[] {
    if (word.length < MIN_LENGTH || !/^[a-z]+$/.test(word)) return [];
    let misspelt = this.found.get(word);
    if (!misspelt) {
      const first = word[0] ?? '';
      misspelt = (this.suspectsByFirstLetter().get(first) ?? []).filter((other) => isOneSlip(word, other));
      if (this.found.size >= REMEMBERED) this.found.clear();
      this.found.set(word, misspelt);
    }
    return misspelt;
  }

  /**
   * Only a notes word no dictionary or catalogue has can be a misspelling: comparing a question's
   * word with those few, rather than spelling out its every slip, keeps reading fast.
   */
  private suspectsByFirstLetter(): Map<string, string[]> {
    if (this.suspects && this.suspectsOf === this.vocabulary.size) return this.suspects;
    const suspects = new Map<string, string[]>();
    for (const other of this.vocabulary) {
      if (other.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(other)) continue;
      if (this.english.has(other) || this.isServiceWord(other)) continue;
      const first = other[0] ?? '';
      const list = suspects.get(first);
      if (list) list.push(other);
      else suspects.set(first, [other]);
    }
    this.suspects = suspects;
    this.suspectsOf = this.vocabulary.size;
    return suspects;
  }
}

/**
 * Whether `other` is one slip of the kinds people make typing `word`: a letter left out or added,
 * two neighbours swapped, or one vowel for another.
 */
export function isOneSlip(word: string, other: string): boolean {
  if (other === word) return false;
  const shorter = other.length < word.length ? other : word;
  const longer = other.length < word.length ? word : other;
  if (longer.length - shorter.length > 1) return false;
  let at = 0;
  while (at < shorter.length && shorter[at] === longer[at]) at++;
  if (longer.length !== shorter.length) return shorter.slice(at) === longer.slice(at + 1);
  const swapped =
    at + 1 < word.length &&
    word[at] === other[at + 1] &&
    word[at + 1] === other[at] &&
    word.slice(at + 2) === other.slice(at + 2);
  const vowelFor =
    VOWELS.includes(word[at] ?? '') &&
    VOWELS.includes(other[at] ?? '') &&
    word.slice(at + 1) === other.slice(at + 1);
  return swapped || vowelFor;
}
