import type { KnownBlock } from '@slack/types';
import type { PersonalScore, ScorePeriod, ScoreRow, TeamStanding } from '../../quiz/records.js';
import { quizMeActionId } from './action-ids.js';
import { fitFallbackText, fitMessage } from './limits.js';
import { bold, escapeAndTruncate, mentionUser } from './mrkdwn.js';
import {
  button,
  context,
  header,
  mentionChannel,
  packSections,
  plural,
  type SlackMessage,
  section,
  sectionWithButton,
} from './render-reply.js';

/** Whose answers a leaderboard ranks: one channel's daily quizzes, or the whole workspace's. */
export type LeaderboardScope = { kind: 'channel'; channelId: string } | { kind: 'workspace' };

/** How many people a leaderboard names (plus the viewer, when they rank lower). */
export const LEADERBOARD_SHOWN = 10;
/** How many channels the team standings name. */
export const TEAMS_SHOWN = 10;
/** A topic's title in a line of scores. */
const TOPIC_TITLE_CHARS = 150;
const MEDALS = ['🥇', '🥈', '🥉'] as const;

/** The hint for turning the daily quiz on, wherever there are no scores yet. */
export const DAILY_QUIZ_HINT =
  'A daily quiz posts one question a day in a channel: `/aws quiz daily 09:00 Europe/Berlin` (your time and time zone) turns it on there. To practise on your own, try `/aws quiz`.';

const PERIODS: Record<ScorePeriod, { title: string; within: string }> = {
  week: { title: 'last 7 days', within: 'in the last 7 days' },
  month: { title: 'last 30 days', within: 'in the last 30 days' },
  all: { title: 'all time', within: 'so far' },
};

const number = (n: number): string => n.toLocaleString('en-US');

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '0%';
}

function accuracyText(accuracy: number | null): string {
  return accuracy === null ? 'no answers' : `${Math.round(accuracy * 100)}% right`;
}

/** "1st", "2nd", "3rd", "4th", "11th", "22nd". */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${number(n)}${suffix}`;
}

/** 🥇, 🥈, 🥉 for the top three ranks, then `4.`, `5.`… */
function rankMark(rank: number): string {
  return MEDALS[rank - 1] ?? `${number(rank)}.`;
}

/**
 * Ranks of items already ordered best first: equal keys share a rank, and the next rank skips as
 * many as shared it (1, 2, 2, 4).
 */
function ranks<T>(items: T[], key: (item: T) => string): number[] {
  const out: number[] = [];
  items.forEach((item, i) => {
    const previous = items[i - 1];
    const same = previous !== undefined && key(previous) === key(item);
    out.push(same ? (out[i - 1] ?? i + 1) : i + 1);
  });
  return out;
}

const rowKey = (row: ScoreRow): string => `${row.points}:${row.right}`;

function message(text: string, blocks: KnownBlock[]): SlackMessage {
  return { text: fitFallbackText(text), blocks: fitMessage(blocks) };
}

// ---- Leaderboards ------------------------------------------------------------------------------

/** `🥇 <@U1> — 42 points · 5/6 right`, bold and marked "(you)" for the viewer. */
function scoreLine(row: ScoreRow, rank: number, viewerId: string): string {
  const line = `${rankMark(rank)} ${mentionUser(row.userId)} — ${plural(row.points, 'point')} · ${number(row.right)}/${number(row.answered)} right`;
  return row.userId === viewerId ? `${bold(line)} (you)` : line;
}

/**
 * The lines of a leaderboard from every row, best first: the top ten, and the viewer's own line
 * after them when they rank lower. Equal points and right answers share a rank.
 */
export function leaderboardLines(rows: ScoreRow[], viewerId: string, shown = LEADERBOARD_SHOWN): string[] {
  const ranked = ranks(rows, rowKey);
  const lines = rows.slice(0, shown).map((row, i) => scoreLine(row, ranked[i] ?? i + 1, viewerId));
  const mine = rows.findIndex((row) => row.userId === viewerId);
  const row = rows[mine];
  if (mine >= shown && row) {
    if (mine > shown) lines.push('⋮');
    lines.push(scoreLine(row, ranked[mine] ?? mine + 1, viewerId));
  }
  return lines;
}

function placeOf(where: LeaderboardScope): string {
  return where.kind === 'channel' ? mentionChannel(where.channelId) : 'this workspace';
}

/**
 * A leaderboard of daily-quiz points, in a channel or the workspace: medals for the top three,
 * the top ten, and the viewer's own rank (bold, "(you)") even when lower. `rows` is the whole
 * ranking, best first, however long; only a few lines of it are shown.
 */
export function renderLeaderboard(
  rows: ScoreRow[],
  where: LeaderboardScope,
  period: ScorePeriod,
  viewerId: string,
): SlackMessage {
  const { title, within } = PERIODS[period];
  const place = placeOf(where);
  const heading = header(`Quiz leaderboard · ${title}`);
  if (rows.length === 0) {
    const sentence =
      period === 'all'
        ? `No daily quiz answers yet in ${place}.`
        : `No daily quiz answers in ${place} ${within}.`;
    return message(sentence, [heading, section(sentence), context(DAILY_QUIZ_HINT)]);
  }
  const mine = rows.findIndex((row) => row.userId === viewerId);
  const footer = [
    `${plural(rows.length, 'person', 'people')} on the board`,
    'points come from daily quizzes; practice doesn’t count',
  ];
  if (mine < 0) footer.push('you’re not on it yet: answer a daily quiz to join');
  const blocks: KnownBlock[] = [
    heading,
    context(`Daily quiz points in ${place}, ${title}`),
    ...packSections(leaderboardLines(rows, viewerId)),
    context(footer.join(' · ')),
  ];
  const standing =
    mine >= 0
      ? `you are ${ordinal(ranks(rows, rowKey)[mine] ?? mine + 1)} of ${number(rows.length)}`
      : `${plural(rows.length, 'person', 'people')} on the board`;
  return message(`Quiz leaderboard in ${place} (${title}): ${standing}.`, blocks);
}

/** `🥇 <#C1> — 120 points · 8 members · 74% right · weakest: Lambda`. */
function standingLine(standing: TeamStanding, rank: number): string {
  const parts = [
    `${rankMark(rank)} ${mentionChannel(standing.channelId)} — ${plural(standing.score, 'point')}`,
    plural(standing.members, 'member'),
    accuracyText(standing.accuracy),
  ];
  if (standing.weakest) {
    parts.push(`weakest: ${escapeAndTruncate(standing.weakest.topicTitle, TOPIC_TITLE_CHARS)}`);
  }
  return parts.join(' · ');
}

/**
 * The channels that run the daily quiz, ranked by the points of each one's best three members:
 * score, members, accuracy and weakest topic, the top ten named and the rest counted.
 */
export function renderTeamStandings(standings: TeamStanding[], period: ScorePeriod): SlackMessage {
  const { title, within } = PERIODS[period];
  const heading = header(`Team standings · ${title}`);
  if (standings.length === 0) {
    const sentence =
      period === 'all'
        ? 'No channel has daily quiz answers yet.'
        : `No channel has daily quiz answers ${within}.`;
    return message(sentence, [heading, section(sentence), context(DAILY_QUIZ_HINT)]);
  }
  const ranked = ranks(standings, (standing) => String(standing.score));
  const lines = standings
    .slice(0, TEAMS_SHOWN)
    .map((standing, i) => standingLine(standing, ranked[i] ?? i + 1));
  const more = standings.length - TEAMS_SHOWN;
  if (more > 0) lines.push(`_…and ${plural(more, 'more channel')}_`);
  const blocks: KnownBlock[] = [
    heading,
    ...packSections(lines),
    context(
      'Ranked by the points of each channel’s best three, so a big channel does not win by size alone. Accuracy and the weakest topic count everyone’s answers.',
    ),
  ];
  const first = standings[0];
  const lead = first ? `${mentionChannel(first.channelId)} leads with ${plural(first.score, 'point')}` : '';
  return message(
    `Team standings (${title}): ${lead}, ${plural(standings.length, 'channel')} ranked.`,
    blocks,
  );
}

// ---- A person's own score ----------------------------------------------------------------------

function streakText(streak: number): string {
  return streak > 0
    ? `🔥 ${number(streak)}-day streak`
    : 'no streak running: a right daily answer today starts one';
}

/**
 * A person's score as blocks (for `/aws` and the Home tab): points, streak, accuracy, answers,
 * and the weakest topics, each with a "Quiz me on this" button (`quiz_me:0`…, value the topic id).
 */
export function personalScoreBlocks(score: PersonalScore): KnownBlock[] {
  if (score.answered <= 0) {
    return [
      section(
        'No answers yet: try `/aws quiz` for a practice question, or answer your channel’s daily quiz.',
      ),
    ];
  }
  const accuracy = score.accuracy ?? (score.answered > 0 ? score.right / score.answered : 0);
  const blocks: KnownBlock[] = [
    section(`${bold(plural(score.points, 'point'))} from daily quizzes · ${streakText(score.streak)}`),
    section(
      `Accuracy: ${Math.round(accuracy * 100)}% (${number(score.right)} of ${number(score.answered)} right) · ${plural(score.answered, 'question')} answered, daily and practice`,
    ),
  ];
  if (score.weakest.length > 0) {
    blocks.push(section(bold('Topics to practise')));
    score.weakest.forEach((topic, i) => {
      blocks.push(
        sectionWithButton(
          `${bold(escapeAndTruncate(topic.topicTitle, TOPIC_TITLE_CHARS))} — ${number(topic.right)} of ${number(topic.answered)} right (${percent(topic.right, topic.answered)})`,
          button('Quiz me on this', quizMeActionId(i), topic.topicId),
        ),
      );
    });
  }
  return blocks;
}

/**
 * `/aws` asking for one's own score: points, streak, accuracy and topics to practise, and
 * `reviewLines` (what the review deck adds: cards due, weakest topics) when given.
 */
export function renderPersonalScore(
  score: PersonalScore,
  viewerId: string,
  reviewLines: readonly string[] = [],
): SlackMessage {
  const blocks: KnownBlock[] = [
    header('Your quiz score'),
    ...personalScoreBlocks(score),
    ...packSections([...reviewLines]),
    context(`Scores of ${mentionUser(viewerId)} in this workspace · only you see this`),
  ];
  if (score.answered <= 0) return message('No answers yet: try `/aws quiz`.', blocks);
  const streak = score.streak > 0 ? `, ${number(score.streak)}-day streak` : '';
  const accuracy = score.accuracy === null ? '' : `, ${Math.round(score.accuracy * 100)}% right`;
  return message(`Your quiz score: ${plural(score.points, 'point')}${accuracy}${streak}.`, blocks);
}
