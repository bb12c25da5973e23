import { resolve } from 'node:path';
import { defaultKnowledgeDir } from './paths.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Which face the tutor shows, decided by which Slack credentials are set. */
export type Face = { kind: 'terminal' } | { kind: 'slack-socket' } | { kind: 'slack-http' };

export interface Config {
  face: Face;
  knowledgeDir: string;
  logLevel: LogLevel;
}

/** A configuration a person must fix; its message names the variable and what to set. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function present(env: Env, name: string): boolean {
  return (env[name] ?? '').trim() !== '';
}

function chooseFace(env: Env): Face {
  const token = present(env, 'SLACK_BOT_TOKEN');
  const appToken = present(env, 'SLACK_APP_TOKEN');
  const secret = present(env, 'SLACK_SIGNING_SECRET');
  if (!token && !appToken && !secret) return { kind: 'terminal' };
  if (!token) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN is not set, but ${appToken ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} is: set SLACK_BOT_TOKEN to the app's Bot User OAuth Token (xoxb-...), or unset the Slack variables to use the terminal tutor`,
    );
  }
  if (!(env.SLACK_BOT_TOKEN ?? '').trim().startsWith('xoxb-')) {
    throw new ConfigError('SLACK_BOT_TOKEN does not look like a bot token: it starts with xoxb-');
  }
  if (appToken) {
    if (!(env.SLACK_APP_TOKEN ?? '').trim().startsWith('xapp-')) {
      throw new ConfigError('SLACK_APP_TOKEN does not look like an app-level token: it starts with xapp-');
    }
    return { kind: 'slack-socket' };
  }
  if (secret) return { kind: 'slack-http' };
  throw new ConfigError(
    'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is: set one of them',
  );
}

/** Reads and checks the environment once, at start-up; every problem names its variable. */
export function readConfig(env: Env): Config {
  const level = (env.LOG_LEVEL ?? 'info').trim().toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError(`LOG_LEVEL "${env.LOG_LEVEL}" is not a level: use one of ${LOG_LEVELS.join(', ')}`);
  }
  return {
    face: chooseFace(env),
    knowledgeDir: present(env, 'KNOWLEDGE_DIR') ? resolve(env.KNOWLEDGE_DIR ?? '') : defaultKnowledgeDir(),
    logLevel: level,
  };
}
