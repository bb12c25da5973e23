import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import {
  eventsApiEnvelope,
  type FakeSocketMode,
  slashCommandEnvelope,
  startFakeSocketMode,
} from '../helpers/fake-socket-mode.js';
import { BOT_TOKEN, startTestSlackApp, type TestSlackApp } from '../helpers/slack-app.js';
import {
  appMention,
  eventCallback,
  nextTs,
  SLACK_DEFAULTS,
  slashCommand,
} from '../helpers/slack-requests.js';

let slack: FakeSlack;
let socket: FakeSocketMode;
let tutor: TestSlackApp;

beforeAll(async () => {
  socket = await startFakeSocketMode();
  slack = await startFakeSlack({ socketUrl: socket.url });
  tutor = await startTestSlackApp(
    { mode: 'socket', botToken: BOT_TOKEN, appToken: 'xapp-test-token' },
    slack.url,
  );
  await socket.waitForConnection(1);
});

afterAll(async () => {
  await tutor?.stop();
  await socket?.close();
  await slack?.close();
});

beforeEach(() => slack.reset());

async function askBySlashCommand(text: string) {
  const envelopeId = socket.send(
    slashCommandEnvelope(slashCommand({ text, responseUrl: slack.responseUrl() })),
  );
  return socket.waitForAck(envelopeId);
}

describe('Socket Mode', () => {
  it('opens its connection through apps.connections.open on the configured Web API', async () => {
    expect(socket.connections).toBeGreaterThanOrEqual(1);
    expect(socket.openConnections).toBe(1);
  });

  it('acknowledges a slash command envelope with the answer as its payload', async () => {
    const ack = await askBySlashCommand('what is fargate');
    const payload = ack.payload as { response_type?: string };
    expect(payload.response_type).toBe('ephemeral');
    expect(visibleTexts(payload).join('\n')).toMatch(/Fargate/);
  });

  it('acknowledges an events_api envelope and answers the mention in its thread', async () => {
    const ts = nextTs();
    const envelopeId = socket.send(
      eventsApiEnvelope(eventCallback(appMention({ text: '<@UBOT> what is ecr', ts }))),
    );
    await socket.waitForAck(envelopeId);
    const posted = await slack.waitForCall('chat.postMessage');
    expect(posted.body.channel).toBe(SLACK_DEFAULTS.channelId);
    expect(posted.body.thread_ts).toBe(ts);
    expect(visibleTexts(posted.body).join('\n')).toMatch(/ECR/);
  });

  it('answers a redelivered event once', async () => {
    const event = eventCallback(appMention({ text: '<@UBOT> what is eks' }), { eventId: 'Ev-socket-retry' });
    await socket.waitForAck(socket.send(eventsApiEnvelope(event)));
    await socket.waitForAck(
      socket.send(eventsApiEnvelope(event, { retryAttempt: 1, retryReason: 'timeout' })),
    );
    await slack.waitForCall('chat.postMessage');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('serves /healthz from its own HTTP port', async () => {
    const response = await fetch(`${tutor.baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });

  it('reconnects when Slack drops the connection, and keeps answering', async () => {
    const before = socket.connections;
    await socket.dropConnections();
    await socket.waitForConnection(before + 1, 15_000);
    const ack = await askBySlashCommand('lamda pricing');
    expect(visibleTexts(ack.payload).join('\n')).toMatch(/pay per request/i);
  });
});
