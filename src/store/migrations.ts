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
  {
    version: 2,
    name: 'quizzes',
    // Booleans are 0/1 and times integer milliseconds (UTC). The daily quiz's exactly-once rule is the
    // partial unique index on (team, channel, quiz day); the one-answer-per-person rule is the answers'
    // primary key. Every table carries team_id, and every query about a workspace filters on it.
    sqlite: `
      CREATE TABLE schedules (
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        time TEXT NOT NULL,
        zone TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, channel_id)
      ) STRICT;

      CREATE TABLE quizzes (
        id TEXT NOT NULL PRIMARY KEY,
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('daily', 'practice')),
        quiz_date TEXT,
        asked_by TEXT,
        question_id TEXT NOT NULL,
        topic_id TEXT NOT NULL,
        question TEXT NOT NULL,
        posted_at INTEGER NOT NULL,
        closes_at INTEGER,
        message_ts TEXT,
        closed_at INTEGER,
        CHECK (mode <> 'daily' OR quiz_date IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX quizzes_daily_once ON quizzes (team_id, channel_id, quiz_date)
        WHERE mode = 'daily';
      CREATE INDEX quizzes_to_close ON quizzes (closes_at)
        WHERE mode = 'daily' AND closed_at IS NULL AND message_ts IS NOT NULL;

      CREATE TABLE answers (
        quiz_id TEXT NOT NULL REFERENCES quizzes (id),
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('daily', 'practice')),
        question_id TEXT NOT NULL,
        topic_id TEXT NOT NULL,
        topic_title TEXT NOT NULL,
        option INTEGER NOT NULL CHECK (option BETWEEN 0 AND 3),
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        points INTEGER NOT NULL,
        answered_at INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        PRIMARY KEY (quiz_id, user_id)
      ) STRICT;
      CREATE INDEX answers_team_user ON answers (team_id, user_id, answered_at);
      CREATE INDEX answers_team_channel ON answers (team_id, channel_id, answered_at);
      CREATE INDEX answers_export ON answers (answered_at, quiz_id, user_id);
    `,
    // Identifiers use the "C" collation: ordered and compared byte by byte, as SQLite does, whatever
    // the database's locale. The question stays JSON text (not jsonb), so it comes back exactly as kept.
    postgres: `
      CREATE TABLE schedules (
        team_id text COLLATE "C" NOT NULL,
        channel_id text COLLATE "C" NOT NULL,
        time text NOT NULL,
        zone text NOT NULL,
        set_by text NOT NULL,
        set_at timestamptz NOT NULL,
        PRIMARY KEY (team_id, channel_id)
      );

      CREATE TABLE quizzes (
        id text COLLATE "C" PRIMARY KEY,
        team_id text COLLATE "C" NOT NULL,
        channel_id text COLLATE "C" NOT NULL,
        mode text NOT NULL CHECK (mode IN ('daily', 'practice')),
        quiz_date text COLLATE "C",
        asked_by text,
        question_id text NOT NULL,
        topic_id text COLLATE "C" NOT NULL,
        question text NOT NULL,
        posted_at timestamptz NOT NULL,
        closes_at timestamptz,
        message_ts text,
        closed_at timestamptz,
        CHECK (mode <> 'daily' OR quiz_date IS NOT NULL)
      );
      CREATE UNIQUE INDEX quizzes_daily_once ON quizzes (team_id, channel_id, quiz_date)
        WHERE mode = 'daily';
      CREATE INDEX quizzes_to_close ON quizzes (closes_at)
        WHERE mode = 'daily' AND closed_at IS NULL AND message_ts IS NOT NULL;

      CREATE TABLE answers (
        quiz_id text COLLATE "C" NOT NULL REFERENCES quizzes (id),
        team_id text COLLATE "C" NOT NULL,
        channel_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        mode text NOT NULL CHECK (mode IN ('daily', 'practice')),
        question_id text NOT NULL,
        topic_id text COLLATE "C" NOT NULL,
        topic_title text NOT NULL,
        option smallint NOT NULL CHECK (option BETWEEN 0 AND 3),
        correct boolean NOT NULL,
        points integer NOT NULL,
        answered_at timestamptz NOT NULL,
        local_date text NOT NULL,
        PRIMARY KEY (quiz_id, user_id)
      );
      CREATE INDEX answers_team_user ON answers (team_id, user_id, answered_at);
      CREATE INDEX answers_team_channel ON answers (team_id, channel_id, answered_at);
      CREATE INDEX answers_export ON answers (answered_at, quiz_id, user_id);
    `,
  },
  {
    version: 3,
    name: 'schedule post errors',
    // Why a channel's last daily quiz could not be posted (Slack's error, the quiz day, when), cleared
    // once one goes out; and the quiz day the admin was last told, so a day's notice goes out once
    // whichever replica sees the failure.
    sqlite: `
      ALTER TABLE schedules ADD COLUMN post_error TEXT;
      ALTER TABLE schedules ADD COLUMN post_error_day TEXT;
      ALTER TABLE schedules ADD COLUMN post_error_at INTEGER;
      ALTER TABLE schedules ADD COLUMN admin_told_day TEXT;
    `,
    postgres: `
      ALTER TABLE schedules
        ADD COLUMN post_error text,
        ADD COLUMN post_error_day text,
        ADD COLUMN post_error_at timestamptz,
        ADD COLUMN admin_told_day text;
    `,
  },
  {
    version: 4,
    name: 'question reports and decisions',
    // A person's report of a quiz question (wrong answer, unclear, too easy), once per person and
    // question by the primary key; and an admin's decision to retire or restore a question. Both per
    // workspace, by question id (the statistics come from the answers already kept).
    sqlite: `
      CREATE TABLE question_reports (
        team_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('wrong-answer', 'unclear', 'too-easy')),
        reported_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, question_id, user_id)
      ) STRICT;

      CREATE TABLE question_decisions (
        team_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('retired', 'restored')),
        decided_by TEXT NOT NULL,
        decided_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, question_id)
      ) STRICT;
      CREATE INDEX answers_team_question ON answers (team_id, question_id);
    `,
    postgres: `
      CREATE TABLE question_reports (
        team_id text COLLATE "C" NOT NULL,
        question_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        reason text NOT NULL CHECK (reason IN ('wrong-answer', 'unclear', 'too-easy')),
        reported_at timestamptz NOT NULL,
        PRIMARY KEY (team_id, question_id, user_id)
      );

      CREATE TABLE question_decisions (
        team_id text COLLATE "C" NOT NULL,
        question_id text COLLATE "C" NOT NULL,
        status text NOT NULL CHECK (status IN ('retired', 'restored')),
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL,
        PRIMARY KEY (team_id, question_id)
      );
      CREATE INDEX answers_team_question ON answers (team_id, question_id);
    `,
  },
  {
    version: 5,
    name: 'review cards, logs and profiles',
    // Personal review (FSRS): one card per person and topic, kept when its topic leaves the notes;
    // one log per card and showing (`rep`, the card's reviews so far), so a showing is reviewed
    // once whoever clicks twice or wherever; and each person's zone and daily nudge, with the local
    // day last nudged, which a conditional update claims once per day across replicas. A person's
    // review days are read through the logs' primary key (team, user, …): no index of their own,
    // so a review writes one index entry less.
    sqlite: `
      CREATE TABLE review_cards (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        topic_id TEXT NOT NULL,
        topic_title TEXT NOT NULL,
        due INTEGER NOT NULL,
        stability REAL NOT NULL,
        difficulty REAL NOT NULL,
        scheduled_days INTEGER NOT NULL,
        learning_steps INTEGER NOT NULL,
        reps INTEGER NOT NULL,
        lapses INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('new', 'learning', 'review', 'relearning')),
        last_review INTEGER,
        last_rating TEXT CHECK (last_rating IN ('again', 'hard', 'good', 'easy')),
        added_at INTEGER NOT NULL,
        added_by TEXT NOT NULL CHECK (added_by IN ('missed', 'remember', 'start')),
        PRIMARY KEY (team_id, user_id, topic_id)
      ) STRICT;

      CREATE TABLE review_logs (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        topic_id TEXT NOT NULL,
        rep INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        option INTEGER NOT NULL CHECK (option BETWEEN 0 AND 3),
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        rating TEXT NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
        reviewed_at INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        next_due INTEGER NOT NULL,
        PRIMARY KEY (team_id, user_id, topic_id, rep)
      ) STRICT;

      CREATE TABLE review_profiles (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        zone TEXT,
        remind_at TEXT,
        nudged_day TEXT,
        PRIMARY KEY (team_id, user_id)
      ) STRICT;
      CREATE INDEX review_profiles_reminders ON review_profiles (team_id, user_id) WHERE remind_at IS NOT NULL;
    `,
    postgres: `
      CREATE TABLE review_cards (
        team_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        topic_id text COLLATE "C" NOT NULL,
        topic_title text NOT NULL,
        due timestamptz NOT NULL,
        stability double precision NOT NULL,
        difficulty double precision NOT NULL,
        scheduled_days integer NOT NULL,
        learning_steps integer NOT NULL,
        reps integer NOT NULL,
        lapses integer NOT NULL,
        state text NOT NULL CHECK (state IN ('new', 'learning', 'review', 'relearning')),
        last_review timestamptz,
        last_rating text CHECK (last_rating IN ('again', 'hard', 'good', 'easy')),
        added_at timestamptz NOT NULL,
        added_by text NOT NULL CHECK (added_by IN ('missed', 'remember', 'start')),
        PRIMARY KEY (team_id, user_id, topic_id)
      );

      CREATE TABLE review_logs (
        team_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        topic_id text COLLATE "C" NOT NULL,
        rep integer NOT NULL,
        question_id text NOT NULL,
        option smallint NOT NULL CHECK (option BETWEEN 0 AND 3),
        correct boolean NOT NULL,
        rating text NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
        reviewed_at timestamptz NOT NULL,
        local_date text NOT NULL,
        next_due timestamptz NOT NULL,
        PRIMARY KEY (team_id, user_id, topic_id, rep)
      );

      CREATE TABLE review_profiles (
        team_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        zone text,
        remind_at text,
        nudged_day text,
        PRIMARY KEY (team_id, user_id)
      );
      CREATE INDEX review_profiles_reminders ON review_profiles (team_id, user_id) WHERE remind_at IS NOT NULL;
    `,
  },
  {
    version: 6,
    name: 'knowledge gaps, answer votes and the weekly digest',
    // Questions the notes did not answer (and reported quiz questions), never with who asked; one
    // vote per person and answer by the primary key (the voter kept only for that); questions asked
    // and answered per workspace and UTC day, without their texts; one digest schedule per
    // workspace, and one claim per workspace and slot (its local day), so a digest posts once.
    sqlite: `
      CREATE TABLE gap_records (
        id INTEGER PRIMARY KEY,
        team_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('unknown', 'guess', 'reported')),
        question TEXT NOT NULL,
        question_key TEXT NOT NULL,
        intent TEXT NOT NULL,
        topics TEXT NOT NULL,
        confidence REAL NOT NULL,
        not_covered TEXT NOT NULL,
        nearest_id TEXT,
        nearest_title TEXT,
        quiz_question_id TEXT,
        channel_kind TEXT NOT NULL CHECK (channel_kind IN ('dm', 'channel', 'command')),
        asked_at INTEGER NOT NULL,
        resolved_at INTEGER
      ) STRICT;
      CREATE INDEX gap_records_team_time ON gap_records (team_id, asked_at);
      CREATE INDEX gap_records_time ON gap_records (asked_at);

      CREATE TABLE answer_votes (
        team_id TEXT NOT NULL,
        answer_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        question TEXT NOT NULL,
        intent TEXT NOT NULL,
        topics TEXT NOT NULL,
        confidence REAL NOT NULL,
        channel_kind TEXT NOT NULL CHECK (channel_kind IN ('dm', 'channel', 'command')),
        comment TEXT,
        voted_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, answer_id, user_id)
      ) STRICT;
      CREATE INDEX answer_votes_team_time ON answer_votes (team_id, voted_at);

      CREATE TABLE question_counts (
        team_id TEXT NOT NULL,
        day TEXT NOT NULL,
        asked INTEGER NOT NULL,
        answered INTEGER NOT NULL,
        PRIMARY KEY (team_id, day)
      ) STRICT;

      CREATE TABLE digest_schedules (
        team_id TEXT NOT NULL PRIMARY KEY,
        channel_id TEXT NOT NULL,
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        time TEXT NOT NULL,
        zone TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE digest_posts (
        team_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        claimed_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, slot)
      ) STRICT;
    `,
    postgres: `
      CREATE TABLE gap_records (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        team_id text COLLATE "C" NOT NULL,
        kind text NOT NULL CHECK (kind IN ('unknown', 'guess', 'reported')),
        question text NOT NULL,
        question_key text COLLATE "C" NOT NULL,
        intent text NOT NULL,
        topics text NOT NULL,
        confidence double precision NOT NULL,
        not_covered text NOT NULL,
        nearest_id text COLLATE "C",
        nearest_title text,
        quiz_question_id text COLLATE "C",
        channel_kind text NOT NULL CHECK (channel_kind IN ('dm', 'channel', 'command')),
        asked_at timestamptz NOT NULL,
        resolved_at timestamptz
      );
      CREATE INDEX gap_records_team_time ON gap_records (team_id, asked_at);
      CREATE INDEX gap_records_time ON gap_records (asked_at);

      CREATE TABLE answer_votes (
        team_id text COLLATE "C" NOT NULL,
        answer_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        vote text NOT NULL CHECK (vote IN ('up', 'down')),
        question text NOT NULL,
        intent text NOT NULL,
        topics text NOT NULL,
        confidence double precision NOT NULL,
        channel_kind text NOT NULL CHECK (channel_kind IN ('dm', 'channel', 'command')),
        comment text,
        voted_at timestamptz NOT NULL,
        PRIMARY KEY (team_id, answer_id, user_id)
      );
      CREATE INDEX answer_votes_team_time ON answer_votes (team_id, voted_at);

      CREATE TABLE question_counts (
        team_id text COLLATE "C" NOT NULL,
        day text COLLATE "C" NOT NULL,
        asked integer NOT NULL,
        answered integer NOT NULL,
        PRIMARY KEY (team_id, day)
      );

      CREATE TABLE digest_schedules (
        team_id text COLLATE "C" PRIMARY KEY,
        channel_id text COLLATE "C" NOT NULL,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        time text NOT NULL,
        zone text NOT NULL,
        set_by text NOT NULL,
        set_at timestamptz NOT NULL
      );

      CREATE TABLE digest_posts (
        team_id text COLLATE "C" NOT NULL,
        slot text COLLATE "C" NOT NULL,
        claimed_at timestamptz NOT NULL,
        PRIMARY KEY (team_id, slot)
      );
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
