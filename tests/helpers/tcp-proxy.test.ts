import { type AddressInfo, createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TcpProxy } from './tcp-proxy.js';

/** An echo server on 127.0.0.1. */
async function echoServer(): Promise<Server> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function connect(port: number): Socket {
  const socket = createConnection({ host: '127.0.0.1', port });
  socket.on('error', () => undefined);
  return socket;
}

/** Sends `text` and resolves with what comes back. */
function roundTrip(socket: Socket, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('data', (data) => resolve(data.toString()));
    socket.once('close', () => reject(new Error('closed')));
    socket.write(text);
  });
}

/** Resolves when `socket` is closed, whoever closed it. */
function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) resolve();
    else socket.once('close', () => resolve());
  });
}

describe('TcpProxy', () => {
  let echo: Server;
  let proxy: TcpProxy;
  const sockets: Socket[] = [];

  beforeEach(async () => {
    echo = await echoServer();
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: (echo.address() as AddressInfo).port });
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await proxy.close();
    await new Promise((resolve) => echo.close(resolve));
  });

  function open(): Socket {
    const socket = connect(proxy.port);
    sockets.push(socket);
    return socket;
  }

  it('forwards both ways', async () => {
    const socket = open();
    expect(await roundTrip(socket, 'hello')).toBe('hello');
    expect(proxy.openConnections).toBe(1);
    expect(proxy.accepted).toBe(1);
  });

  it('drops every open connection, and takes new ones after', async () => {
    const [a, b] = [open(), open()];
    await roundTrip(a, 'a');
    await roundTrip(b, 'b');
    expect(proxy.dropConnections()).toBe(2);
    await Promise.all([closed(a), closed(b)]);
    expect(proxy.openConnections).toBe(0);
    expect(await roundTrip(open(), 'again')).toBe('again');
  });

  it('can lose the next reply: the server got the bytes, the client is cut off', async () => {
    const received: string[] = [];
    echo.on('connection', (socket) => socket.on('data', (data) => received.push(data.toString())));
    const socket = open();
    await roundTrip(socket, 'first');
    proxy.loseNextReply();
    await expect(roundTrip(socket, 'lost')).rejects.toThrow('closed');
    expect(received).toEqual(['first', 'lost']);
    expect(await roundTrip(open(), 'next')).toBe('next');
  });

  it('cuts every open connection just after the replies it was told to count, and only then', async () => {
    const [a, b] = [open(), open()];
    await roundTrip(b, 'b');
    proxy.cutAfterReplies([2, 1]);
    expect(await roundTrip(a, 'one')).toBe('one');
    expect(proxy.cutConnections).toBe(0);
    expect(await roundTrip(a, 'two')).toBe('two');
    await Promise.all([closed(a), closed(b)]);
    expect(proxy.cutConnections).toBe(2);
    const c = open();
    expect(await roundTrip(c, 'three')).toBe('three');
    await closed(c);
    expect(proxy.cutConnections).toBe(3);
    expect(await roundTrip(open(), 'after the cuts')).toBe('after the cuts');
  });

  it('closes new connections while refusing, keeps open ones, and forwards again after accept', async () => {
    const kept = open();
    await roundTrip(kept, 'kept');
    proxy.refuse();
    const refused = open();
    await closed(refused);
    expect(proxy.refused).toBe(1);
    expect(await roundTrip(kept, 'still')).toBe('still');
    proxy.accept();
    expect(await roundTrip(open(), 'back')).toBe('back');
  });
});
