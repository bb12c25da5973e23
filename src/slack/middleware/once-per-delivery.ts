import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { requestLogger } from '../logger.js';

/**
 * Slack redelivers an event it thinks failed (`X-Slack-Retry-Num`), and Bolt passes it on. The
 * first replica to claim the event id in the shared store answers; every other delivery is dropped.
 */
export function oncePerDelivery(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async function dropRedeliveries({ body, context, next }) {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await deps.store.claimDelivery(`event:${eventId}`, deps.now()))) {
      requestLogger(deps.logger, context).info(
        `event ${eventId} already handled; dropping delivery (retry ${context.retryNum ?? 0})`,
      );
      return;
    }
    await next();
  };
}
