import { webApi } from '@slack/bolt';
import { type Logger, LogLevel } from '@slack/logger';
import type { CheckOutcome } from './retry.js';
import { slackFailure } from './slack-failure.js';

/** Who the bot token belongs to, as `auth.test` says. */
export interface BotIdentity {
  teamId: string;
  /** The workspace's name. */
  team: string;
  /** The bot user's id (`U…`) and name. */
  userId: string;
  userName: string;
  botId: string;
  /** The scopes the token was granted (Slack's `x-oauth-scopes` header), or null when Slack did not say. */
  scopes: string[] | null;
}

export interface TokenCheckOptions {
  /** Web API base (SLACK_API_URL); Slack's own when null. */
  slackApiUrl: string | null;
  /** Receives the SDK's own lines about the call, at debug level only: the caller reports the outcome. */
  logger?: Logger;
  /** How long one call may take (default 10 s). */
  timeoutMs?: number;
}

/** The SDK's warnings about a failed call repeat what the caller reports: they go to debug. */
function debugOnly(logger: Logger): Logger {
  const debug = (...parts: unknown[]) => logger.debug(...parts);
  return {
    debug,
    info: debug,
    warn: debug,
    error: debug,
    setLevel: () => undefined,
    getLevel: () => logger.getLevel(),
    setName: () => undefined,
  };
}

const SILENT: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

/** One call, one answer: no retries (the caller decides when to try again), a bounded wait. */
function checkingClient(token: string, options: TokenCheckOptions): InstanceType<typeof webApi.WebClient> {
  return new webApi.WebClient(token, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    logger: options.logger ? debugOnly(options.logger) : SILENT,
    timeout: options.timeoutMs ?? 10_000,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
}

/** `auth.test` with the bot token: who the bot is and which scopes it has, or why not. */
export async function checkBotToken(
  botToken: string,
  options: TokenCheckOptions,
): Promise<CheckOutcome<BotIdentity>> {
  try {
    const result = await checkingClient(botToken, options).auth.test();
    return {
      ok: true,
      value: {
        teamId: String(result.team_id ?? ''),
        team: String(result.team ?? ''),
        userId: String(result.user_id ?? ''),
        userName: String(result.user ?? ''),
        botId: String(result.bot_id ?? ''),
        scopes: result.response_metadata?.scopes ?? null,
      },
    };
  } catch (error) {
    return { ok: false, failure: slackFailure(error) };
  }
}

/**
 * `apps.connections.open` with the app-level token: whether Socket Mode may connect. The URL Slack
 * gives is not used, so no connection is kept (an unused URL simply expires).
 */
export async function checkAppToken(
  appToken: string,
  options: TokenCheckOptions,
): Promise<CheckOutcome<void>> {
  try {
    await checkingClient(appToken, options).apps.connections.open();
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, failure: slackFailure(error) };
  }
}
