import { resolve } from 'node:path';
import { defaultKnowledgeDir } from './paths.js';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
const LOG_LEVELS: LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** How Slack reaches the app: no public URL needed for Socket Mode; HTTP mode needs one. */
export type SlackConnection =
  | { mode: 'socket'; botToken: string; appToken: string }
  | { mode: 'http'; botToken: string; signingSecret: string };

export interface Config {
  /** null: the terminal tutor. */
  slack: SlackConnection | null;
  /** Web API base for a proxy or a local fake Slack; Slack's own when null. */
  slackApiUrl: string | null;
  port: number;
  knowledgeDir: string;
  dataDir: string;
  databaseUrl: string | null;
  logLevel: LogLevel;
  /** Slack user ids allowed to run admin commands besides workspace admins and owners. */
  admins: string[];
  /** How many hours a daily quiz stays open at most (it closes sooner when the next one is due). */
  quizOpenHours: number;
  /** How many days unanswered questions, votes and question counts are kept (GAPS_RETENTION_DAYS). */
  gapsRetentionDays: number;
}

/** A configuration a person must fix; its message names the variable and what to set. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | null {
  const raw = (env[name] ?? '').trim();
  return raw === '' ? null : raw;
}

function readSlack(env: Env): SlackConnection | null {
  const botToken = value(env, 'SLACK_BOT_TOKEN');
  const appToken = value(env, 'SLACK_APP_TOKEN');
  const signingSecret = value(env, 'SLACK_SIGNING_SECRET');
  if (!botToken && !appToken && !signingSecret) return null;
  if (!botToken) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN is not set, but ${appToken ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} is: set SLACK_BOT_TOKEN to the app's Bot User OAuth Token (xoxb-...), or unset the Slack variables to use the terminal tutor`,
    );
  }
  if (!botToken.startsWith('xoxb-')) {
    throw new ConfigError('SLACK_BOT_TOKEN does not look like a bot token: it starts with xoxb-');
  }
  if (appToken) {
    if (!appToken.startsWith('xapp-')) {
      throw new ConfigError('SLACK_APP_TOKEN does not look like an app-level token: it starts with xapp-');
    }
    return { mode: 'socket', botToken, appToken };
  }
  if (signingSecret) return { mode: 'http', botToken, signingSecret };
  throw new ConfigError(
    'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is: set one of them',
  );
}

function readQuizOpenHours(env: Env): number {
  const raw = value(env, 'QUIZ_OPEN_HOURS');
  if (raw === null) return 8;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24) {
    throw new ConfigError(
      `QUIZ_OPEN_HOURS "${raw}" is not a number of hours from 0 to 24: use e.g. 8 (a daily quiz also closes when the next one is posted)`,
    );
  }
  return hours;
}

function readGapsRetentionDays(env: Env): number {
  const raw = value(env, 'GAPS_RETENTION_DAYS');
  if (raw === null) return 180;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new ConfigError(
      `GAPS_RETENTION_DAYS "${raw}" is not a number of days from 1 to 3650: use e.g. 180 (how long unanswered questions and votes are kept)`,
    );
  }
  return days;
}

function readPort(env: Env): number {
  const raw = value(env, 'PORT');
  if (raw === null) return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT "${raw}" is not a port number: use a whole number from 0 to 65535`);
  }
  return port;
}

function readUrl(env: Env, name: string, protocols: string[], example: string): string | null {
  const raw = value(env, name);
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL: set it like ${example}`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(
      `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, like ${example}`,
    );
  }
  return raw;
}

/** Reads and checks the environment once, at start-up; every problem names its variable. */
export function readConfig(env: Env): Config {
  const level = (value(env, 'LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError(`LOG_LEVEL "${env.LOG_LEVEL}" is not a level: use one of ${LOG_LEVELS.join(', ')}`);
  }
  const slackApiUrl = readUrl(env, 'SLACK_API_URL', ['https:', 'http:'], 'https://slack.com/api/');
  const admins = (value(env, 'TUTOR_ADMINS') ?? '').split(/[\s,]+/).filter(Boolean);
  const badAdmin = admins.find((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
  if (badAdmin) {
    throw new ConfigError(
      `TUTOR_ADMINS has "${badAdmin}", which is not a Slack user id: list ids like U0123ABCD, separated by commas`,
    );
  }
  return {
    quizOpenHours: readQuizOpenHours(env),
    gapsRetentionDays: readGapsRetentionDays(env),
    slack: readSlack(env),
    slackApiUrl: slackApiUrl && !slackApiUrl.endsWith('/') ? `${slackApiUrl}/` : slackApiUrl,
    port: readPort(env),
    knowledgeDir: value(env, 'KNOWLEDGE_DIR')
      ? resolve(value(env, 'KNOWLEDGE_DIR') ?? '')
      : defaultKnowledgeDir(),
    dataDir: resolve(value(env, 'DATA_DIR') ?? 'data'),
    databaseUrl: readUrl(
      env,
      'DATABASE_URL',
      ['postgres:', 'postgresql:'],
      'postgres://user:password@host:5432/aws_tutor',
    ),
    logLevel: level,
    admins,
  };
}
