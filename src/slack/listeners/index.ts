import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';

/** `eventsOnce` drops redelivered events; only events are redelivered, so only they pay for it. */
export function registerListeners(
  app: App,
  deps: SlackDeps,
  eventsOnce: Middleware<AnyMiddlewareArgs>,
): void {
  registerCommands(app, deps);
  registerEvents(app, deps, eventsOnce);
  registerActions(app, deps);
}
