import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackConnection } from '../../src/config.js';
import { Metrics } from '../../src/observability/metrics.js';
import { QuizService } from '../../src/quiz/quiz-service.js';
import { type RunningSlackApp, startSlackApp } from '../../src/slack/app.js';
import { ChannelPacer } from '../../src/slack/channel-pacer.js';
import { createSlackLogger } from '../../src/slack/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type JsonObject, startFakeSlack } from '../helpers/fake-slack.js';
import {
  eventsApiEnvelope,
  type FakeSocketMode,
  slashCommandEnvelope,
  startFakeSocketMode,
} from '../helpers/fake-socket-mode.js';
import { BOT_TOKEN, SIGNING_SECRET, testTutor } from '../helpers/slack-app.js';
import {
  appMention,
  blockAction,
  eventCallback,
  postToApp,
  slashCommand,
} from '../helpers/slack-requests.js';

const APP_TOKEN = 'xapp-observability-test-token';

type LogLine = Record<string, unknown> & { msg?: string; level?: string; request_id?: string };

/** The real app with a JSON logger at debug level writing into memory, and a store that can go down. */
interface ObservedApp {
  running: RunningSlackApp;
  baseUrl: string;
  raw: string[];
  lines(): LogLine[];
  storeDown: boolean;
  store: Store;
  stop(): Promise<void>;
}

async function startObservedApp(connection: SlackConnection, slackApiUrl: string): Promise<ObservedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-observability-'));
  const store = await openStore({ dataDir });
  const raw: string[] = [];
  const logger = createSlackLogger('debug', {
    secrets: [BOT_TOKEN, SIGNING_SECRET, APP_TOKEN],
    pretty: false,
    destination: { write: (line: string) => raw.push(line) },
  });
  const { tutor, questions } = testTutor();
  const observed = { storeDown: false } as ObservedApp;
  const ping = store.ping.bind(store);
  store.ping = () => (observed.storeDown ? Promise.reject(new Error('connection refused')) : ping());
  const running = await startSlackApp(
    { connection, slackApiUrl, port: 0, scheduleQuizzes: false },
    {
      tutor,
      store,
      quizzes: new QuizService({ store, questions: () => questions }),
      logger,
      pacer: new ChannelPacer(0),
      now: () => new Date(),
      admins: [],
      quizCountIntervalMs: 0,
      reloadNotes: () => ({ ok: false, problems: ['not in this test'], topics: 0 }),
      metrics: new Metrics(),
    },
  );
  return Object.assign(observed, {
    running,
    baseUrl: `http://127.0.0.1:${running.port}`,
    raw,
    store,
    lines: () => raw.map((line) => JSON.parse(line) as LogLine),
    async stop() {
      await running.stop();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** The value of one series in a Prometheus text exposition. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const buttons = (blocks: JsonObject[]) =>
  blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements as JsonObject[]);

describe('HTTP mode', () => {
  let slack: FakeSlack;
  let app: ObservedApp;
  const send = (request: Parameters<typeof postToApp>[1]) =>
    postToApp(app.baseUrl, request, { signingSecret: SIGNING_SECRET });
  const metrics = async () => (await fetch(`${app.baseUrl}/metrics`)).text();

  beforeAll(async () => {
    slack = await startFakeSlack();
    app = await startObservedApp(
      { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
      slack.url,
    );
    await slack.waitForCall('auth.test');
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.close();
  });

  beforeEach(() => {
    slack.reset();
    app.storeDown = false;
  });

  it('/healthz: alive; /readyz: the notes are loaded and the store answers', async () => {
    const health = await fetch(`${app.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', topics: 9 });
  });

  it('a store that does not answer makes /readyz 503 with the reason, while /healthz stays 200', async () => {
    app.storeDown = true;
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'store unreachable' });
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    app.storeDown = false;
    expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
  });

  it('counts answers by intent and times each request, on /metrics', async () => {
    const before = await metrics();
    const explained = sample(before, 'aws_tutor_answers_total{intent="explain"}') ?? Number.NaN;
    const unknown = sample(before, 'aws_tutor_answers_total{intent="unknown"}') ?? Number.NaN;
    const commands = sample(before, 'aws_tutor_request_duration_seconds_count{kind="command"}') ?? Number.NaN;
    await send(slashCommand({ text: 'what is fargate', responseUrl: slack.responseUrl() }));
    await send(slashCommand({ text: 'what is s3', responseUrl: slack.responseUrl() }));
    const after = await metrics();
    expect(sample(after, 'aws_tutor_answers_total{intent="explain"}')).toBe(explained + 1);
    expect(sample(after, 'aws_tutor_answers_total{intent="unknown"}')).toBe(unknown + 1);
    expect(sample(after, 'aws_tutor_request_duration_seconds_count{kind="command"}')).toBe(commands + 2);
  });

  it('counts quiz clicks by mode and outcome', async () => {
    const responseUrl = slack.responseUrl();
    await send(slashCommand({ text: 'quiz me on lambda', responseUrl, userId: 'U5' }));
    const question = (await slack.waitForCall('response_url')).body;
    const [first] = buttons(question.blocks).filter((button) =>
      String(button.action_id).startsWith('quiz_answer:'),
    );
    const quiz = await app.store.findQuiz(String(first?.value));
    const click = (actionId: string, value: string) =>
      send(blockAction({ actionId, value, responseUrl: slack.responseUrl(), userId: 'U5', ephemeral: true }));
    await click(`quiz_answer:${quiz?.question.answer}`, quiz?.id ?? '');
    await click('quiz_answer:0', 'no-such-quiz');
    await slack.waitForCalls('response_url', 3);
    const text = await metrics();
    expect(sample(text, 'aws_tutor_quiz_answers_total{mode="practice",outcome="recorded"}')).toBe(1);
    expect(sample(text, 'aws_tutor_quiz_answers_total{mode="unknown",outcome="unknown"}')).toBe(1);
    expect(sample(text, 'aws_tutor_answers_total{intent="quiz"}')).toBeGreaterThanOrEqual(1);
  });

  it("puts the request's id on its lines, the SDK's (at debug level) and those after the ack included", async () => {
    await send(
      slashCommand({ text: 'what is lambda', responseUrl: slack.responseUrl(), triggerId: '111.222.cmd' }),
    );
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await send(eventCallback(appMention({ text: '<@UBOT> what is ecr' }), { eventId: 'Ev-observed-1' }));
    await expect
      .poll(() => app.lines().filter((line) => line.request_id === 'Ev-observed-1' && line.level === 'error'))
      .not.toEqual([]);
    const lines = app.lines();
    const commandLines = lines.filter((line) => line.request_id === '111.222.cmd');
    expect(commandLines.some((line) => /^command \/aws 111.222.cmd handled in/.test(String(line.msg)))).toBe(
      true,
    );
    expect(commandLines.every((line) => line.request_kind === 'command')).toBe(true);
    const eventLines = lines.filter((line) => line.request_id === 'Ev-observed-1');
    // The listener's failure after the ack, and the request's own summary.
    expect(
      eventLines.some((line) => /^event app_mention Ev-observed-1 handled in/.test(String(line.msg))),
    ).toBe(true);
    expect(
      eventLines.some((line) => line.level === 'error' && /channel_not_found/.test(String(line.msg))),
    ).toBe(true);
    expect(eventLines.every((line) => line.request_kind === 'event')).toBe(true);
  });

  it('never writes the token or the signing secret, at debug level', () => {
    const output = app.raw.join('');
    expect(output.length).toBeGreaterThan(1000);
    expect(output).not.toContain(BOT_TOKEN);
    expect(output).not.toContain(SIGNING_SECRET);
  });
});

describe('Socket Mode', () => {
  let slack: FakeSlack;
  let socket: FakeSocketMode;
  let app: ObservedApp;

  beforeAll(async () => {
    socket = await startFakeSocketMode();
    slack = await startFakeSlack({ socketUrl: socket.url });
    app = await startObservedApp({ mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN }, slack.url);
    await socket.waitForConnection(1);
  });

  afterAll(async () => {
    await app?.stop();
    await socket?.close();
    await slack?.close();
  });

  it('serves /healthz, /readyz and /metrics from its own HTTP port', async () => {
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${app.baseUrl}/readyz`)).json()).toEqual({ status: 'ok', topics: 9 });
    app.storeDown = true;
    expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(503);
    app.storeDown = false;
    const ack = await socket.waitForAck(
      socket.send(
        slashCommandEnvelope(
          slashCommand({
            text: 'what is fargate',
            responseUrl: slack.responseUrl(),
            triggerId: '333.444.sock',
          }),
        ),
      ),
    );
    expect(visibleTexts(ack.payload).join('\n')).toMatch(/Fargate/);
    const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(sample(text, 'aws_tutor_answers_total{intent="explain"}')).toBeGreaterThanOrEqual(1);
  });

  it('puts the request id on the lines of a command and an event', async () => {
    await socket.waitForAck(
      socket.send(
        slashCommandEnvelope(
          slashCommand({ text: 'what is ecs', responseUrl: slack.responseUrl(), triggerId: '555.666.sock' }),
        ),
      ),
    );
    await socket.waitForAck(
      socket.send(
        eventsApiEnvelope(
          eventCallback(appMention({ text: '<@UBOT> what is ecr' }), { eventId: 'Ev-sock-1' }),
        ),
      ),
    );
    await slack.waitForCall('chat.postMessage');
    await expect.poll(() => app.lines().some((line) => line.request_id === 'Ev-sock-1')).toBe(true);
    expect(app.lines().some((line) => line.request_id === '555.666.sock')).toBe(true);
    const output = app.raw.join('');
    expect(output).not.toContain(APP_TOKEN);
    expect(output).not.toContain(BOT_TOKEN);
  });
});
