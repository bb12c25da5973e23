import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import type { ExplainReply } from '../../src/tutor/reply.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { Understanding } from '../../src/understand/understanding.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR, KNOWLEDGE_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

const NOTES = `# Databases

## DocumentDB
- document database, MongoDB compatible
- storage grows in 10 GB steps up to 128 TB
- up to 15 read replicas

## Kinesis Data Streams
- real-time stream of records, split into shards
- records kept 24 hours by default, up to 365 days

## Amazon SQS
- fully managed message queue
- visibility timeout hides a message while a consumer works on it

## Amazon SNS
- pub/sub: one message to many subscribers
- a topic fans out to queues, Lambda functions and HTTP endpoints
`;

function explained(dir: string, question: string): string {
  const reply = createTutor(loadKnowledgeDir(dir).knowledge).answer(question);
  expect(reply.intent, `reply to ${JSON.stringify(question)}`).toBe('explain');
  return (reply as ExplainReply).topic.title;
}

describe('names people type that the notes never write', () => {
  it('takes the catalogue’s short names of a service a topic covers as names of that topic', () => {
    const dir = notesDir({ 'databases.md': NOTES });
    expect(explained(dir, 'how big can a docdb cluster get')).toBe('DocumentDB');
    expect(explained(dir, 'kds shard count')).toBe('Kinesis Data Streams');
  });

  it('finds a catalogue name of a topic misspelt, as it finds the notes’ own names', () => {
    // These notes say `MediaLive` in several topics, so only the catalogue makes it a name of one.
    const media = join(FIXTURES_DIR, 'notes', 'iot-media');
    expect(explained(media, 'whats medialiive')).toBe(
      'AWS Elemental MediaLive (broadcast grade live encoding)',
    );
    // Its vendor's word is no part of a slip: `amazon macie` is no misspelt `amazon glacier`.
    const storage = tutorFor(join(FIXTURES_DIR, 'notes', 'storage'));
    expect(storage.answer('how does amazon macie classify data').intent).toBe('unknown');
  });

  it('reads a topic’s name run into the next word as two words', () => {
    const dir = notesDir({ 'databases.md': NOTES });
    expect(explained(dir, 'sqsvisibility timeout')).toBe('Amazon SQS');
    expect(explained(dir, 'how many subscribers can an snstopic have')).toBe('Amazon SNS');
  });

  it('reads a one-word name misspelt in two words as that name', () => {
    const dir = notesDir({
      'k8s.md': [
        '# Pods',
        '- smallest thing u can deploy, wraps 1 or more containers',
        '',
        '# StatefulSets',
        '- runs pods that each need a stable identity & their own disk',
        '',
        '# Deployments',
        '- rolling updates of interchangeable pods',
        '',
      ].join('\n'),
    });
    expect(explained(dir, 'what is a statefull set')).toBe('StatefulSets');
  });

  it('reads a typo beside the rest of a name as that whole name, not as a part of another', () => {
    // AKS's notes name virtual machine scale sets, so a part of the name alone picked AKS.
    const azure = join(FIXTURES_DIR, 'notes', 'azure-compute');
    expect(explained(azure, 'what is azure vritual machine scale sets')).toMatch(
      /^Azure Virtual Machine Scale Sets/,
    );
    const stepFunctions = join(FIXTURES_DIR, 'notes', 'serverless-orchestration');
    expect(explained(stepFunctions, 'what is aws step fnctions express workflows')).toMatch(
      /^AWS Step Functions Express Workflows/,
    );
  });

  it('leaves real words and words it cannot split alone', () => {
    const dir = notesDir({ 'databases.md': NOTES });
    const tutor = createTutor(loadKnowledgeDir(dir).knowledge);
    expect(tutor.answer('snsxyzzy').intent).toBe('unknown');
    expect(explained(dir, 'what are shards in kinesis data streams')).toBe('Kinesis Data Streams');
  });

  it('takes a service one topic marks as a key term as part of that topic, and one it mentions in passing as not', () => {
    const dir = notesDir({
      'storage.md': [
        '# AWS Snow Family',
        '- portable devices to move data into and out of AWS',
        '- **Snowcone**: small & portable device, 8TB HDD',
        '',
        '# AWS Storage Gateway (hybrid)',
        '- bridge between on-premise data and S3',
        '- backups can also go to AWS Backup',
        '',
      ].join('\n'),
    });
    const tutor = createTutor(loadKnowledgeDir(dir).knowledge);
    const compared = tutor.answer('snowcone or storage gateway for a remote site');
    expect(compared.intent).toBe('compare');
    expect(compared.topics.map((topic) => topic.id)).toEqual(['snow-family', 'storage-gateway']);
    expect(explained(dir, 'how big is a snowcone')).toBe('AWS Snow Family');
    const passing = tutor.answer('what does aws backup do');
    expect(passing.intent).toBe('unknown');
  });

  it('takes a key-term service named unlike its topic for another service, mentioned in passing', () => {
    // `**FSx**` among DataSync's destinations is not part of DataSync: the notes don't cover FSx.
    const dir = notesDir({
      'migration.md': [
        '# AWS DataSync',
        '- online data transfer service to move lots of files between on premises storage & AWS',
        '- destinations: **S3**, **EFS**, **FSx**',
        '',
        '# AWS Snow Family',
        '- **Snowcone**: small & portable device, 8TB HDD',
        '',
      ].join('\n'),
    });
    const tutor = createTutor(loadKnowledgeDir(dir).knowledge);
    const reply = tutor.answer('what is fsx');
    expect(reply.intent).toBe('unknown');
    expect(reply.intent === 'unknown' && reply.notCovered).toEqual([expect.stringMatching(/FSx/)]);
    expect(explained(dir, 'how big is a snowcone')).toBe('AWS Snow Family');
    // Sharing a word many services' names have (`manager`) is no likeness.
    const ops = notesDir({
      'ops.md': [
        '# AWS Systems Manager (SSM)',
        '- **Parameter Store**: config values & secrets, no rotation',
        '- for automatic rotation use **Secrets Manager** instead',
        '',
        '# AWS Config',
        '- records the configuration of ur aws resources',
        '',
      ].join('\n'),
    });
    expect(createTutor(loadKnowledgeDir(ops).knowledge).answer('what is secrets manager').intent).toBe(
      'unknown',
    );
  });

  it('reads a key term that is one ordinary word as that word, not as the service of that name', () => {
    // `**backup**` here is a backup link, not AWS Backup: Direct Connect does not cover AWS Backup.
    const dir = notesDir({
      'network.md': [
        '# AWS Direct Connect',
        '- dedicated private network connection from ur data center to AWS',
        '- use a Site-to-Site VPN as a cheaper **backup** link',
        '',
        '# AWS Site-to-Site VPN',
        '- encrypted IPsec tunnels over the public internet',
        '',
      ].join('\n'),
    });
    const reply = createTutor(loadKnowledgeDir(dir).knowledge).answer("what's aws backup vault lock");
    expect(reply.intent).toBe('unknown');
    expect(reply.intent === 'unknown' && reply.notCovered).toEqual(['AWS Backup']);
  });

  it('splits off a whole name only, never one word of a longer name', () => {
    // `cloud` is one word of `Virtual Private Cloud`: `cloudflare` is not a VPC question.
    const dir = notesDir({
      'network.md':
        '# Amazon VPC (Virtual Private Cloud)\n- ur own private network in AWS\n- subnets r in one AZ\n',
    });
    const reply = createTutor(loadKnowledgeDir(dir).knowledge).answer('cloudflare dns proxy orange cloud');
    expect(reply.intent).toBe('unknown');
  });

  it('takes no word that many services’ names share as a name, whole or begun', () => {
    // `service` is one word of `Relational Database Service` only here, and `cloud` begins
    // `CloudFront` only: both are words many names are made of, naming nothing in particular.
    const dir = notesDir({
      'databases.md': '# Amazon RDS (Relational Database Service)\n- managed relational databases\n',
      'network.md': [
        '# Amazon CloudFront',
        '- CDN, caches content at edge locations',
        '',
        '# Amazon VPC',
        '- ur own isolated private network in the cloud, split into subnets',
        '',
      ].join('\n'),
    });
    expect(tutorFor(dir).answer('what services do you know about').intent).toBe('list');
    expect(explained(dir, 'an isolated network of our own in the cloud')).toBe('Amazon VPC');
    expect(explained(dir, 'relational database service')).toBe('Amazon RDS (Relational Database Service)');
  });
});

describe('one part of a heading that names several things', () => {
  it('names its topic when that topic’s facts dwell on it far more than any other’s', () => {
    const dir = join(FIXTURES_DIR, 'notes', 'terraform-basics');
    // Every topic of notes on Terraform says `plan` somewhere; `Plan & Apply` says it most.
    expect(explained(dir, 'will terraform plan modify my infrastructure')).toBe(
      'Plan & Apply (core workflow, destroy, -target)',
    );
  });

  it('names nothing when other topics use it about as often', () => {
    const understanding = new Understanding(tutorFor(join(FIXTURES_DIR, 'notes', 'kafka-core')).knowledge);
    // `topics` of `Topics & partitions` is in 7 of its facts and in 6 of `Retention & log compaction`.
    expect(understanding.index.names.has('topics')).toBe(false);
    expect(understanding.index.names.get('partitions')?.map((name) => name.topic)).toEqual([
      understanding.index.topics.findIndex((topic) => topic.name === 'Topics & partitions'),
    ]);
  });
});

describe('one word of an acronym’s expansion', () => {
  const networking = join(FIXTURES_DIR, 'notes', 'networking-basics');

  it('names nothing when it only says what kind of thing it is: `user` of User Datagram Protocol', () => {
    const understanding = new Understanding(tutorFor(networking).knowledge);
    expect(understanding.index.names.has('user')).toBe(false);
    expect(understanding.index.names.has('udp')).toBe(true);
    expect(explained(networking, 'videos stream slowly for users far away')).toBe(
      'CDN (Content Delivery Network)',
    );
  });

  it('names its topic when it is the last word, what the thing is: `registry` of Elastic Container Registry', () => {
    const understanding = new Understanding(tutorFor(KNOWLEDGE_DIR).knowledge);
    expect(
      understanding.index.names.get('registry')?.map((name) => understanding.index.topics[name.topic]?.name),
    ).toEqual(['ECR']);
  });
});

describe('a name with words cut short as chat writes them', () => {
  const containers = join(FIXTURES_DIR, 'notes', 'containers-platform');

  it('is the name in full: `svc` for service, `k8s` for Kubernetes', () => {
    expect(explained(containers, 'what is the elastic container svc')).toBe(
      'Amazon ECS (Elastic Container Service)',
    );
    const reply = createTutor(loadKnowledgeDir(containers).knowledge).answer(
      'what is amazon elastic k8s service',
    ) as ExplainReply;
    expect(reply.topic.title).toBe('Amazon EKS (Elastic Kubernetes Service)');
    expect(reply.lead[0]?.text).toMatch(/^managed kubernetes on aws/);
  });

  it('names a catalogued service the notes lack: "db migration svc" is AWS Database Migration Service', () => {
    const tutor = createTutor(loadKnowledgeDir(containers).knowledge);
    for (const [question, service] of [
      ['whats aws db migration svc', 'AWS Database Migration Service'],
      ['explain simple notification svc', 'Amazon Simple Notification Service'],
    ] as const) {
      const reply = tutor.answer(question);
      expect(reply.intent, question).toBe('unknown');
      expect(JSON.stringify(reply), question).toContain(service);
    }
  });

  it('names a topic in full only: "a relational db" is no part of the Relational Database Service', () => {
    const understanding = new Understanding(tutorFor(join(FIXTURES_DIR, 'notes', 'databases')).knowledge);
    expect(understanding.understand('a relational db for an internal tool').read.names).toEqual([]);
    expect(understanding.understand('relational db svc pricing').read.names).not.toEqual([]);
  });
});
