/**
 * What the tutor keeps about the questions its notes did not answer, the answers people voted on,
 * and the weekly digest. No record of a question names who asked it; a vote keeps its voter only so
 * that one person has one vote per answer.
 */

/** Where a question was asked: a direct message, a channel (a mention), or the `/aws` command. */
export type ChannelKind = 'dm' | 'channel' | 'command';

/** Why a question was kept: the notes don't cover it, the tutor only guessed, or a quiz question was reported. */
export type GapKind = 'unknown' | 'guess' | 'reported';

/** A topic as kept with a record: its title stays readable after the topic leaves the notes. */
export interface TopicLabel {
  id: string;
  title: string;
}

/** A question worth showing to whoever writes the notes, as it is kept (no user id). */
export interface NewGap {
  teamId: string;
  kind: GapKind;
  /** The question as asked, cleaned of Slack markup, secrets masked, at most 500 characters. */
  question: string;
  /** The question normalised, so that the same question asked in other words groups together. */
  questionKey: string;
  /** The reply given: its intent, topics and confidence. */
  intent: string;
  topics: TopicLabel[];
  confidence: number;
  /** Services the question is about that the notes don't cover (official names). */
  notCovered: string[];
  /** The topic nearest the question: the guess, or the first "did you mean". */
  nearest: TopicLabel | null;
  /** For a reported quiz question: its id. */
  quizQuestionId: string | null;
  channelKind: ChannelKind;
  askedAt: Date;
}

/** A kept question with its id, and when reloaded notes answered it (null while they don't). */
export interface GapRecord extends NewGap {
  id: string;
  resolvedAt: Date | null;
}

export type VoteValue = 'up' | 'down';

/** One person's vote on one answer; `answerId` names the answer (question, intent and topics). */
export interface AnswerVote {
  teamId: string;
  answerId: string;
  userId: string;
  vote: VoteValue;
  question: string;
  intent: string;
  topics: TopicLabel[];
  confidence: number;
  channelKind: ChannelKind;
  votedAt: Date;
}

/** A vote as read back for the gaps: without its voter, with what they said they were looking for. */
export type KeptVote = Omit<AnswerVote, 'userId'> & { comment: string | null };

/** What a click on 👍 or 👎 did: a first vote, a changed one, or the same vote again (a double click). */
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged';

/** Questions asked and answered (sure answers) in one workspace over some days. */
export interface QuestionTotals {
  asked: number;
  answered: number;
}

/** A workspace's weekly digest: the channel, the weekday (1 Monday … 7 Sunday), time and zone. */
export interface DigestSchedule {
  teamId: string;
  channelId: string;
  weekday: number;
  /** `HH:MM`, 24-hour clock, in `zone`. */
  time: string;
  /** IANA zone name. */
  zone: string;
  setBy: string;
  setAt: Date;
}

/**
 * What the gaps need kept. The store port extends it, and both adapters pass the same contract
 * tests. Every claim that must hold once across restarts and replicas is a database constraint.
 */
export interface GapStore {
  /** Keeps a question the notes did not answer (or a reported quiz question). */
  keepGap(gap: NewGap): Promise<void>;
  /** Adds questions asked and answered on `day` (`YYYY-MM-DD`, UTC) to the workspace's counts. */
  addQuestionCounts(teamId: string, day: string, counts: QuestionTotals): Promise<void>;
  /** The questions kept in one workspace (every workspace when null) since `since` (all when null), oldest first. */
  gapRecords(teamId: string | null, since: Date | null): Promise<GapRecord[]>;
  /** Marks kept questions as answered by the notes at `at`; returns how many were not already. */
  resolveGaps(ids: readonly string[], at: Date): Promise<number>;
  /**
   * Keeps a person's vote on an answer: one per person and answer, a later different vote replacing
   * it (and what they said they were looking for), the same vote again changing nothing.
   */
  recordVote(vote: AnswerVote): Promise<VoteOutcome>;
  /** Keeps what a person who voted 👎 was looking for; false when they have no 👎 on that answer. */
  commentOnVote(teamId: string, answerId: string, userId: string, comment: string): Promise<boolean>;
  /** The 👎 votes of one workspace (every workspace when null) since `since`, oldest first, without voters. */
  downvotes(teamId: string | null, since: Date | null): Promise<KeptVote[]>;
  /** Questions asked and answered in a workspace from `fromDay` to `toDay` (UTC days, both included). */
  questionTotals(teamId: string, fromDay: string, toDay: string): Promise<QuestionTotals>;
  /** Forgets kept questions, votes, counts and digest claims from before `olderThan`; returns how many rows went. */
  pruneGaps(olderThan: Date): Promise<number>;
  /** Sets the workspace's digest, replacing any it had. */
  saveDigestSchedule(schedule: DigestSchedule): Promise<void>;
  /** Stops the workspace's digest; false when it had none. */
  deleteDigestSchedule(teamId: string): Promise<boolean>;
  findDigestSchedule(teamId: string): Promise<DigestSchedule | null>;
  /** Every workspace's digest schedule, ordered by workspace. */
  listDigestSchedules(): Promise<DigestSchedule[]>;
  /** True only for the first claim of the workspace's digest for `slot` (its local day) made on this database. */
  claimDigest(teamId: string, slot: string, at: Date): Promise<boolean>;
  /** Gives a claim back (the post failed), so the digest can be posted again. */
  releaseDigest(teamId: string, slot: string): Promise<void>;
  /** How many personal reviews (review logs) were done in a workspace in [since, until). */
  reviewsDone(teamId: string, since: Date, until: Date): Promise<number>;
}
