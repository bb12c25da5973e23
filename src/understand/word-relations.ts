import { fileURLToPath } from 'node:url';
import { readDataFile } from './data-file.js';

/**
 * How much a match through a related word counts against a match on the word itself (1): a derived
 * form (`notify`/`notification`) is the same idea, a synonym of a common sense nearly so, a broader
 * word (`queue` -> `line`) only partly.
 */
export const RELATION_WEIGHTS = { derivation: 0.8, synonym: 0.7, hypernym: 0.5 } as const;

/** A word WordNet relates to another, and how much a match through it should count (0..1). */
export interface RelatedWord {
  word: string;
  relation: 'synonym' | 'derivation' | 'hypernym';
  weight: number;
}

export interface WordRelations {
  /** The words related to `word` (lowercase), strongest first; empty when WordNet relates none. */
  related(word: string): readonly RelatedWord[];
  /** How many words have related words. */
  readonly size: number;
}

/** Built by scripts/wordnet/build-word-relations.mjs; `npm run build` copies it beside the compiled module. */
const DEFAULT_PATH = fileURLToPath(new URL('./data/word-relations.txt', import.meta.url));

const RELATIONS = new Map<string, RelatedWord['relation']>([
  ['d', 'derivation'],
  ['s', 'synonym'],
  ['h', 'hypernym'],
]);
const NONE: readonly RelatedWord[] = Object.freeze([]);
const NEWLINE = 0x0a;
const TAB = 0x09;
const COMMENT = 0x23;

/**
 * The file holds 53,000 sorted lines of `word<TAB>code:other,...`. Loading keeps only its bytes: even
 * indexing where every line starts would take most of the 40 ms the tutor can spend on it. A lookup
 * binary-searches the bytes themselves (a probe lands mid-line and steps back to the line's start)
 * without making a string; a word's list is parsed the first time it is asked for, and kept.
 */
class SortedWordRelations implements WordRelations {
  private readonly parsed = new Map<string, readonly RelatedWord[]>();
  /** Where the first line after the header comments starts. */
  private readonly dataStart: number;
  private lineCount = -1;

  constructor(private readonly bytes: Buffer) {
    let start = 0;
    while (start < bytes.length && bytes[start] === COMMENT) start = this.nextLineStart(start);
    this.dataStart = start;
  }

  get size(): number {
    if (this.lineCount < 0) {
      let count = 0;
      for (let start = this.dataStart; start < this.bytes.length; start = this.nextLineStart(start)) count++;
      this.lineCount = count;
    }
    return this.lineCount;
  }

  related(word: string): readonly RelatedWord[] {
    const known = this.parsed.get(word);
    if (known) return known;
    const line = this.find(word);
    if (line < 0) return NONE;
    const list = this.parseList(line + word.length + 1);
    this.parsed.set(word, list);
    return list;
  }

  /** The start of `word`'s line, or -1. `low` and `high` are always line starts. */
  private find(word: string): number {
    let low = this.dataStart;
    let high = this.bytes.length;
    while (low < high) {
      let start = (low + high) >>> 1;
      while (start > low && this.bytes[start - 1] !== NEWLINE) start--;
      const order = this.compareAt(start, word);
      if (order === 0) return start;
      if (order < 0) low = this.nextLineStart(start);
      else high = start;
    }
    return -1;
  }

  private lineEnd(from: number): number {
    const end = this.bytes.indexOf(NEWLINE, from);
    return end < 0 ? this.bytes.length : end;
  }

  private nextLineStart(start: number): number {
    return this.lineEnd(start) + 1;
  }

  /** Compares the word opening the line at `start` with `word`, byte by byte (a tab ends it). */
  private compareAt(start: number, word: string): number {
    for (let i = 0; ; i++) {
      const byte = this.bytes[start + i] ?? NEWLINE;
      const ended = byte === TAB || byte === NEWLINE;
      if (i === word.length) return ended ? 0 : 1;
      if (ended) return -1;
      const difference = byte - word.charCodeAt(i);
      if (difference !== 0) return difference;
    }
  }

  private parseList(from: number): readonly RelatedWord[] {
    const list = this.bytes
      .toString('latin1', from, this.lineEnd(from))
      .split(',')
      .map((entry): RelatedWord => {
        const colon = entry.indexOf(':');
        const relation = RELATIONS.get(entry.slice(0, colon));
        if (!relation) throw new Error(`word relations: unknown relation in "${entry}"`);
        return Object.freeze({ word: entry.slice(colon + 1), relation, weight: RELATION_WEIGHTS[relation] });
      });
    return Object.freeze(list);
  }
}

/** Reads the word relations file (by default the one shipped with the tutor) into memory, once. */
export function loadWordRelations(path: string = DEFAULT_PATH): WordRelations {
  const bytes = readDataFile(
    path,
    'the word relations file',
    'it is built into src/understand/data by scripts/wordnet/build-word-relations.mjs, and `npm run build` copies it into dist/',
  );
  return new SortedWordRelations(bytes);
}

let shared: WordRelations | null = null;

/** One copy of the shipped word relations for the whole process, read the first time it is asked for. */
export function sharedWordRelations(): WordRelations {
  shared ??= loadWordRelations();
  return shared;
}
