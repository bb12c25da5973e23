/**
 * A fresh PostgreSQL database for one benchmark round, so every round starts from an empty store and
 * leaves nothing behind: created through `adminUrl` as `bench_quiz_<random>`, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const CONNECT_TIMEOUT_MS = 3_000;

export interface ThrowawayDatabase {
  /** `adminUrl` pointed at the new database. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function onAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Rejects when PostgreSQL cannot be reached at `adminUrl` or will not create a database there. */
export async function createThrowawayDatabase(adminUrl: string): Promise<ThrowawayDatabase> {
  const name = `bench_quiz_${randomBytes(6).toString('hex')}`;
  await onAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    // FORCE: a connection the app left open (killed rather than stopped) must not keep it alive.
    drop: () =>
      onAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
