import type { KnownBlock } from '@slack/types';
import type { ChannelSchedule, PostedQuiz, ScheduleView } from '../../quiz/records.js';
import { fitFallbackText, fitMessage } from './limits.js';
import { bold, escapeAndTruncate, mentionUser } from './mrkdwn.js';
import { context, mentionChannel, type SlackMessage, section, slackDate, utcText } from './render-reply.js';

/** How to see, set, stop and post the daily quiz (shown with errors and after changes). */
export const SCHEDULE_USAGE = [
  '`/aws quiz daily` shows this channel’s daily quiz',
  '`/aws quiz daily 09:00 Europe/Berlin` posts one question every day at that time (24-hour clock; the zone is optional, UTC by default)',
  '`/aws quiz daily off` turns it off',
  '`/aws quiz daily now` posts today’s question right away',
].join(' · ');

const TURN_ON_HINT =
  'Turn it on with `/aws quiz daily 09:00 Europe/Berlin`: one question a day, the same for everyone in the channel, with the answer revealed in the thread. To practise on your own, try `/aws quiz`.';

/** A time zone name or time of day as shown (from the store, but escaped all the same). */
const ZONE_CHARS = 100;

function message(text: string, blocks: KnownBlock[]): SlackMessage {
  return { text: fitFallbackText(text), blocks: fitMessage(blocks) };
}

/** "every day at *09:00* Europe/Berlin". */
function when(schedule: ChannelSchedule): string {
  return `every day at ${bold(escapeAndTruncate(schedule.time, ZONE_CHARS))} ${escapeAndTruncate(schedule.zone, ZONE_CHARS)}`;
}

function plainWhen(schedule: ChannelSchedule): string {
  return `every day at ${escapeAndTruncate(schedule.time, ZONE_CHARS)} ${escapeAndTruncate(schedule.zone, ZONE_CHARS)}`;
}

/**
 * A channel's daily quiz as `/aws quiz daily` shows it: when it is posted, when next (in each
 * reader's own time), and whether today's is out; without one, how to turn it on.
 */
export function renderScheduleView(view: ScheduleView, channelId: string): SlackMessage {
  const channel = mentionChannel(channelId);
  const { schedule } = view;
  if (!schedule) {
    const sentence = `There is no daily quiz in ${channel} yet.`;
    return message(sentence, [section(sentence), context(TURN_ON_HINT)]);
  }
  const lines = [`Daily quiz in ${channel}: ${when(schedule)}.`];
  if (view.nextPostAt) lines.push(`Next question: ${slackDate(view.nextPostAt)}.`);
  lines.push(view.postedToday ? 'Today’s question is posted.' : 'Today’s question is not posted yet.');
  const blocks: KnownBlock[] = [
    section(lines.join('\n')),
    context(`Set by ${mentionUser(schedule.setBy)} · ${SCHEDULE_USAGE}`),
  ];
  const next = view.nextPostAt ? `; next at ${utcText(view.nextPostAt)}` : '';
  return message(`Daily quiz in ${channel}: ${plainWhen(schedule)}${next}.`, blocks);
}

/** The schedule just set: when the quiz will be posted, and when the first one comes. */
export function renderScheduleSet(view: ScheduleView): SlackMessage {
  const { schedule } = view;
  if (!schedule) {
    const sentence = 'The daily quiz is set.';
    return message(sentence, [section(sentence), context(SCHEDULE_USAGE)]);
  }
  const channel = mentionChannel(schedule.channelId);
  const lines = [`Done: a daily quiz question will be posted in ${channel} ${when(schedule)}.`];
  if (view.nextPostAt) {
    lines.push(
      view.postedToday
        ? `Today’s is already out; the next one comes ${slackDate(view.nextPostAt)}.`
        : `The next one comes ${slackDate(view.nextPostAt)}.`,
    );
  }
  return message(`Done: a daily quiz question will be posted in ${channel} ${plainWhen(schedule)}.`, [
    section(lines.join('\n')),
    context(SCHEDULE_USAGE),
  ]);
}

/** The daily quiz turned off, or there was none to turn off. */
export function renderScheduleOff(hadOne: boolean): SlackMessage {
  if (hadOne) {
    const sentence = 'The daily quiz in this channel is off now. Scores so far are kept.';
    return message(sentence, [
      section(sentence),
      context('Turn it back on any time with `/aws quiz daily 09:00 Europe/Berlin`.'),
    ]);
  }
  const sentence = 'This channel has no daily quiz to turn off.';
  return message(sentence, [section(sentence), context(TURN_ON_HINT)]);
}

/** A schedule that could not be set: the (already friendly) reason, and how to write it. */
export function renderScheduleError(reason: string): SlackMessage {
  const text = escapeAndTruncate(reason.trim() || 'I couldn’t read that schedule.', 2000);
  // A reason that already says how to write a schedule needs no second usage line.
  const blocks = text.includes('`/aws quiz daily')
    ? [section(text)]
    : [section(text), context(SCHEDULE_USAGE)];
  return message(text, blocks);
}

/** Someone who may not change the daily quiz tried to. */
export function renderNotAllowed(): SlackMessage {
  const sentence =
    'Sorry, only workspace admins and owners, or people listed in TUTOR_ADMINS, can change the daily quiz.';
  return message(sentence, [
    section(sentence),
    context(
      'Anyone can see it with `/aws quiz daily`, answer it, and practise with `/aws quiz`. Ask an admin if you’d like it changed.',
    ),
  ]);
}

/** Where a question went: the quiz's channel, or a channel id. */
function channelOf(where: PostedQuiz | string | undefined): string {
  const id = typeof where === 'string' ? where : where?.channelId;
  return id ? mentionChannel(id) : 'this channel';
}

/** Today's question was just posted on request (`where`: the posted quiz or its channel id). */
export function renderPostedNow(where?: PostedQuiz | string): SlackMessage {
  const sentence = `Posted today’s quiz question in ${channelOf(where)}.`;
  return message(sentence, [section(sentence)]);
}

/** A Slack permalink, the only kind of link put in a message here. */
const PERMALINK = /^https:\/\/[^\s<>|]+$/;

/**
 * Today's question was posted already: given the quiz, when it was posted and when it closes;
 * given its permalink, linked.
 */
export function renderAlreadyPosted(posted: PostedQuiz | string | null = null): SlackMessage {
  const permalink = typeof posted === 'string' ? posted : null;
  const quiz = typeof posted === 'string' ? null : posted;
  const linked =
    permalink && PERMALINK.test(permalink) && permalink.length <= 2000
      ? `<${permalink}|Today’s quiz question>`
      : 'Today’s quiz question';
  const where = quiz ? mentionChannel(quiz.channelId) : 'this channel';
  const lines = [`${linked} is already posted in ${where}: there is one a day.`];
  if (quiz) {
    const times = [`Posted ${slackDate(quiz.postedAt)}`];
    if (quiz.closesAt) times.push(`closes ${slackDate(quiz.closesAt)}`);
    lines.push(`${times.join('; ')}.`);
  }
  return message(`Today’s quiz question is already posted in ${where}.`, [
    section(lines.join('\n')),
    context('Answer it there; the next one comes at the scheduled time.'),
  ]);
}

/** What Slack's error codes for a failed post mean, and what to do about them. */
const POST_ERRORS: Record<string, string> = {
  not_in_channel: 'I’m not in this channel: add me with `/invite` and my name, then try again.',
  channel_not_found: 'I can’t see this channel: add me with `/invite` and my name, then try again.',
  is_archived: 'This channel is archived, so nothing can be posted in it.',
  restricted_action: 'This workspace does not let me post in this channel.',
  msg_too_long: 'The question was too long for Slack.',
  rate_limited: 'Slack asked me to slow down: try again in a minute.',
  ratelimited: 'Slack asked me to slow down: try again in a minute.',
};

/** Today's question could not be posted; `error` is Slack's error code (or a message). */
export function renderPostFailed(error: string): SlackMessage {
  const sentence = 'I couldn’t post today’s quiz question.';
  const reason =
    POST_ERRORS[error] ??
    `Slack said \`${escapeAndTruncate(error.trim() || 'unknown error', 200).replace(/`/g, "'")}\`: try again in a minute.`;
  return message(`${sentence} ${reason}`, [section(`${sentence} ${reason}`), context(SCHEDULE_USAGE)]);
}

/** `/aws quiz daily` in a direct message: there is no channel to post in. */
export function renderDailyNeedsChannel(): SlackMessage {
  const sentence = 'The daily quiz is posted in a channel, and a direct message has none to post in.';
  return message(sentence, [
    section(sentence),
    context(
      'Run `/aws quiz daily 09:00 Europe/Berlin` in the channel you want it in. For a question just for you, try `/aws quiz`.',
    ),
  ]);
}
