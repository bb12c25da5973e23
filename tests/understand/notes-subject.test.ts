import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render-text.js';
import type { Fact, Topic } from '../../src/knowledge/types.js';
import type { ExplainReply, Reply } from '../../src/tutor/reply.js';
import { introductionOf } from '../../src/understand/notes-subject.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

const notes = (area: string) => join(FIXTURES_DIR, 'notes', area);

const fact = (text: string): Fact => ({ text, subPoints: [], keyTerms: [], line: 1 });
const topic = (name: string, facts: string[]): Topic => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  title: name,
  aliases: [],
  categories: [],
  facts: facts.map(fact),
  quizzes: [],
  related: [],
  askedAs: [],
  source: { file: 'notes.md', line: 1 },
});

function explained(reply: Reply): ExplainReply {
  expect(reply.intent).toBe('explain');
  return reply as ExplainReply;
}

describe('introductionOf', () => {
  it('finds the topic whose opening fact says what the product is', () => {
    const topics = [
      topic('Consul Service Mesh', ['mTLS between services', 'Consul is the CA: built-in or Vault']),
      topic('Consul Service Discovery', ['Consul = a service catalog every agent keeps in sync']),
    ];
    expect(introductionOf(topics, ['consul'], [])).toEqual({ topic: 1, fact: 0, defined: true });
  });

  it('reads past markup and the vendor before the name', () => {
    const topics = [topic('Provisioned', ['**Amazon MSK** is AWS’s managed Apache Kafka'])];
    expect(introductionOf(topics, ['msk'], [])).toEqual({ topic: 0, fact: 0, defined: true });
  });

  it('starts where the notes do when no fact says it, skipping topics on their other product', () => {
    const topics = [
      topic('Nomad Jobs', ['a job is the spec of what u want running']),
      topic('Consul Service Discovery', ['a Consul agent runs on every node']),
    ];
    expect(introductionOf(topics, ['consul'], ['nomad'])).toEqual({ topic: 1, fact: 0, defined: false });
    expect(introductionOf(topics, ['nomad'], ['consul'])).toEqual({ topic: 0, fact: 0, defined: false });
    expect(introductionOf([], ['consul'], [])).toBeNull();
  });

  it('takes no fact saying what else the product is for one saying what it is', () => {
    const topics = [
      topic('Hosted zones', ['a hosted zone = container for the records of one domain']),
      topic('Domain registration', ['Route 53 is also a domain registrar, u buy names in the console']),
    ];
    expect(introductionOf(topics, ['route 53'], [])).toEqual({ topic: 0, fact: 0, defined: false });
  });
});

const ROUTE_53 = [
  '# Hosted zones (public & private)',
  '- a **hosted zone** = container for all the records of one domain',
  '- pricing: $0.50 per hosted zone a month for the first 25',
  '',
  '# Route 53 Resolver (inbound & outbound endpoints)',
  '- the DNS server every VPC gets at the base of its CIDR plus two',
  '- **Route 53 Profiles** share private zones & resolver rules across accounts',
  '- pricing: endpoints cost per ENI per hour',
  '',
  '# Domain registration (registrar, transfers)',
  '- Route 53 is also a **domain registrar**, u buy & renew names in the console',
  '- default limit 20 domains per account',
  '',
].join('\n');

describe('a question about the product the notes are all about', () => {
  it('names no topic by the product, though the catalogue lists that topic among its names', () => {
    // The catalogue's Azure Functions lists `durable functions` among its names.
    const functions = tutorFor(notes('azure-functions'));
    const reply = explained(functions.answer('what is azure functions'));
    expect(reply.topic.title).not.toMatch(/^Durable Functions/);
    expect(reply.sure).toBe(false);
    expect(explained(functions.answer('what are durable functions')).topic.title).toMatch(
      /^Durable Functions/,
    );
  });

  it('names no topic by the product, though one topic is named for a part of it', () => {
    const dir = notesDir({ 'route53.md': ROUTE_53 });
    const tutor = tutorFor(dir);
    const cost = explained(tutor.answer('how much does one route 53 zone cost me each month'));
    expect(cost.topic.title).toMatch(/^Hosted zones/);
    const intro = explained(tutor.answer('what is route 53'));
    expect(intro.topic.title).toMatch(/^Hosted zones/);
    expect(intro.sure).toBe(false);
    expect(explained(tutor.answer('what is route 53 resolver')).topic.title).toMatch(/^Route 53 Resolver/);
  });

  it('is answered where the notes say what it is, in the ways people ask it', () => {
    const tutor = tutorFor(notes('redis-ops'));
    for (const question of [
      'what is redis',
      'redis?',
      'tell me about redis',
      'how does redis work',
      "what's redis good for",
      'give me an intro to redis',
    ]) {
      const reply = explained(tutor.answer(question));
      expect(reply.topic.title, question).toMatch(/^Redis data types/);
      expect(reply.lead[0]?.text, question).toMatch(/^Redis is an in-memory/);
      expect(reply.sure, question).toBe(true);
    }
  });

  it('finds the saying in any topic, past a vendor name', () => {
    const reply = explained(tutorFor(notes('msk-ops')).answer('what is msk'));
    expect(reply.lead[0]?.text).toMatch(/^Amazon MSK = AWS's managed Apache Kafka/);
  });

  it('is a guess at where the notes start when they never say what it is, with their next topics', () => {
    const reply = explained(tutorFor(notes('terraform-basics')).answer('what is terraform'));
    expect(reply.topic.title).toMatch(/^Terraform State/);
    expect(reply.sure).toBe(false);
    expect(reply.alternatives).toHaveLength(3);
    expect(renderText(reply)).toMatch(/^Closest match in the notes: Terraform State/);
    const consul = explained(tutorFor(notes('nomad-consul')).answer('what is consul'));
    expect(consul.topic.title).toMatch(/^Consul Service Discovery/);
  });

  it('is the product whose name opens most headings, when the notes are split into its parts', () => {
    const cloudRun = explained(tutorFor(notes('gcp-run')).answer('what is cloud run'));
    expect(cloudRun.topic.title).toMatch(/^Cloud Run services/);
    expect(cloudRun.lead[0]?.text).toMatch(/^fully managed way to run containers/);
    // Before, the topic naming SQS least (`Amazon SNS Topics & Fan-out`) answered by its mentions.
    const sqs = explained(tutorFor(notes('messaging-deep')).answer('what is sqs'));
    expect(sqs.topic.title).toMatch(/^Amazon SQS Standard Queues/);
    expect(tutorFor(notes('gcp-run')).answer('cloud run jobs').topics[0]?.title).toMatch(/^Cloud Run jobs/);
  });

  it('leaves questions on one of its topics, and topics named for it in full, to those topics', () => {
    const redis = tutorFor(notes('redis-ops'));
    expect(redis.answer('redis persistence').topics[0]?.title).toMatch(/^Redis persistence/);
    expect(redis.answer('what is redis cluster').topics[0]?.title).toMatch(/^Redis Cluster/);
    expect(tutorFor(notes('compute-ec2')).answer('what is ec2').topics[0]?.title).toBe(
      'Amazon EC2 (Elastic Compute Cloud)',
    );
  });
});
