/**
 * Slack's reasons for refusing a daily quiz post that a person has to fix (trying again will not
 * help), and what to do about each: the same words in the log, in the admin's notice and in
 * `tutor doctor`.
 */

const TURN_OFF = 'or turn the daily quiz off there with `/aws quiz daily off`';

const ADVICE: Record<string, (neededScope: string | null) => string> = {
  not_in_channel: () =>
    `the app is not a member of the channel: invite the app with \`/invite @AWS Tutor\` there (a private channel always needs this), ${TURN_OFF}`,
  channel_not_found: () =>
    `Slack cannot find the channel: it was deleted, or it is private and the app was never invited; invite the app with \`/invite @AWS Tutor\` there, ${TURN_OFF}`,
  is_archived: () => `the channel is archived: unarchive it, ${TURN_OFF}`,
  missing_scope: (needed) =>
    `the app lacks the ${needed ? `\`${needed}\`` : 'needed'} scope: add it under OAuth & Permissions → Scopes at https://api.slack.com/apps (manifest.yml lists every scope the app needs), then reinstall the app`,
  restricted_action: () =>
    `the workspace does not let the app post in the channel: an admin can allow it, ${TURN_OFF}`,
  restricted_action_read_only_channel: () =>
    `the channel is read-only for the app: an admin can allow it to post, ${TURN_OFF}`,
};

/** True when `error` is one a person must fix: the quiz is not tried again that day. */
export function needsAPerson(error: string): boolean {
  return Object.hasOwn(ADVICE, error);
}

/** What the error means and what to do, or null for an error that goes away by itself. */
export function postErrorAdvice(error: string, neededScope: string | null = null): string | null {
  return Object.hasOwn(ADVICE, error)
    ? (ADVICE[error] as (needed: string | null) => string)(neededScope)
    : null;
}
