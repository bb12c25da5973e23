import type { QuizQuestion } from '../quiz/types.js';

/** How a quiz was asked: posted to a channel on its schedule, or privately to one person on request. */
export type QuizMode = 'daily' | 'practice';

/** A channel's daily quiz: posted every day at `time` in `zone`. */
export interface ChannelSchedule {
  teamId: string;
  channelId: string;
  /** Local time of day, `HH:MM` on a 24-hour clock. */
  time: string;
  /** IANA time zone name, e.g. `Europe/Berlin`. */
  zone: string;
  /** Slack user id of whoever set it. */
  setBy: string;
  setAt: Date;
}

/** A channel's daily quiz that Slack would not post, for a reason a person has to fix. */
export interface PostError {
  teamId: string;
  channelId: string;
  /** Who set the schedule: the person to tell. */
  setBy: string;
  /** The quiz day whose post failed (`YYYY-MM-DD`, the channel's zone). */
  quizDate: string;
  /** Slack's error code, e.g. `not_in_channel`. */
  error: string;
  at: Date;
}

/** A quiz as asked: the question is kept whole, so it can be answered even after the notes change. */
export interface PostedQuiz {
  /** Daily: `daily:<team>:<channel>:<quizDate>`; practice: any unique id. */
  id: string;
  teamId: string;
  /** Where it was posted (daily) or asked (practice). */
  channelId: string;
  mode: QuizMode;
  /** Daily: the channel's local day it belongs to (`YYYY-MM-DD`); null for practice. */
  quizDate: string | null;
  /** Practice: who asked for it; null for daily. */
  askedBy: string | null;
  question: QuizQuestion;
  postedAt: Date;
  /** Daily: when answers stop being taken; null for practice (never closes). */
  closesAt: Date | null;
  /** Daily: the Slack message's `ts` once it is posted. */
  messageTs: string | null;
  /** When it was closed (and its answer revealed); null while open. */
  closedAt: Date | null;
}

/** One person's answer to one quiz. A person answers a quiz once: the first answer is the one kept. */
export interface QuizAnswer {
  quizId: string;
  teamId: string;
  channelId: string;
  userId: string;
  mode: QuizMode;
  questionId: string;
  topicId: string;
  topicTitle: string;
  /** The option chosen, 0..3. */
  option: number;
  correct: boolean;
  /** Points earned: 0 for a wrong answer and for every practice answer. */
  points: number;
  answeredAt: Date;
  /** The person's own local day when they answered (`YYYY-MM-DD`, their Slack time zone): streaks count these. */
  localDate: string;
}

/** What `recordAnswer` did: kept the answer, or kept the person's earlier one (returned) instead. */
export type RecordOutcome = { recorded: true } | { recorded: false; previous: QuizAnswer };

/** How a quiz went so far. */
export interface QuizTally {
  answered: number;
  right: number;
  /** How many chose each option, indexed by option. */
  byOption: [number, number, number, number];
  /** The earliest right answer (ties: the smaller user id), or null when nobody was right. */
  fastestRight: { userId: string; answeredAt: Date } | null;
}

/** A channel's daily quiz and how it went, for choosing the next questions. */
export interface DailyQuizResult {
  quizId: string;
  quizDate: string;
  questionId: string;
  topicId: string;
  postedAt: Date;
  closed: boolean;
  answered: number;
  right: number;
}

/** A person's daily-quiz totals in a ranking. */
export interface ScoreRow {
  userId: string;
  points: number;
  answered: number;
  right: number;
}

/** Which daily answers a ranking counts. */
export interface ScoreQuery {
  teamId: string;
  /** One channel's answers; the whole workspace when absent or null. */
  channelId?: string | null;
  /** Only answers at or after this moment; all time when absent or null. */
  since?: Date | null;
  /** At most this many rows (default: all). */
  limit?: number;
}

/** A person's daily-quiz totals in one channel. */
export interface ChannelMemberScore extends ScoreRow {
  channelId: string;
}

/** How a channel did on one topic in its daily quizzes. */
export interface ChannelTopicResult {
  channelId: string;
  topicId: string;
  topicTitle: string;
  answered: number;
  right: number;
}

/** How one answer to a question went: what a question's statistics are made of. */
export interface GradedAnswer {
  teamId: string;
  questionId: string;
  topicId: string;
  userId: string;
  correct: boolean;
}

/** Why a person reports a quiz question. */
export type ReportReason = 'wrong-answer' | 'unclear' | 'too-easy';

/** A person's report of a quiz question; one per person and question in a workspace. */
export interface QuestionReport {
  teamId: string;
  questionId: string;
  userId: string;
  reason: ReportReason;
  reportedAt: Date;
}

/** An admin's decision on a question: take it out of the quiz, or keep it in whatever its figures say. */
export interface QuestionDecision {
  teamId: string;
  questionId: string;
  status: 'retired' | 'restored';
  decidedBy: string;
  decidedAt: Date;
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
 */
export interface Store {
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
