import type { AddressInfo } from 'node:net';
import { App, isValidSlackRequest, LogLevel, verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import {
  appHomeOpened,
  appMention,
  blockAction,
  directMessage,
  eventCallback,
  postToApp,
  signSlackRequest,
  slashCommand,
  urlVerification,
} from './slack-requests.js';

const SECRET = 'test-signing-secret';

function boltAccepts(body: string, headers: ReturnType<typeof signSlackRequest>, nowMs?: number): boolean {
  return isValidSlackRequest({
    signingSecret: SECRET,
    body,
    headers: {
      'x-slack-signature': headers['X-Slack-Signature'],
      'x-slack-request-timestamp': Number(headers['X-Slack-Request-Timestamp']),
    },
    ...(nowMs === undefined ? {} : { nowMilliseconds: nowMs }),
  });
}

describe('signSlackRequest', () => {
  it("produces a signature Bolt's verifier accepts", () => {
    const request = slashCommand({ text: 'quiz s3', responseUrl: 'http://127.0.0.1:1/response/x' });
    const headers = signSlackRequest(SECRET, request.body);
    expect(headers['X-Slack-Signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(() =>
      verifySlackRequest({
        signingSecret: SECRET,
        body: request.body,
        headers: {
          'x-slack-signature': headers['X-Slack-Signature'],
          'x-slack-request-timestamp': Number(headers['X-Slack-Request-Timestamp']),
        },
      }),
    ).not.toThrow();
  });

  it('matches the example in Slack’s documentation', () => {
    // https://api.slack.com/authentication/verifying-requests-from-slack
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const headers = signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618);
    expect(headers).toEqual({
      'X-Slack-Request-Timestamp': '1531420618',
      'X-Slack-Signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    });
  });

  it('is rejected with the wrong secret, a changed body or a stale timestamp', () => {
    const body = eventCallback(appMention({ text: 'hi' })).body;
    expect(boltAccepts(body, signSlackRequest('other-secret', body))).toBe(false);
    expect(boltAccepts(`${body} `, signSlackRequest(SECRET, body))).toBe(false);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect(boltAccepts(body, signSlackRequest(SECRET, body, tenMinutesAgo))).toBe(false);
    expect(
      boltAccepts(body, signSlackRequest(SECRET, body, tenMinutesAgo), (tenMinutesAgo + 10) * 1000),
    ).toBe(true);
  });
});

describe('payload builders', () => {
  it('builds a slash command with every field Slack sends', () => {
    const request = slashCommand({
      text: 'explain  s3 & ec2',
      responseUrl: 'http://x/response/1',
      userId: 'U7',
    });
    expect(request.contentType).toBe('application/x-www-form-urlencoded');
    const fields = Object.fromEntries(new URLSearchParams(request.body));
    expect(Object.keys(fields)).toEqual([
      'token',
      'team_id',
      'team_domain',
      'channel_id',
      'channel_name',
      'user_id',
      'user_name',
      'command',
      'text',
      'api_app_id',
      'is_enterprise_install',
      'response_url',
      'trigger_id',
    ]);
    expect(fields).toMatchObject({
      command: '/aws',
      text: 'explain  s3 & ec2',
      user_id: 'U7',
      team_id: 'T1',
      channel_id: 'C1',
      response_url: 'http://x/response/1',
      is_enterprise_install: 'false',
    });
    expect(request.payload).toEqual(fields);
  });

  it('wraps events in an event_callback envelope', () => {
    const request = eventCallback(
      appMention({ text: 'quiz me', user: 'U2', channel: 'C2', ts: '1.000001' }),
      {
        eventId: 'Ev1',
        eventTime: 1_700_000_000,
      },
    );
    expect(request.contentType).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual(request.payload);
    expect(request.payload).toMatchObject({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'Ev1',
      event_time: 1_700_000_000,
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'app_mention', text: '<@UBOT> quiz me', user: 'U2', channel: 'C2', ts: '1.000001' },
    });
    expect(appMention({ text: '<@UBOT> hi' }).text).toBe('<@UBOT> hi');
    expect(directMessage({ text: 'hi', user: 'U3', channel: 'D3' })).toMatchObject({
      type: 'message',
      channel_type: 'im',
      channel: 'D3',
      user: 'U3',
      text: 'hi',
    });
    expect(appHomeOpened({ user: 'U4' })).toMatchObject({ type: 'app_home_opened', user: 'U4', tab: 'home' });
  });

  it('builds a block_actions interaction as a form-encoded payload', () => {
    const request = blockAction({
      actionId: 'answer',
      value: 'b',
      userId: 'U5',
      channelId: 'C5',
      responseUrl: 'http://x/response/2',
      messageTs: '1700000000.000100',
    });
    const payload = JSON.parse(new URLSearchParams(request.body).get('payload') ?? 'null');
    expect(payload).toEqual(request.payload);
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U5' },
      channel: { id: 'C5' },
      team: { id: 'T1' },
      response_url: 'http://x/response/2',
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C5', is_ephemeral: false },
      message: { ts: '1700000000.000100' },
      actions: [{ action_id: 'answer', value: 'b', type: 'button' }],
    });
    expect(typeof payload.actions[0].block_id).toBe('string');
  });
});

describe('postToApp against a real Bolt app', () => {
  let fake: FakeSlack;
  let app: App;
  let baseUrl: string;
  const seen: Array<{ kind: string; body: unknown; retryNum?: number }> = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    app = new App({
      token: 'xoxb-test',
      signingSecret: SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
    });
    app.command('/aws', async ({ ack, respond, command }) => {
      await ack();
      seen.push({ kind: 'command', body: command });
      await respond({ text: `you said ${command.text}`, response_type: 'ephemeral' });
    });
    app.event('app_mention', async ({ event, say, context }) => {
      seen.push({ kind: 'app_mention', body: event, retryNum: context.retryNum });
      await say({ text: 'hello', thread_ts: event.ts });
    });
    app.action('answer', async ({ ack, respond, body }) => {
      await ack();
      seen.push({ kind: 'action', body });
      await respond({ text: 'checked', replace_original: false });
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as unknown as {
      address(): AddressInfo;
    };
    baseUrl = `http://127.0.0.1:${server.address().port}`;
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('delivers a slash command; the app acks and responds on the response_url', async () => {
    const responseUrl = fake.responseUrl('cmd');
    const answer = await postToApp(baseUrl, slashCommand({ text: 'quiz s3', responseUrl }), {
      signingSecret: SECRET,
    });
    expect(answer.status).toBe(200);
    const call = await fake.waitForCall('response_url', (c) => c.responseUrlId === 'cmd');
    expect(call.body).toMatchObject({ text: 'you said quiz s3', response_type: 'ephemeral' });
  });

  it('delivers an event (with retry headers); the app posts through the fake Slack', async () => {
    const answer = await postToApp(
      baseUrl,
      eventCallback(appMention({ text: 'hi', ts: '1700000001.000001' })),
      {
        signingSecret: SECRET,
        retryNum: 1,
        retryReason: 'http_timeout',
      },
    );
    expect(answer.status).toBe(200);
    const call = await fake.waitForCall('chat.postMessage', (c) => c.body.thread_ts === '1700000001.000001');
    expect(call.token).toBe('xoxb-test');
    expect(seen.find((s) => s.kind === 'app_mention')?.retryNum).toBe(1);
  });

  it('delivers a button click', async () => {
    const responseUrl = fake.responseUrl('btn');
    const answer = await postToApp(
      baseUrl,
      blockAction({ actionId: 'answer', value: 'b', userId: 'U1', channelId: 'C1', responseUrl }),
      { signingSecret: SECRET },
    );
    expect(answer.status).toBe(200);
    const call = await fake.waitForCall('response_url', (c) => c.responseUrlId === 'btn');
    expect(call.body).toMatchObject({ text: 'checked' });
  });

  it('answers url_verification with the challenge', async () => {
    const answer = await postToApp(baseUrl, urlVerification('abc123'), { signingSecret: SECRET });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ challenge: 'abc123' });
  });

  it('is refused with a forged signature or a stale timestamp', async () => {
    const request = slashCommand({ text: 'x', responseUrl: fake.responseUrl() });
    expect((await postToApp(baseUrl, request, { signingSecret: SECRET, forgeSignature: true })).status).toBe(
      401,
    );
    const stale = Math.floor(Date.now() / 1000) - 600;
    expect(
      (await postToApp(baseUrl, request, { signingSecret: SECRET, timestampSeconds: stale })).status,
    ).toBe(401);
  });
});
