/**
 * Text for Slack's text objects. Slack reads `&`, `<` and `>` as control characters in every text
 * object (plain_text too), so text from the notes or from a question is escaped before it goes
 * in a block: it can then never form `<!channel>`, `<@U…>` or `<http…|…>`.
 */

/** Bare special mentions Slack may parse in mrkdwn; a word joiner after the `@` keeps them inert. */
const SPECIAL_MENTION = /@(here|channel|everyone)\b/gi;
const WORD_JOINER = '\u2060';

/** Escapes text for a Slack text object, and defuses bare `@here`, `@channel` and `@everyone`. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(SPECIAL_MENTION, `@${WORD_JOINER}$1`);
}

const ELLIPSIS = '…';

/**
 * Cuts text to at most `max` characters (UTF-16 code units, as Slack's limits are checked
 * conservatively), at a word where one is near, ending with `…`. Safe on escaped text: it never
 * leaves half an entity (`&am`), half a `<…>` token or half a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  let cut = text.slice(0, max - ELLIPSIS.length);
  // Cut at the last word break, unless the cut already falls on one.
  const atWord = /\s/.test(text.charAt(cut.length)) ? cut.length : cut.search(/\s\S*$/);
  if (atWord > max / 2) cut = cut.slice(0, atWord);
  cut = cut
    .replace(/[\uD800-\uDBFF]$/, '')
    .replace(/&[#a-z0-9]*$/i, '')
    .replace(/<[^>]*$/, '')
    .replace(/[\s\u2060]+$/, '');
  return `${cut}${ELLIPSIS}`;
}

/** Escapes text and cuts it so the escaped text fits in `max` characters. */
export function escapeAndTruncate(text: string, max: number): string {
  return truncate(escapeMrkdwn(text), max);
}

/** A Slack user id, the only thing allowed inside `<@…>`. */
const USER_ID = /^[UW][A-Z0-9]+$/;

/** `<@U123>` for a Slack user id; anything else is shown as escaped text and mentions no one. */
export function mentionUser(userId: string): string {
  return USER_ID.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** Bold mrkdwn around already-escaped text; empty text stays empty rather than `**`. */
export function bold(escaped: string): string {
  return escaped.trim() ? `*${escaped.trim()}*` : '';
}
