import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from '../helpers/slack-app.js';
import { appMention, eventCallback, postToApp } from '../helpers/slack-requests.js';

const databaseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!databaseUrl)('two replicas on one PostgreSQL', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  let slack: FakeSlack;
  let replicas: TestSlackApp[] = [];

  beforeAll(async () => {
    slack = await startFakeSlack();
    const connection = { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET } as const;
    replicas = await Promise.all(
      [0, 1].map(async () =>
        startTestSlackApp(connection, slack.url, {
          store: await openPostgresStore(databaseUrl ?? '', { schema }),
        }),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await slack?.close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
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
