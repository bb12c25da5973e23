import { describe, expect, it } from 'vitest';
import { rankTeams, TEAM_BEST_OF } from '../../src/quiz/team-standings.js';
import type { ChannelMemberScore, ChannelTopicResult } from '../../src/store/store.js';

function member(
  channelId: string,
  userId: string,
  points: number,
  answered = 1,
  right = 1,
): ChannelMemberScore {
  return { channelId, userId, points, answered, right };
}

function topic(channelId: string, topicId: string, answered: number, right: number): ChannelTopicResult {
  return { channelId, topicId, topicTitle: topicId.toUpperCase(), answered, right };
}

describe('rankTeams', () => {
  it('lists a scheduled channel nobody has answered in yet', () => {
    expect(rankTeams([], [], ['C1'])).toEqual([
      {
        channelId: 'C1',
        score: 0,
        members: 0,
        answered: 0,
        right: 0,
        accuracy: null,
        weakest: null,
        best: [],
      },
    ]);
  });

  it('lists a channel with scores whose schedule was turned off, and each channel once', () => {
    const teams = rankTeams([member('C2', 'U1', 10)], [], ['C1', 'C1']);
    expect(teams.map((team) => team.channelId)).toEqual(['C2', 'C1']);
  });

  it('scores a team by its best three members, so size alone does not win', () => {
    expect(TEAM_BEST_OF).toBe(3);
    const big = Array.from({ length: 10 }, (_, i) => member('CBIG', `U${i}`, 10));
    const small = [member('CSMALL', 'UA', 15), member('CSMALL', 'UB', 15), member('CSMALL', 'UC', 15)];
    const [first, second] = rankTeams([...big, ...small], [], []);
    expect(first).toMatchObject({ channelId: 'CSMALL', score: 45, members: 3 });
    expect(second).toMatchObject({ channelId: 'CBIG', score: 30, members: 10, answered: 10, right: 10 });
  });

  it('names the best members, best first (points, then right answers, then user id)', () => {
    const scores = [
      member('C1', 'U4', 10, 3, 1),
      member('C1', 'U3', 10, 2, 2),
      member('C1', 'U1', 25, 3, 2),
      member('C1', 'U2', 10, 2, 2),
      member('C1', 'U5', 5, 1, 1),
    ];
    const [team] = rankTeams(scores, [], ['C1']);
    expect(team?.best).toEqual([
      { userId: 'U1', points: 25, answered: 3, right: 2 },
      { userId: 'U2', points: 10, answered: 2, right: 2 },
      { userId: 'U3', points: 10, answered: 2, right: 2 },
    ]);
    expect(team).toMatchObject({ score: 45, members: 5, answered: 11, right: 8, accuracy: 8 / 11 });
  });

  it('breaks a tie on score by accuracy, then by channel id', () => {
    const scores = [
      member('C1', 'U1', 20, 4, 2),
      member('C2', 'U2', 20, 2, 2),
      member('C0', 'U3', 20, 4, 2),
      member('C3', 'U4', 0, 1, 0),
    ];
    const teams = rankTeams(scores, [], ['C3', 'C4']);
    // C4 (nobody answered) ranks below C3 (all wrong) at the same score.
    expect(teams.map((team) => team.channelId)).toEqual(['C2', 'C0', 'C1', 'C3', 'C4']);
  });

  it("names each team's weakest topic among those it got wrong", () => {
    const topics = [
      topic('C1', 's3', 4, 4),
      topic('C1', 'iam', 4, 2),
      topic('C1', 'vpc', 2, 1),
      topic('C1', 'ecs', 4, 3),
      topic('C2', 'lambda', 5, 0),
      topic('C3', 's3', 3, 3),
    ];
    const teams = rankTeams([], topics, ['C1', 'C2', 'C3']);
    const weakest = Object.fromEntries(teams.map((team) => [team.channelId, team.weakest]));
    // iam and vpc are both at 50%; iam has more wrong answers.
    expect(weakest).toEqual({
      C1: { topicId: 'iam', topicTitle: 'IAM', answered: 4, right: 2 },
      C2: { topicId: 'lambda', topicTitle: 'LAMBDA', answered: 5, right: 0 },
      C3: null,
    });
  });
});
