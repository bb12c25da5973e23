import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ANSWER_COLUMNS,
  answerCsvRecord,
  answerJsonLine,
  csvField,
  writeAnswers,
} from '../../src/cli/export-answers.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import { openStore, SQLITE_FILE_NAME } from '../../src/store/open-store.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import type { PostedQuiz, QuizAnswer, Store } from '../../src/store/store.js';
import { jsonLines, runCli } from '../helpers/cli.js';
import { CLI_ENTRY, PROJECT_ROOT } from '../helpers/paths.js';
import { answerTo } from '../helpers/quiz-records.js';

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
const HEADER = ANSWER_COLUMNS.join(',');

/** A topic title as notes can spell it: a comma, quotes, a line break and some unicode. */
const TRICKY_TITLE = 'Lambda, "serverless"\nfunctions — λ ✓ 日本';
/** A title a spreadsheet would run as a formula. */
const FORMULA_TITLE = '=HYPERLINK("http://evil.example","click")';

function question(id: string, topic: { id: string; title: string }, answer: 0 | 1 | 2 | 3): QuizQuestion {
  return {
    id,
    topic,
    stem: `Which one is described here: “runs code for ${topic.id}”?`,
    options: [topic.title, 'ECS', 'Fargate', 'Batch'],
    answer,
    explanation: `✓ ${topic.title}`,
    source: { file: 'compute.md', heading: topic.title, line: 3 },
    kind: 'fact-to-topic',
  };
}

const t0 = new Date('2025-03-01T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

const LAMBDA = { id: 'lambda', title: TRICKY_TITLE };
const FORMULA = { id: 'formula', title: FORMULA_TITLE };

const QUIZZES: PostedQuiz[] = [
  {
    id: 'daily:T1:C1:2025-03-01',
    teamId: 'T1',
    channelId: 'C1',
    mode: 'daily',
    quizDate: '2025-03-01',
    askedBy: null,
    question: question('lambda/fact/0001', LAMBDA, 0),
    postedAt: t0,
    closesAt: at(3_600_000),
    messageTs: '1740819600.000100',
    closedAt: null,
  },
  {
    id: 'practice:U3:1',
    teamId: 'T1',
    channelId: 'D3',
    mode: 'practice',
    quizDate: null,
    askedBy: 'U3',
    question: question('formula/fact/0002', FORMULA, 2),
    postedAt: at(10),
    closesAt: null,
    messageTs: null,
    closedAt: null,
  },
  {
    id: 'daily:T2:C9:2025-03-01',
    teamId: 'T2',
    channelId: 'C9',
    mode: 'daily',
    quizDate: '2025-03-01',
    askedBy: null,
    question: question('lambda/fact/0001', LAMBDA, 0),
    postedAt: at(20),
    closesAt: at(3_600_000),
    messageTs: '1740819600.000200',
    closedAt: null,
  },
];

function answer(quiz: PostedQuiz, userId: string, option: number, ms: number, localDate: string): QuizAnswer {
  return answerTo(quiz, userId, option, at(ms), { localDate });
}

const [DAILY, PRACTICE, OTHER_TEAM] = QUIZZES as [PostedQuiz, PostedQuiz, PostedQuiz];

/** In the export's order: oldest first, then quiz id, then user id. */
const ANSWERS: QuizAnswer[] = [
  answer(DAILY, 'U1', 0, 1_123, '2025-03-01'),
  answer(DAILY, 'U2', 3, 2_000, '2025-03-01'),
  answer(OTHER_TEAM, 'U1', 0, 2_000, '2025-03-01'),
  answer(PRACTICE, 'U3', 2, 5_000, '2025-02-28'),
  answer(PRACTICE, 'U4', 1, 5_000, '2025-03-02'),
];

async function seed(store: Store, answers: readonly QuizAnswer[] = ANSWERS): Promise<void> {
  for (const quiz of QUIZZES) expect(await store.createQuiz(quiz)).toBe(true);
  // Recorded out of order: the export sorts.
  for (const item of [...answers].reverse()) expect((await store.recordAnswer(item)).recorded).toBe(true);
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"' && field === '') {
      const end = /^"((?:[^"]|"")*)"/s.exec(text.slice(i));
      if (!end) throw new Error(`unterminated quoted field at ${i}`);
      field = (end[1] as string).replaceAll('""', '"');
      i += end[0].length;
      if (text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a quoted field at ${i}`);
      continue;
    }
    if (char === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (char === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`a CR without LF at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (char === '\n') {
      throw new Error(`a bare LF outside quotes at ${i}`);
    } else {
      field += char;
      i++;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

/** What the CSV should hold for an answer, formula guard included. */
function expectedRecord(item: QuizAnswer): string[] {
  const guard = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);
  return [
    item.teamId,
    item.channelId,
    item.quizId,
    item.questionId,
    item.topicId,
    guard(item.topicTitle),
    item.userId,
    String(item.option),
    'ABCD'[item.option] as string,
    String(item.correct),
    String(item.points),
    item.answeredAt.toISOString(),
    item.localDate,
    item.mode,
  ];
}

function expectedJson(item: QuizAnswer): Record<string, unknown> {
  return { ...item, answeredAt: item.answeredAt.toISOString() };
}

const root = mkdtempSync(join(tmpdir(), 'aws-tutor-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
function freshDataDir(): string {
  counter += 1;
  return join(root, `data-${counter}`);
}

/** The CLI reads DATA_DIR / DATABASE_URL from the environment the helpers pass on. */
function useStore(env: { dataDir?: string; databaseUrl?: string }): void {
  vi.stubEnv('DATA_DIR', env.dataDir ?? join(root, 'unused'));
  vi.stubEnv('DATABASE_URL', env.databaseUrl ?? '');
}
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('CSV fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=A1,B1', `"'=A1,B1"`],
    ['λ ✓', 'λ ✓'],
    ['', ''],
  ])('%j -> %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('writes numbers and booleans as they are', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField(false)).toBe('false');
  });

  it('writes one answer as a CRLF-terminated record of every column', () => {
    const [item] = ANSWERS as [QuizAnswer];
    const records = parseCsv(answerCsvRecord(item));
    expect(records).toEqual([expectedRecord(item)]);
    expect(records[0]).toHaveLength(ANSWER_COLUMNS.length);
  });

  it("writes one answer as a JSON line with QuizAnswer's keys", () => {
    const [item] = ANSWERS as [QuizAnswer];
    const line = answerJsonLine(item);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(expectedJson(item));
    expect(Object.keys(JSON.parse(line))).toEqual(Object.keys(item));
  });
});

describe('writeAnswers (streaming)', () => {
  it('writes each row as it comes, waiting for a full stream to drain', async () => {
    const output = new PassThrough({ highWaterMark: 16 });
    let received = '';
    const reading = (async () => {
      for await (const chunk of output) received += String(chunk);
    })();
    /** Yields the next answer only once the reader has the previous one: nothing waits for the end. */
    async function* inStep(): AsyncGenerator<QuizAnswer> {
      for (const item of ANSWERS) {
        yield item;
        for (let tries = 0; !received.includes(answerCsvRecord(item)); tries++) {
          if (tries > 100) throw new Error('a row was held back');
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
    const count = await writeAnswers(inStep(), 'csv', output);
    output.end();
    await reading;
    expect(count).toBe(ANSWERS.length);
    expect(parseCsv(received)).toEqual([[...ANSWER_COLUMNS], ...ANSWERS.map(expectedRecord)]);
  });

  it('stops, without throwing, once the reader is gone', async () => {
    const output = new PassThrough({ highWaterMark: 16 });
    output.on('error', () => {});
    async function* endless(): AsyncGenerator<QuizAnswer> {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        yield ANSWERS[0] as QuizAnswer;
      }
    }
    setTimeout(() => output.destroy(), 20);
    const count = await writeAnswers(endless(), 'json', output);
    expect(count).toBeGreaterThanOrEqual(0);
    expect(output.destroyed).toBe(true);
  });
});

describe('tutor export answers (SQLite in DATA_DIR)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = freshDataDir();
    const store = await openStore({ dataDir, databaseUrl: null });
    try {
      await seed(store);
    } finally {
      await store.close();
    }
  });

  it('prints every answer as RFC 4180 CSV under a header, values as stored', async () => {
    useStore({ dataDir });
    const result = await runCli(['export', 'answers']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith(`${HEADER}\r\n`)).toBe(true);
    const [header, ...records] = parseCsv(result.stdout);
    expect(header).toEqual([...ANSWER_COLUMNS]);
    expect(records).toEqual(ANSWERS.map(expectedRecord));
    // The tricky title round-trips; the formula is defused.
    expect(records[0]?.[5]).toBe(TRICKY_TITLE);
    expect(records.find((record) => record[4] === 'formula')?.[5]).toBe(`'${FORMULA_TITLE}`);
  });

  it('prints every answer as one JSON line each with --json', async () => {
    useStore({ dataDir });
    const result = await runCli(['export', 'answers', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(jsonLines(result.stdout)).toEqual(ANSWERS.map(expectedJson));
  });

  it('reads DATA_DIR relative to the working directory, ./data by default, as the app does', async () => {
    const cwd = join(root, 'cwd');
    const store = await openStore({ dataDir: join(cwd, 'data'), databaseUrl: null });
    try {
      await seed(store, ANSWERS.slice(0, 1));
    } finally {
      await store.close();
    }
    vi.stubEnv('DATA_DIR', '');
    vi.stubEnv('DATABASE_URL', '');
    const result = await runCli(['export', 'answers', '--json'], { cwd });
    expect(result.status).toBe(0);
    expect(jsonLines(result.stdout)).toEqual(ANSWERS.slice(0, 1).map(expectedJson));
  });

  it('exits 0 quietly when the reader stops early (| head)', async () => {
    const big = freshDataDir();
    const store = await openStore({ dataDir: big, databaseUrl: null });
    try {
      await store.createQuiz(DAILY);
      for (let i = 0; i < 3000; i++) {
        await store.recordAnswer(answer(DAILY, `U${String(i).padStart(6, '0')}`, i % 4, i, '2025-03-01'));
      }
    } finally {
      await store.close();
    }
    const result = await new Promise<{ status: number | null; stderr: string; bytes: number }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, [CLI_ENTRY, 'export', 'answers'], {
          cwd: PROJECT_ROOT,
          env: { ...process.env, DATA_DIR: big, DATABASE_URL: '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        let bytes = 0;
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
        });
        child.stdout.once('data', (chunk: Buffer) => {
          bytes = chunk.length;
          child.stdout.destroy();
        });
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, stderr, bytes }));
      },
    );
    expect(result.bytes).toBeGreaterThan(0);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('tutor export answers: no answers', () => {
  it('prints just the header (CSV) or nothing (JSON) for an empty database', async () => {
    const dataDir = freshDataDir();
    await (await openStore({ dataDir, databaseUrl: null })).close();
    useStore({ dataDir });
    const csv = await runCli(['export', 'answers']);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe(`${HEADER}\r\n`);
    expect(csv.stderr).toBe('');
    const json = await runCli(['export', 'answers', '--json']);
    expect(json.status).toBe(0);
    expect(json.stdout).toBe('');
  });

  it('creates nothing when DATA_DIR has no database, and says so on stderr', async () => {
    const dataDir = freshDataDir();
    useStore({ dataDir });
    const csv = await runCli(['export', 'answers']);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe(`${HEADER}\r\n`);
    expect(csv.stderr).toMatch(/^tutor: no answers yet: .*aws-tutor\.db does not exist .*DATA_DIR/);
    const json = await runCli(['export', 'answers', '--json']);
    expect(json.status).toBe(0);
    expect(json.stdout).toBe('');
    expect(existsSync(dataDir)).toBe(false);

    mkdirSync(dataDir);
    expect((await runCli(['export', 'answers'])).status).toBe(0);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe('tutor export answers: errors', () => {
  it('exits 1 with one line naming DATA_DIR when the file is not a database', async () => {
    const dataDir = freshDataDir();
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, SQLITE_FILE_NAME), 'not a database, just text\n'.repeat(100));
    useStore({ dataDir });
    const result = await runCli(['export', 'answers']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^tutor: DATA_DIR=.+\n$/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('exits 1 naming DATABASE_URL when PostgreSQL cannot be reached, never showing the password', async () => {
    useStore({ databaseUrl: 'postgres://tutor:hunter2-s3cret@127.0.0.1:1/aws_tutor' });
    const result = await runCli(['export', 'answers', '--json']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^tutor: DATABASE_URL=postgres:\/\/tutor:\*\*\*@127\.0\.0\.1:1\/aws_tutor: .+\n$/,
    );
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('exits 1 naming DATABASE_URL when it is not a PostgreSQL URL', async () => {
    useStore({ databaseUrl: 'mysql://root:pw@localhost/db' });
    const result = await runCli(['export', 'answers']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^tutor: DATABASE_URL must start with postgres:\/\//);
    expect(result.stderr).not.toContain(':pw@');
  });

  it('exits 2 with usage on a wrong export command or option', async () => {
    for (const args of [
      ['export'],
      ['export', 'scores'],
      ['export', 'answers', '--xml'],
      ['export', 'answers', 'x'],
    ]) {
      const result = await runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/usage: tutor <command>/);
      expect(result.stdout).toBe('');
    }
  });

  it('lists export answers in the usage', async () => {
    const result = await runCli(['help']);
    expect(result.stdout).toMatch(/^ {2}export answers \[--json\] +every recorded quiz answer/m);
  });
});

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/** `url` with a startup option putting `schema` first on the search path (pg reads `options`). */
function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

describe.skipIf(!testDatabaseUrl)('tutor export answers (PostgreSQL, TEST_DATABASE_URL)', () => {
  const url = testDatabaseUrl ?? '';
  const schema = `test_export_${randomBytes(6).toString('hex')}`;
  let admin: pg.Pool;

  beforeAll(async () => {
    admin = new pg.Pool({ connectionString: url, max: 1 });
    const store = await openPostgresStore(url, { schema });
    try {
      await seed(store);
    } finally {
      await store.close();
    }
  });

  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('the URL option selects the schema (pg honours it)', async () => {
    const pool = new pg.Pool({ connectionString: withSearchPath(url, schema), max: 1 });
    try {
      const { rows } = await pool.query<{ schema: string; n: string }>(
        'SELECT current_schema() AS schema, count(*)::text AS n FROM answers',
      );
      expect(rows[0]).toEqual({ schema, n: String(ANSWERS.length) });
    } finally {
      await pool.end();
    }
  });

  it('prints the same CSV and JSON lines as from SQLite', async () => {
    useStore({ databaseUrl: withSearchPath(url, schema), dataDir: join(root, 'never-used') });
    const csv = await runCli(['export', 'answers']);
    expect(csv.stderr).toBe('');
    expect(csv.status).toBe(0);
    expect(parseCsv(csv.stdout)).toEqual([[...ANSWER_COLUMNS], ...ANSWERS.map(expectedRecord)]);
    const json = await runCli(['export', 'answers', '--json']);
    expect(json.status).toBe(0);
    expect(jsonLines(json.stdout)).toEqual(ANSWERS.map(expectedJson));
    expect(existsSync(join(root, 'never-used'))).toBe(false);
  });
});
