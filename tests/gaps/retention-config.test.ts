import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';

describe('GAPS_RETENTION_DAYS', () => {
  it('keeps unanswered questions 180 days unless told otherwise', () => {
    expect(readConfig({}).gapsRetentionDays).toBe(180);
    expect(readConfig({ GAPS_RETENTION_DAYS: ' 30 ' }).gapsRetentionDays).toBe(30);
  });

  it.each(['0', '-5', '2.5', 'forever', '99999'])('refuses %s with a message naming the variable', (raw) => {
    expect(() => readConfig({ GAPS_RETENTION_DAYS: raw })).toThrow(ConfigError);
    expect(() => readConfig({ GAPS_RETENTION_DAYS: raw })).toThrow(
      `GAPS_RETENTION_DAYS "${raw}" is not a number of days from 1 to 3650`,
    );
  });
});
