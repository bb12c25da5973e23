import { rankTopics } from '../understand/rank-topics.js';
import { pairsOf, type ReadQuestion } from '../understand/read-question.js';
import { COMPARING_MARKS } from '../understand/stopwords.js';
import type { TopicIndex } from '../understand/topic-index.js';

/** Words that set one thing against another: `or`, `vs`, `versus`, `compared`. */
export const CHOICE_MARKS = new Set([...COMPARING_MARKS, 'or']);

/** "… cost anything or is it free": a `be` and a pronoun after an `or` ask yes or no of the same thing. */
const BEING = new Set(['is', 'are', 'am', 'was']);
const YES_OR_NO_OF = new Set(['it', 'that', 'this', 'i', 'they', 'there']);

/** "or is it free", "or not": the `or` at a position asks yes or no, it offers no other thing. */
export function asksYesOrNo(tokens: readonly string[], at: number): boolean {
  const next = tokens[at + 1] ?? '';
  return next === 'not' || (BEING.has(next) && YES_OR_NO_OF.has(tokens[at + 2] ?? ''));
}

/** Words that ask which of two ways to take, wherever they stand: "is it better to …", "… instead". */
const CHOOSING = new Set([
  'better',
  'best',
  'prefer',
  'instead',
  'smarter',
  'difference',
  'diff',
  'differ',
  'different',
]);
/** What follows a `which` that asks to pick one ("which one", "which makes more sense"), not "which of our servers". */
const PICKING = new Set(['one', 'is', 'should', 'would', 'makes', 'fits', 'option', 'do', 'to', 'works']);
const ASKERS = new Set(['i', 'we', 'you', 'u']);

/**
 * Whether a question asks to choose between the ways either side of the `or` at `marker` sets out:
 * "should i keep … or put …", "… or an automation, which is the better option". A `should we`
 * after the `or` asks what to do about the whole ("… an AZ or region outage. what should we use").
 */
function asksToChoose(tokens: readonly string[], marker: number): boolean {
  return tokens.some(
    (token, at) =>
      CHOOSING.has(token) ||
      (token === 'which' && PICKING.has(tokens[at + 1] ?? '')) ||
      (at < marker && token === 'should' && ASKERS.has(tokens[at + 1] ?? '')),
  );
}

/** How many words either side of the `or` say what that side is. */
const SIDE_REACH = 8;
/** A side of fewer words than this ("shrunk or turned off") is a word of the one thing asked about. */
const SIDE_WORDS = 2;

/**
 * The two topics a question chooses between when it names at most one of them, each side of its
 * `or` or `vs` described in its own words: "should i keep our product images on a volume attached
 * to the web server or put them in a bucket" sets Block Storage against Object Storage. Each side
 * is ranked on its words alone; the side of the `or` where the one topic named stands is that topic,
 * however far from the `or`.
 */
export function describedChoice(
  index: TopicIndex,
  read: ReadQuestion,
  named: readonly number[],
): number[] | null {
  const found = choiceMarker(read.tokens);
  if (!found || !asksToChoose(read.tokens, found.marker)) return null;
  const { marker, leftFrom } = found;
  const namedOn = (before: boolean) =>
    named.find((topic) =>
      read.names.some((hit) => hit.topic === topic && (before ? hit.end <= marker : hit.start > marker)),
    );
  const rankedOn = (from: number, to: number): number | null => {
    const terms = read.terms.filter((term) => from <= term.position && term.position < to);
    if (terms.length < SIDE_WORDS) return null;
    const names = read.names.filter((hit) => from <= hit.start && hit.end <= to);
    const [best] = rankTopics(index, { ...read, terms, names, pairs: pairsOf(read.tokens.slice(from, to)) });
    // A side its words hardly cover ("lean on consul's checks") says no topic.
    return best && best.evidence !== 'weak' ? best.topic : null;
  };
  const left = namedOn(true) ?? rankedOn(leftFrom, marker);
  const right = namedOn(false) ?? rankedOn(marker + 1, marker + 1 + SIDE_REACH);
  return left === null || right === null || left === right ? null : [left, right];
}

/**
 * Where a question's two sides meet: its first `or` or `vs` that offers another thing, the left side
 * the words before it; or the `and` of "the difference between … and …", the left side from `between`.
 */
function choiceMarker(tokens: readonly string[]): { marker: number; leftFrom: number } | null {
  const marker = tokens.findIndex((token, at) => CHOICE_MARKS.has(token) && !asksYesOrNo(tokens, at));
  if (marker >= 0) return { marker, leftFrom: Math.max(0, marker - SIDE_REACH) };
  const between = tokens.indexOf('between');
  if (between < 0) return null;
  const and = tokens.indexOf('and', between + 1);
  return and > between + 1 && and - between <= SIDE_REACH ? { marker: and, leftFrom: between + 1 } : null;
}
