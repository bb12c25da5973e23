import { porterStem } from './porter-stemmer.js';

/**
 * Text handling shared by the notes loader and the question reader, so that a word in the notes
 * and the same word in a question always become the same token.
 */

const APOSTROPHES = /['’‘`´]/g;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const DIACRITICS = /\p{M}+/gu;

const PLAIN_ASCII = /^[ -~\t\n\r]*$/;
/** The same split for ASCII text, where a Unicode-aware pattern is several times slower. */
const ASCII_NON_WORD = /[^a-z0-9]+/;

/** Lowercases, folds accents and drops apostrophes inside words (`don't` -> `dont`). */
export function foldCase(text: string): string {
  return fold(text, PLAIN_ASCII.test(text));
}

function fold(text: string, ascii: boolean): string {
  // Plain ASCII has no accents to fold.
  return (ascii ? text : text.normalize('NFKD').replace(DIACRITICS, ''))
    .toLowerCase()
    .replace(APOSTROPHES, '');
}

/**
 * Splits text into lowercase word tokens: letters and digits of any script. This is what natural's
 * RegexpTokenizer does with these patterns, without the copy its `_.without` makes of every list:
 * loading 5,000 topics splits a million words.
 */
export function words(text: string): string[] {
  // Folded text other than ASCII may be ASCII now (`café`), and splits the same either way.
  const ascii = PLAIN_ASCII.test(text);
  const tokens = fold(text, ascii).split(ascii ? ASCII_NON_WORD : NON_WORD);
  if (tokens[0] === '') tokens.shift();
  if (tokens.at(-1) === '') tokens.pop();
  return tokens;
}

const stemCache = new Map<string, string>();

/**
 * Words Porter's stemmer runs into other words (`important` into `import`, `several` into
 * `severe`, `experience` into `experiment`, `toppings` into `top`, `production` into `product`): each keeps a stem of its own.
 */
const OWN_STEMS: Record<string, string> = {
  important: 'important',
  importance: 'important',
  importantly: 'important',
  several: 'several',
  general: 'general',
  generally: 'general',
  news: 'news',
  business: 'business',
  businesses: 'business',
  experience: 'experienc',
  experiences: 'experienc',
  experienced: 'experienc',
  positive: 'positive',
  topping: 'topping',
  toppings: 'topping',
  production: 'production',
  productions: 'production',
};

/** Porter stem of one lowercase token; tokens with digits (`ec2`, `s3`, `k8s`) are kept whole. */
export function stem(token: string): string {
  const cached = stemCache.get(token);
  if (cached !== undefined) return cached;
  const stemmed = stemAfresh(token);
  if (stemCache.size > 100_000) stemCache.clear();
  stemCache.set(token, stemmed);
  return stemmed;
}

const HAS_DIGIT = /\d/;

/** What `stem` gives, worked out again rather than remembered. */
export function stemAfresh(token: string): string {
  return HAS_DIGIT.test(token) || token.length <= 3 ? token : (OWN_STEMS[token] ?? porterStem(token));
}

/** Stems `stem` worked out in another process (the build's, of the tutor's own word lists). */
export function rememberStems(stems: Iterable<readonly [string, string]>): void {
  for (const [token, stemmed] of stems) stemCache.set(token, stemmed);
}

/** Every token stemmed so far, with its stem. */
export function stemsWorkedOut(): [string, string][] {
  return [...stemCache];
}

const phraseKeys = new Map<string, string>();

/** A name reduced to a form for exact lookups: `Amazon API-Gateway` -> `amazon api gateway`. */
export function phraseKey(text: string): string {
  // Loading notes makes a key of each topic's names again and again (the build, the index, the
  // catalogue's look-ups): each is worked out once.
  let key = phraseKeys.get(text);
  if (key === undefined) {
    key = words(text).join(' ');
    if (phraseKeys.size > 100_000) phraseKeys.clear();
    phraseKeys.set(text, key);
  }
  return key;
}

/** Stable slug for a topic id: `API Gateway` -> `api-gateway`. */
export function slug(text: string): string {
  return words(text).join('-') || 'topic';
}

/** Words that name the vendor rather than the service; `Amazon EKS` is also just `EKS`. */
export const VENDOR_WORDS = new Set(['amazon', 'aws']);

const CONNECTIVES = new Set(['and', 'of', 'for', 'the', 'a', 'an', 'on', 'in', 'to', 'with', '&']);

/**
 * The letters an acronym stands for: `EC2` -> `ecc`, `S3` -> `sss` (a digit repeats the letter
 * before it, as AWS names its services).
 */
function acronymLetters(acronym: string): string {
  let letters = '';
  for (const part of acronym.toLowerCase().matchAll(/([a-z])(\d*)/g)) {
    const letter = part[1] ?? '';
    const times = part[2] ? Number(part[2]) : 1;
    letters += letter.repeat(Math.min(times, 9));
  }
  return letters;
}

/** The first letters of words; `x` for a word of `cross` when asked, as in XSS (cross-site scripting). */
function initialsOf(written: string[], crossAsX = false): string {
  return written.map((word) => (crossAsX && word === 'cross' ? 'x' : word[0])).join('');
}

const ACRONYM = /^[A-Za-z][A-Za-z0-9]{1,7}$/;

/** A single short token that could be an acronym: `ECS`, `EC2`, `ecr`, `k8s`. */
export function looksLikeAcronym(text: string): boolean {
  return ACRONYM.test(text.trim());
}

/**
 * True when `short`, written in capitals, takes a piece of each word of a name of two words or
 * more, each piece opening with its word's first letter and taking the rest of its letters from
 * that word in order: `RTDB` is `RT` of Realtime and `DB` of Database.
 */
export function shortensEachWord(short: string, name: string): boolean {
  if (!/^[A-Z][A-Z0-9]{1,5}$/.test(short.trim())) return false;
  const letters = short.trim().toLowerCase();
  const nameWords = words(name).filter((word) => !CONNECTIVES.has(word) && !VENDOR_WORDS.has(word));
  if (nameWords.length < 2 || letters.length < nameWords.length) return false;
  const fits = (at: number, word: number): boolean => {
    if (word === nameWords.length) return at === letters.length;
    const written = nameWords[word] ?? '';
    if (letters[at] !== written[0]) return false;
    let inWord = 1;
    for (let end = at + 1; end <= letters.length; end++) {
      if (fits(end, word + 1)) return true;
      while (inWord < written.length && written[inWord] !== letters[end]) inWord++;
      if (inWord >= written.length) return false;
      inWord++;
    }
    return false;
  };
  return fits(0, 0);
}

/**
 * True when `expansion` spells out `acronym` by its initials (`Elastic Container Service` for
 * `ECS`), ignoring connectives and vendor words. Tells an expansion in a heading's parentheses
 * from a category (`Fargate (serverless)`).
 */
export function expandsAcronym(acronym: string, expansion: string): boolean {
  if (!looksLikeAcronym(acronym)) return false;
  const letters = acronymLetters(acronym);
  const expansionWords = words(expansion).filter((word) => !CONNECTIVES.has(word));
  if (expansionWords.length < 2) return false;
  const spelt = (written: string[]) => [initialsOf(written), initialsOf(written, true)].includes(letters);
  return spelt(expansionWords) || spelt(expansionWords.filter((word) => !VENDOR_WORDS.has(word)));
}

/**
 * A term as written and, when it spells itself out in parentheses (`**Docker layer caching (DLC)**`,
 * `**VirtualService (VS)**`), each of its two names on its own: a question says one of them.
 */
export function termSpellings(term: string): string[] {
  const inParentheses = [...term.matchAll(PARENTHESES)].map((match) => match[1] ?? '');
  if (inParentheses.length === 0) return [term];
  return [term, term.replace(PARENTHESES, ' ').trim(), ...inParentheses];
}

const PARENTHESES = /\(([^)]*)\)/g;
