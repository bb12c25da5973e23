import type { Logger } from '@slack/logger';
import type { SlackConnection } from '../../config.js';
import { type BotIdentity, checkAppToken, checkBotToken } from './check-tokens.js';
import { type RetryPolicy, untilSlackAnswers } from './retry.js';
import { apiHost } from './slack-failure.js';
import { appTokenRefused, botTokenRefused } from './token-advice.js';

export interface VerifyTokensOptions {
  connection: SlackConnection;
  slackApiUrl: string | null;
  logger: Logger;
  policy: RetryPolicy;
  signal: AbortSignal;
  /** Why the app is not ready yet (for /readyz), or null once Slack has accepted every token. */
  report: (problem: string | null) => void;
}

/**
 * Asks Slack whether it accepts the bot token (`auth.test`) and, in Socket Mode, the app token
 * (`apps.connections.open`), trying again with a growing wait while Slack cannot be reached.
 * Resolves with the bot's identity once both are accepted; throws SlackSetupError, whose message is
 * the line to show, as soon as Slack refuses one.
 */
export async function verifySlackTokens(options: VerifyTokensOptions): Promise<BotIdentity> {
  const { connection, logger, report } = options;
  const where = apiHost(options.slackApiUrl);
  const checks = { slackApiUrl: options.slackApiUrl, logger };
  const retrying = (variable: string) => ({
    policy: options.policy,
    signal: options.signal,
    onUnreachable: (reason: string, attempt: number, delayMs: number) => {
      report(`Slack API unreachable: ${reason}`);
      logger.warn(
        `Slack API unreachable at ${where} (${reason}) while checking ${variable}: trying again in ${Math.round(delayMs / 1000)} s (attempt ${attempt}); /readyz answers 503 until Slack answers`,
      );
    },
  });

  report('waiting for Slack to accept SLACK_BOT_TOKEN');
  const identity = await untilSlackAnswers(() => checkBotToken(connection.botToken, checks), {
    ...retrying('SLACK_BOT_TOKEN'),
    refusal: (failure) => botTokenRefused(failure.code, failure.neededScope),
  });
  if (connection.mode === 'socket') {
    report('waiting for Slack to accept SLACK_APP_TOKEN');
    const { appToken } = connection;
    await untilSlackAnswers(() => checkAppToken(appToken, checks), {
      ...retrying('SLACK_APP_TOKEN'),
      refusal: (failure) => appTokenRefused(failure.code),
    });
  }
  return identity;
}
