import { randomUUID } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type {
  AnswerVote,
  DigestSchedule,
  GapRecord,
  KeptVote,
  NewGap,
  QuestionTotals,
  VoteOutcome,
} from '../gaps/records.js';
import { migrateSqlite } from './migrations.js';
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
import { SqliteGaps } from './sqlite-gaps.js';
import { SqliteReviews } from './sqlite-reviews.js';
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
import { TickBatches } from './tick-batches.js';

/** How long a write waits for another connection's write lock before failing (SQLITE_BUSY). */
const BUSY_TIMEOUT_MS = 5000;

/** Answers read per query by `exportAnswers`. */
const EXPORT_PAGE_SIZE = 1000;

function millis(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new TypeError('the store was given an invalid Date');
  return time;
}

function optionalMillis(date: Date | null | undefined): number | null {
  return date === null || date === undefined ? null : millis(date);
}

/** `limit` as SQLite's LIMIT takes it: -1 for no limit. */
function sqliteLimit(limit: number | undefined): number {
  if (limit === undefined) return -1;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new RangeError(`a ranking limit must be a whole number, 0 or more (got ${limit})`);
  }
  return limit;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const records = recordsFrom<number, number>(
  (time) => new Date(time),
  (value) => value === 1,
);

/** Daily answers per person, best first (`@limit` -1 for all; `@channelId`, `@since` null for any). */
const LEADERBOARD_SQL = `
  SELECT user_id, sum(points) AS total_points, count(*) AS answered, sum(correct) AS right_count
  FROM answers
  WHERE team_id = @teamId AND mode = 'daily' AND (@channelId IS NULL OR channel_id = @channelId)
    AND (@since IS NULL OR answered_at >= @since)
  GROUP BY user_id
  ORDER BY total_points DESC, right_count DESC, user_id
  LIMIT @limit`;

interface PostErrorParams {
  teamId: string;
  channelId: string;
  quizDate: string;
  error: string;
  at: number;
}

/** Thrown inside a transaction to roll it back on purpose. */
class RolledBack extends Error {}

/** The embedded store: one SQLite file, one synchronous connection, in WAL mode. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #claim: Database.Statement<[string, number]>;
  readonly #prune: Database.Statement<[number]>;
  readonly #ping: Database.Statement<[]>;
  readonly #saveSchedule: Database.Statement<[string, string, string, string, string, number]>;
  readonly #deleteSchedule: Database.Statement<[string, string]>;
  readonly #findSchedule: Database.Statement<[string, string], ScheduleRow<number>>;
  readonly #listSchedules: Database.Statement<[], ScheduleRow<number>>;
  readonly #recordPostError: Database.Statement<[PostErrorParams]>;
  readonly #claimPostErrorNotice: Database.Statement<[PostErrorParams]>;
  readonly #clearPostError: Database.Statement<[string, string]>;
  readonly #listPostErrors: Database.Statement<[], PostErrorRow<number>>;
  readonly #probeRead: Database.Statement<[string], { key: string }>;
  readonly #createQuiz: Database.Statement<unknown[]>;
  readonly #findQuiz: Database.Statement<[string], QuizRow<number>>;
  readonly #findDailyQuiz: Database.Statement<[string, string, string], QuizRow<number>>;
  readonly #setQuizMessage: Database.Statement<[string, string]>;
  readonly #withdrawQuiz: Database.Statement<[{ id: string }]>;
  readonly #quizzesToClose: Database.Statement<[number], QuizRow<number>>;
  readonly #closeQuiz: Database.Statement<[number, string]>;
  readonly #recordAnswer: Database.Statement<unknown[]>;
  readonly #findAnswer: Database.Statement<[string, string], AnswerRow<number, number>>;
  readonly #tally: Database.Statement<[{ quizId: string }], TallyRow<number>>;
  readonly #dailyResults: Database.Statement<[string, string], DailyResultRow<number, number>>;
  readonly #answersOf: Database.Statement<[string, string], AnswerRow<number, number>>;
  readonly #leaderboard: Database.Statement<
    [{ teamId: string; channelId: string | null; since: number | null; limit: number }],
    ScoreSqlRow
  >;
  readonly #channelScores: Database.Statement<[{ teamId: string; since: number | null }], ChannelScoreRow>;
  readonly #channelTopicResults: Database.Statement<
    [{ teamId: string; since: number | null }],
    TopicResultRow
  >;
  readonly #gradedAnswers: Database.Statement<[{ teamId: string | null }], GradedAnswerRow<number>>;
  readonly #recordReport: Database.Statement<unknown[]>;
  readonly #questionReports: Database.Statement<[{ teamId: string | null }], ReportRow<number>>;
  readonly #decideQuestion: Database.Statement<unknown[]>;
  readonly #questionDecisions: Database.Statement<[{ teamId: string | null }], DecisionRow<number>>;
  readonly #exportFirst: Database.Statement<[number], AnswerRow<number, number>>;
  readonly #exportAfter: Database.Statement<[number, string, string, number], AnswerRow<number, number>>;
  readonly #reviews: SqliteReviews;
  readonly #gaps: SqliteGaps;
  readonly #answerWrites = new TickBatches<QuizAnswer, RecordOutcome>(
    (answer) => this.#recordOneAnswer(answer),
    (work) => this.#db.transaction(work)(),
  );
  readonly #reviewWrites = new TickBatches<{ log: ReviewLog; card: ReviewCard }, ReviewRecordOutcome>(
    ({ log, card }) => this.#reviews.record(log, card),
    (work) => this.#db.transaction(work)(),
  );
  readonly #gapWrites = new TickBatches<NewGap, void>(
    (gap) => this.#gaps.keepGap(gap),
    (work) => this.#db.transaction(work)(),
  );

  /** Use `openSqliteStore`, which prepares and migrates the database first. */
  constructor(
    /** The database file's absolute path. */
    readonly file: string,
    db: Database.Database,
  ) {
    this.#db = db;
    this.#reviews = new SqliteReviews(db);
    this.#gaps = new SqliteGaps(db);
    this.#claim = db.prepare(
      'INSERT INTO deliveries (key, received_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
    );
    this.#prune = db.prepare('DELETE FROM deliveries WHERE received_at < ?');
    this.#ping = db.prepare('SELECT 1');

    this.#saveSchedule = db.prepare(
      `INSERT INTO schedules (${SCHEDULE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (team_id, channel_id) DO UPDATE SET
         time = excluded.time, zone = excluded.zone, set_by = excluded.set_by, set_at = excluded.set_at`,
    );
    this.#deleteSchedule = db.prepare('DELETE FROM schedules WHERE team_id = ? AND channel_id = ?');
    this.#findSchedule = db.prepare(
      `SELECT ${SCHEDULE_COLUMNS} FROM schedules WHERE team_id = ? AND channel_id = ?`,
    );
    this.#listSchedules = db.prepare(
      `SELECT ${SCHEDULE_COLUMNS} FROM schedules ORDER BY team_id, channel_id`,
    );
    this.#recordPostError = db.prepare(
      `UPDATE schedules SET post_error = @error, post_error_day = @quizDate, post_error_at = @at
       WHERE team_id = @teamId AND channel_id = @channelId`,
    );
    this.#claimPostErrorNotice = db.prepare(
      `UPDATE schedules SET admin_told_day = @quizDate
       WHERE team_id = @teamId AND channel_id = @channelId AND admin_told_day IS NOT @quizDate`,
    );
    this.#clearPostError = db.prepare(
      `UPDATE schedules SET post_error = NULL, post_error_day = NULL, post_error_at = NULL
       WHERE team_id = ? AND channel_id = ?`,
    );
    this.#listPostErrors = db.prepare(
      `SELECT ${POST_ERROR_COLUMNS} FROM schedules WHERE post_error IS NOT NULL ORDER BY team_id, channel_id`,
    );
    this.#probeRead = db.prepare('SELECT key FROM deliveries WHERE key = ?');

    // No conflict target: a clash on the id or on the daily (team, channel, day) index both do nothing.
    this.#createQuiz = db.prepare(
      `INSERT INTO quizzes (${QUIZ_COLUMNS}, question_id, topic_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.#findQuiz = db.prepare(`SELECT ${QUIZ_COLUMNS} FROM quizzes WHERE id = ?`);
    this.#findDailyQuiz = db.prepare(
      `SELECT ${QUIZ_COLUMNS} FROM quizzes
       WHERE team_id = ? AND channel_id = ? AND quiz_date = ? AND mode = 'daily'`,
    );
    this.#setQuizMessage = db.prepare('UPDATE quizzes SET message_ts = ? WHERE id = ?');
    this.#withdrawQuiz = db.prepare(
      `DELETE FROM quizzes
       WHERE id = @id AND message_ts IS NULL AND NOT EXISTS (SELECT 1 FROM answers WHERE quiz_id = @id)`,
    );
    this.#quizzesToClose = db.prepare(
      `SELECT ${QUIZ_COLUMNS} FROM quizzes
       WHERE mode = 'daily' AND closed_at IS NULL AND message_ts IS NOT NULL AND closes_at <= ?
       ORDER BY posted_at, id`,
    );
    this.#closeQuiz = db.prepare('UPDATE quizzes SET closed_at = ? WHERE id = ? AND closed_at IS NULL');

    this.#recordAnswer = db.prepare(
      `INSERT INTO answers (${ANSWER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (quiz_id, user_id) DO NOTHING`,
    );
    this.#findAnswer = db.prepare(`SELECT ${ANSWER_COLUMNS} FROM answers WHERE quiz_id = ? AND user_id = ?`);
    this.#tally = db.prepare(
      `SELECT t.*, f.user_id AS fastest_user, f.answered_at AS fastest_at
       FROM (
         SELECT count(*) AS answered, coalesce(sum(correct), 0) AS right_count,
           coalesce(sum(option = 0), 0) AS option0, coalesce(sum(option = 1), 0) AS option1,
           coalesce(sum(option = 2), 0) AS option2, coalesce(sum(option = 3), 0) AS option3
         FROM answers WHERE quiz_id = @quizId
       ) AS t
       LEFT JOIN (
         SELECT user_id, answered_at FROM answers WHERE quiz_id = @quizId AND correct = 1
         ORDER BY answered_at, user_id LIMIT 1
       ) AS f ON 1`,
    );
    this.#dailyResults = db.prepare(
      `SELECT q.id AS quiz_id, q.quiz_date, q.question_id, q.topic_id, q.posted_at,
         q.closed_at IS NOT NULL AS closed, count(a.user_id) AS answered,
         coalesce(sum(a.correct), 0) AS right_count
       FROM quizzes AS q
       LEFT JOIN answers AS a ON a.quiz_id = q.id AND a.team_id = q.team_id
       WHERE q.team_id = ? AND q.channel_id = ? AND q.mode = 'daily'
       GROUP BY q.id
       ORDER BY q.posted_at, q.id`,
    );
    this.#answersOf = db.prepare(
      `SELECT ${ANSWER_COLUMNS} FROM answers WHERE team_id = ? AND user_id = ?
       ORDER BY answered_at, quiz_id`,
    );
    this.#leaderboard = db.prepare(LEADERBOARD_SQL);
    this.#channelScores = db.prepare(
      `SELECT channel_id, user_id, sum(points) AS total_points, count(*) AS answered, sum(correct) AS right_count
       FROM answers
       WHERE team_id = @teamId AND mode = 'daily' AND (@since IS NULL OR answered_at >= @since)
       GROUP BY channel_id, user_id
       ORDER BY channel_id, total_points DESC, right_count DESC, user_id`,
    );
    // The title is the one of the topic's latest answer: notes may have renamed it since.
    this.#channelTopicResults = db.prepare(
      `SELECT channel_id, topic_id, topic_title, answered, right_count FROM (
         SELECT channel_id, topic_id, topic_title,
           count(*) OVER topic AS answered, sum(correct) OVER topic AS right_count,
           row_number() OVER (topic ORDER BY answered_at DESC, quiz_id DESC, user_id DESC) AS latest
         FROM answers
         WHERE team_id = @teamId AND mode = 'daily' AND (@since IS NULL OR answered_at >= @since)
         WINDOW topic AS (PARTITION BY channel_id, topic_id)
       )
       WHERE latest = 1
       ORDER BY channel_id, topic_id`,
    );
    this.#gradedAnswers = db.prepare(
      `SELECT ${GRADED_ANSWER_COLUMNS} FROM answers WHERE @teamId IS NULL OR team_id = @teamId
       ORDER BY team_id, question_id, user_id, quiz_id`,
    );
    this.#recordReport = db.prepare(
      `INSERT INTO question_reports (${REPORT_COLUMNS}) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (team_id, question_id, user_id) DO NOTHING`,
    );
    this.#questionReports = db.prepare(
      `SELECT ${REPORT_COLUMNS} FROM question_reports WHERE @teamId IS NULL OR team_id = @teamId
       ORDER BY team_id, question_id, reported_at, user_id`,
    );
    this.#decideQuestion = db.prepare(
      `INSERT INTO question_decisions (${DECISION_COLUMNS}) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (team_id, question_id) DO UPDATE SET
         status = excluded.status, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    );
    this.#questionDecisions = db.prepare(
      `SELECT ${DECISION_COLUMNS} FROM question_decisions WHERE @teamId IS NULL OR team_id = @teamId
       ORDER BY team_id, question_id`,
    );
    this.#exportFirst = db.prepare(
      `SELECT ${ANSWER_COLUMNS} FROM answers ORDER BY answered_at, quiz_id, user_id LIMIT ?`,
    );
    this.#exportAfter = db.prepare(
      `SELECT ${ANSWER_COLUMNS} FROM answers WHERE (answered_at, quiz_id, user_id) > (?, ?, ?)
       ORDER BY answered_at, quiz_id, user_id LIMIT ?`,
    );
  }

  async claimDelivery(key: string, receivedAt: Date): Promise<boolean> {
    return this.#claim.run(key, millis(receivedAt)).changes === 1;
  }

  async pruneDeliveries(olderThan: Date): Promise<number> {
    return this.#prune.run(millis(olderThan)).changes;
  }

  async saveSchedule(schedule: ChannelSchedule): Promise<void> {
    this.#saveSchedule.run(
      schedule.teamId,
      schedule.channelId,
      schedule.time,
      schedule.zone,
      schedule.setBy,
      millis(schedule.setAt),
    );
  }

  async deleteSchedule(teamId: string, channelId: string): Promise<boolean> {
    return this.#deleteSchedule.run(teamId, channelId).changes === 1;
  }

  async findSchedule(teamId: string, channelId: string): Promise<ChannelSchedule | null> {
    const row = this.#findSchedule.get(teamId, channelId);
    return row ? records.schedule(row) : null;
  }

  async listSchedules(): Promise<ChannelSchedule[]> {
    return this.#listSchedules.all().map(records.schedule);
  }

  async recordPostError(
    teamId: string,
    channelId: string,
    quizDate: string,
    error: string,
    at: Date,
  ): Promise<boolean> {
    const params = { teamId, channelId, quizDate, error, at: millis(at) };
    return this.#db.transaction(() => {
      this.#recordPostError.run(params);
      return this.#claimPostErrorNotice.run(params).changes === 1;
    })();
  }

  async clearPostError(teamId: string, channelId: string): Promise<void> {
    this.#clearPostError.run(teamId, channelId);
  }

  async listPostErrors(): Promise<PostError[]> {
    return this.#listPostErrors.all().map(records.postError);
  }

  async createQuiz(quiz: PostedQuiz): Promise<boolean> {
    const result = this.#createQuiz.run(
      quiz.id,
      quiz.teamId,
      quiz.channelId,
      quiz.mode,
      quiz.quizDate,
      quiz.askedBy,
      JSON.stringify(quiz.question),
      millis(quiz.postedAt),
      optionalMillis(quiz.closesAt),
      quiz.messageTs,
      optionalMillis(quiz.closedAt),
      quiz.question.id,
      quiz.question.topic.id,
    );
    return result.changes === 1;
  }

  async findQuiz(id: string): Promise<PostedQuiz | null> {
    const row = this.#findQuiz.get(id);
    return row ? records.quiz(row) : null;
  }

  async findDailyQuiz(teamId: string, channelId: string, quizDate: string): Promise<PostedQuiz | null> {
    const row = this.#findDailyQuiz.get(teamId, channelId, quizDate);
    return row ? records.quiz(row) : null;
  }

  async setQuizMessage(id: string, messageTs: string): Promise<void> {
    this.#setQuizMessage.run(messageTs, id);
  }

  async withdrawQuiz(id: string): Promise<boolean> {
    return this.#withdrawQuiz.run({ id }).changes === 1;
  }

  async quizzesToClose(now: Date): Promise<PostedQuiz[]> {
    return this.#quizzesToClose.all(millis(now)).map(records.quiz);
  }

  async closeQuiz(id: string, at: Date): Promise<boolean> {
    return this.#closeQuiz.run(millis(at), id).changes === 1;
  }

  recordAnswer(answer: QuizAnswer): Promise<RecordOutcome> {
    return this.#answerWrites.submit(answer);
  }

  #recordOneAnswer(answer: QuizAnswer): RecordOutcome {
    const result = this.#recordAnswer.run(...answerValues(answer, millis, (correct) => (correct ? 1 : 0)));
    if (result.changes === 1) return { recorded: true };
    const previous = this.#findAnswer.get(answer.quizId, answer.userId);
    if (!previous) throw new Error(`answer to ${answer.quizId} by ${answer.userId} neither kept nor found`);
    return { recorded: false, previous: records.answer(previous) };
  }

  async tallyQuiz(quizId: string): Promise<QuizTally> {
    const row = this.#tally.get({ quizId });
    if (!row) throw new Error('the tally query returned no row');
    return {
      answered: row.answered,
      right: row.right_count,
      byOption: [row.option0, row.option1, row.option2, row.option3],
      fastestRight:
        row.fastest_user === null || row.fastest_at === null
          ? null
          : { userId: row.fastest_user, answeredAt: new Date(row.fastest_at) },
    };
  }

  async dailyResults(teamId: string, channelId: string): Promise<DailyQuizResult[]> {
    return this.#dailyResults.all(teamId, channelId).map((row) => ({
      quizId: row.quiz_id,
      quizDate: row.quiz_date,
      questionId: row.question_id,
      topicId: row.topic_id,
      postedAt: new Date(row.posted_at),
      closed: row.closed === 1,
      answered: row.answered,
      right: row.right_count,
    }));
  }

  async answersOf(teamId: string, userId: string): Promise<QuizAnswer[]> {
    return this.#answersOf.all(teamId, userId).map(records.answer);
  }

  async leaderboard(query: ScoreQuery): Promise<ScoreRow[]> {
    return this.#leaderboard
      .all({
        teamId: query.teamId,
        channelId: query.channelId ?? null,
        since: optionalMillis(query.since),
        limit: sqliteLimit(query.limit),
      })
      .map(toScore);
  }

  async channelScores(teamId: string, since: Date | null): Promise<ChannelMemberScore[]> {
    return this.#channelScores
      .all({ teamId, since: optionalMillis(since) })
      .map((row) => ({ channelId: row.channel_id, ...toScore(row) }));
  }

  async channelTopicResults(teamId: string, since: Date | null): Promise<ChannelTopicResult[]> {
    return this.#channelTopicResults.all({ teamId, since: optionalMillis(since) }).map((row) => ({
      channelId: row.channel_id,
      topicId: row.topic_id,
      topicTitle: row.topic_title,
      answered: row.answered,
      right: row.right_count,
    }));
  }

  /**
   * Reads a page at a time (keyset on the export order) rather than holding a cursor open: a
   * better-sqlite3 cursor would keep the connection busy, so the bot could not record an answer
   * while a consumer awaited between rows.
   */
  async *exportAnswers(): AsyncGenerator<QuizAnswer> {
    let page = this.#exportFirst.all(EXPORT_PAGE_SIZE);
    while (page.length > 0) {
      for (const row of page) yield records.answer(row);
      const last = page[page.length - 1];
      if (!last || page.length < EXPORT_PAGE_SIZE) return;
      page = this.#exportAfter.all(last.answered_at, last.quiz_id, last.user_id, EXPORT_PAGE_SIZE);
    }
  }

  async gradedAnswers(teamId: string | null): Promise<GradedAnswer[]> {
    return this.#gradedAnswers.all({ teamId }).map(records.gradedAnswer);
  }

  async recordReport(report: QuestionReport): Promise<boolean> {
    const result = this.#recordReport.run(
      report.teamId,
      report.questionId,
      report.userId,
      report.reason,
      millis(report.reportedAt),
    );
    return result.changes === 1;
  }

  async questionReports(teamId: string | null): Promise<QuestionReport[]> {
    return this.#questionReports.all({ teamId }).map(records.report);
  }

  async decideQuestion(decision: QuestionDecision): Promise<void> {
    this.#decideQuestion.run(
      decision.teamId,
      decision.questionId,
      decision.status,
      decision.decidedBy,
      millis(decision.decidedAt),
    );
  }

  async questionDecisions(teamId: string | null): Promise<QuestionDecision[]> {
    return this.#questionDecisions.all({ teamId }).map(records.decision);
  }

  async addReviewCards(cards: readonly ReviewCard[]): Promise<number> {
    return this.#reviews.addCards(cards);
  }

  async reviewCardsOf(teamId: string, userId: string): Promise<ReviewCard[]> {
    return this.#reviews.cardsOf(teamId, userId);
  }

  async teamReviewCards(teamId: string): Promise<ReviewCard[]> {
    return this.#reviews.teamCards(teamId);
  }

  recordReview(log: ReviewLog, card: ReviewCard): Promise<ReviewRecordOutcome> {
    return this.#reviewWrites.submit({ log, card });
  }

  async reviewDaysOf(teamId: string, userId: string): Promise<string[]> {
    return this.#reviews.days(teamId, userId);
  }

  async saveReviewProfile(profile: ReviewProfile): Promise<void> {
    this.#reviews.saveProfile(profile);
  }

  async findReviewProfile(teamId: string, userId: string): Promise<ReviewProfile | null> {
    return this.#reviews.findProfile(teamId, userId);
  }

  async listReminders(): Promise<ReminderRow[]> {
    return this.#reviews.reminders();
  }

  async claimNudge(teamId: string, userId: string, localDate: string): Promise<boolean> {
    return this.#reviews.claimNudge(teamId, userId, localDate);
  }

  async exportReviewCards(): Promise<ReviewCard[]> {
    return this.#reviews.allCards();
  }

  // ---- Knowledge gaps (see GapStore) ----

  keepGap(gap: NewGap): Promise<void> {
    return this.#gapWrites.submit(gap);
  }

  async addQuestionCounts(teamId: string, day: string, counts: QuestionTotals): Promise<void> {
    return this.#gaps.addQuestionCounts(teamId, day, counts);
  }

  async gapRecords(teamId: string | null, since: Date | null): Promise<GapRecord[]> {
    return this.#gaps.gapRecords(teamId, since);
  }

  async resolveGaps(ids: readonly string[], at: Date): Promise<number> {
    return this.#gaps.resolveGaps(ids, at);
  }

  async recordVote(vote: AnswerVote): Promise<VoteOutcome> {
    return this.#gaps.recordVote(vote);
  }

  async commentOnVote(teamId: string, answerId: string, userId: string, comment: string): Promise<boolean> {
    return this.#gaps.commentOnVote(teamId, answerId, userId, comment);
  }

  async downvotes(teamId: string | null, since: Date | null): Promise<KeptVote[]> {
    return this.#gaps.downvotes(teamId, since);
  }

  async questionTotals(teamId: string, fromDay: string, toDay: string): Promise<QuestionTotals> {
    return this.#gaps.questionTotals(teamId, fromDay, toDay);
  }

  async pruneGaps(olderThan: Date): Promise<number> {
    return this.#gaps.pruneGaps(olderThan);
  }

  async saveDigestSchedule(schedule: DigestSchedule): Promise<void> {
    return this.#gaps.saveDigestSchedule(schedule);
  }

  async deleteDigestSchedule(teamId: string): Promise<boolean> {
    return this.#gaps.deleteDigestSchedule(teamId);
  }

  async findDigestSchedule(teamId: string): Promise<DigestSchedule | null> {
    return this.#gaps.findDigestSchedule(teamId);
  }

  async listDigestSchedules(): Promise<DigestSchedule[]> {
    return this.#gaps.listDigestSchedules();
  }

  async claimDigest(teamId: string, slot: string, at: Date): Promise<boolean> {
    return this.#gaps.claimDigest(teamId, slot, at);
  }

  async releaseDigest(teamId: string, slot: string): Promise<void> {
    return this.#gaps.releaseDigest(teamId, slot);
  }

  async reviewsDone(teamId: string, since: Date, until: Date): Promise<number> {
    return this.#gaps.reviewsDone(teamId, since, until);
  }

  async ping(): Promise<void> {
    this.#ping.get();
  }

  async probeWrite(): Promise<void> {
    const key = `probe:${randomUUID()}`;
    const probe = this.#db.transaction(() => {
      this.#claim.run(key, 0);
      if (this.#probeRead.get(key) === undefined)
        throw new Error('a row just written could not be read back');
      throw new RolledBack();
    });
    try {
      probe.immediate();
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
  }

  async close(): Promise<void> {
    if (!this.#db.open) return;
    this.#answerWrites.flush();
    this.#reviewWrites.flush();
    this.#gapWrites.flush();
    this.#db.close();
  }
}

/**
 * Opens (creating it and its folder if missing) the SQLite database at `file`, tunes the
 * connection for a long-running server and applies pending migrations. Problems a person can fix
 * (an unwritable folder, a file that is not a database, a newer schema) throw StoreError naming the path.
 */
export function openSqliteStore(file: string): SqliteStore {
  const path = resolve(file);
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new StoreError(`cannot use the folder ${folder} for the SQLite database: ${reason(error)}`, {
      cause: error,
    });
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    migrateSqlite(db, `the SQLite database ${path}`);
    return new SqliteStore(path, db);
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot open the SQLite database ${path}: ${reason(error)}`, { cause: error });
  }
}
