import { type Config, ConfigError, readConfig } from '../config.js';
import { redactUrl } from '../store/open-store.js';
import { type CheckResult, fail, pass } from './check.js';

type Env = Record<string, string | undefined>;

/** Where the store is, as the app would open it. */
export interface StoreSettings {
  databaseUrl: string | null;
  dataDir: string;
}

export interface ConfigCheck {
  result: CheckResult;
  /** The whole configuration, or null when it has a problem. */
  config: Config | null;
  /** The store's settings, read on their own so a Slack mistake does not hide the store's state. */
  store: StoreSettings | null;
  /** The notes folder, likewise. */
  knowledgeDir: string | null;
}

function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigError) return null;
    throw error;
  }
}

function describe(config: Config): string {
  const { slack } = config;
  const parts = [
    slack === null
      ? 'no Slack variables set: npm start is the terminal tutor'
      : slack.mode === 'socket'
        ? 'Socket Mode: SLACK_BOT_TOKEN (xoxb-…) and SLACK_APP_TOKEN (xapp-…) set'
        : `HTTP mode: SLACK_BOT_TOKEN (xoxb-…) and SLACK_SIGNING_SECRET set, PORT ${config.port}`,
  ];
  if (slack && config.slackApiUrl) parts.push(`Web API at ${redactUrl(config.slackApiUrl)}`);
  parts.push(
    config.databaseUrl
      ? `store: PostgreSQL (${redactUrl(config.databaseUrl)})`
      : `store: SQLite in ${config.dataDir}`,
  );
  parts.push(`notes: ${config.knowledgeDir}`);
  return parts.join('; ');
}

/** Reads the configuration exactly as `npm start` does (the caller loads .env first). */
export function checkConfig(env: Env): ConfigCheck {
  const store = attempt(() => readConfig({ DATA_DIR: env.DATA_DIR, DATABASE_URL: env.DATABASE_URL }));
  const notes = attempt(() => readConfig({ KNOWLEDGE_DIR: env.KNOWLEDGE_DIR }));
  const settings = {
    store: store ? { databaseUrl: store.databaseUrl, dataDir: store.dataDir } : null,
    knowledgeDir: notes?.knowledgeDir ?? null,
  };
  try {
    const config = readConfig(env);
    return { result: pass('configuration', describe(config)), config, ...settings };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { result: fail('configuration', error.message, null), config: null, ...settings };
  }
}
