import pg from 'pg';
import { migratePostgres } from './migrations.js';
import { type Store, StoreError } from './store.js';

/** Few connections per replica: every query is short, and N replicas share one server's limit. */
const POOL_MAX = 5;
const CONNECT_TIMEOUT_MS = 5000;
const STATEMENT_TIMEOUT_MS = 10_000;
const IDLE_TIMEOUT_MS = 30_000;

const SECRET_PARAMETER = /pass|secret|token/i;

/**
 * `url` with its password (and any password-like query parameter) replaced by `***`: the only form
 * of a database URL that may appear in a message or a log. A value that does not parse as a URL
 * could hide a password anywhere, so none of it is shown.
 */
export function redactUrl(url: string): string {
  const notUrl = '(a value that is not a URL)';
  // Without `scheme://`, "user:password@host" would parse as a scheme and a path holding the password.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return notUrl;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notUrl;
  }
  if (parsed.password !== '') parsed.password = '***';
  for (const name of new Set(parsed.searchParams.keys())) {
    if (SECRET_PARAMETER.test(name)) parsed.searchParams.set(name, '***');
  }
  return parsed.toString();
}

/** `host:port/database` of a PostgreSQL URL, for messages (never the user's password). */
export function describePostgresTarget(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactUrl(url);
  }
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const port = parsed.port || '5432';
  const database =
    decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username);
  return `${host}:${port}/${database}`;
}

/** The passwords a driver message could conceivably echo, as written and as decoded. */
function secretsOf(url: string): string[] {
  try {
    const parsed = new URL(url);
    const secrets = [parsed.password, decodeURIComponent(parsed.password)];
    for (const [name, value] of parsed.searchParams) if (SECRET_PARAMETER.test(name)) secrets.push(value);
    return secrets.filter((secret) => secret !== '');
  } catch {
    return [];
  }
}

function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((clean, secret) => clean.replaceAll(secret, '***'), text);
}

/** What went wrong connecting or migrating, in words a person can act on. */
function explain(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const text = message ?? String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing accepts connections there (${text}): is PostgreSQL running, and are the host and port right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name does not resolve (${text})`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `the server cannot be reached (${text}): check the host, the port and any firewall`;
    case '28P01':
    case '28000':
      return `the server refused the login (${text}): check the user name and password`;
    case '3D000':
      return `${text}: create it, or fix the database name`;
    case '42501':
      return `${text}: the user needs the privilege to create tables (and schemas) for the migrations`;
    case '57P03':
      return `the server is not accepting connections yet (${text}): try again shortly`;
    case '53300':
      return `the server has no connection slots left (${text})`;
  }
  if (/timeout/i.test(text)) {
    return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s (${text}): check the host, the port and any firewall`;
  }
  return text;
}

/** Where a PostgreSQL database lives, for the messages of every store opened on it. */
export interface PostgresStoreOptions {
  /** Use (creating if missing) this schema instead of the default search path: for test isolation. */
  schema?: string;
  /** Told about trouble the store recovers from by itself (an idle connection dropped). */
  warn?: (message: string) => void;
}

/** The shared store: a small connection pool on one PostgreSQL database that every replica uses. */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  #closed = false;

  /** Use `openPostgresStore`, which migrates the database first. */
  constructor(
    pool: pg.Pool,
    /** `host:port/database`, safe to log. */
    readonly target: string,
    readonly schema: string | undefined,
  ) {
    this.#pool = pool;
  }

  async claimDelivery(key: string, receivedAt: Date): Promise<boolean> {
    const result = await this.#pool.query(
      'INSERT INTO deliveries (key, received_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
      [key, validDate(receivedAt)],
    );
    return result.rowCount === 1;
  }

  async pruneDeliveries(olderThan: Date): Promise<number> {
    const result = await this.#pool.query('DELETE FROM deliveries WHERE received_at < $1', [
      validDate(olderThan),
    ]);
    return result.rowCount ?? 0;
  }

  async ping(): Promise<void> {
    await this.#pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

function validDate(date: Date): Date {
  if (Number.isNaN(date.getTime())) throw new TypeError('the store was given an invalid Date');
  return date;
}

/**
 * Connects to the PostgreSQL database at `url` and applies pending migrations (once, however many
 * replicas start together). A database that cannot be reached, refuses the login or cannot be
 * migrated throws StoreError naming `host:port/database` and never the password.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const { schema } = options;
  const target = describePostgresTarget(url);
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreError(
      `the schema name "${schema}" is not a plain lower-case identifier (letters, digits, _; at most 63)`,
    );
  }
  const secrets = secretsOf(url);
  const warn = options.warn ?? ((message: string) => process.stderr.write(`aws-tutor: ${message}\n`));
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_MAX,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: STATEMENT_TIMEOUT_MS,
    application_name: 'aws-tutor',
    // A startup parameter, so it holds on every connection the pool ever opens.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // Without a listener, a server dropping an idle connection would crash the process.
  pool.on('error', (error) => {
    warn(
      `PostgreSQL at ${target} dropped an idle connection (${scrub(error.message, secrets)}); reconnecting on next use`,
    );
  });
  try {
    await migratePostgres(pool, { schema, where: `the PostgreSQL database at ${target}` });
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot use PostgreSQL at ${target}: ${scrub(explain(error), secrets)}`, {
      cause: error,
    });
  }
  return new PostgresStore(pool, target, schema);
}
