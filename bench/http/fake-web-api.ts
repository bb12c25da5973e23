/**
 * A tiny stand-in for Slack's Web API on loopback, for the HTTP benchmarks: any `POST /api/<method>`
 * gets `{ ok: true, ... }`; `auth.test` answers for the bot `UBOT` / `BBOT` in team `T1`. It counts the
 * calls per method so the benchmark can show that slash commands cost no Web API round trip. A caller
 * that needs more (another answer, a path outside /api/) passes `intercept`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWebApi {
  /** The Web API base, `http://127.0.0.1:<port>/api/`, for `SLACK_API_URL`. */
  url: string;
  /** Calls received so far, by method name. */
  calls: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Sees each request with its body once it has arrived, after the call is counted; returns true when it
 * has answered the request itself, false to leave it to the defaults.
 */
export type Intercept = (req: IncomingMessage, body: string, res: ServerResponse) => boolean;

const AUTH_TEST = {
  ok: true,
  url: 'https://aws-tutor-bench.slack.com/',
  team: 'aws-tutor-bench',
  user: 'aws-tutor',
  team_id: 'T1',
  user_id: 'UBOT',
  bot_id: 'BBOT',
  is_enterprise_install: false,
};

function answer(method: string): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      return AUTH_TEST;
    case 'chat.postMessage':
    case 'chat.postEphemeral':
    case 'chat.update':
      return {
        ok: true,
        channel: 'C1',
        ts: `${Math.floor(Date.now() / 1000)}.000100`,
        message_ts: '1.000100',
      };
    default:
      return { ok: true };
  }
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  calls: Map<string, number>,
  intercept: Intercept | undefined,
): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const match = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
    const method = req.method === 'POST' ? match?.[1] : undefined;
    if (method) calls.set(method, (calls.get(method) ?? 0) + 1);
    if (intercept?.(req, Buffer.concat(chunks).toString('utf8'), res)) return;
    if (!method) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer(method)));
  });
}

/** Starts the fake on a free loopback port. */
export async function startFakeWebApi(intercept?: Intercept): Promise<FakeWebApi> {
  const calls = new Map<string, number>();
  const server = createServer((req, res) => handle(req, res, calls, intercept));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
