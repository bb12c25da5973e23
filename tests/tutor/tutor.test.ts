import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render-text.js';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { rankFacts } from '../../src/tutor/rank-facts.js';
import type { Intent, Reply } from '../../src/tutor/reply.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { defaultUnderstandingParts, Understanding } from '../../src/understand/understanding.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR, KNOWLEDGE_DIR, STORAGE_NOTES_DIR } from '../helpers/paths.js';
import { expectValidReply, tutorFor } from '../helpers/tutor.js';

const compute = () => tutorFor(KNOWLEDGE_DIR);

function ask(question: string): Reply {
  return compute().answer(question);
}

/** Narrows a reply to one intent, failing the test with what came back otherwise. */
function as<I extends Intent>(reply: Reply, intent: I): Extract<Reply, { intent: I }> {
  expect(reply.intent, `reply to ${JSON.stringify(reply.question)}`).toBe(intent);
  return reply as Extract<Reply, { intent: I }>;
}

describe('tutor on knowledge/: intent and top topic', () => {
  const table: [question: string, intent: Intent, topic: string | null][] = [
    ['what is fargate', 'explain', 'fargate'],
    ['What is Fargate?', 'explain', 'fargate'],
    ['lamda pricing', 'explain', 'lambda'],
    ['elastic container registry', 'explain', 'ecr'],
    ['managed kubernetes', 'explain', 'eks'],
    ['tell me about k8s', 'explain', 'eks'],
    ['what is api gateway', 'explain', 'api-gateway'],
    ['explain aws batch', 'explain', 'batch'],
    ['ecs vs fargate', 'compare', 'ecs'],
    ['topics', 'list', null],
    ['quiz me on lambda', 'quiz', 'lambda'],
    ['my score', 'leaderboard', null],
    ['leaderboard', 'leaderboard', null],
    ['am i still ahead of priya on the quiz points or did she overtake me', 'leaderboard', null],
    ['whos topping the charts this week, am i still behind priya?', 'leaderboard', null],
    ['what is priya', 'unknown', null],
    ['help', 'help', null],
    ['what is s3', 'unknown', null],
    ['dynamodb', 'unknown', null],
  ];

  it.each(table)('%j -> %s %s', (question, intent, topic) => {
    const reply = ask(question);
    expect(reply.intent).toBe(intent);
    if (topic === null) {
      if (intent === 'unknown' || intent === 'list' || intent === 'help' || intent === 'leaderboard') {
        expect(reply.topics).toEqual([]);
      }
    } else {
      expect(reply.topics[0]?.id).toBe(topic);
    }
    expectValidReply(reply);
  });
});

describe('tutor on knowledge/: what the replies hold', () => {
  it('explains Fargate from its notes and cites them', () => {
    const reply = as(ask('what is fargate'), 'explain');
    expect(reply.topic).toEqual({ id: 'fargate', title: 'Fargate (serverless)' });
    expect(reply.topics).toEqual([reply.topic]);
    expect(reply.lead[0]?.text).toMatch(/serverless/i);
    expect(reply.source).toEqual({ file: 'compute.md', heading: 'Fargate (serverless)', line: 24 });
    expect(reply.related.map((topic) => topic.id)).toContain('ecs');
    expect(reply.related.length).toBeLessThanOrEqual(3);
    expect(reply.confidence).toBeGreaterThan(0.5);
    const shown = [...reply.lead, ...reply.rest].map((fact) => fact.text);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('says what Lambda is first, not the scene its first bullet sets', () => {
    for (const question of ['what is lambda', "what's the aws equivalent of azure functions"]) {
      const reply = as(ask(question), 'explain');
      expect(reply.topic.id).toBe('lambda');
      expect(reply.lead[0]?.text, question).toBe('Lambda -no servers where we just have virtual functions');
      expect(reply.rest.map((fact) => fact.text).join(' '), question).not.toContain('Lambda -no servers');
    }
  });

  it('answers a facet of a misspelt topic with the fact about it first', () => {
    const reply = as(ask('lamda pricing'), 'explain');
    expect(reply.topic.id).toBe('lambda');
    expect(reply.lead[0]?.text.toLowerCase()).toContain('pay per request');
  });

  it('finds ECR by its expansion and EKS by what it does', () => {
    expect(as(ask('elastic container registry'), 'explain').topic.title).toBe(
      'ECR (Elastic Container Registry)',
    );
    const eks = as(ask('managed kubernetes'), 'explain');
    expect(eks.lead[0]?.text).toMatch(/managed kubernetes clusters/i);
  });

  it('compares ECS and Fargate side by side on at least one shared subject', () => {
    const reply = as(ask('ecs vs fargate'), 'compare');
    expect(reply.topics.map((topic) => topic.id)).toEqual(['ecs', 'fargate']);
    expect(reply.sides.map((side) => side.topic.id)).toEqual(['ecs', 'fargate']);
    expect(reply.shared.length).toBeGreaterThanOrEqual(1);
    for (const subject of reply.shared) {
      expect(subject.subject.length).toBeGreaterThan(0);
      expect(subject.facts).toHaveLength(2);
      expect(subject.facts.every((fact) => fact !== null)).toBe(true);
    }
    for (const side of reply.sides) {
      expect(side.summary.length).toBeGreaterThan(0);
      expect(side.summary.length).toBeLessThanOrEqual(3);
      expect(side.source.file).toBe('compute.md');
    }
  });

  it('compares whichever way round and with other phrasings', () => {
    expect(ask('fargate vs ecs').topics.map((topic) => topic.id)).toEqual(['fargate', 'ecs']);
    expect(as(ask('difference between ecs and fargate'), 'compare').topics.map((t) => t.id)).toEqual([
      'ecs',
      'fargate',
    ]);
  });

  it('lists every topic grouped under compute.md', () => {
    const reply = as(ask('topics'), 'list');
    expect(reply.groups.map((group) => group.file)).toEqual(['compute.md']);
    expect(reply.groups[0]?.topics.map((topic) => topic.id)).toEqual(
      compute().knowledge.topics.map((topic) => topic.id),
    );
    expect(reply.groups[0]?.topics).toHaveLength(9);
  });

  it('quizzes on the topic asked for, and on none when no topic is named', () => {
    expect(as(ask('quiz me on lambda'), 'quiz').topic).toEqual({ id: 'lambda', title: 'Lambda' });
    const any = as(ask('quiz'), 'quiz');
    expect(any.topic).toBeNull();
    expect(any.topics).toEqual([]);
  });

  it('quizzes on no topic when the request says nothing of what to be quizzed on', () => {
    // Words of a quiz request ("test", "knowledge", "practice") are in some notes' facts too.
    const observability = tutorFor(join(FIXTURES_DIR, 'notes', 'observability-devops'));
    for (const question of ['can you test my knowledge', 'give me a few practice questions']) {
      expect(as(observability.answer(question), 'quiz').topic, question).toBeNull();
    }
    expect(as(ask('quiz me on running containers'), 'quiz').topic).not.toBeNull();
  });

  it('tells my score from everyone’s', () => {
    expect(as(ask('my score'), 'leaderboard').scope).toBe('me');
    expect(as(ask('leaderboard'), 'leaderboard').scope).toBe('everyone');
    expect(as(ask('score'), 'leaderboard').scope).toBe('me');
    expect(as(ask('how am i doing'), 'leaderboard').scope).toBe('me');
  });

  it('reads team standings and the period from a leaderboard request', () => {
    expect(as(ask('leaderboard'), 'leaderboard').period).toBe('week');
    expect(as(ask('leaderboard month'), 'leaderboard')).toMatchObject({ scope: 'everyone', period: 'month' });
    expect(as(ask('leaderboard all'), 'leaderboard').period).toBe('all');
    expect(as(ask('leaderboard teams'), 'leaderboard')).toMatchObject({ scope: 'teams', period: 'week' });
    expect(as(ask('leaderboard teams all'), 'leaderboard')).toMatchObject({ scope: 'teams', period: 'all' });
    expect(as(ask('leaderboard week'), 'leaderboard').period).toBe('week');
  });

  it('lists the commands on help', () => {
    const reply = as(ask('help'), 'help');
    expect(reply.commands.length).toBeGreaterThan(0);
    expect(reply.commands.map((command) => command.example)).toContain('what is fargate');
  });

  it('says it does not know topics the notes lack, names the service, and offers no unrelated topic', () => {
    for (const [question, service] of [
      ['what is s3', 'Amazon Simple Storage Service (S3)'],
      ['dynamodb', 'Amazon DynamoDB'],
    ] as const) {
      const reply = as(ask(question), 'unknown');
      expect(reply.topics).toEqual([]);
      expect(reply.suggestions).toEqual([]);
      expect(reply.notCovered).toEqual([service]);
      expect(renderText(reply)).toContain(`The notes don’t cover ${service}.`);
    }
  });

  it('is pure: the same question gives the same reply', () => {
    for (const question of ['lamda pricing', 'ecs vs fargate', 'what is s3', 'topics']) {
      expect(ask(question)).toEqual(ask(question));
    }
  });
});

describe('tutor: unknown offers at most three suggestions', () => {
  it('caps the suggestions at three even when more topics come close', () => {
    const shared = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];
    const other = ['Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet'];
    const notes = [
      ...shared.map((name) => `# ${name}\n* **widget** gadget sprocket for ${name}\n`),
      ...other.map((name) => `# ${name}\n* plain words about ${name}\n`),
    ].join('\n');
    const tutor = createTutor(loadKnowledgeDir(notesDir({ 'many.md': notes })).knowledge);
    const reply = as(tutor.answer('zqxv widget gadget sprocket'), 'unknown');
    expect(reply.suggestions).toHaveLength(3);
    for (const suggestion of reply.suggestions)
      expect(shared.map((name) => name.toLowerCase())).toContain(suggestion.id);
    expect(renderText(reply)).toMatch(/Did you mean: /);
  });

  it('offers no topic that shares only everyday words with chat, and still offers real near misses', () => {
    const storage = tutorFor(STORAGE_NOTES_DIR);
    expect(
      as(storage.answer('what should we order for the team dinner on friday'), 'unknown').suggestions,
    ).toEqual([]);
    const nearMiss = as(storage.answer('where can i keep old files cheaply for years'), 'unknown');
    expect(nearMiss.suggestions.map((topic) => topic.id)).toContain('s3-glacier');
  });

  it('offers no topic whose facts use a word of the question only in passing', () => {
    // EKS says "rely on ebs/instance store" once, Lightsail "storage" once: no near misses for secrets.
    expect(as(ask('how do i store secrets'), 'unknown').suggestions).toEqual([]);
    const notes = [
      '# Alpha\n* sprocket gadget for alpha\n* alpha sprocket tuning\n',
      '# Bravo\n* bravo widget things\n* a sprocket in passing\n* bravo runs on widgets\n',
      '# Charlie\n* charlie plain words\n* charlie more words\n',
    ].join('\n');
    const tutor = createTutor(loadKnowledgeDir(notesDir({ 'parts.md': notes })).knowledge);
    for (const question of ['zqxv sprocket', 'how do i oil a sprocket'])
      expect(as(tutor.answer(question), 'unknown').suggestions.map((topic) => topic.id)).toEqual(['alpha']);
  });

  it('offers close topics for a question about something the notes lack', () => {
    const reply = as(ask('zqxv containers'), 'unknown');
    expect(reply.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(reply.suggestions.length).toBeLessThanOrEqual(3);
    const ids = compute().knowledge.topics.map((topic) => topic.id);
    for (const suggestion of reply.suggestions) expect(ids).toContain(suggestion.id);
  });
});

describe('tutor: answer() never throws on odd input', () => {
  const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
  const odd: [label: string, question: string][] = [
    ['the empty string', ''],
    ['only spaces', '   \t  '],
    ['10,000 characters', 'x'.repeat(10_000)],
    ['10,000 characters of words', 'what is fargate '.repeat(625)],
    ['emoji only', '🚀🔥👍🏽'],
    ['control characters', `${controls}\u007f`],
    ['control characters around a question', `\u0001what\u0007 is\u0000 ecr\u001b`],
    ['Slack markup only', '<!here>'],
    ['a lone user mention', '<@U123>'],
    [
      'binary-ish text',
      Array.from({ length: 3000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
    ],
    ['object property names', 'constructor __proto__ toString hasOwnProperty'],
    ['only vs', 'vs vs vs'],
    ['a topic compared with itself', 'ecs vs ecs'],
    ['many topics compared', 'ecs vs fargate vs eks vs lambda vs batch'],
  ];

  it.each(odd)('returns a valid reply for %s', (_label, question) => {
    let reply: Reply | undefined;
    expect(() => {
      reply = ask(question);
    }).not.toThrow();
    expectValidReply(reply as Reply);
    expect((reply as Reply).question.length).toBeLessThanOrEqual(500);
  });

  it('answers help for an empty question', () => {
    expect(ask('').intent).toBe('help');
    expect(ask('<!here>').intent).toBe('help');
  });

  it('reads the question inside control characters', () => {
    const reply = ask('\u0001what\u0007 is\u0000 ecr\u001b');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.id).toBe('ecr');
  });

  it('answers ECR through Slack markup and echoes no ping, mention or link', () => {
    const reply = as(ask('<@U123> <!channel> <https://x.com|click> what is ecr'), 'explain');
    expect(reply.topic.id).toBe('ecr');
    expect(reply.question).toMatch(/what is ecr$/);
    for (const forbidden of ['<', '>', '!channel', '@channel', '@here', '@U123', 'https://', 'x.com']) {
      expect(reply.question).not.toContain(forbidden);
    }
  });

  it('never echoes a ping in an unknown reply', () => {
    const reply = ask('<!channel> @here what is s3 https://example.com/s3');
    expect(reply.intent).toBe('unknown');
    const text = renderText(reply);
    for (const forbidden of ['<!channel>', '@here', '@channel', 'https://', 'example.com']) {
      expect(reply.question).not.toContain(forbidden);
      expect(text).not.toContain(forbidden);
    }
  });
});

describe('tutor: generalises to other notes (storage fixture)', () => {
  const storage = () => tutorFor(STORAGE_NOTES_DIR);

  it('explains EBS', () => {
    const reply = as(storage().answer('what is ebs'), 'explain');
    expect(reply.topic.title).toContain('EBS');
    expect(reply.source.file).toBe('storage.md');
  });

  it('compares EBS and EFS', () => {
    const reply = as(storage().answer('ebs vs efs'), 'compare');
    expect(reply.topics.map((topic) => topic.title).join(' ')).toMatch(/EBS.*EFS/);
    expect(reply.shared.length).toBeGreaterThanOrEqual(1);
  });

  it('reads a longer name with a typo in it as that name, not as the shorter name inside it', () => {
    // `s3` alone names S3; `s3 glaier` is S3 Glacier misspelt.
    expect(storage().answer('what is s3 glaier').topics[0]?.id).toBe('s3-glacier');
    expect(storage().answer('what is s3').topics[0]?.id).toBe('s3');
    const messaging = tutorFor(join(FIXTURES_DIR, 'notes', 'messaging'));
    expect(messaging.answer('what is kinsis data streams').topics[0]?.id).toBe('kinesis-data-streams');
  });

  it('finds a topic by part of its name and by its expansion', () => {
    expect(storage().answer('what is glacier').topics[0]?.id).toBe('s3-glacier');
    expect(storage().answer('simple storage service').topics[0]?.id).toBe('s3');
  });

  it('names a topic called after its service by the rest of its name: `instance store`', () => {
    const reply = as(
      storage().answer('can i make the instance store disk bigger later if we run out?'),
      'explain',
    );
    expect(reply.topic.id).toBe('ec2-instance-store');
  });

  it('answers from the topic whose facts fit, not one that a generic part of a name points at', () => {
    // `file system` is part of the catalogue's `Elastic File System`, a name of Amazon EFS; the
    // facts about a parallel file system for HPC are FSx's.
    const reply = as(storage().answer('a very fast parallel file system for our hpc cluster'), 'explain');
    expect(reply.topic.id).toBe('fsx');
    expect(storage().answer('what is elastic file system').topics[0]?.id).toBe('efs');
  });

  it('answers about the topic measured, not the one it is measured against', () => {
    const messaging = tutorFor(join(FIXTURES_DIR, 'notes', 'messaging'));
    const measured: [question: string, topic: string][] = [
      ['can amazon mq grow as big as sqs', 'mq'],
      ['does sns keep messages as long as sqs', 'sns'],
    ];
    for (const [question, topic] of measured)
      expect(messaging.answer(question).topics[0]?.id, question).toBe(topic);
  });

  it('answers a yes-no question about its subject, not the other topic it names', () => {
    expect(ask('can lightsail run docker containers').topics[0]?.id).toMatch(/lightsail/);
    expect(ask('does docker run on lightsail').topics[0]?.id).toBe('docker');
  });

  it('answers the topic that meets a need, not one named only in what the need is for', () => {
    expect(ask('where do i keep my container images so ecs can pull them').topics[0]?.id).toBe('ecr');
    // A sentence that opens with "so" has no need before it.
    expect(ask('ok so lambda can do what exactly').topics[0]?.id).toBe('lambda');
  });

  it('does not answer compute questions from storage notes', () => {
    const reply = storage().answer('what is fargate');
    expect(['unknown', 'explain']).toContain(reply.intent);
    expect(reply.topics.map((topic) => topic.id)).not.toContain('fargate');
  });

  it('lists the storage topics under storage.md', () => {
    const reply = as(storage().answer('topics'), 'list');
    expect(reply.groups.map((group) => group.file)).toEqual(['storage.md']);
    expect(reply.groups[0]?.topics.map((topic) => topic.id)).toContain('ebs');
  });
});

describe('tutor: an empty knowledge base', () => {
  it('answers every question without topics', () => {
    const tutor = createTutor({ topics: [], files: [] });
    for (const question of ['what is fargate', 'topics', 'ecs vs fargate', 'quiz', '']) {
      const reply = tutor.answer(question);
      expectValidReply(reply);
      expect(reply.topics).toEqual([]);
    }
  });
});

describe('createTutor: recent replies', () => {
  it('gives the same reply to a repeated question, cached or not', () => {
    const { knowledge } = loadKnowledgeDir(KNOWLEDGE_DIR);
    const remembering = createTutor(knowledge);
    const forgetful = createTutor(knowledge, undefined, { recentReplies: 0 });
    for (const question of ['lamda pricing', 'ecs vs fargate', 'what is s3', 'lamda pricing']) {
      expect(remembering.answer(question)).toEqual(forgetful.answer(question));
    }
    expect(remembering.answer('  lamda   pricing ')).toBe(remembering.answer('lamda pricing'));
  });
});

describe('tutor: compares without "vs"', () => {
  it('weighs two topics together when the question asks about both', () => {
    const observability = tutorFor(join(FIXTURES_DIR, 'notes', 'observability-devops'));
    const reply = observability.answer('x-ray and cloudwatch, do i need both to monitor my lambda functions');
    expect(reply.intent).toBe('compare');
    expect(reply.topics.map((topic) => topic.id).sort()).toEqual(['cloudwatch', 'x-ray']);
  });

  it('compares a topic with one named by a distinctive word of its name only', () => {
    const reply = tutorFor(STORAGE_NOTES_DIR).answer('glacier or a tape gateway for our backup archive');
    expect(reply.intent).toBe('compare');
    expect(reply.topics.map((topic) => topic.id).sort()).toEqual(['s3-glacier', 'storage-gateway']);
  });

  it('takes what the notes as a whole are about for no name of one topic (`dynamodb` in notes all on DynamoDB)', () => {
    const dynamo = tutorFor(join(FIXTURES_DIR, 'notes', 'dynamodb-deep'));
    expect(
      dynamo.answer('can a dynamodb table switch from provisioned to on-demand every hour').topics[0]?.title,
    ).toMatch(/^Capacity Modes/);
    expect(dynamo.answer('dynamodb streams retention').topics[0]?.title).toMatch(/^DynamoDB Streams/);
  });

  it('answers what the notes as a whole are about with the topic that teaches it first', () => {
    const lambda = tutorFor(join(FIXTURES_DIR, 'notes', 'lambda-deep'));
    const reply = lambda.answer('explain lambda to me');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toMatch(/^Lambda Basics & Limits/);
    expect(tutorFor(join(FIXTURES_DIR, 'notes', 'eks-deep')).answer('what is eks').topics[0]?.title).toMatch(
      /^Amazon EKS Clusters/,
    );
  });

  it('answers the topic whose name a question writes in initials (`MNG` of Managed Node Groups)', () => {
    const eks = tutorFor(join(FIXTURES_DIR, 'notes', 'eks-deep'));
    expect(eks.answer('how many nodes can one mng hold').topics[0]?.title).toMatch(/Managed Node Groups/);
    expect(eks.answer('are our MNGs on the latest ami').topics[0]?.title).toMatch(/Managed Node Groups/);
    // Initials the heading writes too, `(DLQs & redrive)`, and only of a name's last words: `vms`
    // is no Virtual Machine Scale Sets.
    const messaging = tutorFor(join(FIXTURES_DIR, 'notes', 'messaging-deep'));
    const dlq = messaging.answer('dlq on simple queue service');
    expect(dlq.topics[0]?.title).toMatch(/Dead-Letter Queues/);
    expect(dlq.intent === 'explain' && dlq.sure).toBe(true);
    const compute = tutorFor(join(FIXTURES_DIR, 'notes', 'azure-compute'));
    expect(compute.answer('how much notice do spot vms get').topics[0]?.title).not.toMatch(/Scale Sets/);
  });

  it('reads names side by side as one said of the other, compared only when the question says so', () => {
    const storage = tutorFor(join(FIXTURES_DIR, 'notes', 'storage'));
    const linked = storage.answer('fsx lustre s3 linkd');
    expect(linked.intent).toBe('explain');
    expect(linked.topics[0]?.title).toMatch(/FSx/);
    expect(compute().answer('ecs fargate difference').intent).toBe('compare');
    expect(compute().answer('ecs or fargate').intent).toBe('compare');
    // One word between that joins nothing: the trigger `pre token generation` of Lambda Triggers.
    const cognito = tutorFor(join(FIXTURES_DIR, 'notes', 'cognito'));
    const trigger = cognito.answer('lamda trigers pre token genration versions');
    expect(trigger.intent).toBe('explain');
    expect(trigger.topics[0]?.title).toMatch(/^Lambda Triggers/);
    expect(compute().answer('ecs and fargate').intent).toBe('compare');
  });

  it('answers the sibling a word after a name points to: `sfn express` is Express Workflows', () => {
    const orchestration = tutorFor(join(FIXTURES_DIR, 'notes', 'serverless-orchestration'));
    expect(orchestration.answer('sfn express max duration').topics[0]?.title).toMatch(/Express Workflows/);
    expect(orchestration.answer('sfn max duration').topics[0]?.title).toMatch(/Standard Workflows/);
    // A name said by the word only its topic has keeps that topic: the limits are SnapStart's.
    const lambda = tutorFor(join(FIXTURES_DIR, 'notes', 'lambda-deep'));
    expect(lambda.answer('lambda snapstart limits').topics[0]?.title).toMatch(/^Lambda SnapStart/);
  });

  it('takes a product notes all on it name in other words (`kubernetes` on notes all on GKE) for no one topic', () => {
    const gke = tutorFor(join(FIXTURES_DIR, 'notes', 'gke-deep'));
    expect(
      gke.answer('we want our kubernetes clusters on the most tested versions, upgraded after everyone else')
        .topics[0]?.title,
    ).toMatch(/^GKE release channels/);
    // The first of the topics named for it covers it, whatever name of it the heading opens with.
    const notes = loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'gke-deep')).knowledge;
    const understanding = new Understanding(notes, defaultUnderstandingParts());
    const standard = notes.topics.findIndex((topic) => topic.name.startsWith('GKE Standard node pools'));
    expect(understanding.services.coveredBy(standard).map((service) => service.name)).toContain(
      'Google Kubernetes Engine',
    );
  });

  it('names a topic of notes all on one product by the rest of its heading (`cluster` of Redis Cluster)', () => {
    const redis = tutorFor(join(FIXTURES_DIR, 'notes', 'redis-ops'));
    const reply = redis.answer('replication vs cluster for read scaling');
    expect(reply.intent).toBe('compare');
    expect(reply.topics.slice(0, 2).map((topic) => topic.title.split(' (')[0])).toEqual([
      'Redis replication',
      'Redis Cluster',
    ]);
  });

  it('answers the topic named first, not the one the question asks it in', () => {
    const dynamo = tutorFor(join(FIXTURES_DIR, 'notes', 'dynamodb-deep'));
    const reply = dynamo.answer('how do secondary indexes work in dynamodb');
    expect(reply.topics[0]?.title).toMatch(/^Secondary Indexes/);
  });

  it('compares the one topic named with one a word of its name offers right after an `or`', () => {
    const messaging = tutorFor(join(FIXTURES_DIR, 'notes', 'messaging-deep'));
    const reply = messaging.answer('sqs standard or fifo for our billing events');
    expect(reply.intent).toBe('compare');
    expect(reply.topics.slice(0, 2).map((topic) => topic.title.split(' (')[0])).toEqual([
      'Amazon SQS Standard Queues',
      'Amazon SQS FIFO Queues',
    ]);
    const lambda = tutorFor(join(FIXTURES_DIR, 'notes', 'lambda-deep'));
    expect(lambda.answer('snapstart vs provisioned concurrency for a spring boot api').intent).toBe(
      'compare',
    );
    // Further from the name, two words of the other topic's name say it.
    const gcp = tutorFor(join(FIXTURES_DIR, 'notes', 'gcp-networking'));
    expect(
      gcp.answer('cloud dns weighted records or an internal load balancer for spreading traffic').intent,
    ).toBe('compare');
    expect(gcp.answer('cloud dns private zones or is it free').intent).toBe('explain');
    expect(
      gcp.answer('should we keep using cloud cdn for the static assets or is the load balancer alone enough')
        .intent,
    ).toBe('compare');
    // An `or` further on offers no choice between them.
    expect(messaging.answer('sqs standard queues: is a duplicate a bug or expected, fifo aside').intent).toBe(
      'explain',
    );
  });
});

describe('a choice between the topic named and one a word of its name says', () => {
  it('compares them when an `or` stands between and the other is among the front runners', () => {
    const snowflake = tutorFor(join(FIXTURES_DIR, 'notes', 'snowflake'));
    const reply = snowflake.answer(
      'our big table queries are slow, should i add a clustering key or just bump the warehouse up a size?',
    );
    expect(reply.intent).toBe('compare');
    expect(reply.topics.map((topic) => topic.title.split(' (')[0])).toEqual([
      'Micro-partitions & Clustering',
      'Virtual Warehouses',
    ]);
    const vertex = tutorFor(join(FIXTURES_DIR, 'notes', 'gcp-vertex-ai'));
    expect(
      vertex.answer(
        'for our weekly retrain is a plain custom training job enough or should we wrap it in a kfp pipeline',
      ).intent,
    ).toBe('compare');
  });

  it('compares nothing when the `or` asks yes or no, or the word names a topic the question is hardly about', () => {
    const cost = tutorFor(join(FIXTURES_DIR, 'notes', 'cost-billing'));
    expect(cost.answer('does the billing data export thing cost anything or is it free').intent).toBe(
      'explain',
    );
    const network = tutorFor(join(FIXTURES_DIR, 'notes', 'azure-networking'));
    expect(network.answer('fornt door premum vs standrd private origins').intent).toBe('explain');
  });
});

describe('numbers the notes never use', () => {
  it('weigh as little as an ordinary word: an id in a question is no name of something the notes lack', () => {
    const tutor = tutorFor(join(FIXTURES_DIR, 'notes', 'security-compliance'));
    const reply = tutor.answer('find ids like 4471920 in our s3 files');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toMatch(/^Amazon Macie/);
  });
});

describe('a thing the notes never name', () => {
  const webSecurity = () =>
    tutorFor(
      notesDir({
        'web.md': [
          '# HTTPS/TLS (encrypted transport)',
          '- HTTPS = HTTP over TLS, nobody in the middle can read or change the traffic',
          '- certs signed by a CA prove the server is who it says it is',
          '',
          '# JWT (JSON web tokens)',
          '- header.payload.signature, signed so the server can check nobody changed it',
          '- same token works until it expires, hard to revoke early',
          '',
        ].join('\n'),
      }),
    );

  it('asked what it is or how it works, is not in the notes, whatever its words bridge to', () => {
    const tutor = webSecurity();
    expect(tutor.answer('how does saml single sign-on work').intent).toBe('unknown');
    expect(tutor.answer('what is saml').intent).toBe('unknown');
    // Asked about in passing, the question is about the rest.
    expect(tutor.answer('can a jwt be revoked early, unlike a saml assertion').topics[0]?.id).toBe('jwt');
  });

  it('is a short term of art, not a slip of an everyday word (saml is no typo of same)', () => {
    const notes = loadKnowledgeDir(
      notesDir({
        'web.md': '# JWT\n- the same token works until it expires\n- signed, so nobody can change it\n',
      }),
    ).knowledge;
    const { read } = new Understanding(notes).understand('saml tokne');
    const kinds = Object.fromEntries(
      read.terms.map((term) => [term.word, [term.kind, [...term.stems.keys()]]]),
    );
    expect(kinds.saml?.[0]).toBe('foreign');
    // A longer slip is still read as the notes' word.
    expect(kinds.tokne?.[1]).toContain('token');
  });
});

describe('chat abbreviations', () => {
  it('takes `rn`, `btw`, `tbh` for filler, not for the name of something the notes lack', () => {
    const tutor = () => tutorFor(KNOWLEDGE_DIR);
    expect(tutor().answer("who's top of the quiz rankings rn").intent).toBe('leaderboard');
    expect(tutor().answer('btw what topics do u know').intent).toBe('list');
    const reply = tutor().answer('tbh how does fargate scale');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toMatch(/^Fargate/);
  });
});

describe('requests with a number or a choice in them', () => {
  const compute = createTutor(loadKnowledgeDir(KNOWLEDGE_DIR).knowledge);

  it('reads a number as part of a request, not as the name of a thing', () => {
    expect(compute.answer('show the top 5').intent).toBe('leaderboard');
  });

  it('compares two named topics with an `or` between them', () => {
    const reply = compute.answer('should i stick with lambda, or move to fargate');
    expect(reply.intent).toBe('compare');
    expect(reply.topics.map((topic) => topic.id).sort()).toEqual(['fargate', 'lambda']);
    expect(compute.answer('can lambda read from an ecr image').intent).toBe('explain');
  });

  it('compares nothing on an everyday word that once came with a comparison (`main` of "main difference")', () => {
    const git = tutorFor(join(FIXTURES_DIR, 'notes', 'git-basics'));
    const reply = git.answer('how do i rebase my feature branch onto main');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toMatch(/^Rebase/);
    expect(compute.answer('can my side project on lightsail use ecr images').intent).toBe('explain');
    expect(compute.answer('whats the common way to push images from ecs to ecr').intent).toBe('explain');
  });

  it('reads the `work` of "how does X work in <the notes\' product>" as asking, not as a word of X', () => {
    const clickhouse = createTutor(
      loadKnowledgeDir(
        notesDir({
          'clickhouse.md': [
            '# Replication & Sharding (Keeper, Distributed tables)',
            '- replication is per table: **ReplicatedMergeTree** keeps a full copy on each replica, the others fetch the new parts',
            '- shards split the data, a **Distributed** table fans queries out over them',
            '# Merges (background parts)',
            '- merges run in background worker threads and combine small parts into bigger ones',
            '- a worker picks the parts to merge by size and age',
            '- mutations (ALTER ... DELETE) rewrite whole parts, heavy work for the disks',
          ].join('\n'),
        }),
      ).knowledge,
    );
    const plain = clickhouse.answer('how does replication work');
    const inProduct = clickhouse.answer('how does replication work in clickhouse');
    expect(inProduct.topics[0]?.id).toBe('replication-sharding');
    expect(inProduct.sure).toBe(true);
    expect(inProduct.confidence).toBe(plain.confidence);
  });

  it('reads `different` before a noun as telling things apart, not as asking how they differ', () => {
    const api = createTutor(
      loadKnowledgeDir(
        notesDir({
          'api-gateway.md': [
            '# Rate limits (throttling & quotas)',
            '- **rate limit** caps calls per second per key, callers over it get 429',
            '- **quota** caps calls per day or month per key, resets each period',
            '# Products & plans (what callers subscribe to)',
            '- a **product** bundles apis w/ its own limits, callers subscribe to a product to get a key',
            '- offer a free product and a paid one, callers pick which to sign up for',
          ].join('\n'),
        }),
      ).knowledge,
    );
    const packaging = api.answer(
      'we sell one api as a free product and a paid product with different limits on each, how do callers sign up',
    );
    expect(packaging.intent).toBe('explain');
    expect(packaging.topics[0]?.id).toBe('products-plans');
    expect(api.answer('products and rate limits, how are they different').intent).toBe('compare');
    expect(api.answer('what is different between products and rate limits').intent).toBe('compare');
  });

  it('offers no choice with an `or` that stands after both names', () => {
    const trust = tutorFor(join(FIXTURES_DIR, 'notes', 'trust-services'));
    const question =
      'our web fleet burns cpu on tls handshakes, can the private key + the rsa math go off onto dedicated crypto hardware. is that a thing or am i dreaming';
    expect(trust.answer(question).intent).not.toBe('compare');
  });
});

describe('tutor: which facts lead the answer', () => {
  const tutor = () =>
    createTutor(
      loadKnowledgeDir(
        notesDir({
          'databases.md': [
            '# Amazon DynamoDB',
            '- key-value & document database, u just create tables',
            '- each table has a primary key: partition key alone or partition key + sort key',
            '- Global Tables - multi region, active-active replication',
            '- DAX - in-memory cache, microsecond latency for cached reads',
            '',
            '# Security Groups & NACLs',
            '- security groups r firewalls at the instance level, they only have allow rules',
            '- security groups r stateful: return traffic is allowed automatically',
            '- a NACL is a firewall at the subnet level, with allow and deny rules',
            '',
            '# S3 Glacier (archive)',
            '- low cost storage for archives',
            '- 3 classes:',
            '  > Instant Retrieval - millisecond retrieval, min storage duration 90 days',
            '  > Flexible Retrieval - expedited (1 to 5 mins), standard (3 to 5 hours)',
            '  > Deep Archive - cheapest one for long term storage, restores within 12 hours',
            '',
          ].join('\n'),
        }),
      ).knowledge,
    );
  const leading = (question: string) => as(tutor().answer(question), 'explain').lead;

  it('leads with the fact about one part of a heading that names several things', () => {
    expect(leading("what's a nacl")[0]?.text).toMatch(/^a NACL is a firewall at the subnet level/);
    expect(leading('what are security groups')[0]?.text).toMatch(/^security groups r/);
  });

  it('says what a topic is, after the fact that matched, when the question never names it', () => {
    const [matched, definition] = leading('cache reads in memory so they come back in microseconds');
    expect(matched?.text).toMatch(/^DAX/);
    expect(definition?.text).toMatch(/^key-value & document database/);
    // Named, the topic needs no introduction.
    expect(leading('dynamodb in-memory cache').map((fact) => fact.text)).not.toContain(
      'key-value & document database, u just create tables',
    );
  });

  it('leads with the fact a longer name of the topic asks about', () => {
    // `dynamodb global tables` is one of DynamoDB's names in the service catalogue.
    expect(leading('what are dynamodb global tables')[0]?.text).toMatch(/^Global Tables/);
  });

  it('does not count a word twice when another word of the question bridges to it', () => {
    const understanding = new Understanding(tutor().knowledge);
    const keyFact = (question: string) => {
      const read = understanding.reader.read(question);
      const dynamo = understanding.index.topics.findIndex((topic) => topic.name === 'Amazon DynamoDB');
      return {
        read,
        score: rankFacts(understanding.index, dynamo, read).find((fact) => fact.fact === 1)?.score,
      };
    };
    const bridged = keyFact('key value tables');
    // `value` bridges to `key` and `table` (a key-value store keeps tables of keys).
    expect(bridged.read.terms.find((term) => term.word === 'value')?.stems.get('key')).toBeLessThan(1);
    expect(bridged.score).toBeGreaterThan(0);
    expect(bridged.score).toBeCloseTo(keyFact('key tables zzz').score ?? Number.NaN, 6);
  });

  it('does not count a word of a need twice when another word of the question bridges to it', () => {
    const understanding = new Understanding(
      tutorFor(join(FIXTURES_DIR, 'notes', 'hybrid-networking')).knowledge,
    );
    const directConnect = understanding.index.topics.findIndex((topic) =>
      topic.name.startsWith('AWS Direct Connect'),
    );
    const gateway = understanding.index.topics[directConnect]?.facts.findIndex((fact) =>
      fact.text.startsWith('Direct Connect gateway'),
    );
    const gatewayScore = (question: string) =>
      rankFacts(
        understanding.index,
        directConnect,
        understanding.reader.read(question),
        defaultUnderstandingParts().conceptNeeds,
      ).find((fact) => fact.fact === gateway)?.score ?? Number.NaN;
    // `single` bridges to `several`, which the question says itself: a virtual interface's need (reach
    // several VPCs over one link) is not met a second time by it.
    const question =
      'can several of our 10g circuits into amazon be merged so they behave like a single fatter pipe';
    expect(
      understanding.reader
        .read(question)
        .terms.find((term) => term.word === 'single')
        ?.stems.get('several'),
    ).toBeGreaterThan(0);
    expect(gatewayScore(question)).toBeCloseTo(gatewayScore(question.replace('single', 'zzz')), 6);
  });

  it('counts a word of a need once, however many words of the question reach it', () => {
    // `ram` and `usage` both bridge to `memory`: said once, a need for a pod's cpu and memory (Container
    // Insights) shares two words with the question, not three, and no longer leads its answer.
    const reply = as(
      tutorFor(join(FIXTURES_DIR, 'notes', 'observability-devops')).answer(
        "why can't i see ram usage for my ec2 in cloudwatch? cpu shows up fine",
      ),
      'explain',
    );
    expect(reply.lead.map((fact) => fact.text).join('\n')).not.toMatch(/Container Insights/);
    expect(reply.lead[1]?.subPoints[0]).toMatch(/memory usage .* NOT default EC2 metrics/);
  });

  it('weighs a fact that matches more of the question above the sum of its matches apart', () => {
    const understanding = new Understanding(tutor().knowledge);
    const dynamo = understanding.index.topics.findIndex((topic) => topic.name === 'Amazon DynamoDB');
    const daxScore = (question: string) =>
      rankFacts(understanding.index, dynamo, understanding.reader.read(question)).find(
        (fact) => fact.fact === 3,
      )?.score ?? Number.NaN;
    // Neither pair of words stands side by side in the fact: the gain is matching both.
    expect(daxScore('memory latency')).toBeGreaterThan(daxScore('memory') + daxScore('latency'));
  });

  it('reads a typo in a name as the word the notes spell, in the facts as in the name', () => {
    const dir = notesDir({
      'edge.md': [
        '# Edge Scripts & Lambda@Edge',
        '- pricing: edge scripts $0.10 per million invocations, lambda@edge $0.60 per million + duration',
        '- edge scripts: tiny javascript at every edge location, sub millisecond startup',
        '- Lambda@Edge: full lambda functions at the regional edge caches',
        '  - max 5 secs on viewer events, 30 secs on origin events',
        '',
        '# Config & Secrets',
        '- size limit 1 MiB per config map or secret',
        '- config map = plain key-value settings, feature flags',
        '- **Secret** = sensitive data: passwords, api tokens, tls keys',
        '',
      ].join('\n'),
    });
    const tutor = tutorFor(dir);
    const edge = as(tutor.answer('lamda@edge timeout limits'), 'explain');
    expect(edge.lead[0]?.text).toMatch(/^Lambda@Edge/);
    // A typo corrected is the question's own word, and the entry for it leads as it would spelt right.
    expect(as(tutor.answer('what goes in a secrect'), 'explain').lead[0]?.text).toMatch(/^Secret = /);
    expect(as(tutor.answer('what goes in a secret'), 'explain').lead[0]?.text).toMatch(/^Secret = /);
  });

  it('takes no word of a name written in two words as asking for a fact', () => {
    const dir = notesDir({
      'audit.md': [
        '# AWS CloudTrail',
        '- records api calls: who did what and when',
        '- create a trail to keep events longer, the trail goes to an S3 bucket',
        '',
        '# AWS Config',
        '- records configuration changes of ur resources',
        '',
      ].join('\n'),
    });
    const reply = as(tutorFor(dir).answer('what does cloud trail record'), 'explain');
    expect(reply.lead[0]?.text).toMatch(/^records api calls/);
    // With the vendor before it too: `amazon work mail` is `WorkMail`, and `mail` no word asked.
    const mail = notesDir({
      'mail.md': [
        '# Amazon WorkMail',
        '- managed business email & calendar, aws runs the mail servers',
        '- end of support March 31, 2027, after that u lose access to the console',
        '',
        '# Amazon WorkSpaces',
        '- virtual desktops in the cloud, pay monthly or hourly',
        '',
      ].join('\n'),
    });
    const understanding = new Understanding(loadKnowledgeDir(mail).knowledge);
    const ranked = rankFacts(
      understanding.index,
      0,
      understanding.reader.read('when is amazon work mail going away'),
    );
    expect(ranked.map((fact) => [fact.fact, fact.score > 0])).toEqual([
      [1, true],
      [0, false],
    ]);
  });

  it('leads with what a question asks, not the entry for one of its words said in passing', () => {
    const dir = notesDir({
      'failover.md': [
        '# Amazon Application Recovery Controller (ARC)',
        '- helps u recover apps from AZ or region failures by moving traffic in a controlled way',
        '- **routing control**: simple on/off switches that flip Route 53 health checks, so DNS fails over',
        '  - runs on a cluster of 5 endpoints in 5 regions',
        '- pricing: billed by the cluster hour, about $1,800 a month',
        '',
        '# Amazon Route 53',
        '- managed DNS, health checks & routing policies',
        '',
      ].join('\n'),
    });
    const reply = as(
      tutorFor(dir).answer('arc routing control seems pricey? what does it run per month roughly'),
      'explain',
    );
    expect(reply.lead[0]?.text).toMatch(/^pricing: billed by the cluster hour/);
    // Asked about the term itself, its entry still leads.
    const entry = as(tutorFor(dir).answer('arc routing control, how does it work'), 'explain');
    expect(entry.lead[0]?.text).toMatch(/^routing control: simple on\/off switches/);
  });

  it('answers from notes written a file per service with a heading per aspect (## Pricing, ## Limits)', () => {
    const dir = notesDir({
      'lambda.md':
        '# AWS Lambda\n## Pricing\n- pay per request and per GB-second\n## Limits\n- max 15 minutes per invocation\n',
      'sqs.md':
        '# Amazon SQS\n## Overview\n- managed message queues\n## Limits\n- messages up to 256 KB, kept up to 14 days\n',
    });
    const { knowledge, problems } = loadKnowledgeDir(dir);
    expect(problems).toEqual([]);
    expect(knowledge.topics.map((topic) => topic.title)).toEqual(['AWS Lambda', 'Amazon SQS']);
    const tutor = tutorFor(dir);
    const size = as(tutor.answer('sqs message size limit'), 'explain');
    expect(size.topics[0]?.title).toBe('Amazon SQS');
    expect(size.lead[0]?.text).toBe('limits: messages up to 256 KB, kept up to 14 days');
    expect(as(tutor.answer('how long can a lambda run'), 'explain').lead[0]?.text).toMatch(/^limits: max 15/);
    expect(as(tutor.answer('what is sqs'), 'explain').lead[0]?.text).toBe('managed message queues');
  });

  it('leads with the bullet that says what a term is, in the shorthand notes use (`sidecar = …`)', () => {
    const dir = notesDir({
      'pods.md': [
        '# Pods',
        '- smallest deployable unit, one or more containers that share an IP & volumes',
        '- containers in a pod talk over localhost',
        '- sidecar = helper container in the same pod eg log shipper or service mesh proxy',
        '- init containers run to completion before the app containers start',
        '',
        '# Deployments',
        '- keep N identical pods running, rolling updates by default',
        '',
      ].join('\n'),
    });
    const reply = as(tutorFor(dir).answer('what is a sidecar'), 'explain');
    expect(reply.lead[0]?.text).toMatch(/^sidecar = helper container/);
  });

  it('takes a topic named by one plural everyday word (`Pods`) as named in passing when another says more', () => {
    const dir = notesDir({
      'kubernetes.md': [
        '## Pods',
        '- smallest deployable unit, containers that share an IP & volumes',
        '## Services',
        '- stable virtual IP & DNS name in front of a set of pods picked by a label selector',
        '## Ingress',
        '- HTTP(S) routing from outside the cluster to services, by host name & url path',
        '## Horizontal Pod Autoscaler (HPA)',
        '- adds or removes pod replicas based on cpu, memory or custom metrics',
        '',
      ].join('\n'),
    });
    const tutor = tutorFor(dir);
    expect(tutor.answer('scale pods automatically when cpu is high').topics[0]?.title).toMatch(/Autoscaler/);
    expect(tutor.answer('how do i route /api and /web to different services').topics[0]?.title).toBe(
      'Ingress',
    );
    // Asked about on its own, it is the topic.
    expect(tutor.answer('what are services').topics[0]?.title).toBe('Services');
    expect(tutor.answer('explain pods').topics[0]?.title).toBe('Pods');
  });

  it('reads two words the notes write side by side, typed as one, as those two words', () => {
    const dir = notesDir({
      'scaling.md': [
        '# Amazon EC2 Auto Scaling',
        '- keeps the right number of instances running and replaces unhealthy ones',
        '- scaling policies: target tracking, step & scheduled',
        '- lifecycle hooks pause an instance while launching or terminating',
        '- warm pools keep instances ready so scale out is faster',
        '',
      ].join('\n'),
    });
    const reply = as(tutorFor(dir).answer('auto scaling lifecyclehooks, what are they for'), 'explain');
    expect(reply.lead[0]?.text).toMatch(/^lifecycle hooks pause/);
    // Only a phrase of the notes is split: `warmhooks` is no pair the notes write.
    const read = new Understanding(tutorFor(dir).knowledge).reader.read('warmhooks');
    expect(read.tokens).toEqual(['warmhooks']);
  });

  it('reads numbers and units written another way as the same words', () => {
    // The notes write `3 classes` and `5 mins`; people write `three` and `minutes`.
    const read = new Understanding(tutor().knowledge).reader.read('three glacier classes, within minutes');
    const stemsOf = (word: string) => read.terms.find((term) => term.word === word)?.stems;
    expect(stemsOf('three')?.get('3')).toBe(1);
    expect(stemsOf('minutes')?.get('min')).toBe(1);
    expect(leading('the three kinds of glacier')[0]?.text).toBe('3 classes:');
  });

  it('finds a topic by the needs its service meets, when the notes say them in other words', () => {
    const dir = notesDir({
      'ml.md': [
        '# Amazon Polly (text to speech)',
        '- TTS service, turns text into lifelike speech',
        '- lexicons: custom pronunciation rules for brand names',
        '',
        '# Amazon Translate',
        '- neural machine translation between 75 languages',
        '',
      ].join('\n'),
    });
    // Nothing in these notes says `listen` or `articles`; the catalogue knows people want that of Polly.
    const reply = tutorFor(dir).answer('our visitors would rather listen to the articles than read them');
    expect(reply.topics[0]?.id).toBe('polly');
  });

  it("keeps a word of another topic's long name in a need, where it names no topic", () => {
    const dir = notesDir({
      'sec.md': [
        '# AWS WAF (Web Application Firewall)',
        '- filters HTTP requests before they reach ur app: SQL injection, cross site scripting, bad bots',
        '- web ACLs with managed rule groups, attached to CloudFront, an ALB or API Gateway',
        '',
        '# Security Groups',
        '- attached to each ENI, they only have allow rules',
        '- stateful: if a request is allowed in, the response is allowed back out',
        '',
      ].join('\n'),
    });
    // People want security groups as a "stateful firewall around each instance": `firewall` alone
    // is not WAF's name, so it stays a word of that need.
    const reply = tutorFor(dir).answer('a stateful firewall around each box');
    expect(reply.topics[0]?.id).toBe('security-groups');
  });

  it('counts a word the notes never use for more when people use it for a need a topic meets', () => {
    const dir = notesDir({
      'front.md': [
        '# AWS AppSync',
        '- managed GraphQL API, resolvers read from DynamoDB, Lambda or HTTP sources',
        '- subscriptions push real time updates to connected clients over websockets',
        '',
        '# AWS End User Messaging',
        "- send SMS, voice & push notifications to ur users' phones",
        '- one time passcodes for sign in, two way texting',
        '',
      ].join('\n'),
    });
    // The notes never say `chat`; AppSync is what people want for "real-time subscriptions for a chat app".
    const reply = tutorFor(dir).answer('live chat where messages show up for all users at once');
    expect(reply.topics[0]?.id).toBe('appsync');
  });

  it('takes no need for the topic on one everyday word the question shares with it', () => {
    // People say "a suppression list so we stop sending to bad addresses" and "50k messages a
    // day" of SES: a bad day downstream is neither.
    const reply = tutorFor(join(FIXTURES_DIR, 'notes', 'messaging')).answer(
      'firehose - if downstream had a bad day can i replay what went thru?',
    );
    expect(reply.topics[0]?.id).toBe('data-firehose');
  });

  it('says a need sounds like a service the notes lack, rather than guess at a topic', () => {
    const dir = notesDir({
      'resilience.md': [
        '# AWS Backup (centralized backups)',
        '- one place to schedule & retain backups of EBS, RDS, DynamoDB & EFS, with backup plans',
        '- backup vault lock keeps backups from being deleted, even by admins',
        '',
        '# Amazon EC2 Auto Scaling',
        '- adds & removes ec2 instances to follow the load, min / max / desired capacity',
        '- health checks replace unhealthy instances automatically',
        '',
      ].join('\n'),
    });
    const tutor = tutorFor(dir);
    // Secrets Manager's need, said without its name: neither topic is about it.
    const reply = tutor.answer(
      'need our database passwords rotated automatically every 30 days and kept out of the code, what should we use',
    );
    expect(reply.intent).toBe('unknown');
    if (reply.intent !== 'unknown') return;
    expect(reply.soundsLike).toBe('AWS Secrets Manager');
    expect(renderText(reply)).toContain('It sounds like AWS Secrets Manager, which they don’t have.');
    // A need the notes meet is still answered.
    expect(tutor.answer('keep nightly backups of our databases for a year').topics[0]?.id).toBe('backup');
  });

  it('takes a product named by an everyday word for what the notes are about when they write it as a name', () => {
    const dir = notesDir({
      'vault-ops.md': [
        '# Policies & tokens (ACL rules)',
        '- policies r path-based and deny by default, a token carries the policies Vault checks',
        '- the root token can do anything, so Vault admins revoke it after setup',
        '',
        '# Seal / Unseal (Shamir keys)',
        '- a sealed server knows where its data is but cannot decrypt it until Vault gets its root key back',
        '- init gives 5 key shares, any 3 of them unseal',
        '',
      ].join('\n'),
    });
    const tutor = tutorFor(dir);
    // `vault` is an English word, but these notes write Vault as a name in every topic: it is
    // what they teach, not HashiCorp Vault they lack.
    expect(tutor.answer('what are vault policies?').topics[0]?.id).toBe('policies-tokens');
    expect(tutor.answer('what does it mean when vault is sealed').topics[0]?.id).toBe('seal-unseal');
    // Notes that name the word only as a word lack the product.
    const bank = notesDir({
      'bank-ops.md': [
        '# Branches',
        '- each branch keeps cash in a vault, counted every evening',
        '',
        '# Tellers',
        '- tellers count the till at the end of each shift',
        '',
      ].join('\n'),
    });
    expect(tutorFor(bank).answer('what is hashicorp vault').intent).toBe('unknown');
  });

  it('names a topic by what its heading says after the name of the platform the notes teach', () => {
    // `GitLab Runner` in notes on GitLab CI/CD, where `runners` come up in most topics.
    const tutor = tutorFor(join(FIXTURES_DIR, 'notes', 'gitlab-ci'));
    const reply = tutor.answer('give me a quiz on runners');
    expect(reply.intent).toBe('quiz');
    expect(reply.topics[0]?.id).toBe('gitlab-runner');
  });

  it('reads the name of the product the notes are about, and a project their heading names, as theirs', () => {
    const dir = notesDir({
      'nomad-consul.md': [
        '# Consul KV (key/value store)',
        '- Consul stores config under keys, watch a key w/ a blocking query',
        '- NOT for big blobs, 512 KB max value',
        '',
        '# Consul Service Mesh (Connect, intentions & Envoy sidecars)',
        '- Consul gives every service a sidecar proxy, in practice **Envoy**',
        '- **intentions**: allow/deny rules between service names',
        '- `consul connect envoy -sidecar-for web` bootstraps Envoy',
        '',
        '# Consul Health Checks',
        '- Consul runs http, tcp or script checks, a new check starts out critical',
        '',
      ].join('\n'),
    });
    const tutor = tutorFor(dir);
    // `connect` after `consul` is Consul Connect, no Amazon Connect; Envoy, in a heading, is taught.
    expect(tutor.answer('how does consul connect decide which services may talk').topics[0]?.id).toBe(
      'consul-service-mesh',
    );
    expect(tutor.answer('how does the envoy sidecar get its config').topics[0]?.id).toBe(
      'consul-service-mesh',
    );
  });

  it('takes a service no topic covers for the one topic on a part of it, when asked about that part', () => {
    // Notes on backup and DR: `RDS Backups (automated backups vs manual snapshots)` is the only
    // topic on RDS.
    const tutor = tutorFor(join(FIXTURES_DIR, 'notes', 'aws-backup-dr'));
    expect(tutor.answer('how long are rds automated backups kept by default').topics[0]?.id).toBe(
      'rds-backups',
    );
    expect(tutor.answer('do rds snapshots stick around after i delete the instance').topics[0]?.id).toBe(
      'rds-backups',
    );
    // RDS as a whole is what they lack.
    expect(as(tutor.answer('what is amazon rds'), 'unknown').notCovered).toEqual([
      'Amazon Relational Database Service (RDS)',
    ]);
  });

  it('tells which topics a reply is about without ranking its facts, as answering would', () => {
    const tutor = tutorFor(KNOWLEDGE_DIR);
    for (const question of [
      'what is fargate',
      'ecs vs fargate',
      'lamda pricing',
      'what is app mesh',
      'qwzx',
    ]) {
      const reply = tutor.answer(question);
      expect(tutor.topicsOf(question), question).toEqual({
        topics: reply.topics.map((topic) => topic.id),
        suggestions: reply.intent === 'unknown' ? reply.suggestions.map((topic) => topic.id) : [],
      });
    }
    // Answering afterwards still ranks the facts.
    const reply = as(tutor.answer('what is fargate'), 'explain');
    expect(reply.lead.length).toBeGreaterThan(0);
  });

  it('names a topic by the initials of a thing its heading joins, when its facts write them', () => {
    // `Data Transfer Service & scheduled queries`, whose facts say `BigQuery Data Transfer Service (DTS)`.
    const tutor = tutorFor(join(FIXTURES_DIR, 'notes', 'bigquery'));
    const reply = tutor.answer('dts from s3, any charge');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.id).toBe('data-transfer-service-scheduled-queries');
  });

  it('takes a tool the question opens with for its scene when a later clause asks about the notes', () => {
    const dir = notesDir({
      'ci.md': [
        '# Cache & artifacts (files between jobs)',
        '- **cache** keeps dependencies u download between pipeline runs, keyed by the lock file',
        '- **artifacts** pass build output from one job to the jobs after it, expire after 30 days',
        '',
        '# CI/CD variables (config values & secrets)',
        '- **masked** variables show as [MASKED] in job logs',
        '- **file** variables: the runner writes the value to a temp file and the variable holds its path',
        '',
      ].join('\n'),
    });
    const tutor = tutorFor(dir);
    const scene = tutor.answer(
      'pip install takes ages on every run since it downloads everything again. how do i keep the downloaded packages between pipeline runs',
    );
    expect(scene.topics[0]?.id).toBe('cache-artifacts');
    // Asked about in the clause after it, the tool is the subject, and one the notes lack.
    expect(tutor.answer('terragrunt keeps re-running init on every module, how do i stop that').intent).toBe(
      'unknown',
    );
  });

  it('hears no need of a service the notes lack in a few everyday words of a long question', () => {
    const tutor = tutorFor(join(FIXTURES_DIR, 'notes', 'edge-networking'));
    // CloudWatch RUM's "see which pages are slow for customers in australia" shares three words
    // with it, a fifth of what it says: the notes' own topics are weighed instead.
    const reply = tutor.answer(
      'our shop photos are slow for customers in australia since the bucket sits in virginia, how do we get copies of them sitting nearer to those people?',
    );
    expect(reply.intent).toBe('explain');
    expect(reply.intent === 'unknown' && reply.soundsLike).toBeFalsy();
    // Named, a service the notes lack is what the question asks about, and its need says which.
    const named = tutor.answer('how do i scan ecr images for vulnerabilities automatically on every push');
    expect(named.intent).toBe('unknown');
  });

  it('does not take what a need says it does without for what it wants', () => {
    const dir = notesDir({
      'compute.md': [
        '# Amazon API Gateway',
        '- create, publish & secure REST, HTTP & WebSocket APIs at any scale',
        '- throttling & usage plans with API keys',
        '',
        '# Amazon ECS',
        '- runs docker containers on a cluster of EC2 instances or on Fargate',
        '- a task definition says which images to run, with how much cpu & memory',
        '',
      ].join('\n'),
    });
    // API Gateway meets "a websocket backend for a chat app without running servers": running
    // servers is what that need does without, so it says nothing for running them.
    const tutor = tutorFor(dir);
    expect(tutor.answer('run many apps side by side on one server').topics[0]?.id).toBe('ecs');
    expect(tutor.answer('a chat app backend without running any servers').topics[0]?.id).toBe('api-gateway');
  });

  it('leads with the fact that meets the need a question describes, though they share no word', () => {
    const dir = notesDir({
      'lambda.md': [
        '# AWS Lambda',
        '- runs ur code without servers, u pay per request & for the compute time',
        '- max 15 minutes a run, up to 10 GB of memory',
        '- **event driven**: functions are invoked by events from other AWS services',
        '- supports Node.js, Python, Java, Go & container images',
        '',
      ].join('\n'),
    });
    // Resizing uploaded images is a need Lambda meets as an event-driven function; `picture`
    // alone would have led with the fact on container images.
    const reply = as(tutorFor(dir).answer('shrink every picture our users upload'), 'explain');
    expect(reply.lead[0]?.text).toMatch(/^event driven/);
  });

  it('leads with the fact whose feature meets the need a question describes (data/concept-needs.json)', () => {
    const dir = notesDir({
      'queues.md': [
        '# Queue Service',
        '- fully managed message queue between producers and consumers',
        '- messages are kept up to 14 days, max message size 256 KB',
        '- **visibility timeout** hides a message while a consumer works on it',
        '- **long polling** waits up to 20 seconds for messages to arrive',
        '- pricing: per million requests',
        '',
        '# Topic Service',
        '- pub/sub: every subscriber gets a copy of each message',
        '',
      ].join('\n'),
    });
    const lead = (question: string) => as(tutorFor(dir).answer(question), 'explain').lead[0]?.text;
    expect(
      lead(
        'queue service: our worker takes ten minutes per job and a second worker grabs the same job halfway through',
      ),
    ).toMatch(/^visibility timeout/);
    expect(lead('queue service: our consumers keep asking and getting nothing back, it costs a lot')).toMatch(
      /^long polling/,
    );
  });

  it('leads with the fact on a feature of any AWS category whose need a question describes', () => {
    const dir = notesDir({
      'registry.md': [
        '# Amazon ECR',
        '- managed registry for ur container images, private by default',
        '- **lifecycle policy**: expire old untagged images to save storage',
        '- **pull through cache**: one rule per upstream, ECR keeps the copies fresh',
        '- push w/ docker push after docker login with a token from get-login-password',
        '- image scanning on push for known CVEs',
        '',
      ].join('\n'),
    });
    // A container feature of the second pass of data/concept-needs.json: of its fact, the question
    // says only `pull`.
    const reply = as(
      tutorFor(dir).answer('ecr: our ci keeps failing because docker hub limits how often we can pull'),
      'explain',
    );
    expect(reply.lead[0]?.text).toMatch(/^pull through cache/);
  });

  it('finds what the notes call a recommendation when people ask what a tool suggests', () => {
    const dir = notesDir({
      'cost.md': [
        '# AWS Cost Explorer',
        '- **rightsizing recommendations** for underused EC2 instances',
        '',
        '# AWS DMS (Database Migration Service)',
        '- the Schema Conversion Tool converts the schema of the source db',
        '',
      ].join('\n'),
    });
    const reply = tutorFor(dir).answer('want a tool that suggests which of our vms to make smaller');
    expect(reply.topics[0]?.id).toBe('cost-explorer');
  });

  it('answers a topic the question names in full, as a guess, even when little else of it matches', () => {
    const reply = tutorFor(join(FIXTURES_DIR, 'notes', 'ml-ai')).answer(
      "is bedrock any good for my grandma's knitting circle",
    );
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.id).toBe('bedrock');
    expect(reply.sure).toBe(false);
  });

  it("reads a short abbreviation's plural as the abbreviation, and the other way round", () => {
    const dir = notesDir({
      'net.md': [
        '# Amazon VPC',
        '- subnets live in one AZ each',
        '- **Flow Logs** capture the IP traffic going in & out of ur network interfaces',
        '',
      ].join('\n'),
    });
    const reader = new Understanding(tutorFor(dir).knowledge).reader;
    const stemsOf = (question: string, word: string) =>
      reader.read(question).terms.find((term) => term.word === word)?.stems;
    expect(stemsOf('which ips talked to our servers', 'ips')?.get('ip')).toBe(1);
    expect(stemsOf('spread it over three azs', 'azs')?.get('az')).toBe(1);
    expect(
      as(tutorFor(dir).answer('which ips talked to our network interfaces'), 'explain').lead[0]?.text,
    ).toMatch(/^Flow Logs/);
  });

  it('reads a word run into a number (gen2) as the two the notes use apart', () => {
    const dir = notesDir({
      'front.md': [
        '# AWS Amplify',
        '- Amplify Hosting: git based CI/CD for static sites & SSR apps',
        '- Gen 2: code first, u define the backend in TypeScript files',
        '',
      ].join('\n'),
    });
    const reply = as(tutorFor(dir).answer('how does amplify gen2 work'), 'explain');
    expect(reply.lead[0]?.text).toMatch(/^Gen 2/);
  });

  it("reads units written short (yrs, wks) as the notes' words in full", () => {
    const dir = notesDir({
      'ec2.md': [
        '# EC2 Pricing Options',
        '- On-Demand : pay by the second, no commitment',
        '- Reserved Instances : commit for 1 or 3 years, up to 72% off',
        '- snapshots r kept for 2 weeks',
        '',
      ].join('\n'),
    });
    const reader = new Understanding(tutorFor(dir).knowledge).reader;
    const stemsOf = (question: string, word: string) =>
      reader.read(question).terms.find((t) => t.word === word)?.stems;
    expect(stemsOf('a discount for the next few yrs', 'yrs')?.get('year')).toBe(1);
    expect(stemsOf('kept for 2 wks', 'wks')?.get('week')).toBe(1);
  });

  it('reads "five times" as the notes\' "5x", and "5x" as five times', () => {
    const dir = notesDir({
      'db.md': [
        '# Amazon Aurora',
        '- up to 5x the throughput of standard MySQL',
        '',
        '# Amazon ElastiCache',
        '- in memory cache in front of ur db, to take load off it and lower latency',
        '',
      ].join('\n'),
    });
    const read = new Understanding(tutorFor(dir).knowledge).reader.read('five times the throughput');
    expect(read.terms.find((term) => term.word === 'five')?.stems.get('5x')).toBe(1);
    expect(as(tutorFor(dir).answer('my db needs five times the throughput'), 'explain').topic.id).toBe(
      'aurora',
    );
    const written = notesDir({ 'db.md': '# Amazon Aurora\n- up to 5 times the throughput of MySQL\n' });
    const typed = new Understanding(tutorFor(written).knowledge).reader.read('is it 5x faster');
    expect(typed.terms.find((term) => term.word === '5x')?.stems.get('5')).toBe(1);
  });

  it('reads "5 fold" as a multiple too, and the `times` or `fold` after a number as no word about time', () => {
    const dir = notesDir({
      'engines.md': [
        '# Quick Table',
        '- response times stay low whatever the throughput, even at busy times',
        '',
        '# Turbo Store',
        '- up to 5x the throughput of the standard engine',
        '',
      ].join('\n'),
    });
    const reader = new Understanding(tutorFor(dir).knowledge).reader;
    for (const [question, number] of [
      ['we need five times the throughput', 'five'],
      ['we need 5 fold the throughput', '5'],
    ] as const) {
      const { terms } = reader.read(question);
      expect(
        terms.map((term) => term.word),
        question,
      ).toEqual([number, 'throughput']);
      expect(terms[0]?.stems.get('5x'), question).toBe(1);
    }
    // `times` read as time would tie the topic on response times with the one that has the multiple.
    expect(as(tutorFor(dir).answer('we need five times the throughput'), 'explain').topic.id).toBe(
      'turbo-store',
    );
  });

  it('lists the rest of the topic with what else the question touches first', () => {
    const dir = notesDir({
      's3.md': [
        '# Amazon S3',
        '- object storage for any amount of data, objects live in buckets',
        '- 11 nines of durability, objects r stored across 3 AZs',
        '- storage classes: Standard, Intelligent-Tiering, Standard-IA, One Zone-IA, Glacier',
        '- static website hosting straight from a bucket',
        '- lifecycle rules move objects to cheaper storage classes as they age',
        '',
      ].join('\n'),
    });
    const reply = as(tutorFor(dir).answer('how do lifecycle rules pick a storage class'), 'explain');
    expect(reply.lead[0]?.text).toMatch(/^lifecycle rules/);
    expect(reply.rest[0]?.text).toMatch(/^storage classes/);
    expect(reply.rest.at(-1)?.text).toMatch(/^11 nines/);
  });

  it('puts the sub-points a question asks about first under a leading fact', () => {
    const lead = leading('glacier deep archive');
    const classes = lead.find((fact) => fact.text === '3 classes:');
    expect(classes?.subPoints[0]).toMatch(/^Deep Archive/);
    expect(classes?.subPoints.slice(1)).toEqual([
      'Instant Retrieval - millisecond retrieval, min storage duration 90 days',
      'Flexible Retrieval - expedited (1 to 5 mins), standard (3 to 5 hours)',
    ]);
  });
});

describe('tutor: a comparison is what the question asks for', () => {
  const tutor = () =>
    createTutor(
      loadKnowledgeDir(
        notesDir({
          'security.md': [
            '# Amazon Cognito',
            '- User Pools: sign up & sign in for the users of ur app',
            '- Identity Pools: exchange a login for temporary AWS credentials',
            '',
            '# IAM (Identity and Access Management)',
            '- users r people in ur organization, they can be put in groups',
            '- policies r JSON documents that define what users can do',
            '',
          ].join('\n'),
        }),
      ).knowledge,
    );

  it('explains the topic a question names when the other name is one word of a longer name', () => {
    // `identity` is a word of IAM's long name; nothing in the question asks for a choice.
    const reply = tutor().answer('cognito identity pools');
    expect(reply.intent).toBe('explain');
    expect(reply.topics.map((topic) => topic.id)).toEqual(['cognito']);
  });

  it('compares when the question offers a choice, whatever names it uses', () => {
    expect(tutor().answer('cognito or identity and access management for our app users').intent).toBe(
      'compare',
    );
    expect(tutor().answer('cognito vs iam').intent).toBe('compare');
    expect(tutor().answer('cognito identity or iam users for customers').intent).toBe('compare');
    // The first topic named twice, by two of its names, before the choice.
    const billing = tutorFor(
      notesDir({
        'billing.md': [
          '# AWS Data Exports (CUR, Cost and Usage Report)',
          '- every single line item of ur bill, delivered to an S3 bucket',
          '',
          '# AWS Cost Anomaly Detection (ML spend alerts)',
          '- learns ur normal spending pattern & flags unusual cost spikes',
          '',
        ].join('\n'),
      }),
    );
    expect(
      billing.answer(
        'should i dig thru the cur data export or use anomaly detection to see why the bill spiked',
      ).intent,
    ).toBe('compare');
  });

  it('compares when a question asks when to take one and when the other, each named by a word of its name', () => {
    const search = tutorFor(
      notesDir({
        'search.md': [
          '# Analytics & A/B Testing (click analytics)',
          '- compare 2 variants of an index on real traffic, split by percentage',
          '',
          '# Rules & Synonyms (merchandising)',
          '- a rule pins or hides results when the query matches a pattern',
          '',
          '# Indices (records & replicas)',
          '- an index holds records, a replica sorts them another way',
          '',
        ].join('\n'),
      }),
    );
    const reply = search.answer(
      'when should we run an a/b test and when should we just set up a merchandising rule',
    );
    expect(reply.intent).toBe('compare');
    expect(reply.topics.map((topic) => topic.id).sort()).toEqual(['analytics-a-b-testing', 'rules-synonyms']);
    expect(search.answer('when should we run an a/b test on a merchandising rule').intent).toBe('explain');
  });

  it('answers about the subject of a yes-no question, not a comparison, when the others are what it works with', () => {
    const notes = tutorFor(
      notesDir({
        'messaging.md': [
          '# AWS Lambda',
          '- runs functions on events, can poll sqs queues & kinesis streams',
          '',
          '# Amazon SQS',
          '- message queues, consumers poll & delete messages',
          '',
          '# Amazon SNS',
          '- pub/sub topics, fan out to sqs queues, lambda, http & email, deliveries to SQS & Lambda free',
          '',
        ].join('\n'),
      }),
    );
    for (const [question, subject] of [
      ['can lambda read from sqs and sns', 'AWS Lambda'],
      ['does sns charge extra for delivering to sqs queues and lambdas', 'Amazon SNS'],
    ] as const) {
      const reply = notes.answer(question);
      expect(reply.intent, question).toBe('explain');
      expect(reply.topics[0]?.title, question).toBe(subject);
    }
    expect(notes.answer('sqs or sns for fanning out one event').intent).toBe('compare');
  });

  it('compares the two topics the choice stands between, not the one it is made in', () => {
    const vpc = tutorFor(join(FIXTURES_DIR, 'notes', 'vpc-networking'));
    const reply = as(
      vpc.answer(
        'we have 4 vpcs now and maybe 30 next year. should we keep doing vpc peering or move to transit gateway?',
      ),
      'compare',
    );
    expect(reply.topics.map((topic) => topic.id)).toEqual(['vpc-peering', 'transit-gateway']);
  });
});

describe('a question asking for one of the cloud’s services', () => {
  it('is answered by a topic on such a service, not by one it names that is on none (Docker)', () => {
    const reply = as(
      ask('we build docker images on our laptops, which aws service keeps them privately'),
      'explain',
    );
    expect(reply.topic.title).toBe('ECR (Elastic Container Registry)');
    expect(as(ask('what is docker'), 'explain').topic.title).toBe('Docker');
  });
});

describe('a question headed by a topic’s name', () => {
  const BEANSTALK_AND_PRICING = [
    '# AWS Elastic Beanstalk (PaaS)',
    '* developer centric way to deploy apps, u upload ur code & beanstalk handles capacity & scaling',
    '* deployment policies:',
    '  > all at once - fastest, but app is down while every instance gets the new version',
    '  > rolling w/ additional batch - spins up a new batch first so capacity stays full',
    '  > immutable - new version goes on brand new instances, quickest rollback but high cost',
    '',
    '# EC2 Pricing Options',
    '* On-Demand : pay by the second, no upfront payment, no commitment',
    '* **Dedicated Hosts** : a whole physical server just for u, most expensive option',
    '* **Spot Instances** : spare capacity for up to 90% off, can be taken back w/ a 2 minute notice',
    '',
  ].join('\n');

  it('is about the topic it names before the colon, whatever else its words match', () => {
    const tutor = tutorFor(notesDir({ 'compute.md': BEANSTALK_AND_PRICING }));
    const question =
      'eb deploys: which option keeps us at full capacity the whole time without paying for a whole second fleet?';
    const reply = as(tutor.answer(question), 'explain');
    expect(reply.topic.title).toBe('AWS Elastic Beanstalk (PaaS)');
    expect(renderText(reply)).toContain('spins up a new batch first');
    // Named further in, the same words keep their own topic.
    expect(tutor.answer('which pricing option is cheapest for a whole second fleet').topics[0]?.title).toBe(
      'EC2 Pricing Options',
    );
  });
});

describe('a yes-no question framed as "is it ok to …"', () => {
  it('is about the topic its verb names, not the one named after it', () => {
    const tutor = tutorFor(
      notesDir({
        'git.md': [
          '# Branches (movable pointers to commits)',
          '* a branch is a movable pointer to a commit, the main branch is where the team works',
          '* create one w/ git switch -c, delete a merged one w/ git branch -d',
          '* a branch the whole team works off should be protected on the server',
          '',
          '# Rebase (replay commits on a new base)',
          '* rebase replays ur commits on top of another base, giving a straight history',
          '* dont rebase commits others already pulled, it rewrites history they have',
          '',
        ].join('\n'),
      }),
    );
    for (const question of [
      'is it ok to rebase the main branch the whole team works off?',
      'is it a good idea to rebase a branch others use',
    ])
      expect(tutor.answer(question).topics[0]?.title, question).toBe('Rebase (replay commits on a new base)');
    expect(tutor.answer('is it ok to delete a branch after merging').topics[0]?.title).toBe(
      'Branches (movable pointers to commits)',
    );
  });
});

describe('words that stand for any thing', () => {
  it('finds no topic by `anything`, as by `something`', () => {
    // AppStream's notes say `anything` once ("w/o installing anything"); the question's
    // `anything` says nothing of it.
    const tutor = tutorFor(join(FIXTURES_DIR, 'notes', 'end-user-computing'));
    expect(
      tutor.answer('do agents need anything installed to use the ccp or is it all web').topics[0]?.id,
    ).toBe('connect');
  });
});

describe('two facts that answer about equally well', () => {
  it('both lead, before what the topic is', () => {
    const tutor = tutorFor(
      notesDir({
        'storage.md': [
          '# Amazon S3 Glacier',
          '',
          '* cheap archive storage for data u rarely read',
          '* Standard tier: get archived files back within 5 hours',
          '* Bulk tier: get archived files back within 12 hours, the cheapest',
          '',
          '# Amazon EBS',
          '',
          '* block storage volumes attached to one EC2 instance',
          '* snapshots are incremental backups stored in S3',
          '',
        ].join('\n'),
      }),
    );
    const reply = as(tutor.answer('how long does it take to get archived files back'), 'explain');
    expect(reply.lead.map((fact) => fact.text)).toEqual([
      'Standard tier: get archived files back within 5 hours',
      'Bulk tier: get archived files back within 12 hours, the cheapest',
      'cheap archive storage for data u rarely read',
    ]);
  });
});

describe('a term a bullet defines after an article', () => {
  it('answers "what is" it from the topic of that bullet, though other topics use the word more', () => {
    const tutor = tutorFor(
      notesDir({
        'buildbox.md': [
          '# Config & jobs',
          '- a **job** = a list of steps run in one executor, in order',
          '- top-level keys: `jobs`, `workflows`, `executors`, `commands`',
          '- reusable **executors** r declared once & named in each job',
          '- an approval job has no executor',
          '',
          '# Executors & machine sizes',
          '- an **executor** is the environment a job runs in: docker, machine or macos',
          '- the **machine size** sets the CPU & RAM, bigger ones cost more credits',
          '- docker images r pulled fresh on every run',
          '',
          '# Parallel runs',
          '- `parallelism: 4` starts 4 identical executors for one job',
          '- test splitting by timing data evens them out',
          '',
        ].join('\n'),
      }),
    );
    const reply = tutor.answer("what's an executor?");
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('Executors & machine sizes');
  });
});

describe('a comparison whose other side only a heading’s parentheses or a bold term name', () => {
  const notes = {
    'consul.md': [
      '# Consul KV (key/value store)',
      '- a simple key/value store replicated across the consul servers',
      '- handy for feature flags & small config, NOT a database',
      '',
      '# Service discovery (catalog, DNS)',
      '- every service registers in the catalog w/ its address & port',
      '- other apps find it thru DNS like web.service.consul or the HTTP API',
      '',
      '# Failover',
      '- **prepared queries** answer w/ healthy instances in the nearest datacenter first',
      '',
      '# Health checks',
      '- consul runs http, tcp or script checks against each instance',
      '- failing instances drop out of DNS answers',
      '',
    ].join('\n'),
  };

  it('compares the topic named with the one whose parentheses hold the word across the `or`', () => {
    const reply = tutorFor(notesDir(notes)).answer(
      'consul kv or the catalog for keeping track of where my backends live',
    );
    expect(reply.intent).toBe('compare');
    expect(reply.topics.map((topic) => topic.title).sort()).toEqual([
      'Consul KV (key/value store)',
      'Service discovery (catalog, DNS)',
    ]);
  });

  it('compares it with the topic holding a bold term across the `or`', () => {
    const reply = tutorFor(notesDir(notes)).answer('consul kv or prepared queries for picking a backend');
    expect(reply.intent).toBe('compare');
    expect(reply.topics.map((topic) => topic.title).sort()).toEqual([
      'Consul KV (key/value store)',
      'Failover',
    ]);
  });

  it('does not compare when no `or` or `vs` stands between them', () => {
    const reply = tutorFor(notesDir(notes)).answer('does consul kv show up in the catalog');
    expect(reply.intent).toBe('explain');
  });
});

describe('a choice between two things the question describes without naming them', () => {
  const notes = {
    'hosting.md': [
      '# Block volumes',
      '- a disk you attach to one server, formatted with a file system',
      '- survives a reboot, resize it while attached',
      '',
      '# Object buckets',
      '- store files as objects over HTTP, any number of readers',
      '- cheap per GB, serve images straight from a public URL',
      '',
      '# Webhooks',
      '- the partner calls your endpoint the moment an order changes',
      '- verify the signature on every delivery',
      '',
      '# Pagination',
      '- list endpoints return one page at a time with a cursor',
      '- poll again from the last cursor to pick up new records',
      '',
    ].join('\n'),
  };

  it('compares the topics either side of an `or`, or of "between … and", describe when the question asks which to take', () => {
    const tutor = tutorFor(notesDir(notes));
    const disk = tutor.answer(
      'should i keep our photos on a disk attached to the server or in a bucket behind a url?',
    );
    expect(disk.intent).toBe('compare');
    expect(disk.topics.map((topic) => topic.title).sort()).toEqual(['Block volumes', 'Object buckets']);
    const sync = tutor.answer(
      'is it better to get called when an order changes or to poll the list endpoint page by page',
    );
    expect(sync.intent).toBe('compare');
    expect(sync.topics.map((topic) => topic.title).sort()).toEqual(['Pagination', 'Webhooks']);
    const between = tutor.answer(
      "what's the difference between a disk attached to one server and files in a bucket behind a url",
    );
    expect(between.intent).toBe('compare');
    expect(between.topics.map((topic) => topic.title).sort()).toEqual(['Block volumes', 'Object buckets']);
  });

  it('compares nothing when the question asks no choice, or a side is a word or two of one thing', () => {
    const tutor = tutorFor(notesDir(notes));
    // An `or` inside a description, and a `should we` after it, ask what to use, not which of two.
    expect(
      tutor.answer('our order list is slow or times out, what should we use to page through it').intent,
    ).toBe('explain');
    expect(tutor.answer('which is better for partner order updates, resized or attached').intent).toBe(
      'explain',
    );
  });
});

describe('notes on a product the service catalogue does not list', () => {
  const notes = {
    'quillon.md': [
      '# Pipelines & stages (what a build is made of)',
      '- a Quillon pipeline = ordered stages, each stage runs its steps on a runner',
      '- pipelines start on a push or on a schedule',
      '- runners pick up a pipeline stage when one is free',
      '- a stage pinned to a runner label only runs on those runners',
      '',
      '# Runners & queues (where steps run)',
      '- runners are machines u register w/ Quillon, each listens on one queue',
      '- a pipeline stage waits in the queue until a runner takes it',
      '- runners report pipeline logs back every few seconds',
      '',
      '# Secrets (values steps read)',
      '- secrets stay encrypted in Quillon, a pipeline reads them as env vars',
      '- runners never write secrets to pipeline logs',
      '',
      '# Pricing (what Quillon bills)',
      '- billed by Quillon per runner minute, pipelines on your own runners are free',
      '',
    ].join('\n'),
  };

  it('reads its file name as the product the notes are about, when their facts name it across topics', () => {
    const tutor = tutorFor(notesDir(notes));
    for (const question of ['what are runners in quillon', 'what is a quillon runner', 'explain runners']) {
      const reply = tutor.answer(question);
      expect(reply.intent, question).toBe('explain');
      expect(reply.topics[0]?.title, question).toBe('Runners & queues (where steps run)');
    }
  });
});

describe('a question opening on a thing neither the notes nor English knows', () => {
  const notes = {
    'monitoring.md': [
      '# Error tracking (issues, alerts)',
      '- each crash in a react native app becomes an issue w/ its stack trace',
      '- alerts go to slack or email when an issue spikes',
      '- pricing: per error event, the free plan keeps 5k events a month',
      '',
      '# Session replay (what the user saw)',
      '- records each user session in the browser, priced per session',
      '- masks text inputs by default',
      '',
      '# Code coverage (CC)',
      '- shows test coverage changes on every pull request',
      '',
    ].join('\n'),
  };

  it('says the notes do not cover a product it asks how to work, is priced or does', () => {
    const tutor = tutorFor(notesDir(notes));
    for (const question of [
      'how do i set up flarbix in a react native app',
      'is zentrique priced per seat or per user',
      'how does quorvo flag flaky tests on a pull request',
    ])
      expect(tutor.answer(question).intent, question).toBe('unknown');
  });

  it('still answers an abbreviation of the notes or a word naming a topic', () => {
    const tutor = tutorFor(notesDir(notes));
    expect(tutor.answer('does cc show coverage on every pull request').topics[0]?.title).toBe(
      'Code coverage (CC)',
    );
    expect(tutor.answer('is session replay priced per session').topics[0]?.title).toBe(
      'Session replay (what the user saw)',
    );
  });
});

describe('notes on one product of a vendor the catalogue lists', () => {
  const notes = {
    'twilio-voice.md': [
      '# Call pricing (per-minute billing)',
      '- outbound calls are billed per minute, rounded up to the next minute',
      '- inbound calls to a local number cost less than toll-free ones',
      '',
      '# TwiML (call instructions)',
      '- TwiML is XML telling Twilio what to do on a call: <Say>, <Play>, <Gather>, <Dial>',
      '- the webhook on a number returns TwiML when a call comes in',
      '',
      '# Call recording (storing calls)',
      '- recordings are kept until u delete them, storage billed per minute per month',
      '',
    ].join('\n'),
  };

  it("reads the vendor's own name as the notes' vendor, not as a product they lack", () => {
    const tutor = tutorFor(notesDir(notes));
    const reply = tutor.answer('how does twilio bill an outbound call');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('Call pricing (per-minute billing)');
  });
});
