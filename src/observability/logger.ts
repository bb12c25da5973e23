import {
  type DestinationStream,
  destination as fileDestination,
  type Logger,
  pino,
  stdTimeFunctions,
} from 'pino';
import type { LogLevel } from '../config.js';
import { formatPretty } from './pretty.js';
import { currentRequest } from './request-context.js';
import { SecretScrubber } from './secrets.js';

/** Where finished lines go: anything with `write(line)`. */
export interface LogDestination {
  write(line: string): unknown;
}

export interface CreateLoggerOptions {
  level: LogLevel;
  /** The `name` on every line (child loggers replace it). */
  name?: string;
  /** Masked as `***` wherever they appear in a line (see secrets.ts). */
  secrets?: readonly string[];
  /** Default: standard output. */
  destination?: LogDestination;
  /** Human-readable lines instead of JSON. Default: when standard output is a terminal. */
  pretty?: boolean;
}

/** Fields whose values are secrets whatever they hold; anything else secret is caught by value. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.signingSecret',
  'signing_secret',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.cookie',
  '*.headers.cookie',
  'databaseUrl',
  'DATABASE_URL',
];

/** The request of a line from code that does not know it (see `tagAsync`); a line's own fields win. */
function requestFields(): object {
  const request = currentRequest();
  return request ? { request_id: request.id, request_kind: request.kind } : {};
}

function outputFor(options: CreateLoggerOptions): DestinationStream {
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  const target: LogDestination = pretty
    ? {
        write: (line: string) =>
          (options.destination ?? process.stdout).write(formatPretty(line, { colors: !options.destination })),
      }
    : (options.destination ?? fileDestination({ dest: 1, sync: true }));
  const scrubber = new SecretScrubber(options.secrets ?? []);
  if (scrubber.empty) return target as DestinationStream;
  return { write: (line: string) => target.write(scrubber.scrub(line)) };
}

/**
 * The process's logger: one JSON object per line (pretty in a terminal), level from LOG_LEVEL,
 * secrets masked by field and by value. Lines about a Slack request carry its id through a child
 * logger (see `requestLogger` in slack/logger.ts).
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      ...(options.name ? { name: options.name } : {}),
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: requestFields,
      redact: { paths: REDACT_PATHS, censor: '***' },
    },
    outputFor(options),
  );
}
