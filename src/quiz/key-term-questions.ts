import { expandsAcronym, phraseKey, stem, words } from '../knowledge/text.js';
import type { KnowledgeBase, Topic } from '../knowledge/types.js';
import { loadSynonyms } from '../understand/synonyms.js';
import { nearestStatement, neighboursOf, type QuizContext, quote } from './context.js';
import type { QuestionDraft } from './draft.js';
import { tokenize } from './names.js';
import { MASK } from './phrasing.js';
import { capitalise } from './plain-english.js';
import { informative, type Statement } from './statements.js';
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

const MAX_TERM_WORDS = 4;
const MAX_TERM_CHARS = 32;

function isPlural(text: string): boolean {
  const last = words(text).at(-1) ?? '';
  return /[^s]s$/.test(last) && !/(us|is)$/.test(last);
}

/** The key terms of a statement that name a thing (not `Lambda - no servers` or `run on-demand`). */
function termsOf(context: QuizContext, statement: Statement): KeyTerm[] {
  const topics = context.knowledge.topics;
  return statement.keyTerms.flatMap((raw) => {
    const text = raw.replace(/[\s:;,.]+$/, '').trim();
    const tokens = words(text);
    if (tokens.length === 0 || tokens.length > MAX_TERM_WORDS || text.length > MAX_TERM_CHARS) return [];
    if (/\d/.test(text) || /\s[-–&]\s|\s&|\band\b/.test(text)) return [];
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
  const at = plain.toLowerCase().indexOf(term.text.toLowerCase());
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
  const wrong: { term: KeyTerm; closeness: number }[] = [];
  const order = [
    ...neighboursOf(context, topic),
    ...knowledge.topics
      .filter((other) => other.id !== topic.id)
      .map((other) => ({ topic: other, closeness: 0.2 })),
  ];
  const seen = new Set([term.key]);
  for (const neighbour of order) {
    for (const candidate of terms.get(neighbour.topic.id) ?? []) {
      if (wrong.length === 3) break;
      if (seen.has(candidate.key) || candidate.sort !== term.sort) continue;
      if (own.includes(` ${candidate.key} `)) continue;
      if (words(candidate.text).some((word) => termStems.has(stem(word)))) continue;
      if (candidate.plural !== term.plural) continue;
      // `Redis` for DAX's "in-memory cache": a term whose own note says much the same fits too.
      if (nearestStatement(context, term.statement, candidate.statement.topic) === candidate.statement)
        continue;
      seen.add(candidate.key);
      wrong.push({ term: candidate, closeness: neighbour.closeness });
    }
  }
  if (wrong.length < 3) return null;
  const label = context.names.label(topic.id);
  const stemText =
    term.sort === 'named'
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
