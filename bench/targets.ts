/** The speed targets set for the project, each next to what the bench measured. */
import { formatTable } from './table.js';

export interface TargetCheck {
  figure: string;
  /** Undefined when the bench could not measure it (e.g. no knowledge/ folder). */
  measured: number | undefined;
  unit: 'ms' | 'ratio';
  comparison: '<' | '<=';
  limit: number;
  met: boolean | undefined;
}

export function checkTarget(
  figure: string,
  measured: number | undefined,
  unit: TargetCheck['unit'],
  comparison: TargetCheck['comparison'],
  limit: number,
): TargetCheck {
  const met = measured === undefined ? undefined : comparison === '<' ? measured < limit : measured <= limit;
  return { figure, measured, unit, comparison, limit, met };
}

const withUnit = (value: number, unit: TargetCheck['unit']): string =>
  unit === 'ms' ? `${value < 10 ? value.toFixed(3) : value.toFixed(0)} ms` : value.toFixed(2);

export function formatTargets(checks: readonly TargetCheck[]): string {
  return formatTable(
    ['figure', 'measured', 'target', 'met'],
    checks.map((check) => [
      check.figure,
      check.measured === undefined ? 'not measured' : withUnit(check.measured, check.unit),
      `${check.comparison} ${check.limit}${check.unit === 'ms' ? ' ms' : ''}`,
      check.met === undefined ? '-' : check.met ? 'yes' : 'NO',
    ]),
  );
}
