import type { Button, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { PersonalScore, TeamStanding } from '../../../src/quiz/records.js';
import { QUIZ_ME_PATTERN, quizMeActionId } from '../../../src/slack/blocks/action-ids.js';
import type { SlackMessage } from '../../../src/slack/blocks/render-reply.js';
import {
  leaderboardLines,
  renderLeaderboard,
  renderPersonalScore,
  renderTeamStandings,
} from '../../../src/slack/blocks/render-scores.js';
import type { ScoreRow } from '../../../src/store/store.js';
import { allStrings, assertWithinBlockKitLimits, liveMarkup } from '../../helpers/block-kit-limits.js';
import { textOf } from '../../helpers/message-text.js';

const accessories = (message: SlackMessage): Button[] =>
  message.blocks
    .filter((block): block is SectionBlock => block.type === 'section')
    .flatMap((block) => (block.accessory?.type === 'button' ? [block.accessory] : []));

/** Within limits, and no live markup but the user and channel mentions expected. */
function checked(message: SlackMessage, users: string[] = [], channels: string[] = []): SlackMessage {
  assertWithinBlockKitLimits(message);
  const live = allStrings(message)
    .flatMap((text) => liveMarkup(text, users))
    .filter((token) => !channels.some((channel) => token === `<#${channel}>`));
  expect(live).toEqual([]);
  return message;
}

const user = (i: number): string => `U${String(i).padStart(5, '0')}`;
const channel = (i: number): string => `C${String(i).padStart(5, '0')}`;

/** `count` rows best first: points falling by 3, a tie at ranks 2 and 3. */
function rowsOf(count: number): ScoreRow[] {
  return Array.from({ length: count }, (_, i) => {
    const points = i === 2 ? 3 * count - 3 : 3 * count - 3 * i;
    return { userId: user(i + 1), points, answered: 6, right: i === 2 ? 5 : Math.max(0, 5 - (i % 6)) };
  }).map((row, i) => (i === 1 ? { ...row, right: 5 } : row));
}

describe('renderLeaderboard', () => {
  it('ranks the top ten with medals, points and right answers, the viewer bold', () => {
    const rows = rowsOf(12);
    const message = checked(
      renderLeaderboard(rows, { kind: 'channel', channelId: 'C1' }, 'week', user(4)),
      rows.map((row) => row.userId),
      ['C1'],
    );
    expect(message.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Quiz leaderboard · last 7 days' },
    });
    const text = textOf(message);
    expect(text).toContain('Daily quiz points in <#C1>, last 7 days');
    expect(text).toContain(`🥇 <@${user(1)}> — 36 points · 5/6 right`);
    // Equal points and right answers share a rank.
    expect(text).toContain(`🥈 <@${user(2)}> — 33 points · 5/6 right`);
    expect(text).toContain(`🥈 <@${user(3)}> — 33 points · 5/6 right`);
    expect(text).toContain(`*4. <@${user(4)}> — 27 points · 2/6 right* (you)`);
    expect(text).toContain(`10. <@${user(10)}>`);
    expect(text).not.toContain(`<@${user(11)}>`);
    expect(text).toContain('12 people on the board');
    expect(message.text).toBe('Quiz leaderboard in <#C1> (last 7 days): you are 4th of 12.');
  });

  it('adds the viewer’s own line when they rank below the top ten', () => {
    const rows = rowsOf(2000);
    const lines = leaderboardLines(rows, user(1500));
    expect(lines).toHaveLength(12);
    expect(lines[10]).toBe('⋮');
    expect(lines[11]).toBe(`*1,500. <@${user(1500)}> — 1,503 points · 0/6 right* (you)`);
    expect(leaderboardLines(rows, user(11))).toHaveLength(11);
    expect(leaderboardLines(rows, 'U_NOT_THERE')).toHaveLength(10);

    const message = checked(
      renderLeaderboard(rows, { kind: 'workspace' }, 'all', user(1500)),
      rows.map((row) => row.userId),
    );
    expect(message.blocks.length).toBeLessThanOrEqual(6);
    expect(textOf(message)).toContain('Daily quiz points in this workspace, all time');
    expect(textOf(message)).toContain('2,000 people on the board');
    expect(message.text).toBe('Quiz leaderboard in this workspace (all time): you are 1,500th of 2,000.');
  });

  it('tells a viewer who is not on the board how to join', () => {
    const message = renderLeaderboard(rowsOf(3), { kind: 'workspace' }, 'month', 'U999');
    expect(textOf(message)).toContain('you’re not on it yet: answer a daily quiz to join');
    expect(message.text).toBe('Quiz leaderboard in this workspace (last 30 days): 3 people on the board.');
  });

  it('says kindly that there are no answers yet, with how to turn the daily quiz on', () => {
    const message = checked(
      renderLeaderboard([], { kind: 'channel', channelId: 'C1' }, 'week', 'U1'),
      [],
      ['C1'],
    );
    expect(message.text).toBe('No daily quiz answers in <#C1> in the last 7 days.');
    expect(textOf(message)).toContain('`/aws quiz daily 09:00 Europe/Berlin`');
    expect(renderLeaderboard([], { kind: 'workspace' }, 'all', 'U1').text).toBe(
      'No daily quiz answers yet in this workspace.',
    );
  });

  it('mentions only real user and channel ids', () => {
    const rows: ScoreRow[] = [
      { userId: '<!channel>', points: 3, answered: 1, right: 1 },
      { userId: 'U1> <!here', points: 2, answered: 1, right: 1 },
    ];
    const message = checked(
      renderLeaderboard(rows, { kind: 'channel', channelId: '<!everyone>' }, 'week', 'x'),
    );
    expect(textOf(message)).toContain('&lt;!channel&gt;');
  });
});

describe('renderTeamStandings', () => {
  const standing = (i: number, score: number): TeamStanding => ({
    channelId: channel(i),
    score,
    members: 8 + i,
    answered: 40,
    right: 30,
    accuracy: 0.745,
    weakest: { topicId: 'lambda', topicTitle: 'Lambda', answered: 10, right: 2 },
    best: [],
  });

  it('ranks channels by their best three, with members, accuracy and weakest topic', () => {
    const standings = [
      standing(1, 120),
      standing(2, 90),
      { ...standing(3, 40), weakest: null, accuracy: null },
    ];
    const message = checked(
      renderTeamStandings(standings, 'week'),
      [],
      standings.map((s) => s.channelId),
    );
    expect(message.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Team standings · last 7 days' },
    });
    const text = textOf(message);
    expect(text).toContain(`🥇 <#${channel(1)}> — 120 points · 9 members · 75% right · weakest: Lambda`);
    expect(text).toContain(`🥈 <#${channel(2)}> — 90 points · 10 members`);
    expect(text).toContain(`🥉 <#${channel(3)}> — 40 points · 11 members · no answers`);
    expect(text).toContain('so a big channel does not win by size alone');
    expect(message.text).toBe(
      `Team standings (last 7 days): <#${channel(1)}> leads with 120 points, 3 channels ranked.`,
    );
  });

  it('keeps 300 teams within limits, naming the top ten', () => {
    const standings = Array.from({ length: 300 }, (_, i) => ({
      ...standing(i, 3000 - i),
      weakest: { topicId: 't', topicTitle: `<!channel> ${'&'.repeat(3000)}`, answered: 1, right: 0 },
    }));
    const message = checked(
      renderTeamStandings(standings, 'all'),
      [],
      standings.map((s) => s.channelId),
    );
    const text = textOf(message);
    expect(text).toContain(`10. <#${channel(9)}>`);
    expect(text).not.toContain(`<#${channel(10)}>`);
    expect(text).toContain('…and 290 more channels');
  });

  it('gives a hint when no channel has answers', () => {
    const message = checked(renderTeamStandings([], 'month'));
    expect(message.text).toBe('No channel has daily quiz answers in the last 30 days.');
    expect(textOf(message)).toContain('/aws quiz daily 09:00 Europe/Berlin');
  });
});

describe('renderPersonalScore', () => {
  const score: PersonalScore = {
    points: 42,
    answered: 23,
    right: 17,
    accuracy: 17 / 23,
    streak: 4,
    weakest: [
      { topicId: 'lambda', topicTitle: 'Lambda', answered: 4, right: 1 },
      { topicId: 'ecs', topicTitle: 'ECS <b> & co', answered: 3, right: 2 },
    ],
  };

  it('shows points, streak, accuracy and a quiz button per weak topic', () => {
    const message = checked(renderPersonalScore(score, 'U1'), ['U1']);
    const text = textOf(message);
    expect(text).toContain('*42 points* from daily quizzes · 🔥 4-day streak');
    expect(text).toContain('Accuracy: 74% (17 of 23 right) · 23 questions answered, daily and practice');
    expect(text).toContain('*Lambda* — 1 of 4 right (25%)');
    expect(text).toContain('*ECS &lt;b&gt; &amp; co* — 2 of 3 right (67%)');
    expect(accessories(message).map((b) => [b.text.text, b.action_id, b.value])).toEqual([
      ['Quiz me on this', quizMeActionId(0), 'lambda'],
      ['Quiz me on this', quizMeActionId(1), 'ecs'],
    ]);
    expect(accessories(message).every((b) => QUIZ_ME_PATTERN.test(b.action_id ?? ''))).toBe(true);
    expect(message.text).toBe('Your quiz score: 42 points, 74% right, 4-day streak.');
  });

  it('says when there is no streak or no answer yet', () => {
    const cold = textOf(renderPersonalScore({ ...score, streak: 0, weakest: [] }, 'U1'));
    expect(cold).toContain('no streak running');
    expect(cold).not.toContain('Topics to practise');
    const none = checked(
      renderPersonalScore({ points: 0, answered: 0, right: 0, accuracy: null, streak: 0, weakest: [] }, 'U1'),
      ['U1'],
    );
    expect(none.text).toBe('No answers yet: try `/aws quiz`.');
    expect(accessories(none)).toEqual([]);
  });

  it('keeps huge titles within limits', () => {
    const weakest = [0, 1, 2].map((i) => ({
      topicId: `t${i}${'x'.repeat(3000)}`,
      topicTitle: `<!here> ${'&<>'.repeat(2000)}`,
      answered: 1_000_000,
      right: 1,
    }));
    checked(renderPersonalScore({ ...score, points: 123_456_789, streak: 10_000, weakest }, '<!channel>'));
  });
});
