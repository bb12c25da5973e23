import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUESTION_COLUMNS } from '../../src/cli/export-questions.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import { openStore } from '../../src/store/open-store.js';
import type { PostedQuiz } from '../../src/store/store.js';
import { jsonLines, runCli } from '../helpers/cli.js';
import { answerTo } from '../helpers/quiz-records.js';

const t0 = new Date('2026-06-02T07:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function question(id: string): QuizQuestion {
  return {
    id,
    topic: { id: id.split('/')[0] ?? '', title: 'Lambda' },
    stem: 'Which of these runs functions on demand?',
    options: ['Lambda', 'ECS', 'Fargate', 'Batch'],
    answer: 0,
    explanation: '✓ A. Lambda',
    source: { file: 'compute.md', heading: 'Lambda', line: 3 },
    kind: 'which-service',
    difficulty: 0.4,
  };
}

function practice(id: string, questionId: string, userId: string, teamId = 'T1'): PostedQuiz {
  return {
    id,
    teamId,
    channelId: 'C1',
    mode: 'practice',
    quizDate: null,
    askedBy: userId,
    question: question(questionId),
    postedAt: t0,
    closesAt: null,
    messageTs: null,
    closedAt: null,
  };
}

let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-export-questions-'));
  const store = await openStore({ dataDir, databaseUrl: null });
  try {
    // Twelve people answer lambda/fact/1: all right (too easy); two answer ecs/true/2, one reports it.
    for (let i = 0; i < 12; i++) {
      const quiz = practice(`p:${i}`, 'lambda/fact/00000001', `U${i}`);
      await store.createQuiz(quiz);
      await store.recordAnswer(answerTo(quiz, `U${i}`, 0, at(i)));
    }
    for (let i = 0; i < 2; i++) {
      const quiz = practice(`q:${i}`, 'ecs/true/00000002', `U${i}`);
      await store.createQuiz(quiz);
      await store.recordAnswer(answerTo(quiz, `U${i}`, i, at(20 + i)));
    }
    await store.recordReport({
      teamId: 'T1',
      questionId: 'ecs/true/00000002',
      userId: 'U1',
      reason: 'unclear',
      reportedAt: at(30),
    });
    await store.decideQuestion({
      teamId: 'T2',
      questionId: 'ecs/true/00000002',
      status: 'retired',
      decidedBy: 'UADMIN',
      decidedAt: at(40),
    });
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('tutor export questions', () => {
  it('prints each question’s statistics and standing as JSON lines, from the store in DATA_DIR', async () => {
    const result = await runCli(['export', 'questions', '--json'], {
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const rows = jsonLines(result.stdout);
    expect(rows.map((row) => `${row.teamId} ${row.questionId}`)).toEqual([
      'T1 ecs/true/00000002',
      'T1 lambda/fact/00000001',
      'T2 ecs/true/00000002',
    ]);
    expect(rows[0]).toMatchObject({
      kind: 'true-of',
      topicId: 'ecs',
      asked: 2,
      right: 1,
      shareRight: 0.5,
      discrimination: null,
      measuredDifficulty: null,
      reports: { 'wrong-answer': 0, unclear: 1, 'too-easy': 0 },
      status: 'active',
    });
    expect(rows[1]).toMatchObject({
      kind: 'which-service',
      asked: 12,
      shareRight: 1,
      measuredDifficulty: 0,
      status: 'retired',
      reasons: ['100% right: almost everybody gets it'],
    });
    expect(rows[2]).toMatchObject({ asked: 0, status: 'retired', decidedBy: 'UADMIN' });
  });

  it('prints CSV with a header by default', async () => {
    const result = await runCli(['export', 'questions'], { env: { DATA_DIR: dataDir, DATABASE_URL: '' } });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe(QUESTION_COLUMNS.join(','));
    expect(lines[2]).toBe(
      'T1,lambda/fact/00000001,which-service,lambda,12,12,1,,0,0,0,0,retired,100% right: almost everybody gets it',
    );
  });

  it('says so, and prints only the header, when DATA_DIR holds no database', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'aws-tutor-export-questions-empty-'));
    try {
      const result = await runCli(['export', 'questions'], { env: { DATA_DIR: empty, DATABASE_URL: '' } });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${QUESTION_COLUMNS.join(',')}\r\n`);
      expect(result.stderr).toMatch(/no questions answered yet/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses an option it does not know', async () => {
    const result = await runCli(['export', 'questions', '--csv']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/export questions has no option --csv/);
  });
});
