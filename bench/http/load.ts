/**
 * A closed-loop load generator for `npm run bench:http`: N keep-alive connections on loopback, each
 * sending a freshly signed `/aws <question>` slash command as soon as the previous answer arrives, for
 * a fixed duration. Records each request's latency and status. Stops by itself: no request is started
 * after the deadline and every request gives up after `requestTimeoutMs`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  /** `http://127.0.0.1:<port>`: loopback only. */
  baseUrl: string;
  signingSecret: string;
  connections: number;
  durationMs: number;
  /** The `/aws` texts, sent in turn. */
  questions: readonly string[];
  /** Defaults to Bolt's `/slack/events`. */
  path?: string;
  /** A request not answered in this long counts as an error (default 10 s). */
  requestTimeoutMs?: number;
}

export interface LoadResult {
  connections: number;
  /** From the first request to the last answer. */
  elapsedMs: number;
  /** Answered requests, whatever their status, plus failed ones. */
  requests: number;
  /** Anything but a 200: another status, a network error or a timeout. */
  errors: number;
  /** 200s per second. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanResponseBytes: number;
  /** Count by status code, or by error name for requests that got no status. */
  outcomes: Record<string, number>;
}

const USERS = Array.from({ length: 20 }, (_, i) => `U${String(1000 + i)}`);

let sequence = 0;

/** The form fields Slack sends for `/aws <text>`, with a fresh trigger id. */
function slashCommandBody(text: string, responseUrl: string): string {
  sequence += 1;
  const userId = USERS[sequence % USERS.length] ?? 'U1000';
  return new URLSearchParams({
    token: 'verification-token',
    team_id: 'T1',
    team_domain: 'aws-tutor-bench',
    channel_id: 'C1',
    channel_name: 'aws-study',
    user_id: userId,
    user_name: `user.${userId.toLowerCase()}`,
    command: '/aws',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${Date.now()}.${sequence}.${randomBytes(8).toString('hex')}`,
  }).toString();
}

export function signatureHeaders(secret: string, body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const hex = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'X-Slack-Request-Timestamp': timestamp, 'X-Slack-Signature': `v0=${hex}` };
}

interface Outcome {
  outcome: string;
  bytes: number;
}

export function send(
  agent: Agent,
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (!settled) {
        settled = true;
        resolve(outcome);
      }
    };
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': String(Buffer.byteLength(body)),
          'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
          ...headers,
        },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () => settle({ outcome: String(res.statusCode ?? 0), bytes }));
        res.on('error', (error: NodeJS.ErrnoException) =>
          settle({ outcome: error.code ?? error.name, bytes }),
        );
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) =>
      settle({ outcome: error.code ?? error.name, bytes: 0 }),
    );
    req.end(body);
  });
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Runs the closed loop for `durationMs` and summarises it. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const base = new URL(options.baseUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) {
    throw new Error(`load: refusing to load ${base.hostname}; loopback only`);
  }
  if (options.questions.length === 0) throw new Error('load: no questions');
  const url = new URL(options.path ?? '/slack/events', base);
  const responseUrl = `${base.origin}/bench/response-url-unused`;
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });

  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let responseBytes = 0;
  const outcomes: Record<string, number> = {};
  let next = 0;

  const started = performance.now();
  const deadline = started + options.durationMs;

  const connection = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const text = options.questions[next % options.questions.length] ?? '';
      next += 1;
      const body = slashCommandBody(text, responseUrl);
      const headers = signatureHeaders(options.signingSecret, body);
      const sent = performance.now();
      const { outcome, bytes } = await send(agent, url, body, headers, timeoutMs);
      const latency = performance.now() - sent;
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count] = latency;
      count += 1;
      responseBytes += bytes;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };

  try {
    await Promise.all(Array.from({ length: options.connections }, connection));
  } finally {
    agent.destroy();
  }
  const elapsedMs = performance.now() - started;
  const sorted = latencies.slice(0, count).sort();
  const ok = outcomes['200'] ?? 0;
  return {
    connections: options.connections,
    elapsedMs,
    requests: count,
    errors: count - ok,
    requestsPerSecond: ok / (elapsedMs / 1000),
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: percentile(sorted, 1),
    meanResponseBytes: count === 0 ? 0 : responseBytes / count,
    outcomes,
  };
}
