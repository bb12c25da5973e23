import { stem, VENDOR_WORDS, words } from '../knowledge/text.js';
import type { ConceptLexicon } from './concepts.js';
import { allowedSlips } from './edit-distance.js';
import type { EnglishWords } from './english.js';
import type { EverydayWords } from './everyday-words.js';
import { dictionaryForms } from './inflections.js';
import {
  COMMAND_SCORE,
  type IntentClassifier,
  type IntentGuess,
  TAKES_A_SUBJECT,
  TOPIC_SLOT,
} from './intents.js';
import { isOneSlip, NotesMisspellings } from './notes-misspellings.js';
import { ShortForms } from './short-forms.js';
import { AUXILIARIES, NEGATION, NEGATIONS, STOPWORDS, YES_NO } from './stopwords.js';
import type { Spellings, Synonyms } from './synonyms.js';
import { tellsApart } from './telling-apart.js';
import type { TopicIndex, TopicName } from './topic-index.js';
import { RELATION_WEIGHTS } from './word-relations.js';

/**
 * A word matched through a bridge counts for less than the question's own word: a learner's
 * "notify" may mean the notes' "notification", but may not.
 */
const BRIDGED = 0.5;
/** Words before a name that say it is not there. */
const ABSENT = new Set(['no', 'without']);

/** How far before a name a negation may say the question does not want it. */
const UNWANTED_REACH = 5;
/** Negations, and the people who want none of it: "nobody here wants to learn kubernetes". */
const NOBODY = new Set([...NEGATIONS, 'nobody', 'noone']);
/** Verbs of wanting, learning or running a thing, which a negation before them turns down. */
const WANTING = new Set([
  'want',
  'wants',
  'wanna',
  'need',
  'needs',
  'like',
  'use',
  'using',
  'learn',
  'run',
  'running',
  'manage',
  'managing',
  'maintain',
  'maintaining',
  'host',
  'hosting',
  'babysit',
  'touch',
  'deal',
  'bother',
]);

/**
 * "nobody here wants to learn kubernetes, whats the aws native way", "we dont want to manage
 * kafka": a name the question turns down is the setting of what it asks, not its subject. A
 * negation alone is not enough: "no cost allowance for amazon translate" asks about Translate.
 */
function saidUnwanted(tokens: readonly string[], nameStart: number): boolean {
  const before = tokens.slice(Math.max(0, nameStart - UNWANTED_REACH), nameStart);
  const negation = before.findIndex((token) => NOBODY.has(token));
  return negation >= 0 && before.slice(negation + 1).some((token) => WANTING.has(token));
}

/** Words a question opens with: a question word, or the verb of a yes-no question. */
const QUESTION_OPENINGS = new Set([
  'what',
  'whats',
  'how',
  'hows',
  'why',
  'when',
  'where',
  'which',
  'who',
  ...YES_NO,
]);

/**
 * How chat spells, and slips on, the word a question most often opens with: "wats a cur" asks
 * what a CUR is as "whats a cur" does.
 */
const CHAT_WHAT: ReadonlyMap<string, string> = new Map([
  ['wat', 'what'],
  ['wut', 'what'],
  ['wht', 'what'],
  ['waht', 'what'],
  ['whta', 'what'],
  ['wats', 'whats'],
  ['wuts', 'whats'],
  ['whts', 'whats'],
  ['wahts', 'whats'],
]);

const standardWhat = (token: string): string => CHAT_WHAT.get(token) ?? token;

/** `w/o` and `w/out`, chat's `without`: split at the slash they would say nothing. */
const WITHOUT = /\bw\/o(?:ut)?\b/gi;
/** Where a request ends and the reason for it begins: "quiz me, i've got an exam friday". */
const REQUEST_END = /[,;.!?](?:\s|$)/;
const REQUEST_ENDS = new RegExp(REQUEST_END.source, 'g');
/** Where a sentence ends; in chat a spaced dash ends one too ("before i burn my lunch on this - what can you do"). */
const SENTENCE_ENDS = /(?:[.!?]+|\s(?:-{1,2}|[–—]))(?:\s|$)/g;
/** Where a clause ends: a sentence's end, or a comma or semicolon. */
const CLAUSE_ENDS = /(?:[,;.!?]+|\s(?:-{1,2}|[–—]))(?:\s|$)/g;
/** Words that bring in what a quiz or a list is on. */
const SUBJECT_OPENERS = new Set(['on', 'about']);
/** The most words a subject brought in so is named in. */
const SUBJECT_WORDS = 3;
/** Requests to the tutor itself, not questions about the notes: a last sentence after chat may make one. */
export const COMMANDS_ASKED: ReadonlySet<string> = new Set(['help', 'list', 'quiz', 'leaderboard']);
/** Words that open a message with a greeting. */
const GREETINGS = new Set(['hi', 'hello', 'hey', 'hiya', 'heya', 'yo', 'howdy', 'morning', 'greetings']);
/** The fewest words after a greeting that can ask the tutor for something ("what are you for"). */
const REQUEST_AFTER_GREETING = 3;
/** What sets a question's subject apart: "app mesh: how do retries work", "ecr - pricing?". */
const SET_APART = /[,:;](?:\s|$)|\s[-–—]\s/;
/** A typo (`lamda`) means the word one slip from it (`lambda`) nearly as plainly as the word. */
export const CORRECTED = 0.9;
/** A clipped word (`perms`) means the notes' whole word nearly as plainly as the word itself. */
const CLIPPED = 0.7;
/** Letters a clipped word keeps at least, */
const MIN_CLIPPED = 3;
/** and cuts off at least: `stat` is no clipped `state`, `proc` no clipped `process`. */
const CLIPPED_OFF = 4;
/** More whole words than this opening alike, and the clipped word says none of them. */
const MAX_UNCLIPPED = 2;
/** A phrase of the cloud-concept lexicon says its meaning nearly as plainly as the notes' word. */
const CONCEPT_WEIGHT = 0.7;
/**
 * The share of their weight kept by the words of a need said by what it is not ("no wish to patch or
 * size any virtual machines"): notes on virtual machines do not answer it, the meaning the concept
 * adds (`serverless`) does.
 */
const NOT_WANTED = 0.5;
/** The weight of a hand-listed everyday synonym (data/synonyms.json). */
const SYNONYM_WEIGHT = 0.6;

/** Words WordNet relates to a word, each with how much a match through it counts (0..1). */
export interface RelatedWords {
  related(word: string): readonly { word: string; weight: number }[];
}

/** Words after a number that make it a multiple: "five times", "10 fold", "3 x". */
const MULTIPLYING = new Set(['times', 'fold', 'x']);

/**
 * Verbs that ask whether the subject before them can do or has what follows: "does aws support
 * running containers" asks about running containers, as "can aws run containers" would, and "does
 * aws offer a file share for windows" about a file share. Notes use them for features (`supports
 * websockets`): as the question's own verb they would pick the topic whose facts say the verb most.
 */
const ASKS_IF_IT_CAN = new Set(['support', 'supports', 'offer', 'offers', 'provide', 'provides']);
/** The verb that closes "how does X work": it asks how X works. */
const ASKS_HOW_IT_WORKS = new Set(['work', 'works']);
/** Shorter function words are a slip from too many other words to tell which was meant. */
const MIN_SLIPPED_STOPWORD = 4;
/** Words that stress a question beside its asking words: "what exactly is", "how precisely does". */
const STRESSING = new Set(['exactly', 'precisely']);
/** Words that open a question. */
const QUESTION_WORDS = new Set(['what', 'whats', 'how', 'hows', 'why', 'where', 'when', 'which', 'who']);
/** The subject between an auxiliary and its verb runs this many words at most: "does api gateway support". */
const ASKING_SUBJECT_WORDS = 3;

/** What bridges a question's words to the notes' words when they differ. */
export interface MeaningBridges {
  synonyms: Synonyms;
  /** The same word written another way: matches as fully as the word itself. */
  spellings: Spellings;
  concepts: ConceptLexicon;
  /** WordNet's relations; null reads questions without them. */
  relations: RelatedWords | null;
  /** Everyday words, which are never a clipped form of a longer word of the notes. */
  everyday?: EverydayWords;
}

/** How surely part of a name (`glacier`) or its start (`dynamo`) names the topic. */
const PARTIAL_NAME = 0.8;

/** A word of the question that can match words of the notes. */
/** Up to this long, a word the notes and English lack is a term of its own rather than a slip of an everyday word. */
const SHORT_TERM = 4;

export interface QueryTerm {
  /** The word as typed. */
  word: string;
  /** Stems it may match, each with how much a match counts (1 for the word itself). */
  stems: Map<string, number>;
  /** `known`: in the notes; `english`: an ordinary word the notes do not use; `foreign`: neither. */
  kind: 'known' | 'english' | 'foreign';
  /** Token position in the question. */
  position: number;
  /** Inside a topic's name in the question. */
  nameOf: number | null;
  /** A word people mostly use as a name (not in the English dictionary), like `ec2` or `kubernetes`. */
  jargon: boolean;
  /** Part of the name of a catalogued cloud service that no topic covers (`app mesh`, `gke`). */
  service: boolean;
  /** Known to the notes only through a bridge (a synonym, WordNet, a cloud concept): weaker evidence. */
  bridged: boolean;
  /**
   * A word of a misspelt name as the notes spell it (`lambda` of `lamda@edge`): the named topic's
   * facts spell it so. Only for them: elsewhere the name is found, not the word.
   */
  spelledAs?: string;
}

/** A topic named in the question, exactly or with a typo. */
export interface NameHit {
  topic: number;
  start: number;
  end: number;
  /** 1 for an exact name, less for a fuzzy one. */
  strength: number;
  /** Only a word of a longer name (`identity` of Identity and Access Management, `firehose`). */
  partial: boolean;
  /**
   * The name's words as the notes spell them, one a word of the question, when it was misspelt or
   * shortened (`k8s`).
   */
  spelled?: string[];
}

export interface ReadQuestion {
  tokens: string[];
  intent: IntentGuess;
  names: NameHit[];
  terms: QueryTerm[];
  /** Neighbouring word pairs (stems, `run on`), not both stopwords: for phrase matches. */
  pairs: WordPair[];
  /**
   * How many words come before a comma, colon or dash that sets them apart ("app mesh: how do
   * retries work"); 0 without one.
   */
  leadLength: number;
  /**
   * How many words come before the last clause, after a comma or a sentence's end ("we need our
   * dynos on the office network, how do i set up a private space"); 0 with one clause.
   */
  lastClause: number;
}

/**
 * Turns a question into what the tutor reasons with: its intent, the topics it names (typos
 * forgiven) and its other words as search terms, each marked as known to the notes, plain
 * English or foreign to both.
 */
export class QuestionReader {
  constructor(
    private readonly index: TopicIndex,
    private readonly classifier: IntentClassifier,
    private readonly english: EnglishWords,
    private readonly bridges: MeaningBridges,
    private readonly isServiceWord: (word: string) => boolean = () => false,
    private readonly domainWords: ReadonlySet<string> = new Set(),
    /** The providers whose services the notes teach (`cloudflare`), by their one-word names. */
    private readonly notesClouds: ReadonlySet<string> = new Set(),
    /** Every name, of one word or more, of the product the notes as a whole are about: `route 53`. */
    private readonly domainNames: ReadonlySet<string> = new Set(),
  ) {
    this.misspellings = new NotesMisspellings(index.vocabulary, english, isServiceWord);
    this.shortForms = new ShortForms(english);
  }

  private readonly misspellings: NotesMisspellings;
  private readonly shortForms: ShortForms;

  read(typed: string): ReadQuestion {
    const question = typed.replace(WITHOUT, ' without ');
    const tokens = this.splitRunTogether(words(question).slice(0, 200).map(standardWhat));
    // "no budget or time for a leased line" does not ask about AWS Budgets: a name said to be
    // absent is not what the question is about.
    const domain = this.domainPositions(tokens);
    const names = this.findNames(tokens, domain).filter(
      (hit) => !ABSENT.has(tokens[hit.start - 1] ?? '') && !saidUnwanted(tokens, hit.start),
    );
    const masked = this.mask(tokens, names);
    // A request comes first and what follows a comma or a full stop tells why ("quiz me, i've got
    // an exam friday"), or the why comes first and the request last ("got 10 minutes to kill, test
    // me"): the first part and the last are weighed as the request, not the whole.
    const openingLength = this.wordsBefore(question, REQUEST_END);
    const closingStart = this.wordsBeforeLast(question, REQUEST_ENDS);
    const parted = openingLength > 0 && openingLength < tokens.length;
    const request = parted
      ? this.mask(
          tokens.slice(0, openingLength),
          names.filter((hit) => hit.end <= openingLength),
        )
      : masked;
    const closing = parted
      ? this.mask(
          tokens.slice(closingStart),
          names
            .filter((hit) => hit.start >= closingStart)
            .map((hit) => ({ ...hit, start: hit.start - closingStart, end: hit.end - closingStart })),
        )
      : masked;
    const intent = this.subjectAsks(
      tokens,
      names,
      this.afterGreetingAsks(
        tokens,
        names,
        this.lastSentenceAsks(
          question,
          tokens,
          names,
          this.firstPartAsks(
            tokens,
            names,
            parted ? openingLength : 0,
            request,
            /\?\s*$/.test(question),
            this.classifier.classify(masked, request, closing),
          ),
        ),
      ),
    );
    const terms = this.termsOf(tokens, names, domain);
    const leadLength = this.wordsBefore(question, SET_APART);
    const lastClause = this.wordsBeforeLast(question, CLAUSE_ENDS);
    return { tokens, intent, names, terms, pairs: pairsOf(tokens), leadLength, lastClause };
  }

  /**
   * "gimme a few practice questions, im prepping for the terraform exam next week": a request to the
   * tutor, then why, in everyday words or the field's own (`terraform`). The first part is the
   * request when what follows it names nothing of the notes.
   */
  private firstPartAsks(
    tokens: string[],
    names: NameHit[],
    openingLength: number,
    maskedOpening: string,
    asked: boolean,
    guess: IntentGuess,
  ): IntentGuess {
    if (COMMANDS_ASKED.has(guess.intent) || openingLength === 0) return guess;
    if (names.some((hit) => hit.end > openingLength)) return guess;
    // "dynamo question, whats the biggest item": what follows asks the question.
    if (asked || QUESTION_OPENINGS.has(tokens[openingLength] ?? '')) return guess;
    if (!this.saysNothingOfTheNotes(tokens.slice(openingLength))) return guess;
    const alone = this.classifier.classify(maskedOpening);
    return COMMANDS_ASKED.has(alone.intent) ? alone : guess;
  }

  /**
   * "hi, what are you for?": a greeting, then a request to the tutor. The greeting tells the
   * classifier it is chat; what follows it says what is asked.
   */
  private afterGreetingAsks(tokens: string[], names: NameHit[], guess: IntentGuess): IntentGuess {
    if (guess.intent !== 'smalltalk' || !GREETINGS.has(tokens[0] ?? '')) return guess;
    const start = tokens[1] === 'there' || tokens[1] === 'all' ? 2 : 1;
    if (tokens.length - start < REQUEST_AFTER_GREETING) return guess;
    const shift = (hit: NameHit) => ({ ...hit, start: hit.start - start, end: hit.end - start });
    const rest = this.classifier.classify(
      this.mask(tokens.slice(start), names.filter((hit) => hit.start >= start).map(shift)),
    );
    return COMMANDS_ASKED.has(rest.intent) ? rest : guess;
  }

  /**
   * "give me a question on object storage": a request that takes a subject, the subject in words
   * its examples never use. Read with the subject as a topic's name ("give me a question on
   * {topic}"), a sure quiz or list is the request, on that subject. A subject is named in a few
   * words: "test on the exact android version a customer reported" describes a need.
   */
  private subjectAsks(tokens: string[], names: NameHit[], guess: IntentGuess): IntentGuess {
    if (COMMANDS_ASKED.has(guess.intent)) return guess;
    const at = tokens.findIndex((token) => SUBJECT_OPENERS.has(token));
    if (at < 1 || names.some((hit) => hit.start < at)) return guess;
    const subject = tokens.slice(at + 1).filter((token) => !STOPWORDS.has(token));
    if (subject.length === 0 || subject.length > SUBJECT_WORDS) return guess;
    const request = this.classifier.classify(
      `${this.mask(tokens.slice(0, at), [])} ${tokens[at]} ${TOPIC_SLOT}`,
    );
    return TAKES_A_SUBJECT.has(request.intent) && request.probability >= COMMAND_SCORE
      ? { ...request, saysMore: true }
      : guess;
  }

  /** Everyday talk, or the field's own name: no word of the notes' trade. */
  private saysNothingOfTheNotes(tokens: readonly string[]): boolean {
    const everyday = this.bridges.everyday;
    return tokens.every(
      (token) =>
        STOPWORDS.has(token) ||
        everyday?.has(token) ||
        this.domainWords.has(token) ||
        !this.index.knows(stem(token)),
    );
  }

  /**
   * "im new to the team and my manager told me to try you. what commands are there?": chat about
   * oneself, then a request to the tutor. The last sentence is the request when what comes before
   * it is everyday talk, naming nothing of the notes' trade.
   */
  private lastSentenceAsks(
    question: string,
    tokens: string[],
    names: NameHit[],
    guess: IntentGuess,
  ): IntentGuess {
    if (COMMANDS_ASKED.has(guess.intent)) return guess;
    const start = this.wordsBeforeLast(question, SENTENCE_ENDS);
    if (start === 0 || start >= tokens.length) return guess;
    if (names.some((hit) => hit.start < start)) return guess;
    if (!this.saysNothingOfTheNotes(tokens.slice(0, start))) return guess;
    const shift = (hit: NameHit) => ({ ...hit, start: hit.start - start, end: hit.end - start });
    const alone = this.classifier.classify(this.mask(tokens.slice(start), names.map(shift)));
    if (COMMANDS_ASKED.has(alone.intent)) return alone;
    // Its request may come first in it, and more chat after: "what are u good for, besides sitting
    // in slack looking busy".
    const end = start + this.wordsBefore(question.slice(lastEnd(question, SENTENCE_ENDS)), REQUEST_END);
    if (end === start || end >= tokens.length || !this.saysNothingOfTheNotes(tokens.slice(end))) return guess;
    const request = this.classifier.classify(
      this.mask(tokens.slice(start, end), names.filter((hit) => hit.end <= end).map(shift)),
    );
    return COMMANDS_ASKED.has(request.intent) ? request : guess;
  }

  /** How many words come before the last of these ends that has words after it; 0 without one. */
  private wordsBeforeLast(question: string, ends: RegExp): number {
    const at = lastEnd(question, ends);
    return at === 0 ? 0 : this.splitRunTogether(words(question.slice(0, at))).length;
  }

  /** How many words come before the first `separator`; 0 when the question has none. */
  private wordsBefore(question: string, separator: RegExp): number {
    const [before = ''] = question.split(separator);
    return before.length < question.length ? this.splitRunTogether(words(before)).length : 0;
  }

  /**
   * People run a name into the next word (`dynamodbstreams`, `snstopic`, `efsIA`): a word the notes
   * and the dictionary both lack is read as two when one part is a topic's name and the other a word
   * of the notes or of English.
   */
  private splitRunTogether(tokens: string[]): string[] {
    const out: string[] = [];
    for (const token of tokens) {
      // A catalogued service's word (`timestream`) is that service's name, however it splits.
      const split =
        token.length >= 5 && !this.isWord(token) && !this.isServiceWord(token)
          ? (this.nameJoinedToWord(token) ?? this.notesPhraseJoined(token))
          : null;
      if (split) out.push(...split);
      else out.push(token);
    }
    return out;
  }

  private isWord(token: string): boolean {
    return (
      this.index.vocabulary.has(token) ||
      this.english.has(token) ||
      this.index.exactName(token).length > 0 ||
      /\d/.test(token)
    );
  }

  private nameJoinedToWord(token: string): [string, string] | null {
    // A whole name only: `cloud` is one word of `Virtual Private Cloud`, and `cloudflare` no VPC.
    const isName = (part: string) =>
      part.length >= 3 && this.index.exactName(part).some((name) => name.kind !== 'partial');
    const isWord = (part: string) =>
      !STOPWORDS.has(part) &&
      (this.index.vocabulary.has(part) || (part.length >= 3 && this.english.has(part)) || isName(part));
    let best: [string, string] | null = null;
    let bestName = 0;
    for (let at = 2; at <= token.length - 2; at++) {
      const left = token.slice(0, at);
      const right = token.slice(at);
      const nameLength =
        isName(left) && isWord(right) ? left.length : isName(right) && isWord(left) ? right.length : 0;
      if (nameLength > bestName) {
        best = [left, right];
        bestName = nameLength;
      }
    }
    return best;
  }

  /**
   * Two words the notes write side by side, typed as one (`lifecyclehooks`, `coldstart`): the
   * notes' phrase, when only one way of splitting the word gives it.
   */
  private notesPhraseJoined(token: string): [string, string] | null {
    let found: [string, string] | null = null;
    for (let at = 3; at <= token.length - 3; at++) {
      const left = token.slice(0, at);
      const right = token.slice(at);
      if (STOPWORDS.has(left) || STOPWORDS.has(right)) continue;
      if (!this.index.vocabulary.has(left) || !this.index.vocabulary.has(right)) continue;
      if (!this.index.hasPhrase(stem(left), stem(right))) continue;
      if (found) return null;
      found = [left, right];
    }
    return found;
  }

  /** Adds the notes' stems a word may mean: hand-listed synonyms, then WordNet's relations. */
  private bridge(token: string, stems: Map<string, number>): void {
    // `kept` is `keep` however the notes write it, so keep's synonyms (`store`) are kept's too.
    const forms = new Set(stems.keys());
    for (const base of [...forms])
      for (const other of this.bridges.spellings.get(base) ?? []) forms.add(other);
    for (const base of forms) {
      for (const synonym of this.bridges.synonyms.get(base) ?? [])
        this.addBridge(stems, synonym, SYNONYM_WEIGHT);
    }
    for (const related of this.relatedWords(token)) {
      this.addBridge(stems, stem(related.word), BRIDGED * related.weight);
    }
  }

  /**
   * WordNet relates dictionary forms: `invoices`, `notifying` and `uploaded` take the relations of
   * `invoice`, `notify` and `upload`; the close ones only, since a broader word through an inflected
   * form (`files` -> `record`) would make an ordinary word look like one of the notes'.
   */
  private relatedWords(token: string): readonly { word: string; weight: number }[] {
    const relations = this.bridges.relations;
    if (!relations) return [];
    const own = relations.related(token);
    if (own.length > 0) return own;
    for (const base of dictionaryForms(token)) {
      const related = relations.related(base).filter((word) => word.weight > RELATION_WEIGHTS.hypernym);
      if (related.length > 0) return related;
    }
    return own;
  }

  /**
   * The stemmer leaves words of three letters alone, so a short abbreviation's plural (`ips`, `azs`,
   * `vms`) is tried without its `s`, and a two-letter one (`ip`) with it.
   */
  private static shortPlural(token: string): string[] {
    if (token.length === 3 && token.endsWith('s') && !/\d/.test(token)) return [token.slice(0, 2)];
    if (token.length === 2 && !/\d/.test(token)) return [`${token}s`];
    return [];
  }

  /**
   * `gen2` is the notes' `Gen 2` run together: a word and a number the notes use apart, when the
   * notes do not use them together.
   */
  private lettersThenNumber(token: string): string[] | null {
    const match = /^([a-z]{2,})(\d+)$/.exec(token);
    if (!match) return null;
    const letters = stem(match[1] ?? '');
    const number = match[2] ?? '';
    return this.index.knows(letters) && this.index.knows(number) ? [letters, number] : null;
  }

  /**
   * `availability` is what notes that write `availabilty` mean, and `automatically` what S3's
   * `automaticaly` means though EFS's notes spell it right.
   */
  private notesMisspellingsOf(token: string): string[] {
    if (!this.english.has(token)) return [];
    return this.misspellings.of(token).map(stem);
  }

  /**
   * `perms`, `repo`, `env` and `creds` are the notes' `permissions`, `repository`, `environment` and
   * `credentials` cut short: a word the notes lack that opens one or two words of theirs, when it is
   * no everyday word (`rest` is not `restore`).
   */
  private unclipped(token: string): string[] {
    const everyday = this.bridges.everyday;
    if (!everyday || everyday.has(token) || /\d/.test(token)) return [];
    const letters = token.length > 4 && token.endsWith('s') ? token.slice(0, -1) : token;
    // A three-letter word of English (`pip`, `cap`) is a word, not the start of a longer one.
    if (letters.length < MIN_CLIPPED || (letters.length === MIN_CLIPPED && this.english.has(letters)))
      return [];
    const wholes = new Set(
      this.index
        .wordsOpeningWith(letters, CLIPPED_OFF)
        // `serverless` is `server` and `less`: a word made longer by another word is no clipping.
        .filter((whole) => !this.english.has(whole.slice(letters.length)))
        .map(stem),
    );
    return wholes.size > 0 && wholes.size <= MAX_UNCLIPPED ? [...wholes] : [];
  }

  /** The digits a word is written with or spells (`5`, `five`), or null for no number. */
  private numberIn(word: string): string | null {
    if (/^\d+$/.test(word)) return word;
    return [...(this.bridges.spellings.get(stem(word)) ?? [])].find((form) => /^\d+$/.test(form)) ?? null;
  }

  /**
   * `lighter` is `light` compared, `cheapest` is `cheap`: the stemmer keeps -er and -est, so the
   * plain adjective (an English word) is tried, with the spellings English uses for it.
   */
  private comparedFrom(token: string): string[] {
    const match = /^(.{3,}?)(?:er|est)$/.exec(token);
    if (!match || this.index.vocabulary.has(token)) return [];
    const root = match[1] ?? '';
    const bases = [root, `${root}e`];
    if (root.endsWith('i')) bases.push(`${root.slice(0, -1)}y`);
    if (root.length >= 4 && root.at(-1) === root.at(-2)) bases.push(root.slice(0, -1));
    return bases.filter((base) => this.english.has(base)).map(stem);
  }

  private addBridge(stems: Map<string, number>, stemmed: string, weight: number): void {
    if ((stems.get(stemmed) ?? 0) < weight && this.index.knows(stemmed)) stems.set(stemmed, weight);
  }

  /** A word a concept means, as the notes write it: `availability` finds their `availabilty` too. */
  private addMeaning(stems: Map<string, number>, word: string, weight: number): void {
    const stemmed = stem(word);
    if (this.index.knows(stemmed)) this.addBridge(stems, stemmed, weight);
    else for (const misspelt of this.misspellings.of(word)) this.addBridge(stems, stem(misspelt), weight);
  }

  /**
   * Where the question says the product the notes are all about (`route 53` in notes on Route 53):
   * like `aws` in notes on AWS, it tells no topic apart.
   */
  private domainPositions(tokens: readonly string[]): boolean[] {
    const domain = new Array<boolean>(tokens.length).fill(false);
    if (this.domainNames.size === 0) return domain;
    for (let start = 0; start < tokens.length; start++)
      for (let end = Math.min(tokens.length, start + MAX_NAME_WORDS); end > start; end--) {
        if (!this.domainNames.has(tokens.slice(start, end).join(' '))) continue;
        domain.fill(true, start, end);
        break;
      }
    return domain;
  }

  private findNames(tokens: string[], domain: readonly boolean[]): NameHit[] {
    const hits: NameHit[] = [];
    const covered = new Array<boolean>(tokens.length).fill(false);
    const inFull = this.shortForms.inFull(tokens);
    const take = (hit: NameHit) => {
      if (anyCovered(covered, hit.start, hit.end)) return;
      hits.push(hit);
      for (let i = hit.start; i < hit.end; i++) covered[i] = true;
    };
    // Of names as long, a whole one goes before a part of a longer one further left: "quiz me on
    // vertex ai training" names Vertex AI Training, not `on vertex ai` of Gemini on Vertex AI.
    let parts: NameHit[] = [];
    let partsOf = 0;
    for (const { start, length } of nameSpans(tokens.length, (at) => VENDOR_WORDS.has(tokens[at] ?? ''))) {
      // `Amazon EKS` is found as `EKS` too, so a vendor opens no name of its own.
      const vendor = VENDOR_WORDS.has(tokens[start] ?? '');
      const opening = vendor ? start + 1 : start;
      const named = vendor ? length - 1 : length;
      if (named !== partsOf) {
        for (const part of parts) take(part);
        parts = [];
        partsOf = named;
      }
      if (anyCovered(covered, start, start + length)) continue;
      const mayStart = (spelled: readonly string[]) => this.index.mayStartName(spelled[opening] ?? '', named);
      if (named > 2 && !mayStart(tokens) && !(inFull && mayStart(inFull))) continue;
      const span = tokens.slice(start, start + length);
      if (length === 1 && STOPWORDS.has(span[0] ?? '')) continue;
      const asWritten = this.lookupName(span);
      const spelled = asWritten || !inFull ? null : inFull.slice(start, start + length);
      // Spelled out, only a whole name counts: "a relational db" asks for a kind of database, not
      // for the Relational Database Service that a part of its name would say.
      const inFullName = spelled ? this.lookupName(spelled) : null;
      const found = asWritten ?? (inFullName?.kind === 'partial' ? null : inFullName);
      if (found === null) continue;
      // In notes on Cloudflare Workers and Cloudflare Tunnel, `cloudflare` alone is no part of one
      // name: "cloudflare pages" names Pages.
      if (found.kind === 'partial' && length === 1 && this.notesClouds.has(span[0] ?? '')) continue;
      // In notes all on Route 53, "route 53" is no part of the name `Route 53 Resolver`.
      if (found.kind === 'partial' && domain.slice(opening, start + length).every(Boolean)) continue;
      const hit = {
        topic: found.topic,
        start,
        end: start + length,
        strength: found.kind === 'partial' ? PARTIAL_NAME : 1,
        partial: found.kind === 'partial',
        ...(spelled ? { spelled } : {}),
      };
      if (hit.partial) parts.push(hit);
      else take(hit);
    }
    for (const part of parts) take(part);
    const misspelt = this.findMisspeltNames(tokens, covered, hits);
    // `s3 glaier` is S3 Glacier misspelt, not S3 with a stray word: a longer name found with a typo
    // takes the names inside it.
    const kept = hits.filter(
      (hit) => !misspelt.some((other) => other.start <= hit.start && hit.end <= other.end),
    );
    const all = [...kept, ...misspelt].sort((a, b) => a.start - b.start);
    // "a virtual machine scale set … which machines to remove": one word of a name said in full,
    // said again, is that name's again, not a part of another's.
    return all.filter(
      (hit) =>
        !(
          hit.partial &&
          hit.end - hit.start === 1 &&
          all.some(
            (other) =>
              !other.partial &&
              other.topic !== hit.topic &&
              other.end - other.start > 1 &&
              tokens
                .slice(other.start, other.end)
                .some((word) => stem(word) === stem(tokens[hit.start] ?? '')),
          )
        ),
    );
  }

  private lookupName(span: string[]): TopicName | null {
    const spaced = span.join(' ');
    // `cloud watch` is CloudWatch; `am i` is no AMI.
    const ofNameWords = span.length > 1 && !span.some((word) => STOPWORDS.has(word));
    const candidates = ofNameWords || span.length === 1 ? [spaced, span.join('')] : [spaced];
    const last = span.at(-1) ?? '';
    // `vms` for a topic named `VM`, but never `vmss` for it.
    if (last.length > 2 && last.endsWith('s')) candidates.push(`${spaced.slice(0, -1)}`);
    // `security group` for a topic named `Security Groups`.
    else if (last.length > 2 && !last.endsWith('s')) candidates.push(`${spaced}s`);
    for (const candidate of candidates) {
      const found = this.index.exactName(candidate)[0];
      if (found !== undefined) return found;
    }
    // `iam policy` for a topic named `IAM Policies`; only a whole name, as a verb's `applies` is
    // no `Apply` of `Plan & Apply`.
    for (const candidate of otherNumber(spaced, last)) {
      const found = this.index.exactName(candidate)[0];
      if (found !== undefined && found.kind !== 'partial') return found;
    }
    return ofNameWords ? this.index.nameInOtherForms(span) : null;
  }

  /** A word neither English nor the notes' one slip from a function word: `shoud`, `becuase`. */
  private slipOfAStopword(token: string): boolean {
    if (token.length < MIN_SLIPPED_STOPWORD || this.english.has(token) || this.index.vocabulary.has(token))
      return false;
    for (const word of STOPWORDS)
      if (word.length >= MIN_SLIPPED_STOPWORD && isOneSlip(token, word)) return true;
    return false;
  }

  /** A word that is neither in the notes nor English may be a misspelt name: `fargte`, `lamda`. */
  private isPossibleTypo(token: string): boolean {
    return token.length >= 4 && this.mayBeANameSlipped(token) && !this.english.has(token);
  }

  /** A word a name may be misspelt as though English has it: none the notes use themselves. */
  private mayBeMisspeltName(token: string): boolean {
    return token.length >= 5 && this.mayBeANameSlipped(token);
  }

  /** Neither a word of the notes nor a service's (`filestore` is Google's, no `firestore` misspelt). */
  private mayBeANameSlipped(token: string): boolean {
    return (
      !this.isServiceWord(token) &&
      !/\d/.test(token) &&
      !STOPWORDS.has(token) &&
      !this.index.vocabulary.has(token)
    );
  }

  private findMisspeltNames(tokens: string[], covered: boolean[], exact: readonly NameHit[]): NameHit[] {
    const hits: NameHit[] = [];
    const taken = [...covered];
    /** A span a misspelt name may fill: free words, and whole names found exactly beside them. */
    const fillable = (start: number, end: number): boolean => {
      for (let i = start; i < end; i++) {
        if (!taken[i]) continue;
        if (!exact.some((hit) => hit.start <= i && i < hit.end && start <= hit.start && hit.end <= end))
          return false;
        if (hits.some((hit) => hit.start <= i && i < hit.end)) return false;
      }
      return true;
    };
    tokens.forEach((token, position) => {
      if (taken[position] || STOPWORDS.has(token)) return;
      const started = token.length >= 5 ? this.index.nameStartingWith(token) : null;
      if (started !== null) {
        hits.push({
          topic: started,
          start: position,
          end: position + 1,
          strength: PARTIAL_NAME,
          partial: true,
        });
        taken[position] = true;
        return;
      }
      if (token.length === 3 && !this.index.vocabulary.has(token) && !this.english.has(token)) {
        const swapped = this.index.closestName(token);
        if (
          swapped &&
          swapped.name.key.length === 3 &&
          [...swapped.name.key].sort().join('') === [...token].sort().join('')
        ) {
          hits.push({
            topic: swapped.name.topic,
            start: position,
            end: position + 1,
            strength: 1 - swapped.slips,
            partial: false,
          });
          taken[position] = true;
        }
        return;
      }
      // Right after a vendor an English word may be a name misspelt as one, alone: "aws shied",
      // "amazon cogito"; "will amazon peek at" is no `amazon lex` misspelt.
      const typo = this.isPossibleTypo(token);
      if (!typo && !(VENDOR_WORDS.has(tokens[position - 1] ?? '') && this.mayBeMisspeltName(token))) return;
      let best: NameHit | null = null;
      const spans: [number, number][] = typo ? namesAround(exact, position) : [];
      for (let length = typo ? 3 : 1; length >= 1; length--)
        for (let start = Math.max(0, position - length + 1); start <= position; start++)
          spans.push([start, start + length]);
      for (const [start, end] of spans) {
        const length = end - start;
        if (end > tokens.length || !fillable(start, end)) continue;
        const phrase = tokens.slice(start, end).join(' ');
        // The typo is a slip at least, so a phrase this short can do no better than the best.
        if (best && best.strength >= 1 - 1 / (phrase.length + allowedSlips(phrase.length))) continue;
        const sameLength = this.index.closestName(phrase);
        // `statefull set` is `StatefulSets` misspelt in two words.
        const runTogether = length > 1 ? this.index.closestName(phrase.replace(/ /g, '')) : null;
        const closest =
          sameLength?.name.key.split(' ').length === length
            ? sameLength
            : runTogether && !runTogether.name.key.includes(' ')
              ? runTogether
              : null;
        if (!closest) continue;
        // A name found exactly is kept unless the typo makes a longer name of it.
        if (anyCovered(taken, start, end) && closest.name.kind === 'partial') continue;
        const strength = 1 - closest.slips;
        // A longer name read as nearly as surely explains more of what was typed: "eventbrige
        // schedular" is EventBridge Scheduler, not EventBridge and a stray word.
        const longer = best !== null && end - start < best.end - best.start;
        if (!best || strength > best.strength + (longer ? LONGER_NAME_MARGIN : 0)) {
          const spelled = closest.name.key.split(' ');
          best = {
            topic: closest.name.topic,
            start,
            end,
            strength,
            partial: closest.name.kind === 'partial',
            ...(spelled.length === length ? { spelled } : {}),
          };
        }
      }
      if (best) {
        hits.push(best);
        for (let i = best.start; i < best.end; i++) taken[i] = true;
      }
    });
    return hits;
  }

  private mask(tokens: string[], names: NameHit[]): string {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const hit = names.find((name) => name.start === i);
      if (hit) {
        out.push(TOPIC_SLOT);
        i = hit.end - 1;
      } else if (
        tokens.length <= SHORT_REQUEST &&
        ABOUT.has(out.at(-1) ?? '') &&
        this.domainWords.has(tokens[i] ?? '')
      ) {
        // "list the topics about cosmos": in a request as short as a command, the product the
        // notes are all about asks nothing of its own ("explain lambda to me" still asks of it).
        out.pop();
      } else if (!tellsApart(tokens, i)) out.push(tokens[i] ?? '');
    }
    return out.join(' ');
  }

  /** A function word, a vendor or what all the notes are about: "in clickhouse", "on aws". */
  private saysNothingOfItsOwn(token: string): boolean {
    return STOPWORDS.has(token) || VENDOR_WORDS.has(token) || this.domainWords.has(token);
  }

  private termsOf(tokens: string[], names: NameHit[], domain: readonly boolean[]): QueryTerm[] {
    const terms: QueryTerm[] = [];
    tokens.forEach((token, position) => {
      const negation = NEGATIONS.has(token);
      // What all the notes are about (`aws`, `kubernetes` in notes on Kubernetes) tells no topic apart.
      if (!negation && this.saysNothingOfItsOwn(token)) return;
      if (token.length < 2 && !/\d/.test(token)) return;
      if (
        ASKS_IF_IT_CAN.has(token) &&
        AUXILIARIES.has(tokens[0] ?? '') &&
        position - 1 <= ASKING_SUBJECT_WORDS
      )
        return;
      // "how does an analyzer work", "how does replication work in clickhouse": the `work` asks how
      // the subject works, it is no word of it.
      if (
        ASKS_HOW_IT_WORKS.has(token) &&
        tokens[0] === 'how' &&
        position >= 2 &&
        tokens.slice(position + 1).every((after) => this.saysNothingOfItsOwn(after))
      )
        return;
      // "what exactly is a dag", "how exactly does it work": the word stresses the asking, where
      // "is exactly-once supported" asks of a thing.
      if (
        STRESSING.has(token) &&
        (QUESTION_WORDS.has(tokens[position - 1] ?? '') ||
          AUXILIARIES.has(tokens[position + 1] ?? '') ||
          position === tokens.length - 1)
      )
        return;
      // The `times` of "five times" belongs to the number, not to time.
      if (MULTIPLYING.has(token) && position > 0 && this.numberIn(tokens[position - 1] ?? '') !== null)
        return;
      const inName = names.find((name) => position >= name.start && position < name.end);
      if (domain[position] && !inName) return;
      // "how many copies shoud i keep": a slip of a function word is that word, not a notes word
      // two slips away (`short`).
      if (!negation && !inName && this.slipOfAStopword(token)) return;
      const nameOf = inName?.topic ?? null;
      const stems = new Map<string, number>();
      let kind: QueryTerm['kind'];
      let jargon = false;
      if (negation) {
        stems.set(NEGATION, 1);
        kind = 'known';
      } else {
        const stemmed = stem(token);
        jargon = !this.english.has(token) && !this.bridges.concepts.isCloudWord(token);
        const respelt = [
          ...(this.bridges.spellings.get(stemmed) ?? []),
          ...this.comparedFrom(token),
          ...QuestionReader.shortPlural(token),
          ...this.notesMisspellingsOf(token),
        ].filter((s) => this.index.knows(s));
        if (this.index.knows(stemmed) || this.index.vocabulary.has(token) || respelt.length > 0) {
          stems.set(stemmed, 1);
          for (const other of respelt) stems.set(other, 1);
          kind = 'known';
        } else if (!jargon) {
          stems.set(stemmed, 1);
          kind = 'english';
        } else {
          const parts = this.lettersThenNumber(token);
          const closest =
            parts || nameOf !== null || !this.isPossibleTypo(token) ? null : this.index.closestWord(token);
          // A short term of art one slip from an everyday word (`saml`, `same`) is that term, not a typo.
          const corrected =
            closest && token.length <= SHORT_TERM && this.english.has(closest.word) ? null : closest;
          if (parts) {
            for (const part of parts) stems.set(part, 1);
            kind = 'known';
          } else if (corrected) {
            stems.set(stem(corrected.word), CORRECTED);
            kind = 'known';
            jargon = !this.english.has(corrected.word);
          } else {
            stems.set(stemmed, 1);
            kind = nameOf === null ? 'foreign' : 'known';
          }
        }
        this.bridge(token, stems);
        if (kind !== 'known')
          for (const whole of this.unclipped(token)) this.addBridge(stems, whole, CLIPPED);
      }
      const bridged = kind === 'english' && [...stems.keys()].some((s) => this.index.knows(s));
      if (bridged) kind = 'known';
      const spelled = inName?.spelled?.[position - inName.start];
      terms.push({
        word: token,
        stems,
        kind,
        position,
        nameOf,
        jargon,
        service: false,
        bridged,
        ...(spelled && spelled !== token ? { spelledAs: stem(spelled) } : {}),
      });
    });
    const notWanted = new Set<QueryTerm>();
    for (const concept of this.bridges.concepts.match(tokens)) {
      const term = terms.findLast(
        (candidate) =>
          candidate.position >= concept.start &&
          candidate.position <= concept.position &&
          candidate.nameOf === null,
      );
      if (!term || term.stems.has(NEGATION)) continue;
      if (concept.negated) {
        for (const said of terms) {
          const inSpan = said.position >= concept.start && said.position <= concept.position;
          if (!inSpan || said.nameOf !== null || said.stems.has(NEGATION) || notWanted.has(said)) continue;
          notWanted.add(said);
          for (const [stemmed, weight] of said.stems) said.stems.set(stemmed, weight * NOT_WANTED);
        }
      }
      for (const meaning of concept.means) this.addMeaning(term.stems, meaning, CONCEPT_WEIGHT);
      if (term.kind === 'english' && [...term.stems.keys()].some((s) => this.index.knows(s))) {
        term.kind = 'known';
        term.bridged = true;
      }
    }
    this.readSpelledOutAcronyms(tokens, terms);
    // `docker hub` may be written `dockerhub` in the notes, and the other way round.
    for (let i = 0; i + 1 < tokens.length; i++) {
      const joined = `${tokens[i]}${tokens[i + 1]}`;
      const first = terms.find((term) => term.position === i);
      if (first && this.index.vocabulary.has(joined)) first.stems.set(stem(joined), 1);
    }
    for (const term of terms) this.readMultiple(term, tokens[term.position + 1]);
    return terms;
  }

  /**
   * "can i put waf on a network load balancer" asks about the notes' `NLB`: a run of English words
   * whose initials spell a word the notes use, and no English one, also means that word. Two
   * letters are left out: `database back` is no `db`.
   */
  private readSpelledOutAcronyms(tokens: readonly string[], terms: QueryTerm[]): void {
    // Read once a question: every run looks at the same words.
    const english = tokens.map((token) => this.english.has(token) && /^[a-z]/.test(token));
    for (let start = 0; start < tokens.length; start++) {
      if (STOPWORDS.has(tokens[start] ?? '')) continue;
      let initials = '';
      for (let end = start; end < tokens.length && end - start < MAX_ACRONYM_LETTERS; end++) {
        if (!english[end]) break;
        const token = tokens[end] ?? '';
        initials += token[0];
        if (initials.length < ACRONYM_LETTERS || STOPWORDS.has(token)) continue;
        if (this.english.has(initials) || !this.index.knows(initials)) continue;
        const last = terms.find((term) => term.position === end);
        if (last && last.nameOf === null && !last.stems.has(initials))
          last.stems.set(initials, SPELLED_OUT_WEIGHT);
      }
    }
  }

  /** `five times the throughput` is the notes' `5x the throughput`, and a learner's `5x` is five times. */
  private readMultiple(term: QueryTerm, next: string | undefined): void {
    const multiples: string[] = [];
    const typed = /^(\d+)x$/.exec(term.word)?.[1];
    if (typed) multiples.push(typed);
    const number = MULTIPLYING.has(next ?? '') ? this.numberIn(term.word) : null;
    if (number !== null) multiples.push(`${number}x`);
    const known = multiples.filter((stemmed) => this.index.knows(stemmed));
    for (const stemmed of known) term.stems.set(stemmed, 1);
    if (known.length > 0 && term.kind !== 'known') {
      term.kind = 'known';
      term.jargon = false;
    }
  }
}

/** What sets the product the notes are about after a request: "topics about cosmos". */
const ABOUT = new Set(['about', 'on', 'in', 'for', 'of']);
/** The most words of a request read without the product the notes are about. */
const SHORT_REQUEST = 8;

/** How much surer a shorter misspelt name must be to win over a longer one found with it. */
const LONGER_NAME_MARGIN = 0.03;
/** The fewest and most words of a spelled-out acronym. */
const ACRONYM_LETTERS = 3;
const MAX_ACRONYM_LETTERS = 4;
/** A spelled-out acronym counts as much as a corrected typo: nearly the word itself. */
const SPELLED_OUT_WEIGHT = CORRECTED;

/**
 * The most words a topic's name is looked up by, a vendor word before it not counted: `Azure Virtual
 * Machine Scale Sets` is five (`azure` being no vendor word but a word of its names).
 */
const MAX_NAME_WORDS = 6;

/**
 * The spans of a question a name may fill, longest name first, then leftmost: a vendor word before
 * a name adds to the span, not to the name, so `amazon workspaces applications` (two words of a
 * name) is looked up before `amazon workspaces` (one).
 */
function* nameSpans(
  tokenCount: number,
  isVendor: (at: number) => boolean,
): Generator<{ start: number; length: number }> {
  for (let named = Math.min(MAX_NAME_WORDS, tokenCount); named >= 1; named--) {
    if (named + 1 <= MAX_NAME_WORDS) {
      for (let start = 0; start + named + 1 <= tokenCount; start++)
        if (isVendor(start)) yield { start, length: named + 1 };
    }
    for (let start = 0; start + named <= tokenCount; start++)
      if (!isVendor(start)) yield { start, length: named };
  }
}

/**
 * A name with its last word in the other number where English spells it other than with an `s`:
 * `policy` and `policies`, `box` and `boxes`.
 */
function otherNumber(spaced: string, last: string): string[] {
  if (/[^aeiou]y$/.test(last)) return [`${spaced.slice(0, -1)}ies`];
  if (last.length > 4 && last.endsWith('ies')) return [`${spaced.slice(0, -3)}y`];
  if (last.length > 4 && /(?:s|x|ch|sh)es$/.test(last)) return [spaced.slice(0, -2)];
  if (/(?:s|x|ch|sh)$/.test(last)) return [`${spaced}es`];
  return [];
}

/**
 * Spans joining a misspelt word to the names found exactly on either side of it, longest first:
 * "azure vritual machine scale sets" is one name with a typo, not the typo beside `machine scale
 * sets` (a part of it), and "step fnctions express workflows" is one name across two parts.
 */
function namesAround(exact: readonly NameHit[], position: number): [number, number][] {
  const before = exact.find((hit) => hit.end === position);
  const after = exact.find((hit) => hit.start === position + 1);
  if (!before && !after) return [];
  const starts = [position - 2, position - 1, position];
  const ends = [position + 1, position + 2, position + 3];
  if (before) starts.push(before.start);
  if (after) ends.push(after.end);
  const spans: [number, number][] = [];
  for (const start of new Set(starts))
    for (const end of new Set(ends)) {
      const joins = (before && start <= before.start) || (after && end >= after.end);
      if (start >= 0 && joins && end - start <= MAX_NAME_WORDS + 1) spans.push([start, end]);
    }
  return spans.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
}

function anyCovered(covered: boolean[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (covered[i]) return true;
  return false;
}

/** Two stems that stand side by side in a question. */
export type WordPair = readonly [string, string];

/** How many of the question's word pairs stand side by side in a fact's stems too. */
export function sharedPairs(pairs: WordPair[], sequence: string[]): number {
  let found = 0;
  for (const [first, second] of pairs) {
    // "don't provision" is "do not need to provision": a negation reaches a few words ahead.
    const reach = first === NEGATION ? NEGATION_REACH : 1;
    search: for (let i = 0; i + 1 < sequence.length; i++) {
      if (sequence[i] !== first) continue;
      for (let j = i + 1; j <= Math.min(sequence.length - 1, i + reach); j++) {
        if (sequence[j] === second) {
          found++;
          break search;
        }
      }
    }
  }
  return found;
}

/** How many words after a negation it still negates, for phrase matches. */
const NEGATION_REACH = 3;

export function pairsOf(tokens: string[]): WordPair[] {
  const pairs: WordPair[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const first = tokens[i] ?? '';
    const second = tokens[i + 1] ?? '';
    if (STOPWORDS.has(first) && STOPWORDS.has(second)) continue;
    const stemOf = (token: string) => (NEGATIONS.has(token) ? NEGATION : stem(token));
    const pair: WordPair = [stemOf(first), stemOf(second)];
    if (!pairs.some(([a, b]) => a === pair[0] && b === pair[1])) pairs.push(pair);
  }
  return pairs;
}

/** Where the text after the last of these ends that has words after it starts; 0 without one. */
function lastEnd(question: string, ends: RegExp): number {
  let at = 0;
  for (const match of question.matchAll(ends)) {
    const after = match.index + match[0].length;
    if (words(question.slice(after)).length > 0) at = after;
  }
  return at;
}
