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
import type { RetriedQuery } from './postgres-reviews.js';

function validDate(date: Date): Date {
  if (Number.isNaN(date.getTime())) throw new TypeError('the store was given an invalid Date');
  return date;
}

const records = gapRecordsFrom<Date>((time) => time);

const placeholders = (count: number, from = 1) =>
  Array.from({ length: count }, (_, index) => `$${from + index}`).join(', ');

/**
 * A vote in one statement: a first vote inserts; a different one replaces it (and forgets what the
 * person was looking for, which belonged to the old one); the same one again matches no row. A
 * second click racing the first waits on the key, then finds its own vote and changes nothing.
 */
const RECORD_VOTE_SQL = `
  INSERT INTO answer_votes (${VOTE_COLUMNS}) VALUES (${placeholders(10)})
  ON CONFLICT (team_id, answer_id, user_id) DO UPDATE SET vote = excluded.vote, question = excluded.question,
    intent = excluded.intent, topics = excluded.topics, confidence = excluded.confidence,
    channel_kind = excluded.channel_kind, voted_at = excluded.voted_at, comment = NULL
  WHERE answer_votes.vote <> excluded.vote
  RETURNING (xmax = 0) AS inserted`;

/** The PostgreSQL store's knowledge gaps, votes, question counts and digest (see GapStore for what each does). */
export class PostgresGaps {
  constructor(private readonly query: RetriedQuery) {}

  async keepGap(gap: NewGap): Promise<void> {
    await this.query(
      'keeping an unanswered question',
      `INSERT INTO gap_records (${GAP_COLUMNS}) VALUES (${placeholders(13)})`,
      gapValues(gap, validDate),
    );
  }

  async addQuestionCounts(teamId: string, day: string, counts: QuestionTotals): Promise<void> {
    await this.query(
      'counting questions',
      `INSERT INTO question_counts (team_id, day, asked, answered) VALUES ($1, $2, $3, $4)
       ON CONFLICT (team_id, day) DO UPDATE SET asked = question_counts.asked + excluded.asked,
         answered = question_counts.answered + excluded.answered`,
      [teamId, day, counts.asked, counts.answered],
    );
  }

  async gapRecords(teamId: string | null, since: Date | null): Promise<GapRecord[]> {
    const { rows } = await this.query<GapRow<Date>>(
      'reading unanswered questions',
      `SELECT ${GAP_READ_COLUMNS} FROM gap_records
       WHERE ($1::text IS NULL OR team_id = $1) AND ($2::timestamptz IS NULL OR asked_at >= $2)
       ORDER BY asked_at, id`,
      [teamId, since === null ? null : validDate(since)],
    );
    return rows.map(records.gap);
  }

  async resolveGaps(ids: readonly string[], at: Date): Promise<number> {
    const numeric = ids.filter((id) => /^\d{1,18}$/.test(id));
    if (numeric.length === 0) return 0;
    const result = await this.query(
      'marking questions answered',
      'UPDATE gap_records SET resolved_at = $1 WHERE id = ANY($2::bigint[]) AND resolved_at IS NULL',
      [validDate(at), numeric],
    );
    return result.rowCount ?? 0;
  }

  async recordVote(vote: AnswerVote): Promise<VoteOutcome> {
    const { rows } = await this.query<{ inserted: boolean }>(
      'keeping a vote',
      RECORD_VOTE_SQL,
      voteValues(vote, validDate),
    );
    const row = rows[0];
    if (!row) return 'unchanged';
    return row.inserted ? 'recorded' : 'changed';
  }

  async commentOnVote(teamId: string, answerId: string, userId: string, comment: string): Promise<boolean> {
    const result = await this.query(
      'keeping what a voter was looking for',
      `UPDATE answer_votes SET comment = $4
       WHERE team_id = $1 AND answer_id = $2 AND user_id = $3 AND vote = 'down'`,
      [teamId, answerId, userId, comment],
    );
    return result.rowCount === 1;
  }

  async downvotes(teamId: string | null, since: Date | null): Promise<KeptVote[]> {
    const { rows } = await this.query<VoteRow<Date>>(
      'reading votes',
      `SELECT ${VOTE_READ_COLUMNS} FROM answer_votes
       WHERE vote = 'down' AND ($1::text IS NULL OR team_id = $1) AND ($2::timestamptz IS NULL OR voted_at >= $2)
       ORDER BY voted_at, answer_id`,
      [teamId, since === null ? null : validDate(since)],
    );
    return rows.map(records.vote);
  }

  async questionTotals(teamId: string, fromDay: string, toDay: string): Promise<QuestionTotals> {
    const { rows } = await this.query<{ asked: string | null; answered: string | null }>(
      'counting questions',
      'SELECT sum(asked) AS asked, sum(answered) AS answered FROM question_counts WHERE team_id = $1 AND day >= $2 AND day <= $3',
      [teamId, fromDay, toDay],
    );
    return { asked: Number(rows[0]?.asked ?? 0), answered: Number(rows[0]?.answered ?? 0) };
  }

  async pruneGaps(olderThan: Date): Promise<number> {
    const { rows } = await this.query<{ gone: string }>(
      'forgetting old unanswered questions',
      `WITH gaps AS (DELETE FROM gap_records WHERE asked_at < $1 RETURNING 1),
         votes AS (DELETE FROM answer_votes WHERE voted_at < $1 RETURNING 1),
         posts AS (DELETE FROM digest_posts WHERE claimed_at < $1 RETURNING 1),
         counts AS (DELETE FROM question_counts WHERE day < $2 RETURNING 1)
       SELECT (SELECT count(*) FROM gaps) + (SELECT count(*) FROM votes) + (SELECT count(*) FROM posts)
         + (SELECT count(*) FROM counts) AS gone`,
      [validDate(olderThan), olderThan.toISOString().slice(0, 10)],
    );
    return Number(rows[0]?.gone ?? 0);
  }

  async saveDigestSchedule(schedule: DigestSchedule): Promise<void> {
    await this.query(
      'saving the digest schedule',
      `INSERT INTO digest_schedules (${DIGEST_SCHEDULE_COLUMNS}) VALUES (${placeholders(7)})
       ON CONFLICT (team_id) DO UPDATE SET channel_id = excluded.channel_id, weekday = excluded.weekday,
         time = excluded.time, zone = excluded.zone, set_by = excluded.set_by, set_at = excluded.set_at`,
      digestScheduleValues(schedule, validDate),
    );
  }

  async deleteDigestSchedule(teamId: string): Promise<boolean> {
    const result = await this.query(
      'removing the digest schedule',
      'DELETE FROM digest_schedules WHERE team_id = $1',
      [teamId],
    );
    return result.rowCount === 1;
  }

  async findDigestSchedule(teamId: string): Promise<DigestSchedule | null> {
    const { rows } = await this.query<DigestScheduleRow<Date>>(
      'reading the digest schedule',
      `SELECT ${DIGEST_SCHEDULE_COLUMNS} FROM digest_schedules WHERE team_id = $1`,
      [teamId],
    );
    return rows[0] ? records.schedule(rows[0]) : null;
  }

  async listDigestSchedules(): Promise<DigestSchedule[]> {
    const { rows } = await this.query<DigestScheduleRow<Date>>(
      'listing digest schedules',
      `SELECT ${DIGEST_SCHEDULE_COLUMNS} FROM digest_schedules ORDER BY team_id`,
    );
    return rows.map(records.schedule);
  }

  async claimDigest(teamId: string, slot: string, at: Date): Promise<boolean> {
    const result = await this.query(
      'claiming a digest',
      'INSERT INTO digest_posts (team_id, slot, claimed_at) VALUES ($1, $2, $3) ON CONFLICT (team_id, slot) DO NOTHING',
      [teamId, slot, validDate(at)],
    );
    return result.rowCount === 1;
  }

  async releaseDigest(teamId: string, slot: string): Promise<void> {
    await this.query(
      'giving a digest claim back',
      'DELETE FROM digest_posts WHERE team_id = $1 AND slot = $2',
      [teamId, slot],
    );
  }

  async reviewsDone(teamId: string, since: Date, until: Date): Promise<number> {
    const { rows } = await this.query<{ done: string }>(
      'counting reviews',
      'SELECT count(*) AS done FROM review_logs WHERE team_id = $1 AND reviewed_at >= $2 AND reviewed_at < $3',
      [teamId, validDate(since), validDate(until)],
    );
    return Number(rows[0]?.done ?? 0);
  }
}
