/**
 * Slack as `npm run bench:quiz` needs it, on loopback: the HTTP benchmark's fake Web API, plus
 * `users.info` (everyone in Europe/Berlin, only the admin an admin), `chat.postMessage` keeping what was
 * posted (the quiz's buttons are read from it) and response URLs on the same server that note when
 * each feedback arrives.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startFakeWebApi } from '../http/fake-web-api.js';

const ZONE = 'Europe/Berlin';
const RESPONSE_PATH = '/response/';

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
}

export interface Feedback {
  /** `performance.now()` when the POST had arrived whole. */
  at: number;
  /** The message's fallback `text`. */
  text: string;
}

export interface FakeSlack {
  /** For `SLACK_API_URL`. */
  apiUrl: string;
  /** Web API calls so far, by method. */
  calls: Map<string, number>;
  /** A response URL of its own for `tag`: what is POSTed there is kept for `feedback(tag)`. */
  responseUrl(tag: string): string;
  feedback(tag: string): Promise<Feedback>;
  /** The first message posted in `channel`, once it is. */
  posted(channel: string): Promise<PostedMessage>;
  close(): Promise<void>;
}

/** Values by key, whichever comes first: the value, or someone waiting for it. */
class Mailbox<T> {
  readonly #slots = new Map<string, { promise: Promise<T>; deliver: (value: T) => void }>();

  #slot(key: string) {
    let slot = this.#slots.get(key);
    if (!slot) {
      let deliver: (value: T) => void = () => undefined;
      const promise = new Promise<T>((resolve) => {
        deliver = resolve;
      });
      slot = { promise, deliver };
      this.#slots.set(key, slot);
    }
    return slot;
  }

  deliver(key: string, value: T): void {
    this.#slot(key).deliver(value);
  }

  receive(key: string): Promise<T> {
    return this.#slot(key).promise;
  }
}

/** The Web API client sends form fields, complex ones (`blocks`) as JSON; Bolt's `respond` sends JSON. */
function fieldsOf(req: IncomingMessage, body: string): Record<string, unknown> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    return JSON.parse(body) as Record<string, unknown>;
  }
  return Object.fromEntries(new URLSearchParams(body));
}

function reply(res: ServerResponse, answer: Record<string, unknown>): true {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(answer));
  return true;
}

function userInfo(userId: string, adminId: string): Record<string, unknown> {
  return {
    ok: true,
    user: {
      id: userId,
      team_id: 'T1',
      name: `user.${userId.toLowerCase()}`,
      real_name: `Bench ${userId}`,
      tz: ZONE,
      tz_label: 'Central European Time',
      tz_offset: 3600,
      is_admin: userId === adminId,
      is_owner: false,
      is_primary_owner: false,
      is_bot: false,
      deleted: false,
    },
  };
}

/** Starts the fake on a free loopback port; `adminId` is the one user `users.info` calls an admin. */
export async function startFakeSlack(adminId: string): Promise<FakeSlack> {
  const feedback = new Mailbox<Feedback>();
  const posted = new Mailbox<PostedMessage>();
  let messages = 0;

  const webApi = await startFakeWebApi((req, body, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method !== 'POST') return false;
    if (path.startsWith(RESPONSE_PATH)) {
      const at = performance.now();
      const { text } = fieldsOf(req, body);
      feedback.deliver(decodeURIComponent(path.slice(RESPONSE_PATH.length)), {
        at,
        text: String(text ?? ''),
      });
      return reply(res, { ok: true });
    }
    if (path === '/api/users.info') {
      return reply(res, userInfo(String(fieldsOf(req, body).user ?? ''), adminId));
    }
    if (path === '/api/chat.postMessage') {
      const fields = fieldsOf(req, body);
      const channel = String(fields.channel ?? '');
      messages += 1;
      // Distinct per message, as Slack's are: a quiz is known by its message's ts.
      const ts = `${Math.floor(Date.now() / 1000)}.${String(messages).padStart(6, '0')}`;
      const blocks = typeof fields.blocks === 'string' ? JSON.parse(fields.blocks) : (fields.blocks ?? []);
      const text = String(fields.text ?? '');
      posted.deliver(channel, { channel, ts, text, blocks: blocks as unknown[] });
      return reply(res, { ok: true, channel, ts, message: { type: 'message', ts, text, blocks } });
    }
    return false;
  });
  const origin = new URL(webApi.url).origin;

  return {
    apiUrl: webApi.url,
    calls: webApi.calls,
    responseUrl: (tag) => `${origin}${RESPONSE_PATH}${encodeURIComponent(tag)}`,
    feedback: (tag) => feedback.receive(tag),
    posted: (channel) => posted.receive(channel),
    close: () => webApi.close(),
  };
}
