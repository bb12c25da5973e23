import type { Logger } from '@slack/logger';

/** Consecutive requests refused for their signature before the warning (Bolt warns about each one). */
export const SIGNATURE_FAILURES_BEFORE_WARNING = 10;

/**
 * Watches the answers to Slack's requests: when many in a row fail the signature check (HTTP 401),
 * the signing secret is the likely cause, so one warning says so. Another comes only after a request
 * has passed the check again.
 */
export class SignatureWatch {
  readonly #logger: Logger;
  readonly #threshold: number;
  #failures = 0;

  constructor(logger: Logger, threshold = SIGNATURE_FAILURES_BEFORE_WARNING) {
    this.#logger = logger;
    this.#threshold = threshold;
  }

  /** The HTTP status a request to /slack/events was answered with. */
  answered(status: number): void {
    if (status !== 401) {
      this.#failures = 0;
      return;
    }
    this.#failures += 1;
    if (this.#failures === this.#threshold) {
      this.#logger.warn(
        `${this.#threshold} requests in a row failed Slack's signature check: SLACK_SIGNING_SECRET is probably wrong (or this machine's clock is more than 5 minutes off). Copy the Signing Secret from https://api.slack.com/apps → your app → Basic Information → App Credentials`,
      );
    }
  }
}
