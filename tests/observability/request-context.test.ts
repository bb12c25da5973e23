import { describe, expect, it } from 'vitest';
import {
  currentRequest,
  observeListeners,
  type RequestKind,
  requestContextOf,
  requestOf,
} from '../../src/observability/request-context.js';
import { RecordingLogger } from '../helpers/slack-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the id of a request', () => {
  it("is Slack's own: event_id for an event, trigger_id for a command or a button", () => {
    expect(
      requestContextOf({ type: 'event_callback', event_id: 'Ev01', event: { type: 'app_mention' } }),
    ).toEqual({ kind: 'event', id: 'Ev01' });
    expect(requestContextOf({ command: '/aws', text: 'x', trigger_id: '123.456.abc' })).toEqual({
      kind: 'command',
      id: '123.456.abc',
    });
    expect(
      requestContextOf({ type: 'block_actions', trigger_id: '789.1.def', actions: [{ action_ts: '1.2' }] }),
    ).toEqual({ kind: 'action', id: '789.1.def' });
  });

  it("is the action's action_ts when an interaction has no trigger_id, else a random one", () => {
    expect(requestContextOf({ type: 'block_actions', actions: [{ action_ts: '1700000000.123' }] })).toEqual({
      kind: 'action',
      id: '1700000000.123',
    });
    const other = requestContextOf({ type: 'something_new' });
    expect(other.kind).toBe('other');
    expect(other.id).toMatch(UUID);
    expect(requestContextOf(undefined).id).toMatch(UUID);
    expect(requestContextOf({ type: 'event_callback' }).id).toMatch(UUID);
  });
});

describe('the listeners’ observer', () => {
  const run = (
    around: ReturnType<typeof observeListeners>,
    body: unknown,
    listener: () => Promise<void>,
    context: object = {},
  ) => around(listener)({ body, context } as never);

  it('records the request in Bolt’s per-request context for the listener, and times it', async () => {
    const observed: [RequestKind, number][] = [];
    const middleware = observeListeners({ observe: (kind, seconds) => observed.push([kind, seconds]) });
    const context = {};
    const seen: unknown[] = [];
    await run(
      middleware,
      { command: '/aws', trigger_id: 'T-1' },
      async () => {
        seen.push(requestOf(context as never));
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
      context,
    );
    expect(seen).toEqual([{ kind: 'command', id: 'T-1' }]);
    expect(observed).toHaveLength(1);
    expect(observed[0]?.[0]).toBe('command');
    expect(observed[0]?.[1]).toBeGreaterThanOrEqual(0.015);
    expect(observed[0]?.[1]).toBeLessThan(5);
  });

  it('times a request whose listener failed, and lets the failure through to Bolt', async () => {
    const observed: RequestKind[] = [];
    const middleware = observeListeners({ observe: (kind) => observed.push(kind) });
    await expect(
      run(middleware, { type: 'block_actions', trigger_id: 'A-1' }, async () => {
        throw new Error('listener failed');
      }),
    ).rejects.toThrow('listener failed');
    expect(observed).toEqual(['action']);
  });

  it('carries the request through AsyncLocalStorage only when asked to (debug level), after awaits too', async () => {
    const seen: unknown[] = [];
    const listener = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(currentRequest());
    };
    await run(
      observeListeners({ tagAsync: true }),
      { type: 'event_callback', event_id: 'Ev-async' },
      listener,
    );
    await run(observeListeners(), { type: 'event_callback', event_id: 'Ev-plain' }, listener);
    expect(seen).toEqual([{ kind: 'event', id: 'Ev-async' }, undefined]);
  });

  it('counts the listener as work under way', async () => {
    const tracked: string[] = [];
    const middleware = observeListeners({
      track: async (work) => {
        tracked.push('start');
        const result = await work();
        tracked.push('end');
        return result;
      },
    });
    await run(middleware, { command: '/aws', trigger_id: 'T-4' }, async () => {
      tracked.push('listener');
    });
    expect(tracked).toEqual(['start', 'listener', 'end']);
  });

  it('logs one line per request at debug level: what it was, never what was asked', async () => {
    const logger = new RecordingLogger();
    const middleware = observeListeners({ logger });
    await run(middleware, { command: '/aws', text: 'my secret question', trigger_id: 'T-2' }, async () => {});
    expect(logger.lines).toEqual([]);
    logger.setLevel('debug' as never);
    await run(middleware, { command: '/aws', text: 'my secret question', trigger_id: 'T-3' }, async () => {});
    await run(
      middleware,
      { type: 'event_callback', event_id: 'Ev9', event: { type: 'app_mention', text: 'hello' } },
      async () => {},
    );
    expect(logger.lines.map((line) => line.text)).toEqual([
      expect.stringMatching(/^command \/aws T-3 handled in \d+\.\d ms$/),
      expect.stringMatching(/^event app_mention Ev9 handled in \d+\.\d ms$/),
    ]);
  });
});
