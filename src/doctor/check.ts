/** One line of `tutor doctor`: what was checked, how it went, and what to do when it failed. */
export interface CheckResult {
  /** `configuration`, `bot token`, `scopes`, `app token`, `store`, `notes`, `channels`. */
  name: string;
  /** `skip`: not checked, because it does not apply or an earlier check failed. */
  status: 'pass' | 'fail' | 'skip';
  /** What was found. */
  detail: string;
  /** What to do about it; null when there is nothing to do. */
  fix: string | null;
}

export function pass(name: string, detail: string): CheckResult {
  return { name, status: 'pass', detail, fix: null };
}

export function fail(name: string, detail: string, fix: string | null): CheckResult {
  return { name, status: 'fail', detail, fix };
}

export function skip(name: string, detail: string): CheckResult {
  return { name, status: 'skip', detail, fix: null };
}

/** `1 file`, `3 files`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
