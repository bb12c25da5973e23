import { stem } from '../knowledge/text.js';
import type { Fact, Topic } from '../knowledge/types.js';
import type { ReadQuestion } from '../understand/read-question.js';
import { NEGATION } from '../understand/stopwords.js';
import type { IndexedFact, TopicIndex } from '../understand/topic-index.js';
import { rankFacts } from './rank-facts.js';
import { type ComparedSubject, type CompareReply, factView, type TopicRef } from './reply.js';

const MAX_SUBJECTS = 4;
const SUMMARY_FACTS = 3;

/**
 * Puts topics side by side: for subjects that every side has a fact about (found as rare words
 * the facts share), the facts face each other; then each side's own summary.
 */
export function compareTopics(
  index: TopicIndex,
  sides: number[],
  question: string,
  read: ReadQuestion,
  confidence: number,
  sure: boolean,
): CompareReply {
  const topics = sides.map((side) => index.topics[side] as Topic);
  const refs: TopicRef[] = topics.map((topic) => ({ id: topic.id, title: topic.title }));
  const sideFacts = sides.map((side) => {
    const first = index.firstFact[side] ?? 0;
    const last = index.firstFact[side + 1] ?? index.facts.length;
    return index.facts.slice(first, last);
  });
  const nameStems = new Set(
    topics.flatMap((topic) =>
      [topic.name, ...topic.aliases].flatMap((name) => name.split(/\s+/)).map((w) => stem(w.toLowerCase())),
    ),
  );

  // Rare words all sides use: the rarer, the more telling the comparison.
  const sideStems = sides.map((side, i) => stemsOfTopic(index, side, sideFacts[i] ?? []));
  const sharedStems = [...(sideStems[0] ?? [])]
    .filter((stemmed) => stemmed !== NEGATION && !nameStems.has(stemmed))
    .filter((stemmed) => sideStems.every((stems) => stems.has(stemmed)))
    .sort((a, b) => index.idf(b) - index.idf(a));

  const shared: ComparedSubject[] = [];
  const pairings = new Map<string, ComparedSubject>();
  for (const stemmed of sharedStems) {
    const facts = sideFacts.map((facts) => facts.find((fact) => fact.terms.includes(stemmed)));
    const key = facts.map((fact) => fact?.fact ?? -1).join(',');
    const existing = pairings.get(key);
    if (!existing && shared.length >= MAX_SUBJECTS) continue;
    const word = surfaceWord(index, facts[0]?.topic ?? 0, facts[0]?.fact ?? 0, stemmed);
    if (existing) {
      existing.subject = `${existing.subject}, ${word}`;
      continue;
    }
    const subject: ComparedSubject = {
      subject: word,
      facts: facts.map((fact, i) => {
        const topicFact = fact ? topics[i]?.facts[fact.fact] : undefined;
        return topicFact ? factView(topicFact) : null;
      }),
    };
    pairings.set(key, subject);
    shared.push(subject);
  }

  return {
    intent: 'compare',
    question,
    topics: refs,
    confidence,
    sure,
    shared,
    sides: sides.map((side, i) => {
      const topic = topics[i] as Topic;
      const ranked = rankFacts(index, side, read);
      const matching = ranked.filter((fact) => fact.score > 0).map((fact) => fact.fact);
      const order = [...new Set([...matching, ...topic.facts.map((_, f) => f)])].slice(0, SUMMARY_FACTS);
      return {
        topic: refs[i] as TopicRef,
        summary: order.flatMap((f) => (topic.facts[f] ? [factView(topic.facts[f] as Fact)] : [])),
        source: { file: topic.source.file, heading: topic.title, line: topic.source.line },
      };
    }),
  };
}

/** Each compared topic's stems, in the order its facts first use them; made once a topic. */
const topicStems = new WeakMap<TopicIndex, Map<number, ReadonlySet<string>>>();

function stemsOfTopic(index: TopicIndex, topic: number, facts: readonly IndexedFact[]): ReadonlySet<string> {
  let byTopic = topicStems.get(index);
  if (!byTopic) {
    byTopic = new Map();
    topicStems.set(index, byTopic);
  }
  let stems = byTopic.get(topic);
  if (!stems) {
    stems = new Set(facts.flatMap((fact) => fact.terms));
    byTopic.set(topic, stems);
  }
  return stems;
}

/** The word as the notes spell it, for a subject label. */
function surfaceWord(index: TopicIndex, topic: number, fact: number, stemmed: string): string {
  const text = index.topics[topic]?.facts[fact];
  if (!text) return stemmed;
  const found = [text.text, ...text.subPoints]
    .join(' ')
    .split(/[^\p{L}\p{N}]+/u)
    .find((word) => stem(word.toLowerCase()) === stemmed);
  return found?.toLowerCase() ?? stemmed;
}
