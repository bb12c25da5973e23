import { webApi } from '@slack/bolt';

/**
 * What a failed Web API call comes to for someone setting the app up: Slack refused the token
 * (trying again will not help; a person must fix it), or Slack could not be reached or had trouble
 * of its own (trying again later will).
 */
export type SlackFailure =
  | { kind: 'refused'; code: string; neededScope: string | null }
  | { kind: 'unreachable'; reason: string };

/** Slack's answers about the token itself: wrong, revoked, expired, of the wrong kind, too narrow. */
const REFUSED_CODES = new Set([
  'not_authed',
  'invalid_auth',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'team_disabled',
  'user_removed_from_team',
  'not_allowed_token_type',
  'missing_scope',
  'no_permission',
  'ekm_access_denied',
]);

/** The first `code` (ECONNREFUSED, ENOTFOUND…) down an error's chain of causes. */
function systemCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(code)) return code;
    current = current.cause;
  }
  return null;
}

function isTimeout(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current.name === 'TimeoutError' || current.name === 'AbortError') return true;
    current = current.cause;
  }
  return false;
}

/** Why a request never got Slack's answer, in a few words (no URL, no header: this reaches /readyz). */
function requestReason(error: unknown): string {
  if (isTimeout(error)) return 'no answer in time';
  return systemCode(error) ?? (error instanceof Error ? error.message : String(error));
}

/** Sorts the error a Web API call threw into a refused token or a Slack out of reach. */
export function slackFailure(error: unknown): SlackFailure {
  const code = (error as { code?: unknown })?.code;
  if (code === webApi.ErrorCode.PlatformError) {
    const data = (error as { data?: { error?: unknown; needed?: unknown } }).data ?? {};
    const answer = String(data.error ?? 'unknown_error');
    if (REFUSED_CODES.has(answer)) {
      return {
        kind: 'refused',
        code: answer,
        neededScope: typeof data.needed === 'string' && data.needed !== '' ? data.needed : null,
      };
    }
    return { kind: 'unreachable', reason: `Slack answered ${answer}` };
  }
  if (code === webApi.ErrorCode.HTTPError) {
    return { kind: 'unreachable', reason: `HTTP ${(error as { statusCode?: unknown }).statusCode}` };
  }
  if (code === webApi.ErrorCode.RateLimitedError) {
    return { kind: 'unreachable', reason: 'rate limited' };
  }
  if (code === webApi.ErrorCode.RequestError) {
    return {
      kind: 'unreachable',
      reason: requestReason((error as { original?: unknown }).original ?? error),
    };
  }
  return { kind: 'unreachable', reason: requestReason(error) };
}

/** Where the Web API is, for a line about not reaching it: the host only (a proxy URL may hold a password). */
export function apiHost(slackApiUrl: string | null): string {
  if (!slackApiUrl) return 'slack.com';
  try {
    return new URL(slackApiUrl).host;
  } catch {
    return 'SLACK_API_URL';
  }
}
