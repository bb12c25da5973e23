import { setTimeout as sleep } from 'node:timers/promises';
import type { SlackFailure } from './slack-failure.js';
import { SlackSetupError } from './token-advice.js';

/** How long to wait between attempts to reach Slack: doubling from the first wait up to the longest. */
export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

/** One attempt every 2, 4, 8, 16, then 30 s: a few lines a minute at most while Slack is away. */
export const SLACK_RETRY: RetryPolicy = { firstDelayMs: 2_000, maxDelayMs: 30_000 };

/** The wait after failed attempt number `attempt` (from 1). */
export function retryDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(attempt - 1, 30));
}

/** What one attempt came to: the value Slack gave, or why not. */
export type CheckOutcome<T> = { ok: true; value: T } | { ok: false; failure: SlackFailure };

export interface UntilAnsweredOptions {
  policy: RetryPolicy;
  /** Ends the waiting (a stop while Slack is away): the promise rejects with an AbortError. */
  signal: AbortSignal;
  /** Told after each attempt Slack did not answer, before the wait. */
  onUnreachable: (reason: string, attempt: number, delayMs: number) => void;
  /** The one line a person reads when Slack refuses the token. */
  refusal: (failure: Extract<SlackFailure, { kind: 'refused' }>) => string;
}

/**
 * Runs `check` until Slack answers it: resolves with what Slack gave, throws SlackSetupError as soon
 * as Slack refuses the token (on the first attempt or a later one), and waits between attempts while
 * Slack cannot be reached.
 */
export async function untilSlackAnswers<T>(
  check: () => Promise<CheckOutcome<T>>,
  options: UntilAnsweredOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    options.signal.throwIfAborted();
    const outcome = await check();
    if (outcome.ok) return outcome.value;
    const { failure } = outcome;
    if (failure.kind === 'refused') throw new SlackSetupError(options.refusal(failure));
    const delay = retryDelay(options.policy, attempt);
    options.onUnreachable(failure.reason, attempt, delay);
    await sleep(delay, undefined, { signal: options.signal });
  }
}
