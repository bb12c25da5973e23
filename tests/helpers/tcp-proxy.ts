import { type AddressInfo, createConnection, createServer, type Server, type Socket } from 'node:net';

/** Where a proxy forwards to. */
export interface ProxyTarget {
  host: string;
  port: number;
}

/**
 * A TCP proxy on 127.0.0.1 (a free port) in front of one server, for fault tests: it can cut every
 * open connection at once (as a server restart or a dropped network path would) and, for a while,
 * close every new connection as soon as it is made (as a server that is down or not ready would).
 */
export class TcpProxy {
  readonly #server: Server;
  readonly #target: ProxyTarget;
  /** Each open client socket, with its upstream socket once there is one. */
  readonly #pairs = new Map<Socket, Socket>();
  #refusing = false;
  #loseReplies = 0;
  /** How many more server replies pass before the next cut, one entry a cut still to come. */
  #cutsAfterReplies: number[] = [];
  #cutConnections = 0;
  #accepted = 0;
  #refused = 0;

  private constructor(server: Server, target: ProxyTarget) {
    this.#server = server;
    this.#target = target;
    server.on('connection', (client) => this.#handle(client));
  }

  /** Starts a proxy listening on 127.0.0.1 on a free port, forwarding to `target`. */
  static async start(target: ProxyTarget): Promise<TcpProxy> {
    const server = createServer();
    const proxy = new TcpProxy(server, target);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return proxy;
  }

  /** The port the proxy listens on. */
  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** Connections currently open through the proxy. */
  get openConnections(): number {
    return this.#pairs.size;
  }

  /** Connections forwarded so far. */
  get accepted(): number {
    return this.#accepted;
  }

  /** Connections closed on arrival while refusing, so far. */
  get refused(): number {
    return this.#refused;
  }

  /** Destroys every open connection, both sides; returns how many there were. */
  dropConnections(): number {
    const count = this.#pairs.size;
    for (const [client, upstream] of this.#pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.#pairs.clear();
    return count;
  }

  /** From now on, closes each new connection as soon as it arrives (open ones are left alone). */
  refuse(): void {
    this.#refusing = true;
  }

  /** From now on, forwards new connections again. */
  accept(): void {
    this.#refusing = false;
  }

  /**
   * Cuts the connection that next carries bytes from the server, throwing those bytes away: the
   * server did what it was asked (and, for a statement outside a transaction, committed it), but the
   * client never hears back. With an idle pooled connection, that is the next statement's reply.
   */
  loseNextReply(): void {
    this.#loseReplies += 1;
  }

  /**
   * Cuts every open connection just after the server's `replies[0]`-th reply (a chunk it sends)
   * from now, then after `replies[1]` more, and so on: cuts that land while traffic is under way
   * however fast or slow the machine is, as a timer could not promise.
   */
  cutAfterReplies(replies: number[]): void {
    this.#cutsAfterReplies = [...replies];
  }

  /** Connections the cuts of `cutAfterReplies` have dropped so far. */
  get cutConnections(): number {
    return this.#cutConnections;
  }

  /** Stops listening and drops every connection. */
  async close(): Promise<void> {
    this.#refusing = true;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.dropConnections();
    await closed;
  }

  #countReplyTowardsCut(): void {
    const left = this.#cutsAfterReplies[0];
    if (left === undefined) return;
    if (left > 1) {
      this.#cutsAfterReplies[0] = left - 1;
      return;
    }
    this.#cutsAfterReplies.shift();
    // After this turn, so the reply just written reaches its client before the cut.
    setImmediate(() => {
      this.#cutConnections += this.dropConnections();
    });
  }

  #handle(client: Socket): void {
    if (this.#refusing) {
      this.#refused += 1;
      client.resetAndDestroy();
      return;
    }
    this.#accepted += 1;
    const upstream = createConnection({ host: this.#target.host, port: this.#target.port });
    this.#pairs.set(client, upstream);
    const end = () => {
      this.#pairs.delete(client);
      client.destroy();
      upstream.destroy();
    };
    // Errors end the pair; each side's close is the other's.
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (this.#loseReplies > 0) {
        this.#loseReplies -= 1;
        end();
        return;
      }
      if (!client.write(chunk)) {
        upstream.pause();
        client.once('drain', () => upstream.resume());
      }
      this.#countReplyTowardsCut();
    });
  }
}
