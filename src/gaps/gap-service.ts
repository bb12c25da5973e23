import { periodStart } from '../quiz/period.js';
import { questionStandings, questionStats } from '../quiz/question-stats.js';
import type {
  ChannelTopicResult,
  GradedAnswer,
  QuestionDecision,
  QuestionReport,
  ScorePeriod,
} from '../quiz/records.js';
import type { Reply } from '../tutor/reply.js';
import type { AnswerRef } from './answer-ref.js';
import { buildDigest, type Digest, topicTrends } from './digest.js';
import { dueDigestSlot } from './digest-schedule.js';
import { type GapGroup, gapGroups, type NamedQuestion } from './gap-groups.js';
import { keepableText } from './keep-text.js';
import { type NotedQuestion, reportedQuestion } from './noted-question.js';
import type {
  ChannelKind,
  DigestSchedule,
  GapStore,
  QuestionTotals,
  VoteOutcome,
  VoteValue,
} from './records.js';
import { type Resolution, reask } from './resolve.js';

const DAY_MS = 86_400_000;
/** Unanswered questions re-asked after a reload: those of the last 30 days. */
const REASK_DAYS = 30;
/** How long kept questions and votes stay, unless GAPS_RETENTION_DAYS says otherwise. */
export const DEFAULT_GAPS_RETENTION_DAYS = 180;

/** The store the gaps read: their own records, and the quiz's results and reports. */
export type GapSources = GapStore & {
  channelTopicResults(teamId: string, since: Date | null): Promise<ChannelTopicResult[]>;
  gradedAnswers(teamId: string | null): Promise<GradedAnswer[]>;
  questionReports(teamId: string | null): Promise<QuestionReport[]>;
  questionDecisions(teamId: string | null): Promise<QuestionDecision[]>;
};

/** A digest due now: the workspace's schedule and the slot (its local day) it is for. */
export interface DueDigest {
  schedule: DigestSchedule;
  slot: string;
}

function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * What the tutor keeps of questions its notes fell short on, and what it makes of them: the gaps
 * view, the weekly digest and the questions new notes answer. Time always comes in as `now`.
 */
export class GapService {
  readonly #store: GapSources;
  readonly #retentionDays: number;
  /** Questions asked and answered per workspace and day, not written yet. */
  readonly #counts = new Map<string, QuestionTotals & { teamId: string; day: string }>();

  constructor(store: GapSources, options: { retentionDays?: number } = {}) {
    this.#store = store;
    this.#retentionDays = options.retentionDays ?? DEFAULT_GAPS_RETENTION_DAYS;
  }

  /**
   * Keeps a noted question: the question itself when the notes fell short, in the store now; its
   * count in memory until `flushCounts`, so an answer costs no write (the counts are statistics: a
   * crash loses at most the few not flushed yet).
   */
  async keep(noted: NotedQuestion): Promise<void> {
    this.#addCount(noted.teamId, noted.day, { asked: 1, answered: noted.answered ? 1 : 0 });
    if (noted.gap) await this.#store.keepGap(noted.gap);
  }

  #addCount(teamId: string, day: string, counts: QuestionTotals): void {
    const key = `${teamId}\0${day}`;
    const kept = this.#counts.get(key) ?? { teamId, day, asked: 0, answered: 0 };
    kept.asked += counts.asked;
    kept.answered += counts.answered;
    this.#counts.set(key, kept);
  }

  /** Writes the counts kept in memory; those the store refuses stay for the next flush. */
  async flushCounts(): Promise<void> {
    const pending = [...this.#counts.values()];
    this.#counts.clear();
    for (const [index, count] of pending.entries()) {
      try {
        await this.#store.addQuestionCounts(count.teamId, count.day, count);
      } catch (error) {
        for (const left of pending.slice(index)) this.#addCount(left.teamId, left.day, left);
        throw error;
      }
    }
  }

  /** Keeps a reported quiz question (who reported it stays with the report alone). */
  keepReport(
    quiz: Parameters<typeof reportedQuestion>[0],
    channelKind: ChannelKind,
    now: Date,
  ): Promise<void> {
    return this.#store.keepGap(reportedQuestion(quiz, channelKind, now));
  }

  /** A person's 👍 or 👎 on an answer; the answer's question is kept as it may be kept. */
  vote(
    answer: AnswerRef,
    voter: { teamId: string; userId: string },
    vote: VoteValue,
    channelKind: ChannelKind,
    now: Date,
  ): Promise<VoteOutcome> {
    return this.#store.recordVote({
      teamId: voter.teamId,
      answerId: answer.answerId,
      userId: voter.userId,
      vote,
      question: keepableText(answer.question),
      intent: answer.intent,
      topics: answer.topics,
      confidence: answer.confidence,
      channelKind,
      votedAt: now,
    });
  }

  /** What someone who voted 👎 was looking for; false when they have no 👎 on that answer (or said nothing). */
  async comment(voter: { teamId: string; userId: string }, answerId: string, text: string): Promise<boolean> {
    const kept = keepableText(text);
    if (!kept) return false;
    return this.#store.commentOnVote(voter.teamId, answerId, voter.userId, kept);
  }

  /** The gaps of one workspace (every workspace when null) over a period. */
  async gaps(
    teamId: string | null,
    period: ScorePeriod,
    now: Date,
    questions: readonly (NamedQuestion & { id: string })[] = [],
  ): Promise<GapGroup[]> {
    return this.#gapsSince(teamId, periodStart(period, now), questions);
  }

  async #gapsSince(
    teamId: string | null,
    since: Date | null,
    questions: readonly (NamedQuestion & { id: string })[] = [],
  ): Promise<GapGroup[]> {
    const store = this.#store;
    const [records, downvotes, graded, reports, decisions] = await Promise.all([
      store.gapRecords(teamId, since),
      store.downvotes(teamId, since),
      store.gradedAnswers(teamId),
      store.questionReports(teamId),
      store.questionDecisions(teamId),
    ]);
    const teams = teamId === null ? [...new Set(graded.map((answer) => answer.teamId))] : [teamId];
    const topicResults = (
      await Promise.all(
        teams.map(async (team) =>
          (await store.channelTopicResults(team, since)).map((result) => ({ ...result, teamId: team })),
        ),
      )
    ).flat();
    const standings = questionStandings(questionStats(graded, reports), decisions);
    return gapGroups({
      records,
      downvotes,
      topicResults,
      standings,
      questions: new Map(questions.map((question) => [question.id, question])),
    });
  }

  /** The digest of the seven days up to `now`. */
  async digest(teamId: string, now: Date): Promise<Digest> {
    const from = new Date(now.getTime() - 7 * DAY_MS);
    const store = this.#store;
    const [totals, groups, thisWeek, twoWeeks, reviews] = await Promise.all([
      store.questionTotals(teamId, utcDay(new Date(from.getTime() + DAY_MS)), utcDay(now)),
      this.#gapsSince(teamId, from),
      store.channelTopicResults(teamId, from),
      store.channelTopicResults(teamId, new Date(now.getTime() - 14 * DAY_MS)),
      store.reviewsDone(teamId, from, now),
    ]);
    return buildDigest({
      teamId,
      from,
      to: now,
      totals,
      groups,
      trends: topicTrends(thisWeek, twoWeeks),
      reviews,
    });
  }

  /**
   * After the notes were reloaded: re-asks the unanswered questions of the last 30 days and marks
   * those the new notes answer as resolved, in every workspace (the notes are the same for all);
   * says how many of them are `teamId`'s (every workspace's when null).
   */
  async resolveAfterReload(
    answer: (question: string) => Reply,
    teamId: string | null,
    now: Date,
  ): Promise<Resolution> {
    const records = await this.#store.gapRecords(null, new Date(now.getTime() - REASK_DAYS * DAY_MS));
    const everywhere = reask(records, answer);
    if (everywhere.resolvedIds.length > 0) await this.#store.resolveGaps(everywhere.resolvedIds, now);
    if (teamId === null) return everywhere;
    return reask(
      records.filter((record) => record.teamId === teamId),
      answer,
    );
  }

  /** Forgets what is older than the retention period; returns how many rows went. */
  prune(now: Date): Promise<number> {
    return this.#store.pruneGaps(new Date(now.getTime() - this.#retentionDays * DAY_MS));
  }

  // ---- The weekly digest's schedule ----

  setDigest(schedule: DigestSchedule): Promise<void> {
    return this.#store.saveDigestSchedule(schedule);
  }

  removeDigest(teamId: string): Promise<boolean> {
    return this.#store.deleteDigestSchedule(teamId);
  }

  digestScheduleOf(teamId: string): Promise<DigestSchedule | null> {
    return this.#store.findDigestSchedule(teamId);
  }

  /** The workspaces whose digest is due now. */
  async dueDigests(now: Date): Promise<DueDigest[]> {
    return (await this.#store.listDigestSchedules()).flatMap((schedule) => {
      const slot = dueDigestSlot(schedule, now);
      return slot === null ? [] : [{ schedule, slot }];
    });
  }

  /** True for the one caller, across restarts and replicas, that posts the digest of this slot. */
  claimDigest(due: DueDigest, now: Date): Promise<boolean> {
    return this.#store.claimDigest(due.schedule.teamId, due.slot, now);
  }

  /** Gives the slot back after a failed post, so the next run tries again. */
  releaseDigest(due: DueDigest): Promise<void> {
    return this.#store.releaseDigest(due.schedule.teamId, due.slot);
  }
}
