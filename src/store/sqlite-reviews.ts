import type Database from 'better-sqlite3';
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

function millis(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new TypeError('the store was given an invalid Date');
  return time;
}

const records = reviewRecordsFrom<number, number>(
  (time) => new Date(time),
  (value) => value === 1,
);

const CARD_KEY = 'team_id = ? AND user_id = ? AND topic_id = ?';

/** The SQLite store's review cards, logs and profiles (see the Store port for what each does). */
export class SqliteReviews {
  readonly #db: Database.Database;
  readonly #addCard: Database.Statement<unknown[]>;
  readonly #cardsOf: Database.Statement<[string, string], ReviewCardRow<number>>;
  readonly #teamCards: Database.Statement<[string], ReviewCardRow<number>>;
  readonly #allCards: Database.Statement<[], ReviewCardRow<number>>;
  readonly #keepLog: Database.Statement<unknown[]>;
  readonly #updateCard: Database.Statement<unknown[]>;
  readonly #findLog: Database.Statement<[string, string, string, number], ReviewLogRow<number, number>>;
  readonly #days: Database.Statement<[string, string], { local_date: string }>;
  readonly #saveProfile: Database.Statement<[string, string, string | null, string | null]>;
  readonly #findProfile: Database.Statement<[string, string], ReminderSqlRow>;
  readonly #reminders: Database.Statement<[], ReminderSqlRow>;
  readonly #claimNudge: Database.Statement<[{ teamId: string; userId: string; day: string }]>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#addCard = db.prepare(
      `INSERT INTO review_cards (${REVIEW_CARD_COLUMNS}) VALUES (${Array(16).fill('?').join(', ')})
       ON CONFLICT (team_id, user_id, topic_id) DO NOTHING`,
    );
    this.#cardsOf = db.prepare(
      `SELECT ${REVIEW_CARD_COLUMNS} FROM review_cards WHERE team_id = ? AND user_id = ? ORDER BY topic_id`,
    );
    this.#teamCards = db.prepare(
      `SELECT ${REVIEW_CARD_COLUMNS} FROM review_cards WHERE team_id = ? ORDER BY user_id, topic_id`,
    );
    this.#allCards = db.prepare(
      `SELECT ${REVIEW_CARD_COLUMNS} FROM review_cards ORDER BY team_id, user_id, topic_id`,
    );
    // Only for the showing the card is at: a review of an older (or unknown) showing keeps nothing.
    this.#keepLog = db.prepare(
      `INSERT INTO review_logs (${REVIEW_LOG_COLUMNS})
       SELECT ${Array(11).fill('?').join(', ')}
       WHERE EXISTS (SELECT 1 FROM review_cards WHERE ${CARD_KEY} AND reps = ?)
       ON CONFLICT (team_id, user_id, topic_id, rep) DO NOTHING`,
    );
    this.#updateCard = db.prepare(
      `UPDATE review_cards SET topic_title = ?, due = ?, stability = ?, difficulty = ?, scheduled_days = ?,
         learning_steps = ?, reps = ?, lapses = ?, state = ?, last_review = ?, last_rating = ?
       WHERE ${CARD_KEY} AND reps = ?`,
    );
    this.#findLog = db.prepare(`SELECT ${REVIEW_LOG_COLUMNS} FROM review_logs WHERE ${CARD_KEY} AND rep = ?`);
    this.#days = db.prepare(
      `SELECT DISTINCT local_date FROM review_logs WHERE team_id = ? AND user_id = ? ORDER BY local_date`,
    );
    this.#saveProfile = db.prepare(
      `INSERT INTO review_profiles (team_id, user_id, zone, remind_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (team_id, user_id) DO UPDATE SET zone = excluded.zone, remind_at = excluded.remind_at`,
    );
    this.#findProfile = db.prepare(
      `SELECT ${REVIEW_PROFILE_COLUMNS} FROM review_profiles WHERE team_id = ? AND user_id = ?`,
    );
    this.#reminders = db.prepare(
      `SELECT ${REVIEW_PROFILE_COLUMNS} FROM review_profiles WHERE remind_at IS NOT NULL ORDER BY team_id, user_id`,
    );
    this.#claimNudge = db.prepare(
      `UPDATE review_profiles SET nudged_day = @day
       WHERE team_id = @teamId AND user_id = @userId AND nudged_day IS NOT @day`,
    );
  }

  addCards(cards: readonly ReviewCard[]): number {
    return this.#db.transaction(() =>
      cards.reduce((added, card) => added + this.#addCard.run(...reviewCardValues(card, millis)).changes, 0),
    )();
  }

  cardsOf(teamId: string, userId: string): ReviewCard[] {
    return this.#cardsOf.all(teamId, userId).map(records.card);
  }

  teamCards(teamId: string): ReviewCard[] {
    return this.#teamCards.all(teamId).map(records.card);
  }

  allCards(): ReviewCard[] {
    return this.#allCards.all().map(records.card);
  }

  record(log: ReviewLog, card: ReviewCard): ReviewRecordOutcome {
    const key = [log.teamId, log.userId, log.topicId] as const;
    const kept = this.#db.transaction(() => {
      const logged = this.#keepLog.run(
        ...reviewLogValues(log, millis, (value) => (value ? 1 : 0)),
        ...key,
        log.rep,
      );
      if (logged.changes !== 1) return false;
      this.#updateCard.run(
        card.topicTitle,
        millis(card.due),
        card.stability,
        card.difficulty,
        card.scheduledDays,
        card.learningSteps,
        card.reps,
        card.lapses,
        card.state,
        card.lastReview === null ? null : millis(card.lastReview),
        card.lastRating,
        ...key,
        log.rep,
      );
      return true;
    })();
    if (kept) return { recorded: true };
    const previous = this.#findLog.get(...key, log.rep);
    return { recorded: false, previous: previous ? records.log(previous) : null };
  }

  days(teamId: string, userId: string): string[] {
    return this.#days.all(teamId, userId).map((row) => row.local_date);
  }

  saveProfile(profile: ReviewProfile): void {
    this.#saveProfile.run(profile.teamId, profile.userId, profile.zone, profile.remindAt);
  }

  findProfile(teamId: string, userId: string): ReviewProfile | null {
    const row = this.#findProfile.get(teamId, userId);
    if (!row) return null;
    const { nudgedDay: _, ...profile } = records.reminder(row);
    return profile;
  }

  reminders(): ReminderRow[] {
    return this.#reminders.all().map(records.reminder);
  }

  claimNudge(teamId: string, userId: string, day: string): boolean {
    return this.#claimNudge.run({ teamId, userId, day }).changes === 1;
  }
}
