/**
 * The store port: what the core needs kept between messages, restarts and replicas. The core owns
 * this interface; the adapters (`sqlite-store.ts`, `postgres-store.ts`) implement it and pass one
 * shared contract suite (`tests/store/store-contract.ts`). Nothing here imports a database driver.
 *
 * Anything that must happen exactly once is decided by a unique constraint in the database, never
 * by an in-memory check, so it holds across retries, restarts and replicas. Time is always passed
 * in: the store never reads the clock on the core's behalf.
 */
export interface Store {
  /**
   * Claims a delivery (for example `event:<Slack event_id>`) for handling. True only for the first
   * claim of `key` ever made on this database, by any process; false for every later claim.
   */
  claimDelivery(key: string, receivedAt: Date): Promise<boolean>;
  /** Forgets claims received strictly before `olderThan`; returns how many were removed. */
  pruneDeliveries(olderThan: Date): Promise<number>;
  /** Resolves when the database answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  /** Releases the connection(s). Safe to call more than once. */
  close(): Promise<void>;
  readonly kind: 'sqlite' | 'postgres';
}

/**
 * A store problem a person can act on (an unreachable database, an unwritable folder, a database
 * migrated by a newer version). Its message says what to fix and never contains a password.
 */
export class StoreError extends Error {
  override name = 'StoreError';
}
