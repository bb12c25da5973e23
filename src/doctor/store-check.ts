import { join } from 'node:path';
import { MIGRATIONS } from '../store/migrations.js';
import { openStore, redactUrl, SQLITE_FILE_NAME, StoreError } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { type CheckResult, fail, pass } from './check.js';
import type { StoreSettings } from './config-check.js';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens and migrates the store as the app does, then writes and reads a probe row in a transaction
 * it rolls back. The open store is returned for the checks that read it; the caller closes it.
 */
export async function checkStore(
  settings: StoreSettings,
): Promise<{ result: CheckResult; store: Store | null }> {
  const where = settings.databaseUrl
    ? `PostgreSQL at ${redactUrl(settings.databaseUrl)}`
    : `SQLite at ${join(settings.dataDir, SQLITE_FILE_NAME)}`;
  let store: Store;
  try {
    store = await openStore({ ...settings, warn: () => undefined });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return { result: fail('store', error.message, null), store: null };
  }
  try {
    await store.probeWrite();
  } catch (error) {
    return {
      result: fail(
        'store',
        `${where} opens, but refused a write: ${reason(error)}`,
        settings.databaseUrl
          ? "Give the database user the right to write to the app's tables"
          : `Make ${settings.dataDir} and the files in it writable by this user`,
      ),
      store,
    };
  }
  return {
    result: pass(
      'store',
      `${where}: opened, migrated to schema version ${MIGRATIONS.length}, a probe row written and read back in a transaction rolled back`,
    ),
    store,
  };
}
