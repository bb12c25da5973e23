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

/**
 * The word list ships as one sorted JSON array of 275,000 words; parsing it into a Set costs a
 * third of a second, so lookups binary-search the file's bytes through an index of word starts.
 */
class SortedWordList implements EnglishWords {
  private readonly starts: Uint32Array;
  private readonly count: number;

  constructor(private readonly bytes: Buffer) {
    const starts = new Uint32Array(Math.ceil(bytes.length / 3));
    let count = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== QUOTE) continue;
      starts[count++] = i + 1;
      i = bytes.indexOf(QUOTE, i + 1);
      if (i < 0) break;
    }
    this.starts = starts;
    this.count = count;
  }

  /** Compares the word at `index` with `word` byte by byte, without making a string. */
  private compareAt(index: number, word: string): number {
    const start = this.starts[index] ?? 0;
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
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compareAt(middle, word);
      if (order === 0) return true;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

export function loadEnglishWords(): EnglishWords {
  const require = createRequire(import.meta.url);
  return new SortedWordList(readFileSync(require.resolve('an-array-of-english-words')));
}
