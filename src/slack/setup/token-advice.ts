/**
 * What to tell a person whose Slack token was refused: which variable, what Slack said, what that
 * means, and where in the app's settings the right token is. Only a token's kind (`xoxb-…`) is ever
 * named, never the token.
 */

/** A Slack setting a person must fix; the message says which variable and where to get the right value. */
export class SlackSetupError extends Error {
  override name = 'SlackSetupError';
}

const APPS_PAGE = 'https://api.slack.com/apps → your app';

export const BOT_TOKEN_SOURCE = `the Bot User OAuth Token (xoxb-…) from ${APPS_PAGE} → Install App`;
export const APP_TOKEN_SOURCE = `an app-level token with the connections:write scope (xapp-…) from ${APPS_PAGE} → Basic Information → App-Level Tokens`;

/** What Slack's answer means, for either token. */
function meaning(code: string, kind: 'bot' | 'app', neededScope: string | null): string {
  switch (code) {
    case 'invalid_auth':
      return 'Slack does not know this token (mistyped, cut short, or from another app)';
    case 'not_authed':
      return 'no token reached Slack';
    case 'token_revoked':
      return kind === 'bot'
        ? 'the token was revoked (the app was uninstalled, or its token regenerated)'
        : 'the token was revoked';
    case 'token_expired':
      return 'the token has expired (token rotation is on; manifest.yml turns it off)';
    case 'account_inactive':
      return 'the bot user or its workspace is deactivated';
    case 'team_disabled':
    case 'user_removed_from_team':
      return 'the workspace is disabled or the app was removed from it';
    case 'not_allowed_token_type':
      return kind === 'bot' ? 'this is not a bot token' : 'this is not an app-level token';
    case 'missing_scope':
      return kind === 'app'
        ? 'the token lacks the connections:write scope Socket Mode needs'
        : `the token lacks a scope it needs${neededScope ? ` (${neededScope})` : ''}`;
    case 'no_permission':
    case 'ekm_access_denied':
      return 'a workspace admin has restricted the app';
    default:
      return 'Slack refused the token';
  }
}

/** What is wrong with a token Slack refused, and what to do about it. */
export interface TokenRefusal {
  problem: string;
  fix: string;
}

/** Why Slack refused SLACK_BOT_TOKEN and where the right one is. */
export function botTokenRefusal(code: string, neededScope: string | null = null): TokenRefusal {
  const reinstall = code === 'token_revoked' || code === 'missing_scope';
  return {
    problem: `SLACK_BOT_TOKEN (xoxb-…) was refused by Slack: ${code}, ${meaning(code, 'bot', neededScope)}`,
    fix: reinstall
      ? `Reinstall the app (${APPS_PAGE} → Install App → Reinstall to Workspace) and set SLACK_BOT_TOKEN to the new Bot User OAuth Token (xoxb-…)`
      : `Set SLACK_BOT_TOKEN to ${BOT_TOKEN_SOURCE}`,
  };
}

/** Why Slack refused SLACK_APP_TOKEN and where the right one is. */
export function appTokenRefusal(code: string): TokenRefusal {
  return {
    problem: `SLACK_APP_TOKEN (xapp-…) was refused by Slack: ${code}, ${meaning(code, 'app', null)}`,
    fix: `Set SLACK_APP_TOKEN to ${APP_TOKEN_SOURCE}`,
  };
}

function line({ problem, fix }: TokenRefusal): string {
  return `${problem}. ${fix}`;
}

/** One line for a refused SLACK_BOT_TOKEN. */
export function botTokenRefused(code: string, neededScope: string | null = null): string {
  return line(botTokenRefusal(code, neededScope));
}

/** One line for a refused SLACK_APP_TOKEN. */
export function appTokenRefused(code: string): string {
  return line(appTokenRefusal(code));
}
