import type pg from 'pg';
import {
  REVIEW_CARD_COLUMNS,
  REVIEW_LOG_COLUMNS,
  REVIEW_PROFILE_COLUMNS,
  type ReminderSqlRow,
  type ReviewCardRow,
  type ReviewLogRow,
  reviewCardValues,
  reviewLogValues,
  reviewRecordsFrom,
} from './review-rows.js';
import type { ReminderRow, ReviewCard, ReviewLog, ReviewProfile, ReviewRecordOutcome } from './store.js';

/** A review to keep: its log and the card as the review leaves it. */
export interface ReviewWrite {
  log: ReviewLog;
  card: ReviewCard;
}

/** A statement sent (and sent again while the database cannot be reached) by the store. */
export type RetriedQuery = <R extends pg.QueryResultRow>(
  what: string,
  text: string,
  values?: unknown[],
) => Promise<pg.QueryResult<R>>;

function validDate(date: Date): Date {
  if (Number.isNaN(date.getTime())) throw new TypeError('the store was given an invalid Date');
  return date;
}

const records = reviewRecordsFrom<Date, boolean>(
  (time) => time,
  (value) => value,
);

function recordValues(log: ReviewLog, card: ReviewCard): unknown[] {
  return [
    ...reviewLogValues(log, validDate, (value) => value),
    card.topicTitle,
    validDate(card.due),
    card.stability,
    card.difficulty,
    card.scheduledDays,
    card.learningSteps,
    card.reps,
    card.lapses,
    card.state,
    card.lastReview === null ? null : validDate(card.lastReview),
    card.lastRating,
  ];
}

function showingKeyOf(teamId: string, userId: string, topicId: string, rep: number): string {
  return `${teamId}\u0000${userId}\u0000${topicId}\u0000${rep}`;
}

function showingKey(log: ReviewLog): string {
  return showingKeyOf(log.teamId, log.userId, log.topicId, log.rep);
}

function personKey(teamId: string, userId: string): string {
  return `${teamId}\u0000${userId}`;
}

/** Cards per insert. */
const ADD_BATCH = 500;

const CARD_KEY = 'team_id = $1 AND user_id = $2 AND topic_id = $3';

/**
 * Reviews of different showings, each column an array, the logs and their cards in one statement: both
 * or neither are kept, with one round trip and one commit for the lot. The log's primary key decides
 * between two reviews of the same showing: the second insert waits for the first to commit, then keeps
 * nothing, and its card is not updated. A log is kept only for a card at that showing (`reps`).
 */
const RECORD_REVIEWS_SQL = `
  WITH given AS (
    SELECT * FROM unnest(
      $1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::smallint[], $7::boolean[], $8::text[],
      $9::timestamptz[], $10::text[], $11::timestamptz[], $12::text[], $13::timestamptz[],
      $14::double precision[], $15::double precision[], $16::int[], $17::int[], $18::int[], $19::int[],
      $20::text[], $21::timestamptz[], $22::text[]
    ) AS given (team_id, user_id, topic_id, rep, question_id, option, correct, rating, reviewed_at,
      local_date, next_due, topic_title, due, stability, difficulty, scheduled_days, learning_steps,
      reps, lapses, state, last_review, last_rating)
  ), kept AS (
    INSERT INTO review_logs (${REVIEW_LOG_COLUMNS})
    SELECT given.team_id, given.user_id, given.topic_id, given.rep, given.question_id, given.option,
      given.correct, given.rating, given.reviewed_at, given.local_date, given.next_due
    FROM given JOIN review_cards AS card
      ON card.team_id = given.team_id AND card.user_id = given.user_id
      AND card.topic_id = given.topic_id AND card.reps = given.rep
    ON CONFLICT (team_id, user_id, topic_id, rep) DO NOTHING
    RETURNING team_id, user_id, topic_id, rep
  )
  UPDATE review_cards AS card SET topic_title = given.topic_title, due = given.due,
    stability = given.stability, difficulty = given.difficulty, scheduled_days = given.scheduled_days,
    learning_steps = given.learning_steps, reps = given.reps, lapses = given.lapses, state = given.state,
    last_review = given.last_review, last_rating = given.last_rating
  FROM given JOIN kept
    ON kept.team_id = given.team_id AND kept.user_id = given.user_id
    AND kept.topic_id = given.topic_id AND kept.rep = given.rep
  WHERE card.team_id = given.team_id AND card.user_id = given.user_id
    AND card.topic_id = given.topic_id AND card.reps = given.rep
  RETURNING card.team_id, card.user_id, card.topic_id, given.rep`;

/** The PostgreSQL store's review cards, logs and profiles (see the Store port for what each does). */
export class PostgresReviews {
  constructor(private readonly query: RetriedQuery) {}

  /** Multi-row inserts of at most 500 cards (PostgreSQL takes up to 65,535 parameters a statement). */
  async addCards(cards: readonly ReviewCard[]): Promise<number> {
    let added = 0;
    for (let start = 0; start < cards.length; start += ADD_BATCH) {
      const batch = cards.slice(start, start + ADD_BATCH);
      const rows = batch.map(
        (_, row) => `(${Array.from({ length: 16 }, (_, column) => `$${row * 16 + column + 1}`).join(', ')})`,
      );
      const result = await this.query(
        'adding review cards',
        `INSERT INTO review_cards (${REVIEW_CARD_COLUMNS}) VALUES ${rows.join(', ')}
         ON CONFLICT (team_id, user_id, topic_id) DO NOTHING`,
        batch.flatMap((card) => reviewCardValues(card, validDate)),
      );
      added += result.rowCount ?? 0;
    }
    return added;
  }

  /** The cards of each person asked about, in one query: a burst of review clicks reads them together. */
  async cardsOfEach(people: readonly { teamId: string; userId: string }[]): Promise<ReviewCard[][]> {
    const { rows } = await this.query<ReviewCardRow<Date>>(
      "reading people's review cards",
      `SELECT ${REVIEW_CARD_COLUMNS} FROM review_cards
       WHERE (team_id, user_id) IN (
         SELECT team COLLATE "C", person COLLATE "C" FROM unnest($1::text[], $2::text[]) AS asked (team, person)
       )
       ORDER BY topic_id`,
      [people.map((person) => person.teamId), people.map((person) => person.userId)],
    );
    const byPerson = new Map<string, ReviewCard[]>();
    for (const row of rows) {
      const card = records.card(row);
      const key = personKey(card.teamId, card.userId);
      const cards = byPerson.get(key);
      if (cards) cards.push(card);
      else byPerson.set(key, [card]);
    }
    return people.map((person) => [...(byPerson.get(personKey(person.teamId, person.userId)) ?? [])]);
  }

  async teamCards(teamId: string): Promise<ReviewCard[]> {
    const { rows } = await this.query<ReviewCardRow<Date>>(
      "reading a workspace's review cards",
      `SELECT ${REVIEW_CARD_COLUMNS} FROM review_cards WHERE team_id = $1 ORDER BY user_id, topic_id`,
      [teamId],
    );
    return rows.map(records.card);
  }

  async allCards(): Promise<ReviewCard[]> {
    const { rows } = await this.query<ReviewCardRow<Date>>(
      'exporting review cards',
      `SELECT ${REVIEW_CARD_COLUMNS} FROM review_cards ORDER BY team_id, user_id, topic_id`,
    );
    return rows.map(records.card);
  }

  /**
   * Keeps reviews arriving together in one statement (RECORD_REVIEWS_SQL). Of two reviews of one
   * showing in a batch only the first is sent, and the second is told of whichever was kept.
   */
  async recordAll(writes: readonly ReviewWrite[]): Promise<ReviewRecordOutcome[]> {
    const showings = new Set<string>();
    const sent = writes.filter(({ log }) => {
      const showing = showingKey(log);
      if (showings.has(showing)) return false;
      showings.add(showing);
      return true;
    });
    const columns: unknown[][] = Array.from({ length: 22 }, () => []);
    for (const { log, card } of sent) {
      recordValues(log, card).forEach((value, column) => {
        columns[column]?.push(value);
      });
    }
    const { rows } = await this.query<{ team_id: string; user_id: string; topic_id: string; rep: number }>(
      'recording reviews',
      RECORD_REVIEWS_SQL,
      columns,
    );
    const kept = new Set(rows.map((row) => showingKeyOf(row.team_id, row.user_id, row.topic_id, row.rep)));
    return Promise.all(
      writes.map(({ log }) =>
        kept.delete(showingKey(log)) ? { recorded: true as const } : this.#earlier(log),
      ),
    );
  }

  /** Reviewed before: by another click, replica, or an earlier attempt whose reply was lost (the
   * caller tells that one by its time and option). */
  async #earlier(log: ReviewLog): Promise<ReviewRecordOutcome> {
    const { rows } = await this.query<ReviewLogRow<Date, boolean>>(
      'reading an earlier review',
      `SELECT ${REVIEW_LOG_COLUMNS} FROM review_logs WHERE ${CARD_KEY} AND rep = $4`,
      [log.teamId, log.userId, log.topicId, log.rep],
    );
    return { recorded: false, previous: rows[0] ? records.log(rows[0]) : null };
  }

  async days(teamId: string, userId: string): Promise<string[]> {
    const { rows } = await this.query<{ local_date: string }>(
      'reading review days',
      `SELECT DISTINCT local_date FROM review_logs WHERE team_id = $1 AND user_id = $2 ORDER BY local_date`,
      [teamId, userId],
    );
    return rows.map((row) => row.local_date);
  }

  async saveProfile(profile: ReviewProfile): Promise<void> {
    await this.query(
      'saving a review profile',
      `INSERT INTO review_profiles (team_id, user_id, zone, remind_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (team_id, user_id) DO UPDATE SET zone = excluded.zone, remind_at = excluded.remind_at`,
      [profile.teamId, profile.userId, profile.zone, profile.remindAt],
    );
  }

  async findProfile(teamId: string, userId: string): Promise<ReviewProfile | null> {
    const { rows } = await this.query<ReminderSqlRow>(
      'reading a review profile',
      `SELECT ${REVIEW_PROFILE_COLUMNS} FROM review_profiles WHERE team_id = $1 AND user_id = $2`,
      [teamId, userId],
    );
    if (!rows[0]) return null;
    const { nudgedDay: _, ...profile } = records.reminder(rows[0]);
    return profile;
  }

  async reminders(): Promise<ReminderRow[]> {
    const { rows } = await this.query<ReminderSqlRow>(
      'listing review reminders',
      `SELECT ${REVIEW_PROFILE_COLUMNS} FROM review_profiles WHERE remind_at IS NOT NULL ORDER BY team_id, user_id`,
    );
    return rows.map(records.reminder);
  }

  /**
   * The row lock decides: a second replica's update waits, then finds the day set. A retry after a
   * lost reply finds the day set by its own first attempt and says false: that nudge is then not
   * sent (at most once, never twice).
   */
  async claimNudge(teamId: string, userId: string, day: string): Promise<boolean> {
    const result = await this.query(
      'claiming a review nudge',
      `UPDATE review_profiles SET nudged_day = $3
       WHERE team_id = $1 AND user_id = $2 AND nudged_day IS DISTINCT FROM $3`,
      [teamId, userId, day],
    );
    return result.rowCount === 1;
  }
}
