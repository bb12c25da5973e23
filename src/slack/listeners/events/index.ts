import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  Middleware,
  SlackEventMiddlewareArgs,
} from '@slack/bolt';
import type { AroundListener } from '../../../observability/request-context.js';
import { depsForRequest, type SlackDeps } from '../../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { directMessage } from './direct-message.js';

type EventArgs<Type extends string> = SlackEventMiddlewareArgs<Type> & AllMiddlewareArgs;

/**
 * The events are routed by one listener: Bolt runs every registered listener's middleware for
 * every request (slash commands included), and each costs a few microseconds on the hot path.
 */
export function registerEvents(
  app: App,
  deps: SlackDeps,
  once: Middleware<AnyMiddlewareArgs>,
  around: AroundListener,
): void {
  app.event(
    /^(app_mention|app_home_opened|message)$/,
    once,
    around(async function routeEvent(args: EventArgs<string>): Promise<void> {
      // Each event's handler logs with the event's id.
      const eventDeps = depsForRequest(deps, args.context);
      // Bolt matched the type above; each handler gets the arguments of its own event type.
      switch (args.event.type) {
        case 'app_mention':
          return appMention(eventDeps)(args as unknown as EventArgs<'app_mention'>);
        case 'app_home_opened':
          return appHomeOpened(eventDeps)(args as unknown as EventArgs<'app_home_opened'>);
        case 'message':
          return directMessage(eventDeps)(args as unknown as EventArgs<'message'>);
      }
    }),
  );
}
