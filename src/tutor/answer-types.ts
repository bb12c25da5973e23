/**
 * What kind of answer a question asks for, and whether a fact holds one: "how far back can cost
 * explorer go" wants a span of time, so "shows the last 13 months" answers it though it shares no
 * word with the question. Question answering calls this the expected answer type.
 */
import type { Fact } from '../knowledge/types.js';

export type AnswerType = 'duration' | 'frequency' | 'quantity' | 'price' | 'lifecycle' | 'remedy' | 'default';

/** Words after `how` that ask for a kind of answer. */
const HOW: Record<string, AnswerType> = {
  long: 'duration',
  far: 'duration',
  old: 'duration',
  soon: 'duration',
  quick: 'duration',
  quickly: 'duration',
  fast: 'duration',
  often: 'frequency',
  frequently: 'frequency',
  many: 'quantity',
  big: 'quantity',
  large: 'quantity',
  much: 'quantity',
};

/** Words that ask for a kind of answer wherever they stand. */
const ASKING: Record<string, AnswerType> = {
  retention: 'duration',
  retain: 'duration',
  expire: 'duration',
  expires: 'duration',
  timeout: 'duration',
  longest: 'duration',
  shortest: 'duration',
  max: 'quantity',
  biggest: 'quantity',
  largest: 'quantity',
  smallest: 'quantity',
  maximum: 'quantity',
  limit: 'quantity',
  limits: 'quantity',
  ceiling: 'quantity',
  quota: 'quantity',
  quotas: 'quantity',
  minimum: 'quantity',
  cost: 'price',
  costs: 'price',
  costing: 'price',
  price: 'price',
  prices: 'price',
  pricing: 'price',
  priced: 'price',
  pay: 'price',
  pays: 'price',
  paying: 'price',
  charge: 'price',
  charges: 'price',
  charged: 'price',
  charging: 'price',
  bill: 'price',
  billed: 'price',
  billing: 'price',
  fee: 'price',
  fees: 'price',
  free: 'price',
  cheap: 'price',
  cheaper: 'price',
  expensive: 'price',
  money: 'price',
  // "is qldb deprecated", "when does it retire": when a service or a feature comes or goes.
  deprecated: 'lifecycle',
  deprecation: 'lifecycle',
  deprecating: 'lifecycle',
  retire: 'lifecycle',
  retired: 'lifecycle',
  retiring: 'lifecycle',
  retirement: 'lifecycle',
  sunset: 'lifecycle',
  sunsetting: 'lifecycle',
  discontinued: 'lifecycle',
  discontinuing: 'lifecycle',
  eol: 'lifecycle',
  signups: 'lifecycle',
  // "what's the mitigation for xss": what stops a threat or a failure.
  mitigation: 'remedy',
  mitigations: 'remedy',
  mitigate: 'remedy',
  prevention: 'remedy',
  countermeasure: 'remedy',
  countermeasures: 'remedy',
  defence: 'remedy',
  defences: 'remedy',
  defense: 'remedy',
  defenses: 'remedy',
};

/**
 * Verbs that ask for a remedy after `how to` or `how do i` ("how do i protect against csrf", "how to
 * stop sqli"): what keeps a threat or a failure from happening, not what it is.
 */
const REMEDY_VERBS = new Set(['prevent', 'protect', 'defend', 'stop', 'avoid', 'guard', 'mitigate']);
const HOW_AUXILIARIES = new Set(['do', 'can', 'could', 'should', 'would', 'will']);
const ASKERS = new Set(['i', 'we', 'you', 'u', 'they', 'one', 'people', 'ppl']);

/** What `stop` does to a thing of one's own ("how do i stop the instance"): it halts it, keeps nothing away. */
const OWN_THING = new Set(['the', 'a', 'an', 'my', 'our', 'this', 'that', 'it', 'its', 'them']);

/** "how to stop sqli", "how can we prevent …": asks for a remedy by the verb after `how` at `at`. */
function asksRemedy(tokens: readonly string[], at: number): boolean {
  const verbAt =
    tokens[at + 1] === 'to'
      ? at + 2
      : HOW_AUXILIARIES.has(tokens[at + 1] ?? '') && ASKERS.has(tokens[at + 2] ?? '')
        ? at + 3
        : -1;
  const verb = tokens[verbAt] ?? '';
  if (!REMEDY_VERBS.has(verb)) return false;
  return verb !== 'stop' || !OWN_THING.has(tokens[verbAt + 1] ?? '');
}

/**
 * Phrases that ask when a service or a feature comes or goes ("can new customers still sign up");
 * `shut down` and `stop` alone are left out: they are what one does to an instance, while a
 * service is "being shut down".
 */
const LIFECYCLE_PHRASES = [
  ['being', 'shut', 'down'],
  ['getting', 'shut', 'down'],
  ['be', 'shut', 'down'],
  ['being', 'killed'],
  ['end', 'of', 'life'],
  ['end', 'of', 'support'],
  ['new', 'customers'],
  ['sign', 'ups'],
  ['still', 'supported'],
  ['still', 'available'],
  ['still', 'usable'],
  ['still', 'around'],
  ['killed', 'off'],
  ['what', 'date'],
  ['which', 'date'],
  ['what', 'year'],
];
/**
 * Phrases that ask what holds when nobody set anything ("which port does ssh listen on if nobody
 * changed anything"): the notes' default. A question saying `default` itself finds it by the word.
 */
const DEFAULT_PHRASES = [
  ['nobody', 'changed'],
  ['nobody', 'changes'],
  ['no', 'one', 'changed'],
  ['dont', 'change'],
  ['dont', 'set'],
  ['didnt', 'change'],
  ['didnt', 'set'],
  ['never', 'changed'],
  ['havent', 'changed'],
  ['without', 'changing'],
  ['without', 'setting'],
  ['without', 'configuring'],
  ['left', 'alone'],
  ['leave', 'it', 'alone'],
  ['untouched'],
  ['stock', 'settings'],
  ['out', 'of', 'the', 'box'],
];
/** "when is X going away": `going away` alone is as often what happens to data. */
const WHEN_ENDING = [
  ['going', 'away'],
  ['being', 'retired'],
  ['end', 'support'],
];

/** What runs: `long jobs`, `long running` and `short tasks` ask how long it may run. */
const RUNS = new Set([
  'running',
  'run',
  'runs',
  'job',
  'jobs',
  'task',
  'tasks',
  'process',
  'processes',
  'lived',
]);

/** "how much does it …", "how much is it": a price, where "how much data" asks a quantity. */
const ASKS_OF_A_THING = new Set(['do', 'does', 'did', 'will', 'would', 'is', 'are', 'should']);

function hasPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  return tokens.some((_, at) => phrase.every((word, i) => tokens[at + i] === word));
}

/**
 * Words that tell of the setting more often than they ask for a price: "the bill for our cluster is
 * huge, can the workers run on cheap spare capacity", "what do we get for free against floods".
 */
const PRICE_SETTING = new Set([
  'bill',
  'billed',
  'billing',
  'cheap',
  'cheaper',
  'expensive',
  'free',
  'money',
]);

/**
 * The kinds of answer a question asks for outright: a price by `cost`, `fee`, `pay` or `how much`,
 * not by a bill or something cheap it tells of.
 */
export function askedOutright(tokens: readonly string[]): Set<AnswerType> {
  return askedAnswerTypes(tokens.filter((token) => !PRICE_SETTING.has(token)));
}

/** Words before `the most` that ask for it: "what's the most ram a machine can have". */
const WHAT_IS = new Set(['whats', 'what', 'is']);

/**
 * "what's the most pods a node can hold", "lose at most a second of data": a bound, not "the most
 * human voice" or "which queries eat the most time".
 */
function asksUpperBound(tokens: readonly string[], at: number): boolean {
  const before = tokens[at - 1];
  return before === 'at' || (before === 'the' && WHAT_IS.has(tokens[at - 2] ?? ''));
}

/** The kinds of answer a question's words ask for. */
export function askedAnswerTypes(tokens: readonly string[]): Set<AnswerType> {
  const types = new Set<AnswerType>();
  if (
    LIFECYCLE_PHRASES.some((phrase) => hasPhrase(tokens, phrase)) ||
    (tokens.includes('when') && WHEN_ENDING.some((phrase) => hasPhrase(tokens, phrase)))
  )
    types.add('lifecycle');
  if (DEFAULT_PHRASES.some((phrase) => hasPhrase(tokens, phrase))) types.add('default');
  tokens.forEach((token, at) => {
    const asked = ASKING[token];
    if (asked) types.add(asked);
    if ((token === 'long' || token === 'short') && RUNS.has(tokens[at + 1] ?? '')) types.add('duration');
    if (token === 'most' && asksUpperBound(tokens, at)) types.add('quantity');
    if (token === 'how') {
      if (asksRemedy(tokens, at)) types.add('remedy');
      const next = HOW[tokens[at + 1] ?? ''];
      if (tokens[at + 1] === 'much' && ASKS_OF_A_THING.has(tokens[at + 2] ?? '')) types.add('price');
      else if (next) types.add(next);
    }
  });
  return types;
}

const TIME_UNIT =
  /\b\d+(?:[.,]\d+)?\s*(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?)\b/i;
/**
 * A bound on how long something runs or takes, said without a number: `limited by time`,
 * `short-lived`, `not real time`, `a delay of hours`.
 */
const TIME_BOUND =
  /\b(?:limited by time|time limits?|timeouts?|time out|(?:short|long)[- ](?:lived|running)|short (?:type of )?executions?|real[- ]time|delays?)\b/i;
const PERIODIC = /\b(?:hourly|daily|weekly|monthly|yearly|annually|every|once|times a)\b/i;
const PRICED = /\$|\b(?:pricing|prices?|pay|paid|charged?|billed|bills?|free|costs?|fees?)\b/i;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** A day in the calendar: `March 31, 2027`, `nov 7 2025`, `June 2023`. */
const CALENDAR_DATE = new RegExp(`\\b${MONTH}\\s+(?:\\d{1,2},?\\s+)?(?:19|20)\\d{2}\\b`, 'i');
/** What the notes say when a service or feature comes or goes, with or without a date. */
const COMES_OR_GOES =
  /\b(?:end of (?:support|life)|deprecated|discontinued|retired|no longer available|closed to new customers|new sign-?ups|generally available since|being shut down)\b/i;

/** What the notes call the way to keep a threat or a failure away: `#1 fix:`, `defences:`. */
const REMEDY =
  /\b(?:fix(?:es)?|defen[cs]es?|prevents?|prevention|mitigat(?:e|es|ion|ions)|countermeasures?|protects? against)\b/i;

/** What the notes say holds unless someone changes it. */
const DEFAULTED = /\b(?:defaults?|defaulting|by default|out of the box)\b/i;

/** The kinds of answer a fact's text holds. */
export function heldAnswerTypes(text: string): Set<AnswerType> {
  const types = new Set<AnswerType>();
  const timed = TIME_UNIT.test(text);
  if (timed || TIME_BOUND.test(text)) types.add('duration');
  if (timed || PERIODIC.test(text)) types.add('frequency');
  if (/\d/.test(text)) types.add('quantity');
  if (PRICED.test(text)) types.add('price');
  if (CALENDAR_DATE.test(text) || COMES_OR_GOES.test(text)) types.add('lifecycle');
  if (REMEDY.test(text)) types.add('remedy');
  if (DEFAULTED.test(text)) types.add('default');
  return types;
}

/** A fact's kinds of answer, read once a fact: the notes do not change while they are answered from. */
const factTypes = new WeakMap<Fact, Set<AnswerType>>();

/** The kinds of answer a fact holds, in its bullet or its sub-points. */
export function factAnswerTypes(fact: Fact): Set<AnswerType> {
  let types = factTypes.get(fact);
  if (!types) {
    types = heldAnswerTypes([fact.text, ...fact.subPoints].join(' '));
    factTypes.set(fact, types);
  }
  return types;
}

/** The first word of a label that files a fact under a kind of answer: `pricing:`, `limits:`. */
const LABELS: Record<string, AnswerType> = {
  pricing: 'price',
  price: 'price',
  prices: 'price',
  cost: 'price',
  costs: 'price',
  billing: 'price',
  fee: 'price',
  fees: 'price',
  limits: 'quantity',
  limit: 'quantity',
  quota: 'quantity',
  quotas: 'quantity',
  max: 'quantity',
  maximum: 'quantity',
  retention: 'duration',
  ttl: 'duration',
  timeout: 'duration',
  timeouts: 'duration',
  fix: 'remedy',
  fixes: 'remedy',
  defence: 'remedy',
  defences: 'remedy',
  defense: 'remedy',
  defenses: 'remedy',
  mitigation: 'remedy',
  mitigations: 'remedy',
  prevention: 'remedy',
};

/** A label of a few words before a colon at the start of a bullet: `pricing QPUs:`, `quota:`. */
const LABEL = /^\s*([a-z]+)\b[^:.]{0,30}:/i;

/**
 * The kind of answer a fact is the notes' entry for, when it opens with a label naming one
 * (`pricing: per minute of antenna time`): it answers a question asking that more squarely than
 * a fact that only mentions a cost in passing (`cost tracker in the SDK`).
 */
export function labelledAnswerType(fact: Fact): AnswerType | undefined {
  const label = LABEL.exec(fact.text)?.[1]?.toLowerCase();
  return label ? LABELS[label] : undefined;
}
