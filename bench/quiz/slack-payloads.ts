/**
 * The bodies Slack POSTs for `npm run bench:quiz`, form-encoded as Slack sends them: the `/aws` slash
 * command and a click on a quiz option (`block_actions`). Shaped like the test helpers' payloads
 * (`tests/helpers/slack-requests.ts`), which bench code does not import.
 */
import { randomBytes } from 'node:crypto';
import type { PostedMessage } from './fake-slack.js';

/** The workspace the fake's `auth.test` answers for. */
const TEAM = { id: 'T1', domain: 'aws-tutor-bench' };
const API_APP_ID = 'A1';
const BOT = { userId: 'UBOT', botId: 'BBOT' };
const VERIFICATION_TOKEN = 'verification-token';

let sequence = 0;

function triggerId(): string {
  sequence += 1;
  return `${Date.now()}.${sequence}.${randomBytes(8).toString('hex')}`;
}

/** Slack's `seconds.micros`, increasing within a run. */
function actionTs(): string {
  sequence += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(sequence % 1_000_000).padStart(6, '0')}`;
}

const userName = (userId: string): string => `user.${userId.toLowerCase()}`;

export interface SlashCommand {
  text: string;
  userId: string;
  channelId: string;
  responseUrl: string;
}

export function slashCommandBody(command: SlashCommand): string {
  return new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: command.channelId,
    channel_name: 'aws-study',
    user_id: command.userId,
    user_name: userName(command.userId),
    command: '/aws',
    text: command.text,
    api_app_id: API_APP_ID,
    is_enterprise_install: 'false',
    response_url: command.responseUrl,
    trigger_id: triggerId(),
  }).toString();
}

export interface OptionClick {
  /** The message holding the quiz's buttons, as it was posted. */
  message: PostedMessage;
  quizId: string;
  option: number;
  userId: string;
  responseUrl: string;
  /** `quiz_answer` (a daily quiz's option) or `review_answer` (a review card's); the option follows. */
  action: 'quiz_answer' | 'review_answer';
}

/**
 * A click on option `option` of the posted quiz (or review card): Slack sends the whole message along
 * with the action; `quizId` is the buttons' value.
 */
export function optionClickBody(click: OptionClick): string {
  const { message } = click;
  const actionId = `${click.action}:${click.option}`;
  const payload = {
    type: 'block_actions',
    user: {
      id: click.userId,
      username: userName(click.userId),
      name: userName(click.userId),
      team_id: TEAM.id,
    },
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: message.channel,
      is_ephemeral: false,
    },
    trigger_id: triggerId(),
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: message.channel, name: 'aws-study' },
    message: {
      user: BOT.userId,
      type: 'message',
      ts: message.ts,
      bot_id: BOT.botId,
      app_id: API_APP_ID,
      text: message.text,
      team: TEAM.id,
      blocks: message.blocks,
    },
    state: { values: {} },
    response_url: click.responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: blockIdOf(message, actionId),
        text: { type: 'plain_text', text: `Option ${click.option}`, emoji: true },
        value: click.quizId,
        type: 'button',
        action_ts: actionTs(),
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

function blockIdOf(message: PostedMessage, actionId: string): string {
  for (const block of message.blocks as { block_id?: string; elements?: { action_id?: string }[] }[]) {
    if (block.elements?.some((element) => element.action_id === actionId)) return block.block_id ?? 'quiz';
  }
  return 'quiz';
}
