import { phraseKey, stem, VENDOR_WORDS, words } from '../knowledge/text.js';
import type { Fact, KnowledgeBase, Topic } from '../knowledge/types.js';
import { STOPWORDS } from '../understand/stopwords.js';
import { type NameSpan, type Token, type TopicNames, tokenize } from './names.js';
import { asStatement, MASK, type Reading, readStatement, toYou, whichQuestion } from './phrasing.js';
import { capitalise, type Speller, spellOut } from './plain-english.js';
import { GENERIC_WORDS, NEGATION_WORDS, type WordClasses } from './word-classes.js';

/** A note longer than this is a paragraph: its point is hard to ask about in one line. */
export const MAX_STATEMENT_CHARS = 200;
/** A note saying less than this (`Short one.`) says too little to be asked. */
const MIN_STEMS = 3;

/**
 * One thing the notes say about a topic, prepared to be asked: a bullet (with its list folded in
 * when it introduces one), or a sub-point that continues a bullet's key term.
 */
export interface Statement {
  topic: Topic;
  fact: Fact;
  /** Stable key of what it says, for question ids. */
  key: string;
  /** As the notes say it, for explanations. */
  quoted: string;
  /** Spelled out in plain English, without a final full stop; the topic's names as written. */
  plain: string;
  /** The question "which of these …?" with the topic's names masked, or null when it cannot be asked so. */
  which: string | null;
  /** The statement as an option ("It supports…"), the topic as "it"; null when it names its topic elsewhere. */
  option: string | null;
  /** Informative stems, the topic's own names left out. */
  stems: Set<string>;
  /** Stems that say something particular (not words every service claims). */
  telling: Set<string>;
  keyTerms: string[];
  /** It says "not", "no", "can't"…: easily true of things it does not name. */
  negative: boolean;
  /** It makes the claim of every managed service ("AWS takes care of patching…", "fully managed…"). */
  sharedClaim: boolean;
  /** It reads as an instruction ("Scale containers up…", "Pick it when…"), not as a statement. */
  instruction: boolean;
  /**
   * What it is about when that is not its topic (`contain` of "Containers can be hosted on…"): a
   * topic that deals with the same thing may well be what it describes. Null when the topic is the subject.
   */
  subject: string | null;
  /** It says nothing that tells its topic from another. */
  generic: boolean;
  /** How much it teaches: particular words weighted by rarity, key terms and figures. */
  teach: number;
}

/** "AWS takes care of…", "fully managed…": what nearly every managed service says of itself. */
const MANAGED_CLAIM = /^(?:(?:aws|amazon)\s+(?:takes care|handles|manages|does)|fully managed)\b/i;

export function informative(word: string): boolean {
  return !STOPWORDS.has(word) && !VENDOR_WORDS.has(word);
}

const GENERIC_STEMS = new Set([...GENERIC_WORDS].map((word) => stem(word)));

/** A word that says nothing particular about a service. */
export function isGenericStem(stemmed: string): boolean {
  return GENERIC_STEMS.has(stemmed);
}

/** The last word of an introduction (`hosted on:`) that makes a list its continuation. */
function continuesIntoList(lead: string): boolean {
  const last = words(lead).at(-1) ?? '';
  return ['on', 'in', 'as', 'by', 'with', 'to', 'for', 'include', 'includes', 'are', 'is', 'like'].includes(
    last,
  );
}

/** `A, B and C` / `A or B`. */
function joinList(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

interface Draft {
  fact: Fact;
  quoted: string;
  text: string;
}

/** The statements a fact gives: itself (with its list), and sub-points that continue its key term. */
function draftsOf(fact: Fact, classes: WordClasses): Draft[] {
  const text = fact.text.trim();
  if (text.endsWith(':') && fact.subPoints.length > 0) {
    const lead = text.slice(0, -1).trim();
    if (continuesIntoList(lead)) {
      const conjunction = /\bcan\b/i.test(lead) ? 'or' : 'and';
      const items = fact.subPoints.map((point) => point.trim().replace(/[.;]+$/, ''));
      return [
        {
          fact,
          quoted: `${text} ${fact.subPoints.join('; ')}`,
          text: `${lead} ${joinList(items, conjunction)}`,
        },
      ];
    }
    // "capacity modes:" introduces items that each say something of their own; "stored in
    // repositories:" with "public: Docker Hub" introduces parts of one statement.
    const short = fact.subPoints.some((point) => words(point).filter(informative).length < 4);
    // "not supported on external instances:" turns what follows around: no item stands alone (a
    // "no" further on, "when the group has no offset:", only sets the scene).
    const opening = words(lead).slice(0, 3);
    const negated =
      NEGATION_WORDS.has(opening[0] ?? '') || opening.includes('not') || opening.includes('unsupported');
    if (short || negated)
      return [
        {
          fact,
          quoted: `${text} ${fact.subPoints.join('; ')}`,
          text: `${lead}: ${fact.subPoints.join('; ')}`,
        },
      ];
    return fact.subPoints.map((point) => ({ fact, quoted: point, text: point }));
  }
  const drafts: Draft[] = [{ fact, quoted: text, text }];
  const term = fact.keyTerms[0];
  if (term && text.toLowerCase().startsWith(term.toLowerCase())) {
    for (const point of fact.subPoints) {
      const first = words(point)[0] ?? '';
      const tags = classes.tags(first);
      const continues =
        ['can', 'cant', 'must', 'will'].includes(first) || tags[0] === 'VBZ' || tags[0] === 'VBP';
      const participle = tags[0] === 'VBN' || tags[0] === 'VBD';
      if (!continues && !participle) continue;
      const plural = /s$/i.test(term) && !/ss$/i.test(term);
      const verb = participle ? (plural ? ' are' : ' is') : '';
      drafts.push({ fact, quoted: `${text} › ${point}`, text: `${term}${verb} ${point}` });
    }
  }
  return drafts;
}

/** `Multi AZ - sync replication…` reads `Multi AZ: sync replication…`. */
function labelDash(text: string): string {
  if (text.includes(':')) return text;
  return text.replace(/^([^-–]{1,40}?)\s+[-–]\s+/, (all, label: string) =>
    label.split(/\s+/).length <= 4 ? `${label}: ` : all,
  );
}

/**
 * A name inside a longer name or key term (`RDS Proxy`, `Docker Hub`): masking it would give it
 * away. `Batch jobs` at the start of a sentence is a common noun the notes also write in lower case.
 */
function inCompound(tokens: readonly Token[], span: NameSpan, fact: Fact, topicText: string): boolean {
  const next = tokens[span.to];
  if (next && /^\p{Lu}/u.test(next.raw) && span.to > 0) return true;
  if (next && span.to - span.from === 1) {
    const pair = `${tokens[span.from]?.word} ${stem(next.word)}`;
    if (topicText.includes(`|${pair}|`)) return true;
  }
  const spanText = tokens
    .slice(span.from, span.to)
    .map((token) => token.word)
    .join(' ');
  return fact.keyTerms.some((term) => {
    const key = phraseKey(term);
    return key !== spanText && key.split(' ').length > 1 && ` ${key} `.includes(` ${spanText} `);
  });
}

/** The text with the token range replaced. */
function replaceTokens(text: string, tokens: readonly Token[], span: NameSpan, by: string): string {
  const start = tokens[span.from]?.start ?? 0;
  const end = tokens[span.to - 1]?.end ?? start;
  return `${text.slice(0, start)}${by}${text.slice(end)}`;
}

export interface StatementContext {
  names: TopicNames;
  classes: WordClasses;
  speller: Speller | null;
  /** Stem -> how many topics use it. */
  topicFrequency: ReadonlyMap<string, number>;
  topicCount: number;
  /** By topic id: its words written in lower case, each followed by the stem of the next word. */
  lowerCaseText: ReadonlyMap<string, string>;
  /** Words the notes write with a capital inside a sentence, lowercased: names (`active`, `google`). */
  namesWritten: ReadonlySet<string>;
}

/** Prepares one statement of a topic, or null when it is too long or says too little. */
function prepare(topic: Topic, draft: Draft, context: StatementContext): Statement | null {
  const { names, classes } = context;
  const describes = (word: string) => {
    const first = classes.tags(word)[0];
    return (
      word !== 'own' &&
      (first === 'VBN' || first === 'JJ' || first === 'RB' || ['not', 'a', 'an', 'the'].includes(word))
    );
  };
  const plain = labelDash(spellOut(draft.text, context.speller, describes))
    .replace(/[\s.;:,]+$/, '')
    .trim();
  if (!plain || plain.length > MAX_STATEMENT_CHARS) return null;
  const tokens = tokenize(plain);
  const own = names.spans(tokens, topic.id);
  // Words of an expansion (`container` of `Elastic Container Service`) are ordinary words: only
  // the places the topic is named are left out.
  const stems = new Set(
    tokens
      .filter((token, i) => informative(token.word) && !own.some((span) => i >= span.from && i < span.to))
      .map((token) => stem(token.word)),
  );
  if (stems.size < MIN_STEMS) return null;
  const telling = new Set([...stems].filter((stemmed) => !isGenericStem(stemmed)));
  const reading = readStatement(plain, own, classes, draft.fact.keyTerms);
  // "building a serverless API & scalable": an adjective left dangling after its noun reads wrong
  // in a question; the note is still quoted in explanations.
  const dangling = /\band\s+(\p{L}+)$/u.exec(plain)?.[1]?.toLowerCase();
  const adjective =
    dangling !== undefined &&
    (classes.tags(dangling)[0] === 'JJ' || /(able|ible|ful|ous|ive)$/.test(dangling));
  if (!reading || adjective) return null;

  // The question: its own names masked, one blank at most, and never inside a longer name.
  let which: string | null = null;
  const lead = own[0];
  const leadIsSubject = reading.shape === 'subject' && lead?.from === 0;
  const masked = own.filter((span) => !(leadIsSubject && span === lead));
  if (masked.length === 0) which = whichQuestion(reading) ?? quoteQuestion(reading);
  else if (masked.length === 1 && reading.shape === 'sentence') {
    const span = masked[0] as NameSpan;
    if (!inCompound(tokens, span, draft.fact, context.lowerCaseText.get(topic.id) ?? '')) {
      const maskedText = toYou(replaceTokens(plain, tokens, span, MASK));
      which = quoteQuestion({ shape: 'sentence', text: maskedText });
    }
  }
  // "Active Directory through…", "Google Cloud's VMs": a name of two capitalised words keeps its
  // capitals after "It is an" when the notes write them elsewhere, or when the second is a word
  // of everyday English, capitalised only because it is part of a name (not "Private Docker…").
  const [, firstWord, secondWord] = /^(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)\b/u.exec(plain) ?? [];
  const keepName = (text: string | null) =>
    text &&
    firstWord &&
    secondWord &&
    (context.namesWritten.has(firstWord.toLowerCase()) ||
      (classes.tags(secondWord.toLowerCase())[0] ?? '').startsWith('NN'))
      ? text.replace(`${firstWord.toLowerCase()} ${secondWord}`, `${firstWord} ${secondWord}`)
      : text;
  which = keepName(which);
  const option = keepName(own.length === 0 || leadIsSubject ? asStatement(reading) : null);

  const keyTerms = draft.fact.keyTerms.filter((term) => plain.toLowerCase().includes(term.toLowerCase()));
  const figures = tokens.some((token) => /^\d/.test(token.word));
  const idf = (stemmed: string) =>
    Math.log(1 + context.topicCount / (context.topicFrequency.get(stemmed) ?? 1));
  let teach = [...telling].reduce((sum, stemmed) => sum + idf(stemmed), 0);
  teach += Math.min(2, keyTerms.length) + (figures ? 1.5 : 0);
  if (plain.length > 150) teach *= 0.8;
  return {
    topic,
    fact: draft.fact,
    key: phraseKey(draft.quoted) || draft.quoted,
    quoted: draft.quoted,
    plain,
    which,
    option,
    stems,
    telling,
    keyTerms,
    negative: tokens.some((token) => NEGATION_WORDS.has(token.word)),
    sharedClaim: MANAGED_CLAIM.test(plain),
    subject:
      reading.shape === 'sentence'
        ? (tokens
            .filter(
              (token, i) => informative(token.word) && !own.some((span) => i >= span.from && i < span.to),
            )
            .map((token) => stem(token.word))[0] ?? null)
        : null,
    instruction:
      reading.shape === 'sentence' &&
      (reading.instruction === true || classes.tags(tokens[0]?.word ?? '')[0] === 'VB'),
    generic: telling.size < 2 && !figures && keyTerms.length === 0,
    teach,
  };
}

/** "Which of these is this about: “…”?" */
export function quoteQuestion(reading: Reading): string {
  return `Which of these is this about: “${asStatement(reading)}”?`;
}

/** Every statement of every topic, by topic id, most teaching first. */
export function statementsOf(
  knowledge: KnowledgeBase,
  context: Omit<StatementContext, 'topicFrequency' | 'topicCount' | 'lowerCaseText'>,
): Map<string, Statement[]> {
  const topicFrequency = new Map<string, number>();
  for (const topic of knowledge.topics) {
    const vocabulary = new Set(
      words(topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints]).join(' '))
        .filter(informative)
        .map(stem),
    );
    for (const stemmed of vocabulary) topicFrequency.set(stemmed, (topicFrequency.get(stemmed) ?? 0) + 1);
  }
  const lowerCaseText = new Map(
    knowledge.topics.map((topic) => {
      const text = topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints]).join(' ');
      const tokens = tokenize(text);
      const pairs = tokens.flatMap((token, i) => {
        const next = tokens[i + 1];
        return /^\p{Ll}/u.test(token.raw) && next ? [`${token.word} ${stem(next.word)}`] : [];
      });
      return [topic.id, `|${pairs.join('|')}|`];
    }),
  );
  const full: StatementContext = {
    ...context,
    topicFrequency,
    topicCount: knowledge.topics.length,
    lowerCaseText,
  };
  const byTopic = new Map<string, Statement[]>();
  for (const topic of knowledge.topics) {
    const seen = new Set<string>();
    const list: Statement[] = [];
    for (const fact of topic.facts) {
      for (const draft of draftsOf(fact, context.classes)) {
        const statement = prepare(topic, draft, full);
        if (!statement || seen.has(statement.key)) continue;
        seen.add(statement.key);
        list.push(statement);
      }
    }
    byTopic.set(
      topic.id,
      list.sort((a, b) => b.teach - a.teach || a.fact.line - b.fact.line),
    );
  }
  return byTopic;
}

/**
 * True of more than its topic, as far as anyone can tell from the notes: a "not" or a claim every
 * managed service makes. Never a wrong option, nor a clue to one topic.
 */
export function saysLittleAlone(statement: Statement): boolean {
  return statement.negative || statement.sharedClaim;
}

/** Whether two statements say much the same (so one cannot be right and the other wrong). */
export function sayMuchTheSame(a: Statement, b: Statement): boolean {
  const common = [...a.stems].filter((stemmed) => b.stems.has(stemmed)).length;
  return common / Math.max(1, new Set([...a.stems, ...b.stems]).size) >= 0.4;
}

/** The statement as an option, capitalised. */
export function optionText(statement: Statement): string | null {
  return statement.option ? capitalise(statement.option) : null;
}
