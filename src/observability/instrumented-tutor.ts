import type { KnowledgeBase } from '../knowledge/types.js';
import type { Reply } from '../tutor/reply.js';
import type { Tutor } from '../tutor/tutor.js';
import type { Metrics } from './metrics.js';

/**
 * The tutor the Slack face uses, counting every answer by intent. Only what people are shown is
 * counted: the quiz generator's own checks go to the tutor underneath.
 */
export class InstrumentedTutor implements Tutor {
  constructor(
    private readonly tutor: Tutor,
    private readonly metrics: Metrics,
  ) {}

  answer(question: string): Reply {
    const reply = this.tutor.answer(question);
    this.metrics.answered(reply.intent);
    return reply;
  }

  /** Not a learner's question, the quiz's own check: not counted. */
  topicsOf(question: string): { topics: string[]; suggestions: string[] } {
    return this.tutor.topicsOf(question);
  }

  explainTopic(topicId: string): Reply {
    const reply = this.tutor.explainTopic(topicId);
    this.metrics.answered(reply.intent);
    return reply;
  }

  /** The notes as they are now (a reload swaps them underneath). */
  get knowledge(): KnowledgeBase {
    return this.tutor.knowledge;
  }
}
