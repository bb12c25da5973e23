import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config.js';

describe('readConfig', () => {
  it('is the terminal tutor with no Slack variables', () => {
    const config = readConfig({});
    expect(config.slack).toBeNull();
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.logLevel).toBe('info');
    expect(config.knowledgeDir).toMatch(/knowledge$/);
  });

  it('picks Socket Mode with an app token and HTTP mode with a signing secret', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toEqual({
      mode: 'socket',
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
    });
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toEqual({
      mode: 'http',
      botToken: 'xoxb-1',
      signingSecret: 's',
    });
  });

  it('reads the port, the Web API URL, the store and the admins', () => {
    const config = readConfig({
      PORT: '0',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      DATABASE_URL: 'postgres://u:p@db:5432/tutor',
      DATA_DIR: '/tmp/tutor-data',
      TUTOR_ADMINS: 'U0123ABCD, W0456EFGH',
    });
    expect(config.port).toBe(0);
    expect(config.slackApiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/tutor');
    expect(config.dataDir).toBe('/tmp/tutor-data');
    expect(config.admins).toEqual(['U0123ABCD', 'W0456EFGH']);
  });

  it('keeps a daily quiz open 8 hours unless QUIZ_OPEN_HOURS says otherwise', () => {
    expect(readConfig({}).quizOpenHours).toBe(8);
    expect(readConfig({ QUIZ_OPEN_HOURS: '2.5' }).quizOpenHours).toBe(2.5);
  });

  it.each([
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_SIGNING_SECRET: 'secret' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: 's' }, 'xoxb-'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'nope' }, 'xapp-'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ TUTOR_ADMINS: 'bob' }, 'TUTOR_ADMINS'],
    [{ QUIZ_OPEN_HOURS: '0' }, 'QUIZ_OPEN_HOURS'],
    [{ QUIZ_OPEN_HOURS: 'eight' }, 'QUIZ_OPEN_HOURS'],
    [{ QUIZ_OPEN_HOURS: '30' }, 'QUIZ_OPEN_HOURS'],
  ])('stops a partial or invalid configuration with one message naming what to set: %j', (env, named) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(named);
  });

  it('never repeats a secret in its message', () => {
    const secret = 'xoxb-super-secret-value';
    expect(() => readConfig({ SLACK_BOT_TOKEN: secret })).toThrow(ConfigError);
    expect(() => readConfig({ SLACK_BOT_TOKEN: secret })).not.toThrow(secret);
    const password = 'hunter2';
    expect(() => readConfig({ DATABASE_URL: `mysql://u:${password}@h/d` })).not.toThrow(password);
  });
});
