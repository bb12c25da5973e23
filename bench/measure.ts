/** Timing and heap measurement helpers shared by every bench section. */
import { mean, median, percentile } from './stats.js';

export function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

/** Runs `work` once untimed, then `runs` times timed; returns the median duration and the last result. */
export function medianTime<T>(runs: number, work: () => T): { ms: number; result: T } {
  const durations: number[] = [];
  // The untimed run pays for compiling the code and filling the file cache, which a server pays once.
  let result = work();
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    result = work();
    durations.push(elapsedMs(start));
  }
  return { ms: median(durations), result };
}

export interface LatencyResult<T> {
  repetitions: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /**
   * The slowest question's median over the repetitions: what the code costs one question at worst,
   * which a shared machine's pauses (they land on any question) barely move, unlike p99.
   */
  slowestMedianMs: number;
  /** What each question got on the first measured pass, in question order. */
  answers: T[];
}

const WARMUP_BUDGET_MS = 4000;
/**
 * A server answers warm. On the 2-core machine the JIT was still optimising after a second of
 * answers (p99 on `knowledge/` 1.9-4.2 ms in the next 1,000 answers) and had settled after two
 * (0.26-0.29 ms; the slowest question's median 0.23 instead of 0.28-0.33): three leave a margin.
 */
const WARMUP_MIN_MS = 3000;
const MAX_REPETITIONS = 20;

/**
 * Answers every question `repetitions` times, each call timed on its own. Warm-up passes (at least
 * three seconds, cut short after four for slow systems) let the JIT settle and estimate the
 * cost of a pass, so a slow system gets fewer repetitions rather than blowing the time budget; it
 * always gets one.
 */
export function measureLatency<T>(
  questions: readonly string[],
  answer: (question: string) => T,
  budgetMs: number,
): LatencyResult<T> {
  const warmupStart = process.hrtime.bigint();
  let warmedUp = 0;
  while (
    elapsedMs(warmupStart) < WARMUP_BUDGET_MS &&
    (warmedUp < questions.length || elapsedMs(warmupStart) < WARMUP_MIN_MS)
  ) {
    answer(questions[warmedUp % questions.length] ?? '');
    warmedUp++;
  }
  const estimatedPassMs = (elapsedMs(warmupStart) / warmedUp) * questions.length;
  const repetitions = Math.max(1, Math.min(MAX_REPETITIONS, Math.floor(budgetMs / estimatedPassMs)));

  const samplesMs: number[] = [];
  const byQuestion: number[][] = questions.map(() => []);
  const answers: T[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    questions.forEach((question, at) => {
      const start = process.hrtime.bigint();
      const result = answer(question);
      const ms = elapsedMs(start);
      samplesMs.push(ms);
      byQuestion[at]?.push(ms);
      if (repetition === 0) answers.push(result);
    });
  }
  samplesMs.sort((a, b) => a - b);
  return {
    repetitions,
    p50Ms: percentile(samplesMs, 50),
    p99Ms: percentile(samplesMs, 99),
    meanMs: mean(samplesMs),
    slowestMedianMs: Math.max(0, ...byQuestion.map((times) => median(times))),
    answers,
  };
}

/** Heap figures need a forced collection; checked up front so a run does not fail after a minute. */
export function requireExposedGc(): () => void {
  const { gc } = globalThis;
  if (!gc) throw new Error('heap figures need node --expose-gc (npm run bench passes it)');
  return gc;
}

function collectGarbage(): void {
  const gc = requireExposedGc();
  // A second pass frees what the first one's finalizers released.
  gc();
  gc();
}

/**
 * Heap, with the buffers of typed arrays, after a full collection, and how much of it `build`'s
 * result keeps alive. The result is returned so it stays reachable through the second collection.
 */
export function retainedHeap<T>(build: () => T): { heapUsedBytes: number; retainedBytes: number; value: T } {
  // Typed arrays keep their numbers outside the heap: they are held all the same.
  const held = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  collectGarbage();
  const before = held();
  const value = build();
  collectGarbage();
  const heapUsedBytes = held();
  return { heapUsedBytes, retainedBytes: heapUsedBytes - before, value };
}
