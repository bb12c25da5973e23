import type { ChannelSchedule, PostedQuiz, QuizAnswer, QuizTally, ScoreRow } from '../store/store.js';

/** A leaderboard request's period is the tutor's; scores count by it. */
export type { ScorePeriod } from '../tutor/reply.js';

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
