import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { generateQuestions } from '../../src/quiz/generate.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { jsonLines, runCli } from '../helpers/cli.js';
import { notesDir } from '../helpers/notes-dir.js';
import { DATABASES_NOTES_DIR, KNOWLEDGE_DIR, STORAGE_NOTES_DIR } from '../helpers/paths.js';

const KEYS = ['answer', 'difficulty', 'explanation', 'id', 'kind', 'options', 'stem', 'topic'];
const KINDS = ['which-service', 'true-of', 'not-true-of', 'compare', 'key-term', 'hand-written'];

interface QuizLine {
  id: string;
  topic: { id: string; title: string };
  stem: string;
  options: string[];
  answer: number;
  explanation: string;
  kind: string;
  difficulty: number;
}

/** Parses `quiz --json` output, checking every line's shape: exactly the contract's keys. */
function quizLines(stdout: string): QuizLine[] {
  return jsonLines(stdout).map((parsed) => {
    expect(Object.keys(parsed).sort()).toEqual(KEYS);
    expect(typeof parsed.id).toBe('string');
    expect(Object.keys(parsed.topic as object).sort()).toEqual(['id', 'title']);
    const topic = parsed.topic as Record<string, unknown>;
    expect(typeof topic.id).toBe('string');
    expect(typeof topic.title).toBe('string');
    expect(typeof parsed.stem).toBe('string');
    expect(Array.isArray(parsed.options)).toBe(true);
    const options = parsed.options as unknown[];
    expect(options).toHaveLength(4);
    for (const option of options) expect(typeof option).toBe('string');
    expect(new Set(options).size).toBe(4);
    expect([0, 1, 2, 3]).toContain(parsed.answer);
    expect(typeof parsed.explanation).toBe('string');
    expect(KINDS).toContain(parsed.kind);
    expect(parsed.difficulty).toBeGreaterThan(0);
    expect(parsed.difficulty).toBeLessThan(1);
    return parsed as unknown as QuizLine;
  });
}

describe('tutor quiz --json --all', () => {
  it.each([
    ['knowledge', KNOWLEDGE_DIR],
    ['storage', STORAGE_NOTES_DIR],
    ['databases', DATABASES_NOTES_DIR],
  ])(
    'prints every question of the %s notes, one contract JSON line each, and nothing else',
    async (_, dir) => {
      const result = await runCli(['quiz', '--json', '--all', '--knowledge', dir]);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      const lines = quizLines(result.stdout);
      const knowledge = loadKnowledgeDir(dir).knowledge;
      const expected = generateQuestions(knowledge, createTutor(knowledge));
      expect(lines.map((line) => line.id)).toEqual(expected.map((question) => question.id));
      expect(lines.map((line) => line.kind)).toEqual(expected.map((question) => question.kind));
      expect(new Set(lines.map((line) => line.kind)).size).toBeGreaterThanOrEqual(4);
    },
  );

  it('uses the default notes without --knowledge, the same on every run', async () => {
    const [a, b] = await Promise.all([
      runCli(['quiz', '--json', '--all']),
      runCli(['quiz', '--json', '--all']),
    ]);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(quizLines(a.stdout).length).toBeGreaterThan(10);
  });

  it('keeps to one topic with --topic', async () => {
    const result = await runCli(['quiz', '--json', '--all', '--topic', 'lambda']);
    expect(result.status).toBe(0);
    const lines = quizLines(result.stdout);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.topic.id).toBe('lambda');
  });

  it('sends warnings about the notes to stderr, keeping stdout pure JSON', async () => {
    const dir = notesDir({
      'notes.md': `# Lambda

- Runs functions on demand, billed per request and compute time.
- Functions are limited by time: they suit short executions.
- Quiz: What does Lambda charge for?
  > right: Requests and compute time
  > wrong: Servers kept running
- Quiz: Which language can Lambda run?
  > right: Python
  > wrong: COBOL on a mainframe
  > wrong: Only assembly
  > wrong: None at all

# Nothing here
`,
    });
    const result = await runCli(['quiz', '--json', '--all', '--knowledge', dir]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: .*notes\.md:5: quiz question under "Lambda": needs exactly 3 "wrong:"/m,
    );
    expect(result.stderr).toMatch(/^warning: .*notes\.md:\d+: topic "Nothing here" is empty/m);
    const lines = quizLines(result.stdout);
    expect(lines.map((line) => line.stem)).toEqual(['Which language can Lambda run?']);
    expect(lines[0]?.options[lines[0].answer]).toBe('Python');
  });
});

describe('tutor quiz (one question)', () => {
  it('picks one question by --seed: the same seed gives the same question', async () => {
    const [a, b] = await Promise.all([
      runCli(['quiz', '--json', '--seed', 'C1:2024-05-01']),
      runCli(['quiz', '--json', '--seed', 'C1:2024-05-01']),
    ]);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(quizLines(a.stdout)).toHaveLength(1);
  });

  it('picks different questions on different days', async () => {
    const days = await Promise.all(
      ['2024-05-01', '2024-05-02', '2024-05-03'].map((day) => runCli(['quiz', '--json', '--seed', day])),
    );
    const ids = new Set(days.map((day) => quizLines(day.stdout)[0]?.id));
    expect(ids.size).toBeGreaterThan(1);
  });

  it("defaults the seed to today's date", async () => {
    const result = await runCli(['quiz', '--json']);
    expect(result.status).toBe(0);
    expect(quizLines(result.stdout)).toHaveLength(1);
  });

  it('prints a question readably without --json', async () => {
    const result = await runCli(['quiz', '--seed', 'x']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^(Which|With which) .+\?/);
    expect(result.stdout).toMatch(/\n {2}A\. .+\n {2}B\. .+\n {2}C\. .+\n {2}D\. .+\nAnswer: [A-D]\. .+/);
    expect(result.stdout).toContain('Source: compute.md › ');
    expect(result.stderr).toBe('');
  });

  it('exits 1 with a message when there is no question to ask', async () => {
    const result = await runCli(['quiz', '--topic', 'no-such-topic']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/no quiz questions about "no-such-topic"/);
  });

  it('exits 2 with usage on stray words', async () => {
    const result = await runCli(['quiz', 'lambda']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/usage: tutor/);
  });

  it('is listed in the usage', async () => {
    const result = await runCli(['help']);
    expect(result.stdout).toMatch(/^ {2}quiz \[--json\] \[--all\]/m);
  });
});
