import { cleanQuestion, MAX_QUESTION_CHARS } from '../tutor/clean-question.js';

/** What a secret is replaced by in a kept question (no word a secret's name is made of). */
export const MASK = '[masked]';

/**
 * Credentials in the formats Slack, AWS and common providers use, as people paste them into a
 * question by mistake. Each pattern matches the secret alone (a key's name before it stays).
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  // A private key block, whole, or cut short where the question was.
  /-----BEGIN[A-Z ]*PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END[A-Z ]*PRIVATE KEY( BLOCK)?-----|$)/g,
  // Slack bot, user, app-level, refresh and configuration tokens.
  /\bxox[abposrce]-[A-Za-z0-9-]{8,}/g,
  /\bxapp-\d-[A-Za-z0-9-]{8,}/g,
  // AWS access key ids (long-term and temporary, users, roles, groups).
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
  // GitHub tokens and fine-grained tokens; GitLab; npm; Stripe; Google API keys; OpenAI-style keys.
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
  /\bnpm_[A-Za-z0-9]{30,}/g,
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g,
  // JSON web tokens.
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];

/** A bearer or basic credential after its scheme. */
const AUTH_SCHEME = /\b(bearer|basic|token)(\s+)([A-Za-z0-9._~+/=-]{12,})/gi;
/**
 * A value after a word that names a secret (`secret`, `password`, `api key`, `token`): an AWS
 * secret access key (40 characters) and other secret-looking values.
 */
const NAMED_SECRET =
  /\b((?:aws_)?secret(?:[ _-]?access)?(?:[ _-]?key)?|password|passwd|pwd|api[ _-]?key|access[ _-]?token|auth[ _-]?token|client[ _-]?secret|signing[ _-]?secret)(\s*(?:is|=|:|=>)?\s*["']?)([^\s"']{8,})/gi;
/** A standalone 40-character AWS-style secret key (letters of both cases, a digit, maybe / or +). */
const AWS_SECRET_SHAPE =
  /(?<![A-Za-z0-9/+])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*\d)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

/** `text` with every credential that looks like one replaced by `[masked]`. */
export function maskSecrets(text: string): string {
  let masked = text;
  for (const pattern of SECRET_PATTERNS) masked = masked.replace(pattern, MASK);
  masked = masked.replace(AUTH_SCHEME, (_, scheme: string, space: string) => `${scheme}${space}${MASK}`);
  masked = masked.replace(NAMED_SECRET, (whole: string, name: string, between: string, value: string) =>
    value.startsWith(MASK) ? whole : `${name}${between}${MASK}`,
  );
  return masked.replace(AWS_SECRET_SHAPE, MASK);
}

/**
 * A person's text as it may be kept: Slack's markup for mentions, channels and links removed (so it
 * can never ping anyone or carry a link wherever it is shown), credentials masked, and cut to 500
 * characters. Masking comes first so a secret cut in half is still masked.
 */
export function keepableText(raw: string): string {
  return cleanQuestion(maskSecrets(raw.replace(/\s+/g, ' '))).slice(0, MAX_QUESTION_CHARS);
}
