/**
 * A tiny stand-in for Slack's Web API on loopback, for `npm run bench:http`: any `POST /api/<method>`
 * gets `{ ok: true, ... }`; `auth.test` answers for the bot `UBOT` / `BBOT` in team `T1`. It counts the
 * calls per method so the benchmark can show that slash commands cost no Web API round trip.
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

function handle(req: IncomingMessage, res: ServerResponse, calls: Map<string, number>): void {
  // Drain the body (form or JSON); the answer never depends on it.
  req.resume();
  req.on('end', () => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const match = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
    if (req.method !== 'POST' || !match?.[1]) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
      return;
    }
    const method = match[1];
    calls.set(method, (calls.get(method) ?? 0) + 1);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer(method)));
  });
}

/** Starts the fake on a free loopback port. */
export async function startFakeWebApi(): Promise<FakeWebApi> {
  const calls = new Map<string, number>();
  const server = createServer((req, res) => handle(req, res, calls));
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
