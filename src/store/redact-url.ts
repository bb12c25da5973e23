/**
 * A database URL as it may be shown: in a message, a log line or the doctor's report. Kept apart from
 * the PostgreSQL adapter so that showing a URL never loads the driver.
 */
import { SECRET_PARAMETER } from '../observability/secrets.js';

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
