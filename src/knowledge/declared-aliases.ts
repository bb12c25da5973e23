import { looksLikeAcronym, phraseKey } from './text.js';
import type { Fact } from './types.js';

/** Words with which a bullet gives a topic's other name: `short name **sts**`, `aka **XSRF**`. */
const NAMING =
  /^(?:short name|short for|shorthand|abbreviated(?: as)?|abbreviation|abbr\.?|aka|a\.k\.a\.?)\s*:?\s*/i;

/** "an **escalation policy (EP)** = …" names the topic as any other bullet would, after an article. */
const ARTICLE = /^(?:a|an|the)\s+/i;

/** The key of a name of several things said of one: `escalation policies` -> `escalation policy`. */
function singularKey(key: string): string {
  return key.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
}

/**
 * Other names a topic's own bullets give it: a bullet that opens by naming them (`- short name
 * **sts**`), or one that opens with the topic's name and a short name in brackets after it
 * (`**SQL injection** (**SQLi**) = …`, `**CSRF** (aka **XSRF**, "sea-surf") = …`, `an **escalation
 * policy (EP)**` of Escalation Policies). Only a single short token or a quoted nickname: a bracket
 * that explains (`(stable identity)`) names nothing.
 */
export function declaredAliases(names: readonly string[], facts: readonly Fact[]): string[] {
  const found: string[] = [];
  const nameKeys = new Set(names.flatMap((name) => [phraseKey(name), singularKey(phraseKey(name))]));
  for (const fact of facts) {
    const { text } = fact;
    const naming = NAMING.exec(text);
    if (naming) {
      const [first] = text.slice(naming[0].length).split(/[\s,;]+/);
      if (first && abbreviation(first)) found.push(first);
      continue;
    }
    // Most bullets hold no bracket: the pattern is not tried on them.
    if (!text.includes('(')) continue;
    const opening = /^(.+?)\s*\(([^()]{2,60})\)/.exec(text);
    if (!opening || !nameKeys.has(phraseKey((opening[1] ?? '').replace(ARTICLE, '')))) continue;
    for (const part of (opening[2] ?? '').split(',')) {
      const named = part
        .trim()
        .replace(/^(?:aka|a\.k\.a\.?|short for)\s+/i, '')
        .replace(/^["'“”]|["'“”]$/g, '');
      if (abbreviation(named) || (/^["'“]/.test(part.trim()) && named.length <= 20)) found.push(named);
    }
  }
  return found;
}

/**
 * A token written as an abbreviation: in capitals or with a digit (`XSRF`, `k8s`), or with no vowel
 * (`sts`, `svc`). A short name that is a word (`deploy`, `po`) would take the word's questions.
 */
function abbreviation(token: string): boolean {
  return looksLikeAcronym(token) && (/[A-Z0-9]/.test(token) || !/[aeiouy]/i.test(token));
}
