import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli, runNode } from '../helpers/cli.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR, KNOWLEDGE_DIR, START_ENTRY } from '../helpers/paths.js';

/** Preloaded into a child process, it reports each `@slack/` module loaded on stderr. */
const SLACK_MODULE_REPORTER = join(FIXTURES_DIR, 'preload', 'report-slack-modules.cjs');
const PROBLEM_LINE = /^.+\.md:\d+: .+/;
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
const CONTRACT_KEYS = ['confidence', 'intent', 'question', 'sure', 'text', 'topics'];
const INTENTS = ['explain', 'compare', 'list', 'quiz', 'leaderboard', 'help', 'unknown'];

/** Parses `ask --json --batch` output, checking every line against the JSON contract. */
function contractLines(stdout: string): Record<string, unknown>[] {
  return jsonLines(stdout).map((parsed) => {
    expect(Object.keys(parsed).sort()).toEqual(CONTRACT_KEYS);
    expect(typeof parsed.question).toBe('string');
    expect(INTENTS).toContain(parsed.intent);
    expect(Array.isArray(parsed.topics)).toBe(true);
    for (const topic of parsed.topics as Record<string, unknown>[]) {
      expect(Object.keys(topic).sort()).toEqual(['id', 'title']);
      expect(typeof topic.id).toBe('string');
      expect(typeof topic.title).toBe('string');
    }
    expect(typeof parsed.sure).toBe('boolean');
    expect(typeof parsed.confidence).toBe('number');
    expect(parsed.confidence).toBeGreaterThanOrEqual(0);
    expect(parsed.confidence).toBeLessThanOrEqual(1);
    expect(typeof parsed.text).toBe('string');
    return parsed;
  });
}

const topicIds = (line: Record<string, unknown> | undefined): string[] =>
  ((line?.topics ?? []) as { id: string }[]).map((topic) => topic.id);

describe('tutor ask', () => {
  it('answers one question as text', async () => {
    const result = await runCli(['ask', 'what is fargate']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Fargate');
    expect(result.stdout).toContain('Source: compute.md › Fargate (serverless)');
    expect(result.stdout).not.toContain('\x1b[');
    expect(result.stderr).toBe('');
  });

  it('answers one question as JSON', async () => {
    const result = await runCli(['ask', '--json', 'ecs vs fargate']);
    expect(result.status).toBe(0);
    const [line] = contractLines(result.stdout);
    expect(line?.intent).toBe('compare');
    expect(topicIds(line)).toEqual(['ecs', 'fargate']);
    expect(line?.question).toBe('ecs vs fargate');
  });

  it('answers a batch from stdin: exactly one contract JSON line per question and nothing else', async () => {
    const result = await runCli(['ask', '--json', '--batch'], {
      input: 'what is fargate\nlamda pricing\ntopics\n',
    });
    expect(result.status).toBe(0);
    const lines = contractLines(result.stdout);
    expect(lines).toHaveLength(3);
    expect(lines.map((line) => line.question)).toEqual(['what is fargate', 'lamda pricing', 'topics']);
    expect(lines.map((line) => line.intent)).toEqual(['explain', 'explain', 'list']);
    expect(topicIds(lines[0])).toEqual(['fargate']);
    expect(topicIds(lines[1])).toEqual(['lambda']);
    expect(String(lines[1]?.text).toLowerCase()).toContain('pay per request');
    expect(result.stderr).toBe('');
  });

  it('answers a batch on other notes with --knowledge (relative to the working directory)', async () => {
    const result = await runCli(['ask', '--json', '--batch', '--knowledge', 'tests/fixtures/notes/storage'], {
      input: 'what is ebs\nebs vs efs\nwhat is fargate\n',
    });
    expect(result.status).toBe(0);
    const lines = contractLines(result.stdout);
    expect(lines).toHaveLength(3);
    expect(lines[0]?.intent).toBe('explain');
    expect(topicIds(lines[0])).toEqual(['ebs']);
    expect(lines[1]?.intent).toBe('compare');
    expect(topicIds(lines[1])).toEqual(['ebs', 'efs']);
    expect(topicIds(lines[2])).not.toContain('fargate');
    expect(result.stderr).toBe('');
  });

  it('accepts --knowledge=DIR and answers a batch without a final newline', async () => {
    const result = await runCli(['ask', '--json', '--batch', `--knowledge=${KNOWLEDGE_DIR}`], {
      input: 'help\nwhat is ecr',
    });
    expect(result.status).toBe(0);
    const lines = contractLines(result.stdout);
    expect(lines.map((line) => line.intent)).toEqual(['help', 'explain']);
  });

  it('warns about problems in the notes on stderr and still answers', async () => {
    const dir = notesDir({ 'a.md': '# Lambda\nSee also: Nowhere\n* runs functions\n' });
    const result = await runCli(['ask', '--json', '--knowledge', dir, 'what is lambda']);
    expect(result.status).toBe(0);
    expect(topicIds(contractLines(result.stdout)[0])).toEqual(['lambda']);
    expect(result.stderr).toMatch(/^warning: .+a\.md:2: .*Nowhere/m);
  });

  it('exits 1 with a friendly message and no stack trace when the folder is missing', async () => {
    const result = await runCli(['ask', '--knowledge', '/nonexistent', 'x']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^tutor: the knowledge folder \/nonexistent does not exist/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).not.toMatch(/KnowledgeFolderError|Error:/);
  });

  it('exits 2 with usage when the question is missing', async () => {
    const result = await runCli(['ask']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/ask needs a question/);
    expect(result.stderr).toMatch(/usage: tutor/);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on an option ask does not have, instead of reading it into the question', async () => {
    const result = await runCli(['ask', 'what', 'is', 'ecs', '--failures', '3']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^tutor: ask has no option --failures/);
  });

  it('exits 2 when --knowledge has no value', async () => {
    const result = await runCli(['ask', '--knowledge']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--knowledge needs a value/);
  });
});

describe('tutor kb validate', () => {
  it('exits 0 on knowledge/ and says so on stderr', async () => {
    const result = await runCli(['kb', 'validate']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^ok: 1 file\(s\), 9 topic\(s\), 0 problem\(s\)/);
  });

  it('exits 1 and prints file:line: message for each problem', async () => {
    const dir = notesDir({
      'a.md': '# Lambda\nSee also: Nowhere\n* runs functions\n\n# Empty\n',
      'b.md': '# Lambda\n* duplicate\n',
      'c.md': '# Broken\n* **unclosed\n',
    });
    const result = await runCli(['kb', 'validate', '--knowledge', dir]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(4);
    for (const line of lines) expect(line).toMatch(PROBLEM_LINE);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/a\.md:5: .*Empty/),
        expect.stringMatching(/a\.md:2: .*Nowhere/),
        expect.stringMatching(/b\.md:1: .*Lambda/),
        expect.stringMatching(/c\.md:2: .*unclosed/),
      ]),
    );
    expect(lines.every((line) => line.startsWith(dir))).toBe(true);
    expect(result.stderr).toMatch(/^problems found: /);
  });

  it('exits 1 on a folder with no notes in it, saying so', async () => {
    const dir = notesDir({ 'readme.txt': 'not notes' });
    const result = await runCli(['kb', 'validate', '--knowledge', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no \.md files/);
  });

  it('exits 1 on a missing folder without a stack trace', async () => {
    const result = await runCli(['kb', 'validate', '--knowledge', '/nonexistent']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/does not exist/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('takes the folder to check as its argument too, and refuses two', async () => {
    const dir = notesDir({ 'c.md': '# Broken\n* **unclosed\n' });
    const named = await runCli(['kb', 'validate', dir]);
    expect(named.status).toBe(1);
    expect(named.stdout).toMatch(/c\.md:2: .*unclosed/);
    const twice = await runCli(['kb', 'validate', dir, '--knowledge', dir]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/checks one folder/);
  });

  it('exits 2 on an unknown kb command', async () => {
    const result = await runCli(['kb', 'frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown kb command "frobnicate"/);
  });
});

describe('tutor eval', () => {
  const item = (q: string, intent: string, topics: string[]) => JSON.stringify({ q, intent, topics });
  const sets = () =>
    notesDir({
      'storage.jsonl': `${item("what's s3", 'explain', ['s3'])}\n${item('what is glue', 'unknown', [])}\n`,
      'databases.jsonl': `${item('tell me about aurora', 'explain', ['aurora'])}\n`,
    });

  it('says a question set that is not there is not there, without a stack trace', async () => {
    const result = await runCli(['eval', '/nonexistent/questions.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\/nonexistent\/questions\.jsonl: no such question set/);
    expect(result.stderr).not.toMatch(/ENOENT/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('scores a folder of sets, each on the notes folder of its name: one line an area, then all pooled', async () => {
    const result = await runCli(['eval', sets(), '--knowledge', join(FIXTURES_DIR, 'notes')]);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^databases: intent=1\.00 top1=1\.00 /);
    expect(lines[1]).toMatch(/^storage: intent=1\.00 top1=1\.00 .*unknown_p=1\.00 unknown_r=1\.00$/);
    expect(lines[2]).toBe('pooled over 3 questions:');
    expect(lines.at(-1)).toMatch(/^score: intent=1\.00 top1=1\.00 /);
  });

  it('says which set has no notes folder to be asked of, and that a folder of sets needs --knowledge', async () => {
    const dir = sets();
    const missing = await runCli(['eval', dir, '--knowledge', KNOWLEDGE_DIR]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/databases\.jsonl: no notes folder .*databases/);
    expect(missing.stderr).not.toMatch(STACK_TRACE);
    const usage = await runCli(['eval', dir]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--knowledge/);
  });
});

describe('tutor: usage', () => {
  it('exits 2 with usage on stderr for an unknown command', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/unknown command "frobnicate"/);
    expect(result.stderr).toMatch(/usage: tutor <command>/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('prints usage and exits 0 on help', async () => {
    const result = await runCli(['help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/usage: tutor <command>/);
  });
});

describe('tutor chat', () => {
  it('answers piped lines until quit, then exits 0', async () => {
    const result = await runCli(['chat'], { input: 'what is fargate\nquit\nwhat is ecr\n' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Fargate (serverless)');
    expect(result.stdout).not.toMatch(/Private Doc[hk]er registry on AWS/);
    expect(result.stdout).not.toContain('aws>');
    expect(result.stderr).toBe('');
  });

  it('ends with its input when there is no quit', async () => {
    const result = await runCli(['chat', '--knowledge', join('tests', 'fixtures', 'notes', 'storage')], {
      input: 'what is ebs\n\n',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('EBS (Elastic block store)');
  });

  it.skipIf(!existsSync(START_ENTRY))('runs as `npm start` (dist/src/main.js)', async () => {
    const result = await runNode(START_ENTRY, [], { input: 'what is fargate\nquit\n' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Fargate');
  });

  it('answers without loading the Slack SDK, as the terminal tutor does: only doctor and the Slack face need it', async () => {
    const env = { NODE_OPTIONS: `--require ${SLACK_MODULE_REPORTER}` };
    const asked = await runCli(['ask', '--json', 'what is fargate'], { env });
    expect(asked.status).toBe(0);
    expect(asked.stderr).not.toContain('loaded @slack/');
    const chatted = await runNode(START_ENTRY, [], { input: 'what is fargate\nquit\n', env });
    expect(chatted.status).toBe(0);
    expect(chatted.stderr).not.toContain('loaded @slack/');
    const checked = await runCli(['doctor', '--json'], { env });
    expect(checked.stderr).toContain('loaded @slack/bolt');
  });
});
