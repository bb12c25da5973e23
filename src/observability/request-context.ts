import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AnyMiddlewareArgs, Logger, Middleware } from '@slack/bolt';

/** What Slack sent: a slash command, an Events API event, an interaction (button, view…), or else. */
export type RequestKind = 'command' | 'event' | 'action' | 'other';

export const REQUEST_KINDS: readonly RequestKind[] = ['command', 'event', 'action', 'other'];

/** The request a line of log belongs to. */
export interface RequestContext {
  /** Slack's own id when there is one (`event_id`, `trigger_id`, `action_ts`), else a random one. */
  readonly id: string;
  readonly kind: RequestKind;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The request being handled here (in this call or anything it awaited or scheduled), if any. */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `work` as part of `request`: its log lines carry the request's id. */
export function withRequest<T>(request: RequestContext, work: () => T): T {
  return storage.run(request, work);
}

const INTERACTIONS = new Set([
  'block_actions',
  'interactive_message',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'block_suggestion',
]);

interface SlackBody {
  type?: unknown;
  command?: unknown;
  event_id?: unknown;
  trigger_id?: unknown;
  actions?: { action_ts?: unknown }[];
  event?: { type?: unknown };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The kind and id of a request from its body: Slack's ids where it gives one, so lines match Slack's. */
export function requestContextOf(body: unknown): RequestContext {
  const b = (body ?? {}) as SlackBody;
  if (b.type === 'event_callback') return { kind: 'event', id: text(b.event_id) ?? randomUUID() };
  if (typeof b.command === 'string') return { kind: 'command', id: text(b.trigger_id) ?? randomUUID() };
  if (typeof b.type === 'string' && INTERACTIONS.has(b.type)) {
    return { kind: 'action', id: text(b.trigger_id) ?? text(b.actions?.[0]?.action_ts) ?? randomUUID() };
  }
  return { kind: 'other', id: randomUUID() };
}

/** What a request is, in a few words for a debug line; never what a person wrote. */
function describe(body: unknown, kind: RequestKind): string {
  const b = (body ?? {}) as SlackBody;
  if (kind === 'command') return `command ${String(b.command)}`;
  if (kind === 'event') return `event ${String(b.event?.type ?? 'unknown')}`;
  return `${kind} ${String(b.type ?? 'unknown')}`;
}

export interface RequestContextOptions {
  /** Told how long each request's listeners took, in seconds. */
  observe?: (kind: RequestKind, seconds: number) => void;
  /** At debug level, one line per request: what it was and how long it took. */
  logger?: Logger;
}

/**
 * A global middleware (register it first) that tags everything a request does with its id.
 *
 * `enterWith`, not `run`: Bolt calls global middleware synchronously from its own per-request
 * continuation, so the store also covers what Bolt does after the chain (the `app.error` handler's
 * line for a failed listener) and nothing outside this request. The time measured runs until every
 * listener has finished, acknowledgement and any later replies included.
 *
 * The price: on Node 20, AsyncLocalStorage hooks every promise in the process, about 40 µs of CPU
 * per `/aws` answered in the ack (`npm run bench:http`); the middleware itself is a few µs.
 */
export function requestContext(options: RequestContextOptions = {}): Middleware<AnyMiddlewareArgs> {
  const { observe, logger } = options;
  return async function tagRequest({ body, next }) {
    const request = requestContextOf(body);
    storage.enterWith(request);
    const started = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      observe?.(request.kind, seconds);
      if (logger && logger.getLevel() === 'debug') {
        logger.debug(`${describe(body, request.kind)} handled in ${(seconds * 1000).toFixed(1)} ms`);
      }
    }
  };
}
