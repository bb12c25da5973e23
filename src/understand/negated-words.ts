import { words } from '../knowledge/text.js';
import { NEGATIONS } from './stopwords.js';

/**
 * Where a clause of the notes ends: what a `no` or `not` denies stops at a comma, a stop, a colon,
 * a bracket, an arrow or a dash between words ("no joins, not made for complex relational queries").
 */
const CLAUSE_END = /[,;.:!?()[\]{}<>→|]+|\s[-–—]+\s|\s+(?:but|instead|use|unlike)\s+/i;

/** A negation denies the few words after it, not a whole long clause. */
const NEGATION_REACH = 6;

/**
 * Which of a line's words (as `words` splits it) a negation denies: `relational` in "not made for
 * complex relational queries" says what DynamoDB is not. Null when no word is denied.
 */
export function negatedWords(text: string, tokenCount: number): Uint8Array | null {
  if (!NEGATION_WORD.test(text)) return null;
  const flags = new Uint8Array(tokenCount);
  let at = 0;
  let any = false;
  for (const clause of text.split(CLAUSE_END)) {
    let left = 0;
    for (const token of words(clause)) {
      if (NEGATIONS.has(token)) left = NEGATION_REACH;
      else if (left > 0) {
        left--;
        if (at < tokenCount) flags[at] = 1;
        any = true;
      }
      at++;
    }
  }
  // A clause split that reads the words otherwise than the whole line would mark the wrong words.
  return any && at === tokenCount ? flags : null;
}

/** Any word of NEGATIONS, as written (`don't` as well as `dont`). */
const NEGATION_WORD = new RegExp(
  `\\b(?:${[...NEGATIONS].map((word) => word.replace(/nt$/, "n['’]?t")).join('|')})\\b`,
  'i',
);
