import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockKitViolations } from './block-kit-limits.js';

/**
 * A local stand-in for the Slack Web API (and for `response_url`s), on 127.0.0.1, for tests that run the
 * real Bolt app against it: pass `fakeSlack.url` as `clientOptions.slackApiUrl`. It records every call,
 * answers like Slack (including Block Kit limit rejections), and can be told to fail the next calls, to
 * refuse a token, and which scopes to report. To be a Slack that is down and comes up later, point the
 * app at a free port and start the fake on that `port` when it should come up.
 */

/** A parsed JSON object; `any` so tests can reach into recorded bodies without casts. */
// biome-ignore lint/suspicious/noExplicitAny: recorded request bodies are arbitrary JSON read by tests
export type JsonObject = Record<string, any>;

export interface RecordedCall {
  /** The Web API method (`chat.postMessage`), or `response_url` for a POST to a `responseUrl()`. */
  method: string;
  /**
   * The parameters. Form-encoded nested fields (`blocks`, `view`, `attachments`, …) are parsed back to
   * objects; other form values stay strings as sent (`'true'`, `'10'`), JSON bodies keep their types.
   */
  body: JsonObject;
  /** From `Authorization: Bearer …`, else a `token` parameter. */
  token: string | undefined;
  /** `Date.now()` when the request arrived. */
  at: number;
  contentType: string | undefined;
  rawBody: string;
  /** The `<id>` of `/response/<id>`, for `response_url` calls. */
  responseUrlId?: string;
  /** The HTTP status the fake answered with. */
  status: number;
  /** The JSON the fake answered with. */
  response: JsonObject;
}

/**
 * What `failNext` makes the next call(s) answer:
 * - `{ status: 500 }` (or any non-200 status): that HTTP status, body `{ ok: false, error: 'fake_http_500' }`;
 * - `{ status: 429, retryAfterSeconds }`: HTTP 429 with `Retry-After` (omit it to send no header), body
 *   `{ ok: false, error: 'ratelimited' }`;
 * - `{ error: 'channel_not_found' }`: HTTP 200 with `{ ok: false, error }`; with `needed` (for
 *   `missing_scope`), Slack's `needed` and `provided` (the scopes) fields too.
 */
export type FakeFailure = { status: number; retryAfterSeconds?: number } | { error: string; needed?: string };

export interface FailNextOptions {
  /** How many of the next calls to the method fail (default 1). */
  times?: number;
}

export interface FakeSlackOptions {
  /** What `apps.connections.open` answers as `url` (can also be set later with `setSocketUrl`). */
  socketUrl?: string;
  /** Per user id, fields merged over the default `users.info` user (`tz: 'Europe/Berlin'`, `is_admin: false`). */
  users?: Record<string, JsonObject>;
  /** Per channel id, fields merged over the default `conversations.info` channel. */
  channels?: Record<string, JsonObject>;
  /** Enforce Block Kit limits (default true). */
  validateBlocks?: boolean;
  /** Listen on this port (default: a free one). */
  port?: number;
  /**
   * The token's granted scopes, sent as Slack sends them on every Web API answer: the
   * `x-oauth-scopes` header (default: no header).
   */
  scopes?: string[];
  /** Tokens Slack refuses: every call made with one is answered `{ ok: false, error }` (e.g. `invalid_auth`). */
  refusedTokens?: Record<string, string>;
}

export interface FakeSlack {
  /** The Web API base with a trailing slash, e.g. `http://127.0.0.1:PORT/api/`: the `slackApiUrl`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** Every call so far (since the last `reset()`), oldest first. Live: cleared in place by `reset()`. */
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /**
   * The first call to `method` (already made or still to come) for which `predicate` is true; rejects
   * after `timeoutMs` with a message listing the calls seen. A predicate that throws counts as no match.
   */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** The first `count` calls to `method` matching `predicate`, once there are that many. */
  waitForCalls(
    method: string,
    count: number,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall[]>;
  /** Makes the next call(s) to `method` (or `response_url`) fail; queued behind earlier `failNext`s. */
  failNext(method: string, failure: FakeFailure, options?: FailNextOptions): void;
  /** Forgets the recorded calls and pending failures (not users, channels or the socket URL). */
  reset(): void;
  /** A `response_url` on this server: `${origin}/response/<id>`; a fresh id by default. */
  responseUrl(id?: string): string;
  setSocketUrl(url: string | undefined): void;
  setUser(userId: string, fields: JsonObject): void;
  setChannel(channelId: string, fields: JsonObject): void;
  /** The scopes reported in `x-oauth-scopes` from now on; undefined sends no header. */
  setScopes(scopes: string[] | undefined): void;
  /** Refuses every call made with `token` with `error` from now on; null accepts it again. */
  refuseToken(token: string, error: string | null): void;
  close(): Promise<void>;
}

const TEAM_ID = 'T1';
const TEAM_DOMAIN = 'aws-tutor-test';
const BOT_USER_ID = 'UBOT';
const BOT_ID = 'BBOT';
const APP_ID = 'A1';
const DEFAULT_TZ = 'Europe/Berlin';

interface Answer {
  status: number;
  body: JsonObject;
  headers?: Record<string, string>;
}

interface Waiter {
  method: string;
  count: number;
  predicate: ((call: RecordedCall) => boolean) | undefined;
  resolve: (calls: RecordedCall[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const waiters = new Set<Waiter>();
  const failures = new Map<string, Array<{ failure: FakeFailure; remaining: number }>>();
  const users = new Map<string, JsonObject>(Object.entries(options.users ?? {}));
  const channels = new Map<string, JsonObject>(Object.entries(options.channels ?? {}));
  const validateBlocks = options.validateBlocks ?? true;
  const refusedTokens = new Map<string, string>(Object.entries(options.refusedTokens ?? {}));
  let scopes = options.scopes;
  let socketUrl = options.socketUrl;
  let tsCounter = 0;
  let viewCounter = 0;
  let closed = false;
  let origin = '';

  /** `1700000000.000100`, `1700000000.000200`, …: unique and increasing, like Slack's. */
  function nextTs(): string {
    tsCounter += 1;
    const micros = tsCounter * 100;
    return `${1_700_000_000 + Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  function matching(
    method: string,
    predicate: ((call: RecordedCall) => boolean) | undefined,
  ): RecordedCall[] {
    return calls.filter((call) => {
      if (call.method !== method) return false;
      if (!predicate) return true;
      try {
        return predicate(call);
      } catch {
        return false;
      }
    });
  }

  function settleWaiters(): void {
    for (const waiter of waiters) {
      const found = matching(waiter.method, waiter.predicate);
      if (found.length >= waiter.count) {
        clearTimeout(waiter.timer);
        waiters.delete(waiter);
        waiter.resolve(found.slice(0, waiter.count));
      }
    }
  }

  function waitForCalls(
    method: string,
    count: number,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs = 5000,
  ): Promise<RecordedCall[]> {
    const found = matching(method, predicate);
    if (found.length >= count) return Promise.resolve(found.slice(0, count));
    if (closed) return Promise.reject(new Error(`fake Slack is closed; cannot wait for ${method}`));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        count,
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          const got = matching(method, predicate).length;
          const matchingText = predicate ? ' matching the predicate' : '';
          const wanted =
            count === 1
              ? `no ${method} call${matchingText}`
              : `${got} of the ${count} ${method} calls${matchingText} awaited`;
          reject(new Error(`fake Slack: ${wanted} within ${timeoutMs} ms. ${describeCalls(calls)}`));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  }

  function takeFailure(method: string): FakeFailure | undefined {
    const queue = failures.get(method);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    if (queue.length === 0) failures.delete(method);
    return head.failure;
  }

  function userFor(userId: string): JsonObject {
    const overrides = users.get(userId) ?? {};
    const tz = typeof overrides.tz === 'string' ? overrides.tz : DEFAULT_TZ;
    const name = `user.${userId.toLowerCase()}`;
    const realName = `User ${userId}`;
    return {
      id: userId,
      team_id: TEAM_ID,
      name,
      deleted: false,
      color: '9f69e7',
      real_name: realName,
      tz,
      tz_label: tzLabel(tz),
      tz_offset: tzOffsetSeconds(tz),
      profile: { real_name: realName, display_name: name, team: TEAM_ID },
      is_admin: false,
      is_owner: false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: false,
      is_app_user: false,
      updated: 1_700_000_000,
      ...overrides,
    };
  }

  function channelFor(channelId: string): JsonObject {
    const isIm = channelId.startsWith('D');
    return {
      id: channelId,
      name: isIm ? undefined : `channel-${channelId.toLowerCase()}`,
      is_channel: !isIm,
      is_group: false,
      is_im: isIm,
      is_mpim: false,
      is_private: isIm || channelId.startsWith('G'),
      is_archived: false,
      is_general: false,
      is_member: true,
      created: 1_600_000_000,
      context_team_id: TEAM_ID,
      ...(isIm ? { user: 'U1' } : {}),
      ...(channels.get(channelId) ?? {}),
    };
  }

  /** The bot's message as Slack echoes it back. */
  function botMessage(body: JsonObject, ts: string): JsonObject {
    return {
      type: 'message',
      user: BOT_USER_ID,
      bot_id: BOT_ID,
      app_id: APP_ID,
      team: TEAM_ID,
      text: typeof body.text === 'string' ? body.text : '',
      ts,
      ...(Array.isArray(body.blocks) ? { blocks: body.blocks } : {}),
      ...(body.attachments !== undefined ? { attachments: body.attachments } : {}),
      ...(body.thread_ts !== undefined ? { thread_ts: String(body.thread_ts) } : {}),
      ...(body.metadata !== undefined ? { metadata: body.metadata } : {}),
    };
  }

  function checkBlocks(blocks: unknown, kind: 'message' | 'home'): Answer | undefined {
    if (blocks === undefined || blocks === null || blocks === '') return undefined;
    if (!Array.isArray(blocks)) {
      return platformError('invalid_blocks_format', ['[ERROR] `blocks` must be a JSON array of blocks']);
    }
    if (!validateBlocks) return undefined;
    const violations = blockKitViolations(blocks, kind);
    if (violations.length === 0) return undefined;
    return {
      status: 200,
      body: {
        ok: false,
        error: 'invalid_blocks',
        errors: violations,
        response_metadata: { messages: violations.map((v) => `[ERROR] ${v}`) },
      },
    };
  }

  function hasContent(body: JsonObject): boolean {
    const text = typeof body.text === 'string' && body.text.length > 0;
    const blocks = Array.isArray(body.blocks) && body.blocks.length > 0;
    const attachments = body.attachments !== undefined && body.attachments !== '';
    return text || blocks || attachments;
  }

  function answerApi(method: string, body: JsonObject, token: string | undefined): Answer {
    if (!token) return platformError('not_authed');
    const refused = refusedTokens.get(token);
    if (refused) return platformError(refused);
    switch (method) {
      case 'auth.test':
        return ok({
          url: `https://${TEAM_DOMAIN}.slack.com/`,
          team: TEAM_DOMAIN,
          user: 'aws-tutor',
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
          is_enterprise_install: false,
        });
      case 'chat.postMessage': {
        if (!body.channel) return platformError('channel_not_found');
        const invalid = checkBlocks(body.blocks, 'message');
        if (invalid) return invalid;
        if (!hasContent(body)) return platformError('no_text');
        const ts = nextTs();
        const channel = dmChannelFor(String(body.channel));
        return ok({ channel, ts, message: botMessage(body, ts) });
      }
      case 'chat.postEphemeral': {
        if (!body.channel) return platformError('channel_not_found');
        if (!body.user) return platformError('user_not_found');
        const invalid = checkBlocks(body.blocks, 'message');
        if (invalid) return invalid;
        if (!hasContent(body)) return platformError('no_text');
        return ok({ message_ts: nextTs() });
      }
      case 'chat.update': {
        if (!body.channel) return platformError('channel_not_found');
        if (!body.ts) return platformError('message_not_found');
        const invalid = checkBlocks(body.blocks, 'message');
        if (invalid) return invalid;
        if (!hasContent(body)) return platformError('no_text');
        const ts = String(body.ts);
        return ok({
          channel: String(body.channel),
          ts,
          text: typeof body.text === 'string' ? body.text : '',
          message: botMessage(body, ts),
        });
      }
      case 'chat.delete':
        if (!body.channel) return platformError('channel_not_found');
        if (!body.ts) return platformError('message_not_found');
        return ok({ channel: String(body.channel), ts: String(body.ts) });
      case 'views.publish': {
        if (!body.user_id)
          return platformError('invalid_arguments', ['[ERROR] missing required field: user_id']);
        const view = body.view;
        if (typeof view !== 'object' || view === null || Array.isArray(view)) {
          return platformError('invalid_arguments', ['[ERROR] missing required field: view']);
        }
        if (view.type !== 'home') {
          return platformError('invalid_arguments', [
            '[ERROR] views.publish only publishes views of type `home`',
          ]);
        }
        const invalid = checkBlocks(view.blocks ?? [], 'home');
        if (invalid) return invalid;
        viewCounter += 1;
        return ok({
          view: {
            id: `V${String(viewCounter).padStart(8, '0')}`,
            team_id: TEAM_ID,
            type: 'home',
            private_metadata: '',
            callback_id: '',
            external_id: '',
            state: { values: {} },
            hash: `${nextTs()}.${randomBytes(4).toString('hex')}`,
            clear_on_close: false,
            notify_on_close: false,
            root_view_id: `V${String(viewCounter).padStart(8, '0')}`,
            previous_view_id: null,
            app_id: APP_ID,
            bot_id: BOT_ID,
            ...view,
          },
        });
      }
      case 'users.info':
        if (!body.user) return platformError('user_not_found');
        return ok({ user: userFor(String(body.user)) });
      case 'conversations.info':
        if (!body.channel) return platformError('channel_not_found');
        return ok({ channel: channelFor(String(body.channel)) });
      case 'apps.connections.open':
        if (!socketUrl) {
          return platformError('fake_slack_has_no_socket_url', [
            '[ERROR] startFakeSlack({ socketUrl }) or fakeSlack.setSocketUrl(url) first',
          ]);
        }
        return ok({ url: socketUrl });
      default:
        return ok({});
    }
  }

  function answerResponseUrl(body: JsonObject): Answer {
    const invalid = checkBlocks(body.blocks, 'message');
    // Slack answers a response_url POST with invalid blocks with HTTP 400 (Bolt's `respond` then throws).
    if (invalid) return { ...invalid, status: 400 };
    return ok({});
  }

  function answerFailure(failure: FakeFailure): Answer {
    if ('error' in failure) {
      const answer = platformError(failure.error);
      if (failure.needed !== undefined) {
        Object.assign(answer.body, { needed: failure.needed, provided: (scopes ?? []).join(',') });
      }
      return answer;
    }
    if (failure.status === 429) {
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers:
          failure.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(failure.retryAfterSeconds) },
      };
    }
    return { status: failure.status, body: { ok: false, error: `fake_http_${failure.status}` } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const rawBody = await readBody(req);
    const requestUrl = new URL(req.url ?? '/', origin);
    const path = requestUrl.pathname;
    let method: string;
    let responseUrlId: string | undefined;
    if (path.startsWith('/api/') && path.length > '/api/'.length) {
      method = decodeURIComponent(path.slice('/api/'.length));
    } else if (path.startsWith('/response/')) {
      method = 'response_url';
      responseUrlId = decodeURIComponent(path.slice('/response/'.length));
    } else {
      send(res, { status: 404, body: { ok: false, error: 'fake_slack_unknown_path', path } });
      return;
    }
    const contentType = req.headers['content-type'];
    const body = parseBody(rawBody, contentType, requestUrl.searchParams);
    const token =
      bearerToken(req.headers.authorization) ?? (typeof body.token === 'string' ? body.token : undefined);
    const failure = takeFailure(method);
    let answer: Answer;
    if (failure) answer = answerFailure(failure);
    else if (method === 'response_url') answer = answerResponseUrl(body);
    else answer = answerApi(method, body, token);
    if (method !== 'response_url' && scopes !== undefined) {
      answer = { ...answer, headers: { ...answer.headers, 'x-oauth-scopes': scopes.join(',') } };
    }
    const call: RecordedCall = {
      method,
      body,
      token,
      at,
      contentType,
      rawBody,
      status: answer.status,
      response: answer.body,
    };
    if (responseUrlId !== undefined) call.responseUrlId = responseUrlId;
    calls.push(call);
    settleWaiters();
    send(res, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent)
        send(res, { status: 500, body: { ok: false, error: 'fake_slack_crashed', message } });
    });
  });
  // The WebClient keeps connections alive; don't let an idle one hold `close()` up.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/api/`,
    origin,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitForCall: async (method, predicate, timeoutMs) => {
      const [call] = await waitForCalls(method, 1, predicate, timeoutMs);
      return call as RecordedCall;
    },
    waitForCalls,
    failNext(method, failure, failOptions = {}) {
      const times = failOptions.times ?? 1;
      if (!Number.isInteger(times) || times < 1)
        throw new Error(`failNext: times must be a positive integer`);
      const queue = failures.get(method) ?? [];
      queue.push({ failure, remaining: times });
      failures.set(method, queue);
    },
    reset() {
      calls.length = 0;
      failures.clear();
    },
    responseUrl: (id = randomBytes(6).toString('hex')) => `${origin}/response/${encodeURIComponent(id)}`,
    setSocketUrl(url) {
      socketUrl = url;
    },
    setUser(userId, fields) {
      users.set(userId, { ...(users.get(userId) ?? {}), ...fields });
    },
    setChannel(channelId, fields) {
      channels.set(channelId, { ...(channels.get(channelId) ?? {}), ...fields });
    },
    setScopes(granted) {
      scopes = granted;
    },
    refuseToken(token, error) {
      if (error === null) refusedTokens.delete(token);
      else refusedTokens.set(token, error);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(
          new Error(`fake Slack closed while waiting for ${waiter.method}. ${describeCalls(calls)}`),
        );
      }
      waiters.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function ok(fields: JsonObject): Answer {
  return { status: 200, body: { ok: true, ...fields } };
}

function platformError(error: string, messages?: string[]): Answer {
  return {
    status: 200,
    body: { ok: false, error, ...(messages ? { response_metadata: { messages } } : {}) },
  };
}

function send(res: ServerResponse, answer: Answer): void {
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...(answer.headers ?? {}),
  });
  res.end(text);
}

/** Posting to a user id opens (or reuses) the DM with the app, and Slack answers with the `D…` id. */
function dmChannelFor(channel: string): string {
  return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel.slice(1)}` : channel;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match?.[1];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Form values the WebClient JSON-encoded (objects and arrays) are decoded back; `text` always stays as sent. */
function parseBody(raw: string, contentType: string | undefined, query: URLSearchParams): JsonObject {
  const body: JsonObject = {};
  for (const [key, value] of query) body[key] = decodeFormValue(key, value);
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    if (raw.trim() === '') return body;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        return { ...body, ...(parsed as JsonObject) };
      }
      return { ...body, _json: parsed };
    } catch {
      return { ...body, _unparsable: raw };
    }
  }
  if (type === 'application/x-www-form-urlencoded' || (type === '' && raw.length > 0)) {
    for (const [key, value] of new URLSearchParams(raw)) body[key] = decodeFormValue(key, value);
  }
  return body;
}

function decodeFormValue(key: string, value: string): unknown {
  if (key === 'text' || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function describeCalls(calls: RecordedCall[]): string {
  if (calls.length === 0) return 'No calls were made.';
  const lines = calls.map((call, index) => {
    const { token: _token, ...params } = call.body;
    let summary = JSON.stringify(params);
    if (summary.length > 160) summary = `${summary.slice(0, 157)}...`;
    const outcome = call.response.ok === true ? 'ok' : `${call.status} ${String(call.response.error ?? '')}`;
    return `  ${index + 1}. ${call.method} ${summary} -> ${outcome}`;
  });
  return `Calls seen (${calls.length}):\n${lines.join('\n')}`;
}

function tzOffsetSeconds(tz: string, at: Date = new Date()): number {
  try {
    const name =
      new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!match) return 0;
    return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60);
  } catch {
    return 0;
  }
}

function tzLabel(tz: string): string {
  try {
    return (
      new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value ?? tz
    );
  } catch {
    return tz;
  }
}
