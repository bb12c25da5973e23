import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type JsonObject, startFakeSlack } from '../helpers/fake-slack.js';
import { startReplicas, stopReplicas } from '../helpers/replicas.js';
import { SIGNING_SECRET, type TestSlackApp, testTutor } from '../helpers/slack-app.js';
import { blockAction, postToApp, type SlackRequest, slashCommand } from '../helpers/slack-requests.js';

const databaseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!databaseUrl)('personal review on two replicas sharing one PostgreSQL', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  /** 09:20 in Berlin on 2 June 2026, on both replicas' clocks. */
  let clock = new Date('2026-06-02T07:20:00Z');
  let slack: FakeSlack;
  let replicas: TestSlackApp[] = [];

  const replica = (index: number) => replicas[index] as TestSlackApp;
  const texts = (payload: unknown) => visibleTexts(payload).join('\n');
  const deliver = async (index: number, request: (responseUrl: string) => SlackRequest) => {
    const responseUrl = slack.responseUrl();
    const id = responseUrl.split('/').at(-1);
    const response = await postToApp(replica(index).baseUrl, request(responseUrl), {
      signingSecret: SIGNING_SECRET,
    });
    expect(response.status).toBe(200);
    return (await slack.waitForCall('response_url', (call) => call.responseUrlId === id)).body as JsonObject;
  };
  const answerValue = (card: JsonObject) =>
    String(
      (card.blocks as JsonObject[])
        .filter((block) => block.type === 'actions')
        .flatMap((block) => block.elements as JsonObject[])[0]?.value,
    );

  beforeAll(async () => {
    slack = await startFakeSlack();
    replicas = await startReplicas(slack.url, databaseUrl ?? '', schema, () => clock);
  });

  afterAll(async () => {
    await stopReplicas(replicas, databaseUrl ?? '', schema);
    await slack?.close();
  });

  it('schedule a card once when the same answer lands on both at the same moment', async () => {
    await deliver(0, (responseUrl) => slashCommand({ text: 'review start', userId: 'U1', responseUrl }));
    const card = await deliver(1, (responseUrl) =>
      slashCommand({ text: 'review', userId: 'U1', responseUrl }),
    );
    const value = answerValue(card);
    const [topicId, , questionId] = value.split('|');
    const right = testTutor().questions.find((question) => question.id === questionId)?.answer ?? 0;
    const before = (await replica(0).store.reviewCardsOf('T1', 'U1')).find(
      (kept) => kept.topicId === topicId,
    );
    const replies = await Promise.all(
      [0, 1, 0, 1].map((index, i) =>
        deliver(index, (responseUrl) =>
          blockAction({ actionId: `review_answer:${(right + i) % 4}`, value, userId: 'U1', responseUrl }),
        ),
      ),
    );
    const told = replies.filter((reply) => /✅ Right|❌ Not quite/.test(texts(reply)));
    expect(told).toHaveLength(1);
    expect(replies.filter((reply) => /already answered this card/.test(texts(reply)))).toHaveLength(3);
    const after = (await replica(1).store.reviewCardsOf('T1', 'U1')).find((kept) => kept.topicId === topicId);
    expect(after?.reps).toBe((before?.reps ?? 0) + 1);
    expect(await replica(1).store.reviewDaysOf('T1', 'U1')).toEqual(['2026-06-02']);
  });

  it('nudge a person once when both run the nudges at the same time', async () => {
    await deliver(0, (responseUrl) =>
      slashCommand({ text: 'review remind 09:30', userId: 'U1', responseUrl }),
    );
    await deliver(1, (responseUrl) => slashCommand({ text: 'review start', userId: 'U2', responseUrl }));
    await deliver(1, (responseUrl) =>
      slashCommand({ text: 'review remind 09:30', userId: 'U2', responseUrl }),
    );
    slack.reset();
    clock = new Date('2026-06-02T07:31:00Z');
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(replicas.flatMap((app) => [app.running.nudger.tick(), app.running.nudger.tick()]));
    }
    const nudges = slack.callsTo('chat.postMessage');
    expect(nudges.map((call) => call.body.channel).sort()).toEqual(['U1', 'U2']);
    // The next day, once more each.
    clock = new Date('2026-06-03T07:31:00Z');
    await Promise.all(replicas.map((app) => app.running.nudger.tick()));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(4);
    expect(replicas.flatMap((app) => app.logger.errors())).toEqual([]);
  });
});
