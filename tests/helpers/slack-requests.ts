import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { request as httpRequest } from 'node:http';

/**
 * Builders for the HTTP requests Slack sends to an app (slash commands, Events API callbacks, Block Kit
 * interactions), signed the way Slack signs them, plus `postToApp` to deliver them to a Bolt app in
 * HTTP mode. The same payload objects feed the Socket Mode envelopes in `fake-socket-mode.ts`.
 */

/** Defaults shared by every builder: one workspace, one app, the bot the fake Slack answers for. */
export const SLACK_DEFAULTS = {
  teamId: 'T1',
  teamDomain: 'aws-tutor-test',
  apiAppId: 'A1',
  botUserId: 'UBOT',
  botId: 'BBOT',
  userId: 'U1',
  channelId: 'C1',
  dmChannelId: 'D1',
  /** The deprecated verification token Slack still puts in payloads. */
  verificationToken: 'verification-token',
} as const;

export type SlackRequestKind =
  | 'slash_command'
  | 'event_callback'
  | 'block_actions'
  | 'view_submission'
  | 'url_verification';

/** A request as Slack would send it: the raw body (what gets signed), its content type, and the payload object. */
export interface SlackRequest {
  kind: SlackRequestKind;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  /** The exact bytes to sign and send. */
  body: string;
  /**
   * The same payload as an object: the form fields of a slash command, the JSON of an event callback, the
   * decoded `payload=` JSON of an interaction. This is what Socket Mode puts in an envelope's `payload`.
   */
  payload: Record<string, unknown>;
}

export interface SlackSignatureHeaders {
  'X-Slack-Request-Timestamp': string;
  'X-Slack-Signature': string;
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:${timestamp}:${rawBody}` keyed by the signing secret. */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const hex = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return { 'X-Slack-Request-Timestamp': String(timestampSeconds), 'X-Slack-Signature': `v0=${hex}` };
}

let tsCounter = 0;

/** A fresh, increasing message timestamp in Slack's `seconds.micros` format. */
export function nextTs(): string {
  tsCounter += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(tsCounter % 1_000_000).padStart(6, '0')}`;
}

function triggerId(): string {
  return `${Date.now()}.${randomInt(100_000_000, 1_000_000_000)}.${randomBytes(16).toString('hex')}`;
}

function eventId(): string {
  return `Ev${randomBytes(5).toString('hex').toUpperCase()}`;
}

function clientMsgId(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function userNameFor(userId: string): string {
  return `user.${userId.toLowerCase()}`;
}

function channelNameFor(channelId: string): string {
  if (channelId.startsWith('D')) return 'directmessage';
  if (channelId.startsWith('G')) return 'privategroup';
  return `channel-${channelId.toLowerCase()}`;
}

/** The `rich_text` block Slack attaches to messages typed by a user. */
function richTextBlocks(text: string): unknown[] {
  return [
    {
      type: 'rich_text',
      block_id: randomBytes(2).toString('hex'),
      elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Slash commands
// ---------------------------------------------------------------------------------------------------

export interface SlashCommandOptions {
  text: string;
  /** Where the app's `respond()` will POST: use `fakeSlack.responseUrl()`. */
  responseUrl: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  channelName?: string;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
  triggerId?: string;
  command?: string;
}

/** The form fields Slack sends for a slash command, in Slack's order. */
export function slashCommandPayload(options: SlashCommandOptions): Record<string, string> {
  const userId = options.userId ?? SLACK_DEFAULTS.userId;
  const channelId = options.channelId ?? SLACK_DEFAULTS.channelId;
  return {
    token: SLACK_DEFAULTS.verificationToken,
    team_id: options.teamId ?? SLACK_DEFAULTS.teamId,
    team_domain: options.teamDomain ?? SLACK_DEFAULTS.teamDomain,
    channel_id: channelId,
    channel_name: options.channelName ?? channelNameFor(channelId),
    user_id: userId,
    user_name: options.userName ?? userNameFor(userId),
    command: options.command ?? '/aws',
    text: options.text,
    api_app_id: options.apiAppId ?? SLACK_DEFAULTS.apiAppId,
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? triggerId(),
  };
}

/** A slash command as Slack POSTs it: `application/x-www-form-urlencoded`. */
export function slashCommand(options: SlashCommandOptions): SlackRequest {
  const payload = slashCommandPayload(options);
  return {
    kind: 'slash_command',
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams(payload).toString(),
    payload,
  };
}

// ---------------------------------------------------------------------------------------------------
// Events API
// ---------------------------------------------------------------------------------------------------

export interface EventCallbackOptions {
  eventId?: string;
  teamId?: string;
  /** Seconds since the epoch; defaults to now. */
  eventTime?: number;
  apiAppId?: string;
  /** The installation the event is delivered for; defaults to the bot `UBOT`. */
  authorizedUserId?: string;
}

/** The JSON `event_callback` envelope Slack POSTs to the Request URL (and puts in a Socket Mode `events_api` payload). */
export function eventCallback(
  event: Record<string, unknown>,
  options: EventCallbackOptions = {},
): SlackRequest {
  const teamId = options.teamId ?? SLACK_DEFAULTS.teamId;
  const payload: Record<string, unknown> = {
    token: SLACK_DEFAULTS.verificationToken,
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: options.apiAppId ?? SLACK_DEFAULTS.apiAppId,
    event,
    type: 'event_callback',
    event_id: options.eventId ?? eventId(),
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: options.authorizedUserId ?? SLACK_DEFAULTS.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(`${teamId}:${Date.now()}`).toString('base64url')}`,
  };
  return { kind: 'event_callback', contentType: 'application/json', body: JSON.stringify(payload), payload };
}

export interface AppMentionOptions {
  /** As typed; `<@UBOT> ` is prepended unless the text already mentions the bot, as Slack's text always does. */
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  botUserId?: string;
  team?: string;
}

/** An `app_mention` event. */
export function appMention(options: AppMentionOptions): Record<string, unknown> {
  const botUserId = options.botUserId ?? SLACK_DEFAULTS.botUserId;
  const text = options.text.includes(`<@${botUserId}>`) ? options.text : `<@${botUserId}> ${options.text}`;
  const ts = options.ts ?? nextTs();
  return {
    type: 'app_mention',
    client_msg_id: clientMsgId(),
    text,
    user: options.user ?? SLACK_DEFAULTS.userId,
    ts,
    blocks: richTextBlocks(text),
    team: options.team ?? SLACK_DEFAULTS.teamId,
    channel: options.channel ?? SLACK_DEFAULTS.channelId,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
}

export interface DirectMessageOptions {
  text: string;
  user?: string;
  /** A `D…` channel id. */
  channel?: string;
  ts?: string;
  threadTs?: string;
  team?: string;
}

/** A `message` event in the app's DM (`channel_type: 'im'`), as a user typed it. */
export function directMessage(options: DirectMessageOptions): Record<string, unknown> {
  const ts = options.ts ?? nextTs();
  return {
    type: 'message',
    client_msg_id: clientMsgId(),
    text: options.text,
    user: options.user ?? SLACK_DEFAULTS.userId,
    ts,
    blocks: richTextBlocks(options.text),
    team: options.team ?? SLACK_DEFAULTS.teamId,
    channel: options.channel ?? SLACK_DEFAULTS.dmChannelId,
    event_ts: ts,
    channel_type: 'im',
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
}

export interface AppHomeOpenedOptions {
  user?: string;
  tab?: 'home' | 'messages';
  channel?: string;
}

/** An `app_home_opened` event. */
export function appHomeOpened(options: AppHomeOpenedOptions = {}): Record<string, unknown> {
  return {
    type: 'app_home_opened',
    user: options.user ?? SLACK_DEFAULTS.userId,
    channel: options.channel ?? SLACK_DEFAULTS.dmChannelId,
    tab: options.tab ?? 'home',
    event_ts: nextTs(),
  };
}

// ---------------------------------------------------------------------------------------------------
// Interactivity
// ---------------------------------------------------------------------------------------------------

export interface BlockActionOptions {
  actionId: string;
  value: string;
  /** Where the app's `respond()` will POST: use `fakeSlack.responseUrl()`. */
  responseUrl: string;
  userId?: string;
  channelId?: string;
  /** The ts of the message holding the button; a fresh one by default. */
  messageTs?: string;
  blockId?: string;
  buttonText?: string;
  teamId?: string;
  triggerId?: string;
  /** True for a button on an ephemeral message: the container says so and Slack sends no `message`. */
  ephemeral?: boolean;
  /** Replaces the computed `container`. */
  container?: Record<string, unknown>;
  /** Replaces the computed `message` (the bot's message holding the button). */
  message?: Record<string, unknown>;
}

/** The decoded payload of a `block_actions` interaction for one button click. */
export function blockActionPayload(options: BlockActionOptions): Record<string, unknown> {
  const userId = options.userId ?? SLACK_DEFAULTS.userId;
  const channelId = options.channelId ?? SLACK_DEFAULTS.channelId;
  const teamId = options.teamId ?? SLACK_DEFAULTS.teamId;
  const messageTs = options.messageTs ?? nextTs();
  const blockId = options.blockId ?? randomBytes(3).toString('hex');
  const buttonText = options.buttonText ?? options.value;
  const action = {
    action_id: options.actionId,
    block_id: blockId,
    text: { type: 'plain_text', text: buttonText, emoji: true },
    value: options.value,
    type: 'button',
    action_ts: nextTs(),
  };
  const message = options.message ?? {
    user: SLACK_DEFAULTS.botUserId,
    type: 'message',
    ts: messageTs,
    bot_id: SLACK_DEFAULTS.botId,
    app_id: SLACK_DEFAULTS.apiAppId,
    text: 'message with buttons',
    team: teamId,
    blocks: [
      {
        type: 'actions',
        block_id: blockId,
        elements: [
          {
            type: 'button',
            action_id: options.actionId,
            text: { type: 'plain_text', text: buttonText, emoji: true },
            value: options.value,
          },
        ],
      },
    ],
  };
  return {
    type: 'block_actions',
    user: { id: userId, username: userNameFor(userId), name: userNameFor(userId), team_id: teamId },
    api_app_id: SLACK_DEFAULTS.apiAppId,
    token: SLACK_DEFAULTS.verificationToken,
    container: options.container ?? {
      type: 'message',
      message_ts: messageTs,
      channel_id: channelId,
      is_ephemeral: options.ephemeral === true,
    },
    trigger_id: options.triggerId ?? triggerId(),
    team: { id: teamId, domain: SLACK_DEFAULTS.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: channelNameFor(channelId) },
    ...(options.ephemeral === true && options.message === undefined ? {} : { message }),
    state: { values: {} },
    response_url: options.responseUrl,
    actions: [action],
  };
}

/** A button click as Slack POSTs it: form-encoded, a single `payload` field holding the JSON. */
export function blockAction(options: BlockActionOptions): SlackRequest {
  const payload = blockActionPayload(options);
  return {
    kind: 'block_actions',
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    payload,
  };
}

export interface ViewSubmissionOptions {
  callbackId: string;
  privateMetadata: string;
  /** The state Slack sends: block id → action id → `{ type, value }`. */
  values: Record<string, Record<string, { type: string; value: string | null }>>;
  userId?: string;
  teamId?: string;
}

/** A modal's Submit as Slack POSTs it: form-encoded, a single `payload` field holding the JSON. */
export function viewSubmission(options: ViewSubmissionOptions): SlackRequest {
  const userId = options.userId ?? SLACK_DEFAULTS.userId;
  const teamId = options.teamId ?? SLACK_DEFAULTS.teamId;
  const payload = {
    type: 'view_submission',
    team: { id: teamId, domain: SLACK_DEFAULTS.teamDomain },
    user: { id: userId, username: userNameFor(userId), name: userNameFor(userId), team_id: teamId },
    api_app_id: SLACK_DEFAULTS.apiAppId,
    token: SLACK_DEFAULTS.verificationToken,
    trigger_id: triggerId(),
    view: {
      id: `V${randomBytes(4).toString('hex').toUpperCase()}`,
      team_id: teamId,
      type: 'modal',
      blocks: [],
      private_metadata: options.privateMetadata,
      callback_id: options.callbackId,
      state: { values: options.values },
      hash: `${nextTs()}.${randomBytes(4).toString('hex')}`,
      title: { type: 'plain_text', text: 'Modal' },
      clear_on_close: false,
      notify_on_close: false,
      root_view_id: null,
      previous_view_id: null,
      app_id: SLACK_DEFAULTS.apiAppId,
      bot_id: SLACK_DEFAULTS.botId,
    },
    response_urls: [],
    is_enterprise_install: false,
  };
  return {
    kind: 'view_submission',
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    payload,
  };
}

/** The `url_verification` handshake Slack sends when the Request URL is saved. */
export function urlVerification(challenge: string): SlackRequest {
  const payload = { token: SLACK_DEFAULTS.verificationToken, challenge, type: 'url_verification' };
  return {
    kind: 'url_verification',
    contentType: 'application/json',
    body: JSON.stringify(payload),
    payload,
  };
}

// ---------------------------------------------------------------------------------------------------
// Delivery
// ---------------------------------------------------------------------------------------------------

export interface PostToAppOptions {
  signingSecret: string;
  /** Signs with this timestamp (seconds) instead of now, e.g. to send a stale request. */
  timestampSeconds?: number;
  /** Adds `X-Slack-Retry-Num`, as Slack does when redelivering an event the app did not ack in time. */
  retryNum?: number;
  /** Adds `X-Slack-Retry-Reason`, e.g. `http_timeout`. */
  retryReason?: string;
  /** Sends a signature Bolt must reject (computed with the wrong secret). */
  forgeSignature?: boolean;
  /** Defaults to `/slack/events`, Bolt's default endpoint. */
  path?: string;
  /** Gives up after this long (default 10 s) with an error naming the request. */
  timeoutMs?: number;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
}

/** POSTs a signed Slack request to a Bolt app in HTTP mode (`${baseUrl}/slack/events`) and returns its answer. */
export async function postToApp(
  baseUrl: string,
  request: SlackRequest,
  options: PostToAppOptions,
): Promise<AppResponse> {
  const url = `${baseUrl.replace(/\/+$/, '')}${options.path ?? '/slack/events'}`;
  const secret = options.forgeSignature ? `${options.signingSecret}-forged` : options.signingSecret;
  const headers: Record<string, string> = {
    'Content-Type': request.contentType,
    'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...signSlackRequest(secret, request.body, options.timestampSeconds),
  };
  if (options.retryNum !== undefined) headers['X-Slack-Retry-Num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['X-Slack-Retry-Reason'] = options.retryReason;
  const timeoutMs = options.timeoutMs ?? 10_000;
  // node:http without an agent: the connection closes after the answer, so `app.stop()` never waits on it.
  const { status, responseHeaders, text } = await new Promise<{
    status: number;
    responseHeaders: Record<string, string>;
    text: string;
  }>((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(request.body)) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const flat: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({
            status: res.statusCode ?? 0,
            responseHeaders: flat,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.setTimeout(timeoutMs, () => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    });
    req.on('error', (error) => {
      reject(new Error(`postToApp: ${request.kind} to ${url} failed: ${error.message}`));
    });
    req.end(request.body);
  });
  const result: AppResponse = { status, headers: responseHeaders, text };
  if (text.length > 0) {
    try {
      result.json = JSON.parse(text);
    } catch {
      // not JSON: leave `json` unset
    }
  }
  return result;
}
