import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, redactUrl, SQLITE_FILE_NAME } from '../store/open-store.js';
import type { Store } from '../store/store.js';

/** Where the app keeps its data: DATABASE_URL (PostgreSQL) or DATA_DIR (SQLite). */
export interface ExportSource {
  databaseUrl: string | null;
  dataDir: string;
}

/** A failure reading the app's store, with a message a person can act on (never a password). */
export class ExportError extends Error {}

/** The password of a database URL, as written and decoded, to keep out of messages. */
export function secretsOf(url: string): string[] {
  try {
    const { password } = new URL(url);
    return [password, decodeURIComponent(password)].filter((secret) => secret !== '');
  } catch {
    return [];
  }
}

/** What a command reads, in its own words: `the review cards`, and `no review cards yet`. */
export interface AppStoreRead {
  what: string;
  nothingYet: string;
}

/**
 * Runs `use` on the store the app uses (DATABASE_URL, else the SQLite file in DATA_DIR) and closes
 * it. A DATA_DIR without a database is left as it is: `note` is told why, and this returns false.
 * A failure, `use`'s own included, is an ExportError saying where the store is, never a password.
 */
export async function withAppStore(
  source: ExportSource,
  read: AppStoreRead,
  note: (message: string) => void,
  use: (store: Store) => Promise<void>,
): Promise<boolean> {
  const url = source.databaseUrl?.trim() || null;
  if (!url) {
    const file = join(source.dataDir, SQLITE_FILE_NAME);
    if (!existsSync(file)) {
      note(
        `${read.nothingYet}: ${file} does not exist (set DATA_DIR, or DATABASE_URL, to where the app keeps its data)`,
      );
      return false;
    }
  }
  const store = await openStore({ databaseUrl: url, dataDir: source.dataDir });
  try {
    await use(store);
    return true;
  } catch (error) {
    const where = url ? `DATABASE_URL=${redactUrl(url)}` : `DATA_DIR=${source.dataDir}`;
    const reason = (url ? secretsOf(url) : []).reduce(
      (text, secret) => text.replaceAll(secret, '***'),
      error instanceof Error ? error.message : String(error),
    );
    throw new ExportError(`could not read ${read.what} (${where}): ${reason}`, { cause: error });
  } finally {
    await store.close().catch(() => undefined);
  }
}
