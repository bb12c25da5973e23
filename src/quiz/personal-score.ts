import type { QuizAnswer } from '../store/store.js';
import type { PersonalScore, TopicRecord } from './records.js';
import { streakOf } from './streak.js';

/** How many weak topics a personal score lists. */
export const WEAKEST_TOPICS = 3;

/**
 * Orders topic records (each answered at least once) weakest first: lower accuracy, then more wrong answers (0 of 5 is weaker than 0 of 1), then
 * title and id, so the order never depends on the input's.
 */
export function byWeakness(a: TopicRecord, b: TopicRecord): number {
  return (
    a.right / a.answered - b.right / b.answered ||
    b.answered - b.right - (a.answered - a.right) ||
    a.topicTitle.localeCompare(b.topicTitle, 'en') ||
    (a.topicId < b.topicId ? -1 : a.topicId > b.topicId ? 1 : 0)
  );
}

/**
 * One person's score from all their answers in a workspace (oldest first), on their local day
 * `today`. Points come from daily quizzes only (practice answers carry 0); answered, right and
 * accuracy count practice too; the streak counts the person's local days with a right daily answer.
 */
export function personalScore(answers: readonly QuizAnswer[], today: string): PersonalScore {
  let points = 0;
  let right = 0;
  const rightDays: string[] = [];
  const topics = new Map<string, TopicRecord>();
  for (const answer of answers) {
    points += answer.points;
    if (answer.correct) right++;
    if (answer.correct && answer.mode === 'daily') rightDays.push(answer.localDate);
    const topic = topics.get(answer.topicId) ?? {
      topicId: answer.topicId,
      topicTitle: '',
      answered: 0,
      right: 0,
    };
    // Oldest first: the title is the latest one, should the notes have renamed the topic.
    topic.topicTitle = answer.topicTitle;
    topic.answered++;
    if (answer.correct) topic.right++;
    topics.set(answer.topicId, topic);
  }
  return {
    points,
    answered: answers.length,
    right,
    accuracy: answers.length === 0 ? null : right / answers.length,
    streak: streakOf(rightDays, today),
    weakest: [...topics.values()]
      .filter((topic) => topic.right < topic.answered)
      .sort(byWeakness)
      .slice(0, WEAKEST_TOPICS),
  };
}
