import { words } from './text.js';

/** Room the table starts with; it doubles when half full. */
const FIRST_SIZE = 1024;

/**
 * What is kept for each distinct word of many texts, found straight from a text as `words` splits it.
 * Notes of 5,000 topics hold half a million words but some thousands of distinct ones: cutting each
 * word out as a string, lowercased, to look it up in a `Map` costs more than the rest of indexing
 * it. Here a word of plain ASCII text is hashed and compared letter by letter where it stands, and
 * only a word seen for the first time becomes a string.
 */
export class WordTable<T> {
  /** Slot -> the entry's number plus one; 0 is an empty slot. */
  #slots = new Int32Array(FIRST_SIZE);
  readonly #hashes: number[] = [];
  readonly #keys: string[] = [];
  readonly #entries: T[] = [];

  /** @param make what to keep for a word, asked the first time the word is seen. */
  constructor(private readonly make: (word: string) => T) {}

  /** The entry of a word, lowercase as `words` gives it. */
  get(word: string): T {
    let hash = HASH_START;
    for (let at = 0; at < word.length; at++) hash = mix(hash, word.charCodeAt(at));
    let slot = hash & (this.#slots.length - 1);
    for (;;) {
      const entry = (this.#slots[slot] as number) - 1;
      if (entry < 0) return this.#add(word, hash);
      if (this.#hashes[entry] === hash && this.#keys[entry] === word) return this.#entries[entry] as T;
      slot = (slot + 1) & (this.#slots.length - 1);
    }
  }

  /**
   * The entries of the words of `text`, in order, as `words(text)` splits it, written into `into`
   * from its start; returns how many. What lies beyond them is left as it was: a list used for text
   * after text keeps its room, where emptying it would give its room up each time. Text other than
   * plain ASCII, and a word with an apostrophe, go the way of `words`.
   */
  entriesOf(text: string, into: T[]): number {
    let count = 0;
    let start = -1;
    let hash = HASH_START;
    let apostrophe = false;
    for (let at = 0; at <= text.length; at++) {
      let code = at < text.length ? text.charCodeAt(at) : SPACE;
      if (code >= UPPER_A && code <= UPPER_Z) code += CASE_GAP;
      if ((code >= LOWER_A && code <= LOWER_Z) || (code >= DIGIT_0 && code <= DIGIT_9)) {
        if (start < 0) {
          start = at;
          hash = HASH_START;
        }
        hash = mix(hash, code);
        continue;
      }
      // `foldCase` drops apostrophes inside words (`don't` -> `dont`): they end no word.
      if (code === APOSTROPHE || code === BACKTICK) {
        if (start >= 0) apostrophe = true;
        continue;
      }
      if (code > TILDE || (code < SPACE && code !== TAB && code !== NEWLINE && code !== RETURN))
        return this.#entriesOfAny(text, into);
      if (start < 0) continue;
      into[count++] = apostrophe
        ? this.get(text.slice(start, at).replace(/['`]/g, '').toLowerCase())
        : this.#find(text, start, at, hash);
      start = -1;
      apostrophe = false;
    }
    return count;
  }

  /** Any text, through `words`. */
  #entriesOfAny(text: string, into: T[]): number {
    let count = 0;
    for (const word of words(text)) into[count++] = this.get(word);
    return count;
  }

  /** The entry of the word of `text` from `start` to `end`, hashed as `hash`, its letters lowercased. */
  #find(text: string, start: number, end: number, hash: number): T {
    const length = end - start;
    let slot = hash & (this.#slots.length - 1);
    for (;;) {
      const entry = (this.#slots[slot] as number) - 1;
      if (entry < 0) return this.#add(text.slice(start, end).toLowerCase(), hash);
      if (this.#hashes[entry] === hash && sameWord(this.#keys[entry] as string, text, start, length))
        return this.#entries[entry] as T;
      slot = (slot + 1) & (this.#slots.length - 1);
    }
  }

  #add(word: string, hash: number): T {
    const value = this.make(word);
    this.#hashes.push(hash);
    this.#keys.push(word);
    this.#entries.push(value);
    if (this.#entries.length * 2 > this.#slots.length) this.#grow();
    else this.#place(this.#entries.length - 1);
    return value;
  }

  #grow(): void {
    this.#slots = new Int32Array(this.#slots.length * 2);
    for (let entry = 0; entry < this.#entries.length; entry++) this.#place(entry);
  }

  #place(entry: number): void {
    let slot = (this.#hashes[entry] as number) & (this.#slots.length - 1);
    while (this.#slots[slot] !== 0) slot = (slot + 1) & (this.#slots.length - 1);
    this.#slots[slot] = entry + 1;
  }
}

/** Whether `text` from `start`, `length` letters lowercased, spells `key`. */
function sameWord(key: string, text: string, start: number, length: number): boolean {
  if (key.length !== length) return false;
  for (let at = 0; at < length; at++) {
    let code = text.charCodeAt(start + at);
    if (code >= UPPER_A && code <= UPPER_Z) code += CASE_GAP;
    if (code !== key.charCodeAt(at)) return false;
  }
  return true;
}

/** FNV-1a, a letter at a time. */
const HASH_START = 0x811c9dc5 | 0;
function mix(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const SPACE = 32;
const APOSTROPHE = 39;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const UPPER_A = 65;
const UPPER_Z = 90;
const BACKTICK = 96;
const LOWER_A = 97;
const LOWER_Z = 122;
const TILDE = 126;
const CASE_GAP = LOWER_A - UPPER_A;
