import type { Store } from '../store/store.js';
import { checkChannels } from './channels-check.js';
import { type CheckResult, skip } from './check.js';
import { checkConfig } from './config-check.js';
import { readManifestBotScopes } from './manifest-scopes.js';
import { checkNotes } from './notes-check.js';
import { checkApp, checkBot, checkScopes } from './slack-checks.js';
import { checkStore } from './store-check.js';

export interface DoctorOptions {
  /** The environment, with .env already loaded, as `npm start` would read it. */
  env: Record<string, string | undefined>;
  /** The Slack app manifest whose bot scopes the token should have. */
  manifestPath: string;
}

/** Every check, in the order a person fixes things: configuration, Slack, store, notes, channels. */
export async function runDoctor(options: DoctorOptions): Promise<CheckResult[]> {
  const settings = checkConfig(options.env);
  const results: CheckResult[] = [settings.result];
  const slack = settings.config?.slack ?? null;
  if (slack && settings.config) {
    const { slackApiUrl } = settings.config;
    const bot = await checkBot(slack, slackApiUrl);
    results.push(bot.result, checkScopes(bot.identity, readManifestBotScopes(options.manifestPath)));
    results.push(await checkApp(slack, slackApiUrl));
  } else {
    const why = settings.config
      ? 'not checked: no Slack variables are set'
      : 'not checked: fix the configuration first';
    results.push(skip('bot token', why), skip('scopes', why), skip('app token', why));
  }
  let store: Store | null = null;
  try {
    if (settings.store) {
      const checked = await checkStore(settings.store);
      store = checked.store;
      results.push(checked.result);
    } else results.push(skip('store', 'not checked: fix DATA_DIR or DATABASE_URL first'));
    results.push(
      settings.knowledgeDir
        ? checkNotes(settings.knowledgeDir)
        : skip('notes', 'not checked: fix KNOWLEDGE_DIR first'),
    );
    results.push(await checkChannels(store));
  } finally {
    await store?.close();
  }
  return results;
}
