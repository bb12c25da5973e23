/**
 * Questions about a synthetic notes set, each labelled with the topic it was made from, so a bench
 * can score top-1 accuracy next to speed.
 */
import { createRng, type Rng } from './prng.js';
import type { SyntheticNotes, SyntheticTopic } from './synthetic-notes.js';
import { FACETS, OFF_TOPIC_QUESTIONS, PREPOSITIONS } from './vocabulary.js';

export type QuestionKind = 'what-is' | 'facet' | 'typo' | 'paraphrase' | 'compare' | 'off-topic';

export interface SyntheticQuestion {
  q: string;
  kind: QuestionKind;
  /** Titles that count as a right first answer; empty for off-topic questions. */
  expectedTitles: string[];
}

const QUESTION_MIX: Readonly<Record<QuestionKind, number>> = {
  'what-is': 50,
  facet: 30,
  typo: 30,
  paraphrase: 40,
  compare: 20,
  'off-topic': 30,
};

/** The fixed words of the bullet templates: shared by every topic, so never distinctive. */
const TEMPLATE_WORDS = new Set([
  ...PREPOSITIONS,
  ...'is a an service and by default supports with you can in each pricing based on integrates to similar but used limits apply often paired'.split(
    ' ',
  ),
]);

const PARAPHRASE_FRAMES: readonly ((words: string) => string)[] = [
  (words) => words,
  (words) => `which service ${words}`,
  (words) => `what handles ${words}`,
];

const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? [];

function maybeLowercase(rng: Rng, name: string): string {
  return rng.chance(0.5) ? name.toLowerCase() : name;
}

/** One letter changed, dropped or swapped with its neighbour; first and last letters are kept, as people rarely miss those. */
function typo(rng: Rng, name: string): string {
  const chars = name.toLowerCase().split('');
  const at = rng.int(1, chars.length - 2);
  const operation = rng.int(0, 2);
  if (operation === 0) {
    const original = chars[at];
    let replacement = original;
    while (replacement === original) replacement = String.fromCharCode(97 + rng.int(0, 25));
    chars[at] = replacement ?? '';
  } else if (operation === 1) {
    chars.splice(at, 1);
  } else {
    const [left, right] = [chars[at] ?? '', chars[at + 1] ?? ''];
    chars[at] = right;
    chars[at + 1] = left;
  }
  return chars.join('');
}

/** True when `a` becomes `b` by at most one letter changed, added, dropped or swapped with its neighbour. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
  if (i >= a.length || a.slice(i + 1) === b.slice(i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Topic-level word sets, for finding words that point at exactly one topic. Topic names are left out:
 * a paraphrase describes a topic without naming it.
 */
function topicWordSets(notes: SyntheticNotes, nameWords: ReadonlySet<string>): Set<string>[] {
  return notes.topics.map(
    (topic) =>
      new Set(topic.facts.flatMap(words).filter((word) => !nameWords.has(word) && !TEMPLATE_WORDS.has(word))),
  );
}

export function syntheticQuestions(notes: SyntheticNotes, seed: number): SyntheticQuestion[] {
  const rng = createRng(seed);
  const { topics } = notes;
  const randomTopic = (): SyntheticTopic => rng.pick(topics);
  const cores = new Set(topics.map((topic) => topic.core.toLowerCase()));
  const nearAnotherCore = (misspelt: string, own: string): boolean => {
    for (const core of cores) if (core !== own && withinOneEdit(misspelt, core)) return true;
    return false;
  };
  const wordSets = topicWordSets(notes, new Set(topics.flatMap((topic) => topic.askNames.flatMap(words))));
  const documentFrequency = new Map<string, number>();
  for (const set of wordSets) {
    for (const word of set) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }

  const makers: Record<QuestionKind, () => SyntheticQuestion | undefined> = {
    'what-is': () => {
      const topic = randomTopic();
      return {
        q: `what is ${maybeLowercase(rng, rng.pick(topic.askNames))}`,
        kind: 'what-is',
        expectedTitles: [topic.title],
      };
    },
    facet: () => {
      const topic = randomTopic();
      const name = maybeLowercase(rng, rng.pick(topic.askNames));
      return { q: `${name} ${rng.pick(FACETS)}`, kind: 'facet', expectedTitles: [topic.title] };
    },
    typo: () => {
      const topic = randomTopic();
      if (topic.core.length < 5 || topic.core === topic.core.toUpperCase()) return undefined;
      const misspelt = typo(rng, topic.core);
      const own = topic.core.toLowerCase();
      // A typo as close to another name as to its own has no single right answer.
      if (misspelt === own || nearAnotherCore(misspelt, own)) return undefined;
      return { q: `what is ${misspelt}`, kind: 'typo', expectedTitles: [topic.title] };
    },
    paraphrase: () => {
      const topicIndex = rng.int(0, topics.length - 1);
      const topic = topics[topicIndex];
      if (!topic) return undefined;
      const candidates = [...new Set(words(rng.pick(topic.facts)))].filter((word) =>
        wordSets[topicIndex]?.has(word),
      );
      const rarest = candidates.sort(
        (a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0) || a.localeCompare(b),
      );
      const chosen = rarest.slice(0, rng.int(2, 3));
      const holders = wordSets.filter((set) => chosen.every((word) => set.has(word)));
      if (chosen.length < 2 || holders.length !== 1) return undefined;
      const q = rng.pick(PARAPHRASE_FRAMES)(chosen.join(' '));
      return { q, kind: 'paraphrase', expectedTitles: [topic.title] };
    },
    compare: () => {
      const [a, b] = [randomTopic(), randomTopic()];
      if (a === b) return undefined;
      const q = `${maybeLowercase(rng, rng.pick(a.askNames))} vs ${maybeLowercase(rng, rng.pick(b.askNames))}`;
      return { q, kind: 'compare', expectedTitles: [a.title, b.title] };
    },
    'off-topic': () => {
      const q = rng.pick(OFF_TOPIC_QUESTIONS);
      // A generated acronym can spell an ordinary word (`EAT`); then the question names a topic after all.
      if (words(q).some((word) => cores.has(word))) return undefined;
      return { q, kind: 'off-topic', expectedTitles: [] };
    },
  };

  const questions: SyntheticQuestion[] = [];
  for (const [kind, count] of Object.entries(QUESTION_MIX) as [QuestionKind, number][]) {
    const seen = new Set<string>();
    for (let attempts = 0; seen.size < count && attempts < count * 100; attempts++) {
      const question = makers[kind]();
      if (!question || seen.has(question.q)) continue;
      seen.add(question.q);
      questions.push(question);
    }
  }
  return questions;
}
