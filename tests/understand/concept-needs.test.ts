import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { stem } from '../../src/knowledge/text.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { ConceptNeeds, conceptKeys } from '../../src/understand/concept-needs.js';
import conceptKeysData from '../../src/understand/data/concept-keys.json' with { type: 'json' };
import conceptNeedsData from '../../src/understand/data/concept-needs.json' with { type: 'json' };
import { defaultUnderstandingParts, Understanding } from '../../src/understand/understanding.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR } from '../helpers/paths.js';

const GIT_NOTES = [
  '# Branches',
  '- a branch is a movable pointer to a commit, creating one is cheap',
  '- `git switch -c feature` creates a branch and moves to it',
  '',
  '# Stash',
  '- `git stash` saves ur uncommitted changes and cleans the working tree',
  '- `git stash pop` reapplies the latest entry and drops it',
  '',
  '# Tags',
  '- a tag marks one commit for good, eg. a release v2.1',
  '',
  '# Merge',
  '- joins the history of two branches, may create a merge commit',
  '',
].join('\n');

const topic = (name: string, aliases: string[] = []) => ({ name, aliases });

describe('ConceptNeeds', () => {
  const needs = new ConceptNeeds({
    concepts: [
      { names: ['consumer group', 'consumer groups'], needs: ['split the work of reading a stream'] },
      { names: ['log compaction'], needs: ['keep only the newest value per key'] },
      { names: ['retention'], needs: ['how long are old messages kept'] },
    ],
    features: [],
  });

  it('gives a topic the needs of the concept its heading names, however it is inflected', () => {
    expect(needs.needsOf(topic('Consumer Groups'))).toEqual(['split the work of reading a stream']);
    expect(needs.needsOf(topic('consumer group'))).toEqual(['split the work of reading a stream']);
  });

  it('reads a heading in notes on a product as the product’s concept: `Plan & Apply` in notes on terraform', () => {
    const product = new ConceptNeeds({
      concepts: [
        { names: ['terraform plan'], needs: ['preview what would change before touching anything'] },
      ],
      features: [],
    });
    expect(product.needsOf(topic('Plan & Apply'))).toEqual([]);
    expect(product.needsOf(topic('Plan & Apply'), ['terraform'])).toEqual([
      'preview what would change before touching anything',
    ]);
  });

  it('gives a heading of several things the needs of each', () => {
    expect(needs.needsOf(topic('Retention & Log Compaction'))).toEqual([
      'how long are old messages kept',
      'keep only the newest value per key',
    ]);
  });

  it('finds the concepts a fact names among its words, whole names only', () => {
    const stems = (text: string) => text.split(' ').map(stem);
    expect(needs.namedIn(stems('old segments go away after log compaction runs'))).toEqual([1]);
    expect(needs.namedIn(stems('each consumer group reads its own copy'))).toEqual([0]);
    expect(needs.namedIn(stems('the log is compacted'))).toEqual([]);
  });

  it('gives a topic nothing when no concept has its name, nor for a word inside a longer name', () => {
    expect(needs.needsOf(topic('Producers'))).toEqual([]);
    expect(needs.needsOf(topic('Retention Policies Explained'))).toEqual([]);
  });
});

describe('the shipped concept needs', () => {
  it('are looked up by keys kept up to date with their names (scripts/concepts/build-concept-keys.mjs)', () => {
    expect(conceptKeysData.keys).toEqual(conceptKeys(conceptNeedsData));
  });

  it('name each concept and say its need in several phrasings of plain chat words', () => {
    expect(conceptNeedsData.concepts.length).toBeGreaterThan(300);
    expect(conceptNeedsData.features.length).toBeGreaterThan(300);
    for (const concept of [...conceptNeedsData.concepts, ...conceptNeedsData.features]) {
      expect(concept.names.length, concept.names.join()).toBeGreaterThan(0);
      expect(concept.needs.length, concept.names.join()).toBeGreaterThanOrEqual(8);
      for (const text of [...concept.names, ...concept.needs]) expect(text).toBe(text.toLowerCase());
    }
  });
});

describe('answering from concept needs', () => {
  it('finds the topic on an idea that a question describes without any word of its notes', () => {
    const knowledge = loadKnowledgeDir(notesDir({ 'git.md': GIT_NOTES })).knowledge;
    const withNeeds = createTutor(knowledge);
    const without = createTutor(knowledge, {
      ...defaultUnderstandingParts(),
      conceptNeeds: new ConceptNeeds({ concepts: [], features: [] }),
    });
    for (const question of [
      'git refuses to change branches because of my local edits, how do i park them for a minute',
      'how do i get my shelved edits back after fixing the other thing',
    ]) {
      expect(withNeeds.answer(question).topics[0]?.id, question).toBe('stash');
      expect(without.answer(question).topics[0]?.id, question).not.toBe('stash');
    }
  });

  it('finds the topic on an idea of a CI server, a field added later, that a question describes in its own words', () => {
    const knowledge = loadKnowledgeDir(
      notesDir({
        'ci-server.md': [
          '# Build agents',
          '- machines that run the builds for the controller, connected over ssh',
          '',
          '# Shared pipeline libraries',
          '- groovy code kept in its own repo, loaded into a pipeline w/ `@Library`',
          '',
          '# Configuration as code',
          '- the server set up from a yaml file instead of by hand',
          '',
        ].join('\n'),
      }),
    ).knowledge;
    const withNeeds = createTutor(knowledge);
    const without = createTutor(knowledge, {
      ...defaultUnderstandingParts(),
      conceptNeeds: new ConceptNeeds({ concepts: [], features: [] }),
    });
    const question =
      'each of our repos has its own copy of the same deploy steps, a fix means editing every one';
    expect(withNeeds.answer(question).topics[0]?.title).toBe('Shared pipeline libraries');
    expect(without.answer(question).topics[0]?.title).not.toBe('Shared pipeline libraries');
  });

  it('ranks first the topic on an idea of infrastructure as code that a question describes in its own words', () => {
    const dir = notesDir({
      'terraform-notes.md': [
        '# State',
        '- the tfstate file maps ur config to the real resources',
        '- keep it in a remote backend (s3 bucket) so the team shares it',
        '',
        '# Variables & Outputs',
        '- input variables parametrise a config, outputs print values after apply',
        '',
        '# Modules',
        '- reusable folders of resources, called w/ a module block',
        '',
      ].join('\n'),
    });
    const knowledge = loadKnowledgeDir(dir).knowledge;
    const withNeeds = new Understanding(knowledge);
    const without = new Understanding(knowledge, {
      ...defaultUnderstandingParts(),
      conceptNeeds: new ConceptNeeds({ concepts: [], features: [] }),
    });
    const first = (understanding: Understanding, question: string) => {
      const [best] = understanding.understand(question).candidates;
      return best ? understanding.index.topics[best.topic]?.title : undefined;
    };
    const question =
      'two of us ran it from our laptops at the same time and now we disagree on what is deployed';
    expect(first(withNeeds, question)).toBe('State');
    expect(first(without, question)).not.toBe('State');
  });

  it('gives a topic on several things, none its heading names, the needs of the things its bullets open with', () => {
    const dir = notesDir({
      'compute.md': [
        '# Amazon EC2',
        '* virtual servers in the cloud, u pick an instance type (cpu, memory, network)',
        '* an AMI is the image the instance boots from',
        '',
        '# EC2 Pricing Options',
        '* **On-Demand** : pay by the second, no commitment',
        '* **Reserved Instances** : commit for 1 or 3 years, up to 72% off',
        '* **Spot Instances** : spare ec2 capacity for up to 90% off, aws can take it back w/ a 2 minute notice',
        '',
      ].join('\n'),
    });
    const reply = createTutor(loadKnowledgeDir(dir).knowledge).answer(
      "we know we'll run these boxes for the next three years, how do we get a discount",
    );
    expect(reply.topics[0]?.title).toBe('EC2 Pricing Options');
  });

  it('finds the topic on a fundamental of the cloud that a question describes in its own words', () => {
    const dir = notesDir({
      'fundamentals.md': [
        '# Shared Responsibility Model',
        '- aws secures the cloud itself, the customer secures what they put in it',
        '',
        '# Regions & Availability Zones',
        '- a region is a geographic area with several isolated datacenters',
        '',
      ].join('\n'),
    });
    const knowledge = loadKnowledgeDir(dir).knowledge;
    const question = 'who is on the hook for patching the guest os, us or amazon';
    const [best] = new Understanding(knowledge).understand(question).candidates;
    expect(best && knowledge.topics[best.topic]?.title).toBe('Shared Responsibility Model');
    const without = new Understanding(knowledge, {
      ...defaultUnderstandingParts(),
      conceptNeeds: new ConceptNeeds({ concepts: [], features: [] }),
    });
    expect(without.understand(question).candidates).toEqual([]);
  });

  it("leaves a cloud product's topic to its own needs: `AWS Artifact` is no build artifact", () => {
    const dir = notesDir({
      'compliance.md': [
        '# AWS Artifact',
        "- self service portal for AWS's own compliance reports (SOC, ISO, PCI)",
        '',
        '# Artifacts',
        '- the files a build produces, kept for later stages of the pipeline',
        '',
      ].join('\n'),
    });
    const understanding = new Understanding(loadKnowledgeDir(dir).knowledge);
    const parts = defaultUnderstandingParts();
    const artifactNeeds = parts.conceptNeeds.needsOf(topic('Artifacts'));
    expect(artifactNeeds.length).toBeGreaterThan(0);
    const needTexts = (at: number) =>
      (understanding.index.topicNeeds.get(at) ?? []).map((need) => understanding.index.needStems[need]);
    expect(needTexts(1).length).toBe(artifactNeeds.length);
    expect(needTexts(0).length).toBe(
      understanding.services.coveredBy(0).flatMap((service) => parts.catalogue.topicNeedsOf(service)).length,
    );
  });

  it('gives a product the catalogue knows no needs of the needs of the idea it is named for: `Vector Search`', () => {
    // tests/fixtures/notes/mongodb-atlas: notes on MongoDB Atlas, written blind.
    const understanding = new Understanding(
      loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'mongodb-atlas')).knowledge,
    );
    const parts = defaultUnderstandingParts();
    const at = understanding.index.topics.findIndex((candidate) => candidate.name === 'Vector Search');
    const [product] = understanding.services.coveredBy(at);
    expect(product?.name).toBe('MongoDB Atlas Vector Search');
    expect(parts.catalogue.topicNeedsOf(product as NonNullable<typeof product>)).toEqual([]);
    expect(understanding.index.topicNeeds.get(at)?.length).toBe(
      parts.conceptNeeds.needsOf(topic('Vector Search')).length,
    );
  });
});
