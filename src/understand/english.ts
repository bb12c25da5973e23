import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Whether a token is an ordinary English word. A word in the dictionary is not a typo to correct
 * (`places` is not a misspelt `spaces`), and a token that is neither in the dictionary nor in the
 * notes (`s3`, `dynamodb`) names something the notes do not cover.
 */
export interface EnglishWords {
  has(word: string): boolean;
}

const QUOTE = 0x22;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;

const isLetter = (byte: number | undefined): boolean =>
  byte !== undefined && byte >= LOWER_A && byte <= LOWER_Z;

/**
 * The word list ships as one sorted JSON array of 275,000 words, `["a","aa",...]`. Parsing it into
 * a Set costs a third of a second and even an index of where its words start costs 20 ms of every
 * start, so lookups binary-search the file's bytes as they are: from the middle byte of the range
 * left, back to the start of the word it falls in.
 */
class SortedWordList implements EnglishWords {
  constructor(private readonly bytes: Buffer) {}

  /** The first byte of the word that byte `at` falls in, or of the word before a separator. */
  private wordStart(at: number): number {
    let i = at;
    while (!isLetter(this.bytes[i])) i--;
    while (this.bytes[i - 1] !== QUOTE) i--;
    return i;
  }

  /** Compares the word starting at byte `start` with `word`, byte by byte, without making a string. */
  private compareAt(start: number, word: string): number {
    for (let i = 0; ; i++) {
      const byte = this.bytes[start + i] ?? QUOTE;
      const ended = byte === QUOTE;
      if (i === word.length) return ended ? 0 : 1;
      if (ended) return -1;
      const difference = byte - word.charCodeAt(i);
      if (difference !== 0) return difference;
    }
  }

  has(word: string): boolean {
    if (!/^[a-z]+$/.test(word)) return false;
    // Every word still possible starts in [low, high); `low` is always the first byte of a word.
    let low = 2;
    let high = this.bytes.length;
    while (low < high) {
      const start = this.wordStart((low + high) >>> 1);
      const order = this.compareAt(start, word);
      if (order === 0) return true;
      if (order > 0) {
        high = start;
        continue;
      }
      let end = start;
      while (this.bytes[end] !== QUOTE) end++;
      // Past the closing quote, the comma and the next word's opening quote.
      low = end + 3;
    }
    return false;
  }
}

export function loadEnglishWords(): EnglishWords {
  const path = createRequire(import.meta.url).resolve('an-array-of-english-words');
  const bytes = readFileSync(path);
  const opening = bytes.subarray(0, 2).toString('latin1');
  const closing = bytes.subarray(-4).toString('latin1').trimEnd();
  if (opening !== '["' || !closing.endsWith('"]') || !isLetter(bytes[2]))
    throw new Error(
      `${path}: not the compact, sorted JSON array of words this version of the tutor reads ("a","aa",...): reinstall with \`npm ci\``,
    );
  return new SortedWordList(bytes);
}
