import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config.js';

describe('readConfig', () => {
  it('is the terminal tutor with no Slack variables', () => {
    const config = readConfig({});
    expect(config.face).toEqual({ kind: 'terminal' });
    expect(config.logLevel).toBe('info');
    expect(config.knowledgeDir).toMatch(/knowledge$/);
  });

  it('picks Socket Mode with an app token and HTTP mode with a signing secret', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).face).toEqual({
      kind: 'slack-socket',
    });
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).face).toEqual({
      kind: 'slack-http',
    });
  });

  it.each([
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_SIGNING_SECRET: 'secret' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: 's' }, 'xoxb-'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'nope' }, 'xapp-'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('stops a partial or invalid configuration with one message naming what to set: %j', (env, named) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(named);
  });

  it('never repeats a secret in its message', () => {
    const secret = 'xoxb-super-secret-value';
    try {
      readConfig({ SLACK_BOT_TOKEN: secret });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secret);
    }
    expect.assertions(1);
  });
});
