import type { Reply } from '../tutor/reply.js';
import { keepableText } from './keep-text.js';
import { questionKey } from './question-key.js';
import type { ChannelKind, NewGap, TopicLabel } from './records.js';

/** Where a question was asked. */
export interface AskedWhere {
  teamId: string;
  channelKind: ChannelKind;
}

/** What a question leaves behind: a count for the day, and the question itself when the notes fell short. */
export interface NotedQuestion {
  teamId: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  answered: boolean;
  gap: NewGap | null;
}

/**
 * Questions about AWS: the answers from the notes and "the notes don't cover it". Commands (help,
 * the topic list, quizzes and scores) and small talk ("hi", "thanks") are not questions the notes
 * could miss.
 */
function isQuestion(reply: Reply): boolean {
  if (reply.intent === 'unknown') return reply.smallTalk !== true;
  return reply.intent === 'explain' || reply.intent === 'compare';
}

function label(topic: { id: string; title: string }): TopicLabel {
  return { id: topic.id, title: topic.title };
}

/** The topic nearest a question: the one guessed, else the first "did you mean" or mention. */
function nearestOf(reply: Reply): TopicLabel | null {
  if (reply.intent === 'unknown') {
    const near = reply.suggestions[0] ?? reply.mentionedIn[0]?.topics[0];
    return near ? label(near) : null;
  }
  const first = reply.topics[0];
  return first ? label(first) : null;
}

/**
 * What to keep of a reply: null for a command; otherwise a count, and, for "the notes don't cover
 * it" and for a guess (`sure: false`), the question and the reply given (never who asked).
 */
export function notedQuestion(reply: Reply, where: AskedWhere, now: Date): NotedQuestion | null {
  if (!isQuestion(reply)) return null;
  const answered = reply.intent !== 'unknown' && reply.sure;
  const day = now.toISOString().slice(0, 10);
  if (answered) return { teamId: where.teamId, day, answered, gap: null };
  const question = keepableText(reply.question);
  return {
    teamId: where.teamId,
    day,
    answered,
    gap: {
      teamId: where.teamId,
      kind: reply.intent === 'unknown' ? 'unknown' : 'guess',
      question,
      questionKey: questionKey(question),
      intent: reply.intent,
      topics: reply.topics.map(label),
      confidence: reply.confidence,
      // A need that sounds like a service the notes lack asks for that service's topic too.
      notCovered:
        reply.intent === 'unknown'
          ? [...reply.notCovered, ...(reply.soundsLike ? [reply.soundsLike] : [])]
          : [],
      nearest: nearestOf(reply),
      quizQuestionId: null,
      channelKind: where.channelKind,
      askedAt: now,
    },
  };
}

/** A reported quiz question, kept as a gap of its topic (who reported it is kept with the report only). */
export function reportedQuestion(
  quiz: { teamId: string; question: { id: string; stem: string; topic: { id: string; title: string } } },
  channelKind: ChannelKind,
  now: Date,
): NewGap {
  const question = keepableText(quiz.question.stem);
  return {
    teamId: quiz.teamId,
    kind: 'reported',
    question,
    questionKey: questionKey(question),
    intent: 'quiz',
    topics: [label(quiz.question.topic)],
    confidence: 1,
    notCovered: [],
    nearest: label(quiz.question.topic),
    quizQuestionId: quiz.question.id,
    channelKind,
    askedAt: now,
  };
}
