import {
  type NameHit,
  type QueryTerm,
  type ReadQuestion,
  sharedPairs,
  type WordPair,
} from './read-question.js';
import { NEGATION } from './stopwords.js';
import type { FitEvidence, FitWeights } from './topic-fit.js';
import type { TopicIndex } from './topic-index.js';

/** How a topic came to be a candidate, strongest first. */
export type Evidence = 'name' | 'content' | 'weak';

export interface TopicCandidate {
  topic: number;
  score: number;
  /** 0..1: how surely the question names this topic. */
  nameStrength: number;
  /** Named only by one word or part of a longer name (`file system` of Elastic File System). */
  namedInPart: boolean;
  /** 0..1: share of the question's words (weighted by rarity) this topic accounts for. */
  coverage: number;
  /** The same, leaving out names the topic's facts only mention in passing. */
  plainCoverage: number;
  /** How many of the question's words the topic matches at all. */
  matched: number;
  evidence: Evidence;
  /** The parts of its score and its size, for the front runners: what their fit is learnt from. */
  fitEvidence?: FitEvidence;
}

/** A candidate for a topic known to be the one asked about (a button's topic, what the notes teach). */
export function namedCandidate(topic: number): TopicCandidate {
  return {
    topic,
    score: 1,
    nameStrength: 1,
    namedInPart: false,
    coverage: 1,
    plainCoverage: 1,
    matched: 1,
    evidence: 'name',
  };
}

/** A question naming a topic is mostly about it; this is how much the name adds over coverage. */
const NAME_BONUS = 0.25;
const PHRASE_BONUS = 0.08;
const KEY_TERM_BONUS = 0.05;
const PHRASE_CANDIDATES = 20;
/** A fact that names the topic a question names is about that topic only in passing. */
const MENTION_MATCH = 0.6;
/** How much a fact that names a service no topic covers tells about that service. */
const PASSING_SERVICE = 0.3;
/** More words of the notes than this around uncovered services make them the setting of a need. */
const SERVICE_SETTING_WORDS = 3;
/** A content-only answer must account for at least this share of what the question is about. */
const MIN_COVERAGE = 0.5;
/** How much more a topic scores when the words it matches stand together in one of its facts. */
const FACT_WEIGHT = 0.6;
/**
 * A bridged word counts this much more for each further word it may mean that the topic also has:
 * "speed up downloads" means content, delivery, edge and cache, and the topic with all of them is
 * surely the one meant, where a topic with `cache` alone may not be.
 */
const MORE_MEANINGS = 0.2;
/**
 * A topic whose facts say one of the question's words again and again is about it, where a topic
 * that says it once only touches it: of a greenhouse and an allotment whose notes both name
 * seedlings, warmth and water, "seedlings that need warmth and water" asks about the greenhouse,
 * every line of which is about seedlings. Each fact holding the word after the first adds a share
 * of the word's weight, up to CENTRAL_FACTS more facts; the whole counts CENTRALITY of the question.
 * Worked out for the front runners only, like shared phrases: it tells apart topics that fit about
 * as well.
 */
const CENTRALITY = 0.4;
const CENTRAL_FACTS = 5;

/** A topic accounting for this share of a question's words accounts for all of it. */
export const WHOLE_QUESTION = 0.9;

/** The score of a front runner as a fit of its evidence: where learning the fit starts from. */
export const SCORE_AS_FIT: FitWeights = {
  coverage: 1,
  nameStrength: NAME_BONUS,
  keyTerms: 1,
  bestFact: FACT_WEIGHT,
  phrase: PHRASE_BONUS,
  centrality: CENTRALITY,
  namedWhole: 0,
  matchedShare: 0,
  facts: 0,
  needs: 0,
};

/** Words of the notes in the question besides the names of services no topic covers. */
function wordsAroundServices(read: ReadQuestion): number {
  return read.terms.filter((term) => !term.service && term.kind === 'known').length;
}

/**
 * Services the notes lack are the setting of a need described at length around them ("our ec2 app
 * must read s3 without stored keys"), not what the question is about.
 */
export function servicesAreSetting(read: ReadQuestion): boolean {
  return wordsAroundServices(read) > SERVICE_SETTING_WORDS;
}

/**
 * A need phrasing shares at least this many of the question's words to speak for its topic; a word
 * it shares alone counts this share of a match: a service has thirty ways people say its needs,
 * so one everyday word in one of them ("bad addresses", "a day") is as likely chance.
 */
const NEED_SHARED_WORDS = 2;
const LONE_NEED_WORD = 0.3;

/** An English word the notes never use weighs this much of the notes' rarest word. */
const ORDINARY_WORD = 0.35;
/** A number, or one with a short unit or a clock's am/pm after it: `40`, `2am`, `10gb`, `24h`. */
const QUANTITY = /^\d+[a-z]{0,3}$/;

/** How much a term weighs in the question: rare words of the notes most, foreign names a lot. */
function termWeight(index: TopicIndex, term: QueryTerm, maxIdf: number, aroundServices: number): number {
  // A service the notes don't cover is what the question is about unless the topic accounts for it;
  // in a need described at length ("our ec2 app must read s3 without stored keys") it is the setting.
  if (term.service) return (aroundServices > SERVICE_SETTING_WORDS ? 1 : 2) * maxIdf;
  // A number the notes never use ("40 accounts", "EMP-123456", "2am", "10gb") is a quantity, a time
  // or an id, no thing's name: it says as little as an ordinary word the notes lack.
  if (term.kind === 'foreign') return QUANTITY.test(term.word) ? ORDINARY_WORD * maxIdf : maxIdf;
  if (term.kind === 'english') {
    // A word the notes never use that people use for a need some topic's service meets (`chat`,
    // `wiki`) says more about what is asked than any other ordinary word.
    const saysANeed = [...term.stems.keys()].some((stemmed) => index.needsWith(stemmed).length > 0);
    return (saysANeed ? 2 : 1) * ORDINARY_WORD * maxIdf;
  }
  // A word the notes use weighs what it says itself: a rare word it merely relates to (`storage`
  // for `stored`) does not make it weigh more.
  let own = 0;
  let best = 0;
  for (const [stemmed, weight] of term.stems) {
    const idf = index.idf(stemmed) * weight;
    if (weight === 1 && index.knows(stemmed)) own = Math.max(own, idf);
    best = Math.max(best, idf);
  }
  return own || best || 0.5 * maxIdf;
}

/**
 * A topic named by one plural word of everyday English (`Pods`, `Services`, `Queues`) is named as a
 * common noun: "scale pods automatically when cpu is high" says `pods` as any question on those
 * notes would, so it names the topic no more surely than one part of a longer name would.
 */
function namedAsCommonNoun(index: TopicIndex, read: ReadQuestion, hit: NameHit): boolean {
  if (hit.end - hit.start !== 1) return false;
  const name = index.topics[hit.topic]?.name ?? '';
  if (!/^\p{Ll}+s$/u.test(name.toLowerCase()) || name.includes(' ')) return false;
  const term = read.terms.find((candidate) => candidate.position === hit.start);
  if (term === undefined || term.jargon) return false;
  // "explain deployments" asks about nothing else: the word is the topic asked about.
  return read.terms.some((other) => other !== term && other.kind === 'known' && other.nameOf === null);
}

/**
 * Scores the topics a question could be about by how much of the question each accounts for:
 * its own name, the words of its facts and names (weighted by rarity, BM25's idf), names of
 * topics its facts mention; plus a little for being named and for phrases shared with a fact.
 */
export function rankTopics(index: TopicIndex, read: ReadQuestion): TopicCandidate[] {
  const topicCount = index.topics.length;
  if (topicCount === 0 || read.terms.length === 0) return [];
  const maxIdf = index.idf('\u0000');
  const aroundServices = wordsAroundServices(read);
  const weights = read.terms.map((term) => termWeight(index, term, maxIdf, aroundServices));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);

  /** topic -> per-term match, 0..1; `matched` lists the topics with a row. */
  const rows: (Float64Array | undefined)[] = new Array(topicCount);
  const matched: number[] = [];
  const note = (topic: number, term: number, match: number) => {
    let row = rows[topic];
    if (!row) {
      row = new Float64Array(read.terms.length);
      rows[topic] = row;
      matched.push(topic);
    }
    if (match > (row[term] ?? 0)) row[term] = match;
  };
  /**
   * fact -> the weight of the question's words it has, each counted at its best match: words found
   * together in one fact say more than words spread out. Summed a word at a time, one number a fact.
   */
  const [massArray, termArray] = factArrays(index);
  const factMass = new FactNumbers(massArray);
  /** fact -> this word's best match in it, 0..1. */
  const termFacts = new FactNumbers(termArray);
  const keyTermHits = new Map<number, Set<number>>();
  /** Need phrasing -> the weight of the question's words it has, like `factMass`. */
  const needMass = new Map<number, number>();
  /** Need phrasing -> this word's best match in it. */
  const termNeeds = new Map<number, number>();
  /** Need phrasing -> the question's words it has, each at its best match. */
  const needMatches = new Map<number, { term: number; match: number }[]>();
  const negates = read.terms.some((term) => term.stems.has(NEGATION));
  read.terms.forEach((term, t) => {
    termFacts.clear();
    termNeeds.clear();
    // No topic covers this service, so a fact naming it names it in passing.
    const share = term.service ? PASSING_SERVICE : 1;
    /** topic -> how many of the term's bridged meanings it has, and the last one counted. */
    const meanings = new Map<number, { count: number; last: string }>();
    for (const [stemmed, stemWeight] of term.stems) {
      const weight = stemWeight * share;
      const found = (topic: number) => {
        note(topic, t, weight);
        if (stemWeight < 1) countMeaning(meanings, topic, stemmed);
      };
      for (const topic of index.topicsNamedWith(stemmed)) found(topic);
      for (const topic of index.topicsAskedWith(stemmed)) note(topic, t, weight);
      // What people say they need of a topic's service counts like the topic's facts.
      for (const need of index.needsWith(stemmed)) {
        const topic = index.needTopics[need];
        if (topic === undefined) continue;
        if (!negates && index.unwantedIn(need, stemmed)) continue;
        if (weight > (termNeeds.get(need) ?? 0)) termNeeds.set(need, weight);
      }
      const postings = index.postings.get(stemmed);
      if (!postings) continue;
      // A topic's facts stand together in the postings: what holds for the topic is asked once.
      let lastTopic = -1;
      for (let p = 0; p < postings.facts.length; p++) {
        const factId = postings.facts[p] ?? -1;
        const topic = index.factTopic[factId];
        if (topic === undefined) continue;
        const count = postings.counts[p] ?? 0;
        note(topic, t, weight * Math.min(1, count));
        // A word only in a line naming another topic (`> private: ECR` under Docker) is that
        // topic's, not this fact's.
        if (count >= 1 && weight > termFacts.get(factId)) termFacts.set(factId, weight);
        if (topic === lastTopic) continue;
        lastTopic = topic;
        if (stemWeight < 1) countMeaning(meanings, topic, stemmed);
        if (stemWeight === 1 && !term.service && index.keyStems[topic]?.has(stemmed)) {
          const hits = keyTermHits.get(topic) ?? new Set<number>();
          hits.add(t);
          keyTermHits.set(topic, hits);
        }
      }
    }
    const termWeight = weights[t] ?? 0;
    for (const factId of termFacts.ids) factMass.add(factId, termFacts.get(factId) * termWeight);
    for (const [need, match] of termNeeds) {
      needMass.set(need, (needMass.get(need) ?? 0) + match * termWeight);
      const matches = needMatches.get(need) ?? [];
      matches.push({ term: t, match });
      needMatches.set(need, matches);
    }
    for (const [topic, { count }] of meanings) {
      const row = rows[topic];
      const match = row?.[t] ?? 0;
      if (row && count > 1 && match < 1) row[t] = Math.min(1, match + MORE_MEANINGS * (count - 1));
    }
  });
  for (const [need, matches] of needMatches) {
    const topic = index.needTopics[need];
    if (topic === undefined) continue;
    const alone = matches.length < NEED_SHARED_WORDS;
    if (alone) needMass.delete(need);
    for (const { term, match } of matches) note(topic, term, alone ? LONE_NEED_WORD * match : match);
  }
  const nameStrength = new Map<number, number>();
  const namedWhole = new Set<number>();
  for (const hit of read.names) {
    nameStrength.set(hit.topic, Math.max(nameStrength.get(hit.topic) ?? 0, hit.strength));
    if (!hit.partial && !namedAsCommonNoun(index, read, hit)) namedWhole.add(hit.topic);
    read.terms.forEach((term, t) => {
      if (term.nameOf !== hit.topic) return;
      note(hit.topic, t, hit.strength);
      for (const factId of index.factsMentioning(hit.topic)) {
        const fact = index.facts[factId];
        if (fact) note(fact.topic, t, MENTION_MATCH * hit.strength);
      }
    });
  }

  /** topic -> the mass of its fact with the most. */
  const bestFact = new Float64Array(topicCount);
  for (const factId of factMass.ids) {
    const mass = factMass.get(factId);
    const topic = index.factTopic[factId] ?? -1;
    if (mass > (bestFact[topic] ?? 0)) bestFact[topic] = mass;
  }
  factMass.clear();
  termFacts.clear();
  // Words standing together in one of the needs a topic's service meets ("warn us before we
  // overspend") count like words together in one of its facts.
  for (const [need, mass] of needMass) {
    const topic = index.needTopics[need];
    if (topic !== undefined && mass > (bestFact[topic] ?? 0)) bestFact[topic] = mass;
  }
  const keyTermsOf = (topic: number) => KEY_TERM_BONUS * Math.min(2, keyTermHits.get(topic)?.size ?? 0);
  // Worked out once, not once for every topic a common word matches: this loop runs for thousands.
  const termCount = read.terms.length;
  const firstStems = read.terms.map((term) => term.stems.keys().next().value ?? '');
  const candidates: TopicCandidate[] = [];
  for (const topic of matched) {
    const row = rows[topic] as Float64Array;
    let mass = 0;
    let plainMass = 0;
    let matchedTerms = 0;
    for (let t = 0; t < termCount; t++) {
      const match = row[t] ?? 0;
      if (match === 0) continue;
      matchedTerms++;
      const term = read.terms[t] as QueryTerm;
      const matched = match * (weights[t] ?? 0);
      mass += matched;
      // A name the notes only mention in passing (`rds`, `ec2`) does not make a topic about it.
      const passing =
        term.service ||
        (term.jargon && term.nameOf !== topic && !index.keyStems[topic]?.has(firstStems[t] ?? ''));
      if (!passing) plainMass += matched;
    }
    const coverage = totalWeight > 0 ? mass / totalWeight : 0;
    const name = nameStrength.get(topic) ?? 0;
    const keyTerms = keyTermsOf(topic);
    const evidence: Evidence =
      name > 0
        ? 'name'
        : coverage >= MIN_COVERAGE && plainMass / totalWeight >= MIN_COVERAGE
          ? 'content'
          : 'weak';
    candidates.push({
      topic,
      score: coverage + NAME_BONUS * name + keyTerms + FACT_WEIGHT * ((bestFact[topic] ?? 0) / totalWeight),
      nameStrength: name,
      namedInPart: name > 0 && !namedWhole.has(topic),
      coverage,
      plainCoverage: totalWeight > 0 ? plainMass / totalWeight : 0,
      matched: matchedTerms,
      evidence,
    });
  }
  const byScore = (a: TopicCandidate, b: TopicCandidate) => b.score - a.score || a.topic - b.topic;
  candidates.sort(byScore);
  // Shared phrases only reorder the front runners; reading every candidate's facts would cost
  // more than it could change.
  const front = candidates.slice(0, PHRASE_CANDIDATES);
  for (const candidate of front) {
    const { topic } = candidate;
    const phrase = Math.min(3, bestPhraseRun(index, topic, read.pairs));
    const central = centrality(index, topic, read, weights);
    candidate.score += PHRASE_BONUS * phrase;
    candidate.score += (CENTRALITY * central) / totalWeight;
    candidate.fitEvidence = {
      coverage: candidate.coverage,
      nameStrength: candidate.nameStrength,
      keyTerms: keyTermsOf(topic),
      bestFact: (bestFact[topic] ?? 0) / totalWeight,
      phrase,
      centrality: central / totalWeight,
      namedWhole: namedWhole.has(topic) ? 1 : 0,
      matchedShare: candidate.matched / termCount,
      facts: Math.log1p((index.firstFact[topic + 1] ?? index.facts.length) - (index.firstFact[topic] ?? 0)),
      needs: Math.log1p(index.topicNeeds.get(topic)?.length ?? 0),
    };
  }
  return front.sort(byScore).concat(candidates.slice(PHRASE_CANDIDATES));
}

/**
 * The weight of the question's words that the topic's facts say again and again: each word counts
 * its share of facts holding it past the first, out of CENTRAL_FACTS, a fact counting each form or
 * meaning of the word it holds (`containers` read as `contain` and as `container`).
 */
function centrality(
  index: TopicIndex,
  topic: number,
  read: ReadQuestion,
  weights: readonly number[],
): number {
  const first = index.firstFact[topic] ?? 0;
  const last = index.firstFact[topic + 1] ?? index.facts.length;
  let total = 0;
  read.terms.forEach((term, t) => {
    const share = term.service ? PASSING_SERVICE : 1;
    let holding = 0;
    for (const [stemmed, weight] of term.stems) {
      const postings = index.postings.get(stemmed);
      if (!postings) continue;
      // Postings are in the notes' order, so the topic's facts are one run of them.
      for (let p = firstAtLeast(postings.facts, first); p < postings.facts.length; p++) {
        if ((postings.facts[p] ?? last) >= last) break;
        if ((postings.counts[p] ?? 0) >= 1) holding += weight * share;
      }
    }
    total += Math.min(1, Math.max(0, holding - 1) / CENTRAL_FACTS) * (weights[t] ?? 0);
  });
  return total;
}

/** Where the first value not below `value` stands in ascending `values`. */
function firstAtLeast(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? value) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A number for each fact a question touches, in an array kept for the next question: a folder of
 * 5,000 topics has tens of thousands of facts, and a common word reaches thousands of them. The
 * numbers are matches and masses, never below zero, so zero marks a fact not touched yet.
 */
class FactNumbers {
  /** The facts with a number, in the order first given one. */
  readonly ids: number[] = [];

  /** @param values one zero a fact, left all zeros again by `clear`. */
  constructor(private readonly values: Float64Array) {}

  get(fact: number): number {
    return this.values[fact] ?? 0;
  }

  set(fact: number, value: number): void {
    if (this.values[fact] === 0) this.ids.push(fact);
    this.values[fact] = value;
  }

  add(fact: number, value: number): void {
    this.set(fact, this.get(fact) + value);
  }

  clear(): void {
    for (const fact of this.ids) this.values[fact] = 0;
    this.ids.length = 0;
  }
}

const spareFactArrays = new WeakMap<TopicIndex, [Float64Array, Float64Array]>();

/** Two arrays of a zero a fact, made once an index: ranking is never called from within itself. */
function factArrays(index: TopicIndex): [Float64Array, Float64Array] {
  let arrays = spareFactArrays.get(index);
  if (!arrays) {
    arrays = [new Float64Array(index.facts.length), new Float64Array(index.facts.length)];
    spareFactArrays.set(index, arrays);
  }
  return arrays;
}

/** Counts a bridged meaning once for a topic, however many of its facts or names have it. */
function countMeaning(
  meanings: Map<number, { count: number; last: string }>,
  topic: number,
  stemmed: string,
): void {
  const counted = meanings.get(topic);
  if (!counted) meanings.set(topic, { count: 1, last: stemmed });
  else if (counted.last !== stemmed) {
    counted.count++;
    counted.last = stemmed;
  }
}

/** The most neighbouring word pairs of the question that one fact of the topic also has. */
export function bestPhraseRun(index: TopicIndex, topic: number, pairs: WordPair[]): number {
  if (pairs.length === 0) return 0;
  let best = 0;
  const first = index.firstFact[topic] ?? 0;
  const last = index.firstFact[topic + 1] ?? index.facts.length;
  for (let f = first; f < last; f++) best = Math.max(best, sharedPairs(pairs, index.sequenceOf(f)));
  return best;
}
