import { App, LogLevel } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import {
  eventsApiEnvelope,
  type FakeSocketMode,
  interactiveEnvelope,
  slashCommandEnvelope,
  socketEnvelope,
  startFakeSocketMode,
} from './fake-socket-mode.js';
import { quietLogger } from './quiet-logger.js';
import { appMention, blockAction, eventCallback, slashCommand, urlVerification } from './slack-requests.js';

let socket: FakeSocketMode;
let fakeSlack: FakeSlack;
const cleanups: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  socket = await startFakeSocketMode();
  fakeSlack = await startFakeSlack({ socketUrl: socket.url });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await socket.close();
  await fakeSlack.close();
});

/**
 * Resolves once the client has processed `n` hellos in total. The fake's `waitForConnection` only knows the
 * hello was sent; stopping a client before it read the hello of a reconnect leaves a rejected promise
 * inside @slack/socket-mode, so tests that reconnect and then stop wait for this.
 */
function helloCounter(client: SocketModeClient): (n: number, timeoutMs?: number) => Promise<void> {
  let count = 0;
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  client.on('connected', () => {
    count += 1;
    for (const waiter of waiters.filter((w) => count >= w.n)) waiter.resolve();
  });
  return (n, timeoutMs = 5000) =>
    new Promise<void>((resolve, reject) => {
      if (count >= n) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`the client processed ${count} hello(s), not ${n}, within ${timeoutMs} ms`)),
        timeoutMs,
      );
      waiters.push({
        n,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
}

/** A real SocketModeClient against the fakes; a short ping timeout makes its reconnect delay short too. */
function socketClient(): SocketModeClient {
  const client = new SocketModeClient({
    appToken: 'xapp-test',
    logger: quietLogger(),
    clientPingTimeout: 500,
    clientOptions: { slackApiUrl: fakeSlack.url, retryConfig: { retries: 0 } },
  });
  cleanups.push(() => client.disconnect());
  return client;
}

describe('fake Socket Mode', () => {
  it('listens on 127.0.0.1 at /link', () => {
    expect(socket.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link$/);
    expect(socket.connections).toBe(0);
  });

  it('greets a real SocketModeClient with hello, after apps.connections.open', async () => {
    const client = socketClient();
    const hello = new Promise<void>((resolve) => client.once('connected', () => resolve()));
    await client.start();
    await hello;
    await socket.waitForConnection(1);
    expect(socket.connections).toBe(1);
    expect(socket.openConnections).toBe(1);
    const open = fakeSlack.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe('xapp-test');
  });

  it('delivers a slash command envelope and receives the ack', async () => {
    const client = socketClient();
    client.on('slash_commands', async ({ ack, body }) => {
      await ack({ text: `got ${body.text}` });
    });
    await client.start();
    await socket.waitForConnection(1);

    const request = slashCommand({ text: 'quiz ec2', responseUrl: fakeSlack.responseUrl() });
    const envelopeId = socket.send(slashCommandEnvelope(request));
    const ack = await socket.waitForAck(envelopeId);
    expect(ack).toMatchObject({ envelope_id: envelopeId, payload: { text: 'got quiz ec2' } });
    expect(socket.acks).toHaveLength(1);
  });

  it('delivers events_api and interactive envelopes built from the HTTP payloads', async () => {
    const client = socketClient();
    const events: unknown[] = [];
    client.on('app_mention', async ({ ack, event, retry_num }) => {
      events.push({ event, retry_num });
      await ack();
    });
    client.on('interactive', async ({ ack, body }) => {
      events.push(body.actions[0].action_id);
      await ack();
    });
    await client.start();
    await socket.waitForConnection(1);

    const mention = eventsApiEnvelope(eventCallback(appMention({ text: 'hi', channel: 'C7' })), {
      retryAttempt: 1,
      retryReason: 'timeout',
    });
    const click = interactiveEnvelope(
      blockAction({ actionId: 'next', value: 'v', responseUrl: fakeSlack.responseUrl() }),
    );
    expect(socketEnvelope(slashCommand({ text: '', responseUrl: 'x' })).type).toBe('slash_commands');
    expect(() => socketEnvelope(urlVerification('c'))).toThrow(/only sends it over HTTP/);

    socket.send(mention);
    socket.send(click);
    expect(await socket.waitForAck(mention.envelope_id)).toMatchObject({ envelope_id: mention.envelope_id });
    expect(await socket.waitForAck(click.envelope_id)).toMatchObject({ envelope_id: click.envelope_id });
    expect(events).toEqual([{ event: expect.objectContaining({ channel: 'C7' }), retry_num: 1 }, 'next']);
  });

  it('drops connections from the server side and sees the client reconnect', async () => {
    const client = socketClient();
    const hellos = helloCounter(client);
    client.on('slash_commands', async ({ ack }) => {
      await ack();
    });
    await client.start();
    await socket.waitForConnection(1);

    await socket.dropConnections();
    expect(socket.openConnections).toBe(0);
    await socket.waitForConnection(2);
    expect(fakeSlack.callsTo('apps.connections.open')).toHaveLength(2);

    // the new connection works
    const envelopeId = socket.send(
      slashCommandEnvelope(slashCommand({ text: 'after', responseUrl: fakeSlack.responseUrl() })),
    );
    await socket.waitForAck(envelopeId);

    // an abrupt TCP drop: @slack/socket-mode logs a WebSocket error, then reconnects
    await socket.dropConnections({ abrupt: true });
    await socket.waitForConnection(3);
    await hellos(3);
  });

  it('reconnects after a disconnect message', async () => {
    const client = socketClient();
    const hellos = helloCounter(client);
    await client.start();
    await socket.waitForConnection(1);
    socket.sendDisconnect();
    await socket.waitForConnection(2);
    await hellos(2);
    expect(socket.openConnections).toBe(1);
  });

  it('explains what is missing when nothing connects or acks', async () => {
    await expect(socket.waitForConnection(1, 50)).rejects.toThrow(
      /connection #1 did not arrive within 50 ms\. Connections accepted: 0/,
    );
    expect(() =>
      socket.send({ type: 'slash_commands', payload: {}, accepts_response_payload: true }),
    ).toThrow(/no open connection/);
    const client = socketClient();
    await client.start();
    await socket.waitForConnection(1);
    const envelopeId = socket.send(
      slashCommandEnvelope(slashCommand({ text: 'unheard', responseUrl: fakeSlack.responseUrl() })),
    );
    await expect(socket.waitForAck(envelopeId, 50)).rejects.toThrow(
      new RegExp(`no ack for envelope ${envelopeId} within 50 ms`),
    );
  });
});

describe('a Bolt app in Socket Mode against the fakes', () => {
  it('connects via installerOptions.clientOptions.slackApiUrl and acks a command', async () => {
    const app = new App({
      token: 'xoxb-test',
      appToken: 'xapp-test',
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fakeSlack.url, retryConfig: { retries: 0 } },
      installerOptions: { clientOptions: { slackApiUrl: fakeSlack.url } },
    });
    app.command('/aws', async ({ ack, respond, command }) => {
      await ack();
      await respond({ text: `socket: ${command.text}` });
    });
    await app.start();
    cleanups.push(() => app.stop());
    await socket.waitForConnection(1);

    const responseUrl = fakeSlack.responseUrl('socket-cmd');
    const envelopeId = socket.send(slashCommandEnvelope(slashCommand({ text: 'quiz iam', responseUrl })));
    expect(await socket.waitForAck(envelopeId)).toMatchObject({ envelope_id: envelopeId });
    const call = await fakeSlack.waitForCall('response_url', (c) => c.responseUrlId === 'socket-cmd');
    expect(call.body).toMatchObject({ text: 'socket: quiz iam' });
  });
});
