#!/usr/bin/env node
// A stand-in for the Slack Web API, for running the app (or its container image) with no Slack:
// plain Node, no dependencies. Start the app with SLACK_API_URL set to the URL this prints.
//
//   node scripts/fake-slack-web-api.mjs [--port N] [--host H]     (port 0, the default: any free port)
//
// Prints one JSON line once listening: {"url":"http://127.0.0.1:PORT/api/","origin":…,"port":PORT}.
// Every /api/<method> call with a token answers like Slack (`auth.test` with a bot identity, the
// message methods with a `ts`, anything else with {"ok":true}); a call without a token gets
// not_authed. POSTs to /response/<id> (use `<origin>/response/x` as a slash command's response_url)
// answer {"ok":true}. Each call is logged to stderr as one line (the method, never the token).
// Stops on SIGTERM or SIGINT.
import { createServer } from 'node:http';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

const host = option('host', '127.0.0.1');
const port = Number(option('port', '0'));
let ts = 0;

function nextTs() {
  ts += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(ts).padStart(6, '0')}`;
}

function hasToken(req, body) {
  if (/^Bearer\s+\S+/i.test(req.headers.authorization ?? '')) return true;
  return new URLSearchParams(body).has('token');
}

function answer(method, channel) {
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: 'https://fake-workspace.slack.com/',
        team: 'fake-workspace',
        user: 'aws-tutor',
        team_id: 'T1',
        user_id: 'UBOT',
        bot_id: 'BBOT',
        is_enterprise_install: false,
      };
    case 'chat.postMessage':
    case 'chat.update':
      return { ok: true, channel: channel ?? 'C1', ts: nextTs() };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: nextTs() };
    case 'users.info':
      return { ok: true, user: { id: 'U1', tz: 'UTC', tz_offset: 0, is_admin: false, is_owner: false } };
    default:
      return { ok: true };
  }
}

function channelOf(body, contentType) {
  try {
    if ((contentType ?? '').startsWith('application/json')) return JSON.parse(body).channel;
    return new URLSearchParams(body).get('channel') ?? undefined;
  } catch {
    return undefined;
  }
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    let status = 200;
    let reply;
    if (path.startsWith('/api/') && path.length > 5) {
      const method = decodeURIComponent(path.slice(5));
      reply = hasToken(req, body)
        ? answer(method, channelOf(body, req.headers['content-type']))
        : { ok: false, error: 'not_authed' };
      process.stderr.write(`fake-slack: ${method} -> ${reply.ok ? 'ok' : reply.error}\n`);
    } else if (path.startsWith('/response/')) {
      reply = { ok: true };
      process.stderr.write('fake-slack: response_url -> ok\n');
    } else {
      status = 404;
      reply = { ok: false, error: 'unknown_path' };
    }
    const text = JSON.stringify(reply);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  });
});
server.keepAliveTimeout = 1000;
server.listen(port, host, () => {
  const address = server.address();
  const origin = `http://${host}:${address.port}`;
  process.stdout.write(`${JSON.stringify({ url: `${origin}/api/`, origin, port: address.port })}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
