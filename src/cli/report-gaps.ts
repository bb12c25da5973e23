import { GAP_KINDS, type GapGroup, type GapGroupKind } from '../gaps/gap-groups.js';
import { GapService } from '../gaps/gap-service.js';
import { plainStep } from '../gaps/next-step.js';
import { periodLabel } from '../quiz/period.js';
import type { ScorePeriod } from '../quiz/records.js';
import { type ExportSource, withAppStore } from './app-store.js';
import type { ExportOutput } from './export-answers.js';

const HEADINGS: Record<GapGroupKind, string> = {
  unanswered: 'Asked, and the notes don’t answer',
  downvoted: 'Answers that didn’t help (👎)',
  reported: 'Quiz questions reported or taken out',
  'weak-topic': 'Topics the team gets wrong in the quiz',
};

const UNITS: Record<GapGroupKind, [string, string]> = {
  unanswered: ['question', 'questions'],
  downvoted: ['👎', '👎'],
  reported: ['report', 'reports'],
  'weak-topic': ['answer', 'answers'],
};

/** One gap as a JSON line: kind, label, count, an example question, first and last seen, the next step. */
export function gapJsonLine(group: GapGroup): string {
  return `${JSON.stringify({
    workspace: group.teamId,
    kind: group.kind,
    label: group.label,
    count: group.count,
    example: group.example,
    firstSeen: group.firstSeen?.toISOString() ?? null,
    lastSeen: group.lastSeen?.toISOString() ?? null,
    nextStep: plainStep(group.nextStep),
  })}\n`;
}

/** The gaps as text for a terminal: per workspace and kind, each with its count, an example and the next step. */
export function gapsText(groups: readonly GapGroup[], period: ScorePeriod): string {
  if (groups.length === 0)
    return `No gaps in ${periodLabel(period)}: nothing unanswered, voted 👎, reported or weak.\n`;
  const lines: string[] = [];
  for (const teamId of [...new Set(groups.map((group) => group.teamId))]) {
    lines.push(`Gaps in the notes, workspace ${teamId}, ${periodLabel(period)}:`);
    for (const kind of GAP_KINDS) {
      const ofKind = groups.filter((group) => group.teamId === teamId && group.kind === kind);
      if (ofKind.length === 0) continue;
      lines.push('', `${HEADINGS[kind]}:`);
      for (const group of ofKind) {
        const [one, many] = UNITS[kind];
        const example = group.example && group.example !== group.label ? `, e.g. “${group.example}”` : '';
        lines.push(`  ${group.label}: ${group.count} ${group.count === 1 ? one : many}${example}`);
        lines.push(`    → ${plainStep(group.nextStep)}`);
      }
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/**
 * `tutor report gaps [week|month|all] [--json]`: what the notes miss, from the store the app uses,
 * for people who edit the notes in a terminal. A DATA_DIR without a database prints nothing and
 * creates nothing; `note` is told why.
 */
export async function reportGaps(
  source: ExportSource,
  options: { json: boolean; period: ScorePeriod; now: Date },
  output: ExportOutput,
  note: (message: string) => void,
): Promise<void> {
  const read = { what: 'the gaps', nothingYet: 'no questions kept yet' };
  await withAppStore(source, read, note, async (store) => {
    const groups = await new GapService(store).gaps(null, options.period, options.now);
    output.write(options.json ? groups.map(gapJsonLine).join('') : gapsText(groups, options.period));
  });
}
