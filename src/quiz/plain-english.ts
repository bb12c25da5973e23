import type { EnglishWords } from '../understand/english.js';

/**
 * Notes are written fast (`u cant SSH into ur instances`); a question is read slowly, by someone
 * deciding between four options. What a question shows is written out in plain English: the
 * shorthand spelled out, obvious typos corrected, the first letter capitalised. Quotes from the
 * notes in an explanation stay as the author wrote them.
 */

/** Chat shorthand and its spelling-out; matched as whole words, any case. */
const SHORTHAND: Record<string, string> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  cant: "can't",
  dont: "don't",
  doesnt: "doesn't",
  isnt: "isn't",
  arent: "aren't",
  wont: "won't",
  didnt: "didn't",
  thats: "that's",
  theres: "there's",
  whats: "what's",
  donot: 'do not',
  eventhough: 'even though',
  db: 'database',
  dbs: 'databases',
  mins: 'minutes',
  msg: 'message',
  msgs: 'messages',
  approx: 'approximately',
  hrs: 'hours',
  secs: 'seconds',
  usefull: 'useful',
  thru: 'through',
  ppl: 'people',
  pls: 'please',
  shouldnt: "shouldn't",
  couldnt: "couldn't",
  wouldnt: "wouldn't",
  wasnt: "wasn't",
  werent: "weren't",
  hasnt: "hasn't",
  havent: "haven't",
  "u'll": "you'll",
  "u're": "you're",
  "u've": "you've",
  "u'd": "you'd",
  'u’ll': 'you’ll',
  'u’re': 'you’re',
  'u’ve': 'you’ve',
  'u’d': 'you’d',
  urself: 'yourself',
  urselves: 'yourselves',
  certs: 'certificates',
  cert: 'certificate',
};

/** `its` starts a clause (`its a set of…`, `but its not…`): there it is `it's`. */
const CLAUSE_ITS = /(^|[.:;,!?(]\s*|\b(?:but|and|so|because|as)\s+)its\b(?!\s+own\b)/gi;
/** `light weight` and `e.g.`/`i.e.` written without their dots. */
const SPACED_FIXES: [RegExp, string][] = [
  [/\blight weight\b/gi, 'lightweight'],
  [/\bw\/o(?=\s)/gi, 'without'],
  [/\bw\/(?=\s)/gi, 'with'],
  [/\s+&\s+/g, ' and '],
  [/\s+\/\s+/g, ' / '],
  [/\s+([,;:])/g, '$1'],
  [/([,;:])(?=[\p{L}])/gu, '$1 '],
  [/\(\s+/g, '('],
  [/\s+\)/g, ')'],
  // `ALB(Application Load Balancer)`, `ec2(managed by aws)` and `Instances(RI)` get a space;
  // `HTTP(S)`, `COUNT(*)` and `grantRead(fn)` keep none.
  [/([\p{L}\p{N}])\((?![^)\s]\)|[a-z\d]{2}\))/gu, '$1 ('],
  [/\s{2,}/g, ' '],
  // `accomodate with with load`: a word written twice over a line break.
  [/\b(\p{L}+) \1\b/gu, '$1'],
];

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
/** What joins the words of an identifier: `allkeys-lru`, `cleanup_policy`, `max.block.ms`. */
const JOINER = /[-_.]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the word from `start` to `end` is joined to another word, not ending a sentence. */
function joined(text: string, start: number, end: number): boolean {
  const before = JOINER.test(text.charAt(start - 1)) && WORD_CHAR.test(text.charAt(start - 2));
  const after = JOINER.test(text.charAt(end)) && WORD_CHAR.test(text.charAt(end + 1));
  return before || after;
}

function keepCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && /\p{L}{2}/u.test(original))
    return replacement;
  return /^\p{Lu}/u.test(original) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/**
 * Corrects a word the dictionary does not know to the one word it knows one edit away, when that
 * word is in the notes more often (`Docher` -> `Docker`) or the misspelling is long and written in
 * lower case (`automaticaly`, `respositories`): short or capitalised unknown words are names
 * (`Valkey`), and the trade's own words are no typos (`backend` is not a misspelt `backbend`).
 */
export class Speller {
  readonly #english: EnglishWords;
  readonly #notesWords: ReadonlyMap<string, number>;
  readonly #tradeWords: ReadonlySet<string>;
  readonly #names: ReadonlySet<string>;
  readonly #cache = new Map<string, string | null>();

  /**
   * @param notesWords how often the notes use each of their words, lowercased.
   * @param vocabulary `tradeWords`: words of the trade that no dictionary of English has
   *   (`systemd`, `failover`); `names`: words the notes write with a capital inside a sentence.
   */
  constructor(
    english: EnglishWords,
    notesWords: ReadonlyMap<string, number>,
    {
      tradeWords = new Set(),
      names = new Set(),
    }: { tradeWords?: ReadonlySet<string>; names?: ReadonlySet<string> } = {},
  ) {
    this.#english = english;
    this.#notesWords = notesWords;
    this.#tradeWords = tradeWords;
    this.#names = names;
  }

  correct(word: string): string | null {
    const lower = word.toLowerCase();
    // A capital inside a word makes it a name (`ReplicaSet`, `DynamoDB`).
    if (!/^[a-z]+$/.test(lower) || lower.length < 5 || /\p{Lu}/u.test(word.slice(1))) return null;
    const cached = this.#cache.get(word);
    if (cached !== undefined) return cached;
    const fixed =
      this.#english.has(lower) || this.#isTradeWord(lower) ? null : this.#fix(lower, word === lower);
    this.#cache.set(word, fixed);
    return fixed;
  }

  #fix(lower: string, lowerCase: boolean): string | null {
    // A slip keeps the first letter (`getfacl` is no `setfacl`, `prepass` no `repass`), and the same
    // word with another ending (`backends`, `autoscaler`, `rebased`) is no correction of it.
    const likely = (candidate: string) => candidate[0] === lower[0] && !sameWordInflected(lower, candidate);
    const known = [...edits(lower, true)].filter((candidate) => likely(candidate) && this.#known(candidate));
    const uses = this.#notesWords.get(lower) ?? 0;
    // A word the notes write more often (`Docher`, once, beside `Docker`), or as often when it is
    // English (`conection`, `connection`), though not another term (`setgid`, `setuid`); a
    // capitalised word only to a name the notes write (`Rekognition` is no misspelt `recognition`).
    const inNotes = known.filter((candidate) => {
      const candidateUses = this.#notesWords.get(candidate) ?? 0;
      const oftener = candidateUses > uses || (candidateUses === uses && this.#english.has(candidate));
      return oftener && (lowerCase || this.#names.has(candidate));
    });
    // A letter dropped, doubled, swapped or a vowel mistaken is a typo; another consonant
    // (`stateful`, `stageful`) may be a word the dictionary lacks.
    const slips = [...edits(lower, false)].filter(
      (candidate) => likely(candidate) && this.#english.has(candidate),
    );
    // Of several, a doubled letter once (`usefull`, not `usefully`) and then a missing letter
    // (`automaticaly`, not `automatical`) are the likeliest slips.
    const undoubled = slips.filter((candidate) => isUndoubled(lower, candidate));
    const missing = slips.filter((candidate) => candidate.length > lower.length);
    const slip =
      slips.length === 1
        ? slips[0]
        : undoubled.length === 1
          ? undoubled[0]
          : missing.length === 1
            ? missing[0]
            : undefined;
    // A long word is rarely a name by chance: one letter wrong is then a typo too (`aliernative`).
    const long = lower.length >= 9 && known.length === 1 ? known[0] : undefined;
    if (inNotes.length === 1 && lower.length >= 6) return inNotes[0] as string;
    if (slip && lower.length >= 7 && lowerCase) return slip;
    if (long && lowerCase) return long;
    return null;
  }

  /**
   * A word of the trade or its plural (`backends`), or a prefix before a word (`unmetered`,
   * `denormalization`).
   */
  #isTradeWord(word: string): boolean {
    if (this.#tradeWords.has(word)) return true;
    if (
      ['s', 'es'].some(
        (ending) => word.endsWith(ending) && this.#tradeWords.has(word.slice(0, -ending.length)),
      )
    )
      return true;
    return PREFIXES.some((prefix) => {
      const rest = word.slice(prefix.length);
      return (
        word.startsWith(prefix) && rest.length >= 4 && (this.#english.has(rest) || this.#tradeWords.has(rest))
      );
    });
  }

  #known(candidate: string): boolean {
    return this.#english.has(candidate) || this.#notesWords.has(candidate);
  }
}

/** Whether `candidate` is `word` with one of a doubled letter dropped: `usefull` -> `useful`. */
function isUndoubled(word: string, candidate: string): boolean {
  if (candidate.length !== word.length - 1) return false;
  for (let i = 1; i < word.length; i++)
    if (word[i] === word[i - 1] && word.slice(0, i) + word.slice(i + 1) === candidate) return true;
  return false;
}

/** Prefixes that make words of words: `un` + `metered`, `de` + `normalization`. */
const PREFIXES = [
  'un',
  're',
  'pre',
  'non',
  'co',
  'de',
  'multi',
  'sub',
  'over',
  'under',
  'auto',
  'inter',
  'micro',
];

const ENDINGS: Readonly<Record<string, string>> = { s: 's', es: 's', d: 'd', ed: 'd', r: 'r', er: 'r' };

/**
 * Whether two words are one word with other endings: `backend`/`backends`, `autoscale`/
 * `autoscaler`, `rebases`/`rebased`; not `happend`/`happened`, both a past, one a slip.
 */
function sameWordInflected(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.startsWith(short) && ENDINGS[long.slice(short.length)]) return true;
  for (const [ending, kind] of Object.entries(ENDINGS))
    for (const [otherEnding, otherKind] of Object.entries(ENDINGS)) {
      if (kind === otherKind || !a.endsWith(ending) || !b.endsWith(otherEnding)) continue;
      if (a.slice(0, -ending.length) === b.slice(0, -otherEnding.length)) return true;
    }
  return false;
}

const VOWELS = 'aeiouy';

/**
 * Every string one deletion, transposition or insertion away, and one substitution away: of any
 * letter when `anySubstitution`, else only of a vowel for a vowel.
 */
function edits(word: string, anySubstitution: boolean): Set<string> {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + (tail[1] as string) + (tail[0] as string) + tail.slice(2));
    for (const letter of letters) {
      const vowelForVowel = VOWELS.includes(letter) && VOWELS.includes(tail[0] ?? '');
      if (tail && (anySubstitution || vowelForVowel)) out.add(head + letter + tail.slice(1));
      out.add(head + letter + tail);
    }
  }
  out.delete(word);
  return out;
}

/**
 * The text with shorthand spelled out and typos corrected; casing and punctuation otherwise kept.
 * `describes(word)` says whether a word can describe (an adjective or participle, `hidden`): `its`
 * before one is `it's` (`a message its hidden from…`).
 */
export function spellOut(
  text: string,
  speller: Speller | null = null,
  describes: (word: string) => boolean = () => false,
): string {
  // Code is quoted as written: the `-r` of `git branch -r` is a flag, not "are".
  if (text.includes('`'))
    return text
      .split(/(`[^`]*`)/)
      .map((part) =>
        part.startsWith('`') && part.endsWith('`') && part.length > 1
          ? part
          : spellOutProse(part, speller, describes),
      )
      .join('')
      .trim();
  return spellOutProse(text, speller, describes).trim();
}

function spellOutProse(text: string, speller: Speller | null, describes: (word: string) => boolean): string {
  let out = text
    .replace(/\b(e\.?g|i\.?e)\b\.?/gi, (found) => (found.toLowerCase().startsWith('e') ? 'e.g.' : 'i.e.'))
    .replace(CLAUSE_ITS, (_match, before: string) => `${before}it's`)
    .replace(/\bits\s+([\p{L}]+)/gu, (all, next: string) =>
      describes(next.toLowerCase()) ? `it's ${next}` : all,
    );
  out = out.replace(WORD, (word, at: number, whole: string) => {
    // `db's` is the shorthand `db` with its possessive.
    const [, owner, owns] = /^(.+?)(['’]s)$/u.exec(word) ?? [undefined, word, ''];
    const base = owner ?? word;
    const lower = base.toLowerCase();
    const short = SHORTHAND[lower];
    if (short !== undefined) {
      // A capital `R` or `U` alone is a name (the R language), not shorthand.
      if (lower.length === 1 && base !== lower) return word;
      return `${keepCase(base, short)}${owns ?? ''}`;
    }
    // A word joined to another by `-`, `_` or `.` is part of a name or a setting (`allkeys-lru` is no
    // misspelt `alleys`).
    if (joined(whole, at, at + word.length)) return word;
    const fixed = speller?.correct(word);
    return fixed ? keepCase(word, fixed) : word;
  });
  for (const [pattern, replacement] of SPACED_FIXES) out = out.replace(pattern, replacement);
  return out;
}

/** The first letter in upper case. */
export function capitalise(text: string): string {
  // A text opening with a blank, a figure, a name cased its own way or a setting's name (`___ is…`,
  // `gp2`, `openCypher`, `max.block.ms`, `cleanup_policy`) is kept.
  if (
    !/^\p{L}/u.test(text) ||
    /^\p{L}+\p{N}/u.test(text) ||
    /^\p{Ll}+\p{Lu}/u.test(text) ||
    /^\p{Ll}{2,}[._]\p{L}/u.test(text)
  )
    return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The first letter in lower case, for text that continues a sentence, unless the first word is an
 * acronym or a name written with capitals inside (`EC2`, `RESTful`, `DynamoDB`).
 */
export function decapitalise(text: string): string {
  const first = /^\P{L}*([\p{L}\p{N}]+)/u.exec(text)?.[1] ?? '';
  if (/\p{Lu}.*\p{Lu}|\p{N}/u.test(first) || first === 'I') return text;
  return text.replace(
    /^(\P{L}*)(\p{L})/u,
    (_all, lead: string, letter: string) => lead + letter.toLowerCase(),
  );
}

/** The text as a sentence: capitalised, with one full stop at the end. */
export function asSentence(text: string): string {
  const trimmed = text.trim().replace(/[\s,;:–-]+$/, '');
  return `${capitalise(trimmed.replace(/[.!]+$/, ''))}.`;
}

/** `a` or `an` before a word, by how it sounds (`an EBS volume`, `a user`, `an hour`). */
export function article(next: string): 'a' | 'an' {
  const word = /[\p{L}\p{N}]+/u.exec(next)?.[0] ?? '';
  if (!word) return 'a';
  // An acronym of four letters or more that reads as a word (HIPAA, SAML, FIFO) sounds like its
  // first letter; one spelt out (EBS, HTTP, LDAP) like the name of that letter.
  if (/^[B-DF-HJ-NP-TV-Z][AEIOU][A-Z]{2,}$/.test(word)) return 'a';
  if (/^[A-Z0-9]{2,}/.test(word)) return /^[AEFHILMNORSX8]/.test(word) ? 'an' : 'a';
  const lower = word.toLowerCase();
  if (/^(uni|use|usu|uti|eu|one|once)/.test(lower)) return 'a';
  if (/^(hour|honest|honou?r)/.test(lower)) return 'an';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}
