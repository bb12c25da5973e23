import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostedQuiz } from '../../src/store/store.js';
import { visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type JsonObject, startFakeSlack } from '../helpers/fake-slack.js';
import { startReplicas, stopReplicas } from '../helpers/replicas.js';
import { SIGNING_SECRET, type TestSlackApp } from '../helpers/slack-app.js';
import {
  appMention,
  blockAction,
  eventCallback,
  postToApp,
  type SlackRequest,
  slashCommand,
} from '../helpers/slack-requests.js';

const databaseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!databaseUrl)('two replicas on one PostgreSQL', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  let slack: FakeSlack;
  let replicas: TestSlackApp[] = [];

  beforeAll(async () => {
    slack = await startFakeSlack();
    replicas = await startReplicas(slack.url, databaseUrl ?? '', schema);
  });

  afterAll(async () => {
    await stopReplicas(replicas, databaseUrl ?? '', schema);
    await slack?.close();
  });

  it('answer an event delivered to both of them (a retry landing elsewhere) once', async () => {
    const event = eventCallback(appMention({ text: '<@UBOT> what is fargate' }), {
      eventId: 'Ev-two-replicas',
    });
    const [first, second] = replicas;
    const responses = await Promise.all([
      postToApp(first?.baseUrl ?? '', event, { signingSecret: SIGNING_SECRET }),
      postToApp(second?.baseUrl ?? '', event, {
        signingSecret: SIGNING_SECRET,
        retryNum: 1,
        retryReason: 'http_timeout',
      }),
    ]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    await slack.waitForCall('chat.postMessage');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('both answer different events', async () => {
    slack.reset();
    const [first, second] = replicas;
    await postToApp(first?.baseUrl ?? '', eventCallback(appMention({ text: '<@UBOT> what is ecs' })), {
      signingSecret: SIGNING_SECRET,
    });
    await postToApp(second?.baseUrl ?? '', eventCallback(appMention({ text: '<@UBOT> what is ecr' })), {
      signingSecret: SIGNING_SECRET,
    });
    await slack.waitForCalls('chat.postMessage', 2);
  });
});

describe.skipIf(!databaseUrl)('the daily quiz on two replicas sharing one PostgreSQL', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  /** 09:20 in Berlin on 2 June 2026, on both replicas' clocks. */
  let clock = new Date('2026-06-02T07:20:00Z');
  let slack: FakeSlack;
  let replicas: TestSlackApp[] = [];
  let quiz: PostedQuiz;

  const replica = (index: number) => replicas[index] as TestSlackApp;
  const texts = (payload: unknown) => visibleTexts(payload).join('\n');
  /** Every replica runs its scheduler at once, `rounds` times over. */
  const tickAll = async (rounds: number) => {
    for (let round = 0; round < rounds; round += 1) {
      await Promise.all(
        replicas.flatMap((app) => [app.running.scheduler.tick(), app.running.scheduler.tick()]),
      );
    }
  };
  /** A signed request to replica `index`, and the body its `respond` sent. */
  const deliver = async (index: number, request: (responseUrl: string) => SlackRequest) => {
    const responseUrl = slack.responseUrl();
    const id = responseUrl.split('/').at(-1);
    const response = await postToApp(replica(index).baseUrl, request(responseUrl), {
      signingSecret: SIGNING_SECRET,
    });
    expect(response.status).toBe(200);
    return (await slack.waitForCall('response_url', (call) => call.responseUrlId === id)).body as JsonObject;
  };
  const click = (index: number, userId: string, option: number) =>
    deliver(index, (responseUrl) =>
      blockAction({ actionId: `quiz_answer:${option}`, value: quiz.id, userId, responseUrl }),
    );

  beforeAll(async () => {
    slack = await startFakeSlack({ users: { UADMIN: { is_admin: true } } });
    replicas = await startReplicas(slack.url, databaseUrl ?? '', schema, () => clock);
  });

  afterAll(async () => {
    await stopReplicas(replicas, databaseUrl ?? '', schema);
    await slack?.close();
  });

  it('is posted exactly once when both run their schedulers at the same time', async () => {
    slack.reset();
    const set = await deliver(0, (responseUrl) =>
      slashCommand({ text: 'quiz daily 09:00 Europe/Berlin', userId: 'UADMIN', responseUrl }),
    );
    expect(texts(set)).toMatch(/09:00/);
    expect(await replica(1).store.findSchedule('T1', 'C1')).toMatchObject({ zone: 'Europe/Berlin' });

    await tickAll(3);
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    const found = await replica(1).store.findDailyQuiz('T1', 'C1', '2026-06-02');
    expect(found?.messageTs).toBe(posts[0]?.response.ts);
    quiz = found as PostedQuiz;
    clock = new Date(clock.getTime() + 60_000);
    await tickAll(2);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(replicas.flatMap((app) => app.logger.errors())).toEqual([]);
  });

  it('keeps one answer per person, whichever replica each click lands on', async () => {
    const right = quiz.question.answer;
    const wrong = (right + 1) % 4;
    // One click on each replica, one after the other.
    expect(texts(await click(0, 'U1', right))).toMatch(/✅ Right/);
    const again = await click(1, 'U1', wrong);
    expect(texts(again)).toMatch(/already answered/);
    expect(texts(again)).not.toMatch(/✅|❌/);

    // And both at the same moment, with different options.
    const [first, second] = await Promise.all([click(0, 'U2', wrong), click(1, 'U2', right)]);
    const kept = await replica(0).store.answersOf('T1', 'U2');
    expect(kept).toHaveLength(1);
    const keptOption = kept[0]?.option;
    const [told, refused] = keptOption === wrong ? [first, second] : [second, first];
    expect(texts(told)).toMatch(keptOption === right ? /✅ Right/ : /❌ Not quite/);
    expect(texts(refused)).toMatch(/already answered/);

    expect(await replica(1).store.answersOf('T1', 'U1')).toMatchObject([{ option: right, correct: true }]);
    expect(await replica(1).store.tallyQuiz(quiz.id)).toMatchObject({ answered: 2 });
  });

  it('is revealed once in the thread and closed once when both reach its closing time', async () => {
    await slack.waitForCall('chat.update', (call) => /2 people have answered/.test(texts(call.body)));
    slack.reset();
    // It opened at 09:20 Berlin and stays open 8 hours.
    clock = new Date('2026-06-02T15:21:00Z');
    await tickAll(3);
    const reveals = slack.callsTo('chat.postMessage');
    expect(reveals).toHaveLength(1);
    expect(reveals[0]?.body.thread_ts).toBe(quiz.messageTs);
    // U2's two simultaneous clicks kept whichever came first: one or both answers are right.
    const { right } = await replica(0).store.tallyQuiz(quiz.id);
    expect(texts(reveals[0]?.body)).toMatch(new RegExp(`${right} of 2`));
    const closings = slack.callsTo('chat.update').filter((call) => /\(closed\)/.test(texts(call.body)));
    expect(closings).toHaveLength(1);
    expect(closings[0]?.body.ts).toBe(quiz.messageTs);
    expect(slack.callsTo('chat.update')).toHaveLength(1);
    expect((await replica(0).store.findQuiz(quiz.id))?.closedAt).toEqual(clock);
  });
});
