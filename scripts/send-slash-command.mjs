#!/usr/bin/env node
// Sends one `/aws` slash command to the app in HTTP mode, signed as Slack signs it, and checks the
// answer: plain Node, no dependencies (used by .ci/run against the container image).
//
//   SLACK_SIGNING_SECRET=… node scripts/send-slash-command.mjs URL TEXT [--expect WORD] [--response-url URL]
//
// URL is the app's base (http://127.0.0.1:3000) or its /slack/events. Exits 0 when the app answers
// HTTP 200 and, with --expect, its answer contains WORD (case-insensitive); prints what it got.
import { createHmac, randomBytes } from 'node:crypto';

const [base, text] = process.argv.slice(2);
function option(name) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}
const secret = process.env.SLACK_SIGNING_SECRET;
if (!base || !text || !secret) {
  console.error(
    'usage: SLACK_SIGNING_SECRET=… send-slash-command.mjs URL TEXT [--expect WORD] [--response-url URL]',
  );
  process.exit(2);
}
const url = base.endsWith('/slack/events') ? base : `${base.replace(/\/$/, '')}/slack/events`;
const expect = option('expect');

const body = new URLSearchParams({
  token: 'verification-token',
  team_id: 'T1',
  team_domain: 'fake-workspace',
  channel_id: 'C1',
  channel_name: 'general',
  user_id: 'U1',
  user_name: 'user.u1',
  command: '/aws',
  text,
  api_app_id: 'A1',
  is_enterprise_install: 'false',
  response_url: option('response-url') ?? 'http://127.0.0.1:9/response/unused',
  trigger_id: `${Date.now()}.1.${randomBytes(8).toString('hex')}`,
}).toString();
const timestamp = String(Math.floor(Date.now() / 1000));
const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

const started = Date.now();
const response = await fetch(url, {
  method: 'POST',
  headers: {
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-Slack-Request-Timestamp': timestamp,
    'X-Slack-Signature': signature,
  },
  body,
  signal: AbortSignal.timeout(10_000),
});
const answer = await response.text();
const ms = Date.now() - started;
const found = expect === undefined || answer.toLowerCase().includes(expect.toLowerCase());
console.log(
  `slash command "/aws ${text}": HTTP ${response.status} in ${ms} ms, ${answer.length} bytes${
    expect === undefined ? '' : `, ${found ? 'mentions' : 'does NOT mention'} "${expect}"`
  }`,
);
if (response.status !== 200 || !found) {
  console.log(answer.slice(0, 500));
  process.exit(1);
}
