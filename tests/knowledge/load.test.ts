import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeFolderError, loadKnowledgeDir } from '../../src/knowledge/load.js';
import type { NotesProblem, Topic } from '../../src/knowledge/types.js';
import { notesDir } from '../helpers/notes-dir.js';
import { KNOWLEDGE_DIR, SHARED_COMPUTE_NOTES } from '../helpers/paths.js';

const COMPUTE_TOPICS = [
  'docker',
  'ecs',
  'fargate',
  'ecr',
  'eks',
  'lambda',
  'api-gateway',
  'batch',
  'lightsail',
];

function topic(topics: Topic[], id: string): Topic {
  const found = topics.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no topic ${id} among ${topics.map((t) => t.id).join(', ')}`);
  return found;
}

function problemsIn(problems: NotesProblem[], file: string): NotesProblem[] {
  return problems.filter((problem) => problem.file === file);
}

describe('loadKnowledgeDir: the team notes', () => {
  it.skipIf(!existsSync(SHARED_COMPUTE_NOTES))(
    'loads the raw shared notes unchanged with no problems and 9 topics',
    () => {
      const dir = notesDir({});
      copyFileSync(SHARED_COMPUTE_NOTES, join(dir, 'aws-compute.md'));
      expect(readFileSync(join(dir, 'aws-compute.md'))).toEqual(readFileSync(SHARED_COMPUTE_NOTES));

      const { knowledge, problems } = loadKnowledgeDir(dir);
      expect(problems).toEqual([]);
      expect(knowledge.files).toEqual(['aws-compute.md']);
      expect(knowledge.topics.map((t) => t.id)).toEqual(COMPUTE_TOPICS);
      for (const t of knowledge.topics) {
        expect(t.facts.length).toBeGreaterThan(0);
        expect(t.source.file).toBe('aws-compute.md');
      }
    },
  );

  it.skipIf(!existsSync(SHARED_COMPUTE_NOTES))(
    'gives ECR the expansion written in the Docker section as an alias',
    () => {
      const dir = notesDir({});
      copyFileSync(SHARED_COMPUTE_NOTES, join(dir, 'aws-compute.md'));
      const { knowledge } = loadKnowledgeDir(dir);
      const ecr = topic(knowledge.topics, 'ecr');
      expect(ecr.title).toBe('ECR');
      expect(ecr.aliases).toContain('Elastic container registry');
    },
  );

  it.skipIf(!existsSync(SHARED_COMPUTE_NOTES))(
    'reads the raw notes’ dialect: sub-points, categories and heading aliases',
    () => {
      const dir = notesDir({});
      copyFileSync(SHARED_COMPUTE_NOTES, join(dir, 'aws-compute.md'));
      const { knowledge } = loadKnowledgeDir(dir);
      const docker = topic(knowledge.topics, 'docker');
      const images = docker.facts.find((fact) => fact.text.includes('Docker Images'));
      expect(images?.subPoints).toEqual(['public : dockerhub', 'private : ECR(Elastic container registry)']);
      expect(topic(knowledge.topics, 'fargate').categories).toEqual(['serverless']);
      expect(topic(knowledge.topics, 'ecs').aliases).toContain('Elastic container service');
      const eks = topic(knowledge.topics, 'eks');
      expect(
        eks.facts.find((fact) => fact.text.startsWith('containers can be hosted on'))?.subPoints,
      ).toEqual(['EC2 instances', 'Fargate(serverless)']);
      // The first Lambda bullet runs over three lines and stays one fact.
      expect(topic(knowledge.topics, 'lambda').facts[0]?.text).toMatch(
        /^suppose, .* slow and complicated\.$/,
      );
    },
  );

  it('loads the project knowledge/ folder with 9 topics and no problems', () => {
    const { knowledge, problems } = loadKnowledgeDir(KNOWLEDGE_DIR);
    expect(problems).toEqual([]);
    expect(knowledge.files).toEqual(['compute.md']);
    expect(knowledge.topics.map((t) => t.id)).toEqual(COMPUTE_TOPICS);
  });

  it('resolves `See also:` lines of knowledge/ to topic ids and keeps metadata aliases', () => {
    const { knowledge } = loadKnowledgeDir(KNOWLEDGE_DIR);
    expect(topic(knowledge.topics, 'ecs').related).toEqual(['fargate', 'eks', 'ecr', 'docker']);
    expect(topic(knowledge.topics, 'eks').aliases).toEqual(
      expect.arrayContaining(['EKS', 'Elastic Kubernetes Service', 'k8s', 'Kubernetes']),
    );
    expect(topic(knowledge.topics, 'fargate').aliases).toContain('AWS Fargate');
    expect(topic(knowledge.topics, 'api-gateway').aliases).toContain('API Gateway');
  });
});

describe('loadKnowledgeDir: problems are reported, the rest loads', () => {
  it('reports a topic defined in two files at the second one and keeps the first', () => {
    const dir = notesDir({
      'a.md': '# Lambda\n* runs functions\n',
      'b.md': '# Batch\n* runs jobs\n\n# Lambda\n* a duplicate\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([{ file: 'b.md', line: 4, message: expect.stringContaining('a.md:1') }]);
    expect(problems[0]?.message).toContain('"Lambda" is already defined');
    expect(knowledge.topics.map((t) => `${t.source.file}:${t.id}`)).toEqual(['a.md:lambda', 'b.md:batch']);
    expect(topic(knowledge.topics, 'lambda').facts.map((fact) => fact.text)).toEqual(['runs functions']);
  });

  it('takes `Amazon X` and `X` for the same topic', () => {
    const dir = notesDir({ 'a.md': '# Amazon EKS\n* kubernetes\n', 'b.md': '# EKS\n* again\n' });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'b.md', line: 1 });
    expect(knowledge.topics).toHaveLength(1);
  });

  it('reports an alias that already names another topic, with its file:line, and loads both topics', () => {
    const dir = notesDir({
      'a.md': '# ECS\nAlso known as: Container Service\n* runs containers\n',
      'b.md':
        '# Fargate\n\nAlso known as: Serverless Containers, Container Service\n* serverless containers\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([
      { file: 'b.md', line: 3, message: expect.stringContaining('"Container Service"') },
    ]);
    expect(problems[0]?.message).toContain('a.md:2');
    expect(knowledge.topics.map((t) => t.id)).toEqual(['ecs', 'fargate']);
    expect(topic(knowledge.topics, 'fargate').aliases).toEqual(['Serverless Containers']);
    expect(topic(knowledge.topics, 'ecs').aliases).toEqual(['Container Service']);
  });

  it('reports an alias that is another topic’s name', () => {
    const dir = notesDir({ 'a.md': '# Lambda\n* functions\n\n# Batch\nAlso known as: Lambda\n* jobs\n' });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([{ file: 'a.md', line: 5, message: expect.stringContaining('"Lambda"') }]);
    expect(knowledge.topics).toHaveLength(2);
  });

  it('reports a `See also:` naming a missing topic and keeps the links that resolve', () => {
    const dir = notesDir({
      'a.md': '# Lambda\nSee also: AWS Batch, Step Functions\n* functions\n',
      'b.md': '# AWS Batch\n* jobs\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([{ file: 'a.md', line: 2, message: expect.stringContaining('Step Functions') }]);
    expect(topic(knowledge.topics, 'lambda').related).toEqual(['batch']);
  });

  it('resolves `See also:` by alias and by the name without the vendor', () => {
    const dir = notesDir({
      'a.md':
        '# ECS (Elastic Container Service)\n* containers\n\n# Lambda\nSee also: Elastic Container Service, Amazon Batch\n* functions\n',
      'b.md': '# Batch\n* jobs\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([]);
    expect(topic(knowledge.topics, 'lambda').related).toEqual(['ecs', 'batch']);
  });

  it('skips a broken file (unclosed bold) and still loads a good file in the same folder', () => {
    const dir = notesDir({
      'broken.md': '# Lambda\n* **pricing: pay per request\n\n# Batch\n* jobs\n',
      'good.md': '# Docker\n* containers\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([
      { file: 'broken.md', line: 2, message: expect.stringMatching(/unclosed \*\*/) },
    ]);
    expect(knowledge.files).toEqual(['good.md']);
    expect(knowledge.topics.map((t) => t.id)).toEqual(['docker']);
  });

  it('reports every problem of a broken file in one pass: its unclosed bold and its duplicate topic', () => {
    const dir = notesDir({
      'broken.md': '# Lambda\n* **pricing: pay per request\n\n# Batch\n* jobs\n\n# Lambda\n* again\n',
      'good.md': '# Docker\n* containers\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([
      { file: 'broken.md', line: 2, message: expect.stringMatching(/unclosed \*\*/) },
      { file: 'broken.md', line: 7, message: 'topic "Lambda" is already defined at broken.md:1' },
    ]);
    expect(knowledge.topics.map((t) => t.id)).toEqual(['docker']);
  });

  it("reports a broken file's topic that another file already defines, and still serves the other", () => {
    const dir = notesDir({
      'a.md': '# Docker\n* containers\n',
      'b.md': '# Docker\n* **unclosed\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)).toEqual([
      expect.stringMatching(/^b\.md:2: unclosed/),
      'b.md:1: topic "Docker" is already defined at a.md:1',
    ]);
    expect(knowledge.topics.map((t) => t.id)).toEqual(['docker']);
  });

  it('reports a file with NUL bytes and skips it', () => {
    const dir = notesDir({
      'binary.md': Buffer.from('# Lambda\n* runs\u0000functions\n', 'utf8'),
      'good.md': '# Docker\n* containers\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problemsIn(problems, 'binary.md')).toEqual([
      { file: 'binary.md', line: 1, message: expect.stringMatching(/NUL/) },
    ]);
    expect(knowledge.files).toEqual(['good.md']);
    expect(knowledge.topics.map((t) => t.id)).toEqual(['docker']);
  });

  it('reports a file that is not UTF-8 and skips it', () => {
    const dir = notesDir({
      'latin1.md': Buffer.from([
        ...Buffer.from('# Caf'),
        0xe9,
        ...Buffer.from('\n* cr'),
        0xe8,
        ...Buffer.from('me\n'),
      ]),
      'good.md': '# Docker\n* containers\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([{ file: 'latin1.md', line: 1, message: expect.stringMatching(/UTF-8/) }]);
    expect(knowledge.files).toEqual(['good.md']);
  });

  it('reads a UTF-8 file with a byte order mark', () => {
    const dir = notesDir({ 'bom.md': '\uFEFF# Lambda\n* runs functions\n' });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([]);
    expect(knowledge.topics.map((t) => t.title)).toEqual(['Lambda']);
  });

  it('reads *.md files in subfolders, in a stable order, and ignores other files', () => {
    const dir = notesDir({
      'z.md': '# Zeta\n* last\n',
      'compute/a.md': '# Alpha\n* first\n',
      'README.txt': '# Not notes\n* ignored\n',
      'b.MD': '# Beta\n* upper-case extension\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([]);
    expect(knowledge.files).toEqual(['b.MD', 'compute/a.md', 'z.md']);
    expect(knowledge.topics.map((t) => t.source.file)).toEqual(['b.MD', 'compute/a.md', 'z.md']);
  });

  it("skips node_modules and hidden folders: notes kept in a repository don't take in its other Markdown", () => {
    const dir = notesDir({
      'compute.md': '# Lambda\n* runs functions\n',
      'team/storage.md': '# S3\n* stores objects\n',
      'node_modules/some-package/README.md': '# Installation\n* npm install some-package\n',
      '.github/PULL_REQUEST_TEMPLATE.md': '# Checklist\n* tests pass\n',
      'team/.drafts/idea.md': '# Draft\n* not ready\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([]);
    expect(knowledge.files).toEqual(['compute.md', 'team/storage.md']);
    expect(knowledge.topics.map((t) => t.title)).toEqual(['Lambda', 'S3']);
  });

  it('loads an empty folder as an empty knowledge base', () => {
    const { knowledge, problems } = loadKnowledgeDir(notesDir({}));
    expect(knowledge).toEqual({ topics: [], files: [], sections: [] });
    expect(problems).toEqual([]);
  });

  it('gives topics whose names slug to the same id distinct ids', () => {
    const dir = notesDir({ 'a.md': '# 🚀\n* rockets\n\n# 🔥\n* fire\n\n# Topic\n* a topic\n' });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([]);
    expect(knowledge.topics.map((t) => t.id)).toEqual(['topic', 'topic-2', 'topic-3']);
  });
});

describe('loadKnowledgeDir: a missing folder', () => {
  it('throws KnowledgeFolderError naming the folder and how to fix it', () => {
    const missing = join(notesDir({}), 'does-not-exist');
    let thrown: unknown;
    try {
      loadKnowledgeDir(missing);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KnowledgeFolderError);
    const message = (thrown as Error).message;
    expect(message).toContain(missing);
    expect(message).toMatch(/does not exist/);
    expect(message).toMatch(/--knowledge/);
  });

  it('throws KnowledgeFolderError for a file given as the folder', () => {
    const dir = notesDir({ 'notes.md': '# Lambda\n* functions\n' });
    expect(() => loadKnowledgeDir(join(dir, 'notes.md'))).toThrow(KnowledgeFolderError);
  });
});

describe('loadKnowledgeDir: any spelling of the folder', () => {
  it('loads the same notes from a relative or un-normalised path', () => {
    const plain = loadKnowledgeDir(KNOWLEDGE_DIR);
    for (const spelling of [
      `${KNOWLEDGE_DIR}/`,
      join(KNOWLEDGE_DIR, '..', 'knowledge'),
      `${KNOWLEDGE_DIR}/./`,
    ]) {
      const loaded = loadKnowledgeDir(spelling);
      expect(loaded.problems).toEqual([]);
      expect(loaded.knowledge.files).toEqual(plain.knowledge.files);
    }
  });
});

describe("other names a topic's bullets give it", () => {
  it('are its aliases: a short name, or one in brackets after its name', () => {
    const { knowledge } = loadKnowledgeDir(
      notesDir({
        'notes.md': [
          '# StatefulSets (stable identity & storage)',
          '- pods get ordinal names web-0, web-1',
          '- short name **sts**',
          '',
          '# CSRF (cross-site request forgery)',
          '- **CSRF** (aka **XSRF**, "sea-surf") = an evil site makes the browser send a request',
          '',
          '# SQL injection (untrusted input in queries)',
          '- **SQL injection** (**SQLi**) = user input glued into a SQL string',
          '',
          '# Deployments',
          '- short name **deploy**',
          '- rolling update (default) swaps pods a few at a time',
          '',
          '# Escalation Policies (who gets paged, in what order)',
          '- an **escalation policy (EP)** = ordered list of escalation rules',
          '',
        ].join('\n'),
      }),
    );
    expect(knowledge.topics.map((topic) => topic.aliases)).toEqual([
      ['sts'],
      ['cross-site request forgery', 'XSRF', 'sea-surf'],
      ['SQLi'],
      // A short name that is a word would take the word's questions; a bracket that explains names nothing.
      [],
      // The bullet names one of the things the heading names several of, after an article.
      ['EP'],
    ]);
  });
});
