import { inspect } from 'node:util';
import type { Context } from '@slack/bolt';
import { type Logger, LogLevel } from '@slack/logger';
import type { Logger as PinoLogger } from 'pino';
import type { LogLevel as TutorLogLevel } from '../config.js';
import { createLogger, type LogDestination } from '../observability/logger.js';
import { currentRequest, type RequestContext, requestOf } from '../observability/request-context.js';
import { secretsFromEnv } from '../observability/secrets.js';

const LEVELS: Record<TutorLogLevel, LogLevel> = {
  error: LogLevel.ERROR,
  warn: LogLevel.WARN,
  info: LogLevel.INFO,
  debug: LogLevel.DEBUG,
};

function text(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;
  return inspect(part, { breakLength: Number.POSITIVE_INFINITY, depth: 4 });
}

/**
 * The Slack SDKs' Logger interface on a pino logger, so Bolt's lines and ours come out alike. The
 * SDKs rename the logger they are given (`setName`): each name gets its own pino child, so every line
 * says who logged it. Parts are joined as text; an Error also goes whole (stack included) in `err`.
 */
export class PinoSlackLogger implements Logger {
  readonly #root: PinoLogger;
  readonly #children = new Map<string, PinoLogger>();
  #current: PinoLogger;
  #level: LogLevel;

  constructor(root: PinoLogger, name: string) {
    this.#root = root;
    this.#level = root.level as LogLevel;
    this.#current = this.#child(name);
  }

  /** The pino logger lines currently go to (its name is the last one set). */
  get pino(): PinoLogger {
    return this.#current;
  }

  /** Another adapter on the same output, under its own name (say, for a library that renames it). */
  named(name: string): PinoSlackLogger {
    const other = new PinoSlackLogger(this.#root, name);
    other.setLevel(this.#level);
    return other;
  }

  /** This logger with the request's id and kind on every line. */
  forRequest(request: RequestContext): PinoSlackLogger {
    const bound = new PinoSlackLogger(
      this.#current.child({ request_id: request.id, request_kind: request.kind }),
      '',
    );
    bound.setLevel(this.#level);
    return bound;
  }

  debug(...parts: unknown[]): void {
    this.#write('debug', parts);
  }

  info(...parts: unknown[]): void {
    this.#write('info', parts);
  }

  warn(...parts: unknown[]): void {
    this.#write('warn', parts);
  }

  error(...parts: unknown[]): void {
    this.#write('error', parts);
  }

  setLevel(level: LogLevel): void {
    this.#level = level;
    this.#current.level = level;
  }

  getLevel(): LogLevel {
    return this.#level;
  }

  setName(name: string): void {
    this.#current = this.#child(name);
  }

  #child(name: string): PinoLogger {
    if (name === '') return this.#root;
    let child = this.#children.get(name);
    if (!child) {
      child = this.#root.child({ name });
      this.#children.set(name, child);
    }
    child.level = this.#level;
    return child;
  }

  #write(level: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]): void {
    const logger = this.#current;
    if (!logger.isLevelEnabled(level)) return;
    const message = parts.map(text).join(' ');
    const err = parts.find((part): part is Error => part instanceof Error);
    if (err) logger[level]({ err }, message);
    else logger[level](message);
  }
}

export interface SlackLoggerOptions {
  /** Masked wherever they appear; default: the ones in the environment (see secretsFromEnv). */
  secrets?: readonly string[];
  /** Default: standard output. */
  destination?: LogDestination;
  /** Default: when standard output is a terminal. */
  pretty?: boolean;
}

/** The logger the Slack face and Bolt share, at the configured LOG_LEVEL: JSON lines, pretty in a terminal. */
export function createSlackLogger(level: TutorLogLevel, options: SlackLoggerOptions = {}): PinoSlackLogger {
  const root = createLogger({
    level: LEVELS[level],
    secrets: options.secrets ?? secretsFromEnv(process.env),
    ...(options.destination ? { destination: options.destination } : {}),
    ...(options.pretty === undefined ? {} : { pretty: options.pretty }),
  });
  return new PinoSlackLogger(root, 'aws-tutor');
}

/**
 * The logger to hand the Slack SDKs: they rename the one they are given, so ours gets its own
 * adapter under the SDKs' names and the app's lines keep saying `aws-tutor`. Any other Logger
 * (a test's recorder) is shared as it is.
 */
export function sdkLogger(logger: Logger): Logger {
  return logger instanceof PinoSlackLogger ? logger.named('bolt') : logger;
}

/**
 * The logger for lines about the request Bolt is handling: with its id when the request middleware
 * recorded one and the logger can carry fields (any other Logger, a test's recorder, as it is).
 */
export function requestLogger(logger: Logger, context: Context | undefined): Logger {
  const request = requestOf(context);
  // Tagged already where AsyncLocalStorage carries the request (debug level): once is enough.
  if (!request || !(logger instanceof PinoSlackLogger) || currentRequest() === request) return logger;
  return new RequestLogger(logger, request);
}

/**
 * A request's logger, made on its first line: most requests log nothing, and a pino child with its
 * own level costs every quiz click several microseconds before its acknowledgement.
 */
class RequestLogger implements Logger {
  #bound: PinoSlackLogger | null = null;

  constructor(
    private readonly parent: PinoSlackLogger,
    private readonly request: RequestContext,
  ) {}

  #logger(): PinoSlackLogger {
    this.#bound ??= this.parent.forRequest(this.request);
    return this.#bound;
  }

  #enabled(level: 'debug' | 'info' | 'warn' | 'error'): boolean {
    return (this.#bound ?? this.parent).pino.isLevelEnabled(level);
  }

  debug(...parts: unknown[]): void {
    if (this.#enabled('debug')) this.#logger().debug(...parts);
  }

  info(...parts: unknown[]): void {
    if (this.#enabled('info')) this.#logger().info(...parts);
  }

  warn(...parts: unknown[]): void {
    if (this.#enabled('warn')) this.#logger().warn(...parts);
  }

  error(...parts: unknown[]): void {
    if (this.#enabled('error')) this.#logger().error(...parts);
  }

  setLevel(level: LogLevel): void {
    this.#logger().setLevel(level);
  }

  getLevel(): LogLevel {
    return this.#bound ? this.#bound.getLevel() : this.parent.getLevel();
  }

  setName(name: string): void {
    this.#logger().setName(name);
  }
}
