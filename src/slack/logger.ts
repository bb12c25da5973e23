import { ConsoleLogger, type Logger, LogLevel } from '@slack/logger';
import type { LogLevel as TutorLogLevel } from '../config.js';

const LEVELS: Record<TutorLogLevel, LogLevel> = {
  error: LogLevel.ERROR,
  warn: LogLevel.WARN,
  info: LogLevel.INFO,
  debug: LogLevel.DEBUG,
};

/** The logger the Slack face and Bolt share, at the configured LOG_LEVEL. */
export function createSlackLogger(level: TutorLogLevel): Logger {
  const logger = new ConsoleLogger();
  logger.setLevel(LEVELS[level]);
  logger.setName('aws-tutor');
  return logger;
}
