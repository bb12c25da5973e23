import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * What kind of word a word can be, from the part-of-speech lexicon that ships with `natural`
 * (Penn tags, most frequent first). Questions are phrased from notes written as fragments
 * ("Supports RESTful APIs", "Private Docker registry on AWS"): whether a note opens with a verb or
 * is a noun phrase decides how it is asked.
 */
export interface WordClasses {
  /** The word's tags, most frequent first; empty when the lexicon does not know it. */
  tags(word: string): readonly string[];
}

let shared: WordClasses | null = null;

/** The lexicon, read once per process (about 4 MB of JSON, read only when questions are made). */
export function loadWordClasses(): WordClasses {
  if (shared) return shared;
  const require = createRequire(import.meta.url);
  const path = require.resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
  const lexicon = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[]>;
  shared = {
    tags: (word) => (Object.hasOwn(lexicon, word) ? (lexicon[word] ?? []) : []),
  };
  return shared;
}

const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'can',
  'cant',
  'cannot',
  'could',
  'must',
  'will',
  'wont',
  'would',
  'should',
  'may',
  'might',
  'does',
  'do',
  'doesnt',
  'dont',
  'isnt',
  'arent',
  'r',
]);

/** `is`, `can`, `must`, `has`…: a word that makes a clause finite on its own. */
export function isAuxiliary(word: string): boolean {
  return AUXILIARIES.has(word);
}

/** A verb in the third person singular (`supports`, `relies`), read in context by the caller. */
export function canBeThirdPersonVerb(classes: WordClasses, word: string): boolean {
  const tags = classes.tags(word);
  if (tags.includes('VBZ')) return true;
  if (tags.length > 0 || !word.endsWith('s')) return false;
  // Unknown to the lexicon (`replicates`): a verb when the word without its -s is one.
  const base =
    word.endsWith('es') && classes.tags(word.slice(0, -2)).includes('VB')
      ? word.slice(0, -2)
      : word.slice(0, -1);
  return classes.tags(base).includes('VB');
}

/**
 * A plural whose singular the lexicon knows, and never as a verb (`blueprints`, `connectors`): a
 * thing the topic has, though the lexicon also tags the plural a verb.
 */
export function isPluralOfNounOnly(classes: WordClasses, word: string): boolean {
  if (!word.endsWith('s') || word.endsWith('ss') || isAuxiliary(word)) return false;
  const singulars = [word.slice(0, -1)];
  if (word.endsWith('es')) singulars.push(word.slice(0, -2));
  if (word.endsWith('ies')) singulars.push(`${word.slice(0, -3)}y`);
  const known = singulars.map((singular) => classes.tags(singular)).filter((tags) => tags.length > 0);
  return (
    known.length > 0 &&
    known.every((tags) => tags.includes('NN') && !tags.some((tag) => tag.startsWith('VB')))
  );
}

/** A word whose most frequent use is a finite verb (`supports`, `pays`), not a participle. */
export function isFiniteVerb(classes: WordClasses, word: string): boolean {
  if (isAuxiliary(word)) return true;
  const first = classes.tags(word)[0];
  return first === 'VBZ' || first === 'VBP' || first === 'MD';
}

/** A past participle or adjective that opens a description (`used to…`, `compatible with…`). */
export function canBeParticipleOrAdjective(classes: WordClasses, word: string): boolean {
  const tags = classes.tags(word);
  return tags.includes('VBN') || tags.includes('JJ') || tags.includes('VBD');
}

export function canBeVerb(classes: WordClasses, word: string): boolean {
  const tags = classes.tags(word);
  return isAuxiliary(word) || tags.some((tag) => tag.startsWith('VB') || tag === 'MD');
}

export function isPreposition(classes: WordClasses, word: string): boolean {
  return word === 'to' || classes.tags(word)[0] === 'IN';
}

/** Nouns that take no article (`storage`, not `a storage`). */
const MASS_NOUNS = new Set(
  `storage software data information infrastructure compute memory access security performance pricing
  monitoring caching networking hardware analytics traffic capacity throughput latency durability
  availability replication backup backups archiving processing management space experience time usage
  support failover encryption recognition authentication authorization invalidation inference termination
  control mitigation remediation retention logging detection moderation compression validation verification
  deduplication orchestration observability scalability elasticity resilience redundancy provenance
  fulfillment governance compliance isolation visibility transcription translation bandwidth
  protection`.split(/\s+/),
);

/** Whether a noun phrase ending in `head` takes `a`/`an`: a singular countable noun. */
export function takesArticle(classes: WordClasses, head: string): boolean {
  if (MASS_NOUNS.has(head)) return false;
  const tags = classes.tags(head);
  if (tags.length === 0) return !/s$/.test(head) || /(ss|us|is)$/.test(head);
  return tags[0] === 'NN' || tags[0] === 'NNP' || (tags.includes('NN') && !tags.includes('NNS'));
}

/** Words that say "not": a statement with one is true of many things it does not name. */
export const NEGATION_WORDS = new Set(
  'no not never cannot cant dont doesnt isnt arent wont didnt without nor neither non'.split(' '),
);

/**
 * Words nearly every managed service claims: a fact made of them teaches nothing that tells one
 * service from another ("Easy monitoring through CloudWatch", "Integrated with many programming
 * languages"). The AWS services every other one works with (CloudWatch, IAM) count as such too.
 */
export const GENERIC_WORDS = new Set(
  `managed fully easy easily easier simple simpler scalable scale scales scaling scaled highly high available
  availability secure security monitoring monitor monitors integrated integration integrations integrate
  many any various flexible reliable fast quick quickly support supports supported offering offered offers
  service services platform developer developers user users application applications app apps programming
  language languages tool tools cloud provided provides provide lot lots great good helpful useful best
  popular powerful feature features option options solution solutions limited limit limits cloudwatch iam
  cloudtrail console aws amazon based work works working help helps allow allows way ways thing things
  need needs want get gets run runs running use uses used using make makes build building built
  take takes care handle handles just rest resources resource set notifications notification alerts`.split(
    /\s+/,
  ),
);
