/**
 * The baseline for `npm run bench:http`: a bare Bolt app in HTTP mode whose `/aws` handler only calls
 * `ack()`. It reads the same environment as the tutor (`SLACK_BOT_TOKEN`, `SLACK_SIGNING_SECRET`,
 * `SLACK_API_URL`, `PORT`, `LOG_LEVEL`), calls `auth.test` once at start like the tutor, and serves
 * `GET /healthz`, so both are started and measured the same way: `node dist/bench/http/bare-bolt-app.js`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, LogLevel } from '@slack/bolt';

const LOG_LEVELS: Record<string, LogLevel> = {
  error: LogLevel.ERROR,
  warn: LogLevel.WARN,
  info: LogLevel.INFO,
  debug: LogLevel.DEBUG,
};

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) {
    process.stderr.write(`bare-bolt-app: ${name} is not set\n`);
    process.exit(1);
  }
  return value;
}

async function main(): Promise<void> {
  const slackApiUrl = process.env.SLACK_API_URL?.trim();
  const app = new App({
    token: required('SLACK_BOT_TOKEN'),
    signingSecret: required('SLACK_SIGNING_SECRET'),
    logLevel: LOG_LEVELS[(process.env.LOG_LEVEL ?? 'info').toLowerCase()] ?? LogLevel.INFO,
    ...(slackApiUrl ? { clientOptions: { slackApiUrl } } : {}),
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req: IncomingMessage, res: ServerResponse) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'ok' }));
        },
      },
    ],
  });
  app.command('/aws', async ({ ack }) => {
    await ack();
  });
  await app.start(Number(process.env.PORT ?? 3000));

  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`bare-bolt-app: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
