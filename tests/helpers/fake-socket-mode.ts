import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { SlackRequest } from './slack-requests.js';

/**
 * Slack's side of Socket Mode on 127.0.0.1: the WebSocket the app connects to after
 * `apps.connections.open` (point the fake Slack at it with `startFakeSlack({ socketUrl: socket.url })`).
 * It greets each connection with `hello`, pushes envelopes, and collects the app's acks.
 */

export type SocketEnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

export interface SocketEnvelope {
  envelope_id: string;
  type: SocketEnvelopeType | (string & {});
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/** What the app sends back: `{ envelope_id, payload? }` (the SocketModeClient always sends a `payload`). */
export interface SocketAck {
  envelope_id: string;
  // biome-ignore lint/suspicious/noExplicitAny: ack payloads are arbitrary JSON read by tests
  payload?: Record<string, any>;
  /** `Date.now()` when it arrived. */
  at: number;
}

export interface FakeSocketModeOptions {
  /** `connection_info.app_id` in `hello` (default `A1`). */
  appId?: string;
}

export interface FakeSocketMode {
  /** `ws://127.0.0.1:PORT/link`: what `apps.connections.open` should answer. */
  readonly url: string;
  /** How many connections were accepted so far (ever, including dropped ones). */
  readonly connections: number;
  /** How many connections are open now. */
  readonly openConnections: number;
  /** Every ack received, oldest first. */
  readonly acks: SocketAck[];
  /** Every message the app sent that is not an ack (rare: Slack apps only ack). */
  readonly otherMessages: unknown[];
  /** Resolves once `n` connections have been accepted in total and greeted with `hello`. */
  waitForConnection(n?: number, timeoutMs?: number): Promise<void>;
  /**
   * Sends an envelope to the newest open connection; fills in `envelope_id` (a UUID) if missing and
   * returns it. Throws when no connection is open.
   */
  send(envelope: Omit<SocketEnvelope, 'envelope_id'> & { envelope_id?: string }): string;
  /** The app's ack for `envelopeId` (already received or still to come). */
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  /** Sends Slack's `{ type: 'disconnect', reason }` warning, which makes the client reconnect. */
  sendDisconnect(reason?: string): void;
  /**
   * Closes every open socket from the server side: a close handshake with `code` (default 1001), or an
   * abrupt TCP drop with `{ abrupt: true }`. Resolves when they are closed.
   */
  dropConnections(options?: { code?: number; abrupt?: boolean }): Promise<void>;
  close(): Promise<void>;
}

interface AckWaiter {
  envelopeId: string;
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface ConnectionWaiter {
  n: number;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export async function startFakeSocketMode(options: FakeSocketModeOptions = {}): Promise<FakeSocketMode> {
  const appId = options.appId ?? 'A1';
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/link' });
  await new Promise<void>((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      wss.off('error', reject);
      resolve();
    });
  });
  const { port } = wss.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}/link`;

  const open: WebSocket[] = [];
  const acks: SocketAck[] = [];
  const otherMessages: unknown[] = [];
  const sentEnvelopeIds: string[] = [];
  const ackWaiters = new Set<AckWaiter>();
  const connectionWaiters = new Set<ConnectionWaiter>();
  let accepted = 0;
  let closed = false;

  function settleConnectionWaiters(): void {
    for (const waiter of connectionWaiters) {
      if (accepted >= waiter.n) {
        clearTimeout(waiter.timer);
        connectionWaiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  function settleAckWaiters(ack: SocketAck): void {
    for (const waiter of ackWaiters) {
      if (waiter.envelopeId === ack.envelope_id) {
        clearTimeout(waiter.timer);
        ackWaiters.delete(waiter);
        waiter.resolve(ack);
      }
    }
  }

  wss.on('connection', (socket) => {
    open.push(socket);
    socket.on('close', () => {
      const index = open.indexOf(socket);
      if (index >= 0) open.splice(index, 1);
    });
    socket.on('error', () => {
      // a client vanishing mid-frame is part of what this fake is for
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        otherMessages.push(data);
        return;
      }
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        otherMessages.push(data.toString());
        return;
      }
      if (typeof message === 'object' && message !== null && 'envelope_id' in message) {
        const ack = { ...(message as Omit<SocketAck, 'at'>), at: Date.now() };
        acks.push(ack);
        settleAckWaiters(ack);
      } else {
        otherMessages.push(message);
      }
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: open.length,
        debug_info: { host: 'applink-fake-127-0-0-1', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: appId },
      }),
      () => {
        accepted += 1;
        settleConnectionWaiters();
      },
    );
  });

  /** Closes every open socket with a close handshake (cut off after `graceMs`), or abruptly. */
  function closeAll(how: number | 'abrupt', graceMs = 1000): Promise<void> {
    return Promise.all(
      [...open].map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === socket.CLOSED) {
              resolve();
              return;
            }
            socket.once('close', () => resolve());
            if (how === 'abrupt') {
              socket.terminate();
              return;
            }
            if (socket.readyState === socket.OPEN)
              socket.close(how, 'fake Socket Mode closed the connection');
            // a client that never answers the close frame gets cut off
            setTimeout(() => socket.terminate(), graceMs).unref();
          }),
      ),
    ).then(() => undefined);
  }

  function describe(): string {
    const acked = acks.map((ack) => ack.envelope_id).join(', ') || 'none';
    return `Connections accepted: ${accepted}, open: ${open.length}; envelopes sent: ${sentEnvelopeIds.join(', ') || 'none'}; acks received: ${acked}.`;
  }

  return {
    url,
    get connections() {
      return accepted;
    },
    get openConnections() {
      return open.length;
    },
    acks,
    otherMessages,
    waitForConnection(n = 1, timeoutMs = 5000) {
      if (accepted >= n) return Promise.resolve();
      if (closed) return Promise.reject(new Error('fake Socket Mode is closed'));
      return new Promise<void>((resolve, reject) => {
        const waiter: ConnectionWaiter = {
          n,
          resolve,
          reject,
          timer: setTimeout(() => {
            connectionWaiters.delete(waiter);
            reject(
              new Error(
                `fake Socket Mode: connection #${n} did not arrive within ${timeoutMs} ms. ${describe()} ` +
                  'Is apps.connections.open answering this url, and is the app started in Socket Mode?',
              ),
            );
          }, timeoutMs),
        };
        connectionWaiters.add(waiter);
      });
    },
    send(envelope) {
      const socket = open.at(-1);
      if (!socket) {
        throw new Error(
          `fake Socket Mode: no open connection to send ${envelope.type} to (wait for one first). ${describe()}`,
        );
      }
      const envelopeId = envelope.envelope_id ?? randomUUID();
      const full: SocketEnvelope = { ...envelope, envelope_id: envelopeId };
      socket.send(JSON.stringify(full));
      sentEnvelopeIds.push(envelopeId);
      return envelopeId;
    },
    waitForAck(envelopeId, timeoutMs = 5000) {
      const found = acks.find((ack) => ack.envelope_id === envelopeId);
      if (found) return Promise.resolve(found);
      if (closed) return Promise.reject(new Error('fake Socket Mode is closed'));
      return new Promise<SocketAck>((resolve, reject) => {
        const waiter: AckWaiter = {
          envelopeId,
          resolve,
          reject,
          timer: setTimeout(() => {
            ackWaiters.delete(waiter);
            reject(
              new Error(
                `fake Socket Mode: no ack for envelope ${envelopeId} within ${timeoutMs} ms. ${describe()}`,
              ),
            );
          }, timeoutMs),
        };
        ackWaiters.add(waiter);
      });
    },
    sendDisconnect(reason = 'refresh_requested') {
      for (const socket of open) {
        socket.send(
          JSON.stringify({
            type: 'disconnect',
            reason,
            debug_info: { host: 'applink-fake-127-0-0-1' },
          }),
        );
      }
    },
    dropConnections(dropOptions = {}) {
      return closeAll(dropOptions.abrupt ? 'abrupt' : (dropOptions.code ?? 1001));
    },
    async close() {
      if (closed) return;
      closed = true;
      const error = new Error(`fake Socket Mode closed. ${describe()}`);
      for (const waiter of ackWaiters) {
        clearTimeout(waiter.timer);
        waiter.reject(error);
      }
      ackWaiters.clear();
      for (const waiter of connectionWaiters) {
        clearTimeout(waiter.timer);
        waiter.reject(error);
      }
      connectionWaiters.clear();
      // Close handshakes rather than TCP resets: a client that is itself disconnecting (Bolt's `app.stop()`
      // resolves before its socket is closed) then finishes cleanly instead of logging a WebSocket error.
      await closeAll(1001, 500);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

export interface EnvelopeOptions {
  envelopeId?: string;
  /** For `events_api` redeliveries: `retry_attempt` (default 0) and `retry_reason` (default ''). */
  retryAttempt?: number;
  retryReason?: string;
}

/** A `slash_commands` envelope: the command's form fields as an object. */
export function slashCommandEnvelope(
  request: SlackRequest | Record<string, unknown>,
  options: EnvelopeOptions = {},
): SocketEnvelope {
  return {
    envelope_id: options.envelopeId ?? randomUUID(),
    type: 'slash_commands',
    payload: payloadOf(request),
    accepts_response_payload: true,
  };
}

/** An `events_api` envelope: the `event_callback` body as an object. */
export function eventsApiEnvelope(
  request: SlackRequest | Record<string, unknown>,
  options: EnvelopeOptions = {},
): SocketEnvelope {
  return {
    envelope_id: options.envelopeId ?? randomUUID(),
    type: 'events_api',
    payload: payloadOf(request),
    accepts_response_payload: false,
    retry_attempt: options.retryAttempt ?? 0,
    retry_reason: options.retryReason ?? '',
  };
}

/** An `interactive` envelope: the interaction payload (e.g. `block_actions`) as an object. */
export function interactiveEnvelope(
  request: SlackRequest | Record<string, unknown>,
  options: EnvelopeOptions = {},
): SocketEnvelope {
  const payload = payloadOf(request);
  return {
    envelope_id: options.envelopeId ?? randomUUID(),
    type: 'interactive',
    payload,
    // Slack accepts a response payload only for view submissions and options requests.
    accepts_response_payload: payload.type === 'view_submission' || payload.type === 'block_suggestion',
  };
}

/** The envelope Socket Mode uses for any request built by `slack-requests.ts`. */
export function socketEnvelope(request: SlackRequest, options: EnvelopeOptions = {}): SocketEnvelope {
  switch (request.kind) {
    case 'slash_command':
      return slashCommandEnvelope(request, options);
    case 'event_callback':
      return eventsApiEnvelope(request, options);
    case 'block_actions':
      return interactiveEnvelope(request, options);
    default:
      throw new Error(
        `Socket Mode has no envelope for a ${request.kind} request (Slack only sends it over HTTP)`,
      );
  }
}

function payloadOf(request: SlackRequest | Record<string, unknown>): Record<string, unknown> {
  const candidate = request as Partial<SlackRequest>;
  if (typeof candidate.kind === 'string' && typeof candidate.body === 'string' && candidate.payload) {
    return candidate.payload;
  }
  return request as Record<string, unknown>;
}
