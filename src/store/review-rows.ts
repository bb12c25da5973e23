import type { CardOrigin, CardState, ReminderRow, ReviewCard, ReviewLog, ReviewRating } from './store.js';

/** Review rows as both databases return them (`Time`: integer ms or Date; `Flag`: 0/1 or boolean). */
export interface ReviewCardRow<Time> {
  team_id: string;
  user_id: string;
  topic_id: string;
  topic_title: string;
  due: Time;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardState;
  last_review: Time | null;
  last_rating: ReviewRating | null;
  added_at: Time;
  added_by: CardOrigin;
}

export interface ReviewLogRow<Time, Flag> {
  team_id: string;
  user_id: string;
  topic_id: string;
  rep: number;
  question_id: string;
  option: number;
  correct: Flag;
  rating: ReviewRating;
  reviewed_at: Time;
  local_date: string;
  next_due: Time;
}

export interface ReminderSqlRow {
  team_id: string;
  user_id: string;
  zone: string | null;
  remind_at: string | null;
  nudged_day: string | null;
}

export const REVIEW_CARD_COLUMNS =
  'team_id, user_id, topic_id, topic_title, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, last_rating, added_at, added_by';
export const REVIEW_LOG_COLUMNS =
  'team_id, user_id, topic_id, rep, question_id, option, correct, rating, reviewed_at, local_date, next_due';
export const REVIEW_PROFILE_COLUMNS = 'team_id, user_id, zone, remind_at, nudged_day';

/** A card's columns in `REVIEW_CARD_COLUMNS` order, times as the database takes them. */
export function reviewCardValues<Time>(card: ReviewCard, time: (date: Date) => Time): unknown[] {
  return [
    card.teamId,
    card.userId,
    card.topicId,
    card.topicTitle,
    time(card.due),
    card.stability,
    card.difficulty,
    card.scheduledDays,
    card.learningSteps,
    card.reps,
    card.lapses,
    card.state,
    card.lastReview === null ? null : time(card.lastReview),
    card.lastRating,
    time(card.addedAt),
    card.addedBy,
  ];
}

/** A log's columns in `REVIEW_LOG_COLUMNS` order. */
export function reviewLogValues<Time, Flag>(
  log: ReviewLog,
  time: (date: Date) => Time,
  flag: (value: boolean) => Flag,
): unknown[] {
  return [
    log.teamId,
    log.userId,
    log.topicId,
    log.rep,
    log.questionId,
    log.option,
    flag(log.correct),
    log.rating,
    time(log.reviewedAt),
    log.localDate,
    time(log.nextDue),
  ];
}

/** The port's review records from one database's rows. */
export function reviewRecordsFrom<Time, Flag>(date: (time: Time) => Date, flag: (value: Flag) => boolean) {
  return {
    card(row: ReviewCardRow<Time>): ReviewCard {
      return {
        teamId: row.team_id,
        userId: row.user_id,
        topicId: row.topic_id,
        topicTitle: row.topic_title,
        due: date(row.due),
        stability: row.stability,
        difficulty: row.difficulty,
        scheduledDays: row.scheduled_days,
        learningSteps: row.learning_steps,
        reps: row.reps,
        lapses: row.lapses,
        state: row.state,
        lastReview: row.last_review === null ? null : date(row.last_review),
        lastRating: row.last_rating,
        addedAt: date(row.added_at),
        addedBy: row.added_by,
      };
    },
    log(row: ReviewLogRow<Time, Flag>): ReviewLog {
      return {
        teamId: row.team_id,
        userId: row.user_id,
        topicId: row.topic_id,
        rep: row.rep,
        questionId: row.question_id,
        option: row.option,
        correct: flag(row.correct),
        rating: row.rating,
        reviewedAt: date(row.reviewed_at),
        localDate: row.local_date,
        nextDue: date(row.next_due),
      };
    },
    reminder(row: ReminderSqlRow): ReminderRow {
      return {
        teamId: row.team_id,
        userId: row.user_id,
        zone: row.zone,
        remindAt: row.remind_at,
        nudgedDay: row.nudged_day,
      };
    },
  };
}
