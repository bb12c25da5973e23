import type Database from 'better-sqlite3';
import type {
  AnswerVote,
  DigestSchedule,
  GapRecord,
  KeptVote,
  NewGap,
  QuestionTotals,
  VoteOutcome,
} from '../gaps/records.js';
import {
  DIGEST_SCHEDULE_COLUMNS,
  type DigestScheduleRow,
  digestScheduleValues,
  GAP_COLUMNS,
  GAP_READ_COLUMNS,
  type GapRow,
  gapRecordsFrom,
  gapValues,
  VOTE_COLUMNS,
  VOTE_READ_COLUMNS,
  type VoteRow,
  voteValues,
} from './gap-rows.js';

function millis(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new TypeError('the store was given an invalid Date');
  return time;
}

const records = gapRecordsFrom<number>((time) => new Date(time));

type Scope = { teamId: string | null; since: number | null };

const VOTE_KEY = 'team_id = ? AND answer_id = ? AND user_id = ?';

/** The SQLite store's knowledge gaps, votes, question counts and digest (see GapStore for what each does). */
export class SqliteGaps {
  readonly #db: Database.Database;
  readonly #keepGap: Database.Statement<unknown[]>;
  readonly #count: Database.Statement<[string, string, number, number]>;
  readonly #gaps: Database.Statement<[Scope], GapRow<number>>;
  readonly #resolve: Database.Statement<[number, number]>;
  readonly #findVote: Database.Statement<[string, string, string], { vote: string }>;
  readonly #insertVote: Database.Statement<unknown[]>;
  readonly #changeVote: Database.Statement<unknown[]>;
  readonly #comment: Database.Statement<[string, string, string, string]>;
  readonly #downvotes: Database.Statement<[Scope], VoteRow<number>>;
  readonly #totals: Database.Statement<
    [string, string, string],
    { asked: number | null; answered: number | null }
  >;
  readonly #prune: Database.Statement<[number]>[];
  readonly #pruneCounts: Database.Statement<[string]>;
  readonly #saveSchedule: Database.Statement<unknown[]>;
  readonly #deleteSchedule: Database.Statement<[string]>;
  readonly #findSchedule: Database.Statement<[string], DigestScheduleRow<number>>;
  readonly #schedules: Database.Statement<[], DigestScheduleRow<number>>;
  readonly #claim: Database.Statement<[string, string, number]>;
  readonly #release: Database.Statement<[string, string]>;
  readonly #reviews: Database.Statement<[string, number, number], { done: number }>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#keepGap = db.prepare(
      `INSERT INTO gap_records (${GAP_COLUMNS}) VALUES (${Array(13).fill('?').join(', ')})`,
    );
    this.#count = db.prepare(
      `INSERT INTO question_counts (team_id, day, asked, answered) VALUES (?, ?, ?, ?)
       ON CONFLICT (team_id, day) DO UPDATE SET asked = asked + excluded.asked, answered = answered + excluded.answered`,
    );
    this.#gaps = db.prepare(
      `SELECT ${GAP_READ_COLUMNS} FROM gap_records
       WHERE (@teamId IS NULL OR team_id = @teamId) AND (@since IS NULL OR asked_at >= @since)
       ORDER BY asked_at, id`,
    );
    this.#resolve = db.prepare('UPDATE gap_records SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL');
    this.#findVote = db.prepare(`SELECT vote FROM answer_votes WHERE ${VOTE_KEY}`);
    this.#insertVote = db.prepare(
      `INSERT INTO answer_votes (${VOTE_COLUMNS}) VALUES (${Array(10).fill('?').join(', ')})`,
    );
    // A changed vote is a new one: what the person was looking for belonged to the old one.
    this.#changeVote = db.prepare(
      `UPDATE answer_votes SET vote = ?, question = ?, intent = ?, topics = ?, confidence = ?,
         channel_kind = ?, voted_at = ?, comment = NULL
       WHERE ${VOTE_KEY}`,
    );
    this.#comment = db.prepare(`UPDATE answer_votes SET comment = ? WHERE ${VOTE_KEY} AND vote = 'down'`);
    this.#downvotes = db.prepare(
      `SELECT ${VOTE_READ_COLUMNS} FROM answer_votes
       WHERE vote = 'down' AND (@teamId IS NULL OR team_id = @teamId) AND (@since IS NULL OR voted_at >= @since)
       ORDER BY voted_at, answer_id`,
    );
    this.#totals = db.prepare(
      'SELECT sum(asked) AS asked, sum(answered) AS answered FROM question_counts WHERE team_id = ? AND day >= ? AND day <= ?',
    );
    this.#prune = [
      db.prepare('DELETE FROM gap_records WHERE asked_at < ?'),
      db.prepare('DELETE FROM answer_votes WHERE voted_at < ?'),
      db.prepare('DELETE FROM digest_posts WHERE claimed_at < ?'),
    ];
    this.#pruneCounts = db.prepare('DELETE FROM question_counts WHERE day < ?');
    this.#saveSchedule = db.prepare(
      `INSERT INTO digest_schedules (${DIGEST_SCHEDULE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (team_id) DO UPDATE SET channel_id = excluded.channel_id, weekday = excluded.weekday,
         time = excluded.time, zone = excluded.zone, set_by = excluded.set_by, set_at = excluded.set_at`,
    );
    this.#deleteSchedule = db.prepare('DELETE FROM digest_schedules WHERE team_id = ?');
    this.#findSchedule = db.prepare(
      `SELECT ${DIGEST_SCHEDULE_COLUMNS} FROM digest_schedules WHERE team_id = ?`,
    );
    this.#schedules = db.prepare(`SELECT ${DIGEST_SCHEDULE_COLUMNS} FROM digest_schedules ORDER BY team_id`);
    this.#claim = db.prepare(
      'INSERT INTO digest_posts (team_id, slot, claimed_at) VALUES (?, ?, ?) ON CONFLICT (team_id, slot) DO NOTHING',
    );
    this.#release = db.prepare('DELETE FROM digest_posts WHERE team_id = ? AND slot = ?');
    this.#reviews = db.prepare(
      'SELECT count(*) AS done FROM review_logs WHERE team_id = ? AND reviewed_at >= ? AND reviewed_at < ?',
    );
  }

  keepGap(gap: NewGap): void {
    this.#keepGap.run(...gapValues(gap, millis));
  }

  addQuestionCounts(teamId: string, day: string, counts: QuestionTotals): void {
    this.#count.run(teamId, day, counts.asked, counts.answered);
  }

  gapRecords(teamId: string | null, since: Date | null): GapRecord[] {
    return this.#gaps.all({ teamId, since: since === null ? null : millis(since) }).map(records.gap);
  }

  resolveGaps(ids: readonly string[], at: Date): number {
    const time = millis(at);
    return this.#db.transaction(() =>
      ids.reduce((count, id) => {
        const row = Number(id);
        return Number.isSafeInteger(row) ? count + this.#resolve.run(time, row).changes : count;
      }, 0),
    )();
  }

  recordVote(vote: AnswerVote): VoteOutcome {
    const key = [vote.teamId, vote.answerId, vote.userId] as const;
    return this.#db
      .transaction((): VoteOutcome => {
        const previous = this.#findVote.get(...key);
        if (!previous) {
          this.#insertVote.run(...voteValues(vote, millis));
          return 'recorded';
        }
        if (previous.vote === vote.vote) return 'unchanged';
        this.#changeVote.run(
          vote.vote,
          vote.question,
          vote.intent,
          JSON.stringify(vote.topics),
          vote.confidence,
          vote.channelKind,
          millis(vote.votedAt),
          ...key,
        );
        return 'changed';
      })
      .immediate();
  }

  commentOnVote(teamId: string, answerId: string, userId: string, comment: string): boolean {
    return this.#comment.run(comment, teamId, answerId, userId).changes === 1;
  }

  downvotes(teamId: string | null, since: Date | null): KeptVote[] {
    return this.#downvotes.all({ teamId, since: since === null ? null : millis(since) }).map(records.vote);
  }

  questionTotals(teamId: string, fromDay: string, toDay: string): QuestionTotals {
    const row = this.#totals.get(teamId, fromDay, toDay);
    return { asked: row?.asked ?? 0, answered: row?.answered ?? 0 };
  }

  pruneGaps(olderThan: Date): number {
    const time = millis(olderThan);
    return this.#db.transaction(
      () =>
        this.#prune.reduce((count, statement) => count + statement.run(time).changes, 0) +
        this.#pruneCounts.run(olderThan.toISOString().slice(0, 10)).changes,
    )();
  }

  saveDigestSchedule(schedule: DigestSchedule): void {
    this.#saveSchedule.run(...digestScheduleValues(schedule, millis));
  }

  deleteDigestSchedule(teamId: string): boolean {
    return this.#deleteSchedule.run(teamId).changes === 1;
  }

  findDigestSchedule(teamId: string): DigestSchedule | null {
    const row = this.#findSchedule.get(teamId);
    return row ? records.schedule(row) : null;
  }

  listDigestSchedules(): DigestSchedule[] {
    return this.#schedules.all().map(records.schedule);
  }

  claimDigest(teamId: string, slot: string, at: Date): boolean {
    return this.#claim.run(teamId, slot, millis(at)).changes === 1;
  }

  releaseDigest(teamId: string, slot: string): void {
    this.#release.run(teamId, slot);
  }

  reviewsDone(teamId: string, since: Date, until: Date): number {
    return this.#reviews.get(teamId, millis(since), millis(until))?.done ?? 0;
  }
}
