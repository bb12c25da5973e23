import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { BOT_TOKEN, SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from './slack-app.js';

/**
 * Two copies of the app sharing one PostgreSQL schema, as two replicas behind a load balancer,
 * each on its own port and talking to the same fake Slack.
 */
export function startReplicas(
  slackUrl: string,
  databaseUrl: string,
  schema: string,
  now?: () => Date,
): Promise<TestSlackApp[]> {
  const connection = { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET } as const;
  return Promise.all(
    [0, 1].map(async () =>
      startTestSlackApp(connection, slackUrl, {
        store: await openPostgresStore(databaseUrl, { schema }),
        ...(now ? { now } : {}),
      }),
    ),
  );
}

/** Stops the replicas and drops their schema. */
export async function stopReplicas(
  replicas: TestSlackApp[],
  databaseUrl: string,
  schema: string,
): Promise<void> {
  await Promise.all(replicas.map((replica) => replica.stop()));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
