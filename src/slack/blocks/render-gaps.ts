import type { KnownBlock, ModalView } from '@slack/types';
import type { Digest, TopicTrend } from '../../gaps/digest.js';
import { WEEKDAYS } from '../../gaps/digest-schedule.js';
import type { GapGroup, GapGroupKind } from '../../gaps/gap-groups.js';
import type { NextStep } from '../../gaps/next-step.js';
import type { DigestSchedule, VoteOutcome, VoteValue } from '../../gaps/records.js';
import type { Resolution } from '../../gaps/resolve.js';
import { periodLabel } from '../../quiz/period.js';
import type { ScorePeriod } from '../../quiz/records.js';
import { VOTE_COMMENT_INPUT, VOTE_COMMENT_VIEW } from './action-ids.js';
import { fitFallbackText, fitMessage } from './limits.js';
import { bold, escapeMrkdwn, truncate } from './mrkdwn.js';
import {
  context,
  header,
  mentionChannel,
  packSections,
  plural,
  type SlackMessage,
  section,
  slackDate,
} from './render-reply.js';

/** Groups of each kind shown in the gaps view; `tutor report gaps` prints them all. */
const SHOWN_PER_KIND = 5;
const QUOTED_CHARS = 120;

/** Mrkdwn's formatting characters, and look-alikes that format nothing. */
const FORMATTING: Record<string, string> = { '*': '∗', _: '‗', '~': '∼', '`': 'ˋ' };

/**
 * What someone typed, shown inside our mrkdwn: escaped (no mention, link or `<!channel>`), and its
 * formatting characters swapped for look-alikes, so a question cannot bold, strike or code-format
 * the text around it.
 */
export function userText(text: string, max = QUOTED_CHARS): string {
  return truncate(inert(text), max);
}

function inert(text: string): string {
  return escapeMrkdwn(text).replace(/[*_~`]/g, (char) => FORMATTING[char] ?? char);
}

/** A next step in mrkdwn: notes syntax as code, quotes in curly quotes. */
export function stepText(step: NextStep): string {
  return step.map(partText).join('');
}

function partText(part: NextStep[number]): string {
  if (part.kind === 'notes') return `\`${escapeMrkdwn(part.text.replace(/`/g, 'ˋ'))}\``;
  if (part.kind === 'quote') return `“${userText(part.text)}”`;
  // Our words, with topic titles in them: formatting in a title formats nothing here either.
  return inert(part.text);
}

const KIND_HEADINGS: Record<GapGroupKind, string> = {
  unanswered: 'Asked, and the notes don’t answer',
  downvoted: 'Answers that didn’t help (👎)',
  reported: 'Quiz questions reported or taken out',
  'weak-topic': 'Topics the team gets wrong in the quiz',
};

function countText(group: GapGroup): string {
  switch (group.kind) {
    case 'unanswered':
      return plural(group.count, 'question');
    case 'downvoted':
      return `${group.count} 👎`;
    case 'reported':
      return group.count > 0 ? plural(group.count, 'report') : 'no reports lately';
    case 'weak-topic':
      return plural(group.count, 'answer');
  }
}

/** One gap as a bullet: what, how many, an example, and the next step. */
export function gapLine(group: GapGroup): string {
  const label =
    group.kind === 'unanswered' && group.label === group.example
      ? `“${userText(group.label)}”`
      : bold(userText(group.label));
  const example = group.example && group.example !== group.label ? `, e.g. “${userText(group.example)}”` : '';
  return `• ${label}: ${countText(group)}${example}\n      → ${stepText(group.nextStep)}`;
}

/** `/aws admin gaps [week|month|all]`: what the notes miss, by kind, each with a next step. */
export function renderGaps(
  groups: readonly GapGroup[],
  period: ScorePeriod,
  retentionDays: number,
): SlackMessage {
  const title = `Gaps in the notes: ${periodLabel(period)}`;
  const blocks: KnownBlock[] = [header(escapeMrkdwn(title))];
  for (const kind of ['unanswered', 'downvoted', 'reported', 'weak-topic'] as const) {
    const ofKind = groups.filter((group) => group.kind === kind);
    if (ofKind.length === 0) continue;
    const shown = ofKind.slice(0, SHOWN_PER_KIND).map(gapLine);
    const more = ofKind.length - shown.length;
    blocks.push(
      ...packSections(more > 0 ? [...shown, `_…and ${more} more_`] : shown, bold(KIND_HEADINGS[kind])),
    );
  }
  if (groups.length === 0)
    blocks.push(
      section(
        `Nothing to fix: no unanswered questions, 👎, reports or weak topics in ${periodLabel(period)}.`,
      ),
    );
  blocks.push(
    context(
      `Kept ${retentionDays} days, without who asked. \`/aws admin gaps week\`, \`month\` or \`all\`; \`npm run tutor -- report gaps\` prints every gap in a terminal.`,
    ),
  );
  return { text: fitFallbackText(title), blocks: fitMessage(blocks) };
}

function share(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function trendLine(trend: TopicTrend, withChange: boolean): string {
  const before =
    withChange && trend.previousShareRight !== null ? `${share(trend.previousShareRight)} → ` : '';
  return `${bold(escapeMrkdwn(trend.title))} ${before}${share(trend.shareRight)} right (${plural(trend.answered, 'answer')})`;
}

/** The weekly digest, posted in the chosen channel. */
export function renderDigest(digest: Digest): SlackMessage {
  const { asked, answered } = digest.totals;
  const answeredShare = asked > 0 ? ` (${share(answered / asked)})` : '';
  const opening = `${plural(asked, 'question')} asked this week, ${answered} answered from the notes${answeredShare}.`;
  const blocks: KnownBlock[] = [header('Weekly digest of the AWS notes'), section(opening)];
  if (digest.topGaps.length > 0) blocks.push(...packSections(digest.topGaps.map(gapLine), bold('Top gaps')));
  else blocks.push(section(`${bold('Top gaps')}\nNone this week: every question found its answer.`));
  const topics: string[] = [];
  if (digest.improved.length > 0)
    topics.push(
      `${bold('Most improved')}: ${digest.improved.map((trend) => trendLine(trend, true)).join(' · ')}`,
    );
  if (digest.weakest.length > 0)
    topics.push(`${bold('Weakest')}: ${digest.weakest.map((trend) => trendLine(trend, false)).join(' · ')}`);
  topics.push(`${bold('Reviews done')}: ${digest.reviews.toLocaleString('en-US')}`);
  blocks.push(section(topics.join('\n')));
  blocks.push(
    context(
      `From ${slackDate(digest.from, '{date_short_pretty}')} to ${slackDate(digest.to, '{date_short_pretty}')}. \`/aws admin gaps week\` shows every gap with its next step.`,
    ),
  );
  return { text: fitFallbackText(`Weekly digest: ${opening}`), blocks: fitMessage(blocks) };
}

/** The private acknowledgement of a vote: it is counted, once. */
export function renderVoteThanks(vote: VoteValue, outcome: VoteOutcome): SlackMessage {
  const sentence =
    outcome === 'unchanged'
      ? `You already voted ${vote === 'up' ? '👍' : '👎'} on this answer: it counts once.`
      : vote === 'up'
        ? `Thanks for the 👍${outcome === 'changed' ? ' (your vote is changed)' : ''}: it tells the notes’ owners this answer works.`
        : `Thanks for the 👎${outcome === 'changed' ? ' (your vote is changed)' : ''}: the notes’ owners will see this answer needs work.`;
  return {
    text: sentence,
    blocks: [section(sentence), context('Only you see this; nothing public changes.')],
  };
}

/** A vote button whose answer cannot be read (a message from an older version): nothing counted. */
export function renderVoteNotCounted(): SlackMessage {
  const sentence =
    'Sorry, that vote could not be counted: ask the question again and vote on the new answer.';
  return { text: sentence, blocks: [section(sentence)] };
}

/** "What were you looking for?" after a 👎; optional, and closing it keeps the vote. */
export function renderVoteModal(privateMetadata: string): ModalView {
  return {
    type: 'modal',
    callback_id: VOTE_COMMENT_VIEW,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'Your 👎 is counted' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Skip' },
    blocks: [
      {
        type: 'input',
        block_id: VOTE_COMMENT_INPUT,
        optional: true,
        label: { type: 'plain_text', text: 'What were you looking for?' },
        hint: {
          type: 'plain_text',
          text: 'The notes’ owners see this, not who wrote it. Leave out passwords and keys.',
        },
        element: {
          type: 'plain_text_input',
          action_id: VOTE_COMMENT_INPUT,
          multiline: true,
          max_length: 500,
        },
      },
    ],
  };
}

function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday - 1] ?? 'Monday';
}

/** The digest's schedule: where and when, and when the next one comes. */
export function renderDigestSchedule(
  schedule: DigestSchedule | null,
  next: Date | null,
  justSet = false,
): SlackMessage {
  if (!schedule || !next) {
    const sentence =
      'No weekly digest is set. `/aws admin digest #channel Mon 09:00 Europe/Berlin` posts one there every week.';
    return { text: sentence, blocks: [section(sentence)] };
  }
  const where = `${mentionChannel(schedule.channelId)} every ${weekdayName(schedule.weekday)} at ${schedule.time} ${escapeMrkdwn(schedule.zone)}`;
  const sentence = justSet ? `✅ The weekly digest goes to ${where}.` : `The weekly digest goes to ${where}.`;
  return {
    text: fitFallbackText(sentence.replace(/<#([A-Z0-9]+)>/, '#$1')),
    blocks: [
      section(sentence),
      context(
        `Next: ${slackDate(next)}. \`/aws admin digest off\` stops it; \`/aws admin digest now\` posts one at once.`,
      ),
    ],
  };
}

export function renderDigestOff(removed: boolean): SlackMessage {
  const sentence = removed ? 'The weekly digest is off.' : 'There was no weekly digest to stop.';
  return { text: sentence, blocks: [section(sentence)] };
}

export function renderDigestPosted(channelId: string): SlackMessage {
  const sentence = `Posted this week’s digest in ${mentionChannel(channelId)}.`;
  return { text: sentence.replace(/<#([A-Z0-9]+)>/, '#$1'), blocks: [section(sentence)] };
}

/** Words a person must fix (a bad period, day, time, zone or channel), or why a digest could not be posted. */
export function renderInputProblem(message: string): SlackMessage {
  return { text: fitFallbackText(message), blocks: [section(escapeMrkdwn(message))] };
}

/** The line a reload adds: how many of last month's unanswered questions the new notes answer. */
export function withResolution(message: SlackMessage, resolution: Resolution): SlackMessage {
  if (resolution.asked === 0) return message;
  const sentence = `The new notes answer ${resolution.answered} of last month’s ${plural(resolution.asked, 'unanswered question')}.`;
  return {
    text: fitFallbackText(`${message.text} ${sentence}`),
    blocks: fitMessage([...message.blocks, section(sentence)]),
  };
}
