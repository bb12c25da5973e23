import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat.js';
import { parseChoice } from '../../src/cli/practice.js';
import { generateQuiz } from '../../src/quiz/generate.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import { runCli } from '../helpers/cli.js';
import { notesDir } from '../helpers/notes-dir.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

const tutor = tutorFor(KNOWLEDGE_DIR);
const pool = generateQuiz(tutor.knowledge, tutor).questions;

/** Runs the chat in-process on piped input (no terminal), returning everything it printed. */
async function chat(input: string, options: { seed?: string; dir?: string } = {}): Promise<string> {
  let out = '';
  const output = new Writable({
    write(chunk, _encoding, callback) {
      out += String(chunk);
      callback();
    },
  });
  await runChat(
    options.dir ? tutorFor(options.dir) : tutor,
    { input: Readable.from([input]), output },
    {
      seed: options.seed ?? 'test-session',
    },
  );
  return out;
}

const QUESTION_BLOCK =
  /^Practice question (\d+): (.+)\n {2}A\) (.+)\n {2}B\) (.+)\n {2}C\) (.+)\n {2}D\) (.+)$/gm;

/** The questions the chat asked, found in the pool by their stem and options (stems repeat), in order. */
function askedQuestions(out: string, questions: readonly QuizQuestion[] = pool): QuizQuestion[] {
  return [...out.matchAll(QUESTION_BLOCK)].map((match) => {
    const found = questions.find(
      (question) =>
        question.stem === match[2] && question.options.every((option, i) => option === match[3 + i]),
    );
    if (!found) throw new Error(`not a generated question: ${match[2]}`);
    return found;
  });
}

const letter = (i: number) => 'ABCD'[i] as string;

describe('parseChoice', () => {
  it.each([
    ['A', 0],
    ['b', 1],
    [' C ', 2],
    ['d)', 3],
    ['1', 0],
    ['4', 3],
    ['2.', 1],
    ['B:', 1],
  ])('reads %j as option %i', (line, index) => {
    expect(parseChoice(line)).toBe(index);
  });

  it.each(['5', '0', 'e', 'ab', 'a lambda', 'quiz', 'what is fargate', '', 'A))'])(
    'reads %j as no choice',
    (line) => {
      expect(parseChoice(line)).toBeNull();
    },
  );
});

describe('chat: practice quizzes', () => {
  it('asks a question about Lambda, then takes B as the answer and explains', async () => {
    const out = await chat('quiz me on lambda\nB\n');
    const [question] = askedQuestions(out);
    expect(question?.topic.id).toBe('lambda');
    if (!question) return;
    expect(out).toContain(question.options.map((option, i) => `  ${letter(i)}) ${option}`).join('\n'));
    if (question.answer === 1) expect(out).toContain(`✓ Right: B) ${question.options[1]}`);
    else {
      expect(out).toContain(
        `✗ Not quite: you chose B) ${question.options[1]}; the answer is ${letter(question.answer)}) ${question.options[question.answer]}.`,
      );
    }
    for (const line of question.explanation.split('\n')) expect(out).toContain(`  ${line}`);
    expect(out).toMatch(/Type "quiz" for another/);
    expect(out).not.toMatch(/not available/i);
  });

  it('says "right" for the right option, in any of its spellings', async () => {
    const question = askedQuestions(await chat('quiz\n', { seed: 's1' }))[0] as QuizQuestion;
    for (const spelling of [
      letter(question.answer),
      letter(question.answer).toLowerCase(),
      `${question.answer + 1}`,
    ]) {
      const out = await chat(`quiz\n${spelling}\n`, { seed: 's1' });
      expect(out).toContain(`✓ Right: ${letter(question.answer)}) ${question.options[question.answer]}`);
      expect(out).toContain('1 of 1 right so far');
    }
  });

  it('answers an out-of-range reply as a question, and then no longer takes an answer', async () => {
    const out = await chat('quiz\n5\nA\n');
    expect(askedQuestions(out)).toHaveLength(1);
    expect(out).toContain('The notes don’t cover “5”.');
    expect(out).toContain('The notes don’t cover “A”.');
    expect(out).not.toMatch(/✓ Right|✗ Not quite/);
  });

  it('answers a question typed instead of an answer, as usual', async () => {
    const out = await chat('quiz me on lambda\nwhat is fargate\nB\n');
    expect(askedQuestions(out)).toHaveLength(1);
    expect(out).toContain('Source: compute.md › Fargate (serverless)');
    expect(out).not.toMatch(/✓ Right|✗ Not quite/);
  });

  it('keeps waiting for the answer over a blank line', async () => {
    const out = await chat('quiz\n\nc\n');
    expect(out).toMatch(/✓ Right|✗ Not quite: you chose C\)/);
  });

  it('asks no question twice in a session until every question was asked', async () => {
    const lambda = pool.filter((question) => question.topic.id === 'lambda');
    const out = await chat('quiz me on lambda\nA\n'.repeat(lambda.length));
    const asked = askedQuestions(out);
    expect(asked).toHaveLength(lambda.length);
    expect(asked.every((question) => question.topic.id === 'lambda')).toBe(true);
    expect(new Set(asked.map((question) => question.id)).size).toBe(lambda.length);
    expect(out).toContain(`of ${lambda.length} right so far`);

    const any = askedQuestions(await chat('quiz\n'.repeat(pool.length)));
    expect(new Set(any.map((question) => question.id)).size).toBe(pool.length);
  });

  it('varies the questions between sessions', async () => {
    const firsts = await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map(
        async (seed) => askedQuestions(await chat('quiz\n', { seed }))[0]?.id,
      ),
    );
    expect(new Set(firsts).size).toBeGreaterThan(1);
  });

  it('says so when the notes give no questions (about the topic asked)', async () => {
    const dir = notesDir({
      'a.md': '# Lambda\n* runs functions when events happen\n\n# ECS\n* runs containers on a cluster\n',
    });
    const out = await chat('quiz me on lambda\nA\nquiz\n', { dir });
    expect(out).toContain('The notes give no practice questions about Lambda yet.');
    expect(out).toContain('The notes give no practice questions yet.');
    expect(out).toContain('The notes don’t cover “A”.');
    expect(out).not.toMatch(/Practice question \d/);
  });

  it('points to Slack and the export for scores', async () => {
    const out = await chat('leaderboard\nmy score\n');
    expect(out).toMatch(/Scores are kept for the quizzes in Slack/);
    expect(out).toContain('npm run tutor -- export answers');
    expect(out).not.toMatch(/not available|not kept in this version/i);
  });

  it('points to Slack for the daily quiz instead of starting a practice question', async () => {
    const out = await chat('quiz daily 09:00 Europe/Berlin\n');
    expect(out).toMatch(/daily quiz runs in Slack channels/);
    expect(askedQuestions(out)).toHaveLength(0);
  });

  it('leaves on quit while a question waits for its answer', async () => {
    const out = await chat('quiz\nquit\nA\n');
    expect(askedQuestions(out)).toHaveLength(1);
    expect(out).not.toMatch(/✓ Right|✗ Not quite|don’t cover/);
  });
});

describe('tutor chat: practice quizzes from piped input', () => {
  it('asks, takes the answer and explains', async () => {
    const result = await runCli(['chat'], { input: 'quiz me on lambda\nB\nquit\n' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const [question] = askedQuestions(result.stdout);
    expect(question?.topic.id).toBe('lambda');
    expect(result.stdout).toMatch(/^(✓ Right: B\) |✗ Not quite: you chose B\) )/m);
    expect(result.stdout).not.toContain('answer>');
  });
});
