import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** A response_url post that takes longer than this has failed (Slack answers them at once). */
const TIMEOUT_MS = 10_000;

const agents = {
  'http:': new HttpAgent({ keepAlive: true }),
  'https:': new HttpsAgent({ keepAlive: true }),
};

/**
 * The `fetch` Bolt and the Web API client are given. Posts to a `response_url` (how every button
 * click and slash command is answered) go over `node:http` with kept-alive connections: on Node 20
 * the built-in fetch spends several times the CPU per request, which a burst of quiz clicks feels.
 * Everything else, and every Web API call (they carry the token in `Authorization`), goes to the
 * built-in fetch unchanged. A successful post's Response has its status only (see `post`).
 */
export function responseUrlFetch(fallback: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init) => {
    const headers = init?.headers;
    const simple =
      typeof input === 'string' &&
      init?.method === 'POST' &&
      typeof init.body === 'string' &&
      init.signal == null &&
      headers !== undefined &&
      !(headers instanceof Headers) &&
      !Array.isArray(headers) &&
      !Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
    if (!simple) return fallback(input, init);
    return post(new URL(input), headers as Record<string, string>, init.body as string);
  };
}

function post(url: URL, headers: Record<string, string>, body: string): Promise<Response> {
  const agent =
    url.protocol === 'https:' ? agents['https:'] : url.protocol === 'http:' ? agents['http:'] : null;
  if (!agent) return Promise.reject(new TypeError(`cannot post to ${url.protocol} URLs`));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const statusText = res.statusMessage ?? '';
          // Slack's `ok` to a kept answer is read by no one, and a Response body and headers cost a
          // click ~100 µs of CPU under load (streams, transferables, garbage): only a refusal keeps them.
          if (status >= 200 && status < 300) {
            resolve(new Response(null, { status, statusText }));
            return;
          }
          // A Response may not carry a body with this status.
          const empty = status === 304;
          resolve(
            new Response(empty ? null : Buffer.concat(chunks), {
              status,
              statusText,
              headers: responseHeaders(res),
            }),
          );
        });
      },
    );
    req.setTimeout(TIMEOUT_MS, () =>
      req.destroy(new Error(`no answer from ${url.host} within ${TIMEOUT_MS / 1000} s`)),
    );
    req.on('error', reject);
    req.end(body);
  });
}

function responseHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}
