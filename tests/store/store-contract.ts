import { afterEach, describe, expect, it } from 'vitest';
import { type AppliedMigration, MIGRATIONS } from '../../src/store/migrations.js';
import type { Store } from '../../src/store/store.js';

/**
 * The one behaviour every Store adapter must show. `open` opens (migrating) the current test
 * database, and may be called several times in one test: each call is another connection to the
 * SAME database, as a restart or a second replica would be. `cleanup` runs after each test, once
 * every store opened in it is closed, and throws that database away, so the next test starts empty.
 * `appliedMigrations` reads `schema_migrations` straight from the current database, not through the store.
 */
export function describeStoreContract(
  name: string,
  open: () => Promise<Store>,
  cleanup: () => Promise<void>,
  appliedMigrations: () => Promise<AppliedMigration[]>,
): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];
    async function openStore(): Promise<Store> {
      const store = await open();
      opened.push(store);
      return store;
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await cleanup();
    });

    const t0 = new Date('2025-03-01T09:00:00.000Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);

    it('claims a key once: true the first time, false every time after', async () => {
      const store = await openStore();
      expect(await store.claimDelivery('event:Ev1', t0)).toBe(true);
      expect(await store.claimDelivery('event:Ev1', at(1000))).toBe(false);
      expect(await store.claimDelivery('event:Ev1', t0)).toBe(false);
    });

    it('keeps different keys independent', async () => {
      const store = await openStore();
      expect(await store.claimDelivery('event:Ev1', t0)).toBe(true);
      expect(await store.claimDelivery('event:Ev2', t0)).toBe(true);
      expect(await store.claimDelivery('event:ev1', t0)).toBe(true);
      expect(await store.claimDelivery('event:Ev2', t0)).toBe(false);
    });

    it('lets exactly one of 50 concurrent claims of one key win', async () => {
      const store = await openStore();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => store.claimDelivery('event:Race', at(i))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('lets exactly one claim win across two stores on the same database (two replicas)', async () => {
      const [a, b] = await Promise.all([openStore(), openStore()]);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).claimDelivery('event:Replicas', at(i))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('prunes only claims received strictly before the cut-off, and counts them', async () => {
      const store = await openStore();
      await store.claimDelivery('old', at(0));
      await store.claimDelivery('edge', at(60_000));
      await store.claimDelivery('new', at(120_000));
      expect(await store.pruneDeliveries(at(60_000))).toBe(1);
      expect(await store.pruneDeliveries(at(60_000))).toBe(0);
      expect(await store.claimDelivery('old', at(180_000))).toBe(true);
      expect(await store.claimDelivery('edge', at(180_000))).toBe(false);
      expect(await store.claimDelivery('new', at(180_000))).toBe(false);
    });

    it('keeps received times to the millisecond', async () => {
      const store = await openStore();
      await store.claimDelivery('k', at(5));
      expect(await store.pruneDeliveries(at(5))).toBe(0);
      expect(await store.pruneDeliveries(at(6))).toBe(1);
    });

    it('pings while open, rejects after close, and closes twice without complaint', async () => {
      const store = await openStore();
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.ping()).rejects.toThrow();
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('applies each migration once, however often the database is opened, and keeps the data', async () => {
      const first = await openStore();
      expect(await first.claimDelivery('event:Kept', t0)).toBe(true);
      await first.close();
      const second = await openStore();
      await openStore();
      const expected = MIGRATIONS.map(({ version, name }) => ({ version, name }));
      expect(await appliedMigrations()).toEqual(expected);
      expect(await second.claimDelivery('event:Kept', t0)).toBe(false);
    });

    it('keeps claims across close and reopen', async () => {
      const first = await openStore();
      await first.claimDelivery('event:Durable', t0);
      await first.close();
      const reopened = await openStore();
      expect(await reopened.claimDelivery('event:Durable', at(1))).toBe(false);
      expect(await reopened.pruneDeliveries(at(1))).toBe(1);
    });

    it('refuses an invalid Date rather than storing it', async () => {
      const store = await openStore();
      await expect(store.claimDelivery('k', new Date(Number.NaN))).rejects.toThrow(/invalid Date/);
      expect(await store.claimDelivery('k', t0)).toBe(true);
    });
  });
}
