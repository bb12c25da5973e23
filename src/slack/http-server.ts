import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRoute } from '../observability/routes.js';

/** The HTTP port could not be opened; the message names PORT and what to do about it. */
export class PortError extends Error {
  override name = 'PortError';
}

/** Where Slack sends commands, events and button clicks in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface AppHttpServerOptions {
  /** 0 picks a free one. */
  port: number;
  /** /healthz, /readyz, /metrics: served from the moment the port is open. */
  routes: readonly HttpRoute[];
  /** HTTP mode: Slack's requests come to POST /slack/events (answered 503 until `serveSlack`). */
  slackEvents: boolean;
  /** Told the status of each answer to Slack's requests. */
  onSlackAnswer?: (status: number) => void;
}

/** The process's one HTTP port. */
export interface AppHttpServer {
  readonly server: Server;
  readonly port: number;
  /** From now on POST /slack/events goes to `listener` (Bolt's HTTP receiver). */
  serveSlack(listener: RequestListener): void;
  /** Stops taking connections and closes the idle ones; resolves once every connection is closed. */
  close(): Promise<void>;
}

function portProblem(error: NodeJS.ErrnoException, port: number): PortError {
  switch (error.code) {
    case 'EADDRINUSE':
      return new PortError(
        `PORT=${port} is already in use by another process: stop that process, or set PORT to a free port`,
      );
    case 'EACCES':
      return new PortError(
        `PORT=${port} may not be opened by this user (ports below 1024 need privileges): set PORT to 1024 or above, e.g. 3000`,
      );
    default:
      return new PortError(
        `PORT=${port} could not be opened (${error.code ?? error.message}): set PORT to a free port`,
      );
  }
}

function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Opens the HTTP port before anything talks to Slack, so a busy port is found at once and
 * /healthz and /readyz answer while the app waits for Slack; Slack's own requests (HTTP mode) are
 * handed to Bolt's receiver once the app is ready. Throws PortError when the port cannot be opened.
 */
export async function listenHttp(options: AppHttpServerOptions): Promise<AppHttpServer> {
  const routes = new Map(options.routes.map((route) => [route.path, route.handler]));
  const { onSlackAnswer } = options;
  let slack: RequestListener | null = null;

  const server = createServer((req, res) => {
    const path = pathOf(req.url);
    const route = req.method === 'GET' ? routes.get(path) : undefined;
    if (route) {
      route(req, res);
      return;
    }
    if (!options.slackEvents || path !== SLACK_EVENTS_PATH || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    if (!slack) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
      res.end(JSON.stringify({ status: 'unavailable', reason: 'not connected to Slack yet' }));
      return;
    }
    if (onSlackAnswer) res.once('finish', () => onSlackAnswer(res.statusCode));
    slack(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    const refused = (error: NodeJS.ErrnoException) => reject(portProblem(error, options.port));
    server.once('error', refused);
    server.listen(options.port, () => {
      server.off('error', refused);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    serveSlack(listener) {
      slack = listener;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
