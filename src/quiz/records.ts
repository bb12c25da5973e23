import type { QuizQuestion } from './types.js';

/** A leaderboard request's period is the tutor's; scores count by it. */
export type { ScorePeriod } from '../tutor/reply.js';

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

/** How someone (or a channel) did on one topic. */
export interface TopicRecord {
  topicId: string;
  topicTitle: string;
  answered: number;
  right: number;
}

/** One person's standing in a workspace, as `/aws score` and the App Home tab show it. */
export interface PersonalScore {
  /** Points from daily quizzes (practice earns none). */
  points: number;
  /** Every answer, daily and practice. */
  answered: number;
  right: number;
  /** right / answered, 0..1; null before the first answer. */
  accuracy: number | null;
  /** Consecutive local days, up to today, with a right daily answer (see `streakOf`). */
  streak: number;
  /** The topics the person gets wrong most (at least one wrong answer), weakest first, at most three. */
  weakest: TopicRecord[];
}

/** A channel that runs the daily quiz, ranked against the workspace's other channels. */
export interface TeamStanding {
  channelId: string;
  /** What the ranking is by: the points of the team's best three members added up. */
  score: number;
  /** How many people answered at least one of the team's daily quizzes in the period. */
  members: number;
  answered: number;
  right: number;
  /** right / answered, 0..1; null when nobody answered. */
  accuracy: number | null;
  /** The topic the team gets wrong most, or null when it got nothing wrong. */
  weakest: TopicRecord | null;
  /** The members whose points make up the score, best first. */
  best: ScoreRow[];
}

/** What became of a click on a quiz option. */
export type AnswerOutcome =
  /** The first answer of this person to this quiz: kept before anyone is told. */
  | { kind: 'recorded'; quiz: PostedQuiz; answer: QuizAnswer }
  /** The person had answered already; the earlier answer stands. */
  | { kind: 'already'; quiz: PostedQuiz; previous: QuizAnswer }
  /** The quiz closed before the click. */
  | { kind: 'closed'; quiz: PostedQuiz }
  /** No such quiz (a stale or forged button). */
  | { kind: 'unknown' };

/** A daily quiz that has just closed, with how it went: what the reveal shows. */
export interface QuizReveal {
  quiz: PostedQuiz;
  tally: QuizTally;
}

/** A channel's daily quiz schedule as `/aws quiz daily` shows it. */
export interface ScheduleView {
  schedule: ChannelSchedule | null;
  /** When the next daily quiz will be posted; null without a schedule. */
  nextPostAt: Date | null;
  /** Whether today's quiz (the channel's local day) has been posted. */
  postedToday: boolean;
}
