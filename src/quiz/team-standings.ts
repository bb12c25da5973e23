import type { ChannelMemberScore, ChannelTopicResult, ScoreRow } from '../store/store.js';
import { byWeakness } from './personal-score.js';
import type { TeamStanding } from './records.js';

/**
 * A team's score is the points of its best this-many members added up: a big channel does not win
 * by size alone, and a small one with a few keen members can.
 */
export const TEAM_BEST_OF = 3;

/** Best first, as the leaderboard orders people: points, then right answers, then user id. */
function byPoints(a: ScoreRow, b: ScoreRow): number {
  return b.points - a.points || b.right - a.right || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

function standingOf(
  channelId: string,
  members: readonly ChannelMemberScore[],
  topics: readonly ChannelTopicResult[],
): TeamStanding {
  const best: ScoreRow[] = [...members]
    .sort(byPoints)
    .slice(0, TEAM_BEST_OF)
    .map(({ userId, points, answered, right }) => ({ userId, points, answered, right }));
  const answered = members.reduce((sum, member) => sum + member.answered, 0);
  const right = members.reduce((sum, member) => sum + member.right, 0);
  const weakest = topics
    .filter((topic) => topic.right < topic.answered)
    .map(({ topicId, topicTitle, answered, right }) => ({ topicId, topicTitle, answered, right }))
    .sort(byWeakness)[0];
  return {
    channelId,
    score: best.reduce((sum, row) => sum + row.points, 0),
    members: members.length,
    answered,
    right,
    accuracy: answered === 0 ? null : right / answered,
    weakest: weakest ?? null,
    best,
  };
}

/**
 * Ranks the workspace's channels for one period. `scores` and `topics` are the period's daily-quiz
 * totals per channel (member and topic); every scheduled channel is a team even before anyone
 * answered, and so is any channel with scores (one whose schedule was since turned off). Best
 * first: score, then accuracy (a team nobody answered for last), then channel id.
 */
export function rankTeams(
  scores: readonly ChannelMemberScore[],
  topics: readonly ChannelTopicResult[],
  scheduledChannels: readonly string[],
): TeamStanding[] {
  const channels = new Set([...scheduledChannels, ...scores.map((row) => row.channelId)]);
  return [...channels]
    .map((channelId) =>
      standingOf(
        channelId,
        scores.filter((row) => row.channelId === channelId),
        topics.filter((row) => row.channelId === channelId),
      ),
    )
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.accuracy ?? -1) - (a.accuracy ?? -1) ||
        (a.channelId < b.channelId ? -1 : a.channelId > b.channelId ? 1 : 0),
    );
}
