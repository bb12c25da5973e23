import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import { quietLogger } from './quiet-logger.js';

let fake: FakeSlack;
let client: WebClient;

beforeAll(async () => {
  fake = await startFakeSlack({
    socketUrl: 'ws://127.0.0.1:1/link',
    users: { UADMIN: { is_admin: true, tz: 'America/New_York' } },
    channels: { C9: { name: 'aws-study' } },
  });
  client = new WebClient('xoxb-test', {
    slackApiUrl: fake.url,
    retryConfig: { retries: 0 },
    logger: quietLogger(),
  });
});

afterEach(() => fake.reset());

afterAll(async () => {
  await fake.close();
});

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('fake Slack Web API', () => {
  it('serves on 127.0.0.1 with a trailing-slash API base', () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('answers auth.test as the aws-tutor bot', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({
      ok: true,
      user_id: 'UBOT',
      bot_id: 'BBOT',
      team_id: 'T1',
      user: 'aws-tutor',
    });
    expect(result.url).toMatch(/^https:\/\/.+\.slack\.com\/$/);
    expect(fake.callsTo('auth.test')[0]?.token).toBe('xoxb-test');
  });

  it('records chat.postMessage with blocks parsed back to objects, and answers a fresh increasing ts', async () => {
    const blocks = [section('*S3* stores objects'), { type: 'divider' }];
    const first = await client.chat.postMessage({ channel: 'C1', text: 'S3 stores objects', blocks });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'again', thread_ts: first.ts });

    expect(first).toMatchObject({ ok: true, channel: 'C1' });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message).toMatchObject({ text: 'S3 stores objects', blocks, bot_id: 'BBOT', ts: first.ts });

    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.contentType).toContain('application/x-www-form-urlencoded');
    expect(call?.token).toBe('xoxb-test');
    expect(call?.body.blocks).toEqual(blocks);
    expect(call?.body.channel).toBe('C1');
    expect(call?.response).toMatchObject({ ok: true, ts: first.ts });
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
    expect(fake.calls[1]?.body.thread_ts).toBe(first.ts);
  });

  it('answers a post to a user id with the DM channel', async () => {
    const result = await client.chat.postMessage({ channel: 'U123', text: 'hi' });
    expect(result.channel).toBe('D123');
  });

  it('keeps text that looks like JSON as text', async () => {
    await client.chat.postMessage({ channel: 'C1', text: '[1,2] {"a":1}' });
    expect(fake.callsTo('chat.postMessage')[0]?.body.text).toBe('[1,2] {"a":1}');
  });

  it('answers chat.postEphemeral, chat.update, chat.delete', async () => {
    const ephemeral = await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'only you' });
    expect(ephemeral.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    const update = await client.chat.update({ channel: 'C1', ts: '1700000000.000100', text: 'edited' });
    expect(update).toMatchObject({ ok: true, channel: 'C1', ts: '1700000000.000100', text: 'edited' });
    const deleted = await client.chat.delete({ channel: 'C1', ts: '1700000000.000100' });
    expect(deleted).toMatchObject({ ok: true, channel: 'C1', ts: '1700000000.000100' });
  });

  it('rejects a message without text or blocks, like Slack', async () => {
    const error = await rejection(client.chat.postMessage({ channel: 'C1' } as never));
    expect(error).toBeInstanceOf(WebAPIPlatformError);
    expect((error as WebAPIPlatformError).data.error).toBe('no_text');
  });

  it('rejects a section over 3,000 characters with invalid_blocks', async () => {
    const error = await rejection(
      client.chat.postMessage({ channel: 'C1', text: 'long', blocks: [section('x'.repeat(3001))] }),
    );
    expect(error).toBeInstanceOf(WebAPIPlatformError);
    const data = (error as WebAPIPlatformError).data;
    expect(data.error).toBe('invalid_blocks');
    expect(data.response_metadata?.messages?.join('\n')).toMatch(/3001 characters, at most 3000/);
    // the rejected call is recorded with the answer it got
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.response).toMatchObject({ ok: false, error: 'invalid_blocks' });
  });

  it('applies Block Kit limits to chat.postEphemeral and chat.update too', async () => {
    const tooMany = Array.from({ length: 51 }, (_, i) => section(`block ${i}`));
    const ephemeral = await rejection(
      client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 't', blocks: tooMany }),
    );
    expect((ephemeral as WebAPIPlatformError).data.error).toBe('invalid_blocks');
    const update = await rejection(
      client.chat.update({
        channel: 'C1',
        ts: '1.2',
        text: 't',
        blocks: [{ type: 'header', text: 'x' } as never],
      }),
    );
    expect((update as WebAPIPlatformError).data.error).toBe('invalid_blocks');
  });

  it('publishes a Home view, allowing 100 blocks but not 101', async () => {
    const blocks = Array.from({ length: 100 }, (_, i) => section(`topic ${i}`));
    const result = await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks } });
    expect(result.ok).toBe(true);
    expect(result.view?.type).toBe('home');
    expect(fake.callsTo('views.publish')[0]?.body.view.blocks).toHaveLength(100);

    const error = await rejection(
      client.views.publish({
        user_id: 'U1',
        view: { type: 'home', blocks: [...blocks, section('one more')] },
      }),
    );
    expect((error as WebAPIPlatformError).data.error).toBe('invalid_blocks');
  });

  it('answers users.info with a Berlin non-admin by default and configured users otherwise', async () => {
    const plain = await client.users.info({ user: 'U1' });
    expect(plain.user).toMatchObject({ id: 'U1', tz: 'Europe/Berlin', is_admin: false });
    expect([3600, 7200]).toContain(plain.user?.tz_offset);

    const admin = await client.users.info({ user: 'UADMIN' });
    expect(admin.user).toMatchObject({ id: 'UADMIN', tz: 'America/New_York', is_admin: true });
    expect([-18000, -14400]).toContain(admin.user?.tz_offset);

    fake.setUser('U2', { tz: 'Asia/Tokyo' });
    expect((await client.users.info({ user: 'U2' })).user).toMatchObject({
      tz: 'Asia/Tokyo',
      tz_offset: 32400,
    });
  });

  it('answers conversations.info', async () => {
    expect((await client.conversations.info({ channel: 'C9' })).channel).toMatchObject({
      id: 'C9',
      name: 'aws-study',
      is_channel: true,
    });
    expect((await client.conversations.info({ channel: 'D1' })).channel).toMatchObject({
      id: 'D1',
      is_im: true,
    });
  });

  it('answers apps.connections.open with the socket url', async () => {
    const appClient = new WebClient(undefined, {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
      logger: quietLogger(),
      headers: { Authorization: 'Bearer xapp-test' },
    });
    expect(await appClient.apps.connections.open({})).toMatchObject({
      ok: true,
      url: 'ws://127.0.0.1:1/link',
    });
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test');
  });

  it('answers any other method with ok', async () => {
    expect(await client.reactions.add({ channel: 'C1', timestamp: '1.2', name: 'books' })).toMatchObject({
      ok: true,
    });
    expect(fake.callsTo('reactions.add')[0]?.body.name).toBe('books');
  });

  it('answers not_authed without a token', async () => {
    const anonymous = new WebClient(undefined, {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
      logger: quietLogger(),
    });
    const error = await rejection(anonymous.chat.postMessage({ channel: 'C1', text: 'x' }));
    expect((error as WebAPIPlatformError).data.error).toBe('not_authed');
  });

  it('accepts JSON bodies', async () => {
    const response = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: 'Bearer xoxb-json' },
      body: JSON.stringify({ channel: 'C1', text: 'hi', blocks: [section('hi')], unfurl_links: false }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: 'C1' });
    const call = await fake.waitForCall('chat.postMessage');
    expect(call.token).toBe('xoxb-json');
    expect(call.body).toMatchObject({ blocks: [section('hi')], unfurl_links: false });
  });
});

describe('failure injection', () => {
  it('fails the next call with HTTP 500, then recovers', async () => {
    fake.failNext('chat.postMessage', { status: 500 });
    const error = await rejection(client.chat.postMessage({ channel: 'C1', text: 'x' }));
    expect(error).toBeInstanceOf(WebAPIHTTPError);
    expect((error as WebAPIHTTPError).statusCode).toBe(500);
    expect((await client.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([500, 200]);
  });

  it('rate-limits with 429 and Retry-After', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 7 });
    const rejecting = new WebClient('xoxb-test', {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
      logger: quietLogger(),
      rejectRateLimitedCalls: true,
    });
    const error = await rejection(rejecting.chat.postMessage({ channel: 'C1', text: 'x' }));
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBe(7);

    // a plain WebClient with retries 0 waits Retry-After seconds, then gives up
    fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 0 });
    const limited = await rejection(client.chat.postMessage({ channel: 'C1', text: 'x' }));
    expect(String(limited)).toMatch(/rate limit was exceeded/);
  });

  it('answers a platform error with HTTP 200, for the given number of calls', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' }, { times: 2 });
    for (let i = 0; i < 2; i++) {
      const error = await rejection(client.chat.postMessage({ channel: 'C404', text: 'x' }));
      expect(error).toBeInstanceOf(WebAPIPlatformError);
      expect((error as WebAPIPlatformError).data.error).toBe('channel_not_found');
    }
    expect((await client.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
  });

  it('only fails the method it was set for, and reset() forgets pending failures', async () => {
    fake.failNext('users.info', { error: 'user_not_found' });
    expect((await client.auth.test()).ok).toBe(true);
    fake.reset();
    expect((await client.users.info({ user: 'U1' })).ok).toBe(true);
  });
});

describe('tokens, scopes and a Slack that is down', () => {
  it('reports the granted scopes in x-oauth-scopes, as the Web API client reads them', async () => {
    expect((await client.auth.test()).response_metadata?.scopes).toBeUndefined();
    fake.setScopes(['chat:write', 'commands']);
    try {
      expect((await client.auth.test()).response_metadata?.scopes).toEqual(['chat:write', 'commands']);
    } finally {
      fake.setScopes(undefined);
    }
  });

  it('refuses every call made with a refused token, and accepts it again when told', async () => {
    fake.refuseToken('xoxb-test', 'token_revoked');
    try {
      const refused = await rejection(client.auth.test());
      expect((refused as WebAPIPlatformError).data.error).toBe('token_revoked');
      expect(((await rejection(client.apps.connections.open())) as WebAPIPlatformError).data.error).toBe(
        'token_revoked',
      );
    } finally {
      fake.refuseToken('xoxb-test', null);
    }
    expect((await client.auth.test()).ok).toBe(true);
  });

  it('answers missing_scope with the scope needed and those provided', async () => {
    fake.setScopes(['chat:write']);
    fake.failNext('chat.postMessage', { error: 'missing_scope', needed: 'chat:write.public' });
    try {
      const refused = (await rejection(
        client.chat.postMessage({ channel: 'C1', text: 'hi' }),
      )) as WebAPIPlatformError;
      expect(refused.data).toMatchObject({
        error: 'missing_scope',
        needed: 'chat:write.public',
        provided: 'chat:write',
      });
    } finally {
      fake.setScopes(undefined);
    }
  });

  it('comes up later on the port a client was already pointed at', async () => {
    const other = await startFakeSlack();
    const port = Number(new URL(other.url).port);
    await other.close();
    const early = new WebClient('xoxb-test', {
      slackApiUrl: `http://127.0.0.1:${port}/api/`,
      retryConfig: { retries: 0 },
      logger: quietLogger(),
    });
    expect(await rejection(early.auth.test())).toMatchObject({ code: 'slack_webapi_request_error' });
    const later = await startFakeSlack({ port });
    try {
      expect((await early.auth.test()).ok).toBe(true);
    } finally {
      await later.close();
    }
  });
});

describe('response_url', () => {
  it('records JSON posts to a response_url as response_url calls', async () => {
    const url = fake.responseUrl('cmd-1');
    expect(url.startsWith(fake.origin)).toBe(true);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'answer', response_type: 'ephemeral', replace_original: false }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const call = await fake.waitForCall('response_url');
    expect(call).toMatchObject({
      responseUrlId: 'cmd-1',
      body: { text: 'answer', response_type: 'ephemeral' },
    });
    expect(fake.responseUrl()).not.toBe(fake.responseUrl());
  });

  it('answers invalid blocks on a response_url with HTTP 400', async () => {
    const response = await fetch(fake.responseUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 't', blocks: [section('y'.repeat(3001))] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
  });
});

describe('waiting for calls', () => {
  it('resolves with a call made after the wait started', async () => {
    const waiting = fake.waitForCall('chat.postMessage', (call) => call.body.text === 'later');
    await client.chat.postMessage({ channel: 'C1', text: 'sooner' });
    await client.chat.postMessage({ channel: 'C1', text: 'later' });
    expect((await waiting).body.text).toBe('later');
  });

  it('waits for several calls', async () => {
    const waiting = fake.waitForCalls('chat.postMessage', 2);
    await client.chat.postMessage({ channel: 'C1', text: 'one' });
    await client.chat.postMessage({ channel: 'C1', text: 'two' });
    expect((await waiting).map((call) => call.body.text)).toEqual(['one', 'two']);
  });

  it('rejects after the timeout, listing the calls seen', async () => {
    await client.auth.test();
    await client.chat.postMessage({ channel: 'C1', text: 'not the one' });
    await expect(fake.waitForCall('views.publish', undefined, 50)).rejects.toThrow(
      /fake Slack: no views\.publish call within 50 ms/,
    );
    const error = await rejection(fake.waitForCall('chat.postMessage', (c) => c.body.text === 'nope', 50));
    expect(String(error)).toMatch(/matching the predicate within 50 ms/);
    expect(String(error)).toMatch(/1\. auth\.test/);
    expect(String(error)).toMatch(/2\. chat\.postMessage .*not the one/);
    expect(String(error)).not.toMatch(/xoxb-test/);
  });

  it('reset() clears the recorded calls in place', async () => {
    const calls = fake.calls;
    await client.auth.test();
    expect(calls).toHaveLength(1);
    fake.reset();
    expect(calls).toHaveLength(0);
    expect(fake.calls).toBe(calls);
  });
});
