import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A `response_url` that holds each answer for `delayMs`: the app's reply to a click is then still
 * under way when the test signals it.
 */
export interface SlowResponseUrl {
  url: string;
  /** Resolves when the app's POST arrives. */
  arrived: Promise<void>;
  /** Resolves with Date.now() when the held answer was sent back. */
  answered: Promise<number>;
  close(): Promise<void>;
}

export async function slowResponseUrl(delayMs: number): Promise<SlowResponseUrl> {
  let arrive: () => void = () => undefined;
  let answer: (at: number) => void = () => undefined;
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const answered = new Promise<number>((resolve) => {
    answer = resolve;
  });
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      arrive();
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
        answer(Date.now());
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/response`,
    arrived,
    answered,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
