import { stem } from '../knowledge/text.js';
import type { NameHit, ReadQuestion } from '../understand/read-question.js';
import { VENDOR_PREFIXES } from '../understand/service-catalogue.js';
import { NEGATION } from '../understand/stopwords.js';

const WHAT = new Set(['what', 'whats']);
const BE = new Set(['is', 'are', 's', 'was']);
const DO = new Set(['does', 'do', 'did']);
/** Words people put into "what is it" without changing what they ask: "what aurora dsql even is". */
const FILLERS = new Set([
  'even',
  'exactly',
  'actually',
  'really',
  'again',
  'the',
  'a',
  'an',
  'aws',
  'amazon',
]);
/** Verbs that ask what a thing is when its name ends the asking: "explain app runner". */
const EXPLAIN = new Set(['explain', 'describe', 'summarize', 'summarise', 'define']);
/**
 * Words that ask for the answer to be short or plain, not for a facet: "explain mgn in a sentence
 * or two", "what is dsql in simple terms pls".
 */
const BRIEFLY = new Set([
  'in',
  'a',
  'an',
  'one',
  'two',
  'few',
  'or',
  'sentence',
  'sentences',
  'words',
  'line',
  'lines',
  'simple',
  'plain',
  'terms',
  'english',
  'short',
  'briefly',
  'quickly',
  'simply',
  'pls',
  'plz',
  'please',
  'for',
  'to',
  'me',
  'us',
  'like',
  'im',
  'five',
  '5',
  'eli5',
]);
/** Words that stand for the thing named before them: "memorydb - what is it". */
const PRONOUNS = new Set(['it', 'that', 'this', 'they', 'those']);

/**
 * Whether the question asks what a topic it names is or does, whatever chat surrounds the asking
 * ("memorydb - what is it, in one breath pls", "can someone tell me what aurora dsql even is before
 * standup", "what does memorydb actually do"): the topic's own definition answers it, not a fact
 * that happens to share a word with the chat. `wholeName` holds the stems of the words naming the
 * topic as a whole, `field` the words naming the notes' own field (`git`, `terraform`).
 */
export function asksWhatItIs(
  read: ReadQuestion,
  topic: number,
  wholeName: ReadonlySet<string>,
  field: ReadonlySet<string> = new Set(),
): boolean {
  const { tokens } = read;
  // The notes' own field before a name is filler too: "what is git reflog" on notes on git.
  const filler = (token: string) => FILLERS.has(token) || field.has(token);
  // A longer name (`dynamodb global tables`) or one part of a name of several things asks about a part.
  const namesWhole = (hit: NameHit) =>
    (hit.spelled ?? tokens.slice(hit.start, hit.end)).every(
      (token) => filler(token) || wholeName.has(stem(token)),
    );
  const skip = (from: number, step: 1 | -1) => {
    let at = from;
    while (filler(tokens[at] ?? '')) at += step;
    return at;
  };
  return read.names.some((hit) => {
    if (hit.topic !== topic || !namesWhole(hit)) return false;
    const before = skip(hit.start - 1, -1);
    const after = skip(hit.end, 1);
    const closes =
      after >= tokens.length ||
      after === read.leadLength ||
      tokens.slice(after).every((token) => BRIEFLY.has(token) || filler(token));
    // "explain app runner", "can someone describe mgn in a sentence or two".
    if (
      EXPLAIN.has(tokens[before] ?? '') ||
      (tokens[before] === 'me' && EXPLAIN.has(tokens[before - 1] ?? ''))
    )
      return closes;
    // "what is X", "what's X", "whats a X", "what even is X": the name ends the asking.
    if (
      tokens[before] === 'whats' ||
      (BE.has(tokens[before] ?? '') && WHAT.has(tokens[skip(before - 1, -1)] ?? ''))
    ) {
      return closes || tokens[after] === 'for' || tokens[after] === 'and';
    }
    // "what X (even) is", "what does X (even) do".
    if (WHAT.has(tokens[before] ?? '') && BE.has(tokens[after] ?? '')) return true;
    if (DO.has(tokens[before] ?? '') && WHAT.has(tokens[before - 1] ?? '') && tokens[after] === 'do')
      return true;
    // "X - what is it", "X, what's that".
    const next = hit.end === read.leadLength ? skip(hit.end, 1) : -1;
    return (
      next >= 0 &&
      WHAT.has(tokens[next] ?? '') &&
      (BE.has(tokens[next + 1] ?? '') || PRONOUNS.has(tokens[next + 1] ?? '')) &&
      PRONOUNS.has(tokens[tokens[next] === 'whats' ? next + 1 : next + 2] ?? '')
    );
  });
}

/** Openings that ask what a thing is or how it works: "what is saml", "how does kerberos work". */
const ASKS_WHAT = [
  ['what', 'is'],
  ['what', 'are'],
  ['whats'],
  ['what', 's'],
  ['explain'],
  ['define'],
  ['how', 'does'],
  ['how', 'do'],
  ['what', 'does'],
];

/**
 * Whether the question asks what a thing is, or how it works, that no notes word names: a term
 * that is neither a word of the notes nor English ("how does saml single sign-on work" on notes
 * that never say SAML), or how to work one ("how do i set up bugsnag"). Bridged to the notes' words
 * by a concept, it is still not in them.
 */
export function asksWhatAnUnknownThingIs(read: ReadQuestion): boolean {
  if (asksAboutAnUnknownThing(read)) return true;
  const opening = ASKS_WHAT.find((words) => words.every((word, i) => read.tokens[i] === word));
  if (!opening) return false;
  const content = read.terms.filter((term) => !term.stems.has(NEGATION));
  if (content.length > 4) return false;
  return content.some(
    (term) =>
      term.kind === 'foreign' &&
      !VENDOR_PREFIXES.has(term.word) &&
      term.position <= opening.length + 2 &&
      !/\d/.test(term.word),
  );
}

/** Who asks how to do something: "how do i", "how can we". */
const DOERS = new Set(['i', 'we', 'you', 'u', 'one']);
/** Verbs of a request to work a thing: "how do i set up bugsnag", "how can we run atlantis". */
const WORKING = new Set([
  'set',
  'setup',
  'install',
  'configure',
  'use',
  'run',
  'deploy',
  'add',
  'enable',
  'connect',
  'integrate',
  'get',
  'start',
  'host',
  'upgrade',
]);
/** Words between such a verb and its thing: "set up a", "run our". */
const BEFORE_THE_THING = new Set(['up', 'a', 'an', 'the', 'our', 'my']);
/** Words opening a yes-no question about its first thing: "is logrocket priced per session". */
const YES_NO_OPENINGS = new Set(['is', 'are', 'does', 'do', 'can']);
/** Shorter words the notes lack are more often their abbreviations (`cf`, `gcb`, `rrs`) than products. */
const MIN_UNKNOWN_THING = 4;

/**
 * Where the thing a question asks about stands when it opens by asking to work it ("how do i set up
 * X", "how can we run X"), by a yes-no question about it ("is X priced per seat") or by how it works
 * ("how does X show coverage"); -1 for other openings.
 */
function askedThingAt(tokens: readonly string[]): number {
  if (
    tokens[0] === 'how' &&
    (tokens[1] === 'do' || tokens[1] === 'can' || tokens[1] === 'should') &&
    DOERS.has(tokens[2] ?? '') &&
    WORKING.has(tokens[3] ?? '')
  ) {
    let at = 4;
    while (BEFORE_THE_THING.has(tokens[at] ?? '')) at++;
    return at;
  }
  if (YES_NO_OPENINGS.has(tokens[0] ?? '')) return 1;
  return tokens[0] === 'how' && tokens[1] === 'does' ? 2 : -1;
}

/**
 * Whether the thing a question opens by asking about is a word neither the notes nor English has,
 * naming no topic: "how do i set up bugsnag in a react native app" on notes on Sentry asks about a
 * product the notes never name, whatever else of it their words match.
 */
function asksAboutAnUnknownThing(read: ReadQuestion): boolean {
  const at = askedThingAt(read.tokens);
  const thing = at < 0 ? undefined : read.terms.find((term) => term.position === at);
  return (
    thing !== undefined &&
    thing.kind === 'foreign' &&
    thing.nameOf === null &&
    thing.word.length >= MIN_UNKNOWN_THING &&
    !read.names.some((hit) => hit.start <= at && at < hit.end) &&
    !VENDOR_PREFIXES.has(thing.word) &&
    !/\d/.test(thing.word)
  );
}
