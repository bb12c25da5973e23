import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppliedMigration,
  MIGRATIONS,
  type Migration,
  migratePostgres,
} from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { StoreError } from '../../src/store/store.js';
import { describeStoreContract } from './store-contract.js';

const url = process.env.TEST_DATABASE_URL;

const SECRET = 's3cret';
const REFUSING_URL = `postgres://postgres:${SECRET}@127.0.0.1:1/test`;

function freshSchema(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

/** Every message and every nested property of `error`, as a person or a logger would see it. */
function everythingShown(error: unknown): string {
  return `${String(error)}\n${inspect(error, { depth: 10, showHidden: true })}`;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('PostgreSQL store that cannot connect', () => {
  it('gives a StoreError naming host:port/database, never the password', async () => {
    const error = await rejection(openPostgresStore(REFUSING_URL));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain('127.0.0.1:1/test');
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(everythingShown(error)).not.toContain(SECRET);
  });

  it('through openStore, names DATABASE_URL with the password redacted', async () => {
    const error = await rejection(openStore({ databaseUrl: REFUSING_URL, dataDir: '/nonexistent' }));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain('DATABASE_URL=postgres://postgres:***@127.0.0.1:1/test');
    expect((error as Error).message).toContain('127.0.0.1:1/test');
    expect(everythingShown(error)).not.toContain(SECRET);
  });

  it('refuses a schema name that is not a plain identifier before connecting', async () => {
    await expect(openPostgresStore(REFUSING_URL, { schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(
      StoreError,
    );
  });
});

describe.skipIf(!url)('PostgreSQL store (TEST_DATABASE_URL)', () => {
  const databaseUrl = url ?? '';
  let admin: pg.Pool;
  const schemas = new Set<string>();

  function newSchema(): string {
    const schema = freshSchema();
    schemas.add(schema);
    return schema;
  }

  async function dropSchema(schema: string): Promise<void> {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    schemas.delete(schema);
  }

  async function readApplied(schema: string): Promise<AppliedMigration[]> {
    const { rows } = await admin.query<AppliedMigration>(
      `SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`,
    );
    return rows;
  }

  beforeAll(() => {
    admin = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  });

  afterAll(async () => {
    for (const schema of [...schemas]) await dropSchema(schema);
    await admin.end();
  });

  let current = newSchema();
  describeStoreContract(
    'PostgreSQL',
    () => openPostgresStore(databaseUrl, { schema: current }),
    async () => {
      await dropSchema(current);
      current = newSchema();
    },
    () => readApplied(current),
  );

  it('is what openStore gives when DATABASE_URL is set', async () => {
    // DATABASE_URL as a person would write it, kept out of `public` by a search_path in the URL.
    const schema = newSchema();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const inSchema = new URL(databaseUrl);
    inSchema.searchParams.set('options', `-c search_path=${schema}`);
    const store = await openStore({ databaseUrl: inSchema.toString(), dataDir: '/nonexistent' });
    expect(store.kind).toBe('postgres');
    expect(await store.claimDelivery('event:Url', new Date())).toBe(true);
    expect(await readApplied(schema)).toHaveLength(MIGRATIONS.length);
    await store.close();
    await dropSchema(schema);
  });

  it('migrates once when several stores open the same fresh schema together', async () => {
    const schema = newSchema();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore(databaseUrl, { schema })),
    );
    expect(await readApplied(schema)).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    const claims = await Promise.all(stores.map((store) => store.claimDelivery('event:Once', new Date())));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await Promise.all(stores.map((store) => store.close()));
    await dropSchema(schema);
  });

  it('runs each migration exactly once across replicas racing the runner', async () => {
    const schema = newSchema();
    const pools = Array.from(
      { length: 3 },
      () => new pg.Pool({ connectionString: databaseUrl, max: 2, options: `-c search_path=${schema}` }),
    );
    try {
      const counts = await Promise.all(pools.map((pool) => migratePostgres(pool, { schema, where: 'test' })));
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(MIGRATIONS.length);
      expect(await readApplied(schema)).toHaveLength(MIGRATIONS.length);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await dropSchema(schema);
    }
  });

  it('applies a later migration only, keeps the data, and rolls a failing one back whole', async () => {
    const schema = newSchema();
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: `-c search_path=${schema}` });
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'notes',
      sqlite: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT;',
      postgres: 'CREATE TABLE notes (id integer PRIMARY KEY);',
    };
    try {
      expect(await migratePostgres(pool, { schema, where: 'test' })).toBe(MIGRATIONS.length);
      await pool.query('INSERT INTO deliveries VALUES ($1, $2)', ['k', new Date()]);
      const broken: Migration = { ...next, postgres: 'CREATE TABLE half (id integer); CREATE TABLE oops (' };
      await expect(
        migratePostgres(pool, { schema, where: 'test' }, [...MIGRATIONS, broken]),
      ).rejects.toThrow();
      expect(await readApplied(schema)).toHaveLength(MIGRATIONS.length);
      const half = await pool.query('SELECT to_regclass($1) AS t', [`${schema}.half`]);
      expect(half.rows[0].t).toBeNull();
      expect(await migratePostgres(pool, { schema, where: 'test' }, [...MIGRATIONS, next])).toBe(1);
      expect(await migratePostgres(pool, { schema, where: 'test' }, [...MIGRATIONS, next])).toBe(0);
      expect((await pool.query('SELECT count(*)::int AS n FROM deliveries')).rows[0].n).toBe(1);
    } finally {
      await pool.end();
      await dropSchema(schema);
    }
  });

  it('refuses a database migrated by a newer version, and leaves it as it was', async () => {
    const schema = newSchema();
    const store = await openPostgresStore(databaseUrl, { schema });
    await store.close();
    await admin.query(
      `INSERT INTO ${schema}.schema_migrations (version, name) VALUES (99, 'from the future')`,
    );
    const failure = openPostgresStore(databaseUrl, { schema });
    await expect(failure).rejects.toThrow(StoreError);
    await expect(failure).rejects.toThrow(/schema version 99.*knows only up to/);
    expect((await readApplied(schema)).map((row) => row.version)).toEqual([
      ...MIGRATIONS.map((m) => m.version),
      99,
    ]);
    await dropSchema(schema);
  });

  it('names a database that does not exist, without the password', async () => {
    const missing = new URL(databaseUrl);
    missing.password = SECRET;
    missing.pathname = `/no_such_db_${randomBytes(4).toString('hex')}`;
    const error = await rejection(openStore({ databaseUrl: missing.toString(), dataDir: '/nonexistent' }));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/DATABASE_URL=.*does not exist/);
    expect((error as Error).message).toContain(missing.pathname);
    expect(everythingShown(error)).not.toContain(SECRET);
  });
});
