import { phraseKey, VENDOR_WORDS } from '../knowledge/text.js';
import type { Fact } from '../knowledge/types.js';
import type { EnglishWords } from './english.js';

/**
 * Words that say the name after them is the topic's old or new name, what it took over from, or the
 * name it is sold under ("the whole bundle is sold as Heroku Flow").
 */
const RENAMED =
  /\b(?:renamed(?: it)?(?: to| from)?|now called|used to be called|(?:previously|originally) (?:called|named|known as)|formerly(?: called| named| known as)?|(?:new|old|former) name(?: of| was| is)?:?|successor (?:of|to)|(?:sold|marketed|branded) as|(?<=\()was)\s+/gi;
const SAYS_RENAMED = new RegExp(RENAMED.source, 'i');
/** A name written without bold: capitalised words (`Fault Injection Simulator`, `AWS SSO`). */
const CAPITALISED_RUN = /^(?:[A-Z][\w@.&-]*)(?:\s+(?:[A-Z0-9][\w@.&-]*|for|of))*/;
const MAX_NAME_WORDS = 6;

/** The most words of an old name written in lower case, in parentheses: "(formerly spot instances)". */
const MAX_PLAIN_NAME_WORDS = 3;

/**
 * The old name that closes the parentheses it is given in, in lower case too: "preemptible
 * instances (formerly spot instances)".
 */
function oldNameInParentheses(text: string, match: RegExpMatchArray, after: string): string {
  const at = match.index ?? 0;
  // "(was fast before)" is a sentence: only a name says it in capitals.
  if (/^was\b/i.test(match[0]) || text.lastIndexOf('(', at) <= text.lastIndexOf(')', at)) return '';
  const name = /^([^(),;]+)\)/.exec(after)?.[1]?.trim() ?? '';
  return name.split(/\s+/).length <= MAX_PLAIN_NAME_WORDS ? name : '';
}

/**
 * The names a topic's facts give it as its old or new one: "in 2025 aws renamed it **Amazon
 * WorkSpaces Applications**" under AppStream 2.0, "used to be called Fault Injection Simulator",
 * "(formerly TSO Logic)", "(old name **Stackdriver**)". Services get renamed, and people ask by either
 * name.
 */
export function renamedNames(facts: readonly Fact[], english: EnglishWords): string[] {
  const found = new Set<string>();
  for (const fact of facts) {
    for (let part = 0; part <= fact.subPoints.length; part++) {
      const text = part === 0 ? fact.text : (fact.subPoints[part - 1] ?? '');
      // Most bullets rename nothing: one test, without the iterator a search makes.
      if (!SAYS_RENAMED.test(text)) continue;
      for (const match of text.matchAll(RENAMED)) {
        const after = text.slice((match.index ?? 0) + match[0].length);
        const bold = fact.keyTerms.find((term) => after.startsWith(term));
        const name = bold ?? CAPITALISED_RUN.exec(after)?.[0] ?? oldNameInParentheses(text, match, after);
        const key = phraseKey(name);
        const words = key.split(' ');
        if (!key || words.length > MAX_NAME_WORDS) continue;
        // One English word (`Logic`, `Events`) is a word, not a name.
        if (words.length === 1 && english.has(key)) continue;
        found.add(key);
        // `Amazon WorkSpaces Applications` is asked for as `workspaces applications` too.
        if (words.length > 1 && VENDOR_WORDS.has(words[0] ?? '')) found.add(words.slice(1).join(' '));
      }
    }
  }
  return [...found];
}
