import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionKey } from '../../src/gaps/question-key.js';
import { openStore } from '../../src/store/open-store.js';
import type { NewGap } from '../../src/store/store.js';
import { jsonLines, runCli } from '../helpers/cli.js';

// The CLI reads the wall clock; the records are dated from it.
const now = Date.now();
const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000);

function unknown(question: string, askedAt: Date, extra: Partial<NewGap> = {}): NewGap {
  return {
    teamId: 'T1',
    kind: 'unknown',
    question,
    questionKey: questionKey(question),
    intent: 'unknown',
    topics: [],
    confidence: 0.9,
    notCovered: ['AWS Glue'],
    nearest: null,
    quizQuestionId: null,
    channelKind: 'command',
    askedAt,
    ...extra,
  };
}

let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-report-gaps-'));
  const store = await openStore({ dataDir, databaseUrl: null });
  try {
    await store.keepGap(unknown('what is glue', hoursAgo(30)));
    await store.keepGap(unknown('what is glue?', hoursAgo(2)));
    await store.keepGap(unknown('glue pricing', hoursAgo(1)));
    await store.keepGap(unknown('old glue question', hoursAgo(24 * 20)));
    await store.recordVote({
      teamId: 'T1',
      answerId: 'a1',
      userId: 'U1',
      vote: 'down',
      question: 'what is ecs',
      intent: 'explain',
      topics: [{ id: 'ecs', title: 'ECS' }],
      confidence: 0.9,
      channelKind: 'dm',
      votedAt: hoursAgo(3),
    });
    await store.commentOnVote('T1', 'a1', 'U1', 'how tasks are placed');
  } finally {
    await store.close();
  }
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('tutor report gaps', () => {
  it('prints one JSON object a line per group, from the app’s store', async () => {
    const result = await runCli(['report', 'gaps', '--json'], {
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines).toEqual([
      {
        workspace: 'T1',
        kind: 'unanswered',
        label: 'AWS Glue',
        count: 4,
        example: 'what is glue?',
        firstSeen: hoursAgo(24 * 20).toISOString(),
        lastSeen: hoursAgo(1).toISOString(),
        nextStep: 'add a `# AWS Glue` topic to the notes',
      },
      {
        workspace: 'T1',
        kind: 'downvoted',
        label: 'ECS',
        count: 1,
        example: 'what is ecs',
        firstSeen: hoursAgo(3).toISOString(),
        lastSeen: hoursAgo(3).toISOString(),
        nextStep: 'the ECS answer doesn’t say “how tasks are placed”: add it to ECS',
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain('U1');
  });

  it('prints the same as text for a week, and refuses a period it does not know', async () => {
    const week = await runCli(['report', 'gaps', 'week'], { env: { DATA_DIR: dataDir, DATABASE_URL: '' } });
    expect(week.status).toBe(0);
    expect(week.stdout).toContain('Gaps in the notes, workspace T1, the last 7 days:');
    expect(week.stdout).toContain(
      '  AWS Glue: 3 questions, e.g. “what is glue?”\n    → add a `# AWS Glue` topic to the notes',
    );
    expect(week.stdout).toContain('  ECS: 1 👎, e.g. “what is ecs”');
    const bad = await runCli(['report', 'gaps', 'fortnight'], {
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/report gaps takes week, month or all/);
  });

  it('says where it looked when there is no database yet, and creates none', async () => {
    const empty = join(dataDir, 'nothing-here');
    const result = await runCli(['report', 'gaps'], { env: { DATA_DIR: empty, DATABASE_URL: '' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/no questions kept yet: .*nothing-here.*does not exist/);
  });
});
