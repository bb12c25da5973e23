import { randomUUID } from 'node:crypto';
import type {
  ChannelSchedule,
  PostedQuiz,
  QuizAnswer,
  ReportReason,
  ScoreRow,
  Store,
} from '../store/store.js';
import { periodStart } from './period.js';
import { personalScore } from './personal-score.js';
import { dailyTargetDifficulty, personalTargetDifficulty, pickQuestion } from './pick.js';
import {
  badness,
  type QuestionStanding,
  questionStandings,
  questionStats,
  REPORT_REASONS,
} from './question-stats.js';
import type {
  AnswerOutcome,
  PersonalScore,
  QuizReveal,
  ScheduleView,
  ScorePeriod,
  TeamStanding,
} from './records.js';
import { dueQuizDate, nextPostTime } from './schedule.js';
import { pointsFor } from './scoring.js';
import { practiceWeights, topicWeights } from './spaced-repetition.js';
import { localDateOf } from './streak.js';
import { rankTeams } from './team-standings.js';
import type { QuizQuestion } from './types.js';

/** A daily quiz stays open this long at most; it closes sooner when the channel's next one is due. */
export const DEFAULT_OPEN_HOURS = 8;
/** The zone of a channel's day when it has no schedule (a `/aws quiz daily now` to try it out). */
const DEFAULT_ZONE = 'UTC';
const HOUR_MS = 3_600_000;

export interface QuizServiceOptions {
  store: Store;
  /** The questions the notes give now; asked on every use, so reloaded notes take effect at once. */
  questions: () => readonly QuizQuestion[];
  /** How long a daily quiz stays open at most (default 8). */
  openHours?: number;
  /** Ids for practice quizzes (default: random UUIDs). */
  newId?: () => string;
}

/** Where a quiz is asked, and by whom. */
export interface Asker {
  teamId: string;
  channelId: string;
  userId: string;
}

/** A daily quiz due now: the channel's schedule and the local day the quiz is for. */
export interface DueQuiz {
  schedule: ChannelSchedule;
  quizDate: string;
}

/** What `/aws quiz daily now` did. */
export type PostNowOutcome =
  | { kind: 'opened'; quiz: PostedQuiz }
  | { kind: 'already-posted'; quiz: PostedQuiz }
  | { kind: 'no-questions' };

/**
 * The quiz lifecycle over the store: practice questions, daily quizzes (open, post, close), answers
 * and scores. It decides what happens; the faces post and render. Time always comes in as `now`.
 */
export class QuizService {
  readonly #store: Store;
  readonly #questions: () => readonly QuizQuestion[];
  readonly #openMs: number;
  readonly #newId: () => string;
  readonly #pools = new Map<string, { pool: QuestionPool; at: number; from: readonly QuizQuestion[] }>();
  /** Daily quizzes clicked lately (see `#clicked`). */
  readonly #dailyQuizzes = new Map<string, PostedQuiz>();
  /** Lookups under way, so the first fifty clicks on a new quiz ask the store once, not fifty times. */
  readonly #lookups = new Map<string, Promise<PostedQuiz | null>>();

  constructor(options: QuizServiceOptions) {
    this.#store = options.store;
    this.#questions = options.questions;
    this.#openMs = (options.openHours ?? DEFAULT_OPEN_HOURS) * HOUR_MS;
    this.#newId = options.newId ?? randomUUID;
  }

  /**
   * A private practice question for one person: on `topicId` when given, else on any topic, topics
   * the person gets wrong coming back sooner, at a difficulty that suits how well they do; no
   * question repeats until the pool is used up. Null when the notes have no question (on that topic).
   */
  async practice(asker: Asker, topicId: string | null, now: Date): Promise<PostedQuiz | null> {
    const history = await this.#store.answersOf(asker.teamId, asker.userId);
    const right = history.filter((answer) => answer.correct).length;
    const pool = await this.#pool(asker.teamId, now);
    const question = pickQuestion(pool.questions, {
      seed: `practice:${asker.teamId}:${asker.userId}:${now.toISOString()}`,
      asked: history.filter((answer) => answer.mode === 'practice').map((answer) => answer.questionId),
      weights: practiceWeights(history),
      targetDifficulty: personalTargetDifficulty(history.length > 0 ? right / history.length : null),
      measuredDifficulty: pool.measured,
      ...(topicId ? { topicId } : {}),
    });
    if (!question) return null;
    const quiz: PostedQuiz = {
      id: `practice:${this.#newId()}`,
      teamId: asker.teamId,
      channelId: asker.channelId,
      mode: 'practice',
      quizDate: null,
      askedBy: asker.userId,
      question,
      postedAt: now,
      closesAt: null,
      messageTs: null,
      closedAt: null,
    };
    await this.#store.createQuiz(quiz);
    return quiz;
  }

  /**
   * Takes a click on option `option` of quiz `quizId`. The answer is in the store before this
   * returns, so whoever is told "right" or "wrong" keeps that answer whatever happens next.
   * `userZone` is the person's time zone when known (it dates the answer's local day; scores
   * recount days in the zone known then).
   */
  async answer(
    click: { quizId: string; userId: string; option: number },
    now: Date,
    userZone: string | null,
  ): Promise<AnswerOutcome> {
    const quiz = await this.#clicked(click.quizId);
    if (!quiz || !Number.isInteger(click.option) || click.option < 0 || click.option > 3) {
      return { kind: 'unknown' };
    }
    if (
      quiz.mode === 'daily' &&
      (quiz.closedAt !== null || (quiz.closesAt !== null && now >= quiz.closesAt))
    ) {
      return { kind: 'closed', quiz };
    }
    const correct = click.option === quiz.question.answer;
    const answer: QuizAnswer = {
      quizId: quiz.id,
      teamId: quiz.teamId,
      channelId: quiz.channelId,
      userId: click.userId,
      mode: quiz.mode,
      questionId: quiz.question.id,
      topicId: quiz.question.topic.id,
      topicTitle: quiz.question.topic.title,
      option: click.option,
      correct,
      points: pointsFor({ mode: quiz.mode, correct, postedAt: quiz.postedAt, answeredAt: now }),
      answeredAt: now,
      localDate: localDateOf(now, userZone ?? DEFAULT_ZONE),
    };
    const outcome = await this.#store.recordAnswer(answer);
    if (outcome.recorded || isSameAnswer(outcome.previous, answer)) {
      return { kind: 'recorded', quiz, answer };
    }
    return { kind: 'already', quiz, previous: outcome.previous };
  }

  /**
   * The quiz a click is on. A daily quiz is clicked by a whole channel within minutes, so it is kept
   * here after its first click: what a click needs of it never changes once it is posted (its
   * question, and `closesAt`, which decides whether it is closed: it is closed at that time, by
   * whichever replica). That saves every later click a round trip to the store.
   */
  async #clicked(quizId: string): Promise<PostedQuiz | null> {
    const known = this.#dailyQuizzes.get(quizId);
    if (known) return known;
    const pending = this.#lookups.get(quizId);
    if (pending) return pending;
    const lookup = this.#store.findQuiz(quizId).finally(() => this.#lookups.delete(quizId));
    this.#lookups.set(quizId, lookup);
    const quiz = await lookup;
    if (quiz?.mode === 'daily' && quiz.messageTs !== null && quiz.closesAt !== null) {
      this.#dailyQuizzes.set(quizId, quiz);
      if (this.#dailyQuizzes.size > KNOWN_DAILY_QUIZZES) {
        this.#dailyQuizzes.delete(this.#dailyQuizzes.keys().next().value as string);
      }
    }
    return quiz;
  }

  // ---- Questions that get better with use ----

  /**
   * The questions a workspace is asked: the notes' questions but those its answers, reports or
   * admins took out, with the difficulty measured where enough people answered. Kept for a minute
   * (by `now`), so a burst of practice requests reads the answers once.
   */
  async #pool(teamId: string, now: Date): Promise<QuestionPool> {
    const questions = this.#questions();
    const cached = this.#pools.get(teamId);
    if (cached && cached.from === questions && now.getTime() - cached.at < POOL_TTL_MS) return cached.pool;
    const standings = await this.standings(teamId);
    const out = new Set(standings.filter((row) => row.status === 'retired').map((row) => row.questionId));
    const measured = new Map(
      standings.flatMap((row) =>
        row.measuredDifficulty === null ? [] : [[row.questionId, row.measuredDifficulty]],
      ),
    );
    const kept = questions.filter((question) => !out.has(question.id));
    // Should every question be out, the quiz goes on with them rather than stop.
    const pool = { questions: kept.length > 0 ? kept : questions, measured };
    this.#pools.set(teamId, { pool, at: now.getTime(), from: questions });
    return pool;
  }

  /** Every question of a workspace that was answered, reported or decided on, with its standing. */
  async standings(teamId: string | null): Promise<QuestionStanding[]> {
    const [graded, reports, decisions] = await Promise.all([
      this.#store.gradedAnswers(teamId),
      this.#store.questionReports(teamId),
      this.#store.questionDecisions(teamId),
    ]);
    return questionStandings(questionStats(graded, reports), decisions);
  }

  /** A person's report of the question of quiz `quizId`: kept once per person and question. */
  async report(
    click: { quizId: string; userId: string; reason: ReportReason },
    now: Date,
  ): Promise<ReportOutcome> {
    const quiz = await this.#store.findQuiz(click.quizId);
    if (!quiz || !REPORT_REASONS.includes(click.reason)) return { kind: 'unknown' };
    const kept = await this.#store.recordReport({
      teamId: quiz.teamId,
      questionId: quiz.question.id,
      userId: click.userId,
      reason: click.reason,
      reportedAt: now,
    });
    this.#pools.delete(quiz.teamId);
    return { kind: kept ? 'recorded' : 'already', quiz };
  }

  /**
   * The workspace's worst questions for an admin: out of the quiz first, then the most reported and
   * the least fair, with the question as the notes give it now (null once it left them).
   */
  async questionReview(teamId: string, limit = REVIEW_SIZE): Promise<ReviewedQuestion[]> {
    const byId = new Map(this.#questions().map((question) => [question.id, question]));
    const standings = await this.standings(teamId);
    return standings
      .filter((row) => row.status !== 'active' || badness(row) > 0)
      .sort((a, b) => badness(b) - badness(a) || (a.questionId < b.questionId ? -1 : 1))
      .slice(0, limit)
      .map((standing) => ({ standing, question: byId.get(standing.questionId) ?? null }));
  }

  /** An admin takes a question out of the workspace's quiz, or puts it back whatever its figures say. */
  async decide(
    teamId: string,
    questionId: string,
    status: 'retired' | 'restored',
    adminId: string,
    now: Date,
  ): Promise<void> {
    await this.#store.decideQuestion({ teamId, questionId, status, decidedBy: adminId, decidedAt: now });
    this.#pools.delete(teamId);
  }

  // ---- Daily quizzes ----

  /** The channels whose quiz for today (their local day) is due and not yet opened. */
  async dueDailyQuizzes(now: Date): Promise<DueQuiz[]> {
    const due: DueQuiz[] = [];
    for (const schedule of await this.#store.listSchedules()) {
      const quizDate = dueQuizDate(schedule, now);
      if (quizDate === null) continue;
      const existing = await this.#store.findDailyQuiz(schedule.teamId, schedule.channelId, quizDate);
      if (!existing) due.push({ schedule, quizDate });
    }
    return due;
  }

  /**
   * Opens the channel's quiz for `quizDate`: picks its question (the channel's missed topics come
   * back sooner, easy and hard days mixed) and keeps it. Null when this call did not open it: another replica or an earlier
   * run already did (the database keeps one per channel and day), or the notes have no questions.
   */
  async openDailyQuiz(
    channel: { teamId: string; channelId: string },
    quizDate: string,
    now: Date,
    schedule: Pick<ChannelSchedule, 'time' | 'zone'> | null,
  ): Promise<PostedQuiz | null> {
    const results = await this.#store.dailyResults(channel.teamId, channel.channelId);
    const pool = await this.#pool(channel.teamId, now);
    const question = pickQuestion(pool.questions, {
      seed: `daily:${channel.teamId}:${channel.channelId}:${quizDate}`,
      asked: results.map((result) => result.questionId),
      weights: topicWeights(results),
      targetDifficulty: dailyTargetDifficulty(results.length),
      measuredDifficulty: pool.measured,
    });
    if (!question) return null;
    const latest = now.getTime() + this.#openMs;
    const next = schedule ? nextPostTime(schedule, now).getTime() : latest;
    const quiz: PostedQuiz = {
      id: dailyQuizId(channel.teamId, channel.channelId, quizDate),
      teamId: channel.teamId,
      channelId: channel.channelId,
      mode: 'daily',
      quizDate,
      askedBy: null,
      question,
      postedAt: now,
      closesAt: new Date(Math.min(latest, next)),
      messageTs: null,
      closedAt: null,
    };
    return (await this.#store.createQuiz(quiz)) ? quiz : null;
  }

  /** Records the message a daily quiz was posted as. */
  markPosted(quizId: string, messageTs: string): Promise<void> {
    return this.#store.setQuizMessage(quizId, messageTs);
  }

  /** Takes back a quiz whose post failed, so the next run can try again. */
  withdraw(quizId: string): Promise<boolean> {
    return this.#store.withdrawQuiz(quizId);
  }

  /** `/aws quiz daily now`: today's quiz for the channel, unless it already has one. */
  async postNow(channel: { teamId: string; channelId: string }, now: Date): Promise<PostNowOutcome> {
    const schedule = await this.#store.findSchedule(channel.teamId, channel.channelId);
    const quizDate = localDateOf(now, schedule?.zone ?? DEFAULT_ZONE);
    const existing = await this.#store.findDailyQuiz(channel.teamId, channel.channelId, quizDate);
    if (existing) return { kind: 'already-posted', quiz: existing };
    const quiz = await this.openDailyQuiz(channel, quizDate, now, schedule);
    if (quiz) return { kind: 'opened', quiz };
    const raced = await this.#store.findDailyQuiz(channel.teamId, channel.channelId, quizDate);
    return raced ? { kind: 'already-posted', quiz: raced } : { kind: 'no-questions' };
  }

  /**
   * Closes every daily quiz whose time is up. Each is closed by exactly one caller (replica), which
   * gets its reveal to post; the others get nothing.
   */
  async closeDue(now: Date): Promise<QuizReveal[]> {
    const reveals: QuizReveal[] = [];
    for (const quiz of await this.#store.quizzesToClose(now)) {
      if (!(await this.#store.closeQuiz(quiz.id, now))) continue;
      reveals.push({ quiz: { ...quiz, closedAt: now }, tally: await this.#store.tallyQuiz(quiz.id) });
    }
    return reveals;
  }

  /** The questions the notes give now (the review deck asks them too). */
  questionsNow(): readonly QuizQuestion[] {
    return this.#questions();
  }

  find(quizId: string): Promise<PostedQuiz | null> {
    return this.#store.findQuiz(quizId);
  }

  /** How many have answered a quiz so far. */
  async answeredCount(quizId: string): Promise<number> {
    return (await this.#store.tallyQuiz(quizId)).answered;
  }

  // ---- Schedules ----

  async setSchedule(schedule: ChannelSchedule, now: Date): Promise<ScheduleView> {
    await this.#store.saveSchedule(schedule);
    return this.viewSchedule(schedule, now);
  }

  /** Turns the channel's daily quiz off; false when it was not on. */
  removeSchedule(teamId: string, channelId: string): Promise<boolean> {
    return this.#store.deleteSchedule(teamId, channelId);
  }

  async scheduleOf(teamId: string, channelId: string, now: Date): Promise<ScheduleView> {
    const schedule = await this.#store.findSchedule(teamId, channelId);
    if (!schedule) return { schedule: null, nextPostAt: null, postedToday: false };
    return this.viewSchedule(schedule, now);
  }

  private async viewSchedule(schedule: ChannelSchedule, now: Date): Promise<ScheduleView> {
    const today = localDateOf(now, schedule.zone);
    const posted = await this.#store.findDailyQuiz(schedule.teamId, schedule.channelId, today);
    return { schedule, nextPostAt: nextPostTime(schedule, now), postedToday: posted !== null };
  }

  // ---- Scores ----

  /** One person's points, streak (in their own time zone), accuracy and weakest topics. */
  async scoreOf(teamId: string, userId: string, now: Date, userZone: string | null): Promise<PersonalScore> {
    const answers = await this.#store.answersOf(teamId, userId);
    if (!userZone) return personalScore(answers, localDateOf(now, DEFAULT_ZONE));
    // Days are the person's own, in the zone Slack gives now: an answer's stored day was only
    // as good as what was known of the person when they clicked.
    const inZone = answers.map((answer) => ({
      ...answer,
      localDate: localDateOf(answer.answeredAt, userZone),
    }));
    return personalScore(inZone, localDateOf(now, userZone));
  }

  /** A channel's ranking, or the workspace's when `channelId` is null. */
  leaderboard(
    teamId: string,
    channelId: string | null,
    period: ScorePeriod,
    now: Date,
    limit?: number,
  ): Promise<ScoreRow[]> {
    return this.#store.leaderboard({
      teamId,
      channelId,
      since: periodStart(period, now),
      ...(limit === undefined ? {} : { limit }),
    });
  }

  /** Every channel running the daily quiz, ranked fairly (see `rankTeams`). */
  async teamStandings(teamId: string, period: ScorePeriod, now: Date): Promise<TeamStanding[]> {
    const since = periodStart(period, now);
    const [scores, topics, schedules] = await Promise.all([
      this.#store.channelScores(teamId, since),
      this.#store.channelTopicResults(teamId, since),
      this.#store.listSchedules(),
    ]);
    const scheduled = schedules
      .filter((schedule) => schedule.teamId === teamId)
      .map((schedule) => schedule.channelId);
    return rankTeams(scores, topics, scheduled);
  }
}

/** The questions a workspace is asked, and the difficulty measured of those enough people answered. */
interface QuestionPool {
  questions: readonly QuizQuestion[];
  measured: ReadonlyMap<string, number>;
}

/** Daily quizzes kept for their clicks: a day's quizzes of a few hundred channels. */
const KNOWN_DAILY_QUIZZES = 500;
/** How long a workspace's pool is kept before its answers and reports are read again. */
const POOL_TTL_MS = 60_000;
/** How many questions `/aws admin questions` shows. */
const REVIEW_SIZE = 10;

/** What became of a report. */
export type ReportOutcome =
  | { kind: 'recorded'; quiz: PostedQuiz }
  | { kind: 'already'; quiz: PostedQuiz }
  | { kind: 'unknown' };

/** A question in the admins' review: its standing, and the question itself while the notes give it. */
export interface ReviewedQuestion {
  standing: QuestionStanding;
  question: QuizQuestion | null;
}

/** A daily quiz's id: one per channel and local day, the same on every replica. */
export function dailyQuizId(teamId: string, channelId: string, quizDate: string): string {
  return `daily:${teamId}:${channelId}:${quizDate}`;
}

/**
 * A store retry after a lost reply can find the answer its first attempt kept: that is this
 * click's own answer, not an earlier one.
 */
function isSameAnswer(previous: QuizAnswer, answer: QuizAnswer): boolean {
  return previous.option === answer.option && previous.answeredAt.getTime() === answer.answeredAt.getTime();
}
