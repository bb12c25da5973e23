import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Metrics } from './metrics.js';

/** A readiness probe that waits longer than this on the store is told "not ready". */
export const STORE_PING_TIMEOUT_MS = 2_000;

export interface ProbeTargets {
  /** The notes the tutor answers from; null or undefined while none are loaded. */
  knowledge: () => KnowledgeBase | null | undefined;
  store: { ping(): Promise<void> };
  /** Why Slack is not usable yet (a token not yet accepted, Slack out of reach), or null when it is. */
  slack?: () => string | null;
  metrics: Metrics;
  storePingTimeoutMs?: number;
}

/** A GET route of the app's HTTP port. */
export interface HttpRoute {
  path: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

function json(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Null when the store answered in time, else why not (never the driver's words: this is public). */
function pingWithin(store: ProbeTargets['store'], ms: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`store did not answer within ${ms / 1000} s`), ms);
  });
  const answered = Promise.resolve()
    .then(() => store.ping())
    .then(
      () => null,
      () => 'store unreachable',
    );
  return Promise.race([answered, late]).finally(() => clearTimeout(timer));
}

/**
 * `GET /healthz`: alive (200 whenever the process serves HTTP). `GET /readyz`: ready to answer
 * (the notes are loaded, Slack has accepted the tokens and the store answers a ping), else 503 with
 * the reason. `GET /metrics`: Prometheus text. Served in HTTP mode and in Socket Mode alike, from
 * the moment the port is open.
 */
export function observabilityRoutes(targets: ProbeTargets): HttpRoute[] {
  const timeoutMs = targets.storePingTimeoutMs ?? STORE_PING_TIMEOUT_MS;
  return [
    {
      path: '/healthz',
      handler: (_req: IncomingMessage, res: ServerResponse) => json(res, 200, { status: 'ok' }),
    },
    {
      path: '/readyz',
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        const knowledge = targets.knowledge();
        if (!knowledge || !Array.isArray(knowledge.topics)) {
          json(res, 503, { status: 'unavailable', reason: 'the notes are not loaded' });
          return;
        }
        const slackProblem = targets.slack?.() ?? null;
        if (slackProblem !== null) {
          json(res, 503, { status: 'unavailable', reason: slackProblem });
          return;
        }
        void pingWithin(targets.store, timeoutMs).then((problem) =>
          problem === null
            ? json(res, 200, { status: 'ok', topics: knowledge.topics.length })
            : json(res, 503, { status: 'unavailable', reason: problem }),
        );
      },
    },
    {
      path: '/metrics',
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        targets.metrics.text().then(
          (body) => {
            res.writeHead(200, { 'content-type': targets.metrics.contentType });
            res.end(body);
          },
          () => json(res, 500, { status: 'error', reason: 'could not collect the metrics' }),
        );
      },
    },
  ];
}
