import type { ChannelTopicResult } from '../quiz/records.js';
import type { GapGroup } from './gap-groups.js';
import type { QuestionTotals } from './records.js';

/** A topic's share right in the daily quiz this week, and the week before when it was asked then. */
export interface TopicTrend {
  title: string;
  answered: number;
  shareRight: number;
  previousShareRight: number | null;
}

/** What the weekly digest says about the last seven days of one workspace. */
export interface Digest {
  teamId: string;
  from: Date;
  to: Date;
  totals: QuestionTotals;
  /** The biggest gaps of the week: unanswered questions and 👎, most first. */
  topGaps: GapGroup[];
  /** Topics whose share right rose most since the week before. */
  improved: TopicTrend[];
  /** Topics with the lowest share right this week. */
  weakest: TopicTrend[];
  /** Personal reviews done this week. */
  reviews: number;
}

/** A topic's figures count for the digest from this many answers in a week. */
export const DIGEST_MIN_ANSWERS = 3;
const SHOWN = 3;

function totalsByTopic(
  results: readonly ChannelTopicResult[],
): Map<string, { title: string; answered: number; right: number }> {
  const topics = new Map<string, { title: string; answered: number; right: number }>();
  for (const result of results) {
    const totals = topics.get(result.topicId) ?? { title: result.topicTitle, answered: 0, right: 0 };
    totals.answered += result.answered;
    totals.right += result.right;
    topics.set(result.topicId, totals);
  }
  return topics;
}

/**
 * The trends of the week: `thisWeek` are the daily quiz results since a week ago, `twoWeeks` since
 * two weeks ago (so the week before is their difference).
 */
export function topicTrends(
  thisWeek: readonly ChannelTopicResult[],
  twoWeeks: readonly ChannelTopicResult[],
): TopicTrend[] {
  const now = totalsByTopic(thisWeek);
  const both = totalsByTopic(twoWeeks);
  const trends: TopicTrend[] = [];
  for (const [topicId, week] of now) {
    if (week.answered < DIGEST_MIN_ANSWERS) continue;
    const all = both.get(topicId);
    const beforeAnswered = (all?.answered ?? week.answered) - week.answered;
    const beforeRight = (all?.right ?? week.right) - week.right;
    trends.push({
      title: week.title,
      answered: week.answered,
      shareRight: week.right / week.answered,
      previousShareRight: beforeAnswered >= DIGEST_MIN_ANSWERS ? beforeRight / beforeAnswered : null,
    });
  }
  return trends;
}

export interface DigestInputs {
  teamId: string;
  from: Date;
  to: Date;
  totals: QuestionTotals;
  groups: readonly GapGroup[];
  trends: readonly TopicTrend[];
  reviews: number;
}

export function buildDigest(inputs: DigestInputs): Digest {
  const gain = (trend: TopicTrend) => trend.shareRight - (trend.previousShareRight ?? trend.shareRight);
  return {
    teamId: inputs.teamId,
    from: inputs.from,
    to: inputs.to,
    totals: inputs.totals,
    topGaps: inputs.groups
      .filter((group) => group.kind === 'unanswered' || group.kind === 'downvoted')
      .sort((a, b) => b.count - a.count)
      .slice(0, SHOWN),
    improved: inputs.trends
      .filter((trend) => gain(trend) > 0)
      .sort((a, b) => gain(b) - gain(a) || a.title.localeCompare(b.title))
      .slice(0, SHOWN),
    weakest: [...inputs.trends]
      .sort((a, b) => a.shareRight - b.shareRight || b.answered - a.answered)
      .slice(0, SHOWN),
    reviews: inputs.reviews,
  };
}
