import type { SlackConnection } from '../config.js';
import { type BotIdentity, checkAppToken, checkBotToken } from '../slack/setup/check-tokens.js';
import { apiHost, type SlackFailure } from '../slack/setup/slack-failure.js';
import { appTokenRefusal, botTokenRefusal, type TokenRefusal } from '../slack/setup/token-advice.js';
import { type CheckResult, fail, pass, skip } from './check.js';

const REINSTALL =
  'https://api.slack.com/apps → your app → Install App → Reinstall to Workspace (Slack grants new scopes only on install)';

function failed(
  name: string,
  failure: SlackFailure,
  slackApiUrl: string | null,
  refusal: (failure: Extract<SlackFailure, { kind: 'refused' }>) => TokenRefusal,
): CheckResult {
  if (failure.kind === 'refused') {
    const { problem, fix } = refusal(failure);
    return fail(name, problem, fix);
  }
  return fail(
    name,
    `Slack API unreachable at ${apiHost(slackApiUrl)} (${failure.reason})`,
    'Check the network and any proxy between here and Slack (and SLACK_API_URL if set); npm start itself waits for Slack and retries',
  );
}

/** `auth.test` with SLACK_BOT_TOKEN: the workspace and bot user it belongs to. */
export async function checkBot(
  connection: SlackConnection,
  slackApiUrl: string | null,
): Promise<{ result: CheckResult; identity: BotIdentity | null }> {
  const outcome = await checkBotToken(connection.botToken, { slackApiUrl });
  if (!outcome.ok) {
    return {
      result: failed('bot token', outcome.failure, slackApiUrl, (refused) =>
        botTokenRefusal(refused.code, refused.neededScope),
      ),
      identity: null,
    };
  }
  const bot = outcome.value;
  return {
    result: pass(
      'bot token',
      `SLACK_BOT_TOKEN (xoxb-…) works: workspace ${bot.team} (${bot.teamId}), bot user @${bot.userName} (${bot.userId})`,
    ),
    identity: bot,
  };
}

/** The scopes Slack granted the bot token against those `manifest.yml` asks for. */
export function checkScopes(identity: BotIdentity | null, wanted: string[] | null): CheckResult {
  const name = 'scopes';
  if (!identity) return skip(name, 'not checked: the bot token did not pass');
  if (!wanted) return skip(name, 'not checked: manifest.yml was not found or lists no bot scopes');
  if (!identity.scopes) return skip(name, 'not checked: Slack did not say which scopes the token has');
  const granted = new Set(identity.scopes);
  const missing = wanted.filter((scope) => !granted.has(scope));
  if (missing.length === 0) {
    return pass(name, `the bot has all ${wanted.length} scopes manifest.yml asks for`);
  }
  return fail(
    name,
    `the bot lacks ${missing.join(', ')}, which manifest.yml asks for`,
    `Add ${missing.length === 1 ? 'it' : 'them'} to the app (OAuth & Permissions → Scopes, or update the app from manifest.yml), then reinstall the app: ${REINSTALL}`,
  );
}

/** Socket Mode: `apps.connections.open` with SLACK_APP_TOKEN (the connection URL is not used). */
export async function checkApp(
  connection: SlackConnection,
  slackApiUrl: string | null,
): Promise<CheckResult> {
  const name = 'app token';
  if (connection.mode !== 'socket') return skip(name, 'not needed in HTTP mode');
  const outcome = await checkAppToken(connection.appToken, { slackApiUrl });
  if (!outcome.ok) {
    return failed(name, outcome.failure, slackApiUrl, (refused) => appTokenRefusal(refused.code));
  }
  return pass(name, 'SLACK_APP_TOKEN (xapp-…) works: Slack offered a Socket Mode connection (not kept)');
}
