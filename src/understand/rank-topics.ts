import type { QueryTerm, ReadQuestion } from './read-question.js';
import type { TopicIndex } from './topic-index.js';

/** How a topic came to be a candidate, strongest first. */
export type Evidence = 'name' | 'content' | 'weak';

export interface TopicCandidate {
  topic: number;
  score: number;
  /** 0..1: how surely the question names this topic. */
  nameStrength: number;
  /** 0..1: share of the question's subject words this topic's facts hold. */
  coverage: number;
  evidence: Evidence;
}

const PHRASE_BONUS = 0.08;
/** A fact that names the topic a question names is about it only in passing. */
const MENTION_MATCH = 0.5;
const KEY_TERM_BONUS = 0.1;
/** A content-only answer must account for at least this share of what the question is about. */
const MIN_COVERAGE = 0.5;

/** How much a term weighs in the question: rare words of the notes most, foreign names a lot. */
function termWeight(index: TopicIndex, term: QueryTerm, maxIdf: number): number {
  if (term.kind === 'foreign') return 2 * maxIdf;
  if (term.kind === 'english') return 0.35 * maxIdf;
  let best = 0;
  for (const [stemmed, weight] of term.stems) best = Math.max(best, index.idf(stemmed) * weight);
  return best || 0.35 * maxIdf;
}

/**
 * Scores every topic the question could be about: by the names it uses, by how much of its
 * other words the topic's facts hold (weighted by rarity, BM25's idf), and by phrases it shares
 * with one fact.
 */
export function rankTopics(index: TopicIndex, read: ReadQuestion): TopicCandidate[] {
  const topicCount = index.topics.length;
  if (topicCount === 0) return [];
  const maxIdf = index.idf('\u0000');
  const weights = read.terms.map((term) => termWeight(index, term, maxIdf));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);

  /** topic -> per-term best match weight. */
  const matches = new Map<number, Float64Array>();
  const matchesOf = (topic: number) => {
    let row = matches.get(topic);
    if (!row) {
      row = new Float64Array(read.terms.length);
      matches.set(topic, row);
    }
    return row;
  };
  const keyTermHits = new Map<number, number>();
  read.terms.forEach((term, t) => {
    for (const [stemmed, weight] of term.stems) {
      for (const posting of index.postings.get(stemmed) ?? []) {
        const fact = index.facts[posting.fact];
        if (!fact) continue;
        const row = matchesOf(fact.topic);
        if (weight > (row[t] ?? 0)) row[t] = weight;
        if (weight === 1 && index.keyStems[fact.topic]?.has(stemmed)) {
          keyTermHits.set(fact.topic, (keyTermHits.get(fact.topic) ?? 0) + 1);
        }
      }
    }
  });
  // A name in the question also matches the topics whose facts mention that name.
  for (const hit of read.names) {
    for (const factId of index.factsMentioning(hit.topic)) {
      const fact = index.facts[factId];
      if (!fact) continue;
      const row = matchesOf(fact.topic);
      read.terms.forEach((term, t) => {
        if (term.nameOf === hit.topic) row[t] = Math.max(row[t] ?? 0, MENTION_MATCH);
      });
    }
  }

  const nameStrength = new Map<number, number>();
  for (const hit of read.names) {
    const distinct = 1 - 0.5 * Math.min(1, (index.mentionedBy[hit.topic] ?? 0) / Math.max(3, topicCount / 3));
    nameStrength.set(hit.topic, Math.max(nameStrength.get(hit.topic) ?? 0, hit.strength * distinct));
    matchesOf(hit.topic);
  }

  const candidates: TopicCandidate[] = [];
  for (const [topic, row] of matches) {
    let own = 0;
    let mass = 0;
    let jargonOnly = true;
    read.terms.forEach((term, t) => {
      const weight = weights[t] ?? 0;
      if (term.nameOf === topic) {
        own += weight;
        return;
      }
      const matched = row[t] ?? 0;
      if (matched > 0) {
        mass += weight * matched;
        if (!term.jargon || index.keyStems[topic]?.has([...term.stems.keys()][0] ?? '')) jargonOnly = false;
      }
    });
    const rest = totalWeight - own;
    const name = nameStrength.get(topic) ?? 0;
    // A question that is nothing but a topic's name is wholly about it.
    const coverage = rest > 0 ? mass / rest : name > 0 ? 1 : 0;
    const phrase = PHRASE_BONUS * Math.min(3, bestPhraseRun(index, topic, read.pairs));
    const keyTerms = KEY_TERM_BONUS * Math.min(2, keyTermHits.get(topic) ?? 0);
    const evidence: Evidence =
      name > 0 ? 'name' : coverage >= MIN_COVERAGE && !jargonOnly && mass >= 0.5 * maxIdf * 0.5 ? 'content' : 'weak';
    candidates.push({ topic, score: name + coverage + phrase + keyTerms, nameStrength: name, coverage, evidence });
  }
  return candidates.sort((a, b) => b.score - a.score || a.topic - b.topic);
}

/** The most consecutive word pairs of the question that one fact of the topic also has. */
export function bestPhraseRun(index: TopicIndex, topic: number, pairs: Set<string>): number {
  if (pairs.size === 0) return 0;
  let best = 0;
  const first = index.firstFact[topic] ?? 0;
  const last = index.firstFact[topic + 1] ?? index.facts.length;
  for (let f = first; f < last; f++) {
    const fact = index.facts[f];
    if (!fact) continue;
    let found = 0;
    for (let i = 0; i + 1 < fact.sequence.length; i++) {
      if (pairs.has(`${fact.sequence[i]} ${fact.sequence[i + 1]}`)) found++;
    }
    best = Math.max(best, found);
  }
  return best;
}
