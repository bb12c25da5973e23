import type { EnglishWords } from './english.js';

/** Shorter words have too many neighbours one slip away to say which one was meant. */
const MIN_LENGTH = 6;
const VOWELS = 'aeiouy';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
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
      misspelt = [...slips(word)].filter(
        (other) =>
          this.vocabulary.has(other) &&
          other[0] === word[0] &&
          !this.english.has(other) &&
          !this.isServiceWord(other),
      );
      if (this.found.size >= REMEMBERED) this.found.clear();
      this.found.set(word, misspelt);
    }
    return misspelt;
  }
}

/** Every spelling one slip from a word, of the kinds people make typing it. */
function slips(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const before = word.slice(0, i);
    const char = word[i] ?? '';
    const after = word.slice(i + 1);
    for (const letter of LETTERS) out.add(before + letter + word.slice(i));
    if (i === word.length) continue;
    out.add(before + after);
    if (i + 1 < word.length) out.add(before + (word[i + 1] ?? '') + char + word.slice(i + 2));
    if (VOWELS.includes(char)) for (const vowel of VOWELS) out.add(before + vowel + after);
  }
  out.delete(word);
  return out;
}
