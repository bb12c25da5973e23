import type { Database } from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import { StoreError } from './store.js';

/**
 * One step of the schema, written once per dialect. Versions start at 1 and go up by one; a
 * migration, once released, is never edited, renumbered or removed: change the schema by adding the
 * next one. Migrations only add (tables, columns, indexes) or move data forward; none drops or
 * rewrites what people stored. The runner wraps each one in a transaction, so its SQL must not
 * open or commit one itself (and, on SQLite, must not set pragmas, which a transaction ignores).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'deliveries',
    // SQLite keeps times as integer milliseconds since the Unix epoch (UTC): exact, and compared as numbers.
    sqlite: `
      CREATE TABLE deliveries (
        key TEXT NOT NULL PRIMARY KEY,
        received_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX deliveries_received_at ON deliveries (received_at);
    `,
    postgres: `
      CREATE TABLE deliveries (
        key text PRIMARY KEY,
        received_at timestamptz NOT NULL
      );
      CREATE INDEX deliveries_received_at ON deliveries (received_at);
    `,
  },
];

export interface AppliedMigration {
  version: number;
  name: string;
}

/** Throws unless versions run 1, 2, 3… with a unique, non-empty name each: a mistake in the code, not the database. */
export function checkMigrations(migrations: readonly Migration[]): void {
  const names = new Set<string>();
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migration "${migration.name}" has version ${migration.version}; expected ${index + 1}`,
      );
    }
    if (migration.name.trim() === '' || names.has(migration.name)) {
      throw new Error(`migration ${migration.version} needs a name of its own (got "${migration.name}")`);
    }
    names.add(migration.name);
  });
}

/**
 * The migrations still to apply, in order, given those the database records. Refuses (StoreError)
 * a database that a newer version of the tutor has migrated, or whose history differs from the
 * code's, rather than run against a schema this code does not know. `where` names the database.
 */
export function pendingMigrations(
  applied: readonly AppliedMigration[],
  migrations: readonly Migration[],
  where: string,
): Migration[] {
  const known = migrations.length;
  const newest = applied.reduce((max, row) => Math.max(max, row.version), 0);
  if (newest > known) {
    const row = applied.find((candidate) => candidate.version === newest);
    throw new StoreError(
      `${where} has schema version ${newest} ("${row?.name}"), but this version of aws-tutor knows only up to ${known}: ` +
        'it was migrated by a newer aws-tutor. Run that version (or newer), or point at another database; nothing was changed.',
    );
  }
  const byVersion = new Map(applied.map((row) => [row.version, row.name]));
  for (const migration of migrations) {
    if (migration.version > newest) break;
    const name = byVersion.get(migration.version);
    if (name !== migration.name) {
      throw new StoreError(
        `${where} has a schema history this aws-tutor does not recognise: version ${migration.version} is ` +
          `${name === undefined ? 'missing' : `"${name}"`} where "${migration.name}" was expected. Nothing was changed.`,
      );
    }
  }
  return migrations.filter((migration) => migration.version > newest);
}

/**
 * Brings a SQLite database up to date: one `BEGIN IMMEDIATE` transaction per migration (which also
 * keeps two processes sharing the file from migrating at once). Idempotent. Returns how many ran.
 */
export function migrateSqlite(
  db: Database,
  where: string,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  checkMigrations(migrations);
  const step = db.transaction((): boolean => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER NOT NULL PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const applied = db
      .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
      .all() as AppliedMigration[];
    const next = pendingMigrations(applied, migrations, where)[0];
    if (!next) return false;
    db.exec(next.sqlite);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    ).run(next.version, next.name);
    return true;
  });
  let count = 0;
  while (step.immediate()) count += 1;
  return count;
}

/** How long one migration (including the wait for another replica's) may take on PostgreSQL. */
const MIGRATION_TIMEOUT_SECONDS = 300;

/** A fixed first key for the migration advisory lock ("awst"), so it never meets another app's locks. */
const MIGRATION_LOCK_CLASS = 0x61777374;

/** FNV-1a of `text` as a signed 32-bit integer: the second advisory-lock key, one per schema. */
function lockKey(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Brings a PostgreSQL database (or `schema` in it, created if missing) up to date: one transaction
 * per migration, each holding `pg_advisory_xact_lock`, so replicas starting together wait for one
 * another and migrate once. The connections must already have `schema` on their `search_path`.
 * Idempotent. Returns how many ran.
 */
export async function migratePostgres(
  pool: Pool,
  options: { schema?: string | undefined; where: string },
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  checkMigrations(migrations);
  let count = 0;
  for (;;) {
    const client = await pool.connect();
    let applied: boolean;
    try {
      applied = await migrateOneStep(client, options, migrations);
      client.release();
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
      throw error;
    }
    if (!applied) return count;
    count += 1;
  }
}

async function migrateOneStep(
  client: PoolClient,
  { schema, where }: { schema?: string | undefined; where: string },
  migrations: readonly Migration[],
): Promise<boolean> {
  await client.query('BEGIN');
  // Longer than the pool's per-statement limit: a replica may wait here while another one migrates.
  await client.query(`SET LOCAL statement_timeout = '${MIGRATION_TIMEOUT_SECONDS}s'`);
  await client.query('SELECT pg_advisory_xact_lock($1::int4, $2::int4)', [
    MIGRATION_LOCK_CLASS,
    lockKey(schema ?? ''),
  ]);
  if (schema) {
    // Looked up first: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when the schema exists.
    const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (found.rowCount === 0) await client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
  }
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const { rows } = await client.query<AppliedMigration>(
    'SELECT version, name FROM schema_migrations ORDER BY version',
  );
  const next = pendingMigrations(rows, migrations, where)[0];
  if (next) {
    await client.query(next.postgres);
    await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
      next.version,
      next.name,
    ]);
  }
  await client.query('COMMIT');
  return next !== undefined;
}
