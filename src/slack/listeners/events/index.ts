import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { directMessage } from './direct-message.js';

export function registerEvents(app: App, deps: SlackDeps, once: Middleware<AnyMiddlewareArgs>): void {
  app.event('app_mention', once, appMention(deps));
  app.event('app_home_opened', once, appHomeOpened(deps));
  app.message(once, directMessage(deps));
}
