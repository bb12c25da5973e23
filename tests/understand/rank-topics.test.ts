import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR } from '../helpers/paths.js';

const ALLOTMENT = `# Allotment

* a rented plot for vegetables, with a shed for tools and seedlings
* water comes from a shared tap, warmth from the sun, and a compost bin sits by the gate
`;

const GREENHOUSE = `# Greenhouse

* a glass house where seedlings grow before planting out
* seedlings get warmth at night from a small heater
* vents open on sunny days so the seedlings do not overheat
* trays of seedlings take up water from below through capillary matting
`;

describe('ranking topics', () => {
  // Both topics have every word of the question, and one fact of each has two of them: what tells
  // them apart is that every line of the greenhouse's notes is about seedlings.
  it.each([
    ['the allotment first', `${ALLOTMENT}\n${GREENHOUSE}`],
    ['the greenhouse first', `${GREENHOUSE}\n${ALLOTMENT}`],
  ])('prefers the topic whose facts keep saying a word of the question (%s)', (_, notes) => {
    const tutor = createTutor(loadKnowledgeDir(notesDir({ 'garden.md': notes })).knowledge);
    for (const question of [
      'seedlings that need warmth and water',
      'a place for seedlings with warmth and water',
    ]) {
      expect(tutor.answer(question).topics[0]?.id, question).toBe('greenhouse');
    }
  });

  it('weighs a time or a quantity the notes never write like an ordinary word, not like a name', () => {
    const tutor = createTutor(
      loadKnowledgeDir(notesDir({ 'garden.md': `${ALLOTMENT}\n${GREENHOUSE}` })).knowledge,
    );
    const reply = tutor.answer('do seedlings get warmth at 2am');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.id).toBe('greenhouse');
  });

  it("takes the words in brackets after another topic's name as that topic's", () => {
    // ECS's notes list `**Fargate** (serverless, no instances)` among its launch types.
    const tutor = createTutor(loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'containers-platform')).knowledge);
    for (const question of [
      'can our fault tolerant batch containers run serverless on spare capacity for cheap',
      'serverless containers in a private subnet cant pull their image, what networking do they need',
    ])
      expect(tutor.answer(question).topics[0]?.id, question).toBe('fargate');
  });

  it('takes a name the question turns down for the setting, not the subject', () => {
    const tutor = createTutor(loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'containers-platform')).knowledge);
    const question =
      'we run a dozen dockerized services and want aws to keep them up and restart crashed ones behind a load balancer, nobody here wants to learn kubernetes, what do we use';
    expect(tutor.answer(question).topics[0]?.id).toBe('ecs');
    // A negation with no wanting in it turns nothing down.
    expect(tutor.answer('is there a no cost allowance for eks').topics[0]?.id).toBe('eks');
  });
});

describe('a first fact that sets a scene', () => {
  it('says what the topic replaces: its words count half', () => {
    const dir = notesDir({
      'compute.md': [
        '# Lambda',
        '',
        '* suppose, if we use an ec2 server, we pay for a virtual server with fixed memory and cpu even when it is idle, and to scale we add more servers',
        '* functions run on demand, no servers to manage',
        '* pay per request and compute time',
        '',
        '# Fargate (serverless)',
        '',
        '* serverless way to run containers, no ec2 instances to provision',
        '* AWS runs each container with the cpu/RAM you ask for',
        '',
      ].join('\n'),
    });
    const tutor = createTutor(loadKnowledgeDir(dir).knowledge);
    for (const question of [
      'my containers should simply receive the processor and memory they request, no hosts for me to set up',
      'give containers the processor and memory they need, no hosts to configure',
    ])
      expect(tutor.answer(question).topics[0]?.title, question).toBe('Fargate (serverless)');
    expect(tutor.answer('what is lambda').topics[0]?.title).toBe('Lambda');
  });
});

describe('a need said by what it is not', () => {
  it('does not answer with the topic of what the question turns down', () => {
    const dir = notesDir({
      'compute.md': [
        '# Compute Engine',
        '',
        '* virtual machines in the cloud: u pick the machine type, size it and patch the OS yourself',
        '* pay per second while the VM runs',
        '',
        '# Cloud Run',
        '',
        '* serverless: runs ur container image, no infrastructure to provision',
        '* scales to zero when nobody calls it',
        '',
      ].join('\n'),
    });
    const tutor = createTutor(loadKnowledgeDir(dir).knowledge);
    for (const question of [
      'i have a container image and no wish to patch or size any virtual machines, where does it go',
      'where can our image live without us having to size or patch virtual machines',
    ])
      expect(tutor.answer(question).topics[0]?.title, question).toBe('Cloud Run');
    expect(tutor.answer('which virtual machines do we patch and size ourselves').topics[0]?.title).toBe(
      'Compute Engine',
    );
  });
});

describe('a use the notes turn down', () => {
  const SERVICES = [
    '# App Runner',
    '',
    '* runs a web app or API from a container image, with HTTPS and scaling built in',
    '* only for HTTP request/response apps, not for background workers or queue consumers',
    '* pricing: pay for active instances by vCPU and memory',
    '',
    '# Batch',
    '',
    '* runs batch jobs on a pool of compute that grows and shrinks with the work',
    '* jobs wait in a job queue until there is capacity for them',
    '* good for long running number crunching, video encoding and nightly reports',
    '',
  ].join('\n');
  const tutorOnServices = () => createTutor(loadKnowledgeDir(notesDir({ 'compute.md': SERVICES })).knowledge);

  it('does not answer a need with the topic whose notes say it is not for it', () => {
    const tutor = tutorOnServices();
    for (const question of [
      'where should our background workers that pull from a queue run',
      'we have queue consumers to host, what do we use',
    ])
      expect(tutor.answer(question).topics[0]?.title, question).toBe('Batch');
  });

  it('still answers whether that topic does it with the fact that says no', () => {
    const reply = tutorOnServices().answer('is app runner ok for background workers');
    expect(reply.topics[0]?.title).toBe('App Runner');
    expect(reply.intent === 'explain' && reply.lead[0]?.text).toContain('not for background workers');
  });
});

describe('names a heading gives its topic', () => {
  const IDENTITY = [
    '# Single Sign-On (SAML & OIDC apps)',
    '- one login for every app, the app trusts our identity provider',
    '- SAML apps get a signed assertion, OIDC apps an ID token',
    '',
    '# MFA & Authenticators (push, TOTP, security keys)',
    '- push to the phone app, 6 digit TOTP codes, or a FIDO2 security key',
    '- MFA enrollment can be required at first login',
    '',
    '# Sign-On Policies (who gets in, from where)',
    '- rules per app: require MFA off the office network, skip MFA on managed laptops',
    '- deny sign-ins from countries we never work from, and require MFA every 12 hours',
    '- admins always need MFA, even from the office',
    '',
  ].join('\n');

  it('takes the initials of a hyphened name, its small word and all, as a short name: SSO', () => {
    const tutor = createTutor(loadKnowledgeDir(notesDir({ 'identity.md': IDENTITY })).knowledge);
    expect(tutor.answer('what is sso').topics[0]?.id).toBe('single-sign-on');
  });

  it('takes a part in capitals of a heading naming several things as its name, however often other topics say it', () => {
    const tutor = createTutor(loadKnowledgeDir(notesDir({ 'identity.md': IDENTITY })).knowledge);
    expect(tutor.answer('how does mfa work').topics[0]?.id).toBe('mfa-authenticators');
    const reply = tutor.answer("what's the difference between sso and mfa, do we need both");
    expect(reply.intent).toBe('compare');
    expect(reply.topics.map((topic) => topic.id).sort()).toEqual(['mfa-authenticators', 'single-sign-on']);
  });
});
