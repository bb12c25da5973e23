import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/quiz/types.js';
import {
  type AppliedMigration,
  MIGRATIONS,
  type Migration,
  migrateSqlite,
} from '../../src/store/migrations.js';
import { openStore, SQLITE_FILE_NAME } from '../../src/store/open-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { StoreError } from '../../src/store/store.js';
import { describeStoreContract } from './store-contract.js';

const root = mkdtempSync(join(tmpdir(), 'aws-tutor-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function freshDir(): string {
  counter += 1;
  return join(root, `db-${counter}`);
}

function readApplied(file: string): AppliedMigration[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
      .all() as AppliedMigration[];
  } finally {
    db.close();
  }
}

let current = freshDir();
describeStoreContract(
  'SQLite',
  async () => openSqliteStore(join(current, SQLITE_FILE_NAME)),
  async () => {
    rmSync(current, { recursive: true, force: true });
    current = freshDir();
  },
  async () => readApplied(join(current, SQLITE_FILE_NAME)),
  async (version, deliveries) => {
    mkdirSync(current, { recursive: true });
    const db = new Database(join(current, SQLITE_FILE_NAME));
    try {
      migrateSqlite(db, 'the test database', MIGRATIONS.slice(0, version));
      const insert = db.prepare('INSERT INTO deliveries (key, received_at) VALUES (?, ?)');
      for (const [key, receivedAt] of deliveries) insert.run(key, receivedAt.getTime());
    } finally {
      db.close();
    }
  },
);

describe('SQLite store', () => {
  it('is what openStore gives without DATABASE_URL, at <DATA_DIR>/aws-tutor.db, creating the folders', async () => {
    const dataDir = join(freshDir(), 'nested', 'data');
    const store = await openStore({ dataDir, databaseUrl: null });
    expect(store.kind).toBe('sqlite');
    expect(existsSync(join(dataDir, 'aws-tutor.db'))).toBe(true);
    await store.close();
  });

  it('runs in WAL mode', async () => {
    const file = join(freshDir(), SQLITE_FILE_NAME);
    const store = openSqliteStore(file);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    await store.close();
  });

  it('names DATA_DIR and the path when the folder cannot be created', async () => {
    const parent = freshDir();
    mkdirSync(parent, { recursive: true });
    const blocker = join(parent, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const dataDir = join(blocker, 'data');
    const failure = openStore({ dataDir });
    await expect(failure).rejects.toThrow(StoreError);
    await expect(failure).rejects.toThrow('DATA_DIR');
    await expect(failure).rejects.toThrow(dataDir);
  });

  it.skipIf(process.getuid?.() === 0)(
    'names DATA_DIR and the path when the folder is read-only',
    async () => {
      const dataDir = freshDir();
      mkdirSync(dataDir, { recursive: true });
      chmodSync(dataDir, 0o500);
      try {
        const failure = openStore({ dataDir });
        await expect(failure).rejects.toThrow(StoreError);
        await expect(failure).rejects.toThrow(`DATA_DIR=${dataDir}`);
      } finally {
        chmodSync(dataDir, 0o700);
      }
    },
  );

  it('keeps times as integer milliseconds, booleans as 0/1 and the question as JSON text, in STRICT tables', async () => {
    const file = join(freshDir(), SQLITE_FILE_NAME);
    const store = openSqliteStore(file);
    const postedAt = new Date('2025-03-01T09:00:00.123Z');
    const question: QuizQuestion = {
      id: 'ec2:hand-written:1',
      topic: { id: 'ec2', title: 'EC2' },
      stem: 'Which "one"?',
      options: ['a', 'b', 'c', 'd'],
      answer: 2,
      explanation: 'c',
      source: { file: 'compute.md', heading: 'EC2', line: 4 },
      kind: 'hand-written',
    };
    await store.createQuiz({
      id: 'practice:1',
      teamId: 'T1',
      channelId: 'D1',
      mode: 'practice',
      quizDate: null,
      askedBy: 'U1',
      question,
      postedAt,
      closesAt: null,
      messageTs: null,
      closedAt: null,
    });
    await store.recordAnswer({
      quizId: 'practice:1',
      teamId: 'T1',
      channelId: 'D1',
      userId: 'U1',
      mode: 'practice',
      questionId: question.id,
      topicId: 'ec2',
      topicTitle: 'EC2',
      option: 2,
      correct: true,
      points: 0,
      answeredAt: new Date(postedAt.getTime() + 1),
      localDate: '2025-03-01',
    });
    await store.close();

    const db = new Database(file, { readonly: true });
    try {
      expect(
        db.prepare('SELECT posted_at, closes_at, question, question_id, topic_id FROM quizzes').get(),
      ).toEqual({
        posted_at: postedAt.getTime(),
        closes_at: null,
        question: JSON.stringify(question),
        question_id: question.id,
        topic_id: 'ec2',
      });
      expect(db.prepare('SELECT correct, answered_at FROM answers').get()).toEqual({
        correct: 1,
        answered_at: postedAt.getTime() + 1,
      });
      const strict = db
        .prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main' ORDER BY name")
        .pluck()
        .all();
      expect(strict).toEqual(expect.arrayContaining(['answers', 'deliveries', 'quizzes', 'schedules']));
      expect(() => db.prepare('SELECT 1').get()).not.toThrow();
    } finally {
      db.close();
    }
  });

  it('refuses a database migrated by a newer version, and leaves it as it was', async () => {
    const dataDir = freshDir();
    const file = join(dataDir, SQLITE_FILE_NAME);
    const store = openSqliteStore(file);
    await store.claimDelivery('event:Kept', new Date(0));
    await store.close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'from the future', 'x')").run();
    db.close();

    const failure = openStore({ dataDir });
    await expect(failure).rejects.toThrow(StoreError);
    await expect(failure).rejects.toThrow(/schema version 99.*knows only up to/);
    expect(readApplied(file).map((row) => row.version)).toEqual([...MIGRATIONS.map((m) => m.version), 99]);
  });

  it('refuses a database whose recorded history differs from the code', async () => {
    const file = join(freshDir(), SQLITE_FILE_NAME);
    await openSqliteStore(file).close();
    const db = new Database(file);
    db.prepare("UPDATE schema_migrations SET name = 'something else' WHERE version = 1").run();
    expect(() => migrateSqlite(db, 'the test database')).toThrow(/version 1 is "something else"/);
    db.close();
  });

  describe('migrateSqlite', () => {
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'notes',
      sqlite: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;',
      postgres: 'CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL);',
    };

    it('applies only the pending migrations, in order, once', async () => {
      const db = new Database(':memory:');
      expect(migrateSqlite(db, 'memory', MIGRATIONS)).toBe(MIGRATIONS.length);
      db.prepare('INSERT INTO deliveries VALUES (?, ?)').run('k', 1);
      expect(migrateSqlite(db, 'memory', [...MIGRATIONS, next])).toBe(1);
      expect(migrateSqlite(db, 'memory', [...MIGRATIONS, next])).toBe(0);
      expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
        [...MIGRATIONS, next].map((m) => m.version),
      );
      expect(db.prepare('SELECT count(*) FROM deliveries').pluck().get()).toBe(1);
      db.close();
    });

    it('rolls a failing migration back whole, recording nothing', () => {
      const db = new Database(':memory:');
      const broken: Migration = { ...next, sqlite: 'CREATE TABLE half (id INTEGER); CREATE TABLE oops (' };
      expect(() => migrateSqlite(db, 'memory', [...MIGRATIONS, broken])).toThrow();
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
      expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
      db.close();
    });

    it('rejects a migration list with gaps or repeated names', () => {
      const db = new Database(':memory:');
      expect(() =>
        migrateSqlite(db, 'memory', [...MIGRATIONS, { ...next, version: next.version + 1 }]),
      ).toThrow(/expected/);
      expect(() => migrateSqlite(db, 'memory', [...MIGRATIONS, { ...next, name: 'deliveries' }])).toThrow(
        /name/,
      );
      db.close();
    });
  });
});
