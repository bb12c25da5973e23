import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  Middleware,
  SlackEventMiddlewareArgs,
} from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { directMessage } from './direct-message.js';

type EventArgs<Type extends string> = SlackEventMiddlewareArgs<Type> & AllMiddlewareArgs;

/**
 * The events are routed by one listener: Bolt runs every registered listener's middleware for
 * every request (slash commands included), and each costs a few microseconds on the hot path.
 */
export function registerEvents(app: App, deps: SlackDeps, once: Middleware<AnyMiddlewareArgs>): void {
  const mention = appMention(deps);
  const home = appHomeOpened(deps);
  const message = directMessage(deps);
  app.event(
    /^(app_mention|app_home_opened|message)$/,
    once,
    async function routeEvent(args: EventArgs<string>): Promise<void> {
      // Bolt matched the type above; each handler gets the arguments of its own event type.
      switch (args.event.type) {
        case 'app_mention':
          return mention(args as unknown as EventArgs<'app_mention'>);
        case 'app_home_opened':
          return home(args as unknown as EventArgs<'app_home_opened'>);
        case 'message':
          return message(args as unknown as EventArgs<'message'>);
      }
    },
  );
}
