/**
 * Prints what `npm run bench:quiz` measured: a table per store (medians when there were several rounds;
 * counts shown per round when they differ), the target, what else was seen, and a one-line JSON summary.
 */
import { availableParallelism, loadavg } from 'node:os';
import { median } from '../stats.js';
import { formatTable } from '../table.js';
import {
  firstOddFeedback,
  type ReviewFigures,
  type RoundFigures,
  reviewFigures,
  roundFigures,
} from './figures.js';
import type { RoundResult, StoreKind } from './quiz-round.js';

export const TARGET_P99_MS = 100;
/** Feedback (answer recorded and the person told) p99, for daily-quiz clicks and review answers alike. */
export const TARGET_FEEDBACK_P99_MS = 300;

export interface StoreOutcome {
  store: StoreKind;
  rounds: RoundResult[];
  /** Why the store could not be measured; null when it was. */
  unavailable: string | null;
}

export interface ReportSettings {
  users: number;
  concurrency: number;
  warmup: number;
  duplicates: number;
  rounds: number;
  loadBefore: number;
}

const fixed = (value: number, digits: number): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '-';
const rounded = (value: number, digits: number): number | null =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null;

type Metric = { [K in keyof RoundFigures]: RoundFigures[K] extends number ? K : never }[keyof RoundFigures];

interface StoreFigures {
  store: StoreKind;
  perRound: RoundFigures[];
  /** Over the rounds: timings as medians. */
  median: (metric: Metric) => number;
  /** A count as it was in every round, or each round's when they differ. */
  counts: (metric: Metric) => string;
  targetMet: boolean;
  correct: boolean;
  reviews: {
    perRound: ReviewFigures[];
    median: (metric: ReviewMetric) => number;
    counts: (metric: ReviewMetric) => string;
    targetMet: boolean;
  };
}

type ReviewMetric = {
  [K in keyof ReviewFigures]: ReviewFigures[K] extends number ? K : never;
}[keyof ReviewFigures];

function storeFigures(outcome: StoreOutcome): StoreFigures {
  const perRound = outcome.rounds.map(roundFigures);
  const medianOf = (metric: Metric) =>
    median(perRound.map((figures) => figures[metric]).filter(Number.isFinite));
  const reviews = outcome.rounds.map(reviewFigures);
  const reviewMedian = (metric: ReviewMetric) =>
    median(reviews.map((figures) => figures[metric]).filter(Number.isFinite));
  return {
    store: outcome.store,
    perRound,
    median: medianOf,
    counts: (metric) => [...new Set(perRound.map((figures) => String(figures[metric])))].join('/'),
    targetMet: medianOf('ackP99Ms') < TARGET_P99_MS && medianOf('feedbackP99Ms') < TARGET_FEEDBACK_P99_MS,
    correct: perRound.every((figures) => figures.correct) && reviews.every((figures) => figures.correct),
    reviews: {
      perRound: reviews,
      median: reviewMedian,
      counts: (metric) => [...new Set(reviews.map((figures) => String(figures[metric])))].join('/'),
      targetMet:
        reviewMedian('ackP99Ms') < TARGET_P99_MS && reviewMedian('feedbackP99Ms') < TARGET_FEEDBACK_P99_MS,
    },
  };
}

function printReviewTable(measured: readonly StoreFigures[]): void {
  console.log(
    `\nReview answers: as many people each answer a review card (a new card each, one topic), the same concurrency; then the same number of them click again.`,
  );
  const rows = measured.map(({ store, reviews }) => [
    store,
    reviews.counts('clicks'),
    reviews.counts('ackErrors'),
    fixed(reviews.median('ackP50Ms'), 1),
    fixed(reviews.median('ackP99Ms'), 1),
    fixed(reviews.median('feedbackP50Ms'), 1),
    fixed(reviews.median('feedbackP99Ms'), 1),
    reviews.counts('keptOnce'),
    `${reviews.counts('duplicatesRejected')} of ${reviews.counts('duplicatesSent')}`,
    reviews.targetMet ? 'yes' : 'NO',
  ]);
  console.log(
    formatTable(
      [
        'store',
        'answers',
        'errors',
        'ack p50 ms',
        'ack p99 ms',
        'feedback p50 ms',
        'feedback p99 ms',
        'reviewed once',
        'repeats rejected',
        `ack p99 < ${TARGET_P99_MS}, feedback p99 < ${TARGET_FEEDBACK_P99_MS}`,
      ],
      rows,
    ),
  );
}

function printTable(measured: readonly StoreFigures[], unavailable: readonly StoreOutcome[]): void {
  const rows = measured.map((figures) => [
    figures.store,
    figures.counts('clicks'),
    figures.counts('ackErrors'),
    fixed(figures.median('clicksPerSecond'), 0),
    fixed(figures.median('ackP50Ms'), 1),
    fixed(figures.median('ackP99Ms'), 1),
    fixed(figures.median('ackMaxMs'), 1),
    fixed(figures.median('feedbackP50Ms'), 1),
    fixed(figures.median('feedbackP99Ms'), 1),
    figures.counts('answersCounted'),
    figures.counts('usersKeptOnce'),
    `${figures.counts('duplicatesRejected')} of ${figures.counts('duplicatesSent')}`,
    fixed(figures.median('appCpuUsPerClick'), 0),
    fixed(figures.median('appCpu') * 100, 0),
    fixed(figures.median('loaderCpu') * 100, 0),
    figures.targetMet ? 'yes' : 'NO',
  ]);
  for (const outcome of unavailable) {
    rows.push([outcome.store, ...Array.from({ length: 14 }, () => '-'), 'not run']);
  }
  console.log(
    formatTable(
      [
        'store',
        'clicks',
        'errors',
        'clicks/s',
        'ack p50 ms',
        'ack p99 ms',
        'ack max ms',
        'feedback p50 ms',
        'feedback p99 ms',
        'answers counted',
        'users kept once',
        'repeats rejected',
        'app CPU µs/click',
        'app CPU %',
        'loader CPU %',
        `ack p99 < ${TARGET_P99_MS}, feedback p99 < ${TARGET_FEEDBACK_P99_MS}`,
      ],
      rows,
    ),
  );
}

function printNotes(outcomes: readonly StoreOutcome[], measured: readonly StoreFigures[]): void {
  for (const outcome of outcomes) {
    if (outcome.unavailable !== null) {
      console.log(`${outcome.store}: NOT MEASURED: PostgreSQL unavailable (${outcome.unavailable})`);
      continue;
    }
    const figures = measured.find((candidate) => candidate.store === outcome.store);
    if (!figures) continue;
    if (figures.perRound.length > 1) {
      const each = (metric: Metric, digits: number) =>
        figures.perRound.map((round) => fixed(round[metric], digits)).join(', ');
      console.log(
        `${outcome.store} per round: ack p99 ${each('ackP99Ms', 1)} ms; ack p50 ${each('ackP50Ms', 1)} ms; ` +
          `feedback p99 ${each('feedbackP99Ms', 1)} ms`,
      );
    }
    const last = outcome.rounds[outcome.rounds.length - 1];
    if (last) {
      const calls = Object.entries(last.webApiCalls)
        .map(([method, n]) => `${method}×${n}`)
        .join(', ');
      const warmup = last.warmup ? `warm-up ack p99 ${fixed(figures.median('warmupAckP99Ms'), 1)} ms; ` : '';
      console.log(
        `${outcome.store}: ${warmup}Web API calls in the last round ${calls || 'none'}; ` +
          `stopped: ${last.stop.how} in ${fixed(last.stop.ms, 0)} ms`,
      );
    }
    for (const [i, round] of outcome.rounds.entries()) {
      const odd = firstOddFeedback(round);
      if (odd) console.log(`  round ${i + 1}: unexpected feedback, first: ${odd}`);
      if (round.output.length > 0) {
        console.log(
          `  round ${i + 1}: the app printed ${round.output.length} line(s) at LOG_LEVEL=warn, first: ${round.output[0]}`,
        );
      }
      const kept = round.count;
      if (!(figures.perRound[i]?.correct ?? true)) {
        console.log(
          `  round ${i + 1}: ANSWERS WRONG: tally ${kept.tallied}, exported ${kept.exported}, kept once ${kept.keptOnce}, ` +
            `repeated ${kept.repeated}, missing ${kept.missing}, wrong option ${kept.wrongOption}, from strangers ${kept.strangers}`,
        );
      }
    }
  }
}

/** Prints the report; returns whether every measured round kept every answer exactly once. */
export function report(settings: ReportSettings, outcomes: readonly StoreOutcome[]): boolean {
  const measured = outcomes.filter((outcome) => outcome.unavailable === null).map(storeFigures);
  const unavailable = outcomes.filter((outcome) => outcome.unavailable !== null);
  const loadAfter = loadavg()[0] ?? Number.NaN;
  console.log(
    `\nDaily quiz answers over HTTP: ${settings.users} users each click once, ${settings.concurrency} in flight ` +
      '(signed block_actions on loopback; ack = HTTP 200, feedback = the POST to the response URL, both from sending). ' +
      (settings.warmup > 0
        ? `Warm-up: ${settings.warmup} clicks on another channel's quiz first, not measured. `
        : 'No warm-up: JIT warm-up and opening the connections are in the numbers. ') +
      `Then ${settings.duplicates} of the users click again.` +
      (settings.rounds > 1 ? ` Medians of ${settings.rounds} rounds, a fresh store and app each.` : ''),
  );
  console.log(
    `machine: ${availableParallelism()} CPUs; 1-minute load average ${fixed(settings.loadBefore, 2)} before, ` +
      `${fixed(loadAfter, 2)} after (the benchmark itself adds about 2). CPU % is of one core; the app's ` +
      'counts all its threads (GC helpers too), so it can pass 100%.',
  );
  printTable(measured, unavailable);
  printReviewTable(measured);
  printNotes(outcomes, measured);
  const verdicts = measured.flatMap((figures) => [
    `${figures.store} daily ${figures.targetMet ? 'met' : 'MISSED'} (ack ${fixed(figures.median('ackP99Ms'), 1)} ms, feedback ${fixed(figures.median('feedbackP99Ms'), 1)} ms)`,
    `${figures.store} review ${figures.reviews.targetMet ? 'met' : 'MISSED'} (ack ${fixed(figures.reviews.median('ackP99Ms'), 1)} ms, feedback ${fixed(figures.reviews.median('feedbackP99Ms'), 1)} ms)`,
  ]);
  console.log(
    `Targets ack p99 < ${TARGET_P99_MS} ms, feedback p99 < ${TARGET_FEEDBACK_P99_MS} ms: ${[...verdicts, ...unavailable.map((o) => `${o.store} not measured`)].join('; ')}`,
  );

  console.log(
    JSON.stringify({
      bench: 'quiz',
      users: settings.users,
      concurrency: settings.concurrency,
      warmupClicks: settings.warmup,
      repeatClicks: settings.duplicates,
      rounds: settings.rounds,
      cpus: availableParallelism(),
      loadAverage1m: [rounded(settings.loadBefore, 2), rounded(loadAfter, 2)],
      targetP99Ms: TARGET_P99_MS,
      targetFeedbackP99Ms: TARGET_FEEDBACK_P99_MS,
      stores: outcomes.map((outcome) => {
        const figures = measured.find((candidate) => candidate.store === outcome.store);
        if (!figures) return { store: outcome.store, measured: false, reason: outcome.unavailable };
        return {
          store: outcome.store,
          measured: true,
          ackP50Ms: rounded(figures.median('ackP50Ms'), 2),
          ackP99Ms: rounded(figures.median('ackP99Ms'), 2),
          ackMaxMs: rounded(figures.median('ackMaxMs'), 2),
          feedbackP50Ms: rounded(figures.median('feedbackP50Ms'), 2),
          feedbackP99Ms: rounded(figures.median('feedbackP99Ms'), 2),
          clicksPerSecond: rounded(figures.median('clicksPerSecond'), 1),
          appCpuUsPerClick: rounded(figures.median('appCpuUsPerClick'), 0),
          appCpu: rounded(figures.median('appCpu'), 2),
          loaderCpu: rounded(figures.median('loaderCpu'), 2),
          p99TargetMet: figures.targetMet,
          answersKeptOnce: figures.correct,
          review: {
            ackP50Ms: rounded(figures.reviews.median('ackP50Ms'), 2),
            ackP99Ms: rounded(figures.reviews.median('ackP99Ms'), 2),
            feedbackP50Ms: rounded(figures.reviews.median('feedbackP50Ms'), 2),
            feedbackP99Ms: rounded(figures.reviews.median('feedbackP99Ms'), 2),
            targetsMet: figures.reviews.targetMet,
            perRound: figures.reviews.perRound.map((round) => ({
              answers: round.clicks,
              ackErrors: round.ackErrors,
              ackP99Ms: rounded(round.ackP99Ms, 2),
              feedbackP99Ms: rounded(round.feedbackP99Ms, 2),
              reviewedOnce: round.keptOnce,
              repeatsRejected: round.duplicatesRejected,
            })),
          },
          perRound: figures.perRound.map((round) => ({
            clicks: round.clicks,
            ackErrors: round.ackErrors,
            ackP50Ms: rounded(round.ackP50Ms, 2),
            ackP99Ms: rounded(round.ackP99Ms, 2),
            ackMaxMs: rounded(round.ackMaxMs, 2),
            feedbackP50Ms: rounded(round.feedbackP50Ms, 2),
            feedbackP99Ms: rounded(round.feedbackP99Ms, 2),
            feedbackMissing: round.feedbackMissing,
            answersCounted: round.answersCounted,
            usersKeptOnce: round.usersKeptOnce,
            repeatsSent: round.duplicatesSent,
            repeatsRejected: round.duplicatesRejected,
          })),
        };
      }),
    }),
  );
  return measured.every((figures) => figures.correct);
}
