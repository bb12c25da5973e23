import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { parseNotes } from '../../src/knowledge/parse.js';
import { generateQuestions, generateQuiz } from '../../src/quiz/generate.js';
import { handWrittenQuestions, isQuizFact } from '../../src/quiz/hand-written.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { notesDir } from '../helpers/notes-dir.js';

const LAMBDA = `# Lambda

- **Pricing**: pay per request and compute time.
- Quiz: What does Lambda charge for?
  > right: The number of **requests** and the compute time
  > wrong: The number of servers kept running
  > wrong: A flat monthly fee per function
  > wrong: The size of the deployment package
  > why: Lambda has no servers to pay for:
  > you pay per request and compute time.
- Functions are limited by time: they are meant for short executions.

quiz: Which limit applies to a Lambda function?
  - right: It runs for a limited time
  - wrong: It cannot call other services
  - wrong: It must be written in Java
  - wrong: It needs an EC2 instance
`;

function lambdaTopic(notes = LAMBDA) {
  const dir = notesDir({ 'compute.md': notes });
  const { knowledge, problems } = loadKnowledgeDir(dir);
  expect(problems).toEqual([]);
  const topic = knowledge.topics[0];
  if (!topic) throw new Error('no topic');
  return { knowledge, topic };
}

describe('hand-written questions: the Markdown form', () => {
  it('is kept apart from the facts by the notes parser, so answers never show its wrong options', () => {
    const parsed = parseNotes('compute.md', LAMBDA);
    expect(parsed.problems).toEqual([]);
    const topic = parsed.topics[0];
    expect(topic?.facts.map((fact) => fact.text)).toEqual([
      'Pricing: pay per request and compute time.',
      'Functions are limited by time: they are meant for short executions.',
    ]);
    const quizzes = topic?.quizzes ?? [];
    expect(quizzes.map((fact) => fact.text)).toEqual([
      'Quiz: What does Lambda charge for?',
      'quiz: Which limit applies to a Lambda function?',
    ]);
    expect(quizzes[0]?.subPoints[0]).toBe('right: The number of requests and the compute time');
    expect(quizzes[1]?.subPoints).toHaveLength(4);
    expect(quizzes.every(isQuizFact)).toBe(true);
  });

  it('becomes a question: the right option at the answer index, the wrong ones around it', () => {
    const { topic } = lambdaTopic();
    const { questions, problems } = handWrittenQuestions(topic);
    expect(problems).toEqual([]);
    expect(questions).toHaveLength(2);
    const [charge, limit] = questions;
    expect(charge?.kind).toBe('hand-written');
    expect(charge?.stem).toBe('What does Lambda charge for?');
    expect(charge?.topic).toEqual({ id: 'lambda', title: 'Lambda' });
    expect(charge?.options[charge.answer]).toBe('The number of requests and the compute time');
    expect([...(charge?.options ?? [])].sort()).toEqual(
      [
        'The number of requests and the compute time',
        'The number of servers kept running',
        'A flat monthly fee per function',
        'The size of the deployment package',
      ].sort(),
    );
    expect(charge?.explanation).toContain(
      'Lambda has no servers to pay for: you pay per request and compute time.',
    );
    expect(charge?.explanation).toContain('Source: compute.md › Lambda');
    expect(charge?.source).toEqual({ file: 'compute.md', heading: 'Lambda', line: 4 });
    expect(charge?.id).toMatch(/^lambda\/hand\/[0-9a-f]{8}$/);
    expect(limit?.options[limit.answer]).toBe('It runs for a limited time');
    expect(limit?.source.line).toBe(13);
  });

  it('keeps its id when the notes around it change, and gets a new one when the question changes', () => {
    const before = handWrittenQuestions(lambdaTopic().topic).questions[0];
    const moved = handWrittenQuestions(
      lambdaTopic(LAMBDA.replace('# Lambda\n', '# Lambda\n\n- A new fact.\n')).topic,
    ).questions[0];
    const edited = handWrittenQuestions(
      lambdaTopic(LAMBDA.replace('What does Lambda charge for?', 'What is Lambda billed for?')).topic,
    ).questions[0];
    expect(moved?.id).toBe(before?.id);
    expect(moved?.options).toEqual(before?.options);
    expect(edited?.id).not.toBe(before?.id);
  });

  it('reports a question without exactly one right and three wrong options, with its line', () => {
    const { topic } = lambdaTopic(`# Lambda

- Runs functions on demand.
- Quiz: Two right answers?
  > right: one
  > right: two
  > wrong: three
  > wrong: four
  > wrong: five
- Quiz: Too few wrong answers?
  > right: one
  > wrong: two
- Quiz: Same option twice?
  > right: Same
  > wrong: same
  > wrong: other
  > wrong: another
- Quiz: An unlabelled line first?
  > just a line
  > right: one
  > wrong: two
  > wrong: three
  > wrong: four
- Quiz:
  > right: one
  > wrong: two
  > wrong: three
  > wrong: four
`);
    const { questions, problems } = handWrittenQuestions(topic);
    expect(questions).toEqual([]);
    expect(problems.map((problem) => problem.line)).toEqual([4, 10, 13, 18, 24]);
    expect(problems[0]?.message).toMatch(/exactly one "right:" line, found 2/);
    expect(problems[1]?.message).toMatch(/exactly 3 "wrong:" lines, found 1/);
    expect(problems[2]?.message).toMatch(/two options say the same thing/);
    expect(problems[3]?.message).toMatch(/no label/);
    expect(problems[4]?.message).toMatch(/question is empty/);
    for (const problem of problems) expect(problem.file).toBe('compute.md');
  });

  it('reports an option too long for a button', () => {
    const long = 'x'.repeat(80);
    const { topic } = lambdaTopic(
      `# Lambda\n\n- Runs functions.\n- Quiz: Long?\n  > right: ${long}\n  > wrong: a\n  > wrong: b\n  > wrong: c\n`,
    );
    expect(handWrittenQuestions(topic).problems[0]?.message).toMatch(/longer than 75 characters/);
  });
});

describe('hand-written questions in generateQuestions', () => {
  const notes = `${LAMBDA}
# Amazon S3

- Object storage in buckets, with keys as full paths.
- Durability of eleven nines across availability zones.

# Amazon SQS

- Queues messages between decoupled producers and consumers.
- Messages stay in the queue for up to fourteen days.

# Amazon DynamoDB

- Key-value NoSQL tables with single digit millisecond latency.
- Global tables replicate across regions, active-active.

# Quiz Broken

- A topic whose only question is malformed.
- Quiz: What is wrong here?
  > right: nothing
`;

  it('includes valid ones in the notes order, and returns the problems of the others', () => {
    const dir = notesDir({ 'notes.md': notes });
    const { knowledge } = loadKnowledgeDir(dir);
    const tutor = createTutor(knowledge);
    const { questions, problems } = generateQuiz(knowledge, tutor);
    const handWritten = questions.filter((question) => question.kind === 'hand-written');
    expect(handWritten.map((question) => question.stem)).toEqual([
      'What does Lambda charge for?',
      'Which limit applies to a Lambda function?',
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/"Quiz Broken".*exactly 3 "wrong:" lines/);
    // The order is the notes' order: Lambda's pricing fact (if asked) comes before its quiz bullet.
    const lambdaIds = questions.filter((q) => q.topic.id === 'lambda').map((q) => q.source.line);
    expect(lambdaIds).toEqual([...lambdaIds].sort((a, b) => a - b));
    expect(generateQuestions(knowledge, tutor)).toEqual(questions);
  });

  it('never turns a quiz bullet or its options into a fact-to-topic question or a description', () => {
    const dir = notesDir({ 'notes.md': notes });
    const { knowledge } = loadKnowledgeDir(dir);
    const questions = generateQuestions(knowledge, createTutor(knowledge));
    for (const question of questions) {
      if (question.kind === 'hand-written') continue;
      expect(question.stem).not.toMatch(/Quiz:|right:|wrong:/i);
      expect(question.explanation).not.toMatch(/Quiz:|right:|wrong:/i);
    }
  });
});
