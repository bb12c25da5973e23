import { join, resolve } from 'node:path';
import { redactUrl } from './redact-url.js';
import { type Store, StoreError } from './store.js';

export { redactUrl } from './redact-url.js';
export { StoreError } from './store.js';

/** The embedded database's file name inside DATA_DIR. */
export const SQLITE_FILE_NAME = 'aws-tutor.db';

export interface OpenStoreOptions {
  /** DATABASE_URL: PostgreSQL, shared by every replica, when set. */
  databaseUrl?: string | null | undefined;
  /** DATA_DIR: the folder of the embedded SQLite database, used when databaseUrl is not set. */
  dataDir: string;
  /** Told about trouble the store recovers from by itself. */
  warn?: (message: string) => void;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The store the configuration asks for, migrated and ready: PostgreSQL when DATABASE_URL is set,
 * else SQLite at `<DATA_DIR>/aws-tutor.db`. A problem a person can fix throws StoreError naming the
 * variable to look at; a database URL only ever appears redacted. Only the adapter asked for is
 * loaded: the PostgreSQL driver alone adds about 60 ms to every start of the CLI.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const url = options.databaseUrl?.trim();
  if (url) {
    try {
      const { openPostgresStore } = await import('./postgres-store.js');
      return await openPostgresStore(url, options.warn ? { warn: options.warn } : {});
    } catch (error) {
      throw new StoreError(
        `DATABASE_URL=${redactUrl(url)}: ${reason(error)} (fix DATABASE_URL, or unset it to use the embedded SQLite database in DATA_DIR)`,
        { cause: error },
      );
    }
  }
  const dataDir = resolve(options.dataDir);
  const { openSqliteStore } = await import('./sqlite-store.js');
  try {
    return openSqliteStore(join(dataDir, SQLITE_FILE_NAME));
  } catch (error) {
    throw new StoreError(
      `DATA_DIR=${dataDir}: ${reason(error)} (set DATA_DIR to a folder this process can create and write)`,
      { cause: error },
    );
  }
}
