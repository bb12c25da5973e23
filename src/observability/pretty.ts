import { inspect } from 'node:util';

/** Fields shown in the line's head, or not at all, rather than as `key=value`. */
const HEAD_FIELDS = new Set([
  'time',
  'level',
  'name',
  'msg',
  'pid',
  'hostname',
  'request_id',
  'request_kind',
]);

const COLORS: Record<string, string> = {
  fatal: '\x1b[35m',
  error: '\x1b[31m',
  warn: '\x1b[33m',
  info: '\x1b[32m',
  debug: '\x1b[90m',
  trace: '\x1b[90m',
};
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

function value(field: unknown): string {
  if (typeof field === 'string') return /\s/.test(field) ? JSON.stringify(field) : field;
  return inspect(field, { breakLength: Number.POSITIVE_INFINITY, depth: 3, colors: false });
}

/**
 * One JSON log line as a person reads it in a terminal:
 * `12:34:56.789 INFO  aws-tutor: message key=value [request id]`, an error's stack underneath.
 */
export function formatPretty(line: string, options: { colors: boolean }): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const paint = (color: string | undefined, text: string) =>
    options.colors && color ? `${color}${text}${RESET}` : text;
  const level = String(entry.level ?? 'info');
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const head = [
    paint(DIM, time),
    paint(COLORS[level], level.toUpperCase().padEnd(5)),
    entry.name ? paint(DIM, `${String(entry.name)}:`) : '',
    String(entry.msg ?? ''),
  ].filter(Boolean);
  const err = entry.err as { stack?: unknown } | undefined;
  const rest = Object.entries(entry)
    .filter(([key]) => !HEAD_FIELDS.has(key) && key !== 'err')
    .map(([key, field]) => `${key}=${value(field)}`);
  const request = entry.request_id
    ? [paint(DIM, `[${String(entry.request_kind)} ${String(entry.request_id)}]`)]
    : [];
  const stack = typeof err?.stack === 'string' ? `\n${paint(DIM, err.stack)}` : '';
  return `${[...head, ...rest, ...request].join(' ')}${stack}\n`;
}
