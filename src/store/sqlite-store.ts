import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrateSqlite } from './migrations.js';
import { type Store, StoreError } from './store.js';

/** How long a write waits for another connection's write lock before failing (SQLITE_BUSY). */
const BUSY_TIMEOUT_MS = 5000;

function millis(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new TypeError('the store was given an invalid Date');
  return time;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The embedded store: one SQLite file, one synchronous connection, in WAL mode. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #claim: Database.Statement<[string, number]>;
  readonly #prune: Database.Statement<[number]>;
  readonly #ping: Database.Statement<[]>;

  /** Use `openSqliteStore`, which prepares and migrates the database first. */
  constructor(
    /** The database file's absolute path. */
    readonly file: string,
    db: Database.Database,
  ) {
    this.#db = db;
    this.#claim = db.prepare(
      'INSERT INTO deliveries (key, received_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
    );
    this.#prune = db.prepare('DELETE FROM deliveries WHERE received_at < ?');
    this.#ping = db.prepare('SELECT 1');
  }

  async claimDelivery(key: string, receivedAt: Date): Promise<boolean> {
    return this.#claim.run(key, millis(receivedAt)).changes === 1;
  }

  async pruneDeliveries(olderThan: Date): Promise<number> {
    return this.#prune.run(millis(olderThan)).changes;
  }

  async ping(): Promise<void> {
    this.#ping.get();
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/**
 * Opens (creating it and its folder if missing) the SQLite database at `file`, tunes the
 * connection for a long-running server and applies pending migrations. Problems a person can fix
 * (an unwritable folder, a file that is not a database, a newer schema) throw StoreError naming the path.
 */
export function openSqliteStore(file: string): SqliteStore {
  const path = resolve(file);
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new StoreError(`cannot use the folder ${folder} for the SQLite database: ${reason(error)}`, {
      cause: error,
    });
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    migrateSqlite(db, `the SQLite database ${path}`);
    return new SqliteStore(path, db);
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot open the SQLite database ${path}: ${reason(error)}`, { cause: error });
  }
}
