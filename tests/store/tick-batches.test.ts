import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { TickBatches } from '../../src/store/tick-batches.js';

describe('TickBatches on a real SQLite file', () => {
  let db: Database.Database;
  afterEach(() => db?.close());

  function open() {
    db = new Database(join(mkdtempSync(join(tmpdir(), 'tick-batches-')), 'test.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec("CREATE TABLE kept (id INTEGER PRIMARY KEY, value TEXT NOT NULL CHECK (value <> 'bad'))");
    const insert = db.prepare('INSERT INTO kept (id, value) VALUES (?, ?) ON CONFLICT (id) DO NOTHING');
    const commits: number[] = [];
    let inTransaction = 0;
    const batches = new TickBatches<{ id: number; value: string }, boolean>(
      (row) => {
        if (inTransaction === 0) commits.push(1);
        return insert.run(row.id, row.value).changes === 1;
      },
      (work) => {
        inTransaction++;
        try {
          const result = db.transaction(work)();
          commits.push(0);
          return result;
        } finally {
          inTransaction--;
        }
      },
    );
    return { batches, commits };
  }

  it('commits the writes of one turn together, each with its own outcome', async () => {
    const { batches, commits } = open();
    const outcomes = await Promise.all([
      batches.submit({ id: 1, value: 'a' }),
      batches.submit({ id: 2, value: 'b' }),
      batches.submit({ id: 1, value: 'again' }),
    ]);
    expect(outcomes).toEqual([true, true, false]);
    expect(commits).toEqual([0]);
    expect(db.prepare('SELECT id, value FROM kept ORDER BY id').all()).toEqual([
      { id: 1, value: 'a' },
      { id: 2, value: 'b' },
    ]);
  });

  it('writes a lone write in the next turn, on its own', async () => {
    const { batches, commits } = open();
    await expect(batches.submit({ id: 7, value: 'alone' })).resolves.toBe(true);
    expect(commits).toEqual([1]);
  });

  it('retries a failed batch one write at a time, so only the bad write fails', async () => {
    const { batches } = open();
    const outcomes = await Promise.allSettled([
      batches.submit({ id: 1, value: 'a' }),
      batches.submit({ id: 2, value: 'bad' }),
      batches.submit({ id: 3, value: 'c' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT id FROM kept ORDER BY id').all()).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it('writes what is waiting at once when flushed, as before the database closes', () => {
    const { batches } = open();
    const kept = batches.submit({ id: 4, value: 'd' });
    batches.flush();
    expect(db.prepare('SELECT count(*) AS n FROM kept').get()).toEqual({ n: 1 });
    return expect(kept).resolves.toBe(true);
  });
});
