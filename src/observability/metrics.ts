import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { AnswerOutcome } from '../quiz/records.js';
import type { Reply } from '../tutor/reply.js';
import { REQUEST_KINDS, type RequestKind } from './request-context.js';

export type Intent = Reply['intent'];

/** Every intent a reply can have: each has its series from the start (at 0), so rates are defined. */
export const INTENTS: readonly Intent[] = [
  'explain',
  'compare',
  'list',
  'quiz',
  'leaderboard',
  'help',
  'unknown',
];

/** How a quiz click ended: the store's outcomes, and `error` when the store failed. */
export type QuizOutcome = AnswerOutcome['kind'] | 'error';
const QUIZ_OUTCOMES: readonly QuizOutcome[] = ['recorded', 'already', 'closed', 'unknown', 'error'];
/** `unknown`: the click named no quiz the store knows, or the store failed before saying. */
type QuizModeLabel = 'daily' | 'practice' | 'unknown';
const QUIZ_MODES: readonly QuizModeLabel[] = ['daily', 'practice', 'unknown'];

/** From a millisecond (an answer in the ack) to the Web API's retries (seconds). */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricsOptions {
  /** The prom-client defaults too (process CPU and memory, event loop lag, GC). Default false. */
  processMetrics?: boolean;
}

/**
 * The app's Prometheus metrics, in a registry of their own. Every label value is one of a fixed few
 * (never user input), each series exists from the start (at 0), and counting costs well under a
 * microsecond on the hot path.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #answers = new Map<string, Counter.Internal>();
  readonly #answersCounter: Counter<'intent'>;
  readonly #quizAnswers = new Map<string, Counter.Internal>();
  readonly #durations = new Map<RequestKind, Histogram.Internal<'kind'>>();

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    this.#answersCounter = new Counter({
      name: 'aws_tutor_answers_total',
      help: 'Answers the tutor gave in Slack, by intent (unknown: the notes do not cover the question).',
      labelNames: ['intent'],
      registers,
    });
    for (const intent of INTENTS) {
      const series = this.#answersCounter.labels(intent);
      series.inc(0);
      this.#answers.set(intent, series);
    }

    const quizAnswers = new Counter({
      name: 'aws_tutor_quiz_answers_total',
      help: 'Quiz option clicks, by quiz mode and outcome (recorded, already answered, closed, unknown quiz, store error).',
      labelNames: ['mode', 'outcome'],
      registers,
    });
    for (const mode of QUIZ_MODES) {
      for (const outcome of QUIZ_OUTCOMES) {
        const series = quizAnswers.labels(mode, outcome);
        series.inc(0);
        this.#quizAnswers.set(`${mode}/${outcome}`, series);
      }
    }

    const durations = new Histogram({
      name: 'aws_tutor_request_duration_seconds',
      help: 'Time from a Slack request reaching the listeners until every listener finished, by kind.',
      labelNames: ['kind'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    for (const kind of REQUEST_KINDS) {
      durations.zero({ kind });
      this.#durations.set(kind, durations.labels(kind));
    }

    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  answered(intent: Intent): void {
    (this.#answers.get(intent) ?? this.#answersCounter.labels(intent)).inc();
  }

  quizAnswered(outcome: AnswerOutcome | 'error'): void {
    const kind = outcome === 'error' ? 'error' : outcome.kind;
    const mode = outcome !== 'error' && 'quiz' in outcome ? outcome.quiz.mode : 'unknown';
    this.#quizAnswers.get(`${mode}/${kind}`)?.inc();
  }

  requestTook(kind: RequestKind, seconds: number): void {
    this.#durations.get(kind)?.observe(seconds);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
