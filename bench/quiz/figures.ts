/** The figures `npm run bench:quiz` reports for one round, and whether the store kept the answers right. */
import { percentile } from '../stats.js';
import type { ClickResult } from './clicks.js';
import type { RoundResult } from './quiz-round.js';

export interface RoundFigures {
  clicks: number;
  /** Clicks not acknowledged with a 200. */
  ackErrors: number;
  clicksPerSecond: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  feedbackP50Ms: number;
  feedbackP99Ms: number;
  /** Clicks whose feedback never arrived. */
  feedbackMissing: number;
  /** Feedback that was neither a verdict on the click nor "already answered" (e.g. the store failed). */
  feedbackOther: number;
  /** The quiz's tally in the store after the run. */
  answersCounted: number;
  /** Users whose one kept answer is the option of their first click. */
  usersKeptOnce: number;
  duplicatesSent: number;
  /** Repeat clicks told "you already answered" (the first answer kept). */
  duplicatesRejected: number;
  warmupAckP99Ms: number;
  appCpuUsPerClick: number;
  /** CPU time over the measured clicks as a share of one core: the app's (all threads), the loader's. */
  appCpu: number;
  loaderCpu: number;
  /** Every answer kept exactly once, nothing else kept, every click acknowledged and answered. */
  correct: boolean;
}

const sortedMs = (values: readonly number[]): number[] =>
  values.filter(Number.isFinite).sort((a, b) => a - b);

const count = (results: readonly ClickResult[], test: (result: ClickResult) => boolean): number =>
  results.reduce((n, result) => n + (test(result) ? 1 : 0), 0);

export function roundFigures(round: RoundResult): RoundFigures {
  const { results, elapsedMs } = round.main;
  const acks = sortedMs(results.map((result) => result.ackMs));
  const feedbacks = sortedMs(results.map((result) => result.feedbackMs));
  const again = round.duplicates.results;
  const warmupAcks = sortedMs(round.warmup?.results.map((result) => result.ackMs) ?? []);
  const ackErrors = count(results, (result) => result.outcome !== '200');
  const { count: kept } = round;
  const figures = {
    clicks: results.length,
    ackErrors,
    clicksPerSecond: (results.length - ackErrors) / (elapsedMs / 1000),
    ackP50Ms: percentile(acks, 50),
    ackP99Ms: percentile(acks, 99),
    ackMaxMs: percentile(acks, 100),
    feedbackP50Ms: percentile(feedbacks, 50),
    feedbackP99Ms: percentile(feedbacks, 99),
    feedbackMissing: count(results, (result) => result.feedback === 'missing'),
    feedbackOther: count(results, (result) => result.feedback === 'other' || result.feedback === 'already'),
    answersCounted: kept.tallied,
    usersKeptOnce: kept.keptOnce,
    duplicatesSent: again.length,
    duplicatesRejected: count(again, (result) => result.feedback === 'already'),
    warmupAckP99Ms: percentile(warmupAcks, 99),
    appCpuUsPerClick: round.appCpuUsPerClick,
    appCpu: round.appCpu,
    loaderCpu: round.loaderCpu,
  };
  const correct =
    figures.ackErrors === 0 &&
    figures.feedbackMissing === 0 &&
    figures.feedbackOther === 0 &&
    kept.tallied === results.length &&
    kept.exported === results.length &&
    kept.keptOnce === results.length &&
    figures.duplicatesRejected === figures.duplicatesSent &&
    count(again, (result) => result.outcome !== '200') === 0;
  return { ...figures, correct };
}

/** A feedback text that was not a verdict, to show when something went wrong. */
export function firstOddFeedback(round: RoundResult): string | null {
  const odd =
    round.main.results.find((result) => result.feedback === 'other' || result.feedback === 'already') ??
    round.duplicates.results.find((result) => result.feedback !== 'already');
  return odd ? `${odd.click.userId} (${odd.feedback}): ${odd.feedbackText || '(nothing)'}` : null;
}

/** The figures of the review answers of one round. */
export interface ReviewFigures {
  clicks: number;
  ackErrors: number;
  ackP50Ms: number;
  ackP99Ms: number;
  feedbackP50Ms: number;
  feedbackP99Ms: number;
  feedbackMissing: number;
  feedbackOther: number;
  /** People whose card was reviewed exactly once, as they clicked first. */
  keptOnce: number;
  duplicatesSent: number;
  duplicatesRejected: number;
  /** Every card reviewed exactly once as clicked, every click acknowledged and answered, repeats refused. */
  correct: boolean;
}

export function reviewFigures(round: RoundResult): ReviewFigures {
  const { main, duplicates, count: kept } = round.review;
  const acks = sortedMs(main.results.map((result) => result.ackMs));
  const feedbacks = sortedMs(main.results.map((result) => result.feedbackMs));
  const figures = {
    clicks: main.results.length,
    ackErrors: count(main.results, (result) => result.outcome !== '200'),
    ackP50Ms: percentile(acks, 50),
    ackP99Ms: percentile(acks, 99),
    feedbackP50Ms: percentile(feedbacks, 50),
    feedbackP99Ms: percentile(feedbacks, 99),
    feedbackMissing: count(main.results, (result) => result.feedback === 'missing'),
    feedbackOther: count(
      main.results,
      (result) => result.feedback !== 'recorded' && result.feedback !== 'missing',
    ),
    keptOnce: kept.keptOnce,
    duplicatesSent: duplicates.results.length,
    duplicatesRejected: count(duplicates.results, (result) => result.feedback === 'already'),
  };
  const correct =
    figures.ackErrors === 0 &&
    figures.feedbackMissing === 0 &&
    figures.feedbackOther === 0 &&
    kept.keptOnce === figures.clicks &&
    kept.repeated === 0 &&
    figures.duplicatesRejected === figures.duplicatesSent;
  return { ...figures, correct };
}
