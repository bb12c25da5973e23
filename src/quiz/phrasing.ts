import { type NameSpan, type Token, tokenize } from './names.js';
import { article, capitalise, decapitalise } from './plain-english.js';
import {
  canBeParticipleOrAdjective,
  canBeThirdPersonVerb,
  isAuxiliary,
  isFiniteVerb,
  isPluralOfNounOnly,
  isPreposition,
  takesArticle,
  type WordClasses,
} from './word-classes.js';

/**
 * How a note reads, which decides how it is asked. Notes are mostly fragments: "Supports RESTful
 * APIs" has its topic as an unwritten subject, "Private Docker registry on AWS" is a noun phrase,
 * "Batch is a fully managed…" names its subject; a question made from each reads best in its own
 * way ("Which of these supports…?", "Which of these is a private…?").
 */
export type Reading =
  /** The topic is the subject; `predicate` says what it does or is, in the third person (`supports …`). */
  | { shape: 'subject'; predicate: string }
  /** A description without a verb: `a private Docker registry on AWS`; `has` for `limited disk space`. */
  | { shape: 'noun'; phrase: string; verb: 'is' | 'has' }
  /** Addressed to the reader: `you must provision …`; `modal` is how. */
  | { shape: 'you'; modal: 'must' | 'can' | 'cannot' | 'need' | 'need-not' | 'do'; rest: string }
  /** Any other sentence, shown as a quote; `instruction` when it reads as one ("Load data once…"). */
  | { shape: 'sentence'; text: string; instruction?: boolean };

/** What stands in a question for a word that would give the answer away. */
export const MASK = '___';

/** Words after which a clause of a noun phrase ends; `e` opens "e.g.", an example of what went before. */
const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'where', 'when', 'so', 'because', 'while', 'but', 'e']);
const DEMONSTRATIVES = new Set(['these', 'those', 'this']);
/** Prepositions a verb of the topic takes (`rely on`, `integrate with`), not a noun's (`support for`). */
const VERB_PREPOSITIONS = new Set(['on', 'with', 'by', 'into', 'across', 'in']);
const MODALS = new Set(['can', 'could', 'will', 'would', 'should', 'may', 'might', 'must']);
const PRONOUNS = new Set(['you', 'we', 'i', 'he', 'she', 'one', 'everyone', 'someone']);

/** The text from token `index` on. */
function from(text: string, tokens: readonly Token[], index: number): string {
  const token = tokens[index];
  return token ? text.slice(token.start) : '';
}

/** Where the first clause of a text ends (a comma, colon, dash, bracket or semicolon), as an offset. */
function firstClauseEnd(text: string): number {
  // A bracket is an aside (`dead letter queue (DLQ) gets…`): the clause goes on after it.
  const match = /[,:;]|\s[-–]\s/.exec(text.replace(/\([^)]*\)/g, (aside) => ' '.repeat(aside.length)));
  return match ? match.index : text.length;
}

function youForm(text: string, tokens: readonly Token[], classes: WordClasses): Reading | null {
  const subject = tokens[0]?.word;
  if (subject !== 'you' && subject !== 'we') return null;
  let at = 1;
  if (tokens[at]?.word === 'just' || tokens[at]?.word === 'only') at++;
  const word = tokens[at]?.word ?? '';
  const next = tokens[at + 1]?.word ?? '';
  const rest = (index: number) => toYou(from(text, tokens, index));
  if (word === 'must') return { shape: 'you', modal: 'must', rest: rest(at + 1) };
  if (word === 'have' && next === 'to') return { shape: 'you', modal: 'must', rest: rest(at + 2) };
  if (word === 'can') return { shape: 'you', modal: 'can', rest: rest(at + 1) };
  if (word === 'cant' || word === 'cannot') return { shape: 'you', modal: 'cannot', rest: rest(at + 1) };
  if (word === 'need' && next === 'to') return { shape: 'you', modal: 'need', rest: rest(at + 2) };
  if ((word === 'do' && next === 'not') || word === 'dont') {
    const need = word === 'dont' ? at + 1 : at + 2;
    if (tokens[need]?.word === 'need' && tokens[need + 1]?.word === 'to')
      return { shape: 'you', modal: 'need-not', rest: rest(need + 2) };
    return null;
  }
  // "you get billed for…", "you pay per use": what you do with it.
  const tags = classes.tags(word);
  if (tags.includes('VBP') || tags[0] === 'VB') return { shape: 'you', modal: 'do', rest: rest(at) };
  return null;
}

/** `we`, `our` and `us` said to the reader. */
export function toYou(text: string): string {
  return text
    .replace(/\bwe\b/gi, 'you')
    .replace(/\bour\b/gi, 'your')
    .replace(/\bus\b/g, 'you');
}

/**
 * Reads a note (spelled out, without its final full stop). `own` are the places its own topic is
 * named; `keyTerms` its bold terms, one of which it opens with names a thing (`**ordering keys** if
 * you need…`, `**projects** group people…`), never the topic's doing. Null when it cannot be shown
 * without a reference to something outside it ("They…").
 */
export function readStatement(
  text: string,
  own: readonly NameSpan[],
  classes: WordClasses,
  keyTerms: readonly string[] = [],
): Reading | null {
  const reading = readWords(text, own, classes);
  if (reading?.shape !== 'subject') return reading;
  const term = keyTerms.find((candidate) => opensWith(text, candidate));
  if (!term) return reading;
  const termWords = tokenize(term);
  const predicate = reading.predicate.toLowerCase();
  const named = termWords.map((token) => token.word).join(' ');
  if (!predicate.startsWith(named) && !predicate.startsWith(`is for ${named}`)) return reading;
  const next = tokenize(text)[termWords.length];
  // "projects group people…": the term is the subject of a verb of its own.
  if (next && (isAuxiliary(next.word) || MODALS.has(next.word) || classes.tags(next.word).includes('VBP')))
    return { shape: 'sentence', text: toYou(text) };
  // "ordering keys if you need…": a thing the topic has.
  const head = termWords.at(-1)?.word ?? '';
  if (termWords.length > 1 && (classes.tags(head)[0] ?? '').startsWith('NN'))
    return { shape: 'noun', phrase: decapitalise(text), verb: 'has' };
  return reading;
}

/** Whether the text opens with the term as whole words, in any case. */
function opensWith(text: string, term: string): boolean {
  const lower = text.toLowerCase();
  const wanted = term.trim().toLowerCase();
  return wanted !== '' && lower.startsWith(wanted) && !/[\p{L}\p{N}]/u.test(lower[wanted.length] ?? '');
}

/** How a note reads from its words alone, its bold terms not yet weighed. */
function readWords(text: string, own: readonly NameSpan[], classes: WordClasses): Reading | null {
  const tokens = tokenize(text);
  const first = tokens[0];
  if (!first) return null;
  // "`&` runs a cmd…": what the note opens with is no word to read.
  if (first.start > 0 && /^\s*[`'"&|<>$~*]/.test(text)) return { shape: 'sentence', text: toYou(text) };
  let shown = text;
  // "These functions are limited…": whose functions is the topic's.
  if (DEMONSTRATIVES.has(first.word) && tokens[1] && !isAuxiliary(tokens[1].word) && own.length === 0) {
    shown = `Its ${text.slice(tokens[1].start)}`;
    return { shape: 'sentence', text: toYou(shown) };
  }
  if (first.word === 'they' || first.word === 'them') return null;
  // "has a key → hash of the key…", "checking out a tag → detached HEAD": a short condition or term
  // and what it comes to, with no verb, whose subject is not the topic; the topic still is the
  // subject of "doesn't add nodes → new pods stay Pending", what follows saying what happens then.
  const leadsTo = LEADS_TO.exec(text);
  if (
    leadsTo &&
    !NOT_FOR.test(text) &&
    tokenize(leadsTo[1] ?? '').length <=
      (first.word.endsWith('ing') && classes.tags(first.word).includes('VBG')
        ? DOING_LEADS_TO_WORDS
        : LEADS_TO_WORDS) &&
    !tokenize(upToSemicolonOrArrow(text.slice(leadsTo[0].length))).some(
      (token) => isAuxiliary(token.word) || isFiniteVerb(classes, token.word),
    )
  )
    return { shape: 'sentence', text: toYou(shown) };

  // "<name> is…", "It's…", "It has…": the topic is the subject.
  const lead = own[0];
  const subjectEnd =
    lead && lead.from === 0
      ? lead.to
      : first.word === 'it' || (first.word === 'its' && first.raw.includes("'"))
        ? 1
        : -1;
  if (subjectEnd > 0 && own.length <= (lead && lead.from === 0 ? 1 : 0)) {
    const verb = tokens[subjectEnd];
    // "DynamoDB Streams capture…", "Docker Images are…": the name begins a longer one, the subject.
    const longerName = verb !== undefined && subjectEnd > 0 && lead?.from === 0 && /^\p{Lu}/u.test(verb.raw);
    // "Outposts servers: 1U or 2U boxes": a word and a colon after the name label what follows.
    const labels = lead?.from === 0 && verb !== undefined && /^\s*:/.test(text.slice(verb.end));
    // "Config rules check compliance": the name and a plural after it are the subject.
    const after = tokens[subjectEnd + 1];
    const namesAPlural =
      lead?.from === 0 &&
      verb !== undefined &&
      after !== undefined &&
      classes.tags(verb.word)[0] === 'NNS' &&
      (PLURAL_AUXILIARIES.has(after.word) ||
        (classes.tags(after.word).includes('VBP') && !after.word.endsWith('s')));
    if (longerName || labels || namesAPlural) return { shape: 'sentence', text: toYou(shown) };
    if (first.raw.toLowerCase() === "it's")
      return { shape: 'subject', predicate: `is ${from(text, tokens, 1)}` };
    // "HTTP caching = browsers, CDNs & proxies keep…": the name and what it means, quoted.
    const defines = /^\s*=(?!=)/.test(text.slice(tokens[subjectEnd - 1]?.end ?? 0));
    if (defines) return { shape: 'sentence', text: toYou(shown) };
    // After its name, `provisions` is the topic's verb whatever the lexicon says of it alone.
    const verbAfterName =
      verb !== undefined &&
      /[^s]s$/.test(verb.word) &&
      [verb.word.slice(0, -1), ...(verb.word.endsWith('es') ? [verb.word.slice(0, -2)] : [])].some((base) =>
        classes.tags(base).includes('VB'),
      );
    if (verb && (isAuxiliary(verb.word) || canBeThirdPersonVerb(classes, verb.word) || verbAfterName))
      return { shape: 'subject', predicate: decapitalise(from(text, tokens, subjectEnd)) };
  }
  if (own.length > 0) return { shape: 'sentence', text: toYou(shown) };
  // "doesn't make you compliant", "can't scale to zero": the topic is what cannot.
  if (THIRD_PERSON_NEGATIONS.has(first.word)) return { shape: 'subject', predicate: decapitalise(text) };
  const second = tokens[1];
  const afterFirst = text.slice(first.end);
  // "expires = old HTTP/1.0 way": a term the notes define, quoted like a label.
  if (/^\s*=(?!=)/.test(afterFirst)) return { shape: 'sentence', text: toYou(shown) };
  // Never the topic's verb: a compound's first word (`points-in-time`), a contraction (`let's`), a
  // plural before `not` (`offsets NOT always contiguous`).
  // Nor is a plural joined to a noun that is no verb (`triggers and workflows to schedule jobs`,
  // but "pools and shares connections").
  const joinedTo = tokens[2];
  const joinedNoun =
    first.word.endsWith('s') &&
    (second?.word === 'and' || second?.word === 'or') &&
    joinedTo !== undefined &&
    /[^s]s$/.test(joinedTo.word) &&
    !canBeThirdPersonVerb(classes, joinedTo.word);
  const nounFirst =
    /^-\p{L}/u.test(afterFirst) ||
    /['’]/.test(first.raw) ||
    (first.word.endsWith('s') && second?.word === 'not') ||
    joinedNoun;

  const you = youForm(text, tokens, classes);
  if (you) return you;
  // "Pricing: you pay…", "routing policies: simple, weighted…" are a label and what it says; "Pick
  // it when…" an instruction: both quotes.
  // An aside in the label is no word of it: "pricing (Standard, pay as you go): ~$5 per policy".
  const label = (text.split(':')[0] ?? '').replace(/\([^)]*\)/g, ' ');
  if (/^[^:]{1,60}:/.test(text) && label.length <= 40 && label.trim().split(/\s+/).length <= 4)
    return { shape: 'sentence', text: toYou(shown) };
  const firstTags = classes.tags(first.word);
  // "rely on EBS", "filter on IP addresses": notes written of several things, asked of one.
  const verbFirst = ['VB', 'VBP'].includes(firstTags[0] ?? '') || firstTags.includes('VB');
  // "default in MySQL InnoDB is Repeatable Read": a verb of its own later makes the first word its
  // subject, a noun.
  const clauseWordAt = tokens.findIndex((token, i) => i > 1 && CLAUSE_WORDS.has(token.word));
  const clauseEnd = firstClauseEnd(text);
  const ownVerbLater = tokens
    .slice(2, clauseWordAt < 0 ? undefined : clauseWordAt)
    .some((token) => token.end <= clauseEnd && BE_FORMS.has(token.word));
  if (
    second &&
    verbFirst &&
    !nounFirst &&
    !ownVerbLater &&
    !first.word.endsWith('s') &&
    VERB_PREPOSITIONS.has(second.word)
  ) {
    // "opt in first, enable the zone group…": steps to follow, said to the reader, not of the topic.
    const steps = tokens.some((token, i) => {
      const next = tokens[i + 1];
      return (
        i > 1 &&
        /,\s*$/.test(text.slice(0, token.start)) &&
        classes.tags(token.word)[0] === 'VB' &&
        next !== undefined &&
        OBJECT_OPENERS.has(next.word)
      );
    });
    return steps
      ? { shape: 'sentence', text: toYou(shown) }
      : { shape: 'subject', predicate: `${thirdPerson(first.word)}${afterFirst}` };
  }
  const instruction =
    firstTags.includes('VB') &&
    !first.word.endsWith('s') &&
    (['it', 'them', 'the', 'a', 'an', 'this', 'your'].includes(second?.word ?? '') || firstTags[0] === 'VB');
  if (/^\s*:/.test(text.slice(first.end)) || instruction) return { shape: 'sentence', text: toYou(shown) };
  if (PRONOUNS.has(first.word)) return { shape: 'sentence', text: toYou(shown) };
  // "Can host static websites": a modal with the topic as its unwritten subject.
  if (['can', 'must', 'will', 'may'].includes(first.word))
    return { shape: 'subject', predicate: decapitalise(text) };
  // "Supports RESTful APIs", "Pools and shares…": a verb with the topic as its unwritten subject;
  // "Functions run on-demand" is a noun and its verb.
  // "stashes are stored…": no verb is followed by a plural `are`, so the first word is its subject.
  // "alerts go out by email", "alerts can call…": a verb in -s is never followed by a bare verb or
  // a modal, so a word that may be a plural is one there (but "helps build", "lets run").
  // "builds run in docker containers": a bare verb and its preposition after a word in -s the
  // lexicon knows only as a verb make that word a plural ("improves read performance" does not).
  const verbThenPreposition =
    /[^s]s$/.test(first.word) && tokens[2] !== undefined && isPreposition(classes, tokens[2].word);
  const nounThenVerb =
    second !== undefined &&
    ((classes.tags(first.word)[0] === 'NNS' &&
      (isAuxiliary(second.word) || ['VB', 'VBP', 'MD'].includes(classes.tags(second.word)[0] ?? ''))) ||
      PLURAL_AUXILIARIES.has(second.word) ||
      ((classes.tags(first.word).includes('NNS') || verbThenPreposition) &&
        !['helps', 'lets', 'makes'].includes(first.word) &&
        (classes.tags(second.word)[0] === 'VB' || MODALS.has(second.word))));
  // "Caches most recently used data": a plural the lexicon knows only as a noun, used as a verb.
  const verbOfNoun =
    firstTags.length === 1 &&
    firstTags[0] === 'NNS' &&
    ['most', 'the', 'a', 'an', 'all', 'every', 'your', 'its'].includes(second?.word ?? '') &&
    [first.word.slice(0, -1), first.word.slice(0, -2)].some((base) => {
      const tags = classes.tags(base);
      return tags.includes('VB') || tags.includes('NN');
    });
  // "records with the same key go to one shard": a plural and, later, its verb.
  const whole = tokens.filter((token) => token.end <= firstClauseEnd(text));
  const subordinate = whole.findIndex((token, i) => i > 0 && CLAUSE_WORDS.has(token.word));
  const clause = subordinate < 0 ? whole : whole.slice(0, subordinate);
  const pluralSubject =
    classes.tags(first.word).includes('NNS') &&
    clause.slice(2).some((token, i) => {
      const tags = classes.tags(token.word);
      const before = clause[i + 1]?.word ?? '';
      return (
        ['VB', 'VBP'].includes(tags[0] ?? '') &&
        !tags.includes('VBZ') &&
        before !== 'to' &&
        !isAuxiliary(before)
      );
    });
  if (
    ((canBeThirdPersonVerb(classes, first.word) &&
      !nounThenVerb &&
      !isPluralOfNounOnly(classes, first.word)) ||
      verbOfNoun) &&
    !pluralSubject &&
    !nounFirst
  ) {
    return { shape: 'subject', predicate: decapitalise(text) };
  }
  // "up to 15 read replicas…": how many it has.
  if (first.word === 'up' && second?.word === 'to' && /^\d/.test(tokens[2]?.word ?? ''))
    return { shape: 'noun', phrase: decapitalise(text), verb: 'has' };
  // "Used to launch…", "Great for…", "Where you store…", "Not for…": a description of the subject.
  if (first.word === 'where' || (first.word === 'not' && second && isPreposition(classes, second.word))) {
    return { shape: 'subject', predicate: `is ${decapitalise(text)}` };
  }
  // "Building a scalable serverless API": what it is for (not "deleting a key is scheduled…", nor
  // "ordering keys keep messages in order" or "forwarding rules (conditional forwarding) say…",
  // a noun of a doing and its verb).
  const outside = tokens.filter((token) => !inBrackets(text, token.start));
  const finite = outside.slice(1).some(
    (token, i) =>
      isAuxiliary(token.word) ||
      classes.tags(token.word)[0] === 'VBZ' ||
      (i > 0 &&
        classes.tags(outside[i]?.word ?? '')[0] === 'NNS' &&
        ['VB', 'VBP'].includes(classes.tags(token.word)[0] ?? '')) ||
      // "clustering sorts data by…": right after the doing, a plural of a verb is its verb.
      (i === 0 &&
        /[^s]s$/.test(token.word) &&
        classes.tags(token.word.slice(0, -1)).includes('VB') &&
        (classes.tags(outside[2]?.word ?? '')[0] ?? '').startsWith('NN')),
  );
  if (first.word.endsWith('ing') && classes.tags(first.word).includes('VBG') && !finite) {
    return { shape: 'subject', predicate: `is for ${decapitalise(text)}` };
  }
  const third = tokens[2];
  if (
    classes.tags(first.word)[0] === 'RB' &&
    second &&
    third &&
    canBeParticipleOrAdjective(classes, second.word) &&
    isPreposition(classes, third.word)
  ) {
    return { shape: 'subject', predicate: `is ${decapitalise(text)}` };
  }
  // "built-in HTTPS ingress" is a thing it has, not something it is built in; nor is
  // "stale-while-revalidate=N" something stale.
  const compound =
    text[first.end] === '-' &&
    (classes.tags(first.word).some((tag) => tag === 'VBN' || tag === 'VBD') || /^\S*=/.test(text));
  // "SMART on FHIR support": a word in capitals is a name, never an adjective ("It is SMART on…").
  if (
    second &&
    !compound &&
    !/^\p{Lu}{2,}$/u.test(first.raw) &&
    canBeParticipleOrAdjective(classes, first.word) &&
    isPreposition(classes, second.word)
  ) {
    // "renamed in 2023": what happened in a year is past.
    const past =
      /ed$/.test(first.word) && second.word === 'in' && /^(19|20)\d\d$/.test(tokens[2]?.word ?? '');
    return { shape: 'subject', predicate: `${past ? 'was' : 'is'} ${decapitalise(text)}` };
  }
  // "load data once every hour": a verb and its object, said to whoever does it.
  const clauseTokens = tokens.filter((token) => token.end <= firstClauseEnd(text));
  // "plug assessments into CI/CD so a release that breaks…": after a verb and a plural object,
  // what follows `so` or `that` has verbs of its own ("flow control with a window so…" is a thing).
  const pluralObject = second !== undefined && classes.tags(second.word)[0] === 'NNS';
  const clauseOpens = pluralObject
    ? clauseTokens.findIndex((token, i) => i > 0 && CLAUSE_WORDS.has(token.word))
    : -1;
  const finiteLater = clauseTokens
    .slice(1, clauseOpens < 0 ? undefined : clauseOpens)
    .some((token) => isAuxiliary(token.word) || isFiniteVerb(classes, token.word));
  const objectNext = second !== undefined && (classes.tags(second.word)[0] ?? '').startsWith('NN');
  if (firstTags.includes('VB') && !first.word.endsWith('s') && objectNext && !finiteLater)
    return { shape: 'sentence', text: toYou(shown), instruction: true };
  // "records with the same key go to one shard" has its own subject and verb: a quote.
  if (pluralSubject) return { shape: 'sentence', text: toYou(shown) };
  const noun = nounPhrase(text, tokens, classes);
  if (noun) return { shape: 'noun', ...noun };
  return { shape: 'sentence', text: toYou(shown) };
}

/** A note's opening words and an arrow to what follows from them. */
const LEADS_TO = /^([^→]*?)\s*(?:→|->|=>)/;
const LEADS_TO_WORDS = 5;
/** A doing (`changing the RF of an existing topic → …`) may take more words before its arrow. */
const DOING_LEADS_TO_WORDS = 8;
const NOT_FOR = /^\s*(?:not|never|no)\b/i;

/** Text up to its first semicolon or arrow. */
function upToSemicolonOrArrow(text: string): string {
  return text.split(/[;→]|->|=>/)[0] ?? '';
}

/** Names or numbers of at least this many, each of at most so many words, make a list. */
const LIST_ITEMS = 3;
const LIST_ITEM_WORDS = 5;

/** Words that open a verb's object: "set a default", "clamp the limit". */
const OBJECT_OPENERS = new Set(['a', 'an', 'the', 'your', 'its', 'it', 'them', 'every', 'all']);

/** Words that open a limit or a setting it has: `max secret value size 25 KB`, `default timeout 5 min`. */
const LIMIT_WORDS = new Set(['max', 'min', 'maximum', 'minimum', 'default']);

/** "doesn't", "can't": a negated verb whose unwritten subject is the topic. */
const THIRD_PERSON_NEGATIONS = new Set(['doesnt', 'cant', 'cannot', 'isnt', 'wont']);

/** The verb `be` as a clause's own verb. */
const BE_FORMS = new Set(['is', 'are', 'was', 'were']);

/** Verbs only a plural subject takes. */
const PLURAL_AUXILIARIES = new Set(['are', 'were']);

/**
 * Nouns that say what a thing is (`a private Docker registry`): a description headed by one is
 * asked with "is"; one headed by anything else says what it has (`automatic failover`, `limited
 * disk space`, `6 copies of your data`).
 */
const KIND_NOUNS = new Set(
  `service database store storage registry platform system cache engine tool drive disk device warehouse
  network gateway queue bus stream offering alternative implementation bridge set family solution option
  version api layer firewall proxy balancer repository library framework language technology server
  volume filesystem directory catalog index endpoint function container cluster instance node broker bus
  topic pipeline workflow protocol pattern mode tier class model format alternative resource successor
  dns cdn vpn vpc vm db sdk cli waf nas etl cd center centre hub portal marketplace console dashboard
  registrar scheduler orchestrator`.split(/\s+/),
);

/**
 * A description without a verb in its first clause (`Private Docker registry on AWS`), with the
 * article it needs and whether it is asked with "is" or "has", or null. One with a plural head
 * (`Virtual servers, storage…`) reads badly after either, and a labelled one (`hybrid cloud
 * storage: bridge between…`) is a list: both null.
 */
function nounPhrase(
  text: string,
  tokens: readonly Token[],
  classes: WordClasses,
): { phrase: string; verb: 'is' | 'has' } | null {
  // `measurements = raw sensor data` is a term and what it means, like a label; so is
  // `key → hash of the key`; code (`` `-u nginx` one unit ``) and "e.g. …" describe nothing.
  if (text.includes(':') || / = |→|->/.test(text) || text.startsWith('`') || /^e\.?g\b/i.test(text))
    return null;
  // "200 OK, 201 Created, 204 No Content", "CIS, PCI DSS, NIST": a list of names is no description.
  const items = (text.replace(/\([^)]*\)/g, '').split(/\be\.?g\b/)[0] ?? '')
    .split(',')
    .map((item) => item.trim());
  const named = (item: string) => /^[\p{Lu}\d]/u.test(item) && item.split(/\s+/).length <= LIST_ITEM_WORDS;
  if (items.length >= LIST_ITEMS && items.every(named)) return null;
  // "General Purpose (remote storage), Business Critical (local SSD)": options, each with its aside.
  const parts = outsideBrackets(text);
  const options = parts.length >= 2 && parts.every((part) => /^[^()]{1,40}\([^()]*\)$/.test(part));
  // "carrier partners e.g. Verizon (US), Vodafone (Europe)": examples of what it has, not options.
  if (options && !/\be\.?g\b/i.test(parts[0] ?? '')) return null;
  // "VPN Gateway for site-to-site, ExpressRoute for a private connection": a choice for each need.
  if (items.length >= 2 && items.every((item) => / for /.test(item) && named(item.split(' for ')[0] ?? '')))
    return null;
  const end = firstClauseEnd(text);
  const clause = tokens.filter((token) => token.end <= end);
  const first = clause[0];
  if (!first) return null;
  // "DeletionPolicy Retain or Snapshot to keep…": a setting's name and its values, quoted.
  if (/^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$/u.test(first.raw) && /^\p{Lu}/u.test(clause[1]?.raw ?? '')) return null;
  // A description opens with a noun or what describes one, not "up", "in" or "only one".
  const firstTag = classes.tags(first.word)[0];
  const describesNext = ['JJ', 'VBN', 'VBD'].includes(classes.tags(clause[1]?.word ?? '')[0] ?? '');
  if (isPreposition(classes, first.word) || (firstTag === 'RB' && !describesNext)) return null;
  // "always set a default page size": an adverb and a verb with its object are advice, no thing.
  if (
    firstTag === 'RB' &&
    classes.tags(clause[1]?.word ?? '').includes('VB') &&
    OBJECT_OPENERS.has(clause[2]?.word ?? '')
  )
    return null;
  // "creating one copies no files": a doing is the subject of what follows, nothing it has.
  if (firstTag === 'VBG') return null;
  // "no internet gateway or NAT device needed", "no more bidding": what it does without, said whole.
  if (
    first.word === 'no' &&
    (['more', 'longer'].includes(clause[1]?.word ?? '') ||
      tokens.slice(2).some((token) => ['VBN', 'VBD'].includes(classes.tags(token.word)[0] ?? '')))
  )
    return null;
  let stop = clause.length;
  for (let i = 1; i < clause.length; i++) {
    const token = clause[i] as Token;
    if (CLAUSE_WORDS.has(token.word)) {
      stop = i;
      break;
    }
    const previous = clause[i - 1] as Token;
    // "Containers scale up…": a plural noun and its verb make a clause; so does a plural the
    // lexicon lacks (`savepoints let you…`), and one before an aside (`sticky sessions (session
    // affinity) keep…`).
    let subjectAt = i - 1;
    while (
      subjectAt > 0 &&
      !inBrackets(text, token.start) &&
      inBrackets(text, (clause[subjectAt] as Token).start)
    )
      subjectAt--;
    const subject = clause[subjectAt] as Token;
    const plural =
      classes.tags(subject.word)[0] === 'NNS' ||
      (classes.tags(subject.word).length === 0 && /[^s]s$/.test(subject.word));
    // "rules auto change the class", "TTL policies auto-delete docs": `auto` opens the verb.
    const verbAhead = token.word === 'auto' && classes.tags(clause[i + 1]?.word ?? '').includes('VB');
    if (plural && (verbAhead || classes.tags(token.word).some((tag) => tag === 'VB' || tag === 'VBP')))
      return null;
    const tags = classes.tags(token.word);
    const participle = tags[0] === 'VBD' || tags[0] === 'VBN';
    if (isAuxiliary(token.word) || (!participle && isFiniteVerb(classes, token.word))) return null;
    // "schema registry infers…": a word the lexicon lacks whose -s makes a known verb.
    if (tags.length === 0 && canBeThirdPersonVerb(classes, token.word)) return null;
    // "bulk loader loads CSV…": after a singular noun, a plural of a verb followed by its object
    // (a name, `the`, `a`…) is that verb, where "bucket policies" is one thing.
    const objectAfter =
      clause[i + 1] !== undefined &&
      (OBJECT_OPENERS.has(clause[i + 1]?.word ?? '') || /^\p{Lu}/u.test(clause[i + 1]?.raw ?? ''));
    if (
      tags[0] === 'NNS' &&
      classes.tags(previous.word)[0] === 'NN' &&
      classes.tags(token.word.slice(0, -1)).includes('VB') &&
      objectAfter
    )
      return null;
    // "reference tracker flags suggestions": two plurals in a row make no compound, so the first,
    // after a noun, is its verb; so is one before a preposition after a plain word ("config lives
    // in cloudbuild.yaml", not "SSM documents in JSON").
    const afterIt = clause[i + 1]?.word ?? '';
    const beforePreposition =
      isPreposition(classes, afterIt) && /^\p{Ll}+$/u.test(previous.raw) && !inBrackets(text, token.start);
    if (
      tags.includes('VBZ') &&
      (classes.tags(previous.word)[0] === 'NN' ||
        (classes.tags(previous.word).length === 0 && !previous.word.endsWith('s'))) &&
      (classes.tags(afterIt)[0] === 'NNS' || beforePreposition)
    )
      return null;
    // "Entra Connect syncs…": the lexicon lists the plurals of the nouns it knows, so a form in -s
    // it lacks, of a noun it knows, after a name is that name's verb.
    if (
      tags.length === 0 &&
      /^\p{Lu}/u.test(previous.raw) &&
      /^\p{Ll}+[^s]s$/u.test(token.raw) &&
      classes.tags(token.word.slice(0, -1)).includes('NN')
    )
      return null;
    // "ext4 reserves 5% of blocks": a name the lexicon lacks and its verb.
    const following = clause[i + 1];
    const next = following?.word ?? '';
    const bracketed = following !== undefined && text.slice(token.end, following.start).includes('(');
    if (
      classes.tags(previous.word).length === 0 &&
      tags.includes('VBZ') &&
      !/['’]/.test(token.raw) &&
      !bracketed &&
      (/^\d/.test(next) || OBJECT_OPENERS.has(next))
    )
      return null;
    // "file system scales automatically": a verb, by what follows it.
    const adverb = classes.tags(next)[0] === 'RB' || isPreposition(classes, next);
    if (tags.includes('VBZ') && adverb && classes.tags(previous.word)[0]?.startsWith('NN')) return null;
  }
  // The head: the last word before a preposition, a participle ("storage meant for…") or the end.
  let head: Token = first;
  // "OpsCenter and Fleet Manager", "PII detection and redaction": two things it has, not one it is.
  let twoThings = false;
  for (let i = 1; i < stop; i++) {
    const token = clause[i] as Token;
    const tags = classes.tags(token.word);
    const before = clause[i - 1] as Token;
    if (
      token.word === 'and' &&
      ((classes.tags(before.word)[0] ?? '').startsWith('NN') || /^\p{Lu}/u.test(before.raw))
    )
      twoThings = true;
    // "text to speech (TTS) service": `to` between two nouns joins them into one.
    const joins =
      token.word === 'to' &&
      (classes.tags(before.word)[0] ?? '').startsWith('NN') &&
      classes.tags(clause[i + 1]?.word ?? '')[0] === 'NN' &&
      !classes.tags(clause[i + 1]?.word ?? '').includes('VB');
    if (isPreposition(classes, token.word) && !joins) break;
    // "google-managed SSL certificates or Certificate Manager": a choice whose first side is plural.
    if ((token.word === 'or' || token.word === 'and') && pluralNoun(classes, before)) return null;
    // "VPC endpoints (PrivateLink) so …": an aside names no head.
    if (inBrackets(text, token.start)) continue;
    // "storage meant for…", "backups kept 1 to 35 days": a participle after the head; "fully
    // managed NoSQL database": one before it.
    const next = clause[i + 1]?.word ?? '';
    // A participle joined to what follows (`built-in`) describes the head still to come.
    const participle = (tags[0] === 'VBD' || tags[0] === 'VBN') && text[token.end] !== '-';
    if (participle && (!next || /^\d/.test(next) || isPreposition(classes, next))) break;
    head = token;
  }
  // "fully managed, highly available…", "transactional, marketing…" describe without naming.
  // So does a compound of a participle: "accelerator-optimized (A2, A3) with GPUs attached".
  const compoundParticiple = head.word.endsWith('ed') && text[head.start - 1] === '-';
  const adjectival =
    compoundParticiple ||
    (classes.tags(head.word).length === 0 && /(al|ous|ive|ful|less|able|ic)$/.test(head.word));
  if ((adjectival || !(classes.tags(head.word)[0] ?? 'NN').startsWith('NN')) && !/\p{Lu}/u.test(head.raw))
    return null;
  const phrase = first.word === 'same' ? `the ${decapitalise(text)}` : decapitalise(text);
  const proper = /\p{Lu}/u.test(head.raw) && head.raw.length > 1 && head !== first;
  // "simpler alternative…" compares it with something it is; a head the lexicon lacks is taken for a name.
  const comparative = classes.tags(first.word)[0] === 'JJR';
  // A doing (`partitioning by ingestion time`) is no name, and a limit (`max secret value size`) is
  // something it has.
  const unknown =
    classes.tags(head.word).length === 0 && takesArticle(classes, head.word) && !head.word.endsWith('ing');
  const limit = LIMIT_WORDS.has(first.word);
  // "Hyperscale (up to 128 TB…)", a tier listed under the topic, or "TTL per item": a name alone,
  // as the notes case it, is something it has, never "a hyperscale" (an acronym's plural is asked
  // below).
  if (unknown && head === first && /^\p{Lu}/u.test(first.raw) && !/^\p{Lu}{2,}s$/u.test(first.raw))
    return { phrase: text, verb: 'has' };
  const kindNoun = KIND_NOUNS.has(head.word) || KIND_NOUNS.has(head.word.replace(/s$/, ''));
  // "TTL per item", "SLA up to 99.99%": an acronym of no kind of thing is something it has.
  const acronym = /^\p{Lu}{2,}$/u.test(head.raw) && !kindNoun;
  // "better latency and less jitter" compares what it has, "simpler alternative" what it is.
  if (twoThings && !comparative && !limit) return { phrase, verb: 'has' };
  const kind = !limit && !acronym && (comparative ? kindNoun : proper || unknown || kindNoun);
  if (!kind) {
    // "Google Cloud's IaaS virtual machines": another's things are no thing it has; it is them, in
    // words a question cannot say plainly.
    const possessor = clause
      .slice(0, clause.indexOf(head))
      .some((token) => /^\p{Lu}.*['’]s$/u.test(token.raw));
    if (possessor) return null;
    // "has an SQL interface…", "has limited disk space", "has 6 copies…".
    const bare =
      /^\d/.test(first.word) ||
      ['a', 'an', 'the', 'your', 'its', 'same'].includes(first.word) ||
      /['’]s$/.test(first.raw);
    const lead = ['limited', 'unlimited', 'no', 'low', 'high', 'better', 'more', 'less'].includes(first.word);
    if (bare || lead) return { phrase, verb: 'has' };
    // "has a celebrity recognition", "has a query logging": a noun English has no plural of is
    // seldom counted; such a note is quoted as written rather than given an article it may not take.
    if (!takesArticle(classes, head.word) || /s$/.test(head.word)) return { phrase, verb: 'has' };
    return countedNoun(classes, head.word) ? { phrase: `${article(phrase)} ${phrase}`, verb: 'has' } : null;
  }
  // `APIs`, `SDKs`: an acronym's plural is a plural, however it is cased.
  if (/^\p{Lu}{2,}s$/u.test(head.raw)) return null;
  // "Durable Functions for stateful workflows": a name made of a plural is things it has.
  if (proper && classes.tags(head.word)[0] === 'NNS') return { phrase, verb: 'has' };
  if (/s$/.test(head.word) && !/(ss|us|is)$/.test(head.word) && !proper) {
    const tags = classes.tags(head.word);
    if (tags.length === 0 || tags.includes('NNS')) return null;
  }
  const determiner =
    ['a', 'an', 'the', 'your', 'its', 'their', 'our', 'my'].includes(first.word) || /['’]s$/.test(first.raw);
  if (determiner || !takesArticle(classes, head.word)) return { phrase, verb: 'is' };
  return { phrase: `${article(phrase)} ${phrase}`, verb: 'is' };
}

/** The text's comma-separated parts, the commas inside brackets left alone. */
function outsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(from, at).trim());
      from = at + 1;
    }
  }
  parts.push(text.slice(from).trim());
  return parts;
}

/** A plural noun as the notes write it in lower case (`certificates`), not a name (`Redis`) or `status`. */
function pluralNoun(classes: WordClasses, token: Token): boolean {
  if (/\p{Lu}/u.test(token.raw) || /(ss|us|is)$/.test(token.word)) return false;
  const tags = classes.tags(token.word);
  return tags[0] === 'NNS' || (tags.length === 0 && /[^s]s$/.test(token.word));
}

/** Whether a position of the text stands inside brackets. */
function inBrackets(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.lastIndexOf('(') > before.lastIndexOf(')');
}

/** Whether English counts the noun: the lexicon knows its plural (`simulators`, `places`), and it is no doing (`logging`). */
function countedNoun(classes: WordClasses, noun: string): boolean {
  if (noun.endsWith('ing')) return false;
  const plurals = [`${noun}s`, `${noun}es`, /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : ''];
  return plurals.some((plural) => plural !== '' && classes.tags(plural).includes('NNS'));
}

/** `rely` -> `relies`, `run` -> `runs`, `push` -> `pushes`; `started` stays as it is. */
function thirdPerson(verb: string): string {
  if (/[^e]ed$/.test(verb)) return verb;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  if (/(s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  return `${verb}s`;
}

/** The question "which of these …?" a reading asks, or null when it only reads as a quote. */
export function whichQuestion(reading: Reading): string | null {
  switch (reading.shape) {
    case 'subject':
      return `Which of these ${reading.predicate}?`;
    case 'noun':
      return `Which of these ${reading.verb} ${reading.phrase}?`;
    case 'you': {
      const lead = {
        must: 'With which of these must you',
        can: 'With which of these can you',
        cannot: "With which of these can't you",
        need: 'With which of these do you need to',
        'need-not': "With which of these don't you need to",
        do: 'With which of these do you',
      }[reading.modal];
      return `${lead} ${reading.rest}?`;
    }
    case 'sentence':
      return null;
  }
}

/** The reading as a sentence about its topic, the topic as "it": an option of "which is true of X?". */
export function asStatement(reading: Reading): string {
  switch (reading.shape) {
    case 'subject':
      return `It ${reading.predicate}.`;
    case 'noun':
      return `It ${reading.verb} ${reading.phrase}.`;
    case 'you': {
      const lead = {
        must: 'You must',
        can: 'You can',
        cannot: "You can't",
        need: 'You need to',
        'need-not': "You don't need to",
        do: 'You',
      }[reading.modal];
      return `${lead} ${reading.rest}.`;
    }
    case 'sentence':
      return `${capitalise(reading.text)}.`;
  }
}
