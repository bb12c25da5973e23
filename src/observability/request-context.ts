import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Context, Logger } from '@slack/bolt';

/** What Slack sent: a slash command, an Events API event, an interaction (button, view…), or else. */
export type RequestKind = 'command' | 'event' | 'action' | 'other';

export const REQUEST_KINDS: readonly RequestKind[] = ['command', 'event', 'action', 'other'];

/** The request a line of log belongs to. */
export interface RequestContext {
  /** Slack's own id when there is one (`event_id`, `trigger_id`, `action_ts`), else a random one. */
  readonly id: string;
  readonly kind: RequestKind;
}

/**
 * The request being handled where a line is logged, for the lines of code that knows nothing of
 * requests (the Slack SDKs'). Only filled at debug level (see `tagAsync`).
 */
const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** The request Bolt is handling, as the request middleware recorded it in Bolt's per-request context. */
export function requestOf(context: Context | undefined): RequestContext | undefined {
  return (context as { request?: RequestContext } | undefined)?.request;
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
  /** At debug level, one line per request (with its id): what it was and how long it took. */
  logger?: Logger;
  /** The logger for a request's lines (default: `logger` itself). */
  forRequest?: (logger: Logger, context: Context) => Logger;
  /**
   * Also tag what the listener does through AsyncLocalStorage, so the SDKs' own lines (Bolt's ack,
   * the Web API client's calls) carry the id. Meant for debug level, where those lines appear: on
   * Node 20 AsyncLocalStorage costs every promise in the process, ~40 µs per request.
   */
  tagAsync?: boolean;
  /** Runs the listener, counted as work under way (so a stopping app waits for it). */
  track?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** Wraps a listener so that its request is tagged, tracked and timed (see `observeListeners`). */
export type AroundListener = <Args extends { body: unknown; context: Context }>(
  listener: (args: Args) => Promise<void>,
) => (args: Args) => Promise<void>;

/**
 * Wraps each listener so that it records what the request is (`context.request`: Slack's id for
 * it and its kind) for the loggers of everything handling it, counts it as work under way, and
 * times it until the listener has finished, acknowledgement and any later replies included.
 *
 * Around the listeners rather than as Bolt global middleware, and with the id in Bolt's
 * per-request context rather than in AsyncLocalStorage (except with `tagAsync`): Bolt runs every
 * middleware for every request at a cost of several µs each, and on Node 20 AsyncLocalStorage
 * hooks every promise in the process, about 40 µs of CPU for each `/aws` answered in its ack.
 */
export function observeListeners(options: RequestContextOptions = {}): AroundListener {
  const { observe, logger } = options;
  const track = options.track ?? (<T>(work: () => Promise<T>) => work());
  return (listener) =>
    async function observedListener(args) {
      const { body, context } = args;
      const request = requestContextOf(body);
      (context as { request?: RequestContext }).request = request;
      const started = performance.now();
      try {
        await (options.tagAsync
          ? storage.run(request, () => track(() => listener(args)))
          : track(() => listener(args)));
      } finally {
        const seconds = (performance.now() - started) / 1000;
        observe?.(request.kind, seconds);
        if (logger && logger.getLevel() === 'debug') {
          (options.forRequest?.(logger, context) ?? logger).debug(
            `${describe(body, request.kind)} ${request.id} handled in ${(seconds * 1000).toFixed(1)} ms`,
          );
        }
      }
    };
}
