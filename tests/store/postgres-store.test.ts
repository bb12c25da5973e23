import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppliedMigration,
  MIGRATIONS,
  type Migration,
  migratePostgres,
} from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { isConnectionError, openPostgresStore, type PostgresStore } from '../../src/store/postgres-store.js';
import { type PostedQuiz, type QuizAnswer, StoreError } from '../../src/store/store.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
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

describe('isConnectionError', () => {
  it('tells a lost or refused connection from an error of the statement itself', () => {
    const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    for (const code of ['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001']) {
      expect(isConnectionError(withCode(code)), code).toBe(true);
    }
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']) {
      expect(isConnectionError(withCode(code)), code).toBe(true);
    }
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(new Error('Connection terminated'))).toBe(true);
    expect(isConnectionError(new Error('Connection terminated due to connection timeout'))).toBe(true);
    expect(
      isConnectionError(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
    // Errors of the statement: retrying cannot help, and must not happen.
    expect(isConnectionError(withCode('23505', 'duplicate key value violates unique constraint'))).toBe(
      false,
    );
    expect(isConnectionError(withCode('23503', 'violates foreign key constraint'))).toBe(false);
    expect(isConnectionError(withCode('42601', 'syntax error at or near "SELEC"'))).toBe(false);
    expect(isConnectionError(withCode('57014', 'canceling statement due to statement timeout'))).toBe(false);
    expect(isConnectionError(new Error('Cannot use a pool after calling end on the pool'))).toBe(false);
    expect(isConnectionError(new TypeError('the store was given an invalid Date'))).toBe(false);
    expect(isConnectionError(undefined)).toBe(false);
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
    async (version, deliveries) => {
      const pool = new pg.Pool({
        connectionString: databaseUrl,
        max: 1,
        options: `-c search_path=${current}`,
      });
      try {
        await migratePostgres(pool, { schema: current, where: 'test' }, MIGRATIONS.slice(0, version));
        for (const [key, receivedAt] of deliveries) {
          await pool.query('INSERT INTO deliveries (key, received_at) VALUES ($1, $2)', [key, receivedAt]);
        }
      } finally {
        await pool.end();
      }
    },
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

  it('keeps times as timestamptz, correctness as boolean, and one daily quiz per channel and day by index', async () => {
    const schema = newSchema();
    const store = await openPostgresStore(databaseUrl, { schema });
    await store.close();
    const { rows } = await admin.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = $1 AND (data_type IN ('timestamp with time zone', 'boolean') OR column_name = 'question')
       ORDER BY table_name, column_name`,
      [schema],
    );
    expect(rows.map((row) => `${row.table_name}.${row.column_name}: ${row.data_type}`)).toEqual([
      'answer_votes.question: text',
      'answer_votes.voted_at: timestamp with time zone',
      'answers.answered_at: timestamp with time zone',
      'answers.correct: boolean',
      'deliveries.received_at: timestamp with time zone',
      'digest_posts.claimed_at: timestamp with time zone',
      'digest_schedules.set_at: timestamp with time zone',
      'gap_records.asked_at: timestamp with time zone',
      'gap_records.question: text',
      'gap_records.resolved_at: timestamp with time zone',
      'question_decisions.decided_at: timestamp with time zone',
      'question_reports.reported_at: timestamp with time zone',
      'quizzes.closed_at: timestamp with time zone',
      'quizzes.closes_at: timestamp with time zone',
      'quizzes.posted_at: timestamp with time zone',
      'quizzes.question: text',
      'review_cards.added_at: timestamp with time zone',
      'review_cards.due: timestamp with time zone',
      'review_cards.last_review: timestamp with time zone',
      'review_logs.correct: boolean',
      'review_logs.next_due: timestamp with time zone',
      'review_logs.reviewed_at: timestamp with time zone',
      'schedules.post_error_at: timestamp with time zone',
      'schedules.set_at: timestamp with time zone',
      'schema_migrations.applied_at: timestamp with time zone',
    ]);
    const indexes = await admin.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = 'quizzes_daily_once'",
      [schema],
    );
    expect(indexes.rows[0]?.indexdef).toMatch(
      /UNIQUE INDEX .*\(team_id, channel_id, quiz_date\) WHERE \(mode = 'daily'::text\)/,
    );
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

  describe('when the connection to PostgreSQL fails (through a TCP proxy)', () => {
    const t0 = new Date('2025-03-01T09:00:00.000Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    let proxy: TcpProxy;
    let store: PostgresStore;
    let schema: string;
    let warnings: string[];
    /** Where the store points: the proxy, with a password in the URL that must never be shown. */
    let target: string;

    const quiz: PostedQuiz = {
      id: 'daily:T1:C1:2025-03-01',
      teamId: 'T1',
      channelId: 'C1',
      mode: 'daily',
      quizDate: '2025-03-01',
      askedBy: null,
      question: {
        id: 'ec2:fact-to-topic:1',
        topic: { id: 'ec2', title: 'Amazon EC2' },
        stem: 'Which service runs virtual machines?',
        options: ['EC2', 'S3', 'Lambda', 'IAM'],
        answer: 0,
        explanation: 'EC2 runs virtual machines.',
        source: { file: 'compute.md', heading: 'EC2', line: 1 },
        kind: 'fact-to-topic',
      },
      postedAt: t0,
      closesAt: at(8 * 3_600_000),
      messageTs: '1.1',
      closedAt: null,
    };

    function answer(userId: string, option: number, ms: number): QuizAnswer {
      return {
        quizId: quiz.id,
        teamId: 'T1',
        channelId: 'C1',
        userId,
        mode: 'daily',
        questionId: quiz.question.id,
        topicId: 'ec2',
        topicTitle: 'Amazon EC2',
        option,
        correct: option === 0,
        points: option === 0 ? 10 : 0,
        answeredAt: at(ms),
        localDate: '2025-03-01',
      };
    }

    async function storedAnswers(): Promise<number> {
      const { rows } = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.answers`);
      return rows[0].n;
    }

    beforeEach(async () => {
      const real = new URL(databaseUrl);
      proxy = await TcpProxy.start({ host: real.hostname, port: Number(real.port || 5432) });
      const proxied = new URL(databaseUrl);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(proxy.port);
      proxied.password = SECRET;
      target = `127.0.0.1:${proxy.port}${proxied.pathname}`;
      schema = newSchema();
      warnings = [];
      store = await openPostgresStore(proxied.toString(), {
        schema,
        warn: (message) => warnings.push(message),
      });
      expect(await store.createQuiz(quiz)).toBe(true);
    });

    afterEach(async () => {
      proxy.accept();
      await store.close();
      await proxy.close();
      await dropSchema(schema);
      expect(warnings.join('\n')).not.toContain(SECRET);
    });

    it('carries on after every connection is dropped: nothing lost, nothing doubled', async () => {
      expect(await store.recordAnswer(answer('U1', 0, 1))).toEqual({ recorded: true });
      expect(proxy.dropConnections()).toBeGreaterThan(0);
      expect(await store.recordAnswer(answer('U2', 1, 2))).toEqual({ recorded: true });
      proxy.dropConnections();
      expect(await store.recordAnswer(answer('U1', 2, 3))).toEqual({
        recorded: false,
        previous: answer('U1', 0, 1),
      });
      proxy.dropConnections();
      expect(await store.leaderboard({ teamId: 'T1' })).toEqual([
        { userId: 'U1', points: 10, answered: 1, right: 1 },
        { userId: 'U2', points: 0, answered: 1, right: 0 },
      ]);
      expect(await storedAnswers()).toBe(2);
    });

    it('records each of many answers once when connections drop while they are in flight', async () => {
      const answers = Array.from({ length: 30 }, (_, i) => answer(`U${100 + i}`, i % 4, 10 + i));
      const pending = answers.map((one) => store.recordAnswer(one));
      // Cut the connections while the statements are on the wire, twice.
      await new Promise((resolve) => setTimeout(resolve, 5));
      proxy.dropConnections();
      await new Promise((resolve) => setTimeout(resolve, 20));
      proxy.dropConnections();
      const outcomes = await Promise.all(pending);
      expect(outcomes.every((outcome) => outcome.recorded)).toBe(true);
      expect(await storedAnswers()).toBe(30);
      const tally = await store.tallyQuiz(quiz.id);
      expect(tally.answered).toBe(30);
      expect(tally.byOption).toEqual([8, 8, 7, 7]);
      // A second round of the same answers is refused, each with the one first kept.
      const again = await Promise.all(answers.map((one) => store.recordAnswer({ ...one, option: 3 })));
      expect(again.map((outcome) => (outcome.recorded ? null : outcome.previous))).toEqual(answers);
    });

    it('counts a write whose reply was lost as done by the call that retried it, once', async () => {
      // Each time: an idle connection is ready, the statement runs and commits, its reply never arrives.
      await store.ping();
      proxy.loseNextReply();
      expect(await store.recordAnswer(answer('U1', 0, 1))).toEqual({ recorded: true });
      expect(await store.recordAnswer(answer('U1', 1, 2))).toEqual({
        recorded: false,
        previous: answer('U1', 0, 1),
      });
      expect(await storedAnswers()).toBe(1);

      const nextDay: PostedQuiz = { ...quiz, id: 'daily:T1:C1:2025-03-02', quizDate: '2025-03-02' };
      await store.ping();
      proxy.loseNextReply();
      expect(await store.createQuiz(nextDay)).toBe(true);
      expect(await store.createQuiz({ ...nextDay, id: 'daily:other' })).toBe(false);

      await store.ping();
      proxy.loseNextReply();
      expect(await store.closeQuiz(quiz.id, at(8 * 3_600_000))).toBe(true);
      expect(await store.closeQuiz(quiz.id, at(8 * 3_600_001))).toBe(false);

      await store.ping();
      proxy.loseNextReply();
      expect(await store.claimDelivery('event:Lost', t0)).toBe(true);
      expect(await store.claimDelivery('event:Lost', at(1))).toBe(false);

      const unposted: PostedQuiz = {
        ...quiz,
        id: 'practice:1',
        mode: 'practice',
        quizDate: null,
        messageTs: null,
      };
      await store.createQuiz(unposted);
      await store.ping();
      proxy.loseNextReply();
      expect(await store.withdrawQuiz(unposted.id)).toBe(true);
      expect(await store.findQuiz(unposted.id)).toBeNull();

      await store.saveSchedule({
        teamId: 'T1',
        channelId: 'C1',
        time: '09:00',
        zone: 'UTC',
        setBy: 'U1',
        setAt: t0,
      });
      await store.ping();
      proxy.loseNextReply();
      expect(await store.deleteSchedule('T1', 'C1')).toBe(true);
      expect(await store.deleteSchedule('T1', 'C1')).toBe(false);

      expect(warnings.filter((warning) => /retrying in/.test(warning))).toHaveLength(6);
    });

    it('waits out a short outage: an answer given while PostgreSQL refuses connections is kept once it is back', async () => {
      proxy.dropConnections();
      proxy.refuse();
      const started = Date.now();
      const pending = store.recordAnswer(answer('U1', 0, 1));
      setTimeout(() => proxy.accept(), 600);
      expect(await pending).toEqual({ recorded: true });
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
      expect(proxy.refused).toBeGreaterThan(0);
      expect(warnings.some((message) => message.includes(`PostgreSQL at ${target}`))).toBe(true);
      expect(warnings.some((message) => /retrying in \d+ ms/.test(message))).toBe(true);
      expect(await store.leaderboard({ teamId: 'T1' })).toEqual([
        { userId: 'U1', points: 10, answered: 1, right: 1 },
      ]);
      expect(await storedAnswers()).toBe(1);
    });

    it('gives up after the retries with a StoreError naming host:port/db, never the password', async () => {
      proxy.dropConnections();
      proxy.refuse();
      const started = Date.now();
      const error = await rejection(store.recordAnswer(answer('U1', 0, 1)));
      const elapsed = Date.now() - started;
      expect(error).toBeInstanceOf(StoreError);
      const { message } = error as Error;
      expect(message).toContain(`PostgreSQL at ${target} is unreachable`);
      expect(message).toMatch(/failed 4 times/);
      expect(message).toMatch(/check that the server is running/i);
      expect(everythingShown(error)).not.toContain(SECRET);
      expect(warnings.filter((warning) => /retrying in/.test(warning))).toHaveLength(3);
      expect(warnings.join('\n')).not.toContain(SECRET);
      expect(elapsed).toBeGreaterThanOrEqual(1_200);
      expect(elapsed).toBeLessThan(10_000);

      // Once PostgreSQL is back, the same store works again, and the failed answer was not kept.
      proxy.accept();
      expect(await storedAnswers()).toBe(0);
      expect(await store.recordAnswer(answer('U1', 0, 1))).toEqual({ recorded: true });
    });

    it('does not retry an error of the statement itself', async () => {
      await expect(store.recordAnswer({ ...answer('U1', 0, 1), quizId: 'no-such-quiz' })).rejects.toThrow(
        /foreign key/,
      );
      await expect(store.recordAnswer(answer('U1', 7, 1))).rejects.toThrow(/check constraint/);
      expect(warnings).toEqual([]);
      expect(await storedAnswers()).toBe(0);
    });
  });
});
