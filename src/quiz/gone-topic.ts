import { phraseKey } from '../knowledge/text.js';
import type { TopicRef } from '../tutor/reply.js';
import type { Tutor } from '../tutor/tutor.js';

/** Topics offered instead of one that left the notes. */
const NEAREST = 3;

/**
 * The topics nearest to one that is no longer in the notes (a "Quiz me on this" button posted
 * before a reload), by what the answering engine makes of its id's words (`api-gateway` is asked
 * as "api gateway"): its topic, the ones it links to, or its "did you mean"s, and the topics whose
 * notes still mention it.
 */
export function nearestTopics(tutor: Tutor, goneTopicId: string): TopicRef[] {
  const words = goneTopicId.replace(/[-_]+/g, ' ');
  const reply = tutor.answer(words);
  const found: TopicRef[] = [...reply.topics];
  if (reply.intent === 'explain') found.push(...reply.related);
  if (reply.intent === 'unknown') found.push(...reply.suggestions);
  // The engine knows no such name any more: the topics whose notes still mention it are near.
  const key = ` ${phraseKey(words)} `;
  for (const topic of tutor.knowledge.topics) {
    const text = ` ${phraseKey(topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints]).join(' '))} `;
    if (text.includes(key)) found.push({ id: topic.id, title: topic.title });
  }
  const seen = new Set<string>();
  return found
    .filter((topic) => topic.id !== goneTopicId && !seen.has(topic.id) && seen.add(topic.id))
    .slice(0, NEAREST);
}
