import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type {
  AnswerVote,
  DigestSchedule,
  GapRecord,
  KeptVote,
  NewGap,
  QuestionTotals,
  VoteOutcome,
} from '../gaps/records.js';
import { urlSecrets } from '../observability/secrets.js';
import { Batches } from './batches.js';
import { migratePostgres } from './migrations.js';
import { PostgresGaps } from './postgres-gaps.js';
import { PostgresReviews, type ReviewWrite } from './postgres-reviews.js';
import { describePostgresTarget } from './redact-url.js';
import {
  ANSWER_COLUMNS,
  type AnswerRow,
  answerValues,
  type ChannelScoreRow,
  type DailyResultRow,
  DECISION_COLUMNS,
  type DecisionRow,
  GRADED_ANSWER_COLUMNS,
  type GradedAnswerRow,
  POST_ERROR_COLUMNS,
  type PostErrorRow,
  QUIZ_COLUMNS,
  type QuizRow,
  REPORT_COLUMNS,
  type ReportRow,
  recordsFrom,
  SCHEDULE_COLUMNS,
  type ScheduleRow,
  type ScoreSqlRow,
  type TallyRow,
  type TopicResultRow,
  toScore,
} from './rows.js';
import {
  type ChannelMemberScore,
  type ChannelSchedule,
  type ChannelTopicResult,
  type DailyQuizResult,
  type GradedAnswer,
  type PostError,
  type PostedQuiz,
  type QuestionDecision,
  type QuestionReport,
  type QuizAnswer,
  type QuizTally,
  type RecordOutcome,
  type ReminderRow,
  type ReviewCard,
  type ReviewLog,
  type ReviewProfile,
  type ReviewRecordOutcome,
  type ScoreQuery,
  type ScoreRow,
  type Store,
  StoreError,
} from './store.js';

/**
 * Connections per replica. Every query is short, but a burst of answers is bound by commits, each
 * waiting for the WAL to reach disk: PostgreSQL flushes the commits waiting together in one go, so
 * 20 connections commit about twice as many answers a second as 5 did (a daily quiz's burst of 1,000
 * clicks on the 2-core machine: ~950/s with 5, ~2,000/s with 20). Five replicas stay within the
 * server's default 100 connections.
 */
const POOL_MAX = 20;
/** Batches of one kind in flight at once, and the most requests in one: the rest of the pool serves others. */
const BATCHES_IN_FLIGHT = 4;
const MAX_BATCH = 200;
const CONNECT_TIMEOUT_MS = 5000;
const STATEMENT_TIMEOUT_MS = 10_000;
const IDLE_TIMEOUT_MS = 30_000;

function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((clean, secret) => clean.replaceAll(secret, '***'), text);
}

/** What went wrong connecting or migrating, in words a person can act on. */
function explain(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const text = message ?? String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing accepts connections there (${text}): is PostgreSQL running, and are the host and port right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name does not resolve (${text})`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `the server cannot be reached (${text}): check the host, the port and any firewall`;
    case '28P01':
    case '28000':
      return `the server refused the login (${text}): check the user name and password`;
    case '3D000':
      return `${text}: create it, or fix the database name`;
    case '42501':
      return `${text}: the user needs the privilege to create tables (and schemas) for the migrations`;
    case '57P03':
      return `the server is not accepting connections yet (${text}): try again shortly`;
    case '53300':
      return `the server has no connection slots left (${text})`;
  }
  if (/timeout/i.test(text)) {
    return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s (${text}): check the host, the port and any firewall`;
  }
  return text;
}

/** Where a PostgreSQL database lives, for the messages of every store opened on it. */
export interface PostgresStoreOptions {
  /** Use (creating if missing) this schema instead of the default search path: for test isolation. */
  schema?: string;
  /** Told about trouble the store recovers from by itself (an idle connection dropped). */
  warn?: (message: string) => void;
}

/**
 * How long to wait before each retry of an operation that failed because PostgreSQL could not be
 * reached: 4 attempts over about 1.3 s, enough for a dropped connection or a quick server restart.
 */
const RETRY_DELAYS_MS: readonly number[] = [100, 300, 900];

/** Answers read per query by `exportAnswers`. */
const EXPORT_PAGE_SIZE = 1000;

/** SQLSTATEs and socket errors that mean the connection, not the statement, failed. */
const CONNECTION_ERROR_CODES = new Set([
  '57P01', // admin_shutdown: the server is shutting down or the backend was terminated
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '08000', // connection_exception
  '08003', // connection_does_not_exist
  '08006', // connection_failure
  '08001', // sqlclient_unable_to_establish_sqlconnection
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);

/** What pg and pg-pool say when a connection ends or cannot be made (these errors carry no code). */
const CONNECTION_ERROR_MESSAGE =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect/i;

/**
 * Whether `error` says the database could not be reached (so the statement may be sent again),
 * rather than that the statement itself failed (a constraint, the syntax, a timeout): only the
 * former is retried.
 */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
  return typeof message === 'string' && CONNECTION_ERROR_MESSAGE.test(message);
}

function describeError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message !== '' ? message : String(error);
  return typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function validDate(date: Date): Date {
  if (Number.isNaN(date.getTime())) throw new TypeError('the store was given an invalid Date');
  return date;
}

function optionalDate(date: Date | null | undefined): Date | null {
  return date === null || date === undefined ? null : validDate(date);
}

function validLimit(limit: number | undefined): number | null {
  if (limit === undefined) return null;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new RangeError(`a ranking limit must be a whole number, 0 or more (got ${limit})`);
  }
  return limit;
}

const records = recordsFrom<Date, boolean>(
  (time) => time,
  (value) => value,
);

function sameTime(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}

/** Whether a stored quiz is exactly `quiz` (its question compared as the JSON text kept). */
function isSameQuiz(row: QuizRow<Date>, quiz: PostedQuiz): boolean {
  return (
    row.id === quiz.id &&
    row.team_id === quiz.teamId &&
    row.channel_id === quiz.channelId &&
    row.mode === quiz.mode &&
    row.quiz_date === quiz.quizDate &&
    row.asked_by === quiz.askedBy &&
    row.question === JSON.stringify(quiz.question) &&
    sameTime(row.posted_at, quiz.postedAt) &&
    sameTime(row.closes_at, quiz.closesAt) &&
    row.message_ts === quiz.messageTs &&
    sameTime(row.closed_at, quiz.closedAt)
  );
}

function isSameAnswer(a: QuizAnswer, b: QuizAnswer): boolean {
  return (
    a.quizId === b.quizId &&
    a.teamId === b.teamId &&
    a.channelId === b.channelId &&
    a.userId === b.userId &&
    a.mode === b.mode &&
    a.questionId === b.questionId &&
    a.topicId === b.topicId &&
    a.topicTitle === b.topicTitle &&
    a.option === b.option &&
    a.correct === b.correct &&
    a.points === b.points &&
    a.answeredAt.getTime() === b.answeredAt.getTime() &&
    a.localDate === b.localDate
  );
}

const EXPORT_ORDER = 'ORDER BY answered_at, quiz_id, user_id';

/**
 * The shared store: a small connection pool on one PostgreSQL database that every replica uses.
 *
 * Every statement is idempotent (an insert-or-nothing, an update that sets the same values, a
 * read), so one that fails because the database could not be reached (a dropped connection, a
 * server restarting) is sent again, a few times with backoff, before the store gives up with a
 * StoreError. A write whose first attempt was committed but whose reply was lost still counts as
 * done by this call: a retried insert (or close) that finds exactly its own row, and a retried delete
 * that finds the row gone, report success. Errors of the statement itself (a constraint, the syntax)
 * are never retried.
 */
function answerKey(quizId: string, userId: string): string {
  return `${quizId}\u0000${userId}`;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #warn: (message: string) => void;
  readonly #secrets: readonly string[];
  readonly #reviews = new PostgresReviews((what, text, values) => this.#query(what, text, values));
  readonly #gaps = new PostgresGaps((what, text, values) => this.#query(what, text, values));
  #closed = false;
  readonly #answers = new Batches<QuizAnswer, RecordOutcome>(
    (answers) => this.#insertAnswers(answers),
    BATCHES_IN_FLIGHT,
    MAX_BATCH,
  );
  readonly #cardReads = new Batches<{ teamId: string; userId: string }, ReviewCard[]>(
    (people) => this.#reviews.cardsOfEach(people),
    BATCHES_IN_FLIGHT,
    MAX_BATCH,
  );
  readonly #reviewWrites = new Batches<ReviewWrite, ReviewRecordOutcome>(
    (writes) => this.#reviews.recordAll(writes),
    BATCHES_IN_FLIGHT,
    MAX_BATCH,
  );

  /** Use `openPostgresStore`, which migrates the database first. */
  constructor(
    pool: pg.Pool,
    /** `host:port/database`, safe to log. */
    readonly target: string,
    readonly schema: string | undefined,
    /** Told about each retry. */
    warn: (message: string) => void = () => undefined,
    /** Passwords to keep out of messages. */
    secrets: readonly string[] = [],
  ) {
    this.#pool = pool;
    this.#warn = warn;
    this.#secrets = secrets;
  }

  /**
   * Runs `operation`, again after 100, 300 and 900 ms while it fails to reach the database; then
   * throws a StoreError saying where PostgreSQL is and what to check. `operation` gets the attempt
   * number (1 for the first).
   */
  async #retrying<T>(what: string, operation: (attempt: number) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await operation(attempt);
      } catch (error) {
        if (this.#closed || !isConnectionError(error)) throw error;
        const why = scrub(describeError(error), this.#secrets);
        const delay = RETRY_DELAYS_MS[attempt - 1];
        if (delay === undefined) {
          const waited = RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0) / 1000;
          throw new StoreError(
            `PostgreSQL at ${this.target} is unreachable: ${what} failed ${attempt} times over ${waited} s ` +
              `(last: ${why}). Check that the server is running and accepts connections at that host and ` +
              'port (and any firewall or proxy in between); the next operation will try again.',
            { cause: error },
          );
        }
        this.#warn(
          `PostgreSQL at ${this.target}: ${what} could not reach the database (${why}); ` +
            `retrying in ${delay} ms (attempt ${attempt + 1} of ${RETRY_DELAYS_MS.length + 1})`,
        );
        await sleep(delay);
      }
    }
  }

  #query<R extends pg.QueryResultRow>(
    what: string,
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    return this.#retrying(what, () => this.#pool.query<R>(text, values));
  }

  async claimDelivery(key: string, receivedAt: Date): Promise<boolean> {
    validDate(receivedAt);
    let retried = false;
    const result = await this.#retrying('claiming a delivery', (attempt) => {
      retried = attempt > 1;
      return this.#pool.query(
        'INSERT INTO deliveries (key, received_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
        [key, receivedAt],
      );
    });
    if (result.rowCount === 1) return true;
    if (!retried) return false;
    // An earlier attempt may have been committed with its reply lost: then the claim is ours.
    const { rows } = await this.#query<{ received_at: Date }>(
      'checking a delivery claim',
      'SELECT received_at FROM deliveries WHERE key = $1',
      [key],
    );
    return rows[0] !== undefined && sameTime(rows[0].received_at, receivedAt);
  }

  async pruneDeliveries(olderThan: Date): Promise<number> {
    const result = await this.#query('pruning deliveries', 'DELETE FROM deliveries WHERE received_at < $1', [
      validDate(olderThan),
    ]);
    return result.rowCount ?? 0;
  }

  async saveSchedule(schedule: ChannelSchedule): Promise<void> {
    await this.#query(
      'saving a schedule',
      `INSERT INTO schedules (${SCHEDULE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (team_id, channel_id) DO UPDATE SET
         time = excluded.time, zone = excluded.zone, set_by = excluded.set_by, set_at = excluded.set_at`,
      [
        schedule.teamId,
        schedule.channelId,
        schedule.time,
        schedule.zone,
        schedule.setBy,
        validDate(schedule.setAt),
      ],
    );
  }

  async deleteSchedule(teamId: string, channelId: string): Promise<boolean> {
    let retried = false;
    const result = await this.#retrying('deleting a schedule', (attempt) => {
      retried = attempt > 1;
      return this.#pool.query('DELETE FROM schedules WHERE team_id = $1 AND channel_id = $2', [
        teamId,
        channelId,
      ]);
    });
    if (result.rowCount === 1) return true;
    // An earlier attempt may have deleted it with its reply lost.
    return retried && (await this.findSchedule(teamId, channelId)) === null;
  }

  async findSchedule(teamId: string, channelId: string): Promise<ChannelSchedule | null> {
    const { rows } = await this.#query<ScheduleRow<Date>>(
      'reading a schedule',
      `SELECT ${SCHEDULE_COLUMNS} FROM schedules WHERE team_id = $1 AND channel_id = $2`,
      [teamId, channelId],
    );
    return rows[0] ? records.schedule(rows[0]) : null;
  }

  async listSchedules(): Promise<ChannelSchedule[]> {
    const { rows } = await this.#query<ScheduleRow<Date>>(
      'listing schedules',
      `SELECT ${SCHEDULE_COLUMNS} FROM schedules ORDER BY team_id, channel_id`,
    );
    return rows.map(records.schedule);
  }

  async recordPostError(
    teamId: string,
    channelId: string,
    quizDate: string,
    error: string,
    at: Date,
  ): Promise<boolean> {
    validDate(at);
    let retried = false;
    // Told or not is decided by the row lock: a second replica's update waits, then finds the day set.
    const claimed = await this.#retrying('recording a post error', (attempt) => {
      retried = attempt > 1;
      return this.#pool.query(
        `UPDATE schedules SET admin_told_day = $3, post_error = $4, post_error_day = $3, post_error_at = $5
         WHERE team_id = $1 AND channel_id = $2 AND admin_told_day IS DISTINCT FROM $3`,
        [teamId, channelId, quizDate, error, at],
      );
    });
    if (claimed.rowCount === 1) return true;
    if (retried) {
      // An earlier attempt may have been committed with its reply lost: then the notice is ours.
      const { rows } = await this.#query<{ admin_told_day: string | null; post_error_at: Date | null }>(
        'checking a post error',
        'SELECT admin_told_day, post_error_at FROM schedules WHERE team_id = $1 AND channel_id = $2',
        [teamId, channelId],
      );
      if (rows[0]?.admin_told_day === quizDate && sameTime(rows[0].post_error_at, at)) return true;
    }
    await this.#query(
      'recording a post error',
      `UPDATE schedules SET post_error = $4, post_error_day = $3, post_error_at = $5
       WHERE team_id = $1 AND channel_id = $2`,
      [teamId, channelId, quizDate, error, at],
    );
    return false;
  }

  async clearPostError(teamId: string, channelId: string): Promise<void> {
    await this.#query(
      'clearing a post error',
      `UPDATE schedules SET post_error = NULL, post_error_day = NULL, post_error_at = NULL
       WHERE team_id = $1 AND channel_id = $2`,
      [teamId, channelId],
    );
  }

  async listPostErrors(): Promise<PostError[]> {
    const { rows } = await this.#query<PostErrorRow<Date>>(
      'listing post errors',
      `SELECT ${POST_ERROR_COLUMNS} FROM schedules WHERE post_error IS NOT NULL ORDER BY team_id, channel_id`,
    );
    return rows.map(records.postError);
  }

  async createQuiz(quiz: PostedQuiz): Promise<boolean> {
    const values = [
      quiz.id,
      quiz.teamId,
      quiz.channelId,
      quiz.mode,
      quiz.quizDate,
      quiz.askedBy,
      JSON.stringify(quiz.question),
      validDate(quiz.postedAt),
      optionalDate(quiz.closesAt),
      quiz.messageTs,
      optionalDate(quiz.closedAt),
      quiz.question.id,
      quiz.question.topic.id,
    ];
    let retried = false;
    // No conflict target: a clash on the id or on the daily (team, channel, day) index both do nothing.
    const result = await this.#retrying('creating a quiz', (attempt) => {
      retried = attempt > 1;
      return this.#pool.query(
        `INSERT INTO quizzes (${QUIZ_COLUMNS}, question_id, topic_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING RETURNING id`,
        values,
      );
    });
    if (result.rowCount === 1) return true;
    if (!retried) return false;
    // An earlier attempt may have been committed with its reply lost: then the quiz is ours.
    const found = await this.#findQuizRow(quiz.id);
    return found !== undefined && isSameQuiz(found, quiz);
  }

  async #findQuizRow(id: string): Promise<QuizRow<Date> | undefined> {
    const { rows } = await this.#query<QuizRow<Date>>(
      'reading a quiz',
      `SELECT ${QUIZ_COLUMNS} FROM quizzes WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async findQuiz(id: string): Promise<PostedQuiz | null> {
    const row = await this.#findQuizRow(id);
    return row ? records.quiz(row) : null;
  }

  async findDailyQuiz(teamId: string, channelId: string, quizDate: string): Promise<PostedQuiz | null> {
    const { rows } = await this.#query<QuizRow<Date>>(
      'reading a daily quiz',
      `SELECT ${QUIZ_COLUMNS} FROM quizzes
       WHERE team_id = $1 AND channel_id = $2 AND quiz_date = $3 AND mode = 'daily'`,
      [teamId, channelId, quizDate],
    );
    return rows[0] ? records.quiz(rows[0]) : null;
  }

  async setQuizMessage(id: string, messageTs: string): Promise<void> {
    await this.#query('recording a quiz message', 'UPDATE quizzes SET message_ts = $2 WHERE id = $1', [
      id,
      messageTs,
    ]);
  }

  async withdrawQuiz(id: string): Promise<boolean> {
    let retried = false;
    let deleted: boolean;
    try {
      const result = await this.#retrying('withdrawing a quiz', (attempt) => {
        retried = attempt > 1;
        return this.#pool.query(
          `DELETE FROM quizzes
           WHERE id = $1 AND message_ts IS NULL AND NOT EXISTS (SELECT 1 FROM answers WHERE quiz_id = $1)`,
          [id],
        );
      });
      deleted = result.rowCount === 1;
    } catch (error) {
      // An answer committed while the delete ran: the foreign key keeps the quiz, as it should.
      if ((error as { code?: unknown }).code === '23503') return false;
      throw error;
    }
    if (deleted) return true;
    // An earlier attempt may have deleted it with its reply lost.
    return retried && (await this.#findQuizRow(id)) === undefined;
  }

  async quizzesToClose(now: Date): Promise<PostedQuiz[]> {
    const { rows } = await this.#query<QuizRow<Date>>(
      'listing quizzes to close',
      `SELECT ${QUIZ_COLUMNS} FROM quizzes
       WHERE mode = 'daily' AND closed_at IS NULL AND message_ts IS NOT NULL AND closes_at <= $1
       ORDER BY posted_at, id`,
      [validDate(now)],
    );
    return rows.map(records.quiz);
  }

  async closeQuiz(id: string, at: Date): Promise<boolean> {
    validDate(at);
    let retried = false;
    const result = await this.#retrying('closing a quiz', (attempt) => {
      retried = attempt > 1;
      return this.#pool.query('UPDATE quizzes SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL', [
        id,
        at,
      ]);
    });
    if (result.rowCount === 1) return true;
    if (!retried) return false;
    // Closed by an earlier attempt whose reply was lost, when the time kept is ours.
    const found = await this.#findQuizRow(id);
    return found !== undefined && sameTime(found.closed_at, at);
  }

  recordAnswer(answer: QuizAnswer): Promise<RecordOutcome> {
    return this.#answers.submit(answer);
  }

  /** Inserts answers in one statement; an answer whose person already answered gets the earlier one. */
  async #insertAnswers(answers: QuizAnswer[]): Promise<RecordOutcome[]> {
    const values: unknown[] = [];
    const rows: string[] = [];
    for (const answer of answers) {
      const first = values.length;
      values.push(...answerValues(answer, validDate, (correct) => correct));
      rows.push(
        `(${values
          .slice(first)
          .map((_, i) => `$${first + i + 1}`)
          .join(', ')})`,
      );
    }
    let retried = false;
    const result = await this.#retrying('recording answers', (attempt) => {
      retried = attempt > 1;
      return this.#pool.query<{ quiz_id: string; user_id: string }>(
        `INSERT INTO answers (${ANSWER_COLUMNS}) VALUES ${rows.join(', ')}
         ON CONFLICT (quiz_id, user_id) DO NOTHING RETURNING quiz_id, user_id`,
        values,
      );
    });
    // Of two clicks by one person in one batch, the first is the one inserted.
    const inserted = new Set(result.rows.map((row) => answerKey(row.quiz_id, row.user_id)));
    return Promise.all(
      answers.map((answer) =>
        inserted.delete(answerKey(answer.quizId, answer.userId))
          ? { recorded: true as const }
          : this.#earlierAnswer(answer, retried),
      ),
    );
  }

  async #earlierAnswer(answer: QuizAnswer, retried: boolean): Promise<RecordOutcome> {
    const { rows } = await this.#query<AnswerRow<Date, boolean>>(
      'reading an earlier answer',
      `SELECT ${ANSWER_COLUMNS} FROM answers WHERE quiz_id = $1 AND user_id = $2`,
      [answer.quizId, answer.userId],
    );
    if (!rows[0]) throw new Error(`answer to ${answer.quizId} by ${answer.userId} neither kept nor found`);
    const previous = records.answer(rows[0]);
    // An earlier attempt of this very write may have been committed with its reply lost.
    if (retried && isSameAnswer(previous, answer)) return { recorded: true };
    return { recorded: false, previous };
  }

  async tallyQuiz(quizId: string): Promise<QuizTally> {
    const { rows } = await this.#query<TallyRow<Date>>(
      'tallying a quiz',
      `SELECT t.*, f.user_id AS fastest_user, f.answered_at AS fastest_at
       FROM (
         SELECT count(*)::int AS answered, (count(*) FILTER (WHERE correct))::int AS right_count,
           (count(*) FILTER (WHERE option = 0))::int AS option0,
           (count(*) FILTER (WHERE option = 1))::int AS option1,
           (count(*) FILTER (WHERE option = 2))::int AS option2,
           (count(*) FILTER (WHERE option = 3))::int AS option3
         FROM answers WHERE quiz_id = $1
       ) AS t
       LEFT JOIN (
         SELECT user_id, answered_at FROM answers WHERE quiz_id = $1 AND correct
         ORDER BY answered_at, user_id LIMIT 1
       ) AS f ON true`,
      [quizId],
    );
    const row = rows[0];
    if (!row) throw new Error('the tally query returned no row');
    return {
      answered: row.answered,
      right: row.right_count,
      byOption: [row.option0, row.option1, row.option2, row.option3],
      fastestRight:
        row.fastest_user === null || row.fastest_at === null
          ? null
          : { userId: row.fastest_user, answeredAt: row.fastest_at },
    };
  }

  async dailyResults(teamId: string, channelId: string): Promise<DailyQuizResult[]> {
    const { rows } = await this.#query<DailyResultRow<Date, boolean>>(
      'reading daily results',
      `SELECT q.id AS quiz_id, q.quiz_date, q.question_id, q.topic_id, q.posted_at,
         q.closed_at IS NOT NULL AS closed, count(a.user_id)::int AS answered,
         (count(a.user_id) FILTER (WHERE a.correct))::int AS right_count
       FROM quizzes AS q
       LEFT JOIN answers AS a ON a.quiz_id = q.id AND a.team_id = q.team_id
       WHERE q.team_id = $1 AND q.channel_id = $2 AND q.mode = 'daily'
       GROUP BY q.id
       ORDER BY q.posted_at, q.id`,
      [teamId, channelId],
    );
    return rows.map((row) => ({
      quizId: row.quiz_id,
      quizDate: row.quiz_date,
      questionId: row.question_id,
      topicId: row.topic_id,
      postedAt: row.posted_at,
      closed: row.closed,
      answered: row.answered,
      right: row.right_count,
    }));
  }

  async answersOf(teamId: string, userId: string): Promise<QuizAnswer[]> {
    const { rows } = await this.#query<AnswerRow<Date, boolean>>(
      "reading a person's answers",
      `SELECT ${ANSWER_COLUMNS} FROM answers WHERE team_id = $1 AND user_id = $2
       ORDER BY answered_at, quiz_id`,
      [teamId, userId],
    );
    return rows.map(records.answer);
  }

  async leaderboard(query: ScoreQuery): Promise<ScoreRow[]> {
    const { rows } = await this.#query<ScoreSqlRow>(
      'reading the leaderboard',
      `SELECT user_id, sum(points)::int AS total_points, count(*)::int AS answered,
         (count(*) FILTER (WHERE correct))::int AS right_count
       FROM answers
       WHERE team_id = $1 AND mode = 'daily' AND ($2::text IS NULL OR channel_id = $2)
         AND ($3::timestamptz IS NULL OR answered_at >= $3)
       GROUP BY user_id
       ORDER BY total_points DESC, right_count DESC, user_id
       LIMIT $4`,
      [query.teamId, query.channelId ?? null, optionalDate(query.since), validLimit(query.limit)],
    );
    return rows.map(toScore);
  }

  async channelScores(teamId: string, since: Date | null): Promise<ChannelMemberScore[]> {
    const { rows } = await this.#query<ChannelScoreRow>(
      'reading channel scores',
      `SELECT channel_id, user_id, sum(points)::int AS total_points, count(*)::int AS answered,
         (count(*) FILTER (WHERE correct))::int AS right_count
       FROM answers
       WHERE team_id = $1 AND mode = 'daily' AND ($2::timestamptz IS NULL OR answered_at >= $2)
       GROUP BY channel_id, user_id
       ORDER BY channel_id, total_points DESC, right_count DESC, user_id`,
      [teamId, optionalDate(since)],
    );
    return rows.map((row) => ({ channelId: row.channel_id, ...toScore(row) }));
  }

  async channelTopicResults(teamId: string, since: Date | null): Promise<ChannelTopicResult[]> {
    // The title is the one of the topic's latest answer: notes may have renamed it since.
    const { rows } = await this.#query<TopicResultRow>(
      'reading channel topic results',
      `SELECT channel_id, topic_id, topic_title, answered, right_count FROM (
         SELECT channel_id, topic_id, topic_title,
           (count(*) OVER topic)::int AS answered,
           (count(*) FILTER (WHERE correct) OVER topic)::int AS right_count,
           row_number() OVER (topic ORDER BY answered_at DESC, quiz_id DESC, user_id DESC) AS latest
         FROM answers
         WHERE team_id = $1 AND mode = 'daily' AND ($2::timestamptz IS NULL OR answered_at >= $2)
         WINDOW topic AS (PARTITION BY channel_id, topic_id)
       ) AS per_topic
       WHERE latest = 1
       ORDER BY channel_id, topic_id`,
      [teamId, optionalDate(since)],
    );
    return rows.map((row) => ({
      channelId: row.channel_id,
      topicId: row.topic_id,
      topicTitle: row.topic_title,
      answered: row.answered,
      right: row.right_count,
    }));
  }

  /** Reads a page at a time (keyset on the export order), each page one short, retried query. */
  async *exportAnswers(): AsyncGenerator<QuizAnswer> {
    let last: AnswerRow<Date, boolean> | undefined;
    for (;;) {
      const { rows }: pg.QueryResult<AnswerRow<Date, boolean>> = last
        ? await this.#query<AnswerRow<Date, boolean>>(
            'exporting answers',
            `SELECT ${ANSWER_COLUMNS} FROM answers WHERE (answered_at, quiz_id, user_id) > ($1, $2, $3)
             ${EXPORT_ORDER} LIMIT $4`,
            [last.answered_at, last.quiz_id, last.user_id, EXPORT_PAGE_SIZE],
          )
        : await this.#query<AnswerRow<Date, boolean>>(
            'exporting answers',
            `SELECT ${ANSWER_COLUMNS} FROM answers ${EXPORT_ORDER} LIMIT $1`,
            [EXPORT_PAGE_SIZE],
          );
      for (const row of rows) yield records.answer(row);
      last = rows[rows.length - 1];
      if (!last || rows.length < EXPORT_PAGE_SIZE) return;
    }
  }

  /** Not retried: a health check reports the database as it is now. */
  async gradedAnswers(teamId: string | null): Promise<GradedAnswer[]> {
    const { rows } = await this.#query<GradedAnswerRow<boolean>>(
      'reading how answers went',
      `SELECT ${GRADED_ANSWER_COLUMNS} FROM answers WHERE $1::text IS NULL OR team_id = $1
       ORDER BY team_id, question_id, user_id, quiz_id`,
      [teamId],
    );
    return rows.map(records.gradedAnswer);
  }

  async recordReport(report: QuestionReport): Promise<boolean> {
    const values = [
      report.teamId,
      report.questionId,
      report.userId,
      report.reason,
      validDate(report.reportedAt),
    ];
    let retried = false;
    const result = await this.#retrying('recording a question report', (attempt) => {
      retried = attempt > 1;
      return this.#pool.query(
        `INSERT INTO question_reports (${REPORT_COLUMNS}) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (team_id, question_id, user_id) DO NOTHING RETURNING user_id`,
        values,
      );
    });
    if (result.rowCount === 1) return true;
    if (!retried) return false;
    // An earlier attempt may have been committed with its reply lost: then the report is this one.
    const { rows } = await this.#query<ReportRow<Date>>(
      'checking a question report',
      `SELECT ${REPORT_COLUMNS} FROM question_reports WHERE team_id = $1 AND question_id = $2 AND user_id = $3`,
      [report.teamId, report.questionId, report.userId],
    );
    const kept = rows[0];
    return (
      kept !== undefined && kept.reason === report.reason && sameTime(kept.reported_at, report.reportedAt)
    );
  }

  async questionReports(teamId: string | null): Promise<QuestionReport[]> {
    const { rows } = await this.#query<ReportRow<Date>>(
      'reading question reports',
      `SELECT ${REPORT_COLUMNS} FROM question_reports WHERE $1::text IS NULL OR team_id = $1
       ORDER BY team_id, question_id, reported_at, user_id`,
      [teamId],
    );
    return rows.map(records.report);
  }

  async decideQuestion(decision: QuestionDecision): Promise<void> {
    await this.#query(
      'keeping a decision on a question',
      `INSERT INTO question_decisions (${DECISION_COLUMNS}) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (team_id, question_id) DO UPDATE SET
         status = excluded.status, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
      [
        decision.teamId,
        decision.questionId,
        decision.status,
        decision.decidedBy,
        validDate(decision.decidedAt),
      ],
    );
  }

  async questionDecisions(teamId: string | null): Promise<QuestionDecision[]> {
    const { rows } = await this.#query<DecisionRow<Date>>(
      'reading decisions on questions',
      `SELECT ${DECISION_COLUMNS} FROM question_decisions WHERE $1::text IS NULL OR team_id = $1
       ORDER BY team_id, question_id`,
      [teamId],
    );
    return rows.map(records.decision);
  }

  addReviewCards(cards: readonly ReviewCard[]): Promise<number> {
    return this.#reviews.addCards(cards);
  }

  reviewCardsOf(teamId: string, userId: string): Promise<ReviewCard[]> {
    return this.#cardReads.submit({ teamId, userId });
  }

  teamReviewCards(teamId: string): Promise<ReviewCard[]> {
    return this.#reviews.teamCards(teamId);
  }

  recordReview(log: ReviewLog, card: ReviewCard): Promise<ReviewRecordOutcome> {
    return this.#reviewWrites.submit({ log, card });
  }

  reviewDaysOf(teamId: string, userId: string): Promise<string[]> {
    return this.#reviews.days(teamId, userId);
  }

  saveReviewProfile(profile: ReviewProfile): Promise<void> {
    return this.#reviews.saveProfile(profile);
  }

  findReviewProfile(teamId: string, userId: string): Promise<ReviewProfile | null> {
    return this.#reviews.findProfile(teamId, userId);
  }

  listReminders(): Promise<ReminderRow[]> {
    return this.#reviews.reminders();
  }

  claimNudge(teamId: string, userId: string, localDate: string): Promise<boolean> {
    return this.#reviews.claimNudge(teamId, userId, localDate);
  }

  exportReviewCards(): Promise<ReviewCard[]> {
    return this.#reviews.allCards();
  }

  // ---- Knowledge gaps (see GapStore) ----

  keepGap(gap: NewGap): Promise<void> {
    return this.#gaps.keepGap(gap);
  }

  addQuestionCounts(teamId: string, day: string, counts: QuestionTotals): Promise<void> {
    return this.#gaps.addQuestionCounts(teamId, day, counts);
  }

  gapRecords(teamId: string | null, since: Date | null): Promise<GapRecord[]> {
    return this.#gaps.gapRecords(teamId, since);
  }

  resolveGaps(ids: readonly string[], at: Date): Promise<number> {
    return this.#gaps.resolveGaps(ids, at);
  }

  recordVote(vote: AnswerVote): Promise<VoteOutcome> {
    return this.#gaps.recordVote(vote);
  }

  commentOnVote(teamId: string, answerId: string, userId: string, comment: string): Promise<boolean> {
    return this.#gaps.commentOnVote(teamId, answerId, userId, comment);
  }

  downvotes(teamId: string | null, since: Date | null): Promise<KeptVote[]> {
    return this.#gaps.downvotes(teamId, since);
  }

  questionTotals(teamId: string, fromDay: string, toDay: string): Promise<QuestionTotals> {
    return this.#gaps.questionTotals(teamId, fromDay, toDay);
  }

  pruneGaps(olderThan: Date): Promise<number> {
    return this.#gaps.pruneGaps(olderThan);
  }

  saveDigestSchedule(schedule: DigestSchedule): Promise<void> {
    return this.#gaps.saveDigestSchedule(schedule);
  }

  deleteDigestSchedule(teamId: string): Promise<boolean> {
    return this.#gaps.deleteDigestSchedule(teamId);
  }

  findDigestSchedule(teamId: string): Promise<DigestSchedule | null> {
    return this.#gaps.findDigestSchedule(teamId);
  }

  listDigestSchedules(): Promise<DigestSchedule[]> {
    return this.#gaps.listDigestSchedules();
  }

  claimDigest(teamId: string, slot: string, at: Date): Promise<boolean> {
    return this.#gaps.claimDigest(teamId, slot, at);
  }

  releaseDigest(teamId: string, slot: string): Promise<void> {
    return this.#gaps.releaseDigest(teamId, slot);
  }

  reviewsDone(teamId: string, since: Date, until: Date): Promise<number> {
    return this.#gaps.reviewsDone(teamId, since, until);
  }

  async ping(): Promise<void> {
    await this.#pool.query('SELECT 1');
  }

  /** Not retried, like ping: it reports the database as it is now. */
  async probeWrite(): Promise<void> {
    const client = await this.#pool.connect();
    let rolledBack = false;
    try {
      await client.query('BEGIN');
      const key = `probe:${randomUUID()}`;
      await client.query("INSERT INTO deliveries (key, received_at) VALUES ($1, 'epoch')", [key]);
      const { rowCount } = await client.query('SELECT 1 FROM deliveries WHERE key = $1', [key]);
      if (rowCount !== 1) throw new Error('a row just written could not be read back');
    } finally {
      rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      // A connection that could not roll back is not given back to the pool.
      client.release(!rolledBack);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

/**
 * Connects to the PostgreSQL database at `url` and applies pending migrations (once, however many
 * replicas start together). A database that cannot be reached, refuses the login or cannot be
 * migrated throws StoreError naming `host:port/database` and never the password.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const { schema } = options;
  const target = describePostgresTarget(url);
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreError(
      `the schema name "${schema}" is not a plain lower-case identifier (letters, digits, _; at most 63)`,
    );
  }
  const secrets = urlSecrets(url);
  const warn = options.warn ?? ((message: string) => process.stderr.write(`aws-tutor: ${message}\n`));
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_MAX,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: STATEMENT_TIMEOUT_MS,
    application_name: 'aws-tutor',
    // A startup parameter, so it holds on every connection the pool ever opens.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // Without a listener, a server dropping an idle connection would crash the process.
  pool.on('error', (error) => {
    warn(
      `PostgreSQL at ${target} dropped an idle connection (${scrub(error.message, secrets)}); reconnecting on next use`,
    );
  });
  try {
    await migratePostgres(pool, { schema, where: `the PostgreSQL database at ${target}` });
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot use PostgreSQL at ${target}: ${scrub(explain(error), secrets)}`, {
      cause: error,
    });
  }
  return new PostgresStore(pool, target, schema, warn, secrets);
}
