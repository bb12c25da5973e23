import { stem, words } from '../knowledge/text.js';
import type { KnowledgeBase, Topic } from '../knowledge/types.js';
import type { FitCheck } from './fit-check.js';
import type { TopicNames } from './names.js';
import { informative } from './statements.js';

/** Another topic as a wrong option for questions on a topic, with how easily it is confused with it. */
export interface Neighbour {
  topic: Topic;
  /** 0..1: 1 for a topic the notes link to it, falling for ones that only share words. */
  closeness: number;
}

const CLOSENESS_BY_TIER = [1, 0.85, 0.7, 0.5, 0.2] as const;

/**
 * The other topics, those a learner could really confuse with a topic first: linked by `See also`,
 * of the same category (a heading's `(serverless)`), named in each other's notes, sharing rare
 * words. Deterministic: ties keep the notes' order.
 */
export function rankNeighbours(
  knowledge: KnowledgeBase,
  names: TopicNames,
  fit: FitCheck,
): Map<string, Neighbour[]> {
  const categories = new Map(
    knowledge.topics.map((topic) => [
      topic.id,
      new Set(words(topic.categories.join(' ')).filter(informative).map(stem)),
    ]),
  );
  const factText = new Map(
    knowledge.topics.map((topic) => [
      topic.id,
      topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints]).join(' '),
    ]),
  );
  const ranked = new Map<string, Neighbour[]>();
  for (const topic of knowledge.topics) {
    const own = fit.profileVocabulary(topic.id);
    const mine = categories.get(topic.id) ?? new Set<string>();
    const scored = knowledge.topics.flatMap((other, index) => {
      if (other.id === topic.id) return [];
      let tier = 4;
      const theirs = categories.get(other.id) ?? new Set<string>();
      if (topic.related.includes(other.id) || other.related.includes(topic.id)) tier = 0;
      // `commits` in the headings of most topics on git is what the notes are about, no category.
      else if ([...mine].some((category) => theirs.has(category) && !fit.widespread(category))) tier = 1;
      else if (
        names.names(factText.get(topic.id) ?? '', other.id) ||
        names.names(factText.get(other.id) ?? '', topic.id)
      )
        tier = 2;
      let shared = 0;
      for (const stemmed of fit.profileVocabulary(other.id))
        if (own.has(stemmed) && fit.distinctive(stemmed)) shared += fit.idf(stemmed);
      if (tier === 4 && shared > 0) tier = 3;
      return [{ topic: other, tier, shared, index }];
    });
    scored.sort((a, b) => a.tier - b.tier || b.shared - a.shared || a.index - b.index);
    ranked.set(
      topic.id,
      scored.map((item) => ({ topic: item.topic, closeness: CLOSENESS_BY_TIER[item.tier] ?? 0.2 })),
    );
  }
  return ranked;
}
