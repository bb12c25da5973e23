import type { KnowledgeBase } from '../knowledge/types.js';
import type { ReviewTopic } from './study-plan.js';

const made = new WeakMap<KnowledgeBase, readonly ReviewTopic[]>();

/** The notes' topics as the review deck knows them, made once per loaded notes. */
export function reviewTopicsOf(knowledge: KnowledgeBase): readonly ReviewTopic[] {
  let topics = made.get(knowledge);
  if (!topics) {
    topics = knowledge.topics.map((topic) => ({ id: topic.id, title: topic.title, file: topic.source.file }));
    made.set(knowledge, topics);
  }
  return topics;
}
