import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { AroundListener } from '../../observability/request-context.js';
import type { SlackDeps } from '../deps.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerViews } from './views/index.js';

/**
 * `eventsOnce` drops redelivered events; only events are redelivered, so only they pay for it.
 * `around` tags, tracks and times every listener's request.
 */
export function registerListeners(
  app: App,
  deps: SlackDeps,
  eventsOnce: Middleware<AnyMiddlewareArgs>,
  around: AroundListener,
): void {
  registerCommands(app, deps, around);
  registerEvents(app, deps, eventsOnce, around);
  registerActions(app, deps, around);
  registerViews(app, deps, around);
}
