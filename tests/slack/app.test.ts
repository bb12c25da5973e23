import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payloadViolations, visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type JsonObject, startFakeSlack } from '../helpers/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from '../helpers/slack-app.js';
import {
  appHomeOpened,
  appMention,
  blockAction,
  directMessage,
  eventCallback,
  nextTs,
  postToApp,
  SLACK_DEFAULTS,
  slashCommand,
} from '../helpers/slack-requests.js';

type Json = JsonObject;

let slack: FakeSlack;
let tutor: TestSlackApp;
let authTestsAtStart = 0;

const send = (
  request: Parameters<typeof postToApp>[1],
  options: Partial<Parameters<typeof postToApp>[2]> = {},
) => postToApp(tutor.baseUrl, request, { signingSecret: SIGNING_SECRET, ...options });

const texts = (payload: unknown) => visibleTexts(payload).join('\n');
const buttons = (blocks: Json[]) =>
  blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements as Json[]);

beforeAll(async () => {
  slack = await startFakeSlack();
  tutor = await startTestSlackApp(
    { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
    slack.url,
  );
  await slack.waitForCall('auth.test');
  authTestsAtStart = slack.callsTo('auth.test').length;
});

afterAll(async () => {
  await tutor?.stop();
  await slack?.close();
});

beforeEach(() => slack.reset());

describe('/aws', () => {
  it('answers privately in the acknowledgement, with the source and a share button', async () => {
    const response = await send(slashCommand({ text: 'what is fargate', responseUrl: slack.responseUrl() }));
    expect(response.status).toBe(200);
    const body = response.json as Json;
    expect(body.response_type).toBe('ephemeral');
    expect(texts(body)).toMatch(/Fargate/);
    expect(texts(body)).toMatch(/compute\.md/);
    const share = buttons(body.blocks).find((button) => button.action_id === 'share_answer');
    expect(share?.value).toBe('what is fargate');
    expect(payloadViolations(body)).toEqual([]);
  });

  it('leads with the fact that answers, typos and all', async () => {
    const body = (await send(slashCommand({ text: 'lamda pricing', responseUrl: slack.responseUrl() })))
      .json as Json;
    const firstSection = (body.blocks as Json[]).find((block) => block.type === 'section');
    expect(JSON.stringify(firstSection)).toMatch(/pay per request/i);
  });

  it('lists every command with an example for help, and the topics by notes file', async () => {
    const help = texts((await send(slashCommand({ text: 'help', responseUrl: slack.responseUrl() }))).json);
    for (const example of ['what is fargate', 'ecs vs fargate', 'topics']) expect(help).toContain(example);
    const topics = texts(
      (await send(slashCommand({ text: 'topics', responseUrl: slack.responseUrl() }))).json,
    );
    expect(topics).toContain('compute.md');
    expect(topics).toMatch(/Lambda[\s\S]*Lightsail|Lightsail[\s\S]*Lambda/);
  });

  it('says plainly what the notes do not cover', async () => {
    const body = (await send(slashCommand({ text: 'what is s3', responseUrl: slack.responseUrl() })))
      .json as Json;
    expect(texts(body)).toMatch(/don.t cover/);
  });

  it.each([
    ['10,000 characters', `what is fargate ${'x'.repeat(10_000)}`],
    ['emoji and other scripts', '🚀 qué es fargate — 什么是 fargate? 🙂'],
    ['control characters', 'what\u0000 is\u0007 \u001b[31mecr'],
    ['broadcast and link markup', '<!channel> <!here> <https://evil.example|click me> what is ecr <@U999>'],
    ['an empty command', ''],
  ])('gives a valid, harmless answer to %s', async (_name, text) => {
    const response = await send(slashCommand({ text, responseUrl: slack.responseUrl() }));
    expect(response.status).toBe(200);
    const body = response.json as Json;
    expect(payloadViolations(body)).toEqual([]);
    const shown = JSON.stringify(body);
    expect(shown).not.toMatch(/<!channel>|<!here>|<!everyone>|<https?:|<@U999>/);
    expect(shown).not.toContain('evil.example');
  });
});

describe('buttons', () => {
  it('"Share in channel" posts the same answer visibly, attributed to the asker', async () => {
    const responseUrl = slack.responseUrl();
    const response = await send(
      blockAction({
        actionId: 'share_answer',
        value: 'what is fargate',
        responseUrl,
        ephemeral: true,
        userId: 'U42',
      }),
    );
    expect(response.status).toBe(200);
    const posted = await slack.waitForCall('response_url');
    expect(posted.body.response_type).toBe('in_channel');
    expect(texts(posted.body)).toMatch(/Fargate/);
    expect(JSON.stringify(posted.body)).toContain('<@U42>');
    expect(buttons(posted.body.blocks).some((button) => button.action_id === 'share_answer')).toBe(false);
  });

  it('a "did you mean" button answers that topic in place', async () => {
    const unknown = (await send(slashCommand({ text: 'what is ec2', responseUrl: slack.responseUrl() })))
      .json as Json;
    expect(texts(unknown)).toMatch(/don.t cover/);
    const suggestions = buttons(unknown.blocks).filter((button) =>
      String(button.action_id).startsWith('ask_topic'),
    );
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    const [first] = suggestions;
    await send(
      blockAction({
        actionId: first?.action_id,
        value: first?.value,
        responseUrl: slack.responseUrl(),
        ephemeral: true,
      }),
    );
    const replaced = await slack.waitForCall('response_url');
    expect(replaced.body.replace_original).toBe(true);
    expect(texts(replaced.body)).toContain(`Source: compute.md`);
    expect(texts(replaced.body)).toContain(
      String(first?.text?.text ?? '')
        .replace('…', '')
        .slice(0, 10),
    );
  });

  it('a related-topic button under an answer explains that topic', async () => {
    const answer = (await send(slashCommand({ text: 'what is ecs', responseUrl: slack.responseUrl() })))
      .json as Json;
    const related = buttons(answer.blocks).find((button) => String(button.action_id).startsWith('ask_topic'));
    expect(related).toBeDefined();
    await send(
      blockAction({
        actionId: related?.action_id,
        value: related?.value,
        responseUrl: slack.responseUrl(),
        ephemeral: true,
      }),
    );
    const replaced = await slack.waitForCall('response_url');
    expect(texts(replaced.body)).toContain(String(related?.text?.text ?? '').slice(0, 10));
  });
});

describe('mentions, direct messages and App Home', () => {
  it('answers a mention in a thread under it', async () => {
    const ts = nextTs();
    const response = await send(eventCallback(appMention({ text: '<@UBOT> what is ecr', ts })));
    expect(response.status).toBe(200);
    const posted = await slack.waitForCall('chat.postMessage');
    expect(posted.body.channel).toBe(SLACK_DEFAULTS.channelId);
    expect(posted.body.thread_ts).toBe(ts);
    expect(texts(posted.body)).toMatch(/ECR/);
  });

  it('answers a direct message in the DM', async () => {
    await send(eventCallback(directMessage({ text: 'ecs vs fargate' })));
    const posted = await slack.waitForCall('chat.postMessage');
    expect(posted.body.channel).toBe(SLACK_DEFAULTS.dmChannelId);
    expect(texts(posted.body)).toMatch(/ECS[\s\S]*Fargate/);
  });

  it('publishes the App Home tab when it is opened', async () => {
    await send(eventCallback(appHomeOpened({ user: 'U7' })));
    const published = await slack.waitForCall('views.publish');
    expect(published.body.user_id).toBe('U7');
    expect(JSON.stringify(published.body.view)).toContain('Lambda');
    expect(published.status).toBe(200);
    expect(published.response.ok).toBe(true);
  });
});

describe('requests Slack did not sign', () => {
  it.each([
    ['a forged signature', { forgeSignature: true }],
    ['a timestamp older than five minutes', { timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('rejects %s with 401 and runs no handler', async (_name, options) => {
    const command = await send(
      slashCommand({ text: 'what is ecr', responseUrl: slack.responseUrl() }),
      options,
    );
    expect(command.status).toBe(401);
    const mention = await send(eventCallback(appMention({ text: '<@UBOT> what is ecr' })), options);
    expect(mention.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('delivery', () => {
  it('answers an event Slack retries (same event_id) once', async () => {
    const event = eventCallback(appMention({ text: '<@UBOT> what is lambda' }), { eventId: 'Ev-retried-1' });
    await send(event);
    await send(event, { retryNum: 1, retryReason: 'http_timeout' });
    await send(event, { retryNum: 2, retryReason: 'http_timeout' });
    await slack.waitForCall('chat.postMessage');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('checks the bot token once at start, not on every request', async () => {
    expect(authTestsAtStart).toBe(1);
    for (let i = 0; i < 3; i++) await send(slashCommand({ text: 'help', responseUrl: slack.responseUrl() }));
    await send(eventCallback(appMention({ text: '<@UBOT> help' })));
    await slack.waitForCall('chat.postMessage');
    expect(slack.callsTo('auth.test')).toEqual([]);
  });

  it('logs a Web API failure and keeps serving', async () => {
    slack.failNext('chat.postMessage', { status: 500 }, { times: 3 });
    await send(eventCallback(appMention({ text: '<@UBOT> what is batch' })));
    await slack.waitForCalls('chat.postMessage', 3);
    await expect.poll(() => tutor.logger.errors().join('\n'), { timeout: 5000 }).toMatch(/fail|500|error/i);

    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await send(eventCallback(appMention({ text: '<@UBOT> what is eks' })));
    await expect.poll(() => tutor.logger.errors().join('\n'), { timeout: 5000 }).toMatch(/channel_not_found/);

    slack.reset();
    await send(eventCallback(appMention({ text: '<@UBOT> what is lightsail' })));
    const posted = await slack.waitForCall('chat.postMessage', (call) => call.status === 200);
    expect(texts(posted.body)).toMatch(/Lightsail/);
  });

  it('waits out a 429 and then posts', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await send(eventCallback(appMention({ text: '<@UBOT> what is docker' })));
    const [limited, posted] = await slack.waitForCalls('chat.postMessage', 2, undefined, 8000);
    expect(limited?.status).toBe(429);
    expect(posted?.status).toBe(200);
    expect((posted?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });
});

describe('health', () => {
  it('answers GET /healthz with 200 while it serves (liveness)', async () => {
    const response = await fetch(`${tutor.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers GET /readyz with 200 once the notes are loaded and the store is reachable', async () => {
    const response = await fetch(`${tutor.baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', topics: 9 });
  });

  it('answers GET /readyz with 503, and /healthz still with 200, when the store is unreachable', async () => {
    const ping = tutor.store.ping;
    tutor.store.ping = () => Promise.reject(new Error('connection refused'));
    try {
      const ready = await fetch(`${tutor.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'store unreachable' });
      expect((await fetch(`${tutor.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      tutor.store.ping = ping;
    }
  });

  it('answers GET /metrics in the Prometheus text format', async () => {
    const response = await fetch(`${tutor.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    for (const name of [
      'aws_tutor_answers_total',
      'aws_tutor_quiz_answers_total',
      'aws_tutor_request_duration_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });
});
