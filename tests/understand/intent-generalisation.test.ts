import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render-text.js';
import intentExamples from '../../src/understand/data/intents.json' with { type: 'json' };
import type { Intent } from '../../src/understand/intents.js';
import { notesDir } from '../helpers/notes-dir.js';
import { EVAL_DIR, FIXTURES_DIR, KNOWLEDGE_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

/**
 * Phrasings written apart from the training examples, in the ways people talk to chat bots and
 * study tools, answered by the real tutor on the project's notes: whether the intents generalise
 * beyond the sentences they were trained on.
 */
const HELD_OUT = join(EVAL_DIR, 'intents-heldout.jsonl');
const PHRASED: Intent[] = ['explain', 'compare', 'list', 'quiz', 'leaderboard', 'help'];
/** Measured 0.968 (214/221) when set; 0.774 with the examples and rules before issue 9. */
const FLOOR = 0.95;

interface HeldOutItem {
  q: string;
  intent: Intent;
}

const items: HeldOutItem[] = readFileSync(HELD_OUT, 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as HeldOutItem);

/** A question about something the notes lack is answered `unknown`: still a question, not a command. */
function answeredAs(expected: Intent, got: Intent): boolean {
  return got === expected || (expected === 'explain' && got === 'unknown');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A training example as a pattern over whole questions, `{topic}` standing for any name of a topic. */
function examplePattern(example: string, names: string): RegExp {
  return new RegExp(`^${escapeRegExp(example).replace(/\\\{topic\\\}/g, names)}$`);
}

describe('intents on held-out phrasings', () => {
  it('has 150+ items over every intent, none a training example', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    for (const intent of PHRASED) {
      expect(items.filter((item) => item.intent === intent).length, intent).toBeGreaterThanOrEqual(15);
    }
    const names = tutorFor(KNOWLEDGE_DIR)
      .knowledge.topics.flatMap((topic) => [topic.name, ...topic.aliases])
      .map((name) => escapeRegExp(name.toLowerCase()));
    const anyName = `(?:${names.join('|')})`;
    const patterns = Object.entries(intentExamples)
      .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
      .flatMap(([, examples]) => examples)
      .map((example) => examplePattern(example, anyName));
    const seen = items.filter((item) => patterns.some((pattern) => pattern.test(item.q.toLowerCase())));
    expect(seen.map((item) => item.q)).toEqual([]);
  });

  it(`answers ${FLOOR}+ of them as intended, and never a question with help or the topic list`, () => {
    const tutor = tutorFor(KNOWLEDGE_DIR);
    const misses: string[] = [];
    const questionsAsCommands: string[] = [];
    for (const item of items) {
      const got = tutor.answer(item.q).intent;
      if (answeredAs(item.intent, got)) continue;
      misses.push(`${JSON.stringify(item.q)}: want ${item.intent}, got ${got}`);
      if ((item.intent === 'explain' || item.intent === 'compare') && (got === 'help' || got === 'list'))
        questionsAsCommands.push(item.q);
    }
    const accuracy = (items.length - misses.length) / items.length;
    const report = `accuracy ${accuracy.toFixed(3)} over ${items.length}; misses:\n  ${misses.join('\n  ')}`;
    expect(questionsAsCommands, report).toEqual([]);
    expect(accuracy, report).toBeGreaterThanOrEqual(FLOOR);
  });
});

describe('asking what a term of the notes is', () => {
  const notes = (area: string) => tutorFor(join(FIXTURES_DIR, 'notes', area));

  it('is a question, whatever command its words sound like', () => {
    const asked: [string, string, RegExp][] = [
      ['messaging', 'what is rules', /^Amazon EventBridge/],
      ['iot-deep', 'what are commands', /^AWS IoT Device Management/],
      ['snowflake', 'what are listings', /^Secure Data Sharing/],
      ['storage-deep', 'what are access points', /^Amazon EFS/],
      ['redis-ops', 'what are lists', /^Redis data types/],
      ['ml-ai', 'what are knowledge bases', /^Amazon Bedrock/],
      ['sagemaker-deep', 'what is warm start', /^Automatic Model Tuning/],
    ];
    for (const [area, question, topic] of asked) {
      const reply = notes(area).answer(question);
      expect(reply.intent, question).toBe('explain');
      expect(reply.topics[0]?.title, question).toMatch(topic);
    }
  });

  it('is answered by the one bullet opening with the term, though the question says nothing else', () => {
    const reply = notes('redis-ops').answer('what are lists');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toMatch(/^Redis data types/);
    expect(renderText(reply).split('\n')[1]).toMatch(/^• Lists: /);
  });

  it('is the term outside its parentheses, and asked in the product the notes are about', () => {
    // `**VirtualService (VS)** = where a request goes`, in notes all on Istio.
    for (const question of ["what's a virtualservice", "what's a virtualservice in istio"]) {
      const reply = notes('istio').answer(question);
      expect(reply.intent, question).toBe('explain');
      expect(reply.topics[0]?.title, question).toMatch(/^Traffic routing/);
    }
  });

  it('is the term, though the name of a topic is a word of it', () => {
    // `**trust policy** = resource-based policy on the role…` under IAM Roles, beside a topic IAM Policies.
    for (const question of ['what is a trust policy', 'what are session policies']) {
      const reply = notes('iam-deep').answer(question);
      expect(reply.intent, question).toBe('explain');
      expect(reply.topics[0]?.title, question).toMatch(/^IAM Roles & AssumeRole/);
    }
    expect(notes('iam-deep').answer('what is a policy').topics[0]?.title).toMatch(/^IAM Policies/);
  });
});

describe('"what does X stand for"', () => {
  it('asks what X is, where X is a short name in a heading’s parentheses that nothing spells out', () => {
    const tutor = tutorFor(
      notesDir({
        'ibm.md': [
          '# Red Hat OpenShift on IBM Cloud (ROKS, managed OpenShift clusters)',
          '- managed OpenShift: IBM runs the masters, u pick the worker nodes',
          '- clusters come w/ the OpenShift console & built-in image registry',
          '# IBM Cloud Databases (managed Postgres, Redis & more)',
          '- managed databases w/ backups & high availability built in',
          '- scale disk & memory while the db stays up',
        ].join('\n'),
      }),
    );
    for (const question of ['what does ROKS actually stand for', 'what does roks mean']) {
      const reply = tutor.answer(question);
      expect(reply.intent, question).toBe('explain');
      expect(reply.topics[0]?.id, question).toBe('red-hat-openshift-on-ibm-cloud');
      expect(reply.sure, question).toBe(true);
    }
  });
});

describe('a request naming the product the notes are all about', () => {
  it('is the request, the product asking nothing of its own', () => {
    const cosmos = tutorFor(join(FIXTURES_DIR, 'notes', 'cosmosdb'));
    expect(cosmos.answer('list everything i can study about cosmos').intent).toBe('list');
    expect(cosmos.answer('list the topics about cosmos').intent).toBe('list');
    expect(cosmos.answer('quiz me on cosmos').intent).toBe('quiz');
    expect(cosmos.answer('cosmos partition keys').topics[0]?.title).toMatch(/^Partition keys/);
  });
});

describe('a request to be tested on what one remembers', () => {
  it('is a quiz, where not remembering what a thing is asks about it', () => {
    const compute = tutorFor(KNOWLEDGE_DIR);
    for (const question of [
      'test what i remember about lambda',
      'ask me something to check what i remember about fargate',
    ])
      expect(compute.answer(question).intent, question).toBe('quiz');
    expect(compute.answer("i can't remember what lambda layers are").intent).toBe('explain');
  });
});
