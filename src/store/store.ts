import type { GapStore } from '../gaps/records.js';
import type {
  ChannelMemberScore,
  ChannelSchedule,
  ChannelTopicResult,
  DailyQuizResult,
  GradedAnswer,
  PostError,
  PostedQuiz,
  QuestionDecision,
  QuestionReport,
  QuizAnswer,
  QuizTally,
  RecordOutcome,
  ScoreQuery,
  ScoreRow,
} from '../quiz/records.js';
import type { ReviewCard, ReviewLog, ReviewProfile, ReviewRecordOutcome } from '../review/records.js';

// The knowledge gaps' records and their part of the port are the core's (src/gaps/records.ts).
export type {
  AnswerVote,
  ChannelKind,
  DigestSchedule,
  GapKind,
  GapRecord,
  GapStore,
  KeptVote,
  NewGap,
  QuestionTotals,
  TopicLabel,
  VoteOutcome,
  VoteValue,
} from '../gaps/records.js';
// The records the store keeps are the quiz's (src/quiz/records.ts); importers of the port get them here too.
export type {
  ChannelMemberScore,
  ChannelSchedule,
  ChannelTopicResult,
  DailyQuizResult,
  GradedAnswer,
  PostError,
  PostedQuiz,
  QuestionDecision,
  QuestionReport,
  QuizAnswer,
  QuizMode,
  QuizTally,
  RecordOutcome,
  ReportReason,
  ScoreQuery,
  ScoreRow,
} from '../quiz/records.js';
export type {
  CardOrigin,
  CardState,
  ReviewCard,
  ReviewLog,
  ReviewProfile,
  ReviewRating,
  ReviewRecordOutcome,
} from '../review/records.js';

/** A person's review settings with the local day they were last nudged (null: never). */
export interface ReminderRow extends ReviewProfile {
  nudgedDay: string | null;
}

/**
 * The store port: what the core needs kept between messages, restarts and replicas. The core owns
 * this interface; the adapters (`sqlite-store.ts`, `postgres-store.ts`) implement it and pass one
 * shared contract suite (`tests/store/store-contract.ts`). Nothing here imports a database driver.
 *
 * Anything that must happen exactly once is decided by a unique constraint in the database, never
 * by an in-memory check, so it holds across retries, restarts and replicas. Time is always passed
 * in: the store never reads the clock on the core's behalf. Every query about quizzes, answers and
 * scores names its workspace (`teamId`): one workspace's data never answers another's question.
 * The knowledge gaps' methods (unanswered questions, votes, the digest) are declared in `GapStore`.
 */
export interface Store extends GapStore {
  /**
   * Claims a delivery (for example `event:<Slack event_id>`) for handling. True only for the first
   * claim of `key` ever made on this database, by any process; false for every later claim.
   */
  claimDelivery(key: string, receivedAt: Date): Promise<boolean>;
  /** Forgets claims received strictly before `olderThan`; returns how many were removed. */
  pruneDeliveries(olderThan: Date): Promise<number>;

  // ---- Daily quiz schedules (one per channel) ----

  /** Sets the channel's schedule, replacing any it had. */
  saveSchedule(schedule: ChannelSchedule): Promise<void>;
  /** Removes the channel's schedule; false when it had none. */
  deleteSchedule(teamId: string, channelId: string): Promise<boolean>;
  findSchedule(teamId: string, channelId: string): Promise<ChannelSchedule | null>;
  /** Every schedule of every workspace (the scheduler's work list), ordered by team then channel. */
  listSchedules(): Promise<ChannelSchedule[]>;
  /**
   * Records that the channel's daily quiz for `quizDate` could not be posted (Slack's `error`). True
   * only for the first record for that channel and quiz day made on this database, by any process:
   * the one call that should tell the admin. False when the channel has no schedule.
   */
  recordPostError(
    teamId: string,
    channelId: string,
    quizDate: string,
    error: string,
    at: Date,
  ): Promise<boolean>;
  /** Forgets the channel's post error: a daily quiz went out there. */
  clearPostError(teamId: string, channelId: string): Promise<void>;
  /** The schedules whose last post failed, with no post since, ordered by team then channel. */
  listPostErrors(): Promise<PostError[]>;

  // ---- Quizzes ----

  /**
   * Keeps a new quiz unless one with its id exists or, for a daily quiz, the channel already has
   * one for `quizDate` (the unique rule that makes a daily quiz post once across restarts and
   * replicas). True when this call created it.
   */
  createQuiz(quiz: PostedQuiz): Promise<boolean>;
  findQuiz(id: string): Promise<PostedQuiz | null>;
  findDailyQuiz(teamId: string, channelId: string, quizDate: string): Promise<PostedQuiz | null>;
  /** Records the Slack message a quiz was posted as. */
  setQuizMessage(id: string, messageTs: string): Promise<void>;
  /**
   * Deletes a quiz that was never posted (no message) and has no answers, so a failed post can be
   * tried again; true when deleted. A posted or answered quiz is never deleted.
   */
  withdrawQuiz(id: string): Promise<boolean>;
  /** Posted daily quizzes still open whose `closesAt` is at or before `now`, oldest first. */
  quizzesToClose(now: Date): Promise<PostedQuiz[]>;
  /** Marks a quiz closed at `at`; true only for the one call that closed it (the one that reveals). */
  closeQuiz(id: string, at: Date): Promise<boolean>;

  // ---- Answers and scores ----

  /** Keeps the answer unless the person already answered that quiz (then returns the earlier one). */
  recordAnswer(answer: QuizAnswer): Promise<RecordOutcome>;
  tallyQuiz(quizId: string): Promise<QuizTally>;
  /** The channel's daily quizzes with their tallies, oldest first. */
  dailyResults(teamId: string, channelId: string): Promise<DailyQuizResult[]>;
  /** Every answer of one person in one workspace (daily and practice), oldest first. */
  answersOf(teamId: string, userId: string): Promise<QuizAnswer[]>;
  /**
   * Daily-quiz totals per person, best first: points, then right answers, then user id. Practice
   * answers never count here.
   */
  leaderboard(query: ScoreQuery): Promise<ScoreRow[]>;
  /** Daily-quiz totals per channel and person in one workspace (since `since` when given). */
  channelScores(teamId: string, since: Date | null): Promise<ChannelMemberScore[]>;
  /** Daily-quiz results per channel and topic in one workspace (since `since` when given). */
  channelTopicResults(teamId: string, since: Date | null): Promise<ChannelTopicResult[]>;
  /** Every answer ever recorded, all workspaces and modes, oldest first (ties: quiz id, user id). */
  exportAnswers(): AsyncIterable<QuizAnswer>;

  // ---- Question statistics, reports and decisions ----

  /**
   * How every answer went, daily and practice, in one workspace (every workspace when `teamId` is
   * null), ordered by workspace, question and user.
   */
  gradedAnswers(teamId: string | null): Promise<GradedAnswer[]>;
  /** Keeps a report unless the person already reported the question; true only when this call kept it. */
  recordReport(report: QuestionReport): Promise<boolean>;
  /** The reports of one workspace (every workspace when null), ordered by workspace, question, time. */
  questionReports(teamId: string | null): Promise<QuestionReport[]>;
  /** Sets the admin's decision on a question, replacing any earlier one. */
  decideQuestion(decision: QuestionDecision): Promise<void>;
  /** The decisions of one workspace (every workspace when null), ordered by workspace and question. */
  questionDecisions(teamId: string | null): Promise<QuestionDecision[]>;

  // ---- Personal review (FSRS) ----

  /** Keeps each card unless the person already has one for its topic; returns how many were kept. */
  addReviewCards(cards: readonly ReviewCard[]): Promise<number>;
  /** One person's cards in one workspace, every topic ever met (those gone from the notes too), by topic id. */
  reviewCardsOf(teamId: string, userId: string): Promise<ReviewCard[]>;
  /** Every card of a workspace, ordered by user then topic. */
  teamReviewCards(teamId: string): Promise<ReviewCard[]>;
  /**
   * Keeps `log` and sets the card to `card`, both or neither, only when the card is at the showing
   * the log answers (its `reps` equals `log.rep`) and that showing has no review yet: a double
   * click, a retried request or another replica's review of the same showing keeps one. Otherwise
   * returns the review that showing has (`previous`), or null when there is none (no such card).
   */
  recordReview(log: ReviewLog, card: ReviewCard): Promise<ReviewRecordOutcome>;
  /** The distinct local days (`YYYY-MM-DD`) on which the person reviewed a card, oldest first. */
  reviewDaysOf(teamId: string, userId: string): Promise<string[]>;
  /** Sets the person's zone and nudge time, keeping the day they were last nudged. */
  saveReviewProfile(profile: ReviewProfile): Promise<void>;
  findReviewProfile(teamId: string, userId: string): Promise<ReviewProfile | null>;
  /** Everyone who asked for a daily nudge, every workspace, ordered by team then user. */
  listReminders(): Promise<ReminderRow[]>;
  /**
   * Claims the person's nudge for their local day `localDate`: true only for the first claim of that
   * day made on this database, by any process (the one that may send it).
   */
  claimNudge(teamId: string, userId: string, localDate: string): Promise<boolean>;
  /** Every card of every workspace, ordered by team, user, topic. */
  exportReviewCards(): Promise<ReviewCard[]>;

  // ---- Connection ----

  /** Resolves when the database answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  /**
   * Writes a row and reads it back inside a transaction that is then rolled back: resolves when the
   * database takes writes, rejects with the reason otherwise, and keeps nothing either way.
   */
  probeWrite(): Promise<void>;
  /** Releases the connection(s). Safe to call more than once. */
  close(): Promise<void>;
  readonly kind: 'sqlite' | 'postgres';
}

/**
 * A store problem a person can act on (an unreachable database, an unwritable folder, a database
 * migrated by a newer version). Its message says what to fix and never contains a password.
 */
export class StoreError extends Error {
  override name = 'StoreError';
}
