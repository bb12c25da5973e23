import type { GradedAnswer, QuestionDecision, QuestionReport, ReportReason } from '../store/store.js';

/** A question's figures count once this many answers are in. */
export const MIN_ANSWERS = 10;
/** At or above this share right, a question teaches nothing: nearly everybody knows it. */
export const TOO_EASY_SHARE = 0.95;
/** At or below this share right, a question is probably broken or unfair: nearly nobody gets it. */
export const TOO_HARD_SHARE = 0.1;
/** Below this, people who do well get the question wrong more often than the rest. */
export const NEGATIVE_DISCRIMINATION = -0.1;
/** Reports of any kind that take a question out of the quiz… */
export const REPORTS_TO_RETIRE = 3;
/** …or reports that its answer is wrong. */
export const WRONG_ANSWER_REPORTS_TO_RETIRE = 2;

export const REPORT_REASONS: readonly ReportReason[] = ['wrong-answer', 'unclear', 'too-easy'];

/** How a question has done in one workspace. */
export interface QuestionStats {
  teamId: string;
  questionId: string;
  /** The topic of its latest answer ('' for a question reported but never answered). */
  topicId: string;
  asked: number;
  right: number;
  /** right / asked, 0..1; null before any answer. */
  shareRight: number | null;
  /**
   * Do people who do well elsewhere get it right more often than the rest? The correlation (-1..1)
   * between being right here and a person's share right on their other answers (point-biserial);
   * null before `MIN_ANSWERS` answers from people who answered something else too, or when all of
   * them were right (or wrong).
   */
  discrimination: number | null;
  reports: Record<ReportReason, number>;
  /** 1 - share right, once `MIN_ANSWERS` answers are in; null before. */
  measuredDifficulty: number | null;
}

/** A question's place in a workspace's quiz: in it, taken out, or kept in by an admin. */
export interface QuestionStanding extends QuestionStats {
  /** `retired`: out of the quiz (by its figures or reports, or by an admin); `restored`: kept in by an admin. */
  status: 'active' | 'retired' | 'restored';
  /** Why it is out (or, restored, would be), in words an admin reads. */
  reasons: string[];
  decision: QuestionDecision | null;
}

function noReports(): Record<ReportReason, number> {
  return { 'wrong-answer': 0, unclear: 0, 'too-easy': 0 };
}

function keyOf(teamId: string, questionId: string): string {
  return `${teamId}\u0000${questionId}`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * The point-biserial correlation of being right (`correct`) with `score`, or null when it is not
 * defined: too few pairs, or no spread on either side.
 */
export function pointBiserial(pairs: readonly { correct: boolean; score: number }[]): number | null {
  if (pairs.length < MIN_ANSWERS) return null;
  const right = pairs.filter((pair) => pair.correct);
  const wrong = pairs.filter((pair) => !pair.correct);
  if (right.length === 0 || wrong.length === 0) return null;
  const mean = (list: readonly { score: number }[]) =>
    list.reduce((sum, pair) => sum + pair.score, 0) / list.length;
  const all = mean(pairs);
  const variance = pairs.reduce((sum, pair) => sum + (pair.score - all) ** 2, 0) / pairs.length;
  if (variance === 0) return null;
  const p = right.length / pairs.length;
  return round(((mean(right) - mean(wrong)) / Math.sqrt(variance)) * Math.sqrt(p * (1 - p)));
}

/** The figures of every question answered or reported, per workspace, ordered by workspace and question. */
export function questionStats(
  graded: readonly GradedAnswer[],
  reports: readonly QuestionReport[],
): QuestionStats[] {
  // Each person's totals per workspace, to score them on everything but the question at hand.
  const people = new Map<string, { asked: number; right: number }>();
  for (const answer of graded) {
    const key = keyOf(answer.teamId, answer.userId);
    const totals = people.get(key) ?? { asked: 0, right: 0 };
    totals.asked++;
    if (answer.correct) totals.right++;
    people.set(key, totals);
  }
  const byQuestion = new Map<
    string,
    { stats: QuestionStats; pairs: { correct: boolean; score: number }[] }
  >();
  const entry = (teamId: string, questionId: string) => {
    const key = keyOf(teamId, questionId);
    let found = byQuestion.get(key);
    if (!found) {
      found = { stats: emptyStats(teamId, questionId), pairs: [] };
      byQuestion.set(key, found);
    }
    return found;
  };
  for (const answer of graded) {
    const { stats, pairs } = entry(answer.teamId, answer.questionId);
    stats.topicId = answer.topicId;
    stats.asked++;
    if (answer.correct) stats.right++;
    const person = people.get(keyOf(answer.teamId, answer.userId)) as { asked: number; right: number };
    const othersAsked = person.asked - 1;
    if (othersAsked > 0)
      pairs.push({ correct: answer.correct, score: (person.right - (answer.correct ? 1 : 0)) / othersAsked });
  }
  for (const report of reports) entry(report.teamId, report.questionId).stats.reports[report.reason]++;
  return [...byQuestion.values()]
    .map(({ stats, pairs }) => {
      const shareRight = stats.asked > 0 ? round(stats.right / stats.asked) : null;
      return {
        ...stats,
        shareRight,
        discrimination: pointBiserial(pairs),
        measuredDifficulty: shareRight !== null && stats.asked >= MIN_ANSWERS ? round(1 - shareRight) : null,
      };
    })
    .sort((a, b) =>
      a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : a.questionId < b.questionId ? -1 : 1,
    );
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Why a question's figures or reports take it out of the quiz; empty when they do not. */
export function retirementReasons(stats: QuestionStats): string[] {
  const reasons: string[] = [];
  const wrongAnswer = stats.reports['wrong-answer'];
  const reported = REPORT_REASONS.reduce((sum, reason) => sum + stats.reports[reason], 0);
  if (wrongAnswer >= WRONG_ANSWER_REPORTS_TO_RETIRE)
    reasons.push(`${wrongAnswer} people report a wrong answer`);
  else if (reported >= REPORTS_TO_RETIRE)
    reasons.push(
      `${reported} reports (${REPORT_REASONS.filter((reason) => stats.reports[reason] > 0)
        .map((reason) => `${stats.reports[reason]} ${reason.replace('-', ' ')}`)
        .join(', ')})`,
    );
  if (stats.asked >= MIN_ANSWERS && stats.shareRight !== null) {
    if (stats.shareRight >= TOO_EASY_SHARE)
      reasons.push(`${percent(stats.shareRight)} right: almost everybody gets it`);
    if (stats.shareRight <= TOO_HARD_SHARE)
      reasons.push(`${percent(stats.shareRight)} right: almost nobody gets it`);
  }
  if (stats.discrimination !== null && stats.discrimination < NEGATIVE_DISCRIMINATION)
    reasons.push(
      `discrimination ${stats.discrimination.toFixed(2)}: people who do well get it wrong more often`,
    );
  return reasons;
}

/** Each question's standing: its figures, admins' decisions over the automatic rules. */
export function questionStandings(
  stats: readonly QuestionStats[],
  decisions: readonly QuestionDecision[],
): QuestionStanding[] {
  const byKey = new Map(stats.map((row) => [keyOf(row.teamId, row.questionId), row]));
  // A question an admin decided on but nobody answered or reported still has a standing.
  for (const decision of decisions) {
    const key = keyOf(decision.teamId, decision.questionId);
    if (!byKey.has(key)) byKey.set(key, emptyStats(decision.teamId, decision.questionId));
  }
  const decided = new Map(
    decisions.map((decision) => [keyOf(decision.teamId, decision.questionId), decision]),
  );
  return [...byKey.entries()]
    .map(([key, row]) => {
      const decision = decided.get(key) ?? null;
      const reasons = retirementReasons(row);
      if (decision?.status === 'retired')
        return {
          ...row,
          status: 'retired' as const,
          reasons: [`retired by <@${decision.decidedBy}>`, ...reasons],
          decision,
        };
      if (decision?.status === 'restored') return { ...row, status: 'restored' as const, reasons, decision };
      return {
        ...row,
        status: reasons.length > 0 ? ('retired' as const) : ('active' as const),
        reasons,
        decision,
      };
    })
    .sort((a, b) =>
      a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : a.questionId < b.questionId ? -1 : 1,
    );
}

function emptyStats(teamId: string, questionId: string): QuestionStats {
  return {
    teamId,
    questionId,
    topicId: '',
    asked: 0,
    right: 0,
    shareRight: null,
    discrimination: null,
    reports: noReports(),
    measuredDifficulty: null,
  };
}

/** How badly a question does: out of the quiz first, then the most reported, then the least fair figures. */
export function badness(standing: QuestionStanding): number {
  const reported = REPORT_REASONS.reduce((sum, reason) => sum + standing.reports[reason], 0);
  const out = standing.status === 'retired' ? 100 : 0;
  const extreme =
    standing.asked >= MIN_ANSWERS && standing.shareRight !== null
      ? Math.abs(standing.shareRight - 0.6) * 10
      : 0;
  const unfair = standing.discrimination !== null ? Math.max(0, -standing.discrimination) * 20 : 0;
  return out + reported * 10 + extreme + unfair;
}
