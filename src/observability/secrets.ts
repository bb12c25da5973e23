/**
 * The secrets this process is given, so no log line or error message can carry one: whatever
 * formatted the text (a library's message, an error's stack, a value logged by mistake), each
 * known secret is replaced by `***` before the text is written.
 */

type Env = Record<string, string | undefined>;

/** Shorter values are not masked: masking them would garble ordinary words and protect nothing. */
export const MIN_SECRET_LENGTH = 6;

/** A URL query parameter that carries a secret (`?password=`, `?sslpassword=`, `?token=`). */
export const SECRET_PARAMETER = /pass|secret|token/i;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A database URL's password (as written and decoded) and any password-like query parameter: a
 * password that is not valid percent-encoding (`pa%zz`) is still one.
 */
export function urlSecrets(raw: string): string[] {
  try {
    const url = new URL(raw);
    const secrets = [url.password, decoded(url.password)];
    for (const [name, value] of url.searchParams) if (SECRET_PARAMETER.test(name)) secrets.push(value);
    return secrets.filter((secret) => secret !== '');
  } catch {
    return [];
  }
}

/** SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET and DATABASE_URL's password. */
export function secretsFromEnv(env: Env): string[] {
  const plain = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'].map((name) =>
    (env[name] ?? '').trim(),
  );
  return [...plain, ...urlSecrets((env.DATABASE_URL ?? '').trim())];
}

/** Replaces every known secret in a text with `***`, as written and as it appears inside JSON. */
export class SecretScrubber {
  readonly #secrets: string[];

  constructor(secrets: readonly string[]) {
    const forms = new Set<string>();
    for (const secret of secrets) {
      if (secret.length < MIN_SECRET_LENGTH) continue;
      forms.add(secret);
      forms.add(JSON.stringify(secret).slice(1, -1));
    }
    // Longest first, so a secret containing another is masked whole.
    this.#secrets = [...forms].sort((a, b) => b.length - a.length);
  }

  get empty(): boolean {
    return this.#secrets.length === 0;
  }

  scrub(text: string): string {
    let clean = text;
    for (const secret of this.#secrets) if (clean.includes(secret)) clean = clean.replaceAll(secret, '***');
    return clean;
  }
}

/** `text` with the secrets named in `env` masked. */
export function scrubSecrets(text: string, env: Env = process.env): string {
  return new SecretScrubber(secretsFromEnv(env)).scrub(text);
}
