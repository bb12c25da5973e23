/**
 * Clicks on a quiz's options as Slack delivers them: signed `block_actions` POSTs, a fixed number in
 * flight (a new one sent as soon as one is acknowledged). Each is timed to its HTTP 200 (the ack) and,
 * separately, to its feedback arriving at its own response URL.
 */
import type { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { send, signatureHeaders } from '../http/load.js';
import type { FakeSlack, PostedMessage } from './fake-slack.js';
import { optionClickBody } from './slack-payloads.js';

const REQUEST_TIMEOUT_MS = 10_000;
/** How long after the last ack a feedback may still arrive before it counts as missing. */
const FEEDBACK_GRACE_MS = 30_000;

export interface Click {
  userId: string;
  option: number;
  /** Names the click's response URL; unique within a run. */
  tag: string;
}

/** What the feedback said: the answer kept, an earlier one kept instead, anything else, or nothing. */
export type FeedbackKind = 'recorded' | 'already' | 'other' | 'missing';

export interface ClickResult {
  click: Click;
  /** `200`, another status, or the error code of a request that got none. */
  outcome: string;
  ackMs: number;
  /** From sending the click to its feedback's arrival; NaN when none came. */
  feedbackMs: number;
  feedback: FeedbackKind;
  feedbackText: string;
}

export interface ClickTarget {
  /** `http://127.0.0.1:<port>` of the app. */
  appUrl: string;
  /** Keep-alive, at least `concurrency` sockets: shared by the round's runs, so the warm-up opens them. */
  agent: Agent;
  signingSecret: string;
  fake: FakeSlack;
  message: PostedMessage;
  /** The option buttons' value: the quiz id, or the showing of a review card. */
  quizId: string;
  /** What the buttons answer: a daily quiz's options or a review card's. */
  action: 'quiz_answer' | 'review_answer';
}

export interface ClickRun {
  results: ClickResult[];
  /** From the first click sent to the last ack. */
  elapsedMs: number;
}

/**
 * Tells the outcomes apart by the app's wording (`renderAnswerFeedback` in src/slack/blocks/render-quiz.ts,
 * `renderReviewFeedback` in render-review.ts).
 */
function kindOf(text: string): FeedbackKind {
  if (text.startsWith('✅ Right') || text.startsWith('❌ Not quite')) return 'recorded';
  if (text.startsWith('You already answered')) return 'already';
  return 'other';
}

export async function fireClicks(
  target: ClickTarget,
  clicks: readonly Click[],
  concurrency: number,
): Promise<ClickRun> {
  const url = new URL('/slack/events', target.appUrl);
  const acks: { outcome: string; sent: number; ackMs: number }[] = [];
  let next = 0;

  const worker = async (): Promise<void> => {
    for (let i = next++; i < clicks.length; i = next++) {
      const click = clicks[i] as Click;
      const body = optionClickBody({
        message: target.message,
        quizId: target.quizId,
        action: target.action,
        option: click.option,
        userId: click.userId,
        responseUrl: target.fake.responseUrl(click.tag),
      });
      const headers = signatureHeaders(target.signingSecret, body);
      const sent = performance.now();
      const { outcome } = await send(target.agent, url, body, headers, REQUEST_TIMEOUT_MS);
      acks[i] = { outcome, sent, ackMs: performance.now() - sent };
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, clicks.length) }, worker));
  const elapsedMs = performance.now() - started;

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(resolve, FEEDBACK_GRACE_MS, null);
  });
  try {
    const feedbacks = await Promise.all(
      clicks.map((click) => Promise.race([target.fake.feedback(click.tag), deadline])),
    );
    const results = clicks.map((click, i): ClickResult => {
      const ack = acks[i] ?? { outcome: 'not sent', sent: Number.NaN, ackMs: Number.NaN };
      const feedback = feedbacks[i];
      return {
        click,
        outcome: ack.outcome,
        ackMs: ack.ackMs,
        feedbackMs: feedback ? feedback.at - ack.sent : Number.NaN,
        feedback: feedback ? kindOf(feedback.text) : 'missing',
        feedbackText: feedback?.text ?? '',
      };
    });
    return { results, elapsedMs };
  } finally {
    clearTimeout(timer);
  }
}
