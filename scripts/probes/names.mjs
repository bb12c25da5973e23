// Asks every notes folder under tests/fixtures/notes the questions a new user tries first, made from
// the notes themselves, and counts the replies that miss: each topic by its name in several
// phrasings, each term a bullet opens with ("what is X"), each name with one typo, two topics side
// by side, and services of the notes' clouds that no topic covers. Run after `npm run build`:
//   node scripts/probes/names.mjs            one line of counts a probe
//   node scripts/probes/names.mjs --misses   and every miss
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryTerm } from '../../dist/src/knowledge/definition.js';
import { loadKnowledgeDir } from '../../dist/src/knowledge/load.js';
import { createTutor } from '../../dist/src/tutor/tutor.js';
import { defaultUnderstandingParts, Understanding } from '../../dist/src/understand/understanding.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures', 'notes');
const showMisses = process.argv.includes('--misses');
const parts = defaultUnderstandingParts();
const folders = readdirSync(root).map((folder) => {
  const knowledge = loadKnowledgeDir(join(root, folder)).knowledge;
  return {
    folder,
    knowledge,
    understanding: new Understanding(knowledge, parts),
    tutor: createTutor(knowledge, parts, { recentReplies: 0 }),
  };
});

/** A fixed sequence of pseudo-random numbers, so every run asks the same typos and services. */
function numbers(seed) {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

function probe(name, questions) {
  let asked = 0;
  const misses = [];
  for (const { folder, tutor, ...rest } of folders) {
    for (const { q, right } of questions({ folder, tutor, ...rest })) {
      asked++;
      const reply = tutor.answer(q);
      if (!right(reply)) misses.push(`  ${folder}: ${q} -> ${reply.intent} ${reply.topics[0]?.title ?? ''}`);
    }
  }
  console.log(`${name.padEnd(34)} ${String(asked - misses.length).padStart(5)} of ${asked} right`);
  if (showMisses) for (const miss of misses) console.log(miss);
}

const onTopic = (topic) => (reply) => reply.intent === 'explain' && reply.topics[0]?.id === topic.id;

for (const form of ['what is %', '%', 'tell me about %', 'how does % work', 'quiz me on %']) {
  probe(`topic names: "${form}"`, ({ knowledge }) =>
    knowledge.topics.map((topic) => ({
      q: form.replace('%', topic.name.toLowerCase()),
      right: form.startsWith('quiz')
        ? (reply) => reply.intent === 'quiz' && reply.topics[0]?.id === topic.id
        : onTopic(topic),
    })),
  );
}

probe('terms bullets open with: "what is X"', ({ knowledge }) => {
  const held = new Map();
  for (const topic of knowledge.topics)
    for (const fact of topic.facts) {
      const term = entryTerm(fact)?.toLowerCase();
      if (term) held.set(term, (held.get(term) ?? 0) + 1);
    }
  return knowledge.topics.flatMap((topic) =>
    topic.facts.flatMap((fact) => {
      const term = entryTerm(fact)?.toLowerCase();
      if (!term || held.get(term) > 1 || term.length < 3 || term.split(' ').length > 4) return [];
      return [{ q: `what is ${term}`, right: onTopic(topic) }];
    }),
  );
});

const typoRandom = numbers(11);
function misspell(word) {
  const at = 1 + Math.floor(typoRandom() * (word.length - 2));
  const kind = typoRandom();
  if (kind < 0.33) return word.slice(0, at) + word.slice(at + 1);
  if (kind < 0.66) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return word.slice(0, at) + word[at] + word.slice(at);
}
probe('a name with one typo: "what is %"', ({ knowledge }) =>
  knowledge.topics.flatMap((topic) => {
    const nameWords = topic.name.toLowerCase().split(' ');
    const longest = nameWords.reduce(
      (best, word, at) => (word.length > nameWords[best].length ? at : best),
      0,
    );
    if (nameWords[longest].length < 5) return [];
    nameWords[longest] = misspell(nameWords[longest]);
    return [{ q: `what is ${nameWords.join(' ')}`, right: onTopic(topic) }];
  }),
);

probe('two topics: "difference between"', ({ knowledge }) => {
  const pairs = [];
  for (let at = 0; at + 1 < knowledge.topics.length; at += 2) {
    const [one, other] = [knowledge.topics[at], knowledge.topics[at + 1]];
    const ids = (reply) => reply.topics.slice(0, 3).map((topic) => topic.id);
    pairs.push({
      q: `difference between ${one.name.toLowerCase()} and ${other.name.toLowerCase()}`,
      right: (reply) =>
        reply.intent === 'compare' && ids(reply).includes(one.id) && ids(reply).includes(other.id),
    });
  }
  return pairs;
});

const serviceRandom = numbers(7);
probe('services no topic covers: "what is %"', ({ understanding }) => {
  const { clouds, domainWords } = understanding.services;
  // The platform the notes are on (`Heroku` in notes on Heroku) is what they are about, not lack.
  const platform = (service) =>
    service.name
      .toLowerCase()
      .split(' ')
      .every((word) => domainWords.has(word));
  const lacking = parts.catalogue.services.filter(
    (service) =>
      clouds.has(service.provider) &&
      understanding.services.topicCovering(service) === null &&
      !platform(service),
  );
  return Array.from({ length: lacking.length > 0 ? 6 : 0 }, () => {
    const service = lacking[Math.floor(serviceRandom() * lacking.length)];
    return { q: `what is ${service.name.toLowerCase()}`, right: (reply) => reply.intent === 'unknown' };
  });
});
