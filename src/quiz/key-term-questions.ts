import { expandsAcronym, phraseKey, stem, words } from '../knowledge/text.js';
import type { KnowledgeBase, Topic } from '../knowledge/types.js';
import { loadSynonyms } from '../understand/synonyms.js';
import { nearestStatement, neighboursOf, type QuizContext, quote } from './context.js';
import type { QuestionDraft } from './draft.js';
import { tokenize } from './names.js';
import { MASK } from './phrasing.js';
import { capitalise } from './plain-english.js';
import { informative, type Statement, sayMuchTheSame } from './statements.js';
import { isFiniteVerb } from './word-classes.js';

/** `pricing` is given away by `pay`: a word of the term or one meaning the same. */
const synonyms = loadSynonyms();

/** A `**bold**` phrase that names a thing: a term, not a whole clause. */
export interface KeyTerm {
  text: string;
  key: string;
  statement: Statement;
  /**
   * `named` terms carry a topic's name (`RDS Proxy`); `proper` ones are one proper name (`SQL`,
   * `Redis`); `feature` ones a capitalised feature (`Multi AZ`, `Vault Lock`); `quality` ones say
   * what something is like (`ephemeral`, `event-driven`); `concept` ones name an idea (`lazy
   * loading`). Options are all of one sort, so none stands out by its form.
   */
  sort: 'named' | 'proper' | 'feature' | 'quality' | 'concept';
  plural: boolean;
}

const MAX_TERM_WORDS = 5;
/** How close a topic must be for its proper names to be plausible options. */
const NEAR = 0.7;
const MAX_TERM_CHARS = 32;

function isPlural(text: string): boolean {
  const last = words(text).at(-1) ?? '';
  return /[^s]s$/.test(last) && !/(us|is)$/.test(last);
}

const SHORT_NAME_CHARS = 3;

/** The key terms of a statement that name a thing (not `Lambda - no servers` or `run on-demand`). */
function termsOf(context: QuizContext, statement: Statement): KeyTerm[] {
  const topics = context.knowledge.topics;
  return statement.keyTerms.flatMap((raw) => {
    const text = raw.replace(/[\s:;,.]+$/, '').trim();
    const tokens = words(text);
    if (tokens.length === 0 || tokens.length > MAX_TERM_WORDS || text.length > MAX_TERM_CHARS) return [];
    // A short name in lower case (`po` of pods, `sts`) reads as a typo among the options.
    if (tokens.length === 1 && text.length <= SHORT_NAME_CHARS && !/\p{Lu}/u.test(text)) return [];
    // A figure (`6 copies`) is no term; a name with a digit in it (`S3 File Gateway`) is.
    if (tokens.some((token) => /^\d/.test(token)) || /\s[-–&]\s|\s&|\band\b/.test(text)) return [];
    const first = context.classes.tags(tokens[0] as string)[0] ?? '';
    if (first.startsWith('VB') || tokens.slice(1).some((token) => isFiniteVerb(context.classes, token)))
      return [];
    const key = phraseKey(text);
    if (phraseKey(statement.plain) === key) return [];
    if (topics.some((topic) => context.names.keys(topic.id).includes(key))) return [];
    const named = topics.some((topic) => context.names.spans(tokenize(text), topic.id).length > 0);
    const last = tokens.at(-1) as string;
    const quality = context.classes.tags(last)[0] === 'JJ' || /(driven|based|less|ful)$/.test(last);
    const capitalised = text.split(/\s+/).filter((word) => word.length > 3 || /\p{Lu}/u.test(word));
    const sort = named
      ? 'named'
      : tokens.length === 1 && /\p{Lu}/u.test(text)
        ? 'proper'
        : capitalised.length > 0 && capitalised.every((word) => /^\p{Lu}/u.test(word))
          ? 'feature'
          : quality
            ? 'quality'
            : 'concept';
    return [{ text, key, statement, sort, plural: isPlural(text) } satisfies KeyTerm];
  });
}

/** Every key term of the notes, by topic id. */
export function keyTermsOf(context: QuizContext): Map<string, KeyTerm[]> {
  const byTopic = new Map<string, KeyTerm[]>();
  for (const [topicId, statements] of context.statements) {
    const seen = new Set<string>();
    byTopic.set(
      topicId,
      statements.flatMap((statement) =>
        termsOf(context, statement).filter((term) => !seen.has(term.key) && seen.add(term.key)),
      ),
    );
  }
  return byTopic;
}

/**
 * `OLAP: online analytical processing`: the words after an acronym's blank spell it out (their
 * initials are its letters, in order, from the first).
 */
function spellsOut(term: string, after: string): boolean {
  if (!/^[A-Z][A-Z0-9]{1,6}$/.test(term)) return false;
  const initials = words(after.replace(/^[\s:(–-]+/, ''))
    .slice(0, term.length)
    .map((word) => word[0])
    .join('');
  const letters = term.toLowerCase();
  if (initials[0] !== letters[0]) return false;
  let at = 0;
  for (const letter of initials) {
    const found = letters.indexOf(letter, at);
    if (found < 0) return at >= letters.length - 1;
    at = found + 1;
  }
  return true;
}

/**
 * The statement with the term as a blank: the term's first mention masked, and an expansion in
 * brackets after it (`DAX (DynamoDB Accelerator)`) left out, since it would spell the term out.
 * Null when the term's words (or words meaning the same) show elsewhere, or an article before the
 * blank fits only some options.
 */
function blanked(term: KeyTerm): string | null {
  const plain = term.statement.plain;
  const at = wholeWordAt(plain, term.text);
  if (at < 0) return null;
  let after = plain.slice(at + term.text.length);
  const bracket = /^\s*\(([^)]*)\)/.exec(after);
  if (bracket && expandsAcronym(term.text, bracket[1] ?? '')) after = after.slice(bracket[0].length);
  if (spellsOut(term.text, after)) return null;
  const before = plain.slice(0, at);
  if (/\b(a|an)\s*$/i.test(before)) return null;
  const text = `${before}${MASK}${after}`.replace(/\s{2,}/g, ' ').trim();
  const termStems = new Set(words(term.text).filter(informative).map(stem));
  for (const stemmed of [...termStems]) for (const same of synonyms.get(stemmed) ?? []) termStems.add(same);
  if (words(text).some((word) => termStems.has(stem(word)))) return null;
  if (words(text).filter(informative).length < 3) return null;
  return text;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Where the term first stands as whole words in the text, any case; -1 if nowhere. A plain search:
 * a RegExp built a term would be compiled thousands of times a quiz.
 */
function wholeWordAt(text: string, term: string): number {
  const lower = text.toLowerCase();
  const wanted = term.toLowerCase();
  // Lower case that changes a string's length (`İ`) would shift every index found in it.
  if (lower.length !== text.length || wanted.length !== term.length) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').exec(text)?.index ?? -1;
  }
  if (!wanted) return -1;
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + wanted.length] ?? '';
    if (!LETTER_OR_DIGIT.test(before) && !LETTER_OR_DIGIT.test(after)) return at;
  }
  return -1;
}

/** The last word of a term, stemmed: what kind of thing it names (`database`, `keys`, `queue`). */
function headOf(text: string): string {
  return stem(words(text).at(-1) ?? '');
}

function topicText(topic: Topic): string {
  return ` ${phraseKey([topic.title, ...topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints])].join(' '))} `;
}

/** "Which term fills the blank…?": a key term masked in its note, the others key terms of other topics. */
export function keyTermQuestion(
  context: QuizContext,
  term: KeyTerm,
  terms: ReadonlyMap<string, KeyTerm[]>,
  knowledge: KnowledgeBase,
): QuestionDraft | null {
  const topic = term.statement.topic;
  const blank = blanked(term);
  if (!blank) return null;
  const own = topicText(topic);
  const termStems = new Set(words(term.text).filter(informative).map(stem));
  const head = headOf(term.text);
  // A name of a thing is confused with another name (`Redis`, `Memcached`, `DAX`); an idea only
  // with one of its own sort (`document database`, `graph database`) or of the same topic.
  const looseSort = term.sort === 'named' || term.sort === 'proper';
  const order = [
    { topic, closeness: 1 },
    ...neighboursOf(context, topic),
    ...knowledge.topics
      .filter((other) => other.id !== topic.id)
      .map((other) => ({ topic: other, closeness: 0.2 })),
  ];
  const candidates = order.flatMap((neighbour) =>
    (terms.get(neighbour.topic.id) ?? []).map((candidate) => ({
      term: candidate,
      closeness: neighbour.closeness,
    })),
  );
  const fits = (candidate: KeyTerm): boolean => {
    if (candidate.sort !== term.sort || candidate.plural !== term.plural) return false;
    const stems = words(candidate.text).filter(informative).map(stem);
    if (stems.length === termStems.size && stems.every((stemmed) => termStems.has(stemmed))) return false;
    if (candidate.statement.topic.id === topic.id)
      return candidate.statement !== term.statement && !sayMuchTheSame(candidate.statement, term.statement);
    if (own.includes(` ${candidate.key} `)) return false;
    // `Redis` for DAX's "in-memory cache": a term whose own note says much the same fits too.
    return nearestStatement(context, term.statement, candidate.statement.topic) !== candidate.statement;
  };
  const sameHead = candidates.filter(({ term: candidate }) => headOf(candidate.text) === head);
  const sameTopic = candidates.filter(({ term: candidate }) => candidate.statement.topic.id === topic.id);
  const wrong: { term: KeyTerm; closeness: number }[] = [];
  const seen = new Set([term.key]);
  // A name from far away (`TTL` for a note on IAM) is no option anyone would weigh.
  const near = candidates.filter((item) => item.closeness >= NEAR || term.sort === 'named');
  for (const item of [...sameHead, ...sameTopic, ...(looseSort ? near : [])]) {
    if (wrong.length === 3) break;
    if (seen.has(item.term.key) || !fits(item.term)) continue;
    seen.add(item.term.key);
    wrong.push(item);
  }
  if (wrong.length < 3) return null;
  const label = context.names.label(topic.id);
  // A topic named for the term (`Ansible Variables & Facts` for `facts`) would give it away.
  const namesTheTerm = ` ${phraseKey(label)} `.includes(` ${term.key} `);
  const stemText =
    term.sort === 'named' || namesTheTerm
      ? `Which of these fills the blank: “${capitalise(blank)}.”?`
      : `Which term fills the blank in this note on ${label}: “${capitalise(blank)}.”?`;
  return {
    kind: 'key-term',
    topic,
    idPart: 'term',
    idKey: `${term.key}\u0000${term.statement.key}`,
    stem: stemText,
    right: { text: capitalise(term.text), why: `the notes on ${label}: ${quote(term.statement)}` },
    wrong: wrong.map(({ term: other }) => ({
      text: capitalise(other.text),
      why: `that is ${context.names.label(other.statement.topic.id)}'s: ${quote(other.statement)}`,
    })),
    line: term.statement.fact.line,
    closeness: wrong.reduce((sum, item) => sum + item.closeness, 0) / wrong.length,
  };
}
