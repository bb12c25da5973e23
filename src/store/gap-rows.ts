import type {
  AnswerVote,
  ChannelKind,
  DigestSchedule,
  GapKind,
  GapRecord,
  KeptVote,
  NewGap,
  TopicLabel,
  VoteValue,
} from '../gaps/records.js';

/** Gap rows as both databases return them (`Time`: integer ms or Date). */
export interface GapRow<Time> {
  id: number | string;
  team_id: string;
  kind: GapKind;
  question: string;
  question_key: string;
  intent: string;
  topics: string;
  confidence: number;
  not_covered: string;
  nearest_id: string | null;
  nearest_title: string | null;
  quiz_question_id: string | null;
  channel_kind: ChannelKind;
  asked_at: Time;
  resolved_at: Time | null;
}

export interface VoteRow<Time> {
  team_id: string;
  answer_id: string;
  vote: VoteValue;
  question: string;
  intent: string;
  topics: string;
  confidence: number;
  channel_kind: ChannelKind;
  comment: string | null;
  voted_at: Time;
}

export interface DigestScheduleRow<Time> {
  team_id: string;
  channel_id: string;
  weekday: number;
  time: string;
  zone: string;
  set_by: string;
  set_at: Time;
}

export const GAP_COLUMNS =
  'team_id, kind, question, question_key, intent, topics, confidence, not_covered, nearest_id, nearest_title, quiz_question_id, channel_kind, asked_at';
export const GAP_READ_COLUMNS = `id, ${GAP_COLUMNS}, resolved_at`;
export const VOTE_COLUMNS =
  'team_id, answer_id, user_id, vote, question, intent, topics, confidence, channel_kind, voted_at';
/** A vote as read back: never its voter. */
export const VOTE_READ_COLUMNS =
  'team_id, answer_id, vote, question, intent, topics, confidence, channel_kind, comment, voted_at';
export const DIGEST_SCHEDULE_COLUMNS = 'team_id, channel_id, weekday, time, zone, set_by, set_at';

/** A gap's columns in `GAP_COLUMNS` order; topics and services as JSON text. */
export function gapValues<Time>(gap: NewGap, time: (date: Date) => Time): unknown[] {
  return [
    gap.teamId,
    gap.kind,
    gap.question,
    gap.questionKey,
    gap.intent,
    JSON.stringify(gap.topics),
    gap.confidence,
    JSON.stringify(gap.notCovered),
    gap.nearest?.id ?? null,
    gap.nearest?.title ?? null,
    gap.quizQuestionId,
    gap.channelKind,
    time(gap.askedAt),
  ];
}

export function voteValues<Time>(vote: AnswerVote, time: (date: Date) => Time): unknown[] {
  return [
    vote.teamId,
    vote.answerId,
    vote.userId,
    vote.vote,
    vote.question,
    vote.intent,
    JSON.stringify(vote.topics),
    vote.confidence,
    vote.channelKind,
    time(vote.votedAt),
  ];
}

export function digestScheduleValues<Time>(schedule: DigestSchedule, time: (date: Date) => Time): unknown[] {
  return [
    schedule.teamId,
    schedule.channelId,
    schedule.weekday,
    schedule.time,
    schedule.zone,
    schedule.setBy,
    time(schedule.setAt),
  ];
}

function topicsOf(json: string): TopicLabel[] {
  const parsed = JSON.parse(json) as TopicLabel[];
  return parsed.map((topic) => ({ id: topic.id, title: topic.title }));
}

export function gapRecordsFrom<Time>(date: (time: Time) => Date) {
  return {
    gap(row: GapRow<Time>): GapRecord {
      return {
        id: String(row.id),
        teamId: row.team_id,
        kind: row.kind,
        question: row.question,
        questionKey: row.question_key,
        intent: row.intent,
        topics: topicsOf(row.topics),
        confidence: Number(row.confidence),
        notCovered: JSON.parse(row.not_covered) as string[],
        nearest:
          row.nearest_id === null ? null : { id: row.nearest_id, title: row.nearest_title ?? row.nearest_id },
        quizQuestionId: row.quiz_question_id,
        channelKind: row.channel_kind,
        askedAt: date(row.asked_at),
        resolvedAt: row.resolved_at === null ? null : date(row.resolved_at),
      };
    },
    vote(row: VoteRow<Time>): KeptVote {
      return {
        teamId: row.team_id,
        answerId: row.answer_id,
        vote: row.vote,
        question: row.question,
        intent: row.intent,
        topics: topicsOf(row.topics),
        confidence: Number(row.confidence),
        channelKind: row.channel_kind,
        comment: row.comment,
        votedAt: date(row.voted_at),
      };
    },
    schedule(row: DigestScheduleRow<Time>): DigestSchedule {
      return {
        teamId: row.team_id,
        channelId: row.channel_id,
        weekday: Number(row.weekday),
        time: row.time,
        zone: row.zone,
        setBy: row.set_by,
        setAt: date(row.set_at),
      };
    },
  };
}
