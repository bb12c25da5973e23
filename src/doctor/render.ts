import { type CheckResult, count } from './check.js';

const MARKS: Record<CheckResult['status'], string> = { pass: '✓', fail: '✗', skip: '–' };
const COLOURS: Record<CheckResult['status'], [string, string]> = {
  pass: ['\x1b[32m', '\x1b[39m'],
  fail: ['\x1b[31m', '\x1b[39m'],
  skip: ['\x1b[2m', '\x1b[22m'],
};

export function allPassed(results: readonly CheckResult[]): boolean {
  return results.every((result) => result.status !== 'fail');
}

/** One line per check, `✓ name: what was found`, and for a failure what to do; then a summary line. */
export function renderChecks(results: readonly CheckResult[], options: { color?: boolean } = {}): string {
  const lines = results.map((result) => {
    const mark = MARKS[result.status];
    const [on, off] = options.color ? COLOURS[result.status] : ['', ''];
    const fix = result.fix ? `. ${result.fix}` : '';
    return `${on}${mark}${off} ${result.name}: ${result.detail}${fix}`;
  });
  const failed = results.filter((result) => result.status === 'fail').length;
  lines.push(failed === 0 ? 'All checks passed.' : `${count(failed, 'check')} failed.`);
  return `${lines.join('\n')}\n`;
}

/** `{ "ok": …, "checks": [{ "name", "status", "detail", "fix" }] }` on one line. */
export function renderChecksJson(results: readonly CheckResult[]): string {
  return `${JSON.stringify({ ok: allPassed(results), checks: results })}\n`;
}
