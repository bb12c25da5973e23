import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseUrlFetch } from '../../src/slack/response-url-fetch.js';

let server: Server;
let base: string;
const received: { method?: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      received.push({ method: req.method, headers: req.headers, body });
      const status = req.url === '/gone' ? 404 : 200;
      res.writeHead(status, { 'content-type': 'application/json', 'x-kept': 'yes' });
      res.end(JSON.stringify({ ok: status === 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const refuse: typeof fetch = () => Promise.reject(new Error('the built-in fetch was used'));

describe('responseUrlFetch', () => {
  it('posts a response_url answer itself, and hands back a Response with its status', async () => {
    const post = responseUrlFetch(refuse);
    const body = JSON.stringify({ text: 'héllo', replace_original: true });
    const response = await post(`${base}/response/1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(received.at(-1)).toMatchObject({ method: 'POST', body });
    expect(received.at(-1)?.headers['content-type']).toBe('application/json');
    expect(received.at(-1)?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('reports a failed answer as a not-ok Response with what Slack said, as fetch does', async () => {
    const response = await responseUrlFetch(refuse)(`${base}/gone`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-kept')).toBe('yes');
    expect(await response.json()).toEqual({ ok: false });
  });

  it('leaves Web API calls (with a token), GETs and aborted requests to the built-in fetch', async () => {
    const used: string[] = [];
    const fallback: typeof fetch = async (input) => {
      used.push(String(input));
      return new Response('{}');
    };
    const post = responseUrlFetch(fallback);
    await post(`${base}/api/chat.postMessage`, {
      method: 'POST',
      headers: { Authorization: 'Bearer xoxb-1', 'Content-Type': 'application/json' },
      body: '{}',
    });
    await post(`${base}/a`, { method: 'GET' });
    await post(`${base}/b`, { method: 'POST', body: '{}', headers: {}, signal: AbortSignal.timeout(1000) });
    expect(used).toEqual([`${base}/api/chat.postMessage`, `${base}/a`, `${base}/b`]);
  });

  it('rejects when nothing listens, as fetch does', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      responseUrlFetch(refuse)(`http://127.0.0.1:${port}/x`, { method: 'POST', headers: {}, body: '{}' }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
