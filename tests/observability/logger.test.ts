import { LogLevel } from '@slack/logger';
import { describe, expect, it, vi } from 'vitest';
import { formatPretty } from '../../src/observability/pretty.js';
import { SecretScrubber, scrubSecrets, secretsFromEnv, urlSecrets } from '../../src/observability/secrets.js';
import { createSlackLogger, requestLogger, sdkLogger } from '../../src/slack/logger.js';
import { RecordingLogger } from '../helpers/slack-app.js';

const BOT_TOKEN = 'xoxb-logger-test-token-1234';
const DB_PASSWORD = 'Pa$$w"rd\\logger-test';

/** A logger writing JSON lines into an array. */
function memoryLogger(level: 'error' | 'warn' | 'info' | 'debug' = 'info', secrets: string[] = [BOT_TOKEN]) {
  const raw: string[] = [];
  const logger = createSlackLogger(level, {
    secrets,
    pretty: false,
    destination: { write: (line: string) => raw.push(line) },
  });
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, raw, lines };
}

describe('the pino logger behind the Slack Logger interface', () => {
  it('writes one JSON object per line, with the level, the time, the name and the message', () => {
    const { logger, raw, lines } = memoryLogger();
    logger.info('answering from', 9, 'topics');
    expect(raw).toHaveLength(1);
    expect(raw[0]?.endsWith('\n')).toBe(true);
    expect(lines()[0]).toMatchObject({ level: 'info', name: 'aws-tutor', msg: 'answering from 9 topics' });
    expect(Date.parse(String(lines()[0]?.time))).not.toBeNaN();
  });

  it('keeps to LOG_LEVEL and to the level Bolt sets', () => {
    const { logger, lines } = memoryLogger('info');
    expect(logger.getLevel()).toBe(LogLevel.INFO);
    logger.debug('not shown');
    logger.setLevel(LogLevel.DEBUG);
    logger.debug('shown');
    logger.setLevel(LogLevel.ERROR);
    logger.warn('not shown either');
    logger.error('and an error');
    expect(lines().map((line) => line.msg)).toEqual(['shown', 'and an error']);
    expect(logger.getLevel()).toBe(LogLevel.ERROR);
  });

  it('keeps an Error whole in `err`, stack included', () => {
    const { logger, lines } = memoryLogger();
    logger.error('Slack API error:', new Error('channel_not_found'));
    const [line] = lines();
    expect(line?.msg).toBe('Slack API error: channel_not_found');
    expect(line?.err).toMatchObject({ type: 'Error', message: 'channel_not_found' });
    expect(String((line?.err as { stack?: string } | undefined)?.stack)).toMatch(/\n\s+at /);
  });

  it("gives the SDKs a logger of their own, so their renames don't touch the app's lines", () => {
    const { logger, lines } = memoryLogger();
    const sdk = sdkLogger(logger);
    sdk.setName('web-api:WebClient:0');
    sdk.info('from the SDK');
    logger.info('from the app');
    expect(lines().map((line) => [line.name, line.msg])).toEqual([
      ['web-api:WebClient:0', 'from the SDK'],
      ['aws-tutor', 'from the app'],
    ]);
    const recorder = new RecordingLogger();
    expect(sdkLogger(recorder)).toBe(recorder);
  });

  it('puts the request id and kind on the lines of a request’s logger, and only there', async () => {
    const { logger, lines } = memoryLogger();
    const context = { request: { id: 'Ev123', kind: 'event' } } as never;
    logger.info('before');
    const forRequest = requestLogger(logger, context);
    forRequest.info('at once');
    await new Promise((resolve) => setTimeout(resolve, 5));
    forRequest.warn('later');
    logger.info('after');
    expect(requestLogger(logger, {} as never)).toBe(logger);
    const recorder = new RecordingLogger();
    expect(requestLogger(recorder, context)).toBe(recorder);
    expect(lines().map((line) => [line.msg, line.request_id, line.request_kind, line.name])).toEqual([
      ['before', undefined, undefined, 'aws-tutor'],
      ['at once', 'Ev123', 'event', 'aws-tutor'],
      ['later', 'Ev123', 'event', 'aws-tutor'],
      ['after', undefined, undefined, 'aws-tutor'],
    ]);
  });

  it('makes a request’s logger only when the request logs, at the level of the logger it came from', () => {
    const { logger, lines } = memoryLogger('warn');
    const forRequest = requestLogger(logger, { request: { id: 'Ev9', kind: 'action' } } as never);
    const child = vi.spyOn(logger.pino, 'child');
    expect(forRequest.getLevel()).toBe(logger.getLevel());
    forRequest.info('below the level');
    expect(child).not.toHaveBeenCalled();
    forRequest.warn('kept');
    forRequest.error('kept too');
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines().map((line) => [line.msg, line.request_id])).toEqual([
      ['kept', 'Ev9'],
      ['kept too', 'Ev9'],
    ]);
  });

  it('makes no pino child for a request that logs nothing', () => {
    const { logger } = memoryLogger();
    const child = vi.spyOn(logger.pino, 'child');
    const forRequest = requestLogger(logger, { request: { id: 'Ev10', kind: 'action' } } as never);
    expect(forRequest).not.toBe(logger);
    expect(child).not.toHaveBeenCalled();
  });
});

describe('secrets in logs', () => {
  it('masks secret fields whatever they hold', () => {
    const { logger, raw } = memoryLogger('info', []);
    logger.pino.info(
      {
        token: 'any-token-value',
        headers: { authorization: 'Bearer something' },
        config: { signingSecret: 'abc', password: 'hunter2' },
      },
      'fields',
    );
    const line = JSON.parse(raw[0] ?? '{}');
    expect(line).toMatchObject({
      token: '***',
      headers: { authorization: '***' },
      config: { signingSecret: '***', password: '***' },
    });
    expect(raw.join('')).not.toMatch(/any-token-value|something|hunter2/);
  });

  it("masks the process's own secrets wherever a formatted message or an error puts them", () => {
    const { logger, raw } = memoryLogger('debug', [BOT_TOKEN, DB_PASSWORD]);
    logger.debug(`http request headers: {"Authorization":"Bearer ${BOT_TOKEN}"}`);
    logger.warn('an object', { nested: { value: `pw ${DB_PASSWORD}` } });
    logger.error(new Error(`login failed with ${DB_PASSWORD} for ${BOT_TOKEN}`));
    logger.pino.info({ anyField: DB_PASSWORD }, 'a field the redact paths do not name');
    const output = raw.join('');
    expect(output).not.toContain(BOT_TOKEN);
    expect(output).not.toContain(DB_PASSWORD);
    // Inside JSON the password is escaped: that form is masked too.
    expect(output).not.toContain(JSON.stringify(DB_PASSWORD).slice(1, -1));
    expect(output.match(/\*\*\*/g)?.length).toBeGreaterThanOrEqual(6);
    for (const line of raw) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('knows the secrets from the environment: Slack tokens, the signing secret, the database password', () => {
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-1-2-3-abc',
      SLACK_APP_TOKEN: 'xapp-1-A-2-def',
      SLACK_SIGNING_SECRET: 'f00dfeedf00dfeed',
      DATABASE_URL: 'postgres://tutor:p%40ss%3Aw0rd!@db.internal:5432/aws_tutor?sslpassword=key-secret-9',
      LOG_LEVEL: 'debug',
    };
    expect(secretsFromEnv(env)).toEqual(
      expect.arrayContaining([
        'xoxb-1-2-3-abc',
        'xapp-1-A-2-def',
        'f00dfeedf00dfeed',
        'p%40ss%3Aw0rd!',
        'p@ss:w0rd!',
        'key-secret-9',
      ]),
    );
    const text = 'p@ss:w0rd! and p%40ss%3Aw0rd! and xoxb-1-2-3-abc at db.internal, level debug';
    expect(scrubSecrets(text, env)).toBe('*** and *** and *** at db.internal, level debug');
  });

  it('knows a database password that is not valid percent-encoding, and no empty secret', () => {
    expect(urlSecrets('postgres://tutor:pa%zz-secret@db.internal/aws_tutor')).toEqual([
      'pa%zz-secret',
      'pa%zz-secret',
    ]);
    expect(urlSecrets('postgres://tutor@db.internal/aws_tutor')).toEqual([]);
    expect(urlSecrets('not a url')).toEqual([]);
  });

  it('leaves very short values alone: masking them would garble every line and protect nothing', () => {
    expect(new SecretScrubber(['s', 'abc']).scrub('a signing secret')).toBe('a signing secret');
    expect(new SecretScrubber(['s', 'abc']).empty).toBe(true);
  });
});

describe('pretty lines for a terminal', () => {
  it('shows the time, the level, the name, the message, the fields and the request', () => {
    const line = JSON.stringify({
      level: 'warn',
      time: '2026-06-02T07:20:01.234Z',
      pid: 1,
      hostname: 'h',
      name: 'aws-tutor',
      msg: 'slow answer',
      ms: 12,
      request_id: '123.456',
      request_kind: 'command',
    });
    expect(formatPretty(line, { colors: false })).toBe(
      '07:20:01.234 WARN  aws-tutor: slow answer ms=12 [command 123.456]\n',
    );
    expect(formatPretty(line, { colors: true })).toContain('\x1b[33mWARN ');
  });

  it('puts an error stack underneath, and passes a line that is not JSON through', () => {
    const line = JSON.stringify({
      level: 'error',
      time: '2026-06-02T07:20:01.234Z',
      msg: 'boom',
      err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at here' },
    });
    expect(formatPretty(line, { colors: false })).toBe('07:20:01.234 ERROR boom\nError: boom\n    at here\n');
    expect(formatPretty('plain text', { colors: false })).toBe('plain text\n');
  });
});
