import { describe, expect, it } from 'vitest';
import { type ParsedNotes, type ParsedTopic, parseNotes } from '../../src/knowledge/parse.js';

function parse(content: string, file = 'notes.md'): ParsedNotes {
  return parseNotes(file, content);
}

function only(notes: ParsedNotes): ParsedTopic {
  expect(notes.topics).toHaveLength(1);
  return notes.topics[0] as ParsedTopic;
}

describe('parseNotes: topics and headings', () => {
  it('makes a topic of every `# Heading` with its bullets as facts', () => {
    const notes = parse('# Docker\n* packages apps\n* runs containers\n\n# Lambda\n* runs functions\n');
    expect(notes.topics.map((topic) => topic.title)).toEqual(['Docker', 'Lambda']);
    expect(notes.topics.map((topic) => topic.line)).toEqual([1, 5]);
    expect(notes.topics[0]?.facts.map((fact) => fact.text)).toEqual(['packages apps', 'runs containers']);
    expect(notes.topics[0]?.facts.map((fact) => fact.line)).toEqual([2, 3]);
    expect(notes.problems).toEqual([]);
    expect(notes.broken).toBe(false);
  });

  it('accepts every heading level and strips closing hashes', () => {
    const notes = parse('### Lambda ###\n* runs functions\n###### Batch\n- runs jobs\n');
    expect(notes.topics.map((topic) => topic.title)).toEqual(['Lambda', 'Batch']);
  });

  it('reads a section number or an emoji before a heading as no part of the name', () => {
    const notes = parse(
      '# 2. Amazon S3\n* objects\n## 3) Amazon SQS\n* queues\n### 1.2 Amazon SNS\n* topics\n# 🚀 AWS Lambda\n* functions\n# .NET on AWS\n* sdk\n# 3D printing farm\n* prints\n',
    );
    expect(notes.topics.map((topic) => topic.name)).toEqual([
      'Amazon S3',
      'Amazon SQS',
      'Amazon SNS',
      'AWS Lambda',
      '.NET on AWS',
      '3D printing farm',
    ]);
  });

  it('ignores text before the first heading', () => {
    const topic = only(parse('My AWS notes, work in progress.\n\n# Lambda\n* runs functions\n'));
    expect(topic.facts.map((fact) => fact.text)).toEqual(['runs functions']);
  });

  it('takes a parenthetical that expands the acronym as an alias', () => {
    const topic = only(parse('# ECS (Elastic container service)\n* runs containers\n'));
    expect(topic.name).toBe('ECS');
    expect(topic.title).toBe('ECS (Elastic container service)');
    expect(topic.aliases).toEqual([{ text: 'Elastic container service', line: 1 }]);
    expect(topic.categories).toEqual([]);
  });

  it('expands acronyms with digits and vendor words (EC2, S3, Amazon EKS)', () => {
    const notes = parse(
      '# Amazon EC2 (Elastic Compute Cloud)\n* a\n# S3 (Simple Storage Service)\n* b\n# Amazon EKS (Elastic Kubernetes Service)\n* c\n',
    );
    expect(notes.topics.map((topic) => topic.aliases.map((alias) => alias.text))).toEqual([
      ['Elastic Compute Cloud'],
      ['Simple Storage Service'],
      ['Elastic Kubernetes Service'],
    ]);
    expect(notes.topics.map((topic) => topic.name)).toEqual(['Amazon EC2', 'S3', 'Amazon EKS']);
  });

  it('takes an acronym in parentheses after the full name as an alias', () => {
    const topic = only(parse('# Elastic Container Service (ECS)\n* runs containers\n'));
    expect(topic.name).toBe('Elastic Container Service');
    expect(topic.aliases.map((alias) => alias.text)).toEqual(['ECS']);
  });

  it('takes an acronym among the words in parentheses as an alias, the rest as categories', () => {
    const topic = only(parse('# Horizontal Pod Autoscaler (HPA, scale-out on metrics)\n* adds pods\n'));
    expect(topic.aliases.map((alias) => alias.text)).toEqual(['HPA']);
    expect(topic.categories).toEqual(['scale-out on metrics']);
  });

  it('takes capitals that shorten each word of the name as an alias: RTDB, SSM, VMC', () => {
    const aliasesOf = (heading: string) =>
      only(parse(`# ${heading}\n* a fact\n`)).aliases.map((alias) => alias.text);
    expect(aliasesOf('Realtime Database (RTDB, the og JSON db)')).toEqual(['RTDB']);
    expect(aliasesOf('AWS Systems Manager (SSM, ops hub for ur EC2)')).toEqual(['SSM']);
    expect(aliasesOf('VMware Cloud on AWS (VMC)')).toContain('VMC');
    // Capitals that spell no word of the name stay what the topic is about.
    expect(aliasesOf('Realtime Database (JSON, sync)')).toEqual([]);
  });

  it('takes each side of a spaced slash in a heading’s name as a name, and the expansion of one', () => {
    const topic = only(parse('# SLB / ALB (Server Load Balancer)\n* spreads traffic over backends\n'));
    expect(topic.aliases.map((alias) => alias.text)).toEqual(['SLB', 'ALB', 'Server Load Balancer']);
    expect(topic.categories).toEqual([]);
    // A slash inside a name is part of it.
    expect(only(parse('# Pub/Sub (messaging)\n* topics\n')).aliases).toEqual([]);
  });

  it('reads `w/o` and `w/` in a heading’s parentheses as words, not a slash between two things', () => {
    const topic = only(parse('# Remote Config (feature flags w/o an app release)\n* a fact\n'));
    expect(topic.categories).toEqual(['feature flags without an app release']);
  });

  it('takes a parenthetical that is not an expansion as a category, not an alias', () => {
    const topic = only(parse('# Fargate (serverless)\n* runs containers\n'));
    expect(topic.name).toBe('Fargate');
    expect(topic.categories).toEqual(['serverless']);
    expect(topic.aliases).toEqual([]);
  });

  it('takes an acronym beside its own expansion in parentheses as two more names', () => {
    const topic = only(parse('# AWS Data Exports (CUR, Cost and Usage Report)\n* every line item\n'));
    expect(topic.aliases.map((alias) => alias.text)).toEqual(['CUR', 'Cost and Usage Report']);
    expect(topic.categories).toEqual([]);
  });

  it('splits several categories', () => {
    const topic = only(parse('# API Gateway (serverless, managed)\n* builds APIs\n'));
    expect(topic.categories).toEqual(['serverless', 'managed']);
    expect(topic.aliases).toEqual([]);
  });
});

describe('parseNotes: aspect headings', () => {
  it("reads `## Pricing` under a service as the service's pricing: labelled facts of its topic", () => {
    const notes = parse(
      [
        '# AWS Lambda',
        '## Pricing',
        '- pay per request and per GB-second',
        '## Limits',
        '- max 15 minutes per invocation',
        '- limits can be raised thru a support case',
        '## Overview',
        '- serverless functions, no servers to manage',
        '## Lambda@Edge',
        '- runs functions at CloudFront edge locations',
        '',
      ].join('\n'),
    );
    expect(notes.topics.map((topic) => topic.title)).toEqual(['AWS Lambda', 'Lambda@Edge']);
    expect(notes.topics[0]?.facts.map((fact) => [fact.text, fact.line])).toEqual([
      ['serverless functions, no servers to manage', 8],
      ['pricing: pay per request and per GB-second', 3],
      ['limits: max 15 minutes per invocation', 5],
      ['limits can be raised thru a support case', 6],
    ]);
    expect(notes.topics[0]?.line).toBe(1);
    expect(notes.sections).toEqual([]);
    expect(notes.problems).toEqual([]);
  });

  it("folds them after a topic's own bullets, keeps their quiz and example questions, and leaves a lone one a topic", () => {
    const notes = parse(
      '# Amazon SQS\n- managed queues\n### Use cases\n- decouple services\nAsked as: how do we buffer orders\n# Pricing\n- what things cost\n',
    );
    expect(notes.topics.map((topic) => topic.title)).toEqual(['Amazon SQS', 'Pricing']);
    expect(notes.topics[0]?.facts.map((fact) => fact.text)).toEqual([
      'managed queues',
      'use cases: decouple services',
    ]);
    expect(notes.topics[0]?.askedAs).toEqual(['how do we buffer orders']);
  });

  it('keeps the topics under a heading that only groups them, and says what groups them', () => {
    const notes = parse('# Kubernetes notes\n## Pods\n- smallest unit\n## Services\n- stable IP\n');
    expect(notes.topics.map((topic) => topic.title)).toEqual(['Pods', 'Services']);
    expect(notes.sections).toEqual(['Kubernetes notes']);
  });
});

describe('parseNotes: facts', () => {
  it('attaches `>` sub-points to the bullet above, with or without a space after `>`', () => {
    const topic = only(
      parse(
        '# Docker\n* images are stored in repositories\n  > public: dockerhub\n  >private: ECR\n* next\n',
      ),
    );
    expect(topic.facts).toHaveLength(2);
    expect(topic.facts[0]).toMatchObject({
      text: 'images are stored in repositories',
      subPoints: ['public: dockerhub', 'private: ECR'],
      line: 2,
    });
    expect(topic.facts[1]?.subPoints).toEqual([]);
  });

  it('attaches unindented `>` lines too', () => {
    const topic = only(parse('# Docker\n* images\n> public\n>private\n'));
    expect(topic.facts[0]?.subPoints).toEqual(['public', 'private']);
  });

  it('joins a bullet running over several indented lines into one fact', () => {
    const topic = only(
      parse(
        '# Lambda\n* with an ec2 server we have virtual servers\n  that run all the time\n  and scale slowly\n* functions run on demand\n',
      ),
    );
    expect(topic.facts.map((fact) => fact.text)).toEqual([
      'with an ec2 server we have virtual servers that run all the time and scale slowly',
      'functions run on demand',
    ]);
    expect(topic.facts[0]?.line).toBe(2);
    expect(topic.facts[1]?.line).toBe(5);
  });

  it('folds nested bullets into the sub-points of their parent', () => {
    const topic = only(parse('# Storage\n* volume types\n  * gp3\n    * io2\n* snapshots\n'));
    expect(topic.facts.map((fact) => fact.text)).toEqual(['volume types', 'snapshots']);
    expect(topic.facts[0]?.subPoints).toEqual(['gp3', 'io2']);
  });

  it('accepts `-`, `+` and numbered bullets', () => {
    const topic = only(parse('# Lambda\n- one\n+ two\n1. three\n2) four\n'));
    expect(topic.facts.map((fact) => fact.text)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('turns a plain paragraph under a heading into a fact', () => {
    const topic = only(parse('# Lambda\nLambda runs code\nwithout servers.\n\nAnother paragraph.\n'));
    expect(topic.facts.map((fact) => fact.text)).toEqual([
      'Lambda runs code without servers.',
      'Another paragraph.',
    ]);
  });

  it('collects **bold** phrases as key terms and removes the markers from the text', () => {
    const topic = only(
      parse('# Lambda\n* **Pricing**: pay per request and **compute time**\n  > billed per **ms**\n'),
    );
    const fact = topic.facts[0];
    expect(fact?.text).toBe('Pricing: pay per request and compute time');
    expect(fact?.subPoints).toEqual(['billed per ms']);
    expect(fact?.keyTerms).toEqual(['Pricing', 'compute time', 'ms']);
    expect(fact?.text).not.toContain('*');
  });

  it('keeps HTML comments out of the facts without shifting line numbers', () => {
    const topic = only(parse('# Lambda\n<!-- a note\nto self -->\n* runs functions\n'));
    expect(topic.facts).toEqual([{ text: 'runs functions', subPoints: [], keyTerms: [], line: 4 }]);
  });

  it('reads Windows line endings', () => {
    const topic = only(parse('# Docker\r\n* images\r\n  > public\r\n* containers\r\n'));
    expect(topic.facts.map((fact) => [fact.text, fact.subPoints, fact.line])).toEqual([
      ['images', ['public'], 2],
      ['containers', [], 4],
    ]);
  });

  it('records `Acronym (Expansion)` written in a bullet in the glossary', () => {
    const notes = parse(
      '# Docker\n* private: **ECR**(Elastic container registry)\n* Application Load Balancer (ALB)\n',
    );
    expect(notes.glossary).toEqual([
      { acronym: 'ECR', expansion: 'Elastic container registry', line: 2 },
      { acronym: 'ALB', expansion: 'application load balancer', line: 3 },
    ]);
  });
});

describe('parseNotes: metadata lines', () => {
  it('reads `Also known as:` as aliases and `See also:` as related names, with their lines', () => {
    const topic = only(
      parse(
        '# Fargate (serverless)\nAlso known as: AWS Fargate, Farg\nSee also: ECS, Amazon EKS\n* runs containers\n',
      ),
    );
    expect(topic.aliases).toEqual([
      { text: 'AWS Fargate', line: 2 },
      { text: 'Farg', line: 2 },
    ]);
    expect(topic.seeAlso).toEqual([
      { text: 'ECS', line: 3 },
      { text: 'Amazon EKS', line: 3 },
    ]);
    expect(topic.facts.map((fact) => fact.text)).toEqual(['runs containers']);
  });

  it('reads both labels sharing one line, emphasis-wrapped lines, `aka:` and `Related:`', () => {
    const notes = parse(
      '# A\nAlso known as: Alpha · See also: B\n* a\n# B\n_See also: A_\naka: Bee; Bravo\nRelated: A\n* b\n',
    );
    expect(notes.topics[0]?.aliases.map((alias) => alias.text)).toEqual(['Alpha']);
    expect(notes.topics[0]?.seeAlso.map((link) => link.text)).toEqual(['B']);
    expect(notes.topics[1]?.aliases.map((alias) => alias.text)).toEqual(['Bee', 'Bravo']);
    expect(notes.topics[1]?.seeAlso.map((link) => link.text)).toEqual(['A', 'A']);
    expect(notes.topics.flatMap((topic) => topic.facts.map((fact) => fact.text))).toEqual(['a', 'b']);
  });

  it('keeps a bullet or sub-point that starts with a label as a fact', () => {
    const topic = only(parse('# Lambda\n* See also: the pricing page\n  > Related: the calculator\n'));
    expect(topic.seeAlso).toEqual([]);
    expect(topic.facts).toEqual([
      { text: 'See also: the pricing page', subPoints: ['Related: the calculator'], keyTerms: [], line: 2 },
    ]);
  });

  it('does not take a label in the middle of a bullet for metadata', () => {
    const topic = only(parse('# Lambda\n* pricing, see also: the calculator\n'));
    expect(topic.seeAlso).toEqual([]);
    expect(topic.facts.map((fact) => fact.text)).toEqual(['pricing, see also: the calculator']);
  });
});

describe('parseNotes: Asked as', () => {
  it("keeps `Asked as:` lines and bullets apart from the facts, as the topic's questions", () => {
    const topic = only(
      parse(
        '# AWS Batch\n* runs batch jobs\nAsked as: where do our nightly reports run?\n* _Asked as: how do we crunch the csv exports_\n• Asked as: what runs our monthly payroll\n1. asked as: where do render jobs go\n',
      ),
    );
    expect(topic.facts.map((fact) => fact.text)).toEqual(['runs batch jobs']);
    expect(topic.askedAs).toEqual([
      'where do our nightly reports run?',
      'how do we crunch the csv exports',
      'what runs our monthly payroll',
      'where do render jobs go',
    ]);
  });

  it('reports an `Asked as:` line without a question', () => {
    const notes = parse('# Lambda\n* functions\nAsked as:\n', 'compute.md');
    expect(notes.problems).toEqual([
      { file: 'compute.md', line: 3, message: expect.stringMatching(/without a question/) },
    ]);
  });
});

describe('parseNotes: problems', () => {
  it('reports an unclosed ** with its file and line and marks the file broken', () => {
    const notes = parse(
      '# Lambda\n* fine\n* **pricing: pay per request\n# Batch\n* fine too\n',
      'compute.md',
    );
    expect(notes.broken).toBe(true);
    expect(notes.problems).toHaveLength(1);
    expect(notes.problems[0]).toMatchObject({ file: 'compute.md', line: 3 });
    expect(notes.problems[0]?.message).toMatch(/unclosed \*\*/);
  });

  it('reports an unclosed ** in a sub-point at the line of its bullet', () => {
    const notes = parse('# Docker\n* images\n  > **public\n');
    expect(notes.broken).toBe(true);
    expect(notes.problems.map((problem) => problem.line)).toEqual([2]);
  });

  it('accepts bold spanning a continuation line', () => {
    const notes = parse('# Lambda\n* **pay per\n  request** pricing\n');
    expect(notes.broken).toBe(false);
    expect(notes.problems).toEqual([]);
    expect(only(notes).facts[0]?.keyTerms).toEqual(['pay per request']);
  });

  it('reports an empty topic and keeps the others', () => {
    const notes = parse('# Lambda\n\n# Batch\n* runs jobs\n# Lightsail\n', 'compute.md');
    expect(notes.topics.map((topic) => topic.title)).toEqual(['Batch']);
    expect(notes.problems).toEqual([
      { file: 'compute.md', line: 1, message: expect.stringContaining('"Lambda" is empty') },
      { file: 'compute.md', line: 5, message: expect.stringContaining('"Lightsail" is empty') },
    ]);
    expect(notes.broken).toBe(false);
  });

  it('takes a heading followed only by deeper headings as a section, not an empty topic', () => {
    const notes = parse(
      '# Compute\n## Lambda\n* runs functions\n## Batch\n* runs jobs\n# Storage\n## EBS\n* volumes\n',
    );
    expect(notes.topics.map((topic) => topic.title)).toEqual(['Lambda', 'Batch', 'EBS']);
    expect(notes.problems).toEqual([]);
  });

  it('still reports an empty heading followed by a heading of the same or a higher level', () => {
    const notes = parse('## Lambda\n# Batch\n* runs jobs\n');
    expect(notes.topics.map((topic) => topic.title)).toEqual(['Batch']);
    expect(notes.problems.map((problem) => problem.line)).toEqual([1]);
  });

  it('reports a file without any heading', () => {
    const notes = parse('just some text\n* and a bullet\n', 'loose.md');
    expect(notes.topics).toEqual([]);
    expect(notes.problems).toHaveLength(1);
    expect(notes.problems[0]).toMatchObject({
      file: 'loose.md',
      line: 1,
      message: expect.stringMatching(/no topics/),
    });
  });
});

describe('parseNotes: never throws on garbage', () => {
  const binaryish = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
  const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
  const cases: [string, string][] = [
    ['binary-ish text', binaryish],
    ['binary-ish text under a heading', `# Junk\n* ${binaryish}\n`],
    ['control characters', `# Lam${controls}bda\n* runs\u0007 functions\u0000\n  > sub\u001b[31m\n`],
    ['a 10,000-character line', `# Long\n* ${'word '.repeat(2000)}\n${'x'.repeat(10_000)}\n`],
    ['a 10,000-character line of parentheses', `# Long\n* ${'ECS (Elastic '.repeat(800)}\n`],
    ['emoji', '# 🚀 Rockets 🚀\n* 🔥🔥 **hot** 🔥\n  > 👍\n'],
    ['only markup characters', '#\n*\n>\n**\n```\n(\n)\n---\n'],
    ['an unterminated code fence', '# Lambda\n```\n# not a heading\n* not a bullet\n'],
    ['lone surrogates', '# A\uD800\n* b\uDC00\n'],
    ['an empty file', ''],
  ];

  it.each(cases)('survives %s', (_label, content) => {
    const notes = parseNotes('garbage.md', content);
    expect(notes.file).toBe('garbage.md');
    expect(Array.isArray(notes.topics)).toBe(true);
    expect(typeof notes.broken).toBe('boolean');
    for (const problem of notes.problems) {
      expect(problem.file).toBe('garbage.md');
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.message.length).toBeGreaterThan(0);
    }
    for (const topic of notes.topics) {
      expect(topic.facts.length).toBeGreaterThan(0);
      for (const fact of topic.facts) expect(typeof fact.text).toBe('string');
    }
  });

  it('strips control characters from facts', () => {
    const topic = only(parse('# Lambda\n* runs\u0007 func\u0000tions\n'));
    expect(topic.facts[0]?.text).toBe('runs functions');
  });

  it('keeps emoji in the facts', () => {
    const topic = only(parse('# Rockets\n* 🚀 go **up** 🚀\n'));
    expect(topic.facts[0]?.text).toBe('🚀 go up 🚀');
    expect(topic.facts[0]?.keyTerms).toEqual(['up']);
  });

  it('reads a fenced code block as text, not as headings or bullets', () => {
    const topic = only(parse('# Lambda\n* handler:\n```\n# not a heading\n```\n'));
    expect(topic.title).toBe('Lambda');
    const written = topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints]).join(' ');
    expect(written).toContain('# not a heading');
    expect(topic.facts).toHaveLength(1);
  });
});

describe('parseNotes: markup that is not bold', () => {
  it('does not take ** in code for unclosed bold', () => {
    const fenced = parse('# Lambda\n* fact\n```\nconst x = 2 ** 10;\n```\n');
    expect(fenced.broken).toBe(false);
    expect(fenced.problems).toEqual([]);
    const inline = parse('# Lambda\n* compute `2 ** 10` quickly\n');
    expect(inline.broken).toBe(false);
    expect(only(inline).facts[0]?.text).toBe('compute `2 ** 10` quickly');
  });

  it('reads ***bold italic*** as the key term without the extra stars', () => {
    const fact = only(parse('# Lambda\n* ***pay per request*** pricing\n')).facts[0];
    expect(fact?.keyTerms).toEqual(['pay per request']);
    expect(fact?.text).toBe('pay per request pricing');
  });

  it('reports a heading without a name instead of making a nameless topic', () => {
    const notes = parse('# \n* orphan fact\n# Lambda\n* fact\n');
    expect(notes.topics.map((topic) => topic.title)).toEqual(['Lambda']);
    expect(notes.problems).toEqual([
      { file: 'notes.md', line: 1, message: expect.stringContaining('heading without a name') },
    ]);
  });
});

describe('parseNotes: underlined headings and tables', () => {
  it('reads a heading underlined with = or - as a topic, at its own line', () => {
    const notes = parse(
      'Amazon SNS\n==========\n* fans out messages\n\nAmazon SQS\n----------\n* queues messages\n',
    );
    expect(notes.topics.map((topic) => [topic.title, topic.line])).toEqual([
      ['Amazon SNS', 1],
      ['Amazon SQS', 5],
    ]);
    expect(notes.topics[1]?.facts.map((fact) => [fact.text, fact.line])).toEqual([['queues messages', 7]]);
  });

  it('reads a line in bold as a heading in notes with no heading at all, and only there', () => {
    const headless = parse('**Amazon SQS**\n- queues messages\n\n__Amazon SNS__:\n- fans out\n');
    expect(headless.topics.map((topic) => [topic.title, topic.line])).toEqual([
      ['Amazon SQS', 1],
      ['Amazon SNS', 4],
    ]);
    const topic = only(parse('# Amazon SQS\n- queues messages\n\n**Limits**\n- 256 KB a message\n'));
    expect(topic.facts.map((fact) => fact.text)).toEqual(['queues messages', 'Limits', '256 KB a message']);
  });

  it('keeps a rule after a blank line a rule, and an underline inside a paragraph no heading', () => {
    const topic = only(parse('# SQS\n* queues messages\n\n---\n\n* keeps them 14 days\n'));
    expect(topic.facts.map((fact) => fact.text)).toEqual(['queues messages', 'keeps them 14 days']);
  });

  it('makes each table row a fact that says what its cells mean', () => {
    const topic = only(
      parse(
        '# SQS\n* queues messages\n\n| Limit | Value |\n|---|---:|\n| max message size | 256 KB |\n| retention | up to 14 days |\n',
      ),
    );
    expect(topic.facts.map((fact) => [fact.text, fact.line])).toEqual([
      ['queues messages', 2],
      ['max message size: 256 KB', 6],
      ['retention: up to 14 days', 7],
    ]);
  });

  it('names the column of each cell in a table of several columns', () => {
    const topic = only(
      parse(
        '# ECS vs Fargate\n| | ECS | Fargate |\n| --- | --- | --- |\n| servers | u manage ec2 | none |\n',
      ),
    );
    expect(topic.facts.map((fact) => fact.text)).toEqual(['servers: ECS u manage ec2; Fargate none']);
  });

  it('needs a divider row of as many cells as the header to read a table', () => {
    const topic = only(parse('# SQS\n| limit | value |\n|-|:-:|\n| retention | 14 days |\n* a | b\n* c\n'));
    expect(topic.facts.map((fact) => fact.text)).toEqual(['retention: 14 days', 'a | b', 'c']);
    const notes = parse('# SQS\n* queues\n\nFIFO | standard\n---\n* ordered\n');
    expect(notes.topics.map((parsed) => parsed.title)).toEqual(['SQS', 'FIFO | standard']);
  });

  it('leaves a table inside a code fence as code', () => {
    const topic = only(parse('# SQS\n* queues\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n'));
    expect(topic.facts[0]?.subPoints).toEqual(['`| a | b | |---|---| | 1 | 2 |`']);
  });
});

describe('parseNotes: inline Markdown besides bold', () => {
  it('reads links as their text, drops images and crossed-out text, and unwraps italics and <br>', () => {
    const topic = only(
      parse(
        [
          '## [AWS Lambda](https://aws.amazon.com/lambda/)',
          '- runs code without servers, see [the docs](https://docs.aws.amazon.com/lambda/ "Lambda docs")',
          '- max timeout is *15 minutes*<br>memory up to _10 GB_',
          '- ~~5 minutes~~ 15 minutes since 2018',
          '- ![diagram](img/lambda.png)',
          '- **[Layers](https://example.com)** share code between functions',
        ].join('\n'),
      ),
    );
    expect(topic.title).toBe('AWS Lambda');
    expect(topic.facts.map((fact) => fact.text)).toEqual([
      'runs code without servers, see the docs',
      'max timeout is 15 minutes memory up to 10 GB',
      '15 minutes since 2018',
      'Layers share code between functions',
    ]);
    expect(topic.facts[3]?.keyTerms).toEqual(['Layers']);
  });

  it('reads wiki links, highlights and task boxes as their text', () => {
    const topic = only(
      parse(
        '# Lambda\n- see [[API Gateway]] and [[Step Functions|state machines]]\n- [x] ==15 minutes== max\n- [ ] if a == b == c\n',
      ),
    );
    const callout = only(parse('# Lambda\n- limits\n  > [!note] 15 minutes max\n'));
    expect(callout.facts[0]?.subPoints).toEqual(['15 minutes max']);
    expect(topic.facts.map((fact) => fact.text)).toEqual([
      'see API Gateway and state machines',
      '15 minutes max',
      'if a == b == c',
    ]);
  });

  it('reads wiki links in See also lines as the topics they name', () => {
    const notes = parse('# ECS\n\nSee also: [[Fargate]], [[Amazon ECR|ECR]]\n\n* runs containers\n');
    expect(notes.topics[0]?.seeAlso.map((entry) => entry.text)).toEqual(['Fargate', 'ECR']);
  });

  it('leaves code, snake_case names, placeholders and arithmetic as written', () => {
    const topic = only(
      parse('# S3\n* `[a](b)` and cst_actv_flg stay\n* s3://<bucket>/<key> paths\n* 2 * 3 = 6 and a_b_c\n'),
    );
    expect(topic.facts.map((fact) => fact.text)).toEqual([
      '`[a](b)` and cst_actv_flg stay',
      's3://<bucket>/<key> paths',
      '2 * 3 = 6 and a_b_c',
    ]);
  });

  it('reads bullets pasted from documents (•, ◦, ▪, –, —, →) as bullets', () => {
    const topic = only(
      parse(
        '# S3\n• object storage\n• objects up to 5 TB\n  ◦ multipart over 100 MB\n  → or the CLI does it\n— 99.99% available\n▪ 11 9s\n',
      ),
    );
    expect(topic.facts.map((fact) => [fact.text, fact.subPoints])).toEqual([
      ['object storage', []],
      ['objects up to 5 TB', ['multipart over 100 MB', 'or the CLI does it']],
      ['99.99% available', []],
      ['11 9s', []],
    ]);
  });

  it('takes a tab-indented bullet as a sub-point', () => {
    const topic = only(parse('# Lambda\n- pricing\n\t- per request\n\t- per GB-second\n'));
    expect(topic.facts.map((fact) => [fact.text, fact.subPoints])).toEqual([
      ['pricing', ['per request', 'per GB-second']],
    ]);
  });
});
