/**
 * Porter's stemmer exactly as natural 8 writes it (lib/natural/stemmers/porter_stemmer.js), quirks
 * and all, with its regular expressions turned into scans of the letters. natural's builds a
 * pattern for every suffix it tries and works out a word's measure with five replacements, slow
 * while the process is young: the 5,000 distinct words of 5,000 synthetic topics took it about
 * 130 ms on a start, this about 60. Its quirks are kept because the stems must stay the same: a
 * measure can come out as a half (`y` after a consonant starts a vowel group of its own), steps 2
 * and 3 test every suffix against the word as it came but replace in the word as changed so far,
 * and step 4 tries only the longest suffix of its list.
 */

function isVowel(code: number): boolean {
  // a e i o u
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117;
}

/** Not a vowel and not `y`: what natural's `[^aeiouy]` matches. */
function isConsonant(code: number): boolean {
  return !isVowel(code) && code !== 121;
}

/** How a letter counts: a consonant, a vowel, or a `y` after a consonant, a vowel group of its own. */
const CONSONANT = 0;
const VOWEL = 1;
const Y_VOWEL = 2;

function kindAt(token: string, at: number): number {
  const code = token.charCodeAt(at);
  if (isVowel(code)) return VOWEL;
  return code === 121 && at > 0 && isConsonant(token.charCodeAt(at - 1)) ? Y_VOWEL : CONSONANT;
}

/**
 * natural's `categorizeGroups`: runs of consonants become one `C`, runs of vowels one `V`; a `y`
 * after a consonant is a `V` of its own, never joined to the vowels after it.
 */
function categorizeGroups(token: string): string {
  let groups = '';
  let previous = -1;
  for (let at = 0; at < token.length; at++) {
    const kind = kindAt(token, at);
    if (kind === Y_VOWEL || kind !== previous) groups += kind === CONSONANT ? 'C' : 'V';
    previous = kind;
  }
  return groups;
}

/** natural's `categorizeChars`: each letter a `C` or a `V`. */
function categorizeChars(token: string): string {
  let chars = '';
  for (let at = 0; at < token.length; at++) chars += kindAt(token, at) === CONSONANT ? 'C' : 'V';
  return chars;
}

/**
 * The number of VC sequences in `categorizeGroups`, an initial C and a final V dropped; -1 for no
 * word. Counted without making the groups: it is worked out several times a word.
 */
function measure(token: string | null): number {
  if (!token) return -1;
  let groups = 0;
  let startsWithConsonant = false;
  let previous = -1;
  for (let at = 0; at < token.length; at++) {
    const kind = kindAt(token, at);
    if (kind === Y_VOWEL || kind !== previous) {
      if (groups === 0) startsWithConsonant = kind === CONSONANT;
      groups++;
    }
    previous = kind;
  }
  const start = startsWithConsonant ? 1 : 0;
  const end = groups > start && previous !== CONSONANT ? groups - 1 : groups;
  return (end - start) / 2;
}

/** Whether some letter is a vowel: natural's `categorizeGroups(token).indexOf('V') >= 0`. */
function hasVowel(token: string): boolean {
  for (let at = 0; at < token.length; at++) if (kindAt(token, at) !== CONSONANT) return true;
  return false;
}

function isSOrT(code: number): boolean {
  return code === 115 || code === 116;
}

function isWxy(code: number): boolean {
  return code === 119 || code === 120 || code === 121;
}

/** The last two letters the same, and no vowel (`y` counts as a consonant here). */
function endsWithDoubleConsonant(token: string): boolean {
  const last = token.length - 1;
  return last >= 1 && token[last] === token[last - 1] && !isVowel(token.charCodeAt(last));
}

type Ending = readonly [suffix: string, replacement: string];

/**
 * A step's suffixes by their last letter, in the step's order: a word is tested against those
 * ending as it does, the only ones it can end with.
 */
function byLastLetter(endings: readonly Ending[]): ReadonlyMap<number, readonly Ending[]> {
  const grouped = new Map<number, Ending[]>();
  for (const ending of endings) {
    const last = ending[0].charCodeAt(ending[0].length - 1);
    const group = grouped.get(last);
    if (group) group.push(ending);
    else grouped.set(last, [ending]);
  }
  return grouped;
}

/**
 * natural's `replacePatterns` with a measure: every suffix whose removal leaves the word as it came
 * with a measure above 0 is replaced in the word as changed so far, if that still ends with it.
 */
function replaceEndings(token: string, endings: ReadonlyMap<number, readonly Ending[]>): string {
  const candidates = endings.get(token.charCodeAt(token.length - 1));
  if (!candidates) return token;
  let replaced = token;
  for (const [suffix, replacement] of candidates) {
    if (!token.endsWith(suffix) || !(measure(token.slice(0, token.length - suffix.length)) > 0)) continue;
    // natural keeps the word as it is where the replacement would leave nothing.
    if (replaced.endsWith(suffix))
      replaced = replaced.slice(0, replaced.length - suffix.length) + replacement || replaced;
  }
  return replaced || token;
}

function step1a(token: string): string {
  if (token.endsWith('sses') || token.endsWith('ies')) return token.slice(0, -2);
  if (token.endsWith('s') && token[token.length - 2] !== 's' && token.length > 2) return token.slice(0, -1);
  return token;
}

/** Step 1b's endings, of which a word can have one: `at` -> `ate`, as natural tries them. */
const STEP_1B: readonly Ending[] = [
  ['at', 'ate'],
  ['bl', 'ble'],
  ['iz', 'ize'],
];

/** What is left of a word once `ed` or `ing` is taken off, or null when it keeps them. */
function step1bRest(stemmed: string): string | null {
  if (!hasVowel(stemmed)) return null;
  for (const [suffix, replacement] of STEP_1B)
    if (stemmed.endsWith(suffix)) return stemmed.slice(0, -suffix.length) + replacement;
  const last = stemmed.charCodeAt(stemmed.length - 1);
  // l s z
  if (endsWithDoubleConsonant(stemmed) && last !== 108 && last !== 115 && last !== 122)
    return stemmed.slice(0, -1);
  if (measure(stemmed) === 1 && categorizeChars(stemmed).slice(-3) === 'CVC' && !isWxy(last))
    return `${stemmed}e`;
  return stemmed;
}

function step1b(token: string): string {
  if (token.endsWith('eed')) return measure(token.slice(0, -3)) > 0 ? `${token.slice(0, -3)}ee` : token;
  const suffix = token.endsWith('ed') ? 2 : token.endsWith('ing') ? 3 : 0;
  const stemmed = suffix > 0 ? token.slice(0, -suffix) : '';
  // natural takes an empty rest (`ing` alone) for no match.
  return (stemmed && step1bRest(stemmed)) || token;
}

function step1c(token: string): string {
  return token.endsWith('y') && categorizeGroups(token).slice(0, -1).includes('V')
    ? `${token.slice(0, -1)}i`
    : token;
}

const STEP_2 = byLastLetter([
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
]);

const STEP_3 = byLastLetter([
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]);

/**
 * Step 4's suffixes by last letter, longest first: natural's `^(.+?)(al|ance|…)$` takes the
 * longest that leaves a letter before it, and no other.
 */
const STEP_4 = byLastLetter(
  [
    'al',
    'ance',
    'ence',
    'er',
    'ic',
    'able',
    'ible',
    'ant',
    'ement',
    'ment',
    'ent',
    'ou',
    'ism',
    'ate',
    'iti',
    'ous',
    'ive',
    'ize',
  ]
    .sort((a, b) => b.length - a.length)
    .map((suffix): Ending => [suffix, '']),
);

function step4(token: string): string {
  let rest = '';
  for (const [suffix] of STEP_4.get(token.charCodeAt(token.length - 1)) ?? []) {
    if (token.length > suffix.length && token.endsWith(suffix)) {
      rest = token.slice(0, -suffix.length);
      break;
    }
  }
  if (measure(rest) > 1) return rest;
  // `^(.+?)(s|t)(ion)$`
  const ion = token.length > 4 && token.endsWith('ion') && isSOrT(token.charCodeAt(token.length - 4));
  const withoutIon = ion ? token.slice(0, -3) : '';
  return measure(withoutIon) > 1 ? withoutIon : token;
}

function step5a(token: string): string {
  const withoutE = token.endsWith('e') ? token.slice(0, -1) : token;
  const m = measure(withoutE);
  // `[^wxy].$`
  const endsOtherThanWxy = token.length >= 2 && !isWxy(token.charCodeAt(token.length - 2));
  if (m > 1 || (m === 1 && !(categorizeChars(token).substr(-4, 3) === 'CVC' && endsOtherThanWxy)))
    return withoutE;
  return token;
}

function step5b(token: string): string {
  return measure(token) > 1 && token.endsWith('ll') ? token.slice(0, -1) : token;
}

/** The Porter stem of a word, the same as natural's `PorterStemmer.stem`. */
export function porterStem(token: string): string {
  if (token.length < 3) return token;
  let stemmed = step1c(step1b(step1a(token.toLowerCase())));
  stemmed = replaceEndings(stemmed, STEP_2);
  stemmed = replaceEndings(stemmed, STEP_3);
  return step5b(step5a(step4(stemmed)));
}
