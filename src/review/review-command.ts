import { parseTimeOfDay } from '../quiz/schedule.js';

/** What the words after `/aws review` (or a mention, a DM, the terminal) ask for. */
export type ReviewCommand =
  /** The next due card. */
  | { kind: 'next' }
  /** Every topic (of one notes file, when named) into the deck at once. */
  | { kind: 'start'; file: string | null }
  /** Show the daily nudge setting. */
  | { kind: 'remind-show' }
  /** Stop the daily nudge. */
  | { kind: 'remind-off' }
  /** A daily nudge at `time` (`HH:MM`) in the person's own zone. */
  | { kind: 'remind-set'; time: string }
  /** Words that say review but cannot be read: `message` says how to fix them. */
  | { kind: 'invalid'; message: string };

export const REVIEW_USAGE =
  '`/aws review` for your next card, `/aws review start` (or `/aws review start compute` for one notes file) ' +
  'to put every topic in your deck, `/aws review remind 08:30` for a daily nudge at that time of your day, ' +
  '`/aws review remind off` to stop it, `/aws review remind` to see it.';

const REVIEW = /^\s*review\b\s*(.*)$/is;
/** "what should I study", "what should i review next?", "study plan", "my study plan". */
const STUDY_PLAN =
  /^\s*(?:what\s+should\s+i\s+(?:study|review|learn|revise)(?:\s+(?:next|now|today))?|(?:my\s+)?study\s+plan)\s*[?.!]*\s*$/i;

/** Longest piece of the person's input repeated in a reply. */
const ECHO_LIMIT = 40;

function echo(text: string): string {
  return text.length <= ECHO_LIMIT ? text : `${text.slice(0, ECHO_LIMIT - 1)}…`;
}

function remind(words: string[]): ReviewCommand {
  const [first, ...rest] = words;
  if (first === undefined) return { kind: 'remind-show' };
  if (rest.length > 0 && !/^[ap]\.?m\.?$/i.test(rest.join(''))) {
    return { kind: 'invalid', message: `That is not a reminder I understand. ${REVIEW_USAGE}` };
  }
  if (first.toLowerCase() === 'off' && rest.length === 0) return { kind: 'remind-off' };
  const time = parseTimeOfDay(`${first}${rest.join('')}`);
  if (!time) {
    return {
      kind: 'invalid',
      message: `${echo(first)} is not a time of day: use HH:MM on a 24-hour clock, like 08:30 (or 8:30am), or \`off\`.`,
    };
  }
  return { kind: 'remind-set', time };
}

/**
 * The review command in `text`, or null when `text` is not about reviewing (then it is a question
 * for the tutor). `review …` and "what should I study" both lead here.
 */
export function parseReviewCommand(text: string): ReviewCommand | null {
  if (STUDY_PLAN.test(text)) return { kind: 'next' };
  const match = REVIEW.exec(text);
  if (!match) return null;
  const words = (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined || /^(next|now|me)$/i.test(first)) {
    return rest.length === 0 ? { kind: 'next' } : { kind: 'invalid', message: REVIEW_USAGE };
  }
  switch (first.toLowerCase()) {
    case 'start':
      if (rest.length > 1)
        return { kind: 'invalid', message: `Name one notes file at most. ${REVIEW_USAGE}` };
      return { kind: 'start', file: rest[0] ?? null };
    case 'remind':
    case 'reminder':
      return remind(rest);
    default:
      return { kind: 'invalid', message: `I don’t know “review ${echo(words.join(' '))}”. ${REVIEW_USAGE}` };
  }
}
