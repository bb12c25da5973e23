import type { QuizQuestion } from '../quiz/types.js';
import type {
  ChannelSchedule,
  GradedAnswer,
  PostError,
  PostedQuiz,
  QuestionDecision,
  QuestionReport,
  QuizAnswer,
  QuizMode,
  ReportReason,
  ScoreRow,
} from './store.js';

/**
 * Rows as both databases return them. They differ only in how a time and a yes/no come back
 * (`Time`: SQLite's integer milliseconds, PostgreSQL's Date; `Flag`: 0/1 or a boolean).
 */
export interface ScheduleRow<Time> {
  team_id: string;
  channel_id: string;
  time: string;
  zone: string;
  set_by: string;
  set_at: Time;
}

export interface PostErrorRow<Time> {
  team_id: string;
  channel_id: string;
  set_by: string;
  post_error: string;
  post_error_day: string;
  post_error_at: Time;
}

export interface QuizRow<Time> {
  id: string;
  team_id: string;
  channel_id: string;
  mode: QuizMode;
  quiz_date: string | null;
  asked_by: string | null;
  question: string;
  posted_at: Time;
  closes_at: Time | null;
  message_ts: string | null;
  closed_at: Time | null;
}

export interface AnswerRow<Time, Flag> {
  quiz_id: string;
  team_id: string;
  channel_id: string;
  user_id: string;
  mode: QuizMode;
  question_id: string;
  topic_id: string;
  topic_title: string;
  option: number;
  correct: Flag;
  points: number;
  answered_at: Time;
  local_date: string;
}

export interface TallyRow<Time> {
  answered: number;
  right_count: number;
  option0: number;
  option1: number;
  option2: number;
  option3: number;
  fastest_user: string | null;
  fastest_at: Time | null;
}

export interface DailyResultRow<Time, Flag> {
  quiz_id: string;
  quiz_date: string;
  question_id: string;
  topic_id: string;
  posted_at: Time;
  closed: Flag;
  answered: number;
  right_count: number;
}

export interface ScoreSqlRow {
  user_id: string;
  total_points: number;
  answered: number;
  right_count: number;
}

export interface ChannelScoreRow extends ScoreSqlRow {
  channel_id: string;
}

export interface TopicResultRow {
  channel_id: string;
  topic_id: string;
  topic_title: string;
  answered: number;
  right_count: number;
}

export interface GradedAnswerRow<Flag> {
  team_id: string;
  question_id: string;
  topic_id: string;
  user_id: string;
  correct: Flag;
}

export interface ReportRow<Time> {
  team_id: string;
  question_id: string;
  user_id: string;
  reason: ReportReason;
  reported_at: Time;
}

export interface DecisionRow<Time> {
  team_id: string;
  question_id: string;
  status: QuestionDecision['status'];
  decided_by: string;
  decided_at: Time;
}

export const GRADED_ANSWER_COLUMNS = 'team_id, question_id, topic_id, user_id, correct';
export const REPORT_COLUMNS = 'team_id, question_id, user_id, reason, reported_at';
export const DECISION_COLUMNS = 'team_id, question_id, status, decided_by, decided_at';

export const QUIZ_COLUMNS =
  'id, team_id, channel_id, mode, quiz_date, asked_by, question, posted_at, closes_at, message_ts, closed_at';
export const ANSWER_COLUMNS =
  'quiz_id, team_id, channel_id, user_id, mode, question_id, topic_id, topic_title, option, correct, points, answered_at, local_date';
export const SCHEDULE_COLUMNS = 'team_id, channel_id, time, zone, set_by, set_at';

/** An answer's columns in `ANSWER_COLUMNS` order. */
export function answerValues<Time, Flag>(
  answer: QuizAnswer,
  time: (date: Date) => Time,
  flag: (value: boolean) => Flag,
): unknown[] {
  return [
    answer.quizId,
    answer.teamId,
    answer.channelId,
    answer.userId,
    answer.mode,
    answer.questionId,
    answer.topicId,
    answer.topicTitle,
    answer.option,
    flag(answer.correct),
    answer.points,
    time(answer.answeredAt),
    answer.localDate,
  ];
}
export const POST_ERROR_COLUMNS = 'team_id, channel_id, set_by, post_error, post_error_day, post_error_at';

export function toScore(row: ScoreSqlRow): ScoreRow {
  return { userId: row.user_id, points: row.total_points, answered: row.answered, right: row.right_count };
}

/** The port's records from one database's rows, given how it returns times and yes/no values. */
export function recordsFrom<Time, Flag>(date: (time: Time) => Date, flag: (value: Flag) => boolean) {
  const dateOrNull = (time: Time | null): Date | null => (time === null ? null : date(time));
  return {
    schedule(row: ScheduleRow<Time>): ChannelSchedule {
      return {
        teamId: row.team_id,
        channelId: row.channel_id,
        time: row.time,
        zone: row.zone,
        setBy: row.set_by,
        setAt: date(row.set_at),
      };
    },
    postError(row: PostErrorRow<Time>): PostError {
      return {
        teamId: row.team_id,
        channelId: row.channel_id,
        setBy: row.set_by,
        quizDate: row.post_error_day,
        error: row.post_error,
        at: date(row.post_error_at),
      };
    },
    quiz(row: QuizRow<Time>): PostedQuiz {
      return {
        id: row.id,
        teamId: row.team_id,
        channelId: row.channel_id,
        mode: row.mode,
        quizDate: row.quiz_date,
        askedBy: row.asked_by,
        question: JSON.parse(row.question) as QuizQuestion,
        postedAt: date(row.posted_at),
        closesAt: dateOrNull(row.closes_at),
        messageTs: row.message_ts,
        closedAt: dateOrNull(row.closed_at),
      };
    },
    gradedAnswer(row: GradedAnswerRow<Flag>): GradedAnswer {
      return {
        teamId: row.team_id,
        questionId: row.question_id,
        topicId: row.topic_id,
        userId: row.user_id,
        correct: flag(row.correct),
      };
    },
    report(row: ReportRow<Time>): QuestionReport {
      return {
        teamId: row.team_id,
        questionId: row.question_id,
        userId: row.user_id,
        reason: row.reason,
        reportedAt: date(row.reported_at),
      };
    },
    decision(row: DecisionRow<Time>): QuestionDecision {
      return {
        teamId: row.team_id,
        questionId: row.question_id,
        status: row.status,
        decidedBy: row.decided_by,
        decidedAt: date(row.decided_at),
      };
    },
    answer(row: AnswerRow<Time, Flag>): QuizAnswer {
      return {
        quizId: row.quiz_id,
        teamId: row.team_id,
        channelId: row.channel_id,
        userId: row.user_id,
        mode: row.mode,
        questionId: row.question_id,
        topicId: row.topic_id,
        topicTitle: row.topic_title,
        option: row.option,
        correct: flag(row.correct),
        points: row.points,
        answeredAt: date(row.answered_at),
        localDate: row.local_date,
      };
    },
  };
}
