import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { ConceptLexicon } from '../../src/understand/concepts.js';
import { loadEnglishWords } from '../../src/understand/english.js';
import { IntentClassifier } from '../../src/understand/intents.js';
import { rankTopics } from '../../src/understand/rank-topics.js';
import { QuestionReader } from '../../src/understand/read-question.js';
import { loadSpellings, loadSynonyms } from '../../src/understand/synonyms.js';
import { TopicIndex } from '../../src/understand/topic-index.js';
import { Understanding } from '../../src/understand/understanding.js';
import { loadWordRelations } from '../../src/understand/word-relations.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR, KNOWLEDGE_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

let knowledge: KnowledgeBase;
let index: TopicIndex;
let reader: QuestionReader;

beforeAll(() => {
  knowledge = loadKnowledgeDir(KNOWLEDGE_DIR).knowledge;
  index = new TopicIndex(knowledge);
  reader = new QuestionReader(index, new IntentClassifier(), loadEnglishWords(), {
    synonyms: loadSynonyms(),
    spellings: loadSpellings(),
    concepts: new ConceptLexicon(),
    relations: null,
  });
});

const topicIndexOf = (id: string): number => knowledge.topics.findIndex((topic) => topic.id === id);

/** A reader on other notes, with the same meaning bridges. */
const readerOn = (notes: KnowledgeBase): QuestionReader =>
  new QuestionReader(new TopicIndex(notes), new IntentClassifier(), loadEnglishWords(), {
    synonyms: loadSynonyms(),
    spellings: loadSpellings(),
    concepts: new ConceptLexicon(),
    relations: null,
  });

describe('TopicIndex', () => {
  it('looks names and aliases up exactly, with and without spaces', () => {
    expect(index.exactName('fargate').map((name) => name.topic)).toEqual([topicIndexOf('fargate')]);
    expect(index.exactName('elastic container registry').map((name) => name.topic)).toEqual([
      topicIndexOf('ecr'),
    ]);
    expect(index.exactName('apigateway').map((name) => name.topic)).toEqual([topicIndexOf('api-gateway')]);
    expect(index.exactName('s3')).toEqual([]);
  });

  it('finds the closest name to a misspelling', () => {
    expect(index.closestName('fargte')?.name.topic).toBe(topicIndexOf('fargate'));
    expect(index.closestName('kubernets')?.name.topic).toBe(topicIndexOf('eks'));
    expect(index.closestName('zzzzzz')).toBeNull();
  });

  it('finds the word a swap of two neighbouring letters misspells, which fuzzy scores rank low', () => {
    // Fuse.js scores `resumes`, `result`, `reset` and `reuse` of these notes above `roles`.
    const notes = loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'snowflake')).knowledge;
    expect(new TopicIndex(notes).closestWord('roels')?.word).toBe('roles');
  });

  it('finds a misspelt name among names too long to be it that hold the typed letters exactly', () => {
    const longer = ['Glaierhub', 'Glaierzone', 'Glaiermesh', 'Glaierlink', 'Glaierpath', 'Glaierport'];
    const markdown = ['Glacier', ...longer]
      .map((name) => `# ${name}\n- keeps things for ${name}\n`)
      .join('\n');
    const crowded = new TopicIndex(loadKnowledgeDir(notesDir({ 'names.md': markdown })).knowledge);
    const found = crowded.closestName('glaier');
    expect(found && crowded.topics[found.name.topic]?.title).toBe('Glacier');
  });

  it('indexes every fact of every topic', () => {
    const facts = knowledge.topics.reduce((sum, topic) => sum + topic.facts.length, 0);
    expect(index.facts).toHaveLength(facts);
    expect(index.firstFact).toHaveLength(knowledge.topics.length);
  });
});

describe('QuestionReader', () => {
  it('finds a topic named exactly, with full strength', () => {
    const read = reader.read('what is fargate');
    expect(read.tokens).toEqual(['what', 'is', 'fargate']);
    expect(read.names).toEqual([
      { topic: topicIndexOf('fargate'), start: 2, end: 3, strength: 1, partial: false },
    ]);
    expect(read.intent.intent).toBe('explain');
  });

  it('finds a longer name misspelt in two words over a shorter one in the first', () => {
    const notes = loadKnowledgeDir(
      notesDir({
        'events.md': [
          '# EventBridge (event bus & rules)',
          '- rules match events on a bus & send them to targets',
          '',
          '# EventBridge Scheduler (cron & one-time schedules)',
          '- flexible time window spreads invocations over up to 1440 minutes',
          '',
        ].join('\n'),
      }),
    ).knowledge;
    const [hit] = readerOn(notes).read('eventbrige schedular flexable time windw').names;
    expect(notes.topics[hit?.topic ?? -1]?.name).toBe('EventBridge Scheduler');
    expect(hit?.end).toBe(2);
  });

  it('hears the `work` closing "how does X work" as the question, not as a word of its subject', () => {
    const words = (question: string) => reader.read(question).terms.map((term) => term.word);
    expect(words('how does fargate work')).not.toContain('work');
    expect(words('how do task definitions work')).not.toContain('work');
    expect(words('how does work get scheduled on fargate')).toContain('work');
    expect(words('can fargate work with spot')).toContain('work');
  });

  it('reads a slip of a function word as that word, not as a notes word further off', () => {
    const words = (question: string) => reader.read(question).terms.map((term) => term.word);
    expect(words('how many task definitions shoud i keep')).not.toContain('shoud');
    expect(words('which launch type is cheaper becuase of spot')).not.toContain('becuase');
    // A negation slipped is still a negation.
    expect(reader.read('fargate wasnt cheaper').terms.some((term) => term.word === 'wasnt')).toBe(true);
  });

  it('hears the `exactly` stressing "what exactly is X" as the asking, not as a word of its subject', () => {
    const words = (question: string) => reader.read(question).terms.map((term) => term.word);
    expect(words('what exactly is fargate')).not.toContain('exactly');
    expect(words('what is fargate exactly')).not.toContain('exactly');
    expect(words('how exactly does fargate scale')).not.toContain('exactly');
    expect(words('is exactly once delivery supported')).toContain('exactly');
  });

  const iamNotes = () =>
    loadKnowledgeDir(
      notesDir({
        'iam.md': [
          '# IAM Policies (JSON permission documents)',
          '- JSON docs that say who can do what on which resources',
          '',
          '# IAM Roles & AssumeRole (STS temporary credentials)',
          '- a role is an identity w/ permissions but no long-term credentials',
          '',
          '# IAM Roles Anywhere (X.509 certs for workloads outside AWS)',
          '- servers outside AWS trade a certificate for temporary credentials',
          '',
          '# IAM Access Analyzer (external access findings)',
          '- unused access: ~$0.20 per IAM role analyzed a month',
          '',
        ].join('\n'),
      }),
    ).knowledge;

  it('finds a name whose last word is in the other number, spelt other than with an s (`iam policy`)', () => {
    const notes = iamNotes();
    const [hit] = readerOn(notes).read("what's an iam policy").names;
    expect(notes.topics[hit?.topic ?? -1]?.name).toBe('IAM Policies');
    expect(hit?.partial).toBe(false);
  });

  it('names by a whole part of a heading of several things what a longer name also starts with', () => {
    const notes = iamNotes();
    // `IAM Roles Anywhere` starts with it too, but only `IAM Roles & AssumeRole` names it whole.
    const [hit] = readerOn(notes).read('what is an iam role actually').names;
    expect(notes.topics[hit?.topic ?? -1]?.name).toBe('IAM Roles & AssumeRole');
    expect(
      readerOn(notes)
        .read('iam roles anywhere certificates')
        .names.map((name) => name.topic),
    ).toEqual([2]);
  });

  it('joins no words of a name written apart when one is a stopword: `am i` is no AMI', () => {
    const notes = loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'ec2-deep')).knowledge;
    const understanding = new Understanding(notes);
    expect(understanding.understand('for a stopped instance, am i charged by the hour').read.names).toEqual(
      [],
    );
    const [hit] = understanding.understand('how are amis shared').read.names;
    expect(notes.topics[hit?.topic ?? -1]?.name).toBe('Amazon Machine Images');
  });

  it('reads a word already in the plural as no other name with an s added: `vms` is no VMSS', () => {
    const notes = loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'azure-compute')).knowledge;
    const understanding = new Understanding(notes);
    expect(understanding.understand('how much notice before azure evicts my spot vms').read.names).toEqual(
      [],
    );
    const [hit] = understanding.understand('vmss flexible orchestration').read.names;
    expect(notes.topics[hit?.topic ?? -1]?.name).toBe('Azure Virtual Machine Scale Sets');
  });

  it('takes a whole name before a part of another as long further left: `on vertex ai` is no name', () => {
    const dir = join(FIXTURES_DIR, 'notes', 'gcp-vertex-ai');
    const notes = loadKnowledgeDir(dir).knowledge;
    const [hit, ...more] = new Understanding(notes).understand('quiz me on vertex ai training').read.names;
    expect(more).toEqual([]);
    expect(notes.topics[hit?.topic ?? -1]?.name).toBe('Vertex AI Training');
    expect(tutorFor(dir).answer('quiz me on vertex ai pipelines').topics[0]?.title).toMatch(
      /^Vertex AI Pipelines/,
    );
  });

  it('finds a name of five words whole, not by its first four (`Azure Virtual Machine Scale Sets`)', () => {
    const notes = loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'azure-compute')).knowledge;
    const [hit] = new Understanding(notes).understand('what is azure virtual machine scale sets').read.names;
    expect(hit).toMatchObject({ start: 2, end: 7, partial: false, strength: 1 });
    expect(
      tutorFor(join(FIXTURES_DIR, 'notes', 'azure-compute')).answer(
        'what is azure virtual machine scale sets',
      ).topics[0]?.title,
    ).toMatch(/^Azure Virtual Machine Scale Sets/);
  });

  it('reads a whole part of a heading naming several things as a whole name of its topic', () => {
    const notes = loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'web-proxies')).knowledge;
    const [hit] = new Understanding(notes).understand('what is reverse proxying').read.names;
    expect(notes.topics[hit?.topic ?? -1]?.name).toBe('Reverse Proxying & Upstreams');
    expect(hit?.partial).toBe(false);
    // Caddy & Traefik's facts say `reverse proxy` throughout, but the question names the other.
    expect(
      tutorFor(join(FIXTURES_DIR, 'notes', 'web-proxies')).answer('what is reverse proxying').topics[0]
        ?.title,
    ).toMatch(/^Reverse Proxying/);
  });

  it('finds a whole name of several words said in other forms of its words: `reverse proxy`, `dead lettered`', () => {
    const namesIn = (folder: string, question: string) => {
      const notes = loadKnowledgeDir(join(FIXTURES_DIR, 'notes', folder)).knowledge;
      return new Understanding(notes)
        .understand(question)
        .read.names.map((hit) => notes.topics[hit.topic]?.name);
    };
    expect(namesIn('web-proxies', 'what is a reverse proxy in nginx')).toEqual([
      'Reverse Proxying & Upstreams',
    ]);
    expect(
      namesIn('rabbitmq-ops', 'once a message has been dead lettered, which queue did it come from'),
    ).toEqual(['Dead Lettering & TTL']);
  });

  it("takes a word no dictionary has, that one heading's parentheses list, for its topic's name", () => {
    const namesIn = (notes: KnowledgeBase, question: string) =>
      new Understanding(notes).understand(question).read.names.map((hit) => notes.topics[hit.topic]?.name);
    const snowflake = loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'snowflake')).knowledge;
    expect(namesIn(snowflake, 'snowpipe vs a scheduled task running copy every 5 minutes')).toContain(
      'Data Loading',
    );
    // `GHA`, in the facts of several topics of notes on GitHub Actions, names none of them.
    const actions = loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'github-actions')).knowledge;
    expect(namesIn(actions, 'how do gha minutes get billed')).toEqual([]);
  });

  it('reads a word of a name said in full, said again, as that name’s, not a part of another', () => {
    const notes = loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'azure-compute')).knowledge;
    const understanding = new Understanding(notes);
    const names = understanding.understand(
      'once a virtual machine scale set grows, where do the new machines go',
    ).read.names;
    expect(names.map((hit) => notes.topics[hit.topic]?.name)).toEqual(['Azure Virtual Machine Scale Sets']);
  });

  it('finds a part of a name written as one word, and misspelt (`autoscaling`, `autoscalling`)', () => {
    expect(reader.read('containerservice task definitions').names.map((hit) => hit.topic)).toEqual([
      topicIndexOf('ecs'),
    ]);
    expect(reader.read('containerservise task definitions').names.map((hit) => hit.topic)).toEqual([
      topicIndexOf('ecs'),
    ]);
    // A word it starts with is no misspelling of it.
    expect(reader.read('contain the blast radius').names).toEqual([]);
  });

  it('takes a name said to be absent for no name: "no lambda" does not ask about Lambda', () => {
    expect(reader.read('run a script every hour with no lambda').names).toEqual([]);
    expect(reader.read('containers without ecs, what else is there').names).toEqual([]);
    expect(reader.read('can lambda run without ecs').names.map((hit) => hit.topic)).toEqual([
      topicIndexOf('lambda'),
    ]);
  });

  it('forgives a typo in a name, with less than full strength', () => {
    const read = reader.read('lamda pricing');
    expect(read.names).toHaveLength(1);
    expect(read.names[0]?.topic).toBe(topicIndexOf('lambda'));
    expect(read.names[0]?.strength).toBeGreaterThan(0.5);
    expect(read.names[0]?.strength).toBeLessThan(1);
    // The notes spell it `lambda` in the topic's facts too, which the typo must find.
    expect(read.terms.find((term) => term.word === 'lamda')?.spelledAs).toBe('lambda');
  });

  it('forgives a typo that makes an English word of a name right after its vendor, alone', () => {
    const dir = join(FIXTURES_DIR, 'notes', 'security-identity');
    expect(tutorFor(dir).answer('what is aws shied').topics[0]?.title).toMatch(/^AWS Shield/);
    expect(tutorFor(dir).answer('what is amazon cogito').topics[0]?.title).toMatch(/^Amazon Cognito/);
    // The vendor is the one who peeks: `amazon peek` is no `Amazon Lex` misspelt.
    const notes = loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'ml-ai')).knowledge;
    const { names } = new Understanding(notes).understand('will amazon peek at what we send to bedrock').read;
    expect(names.map((hit) => notes.topics[hit.topic]?.name)).toEqual(['Amazon Bedrock']);
  });

  it('reads the vendor before a misspelt name as the name’s: `amazon ec2` of it is no other service', () => {
    const reply = tutorFor(join(FIXTURES_DIR, 'notes', 'resilience-dr')).answer(
      'what is amazon ec2 auto scalling',
    );
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toMatch(/^Amazon EC2 Auto Scaling/);
  });

  it('finds a name of several words and an alias', () => {
    expect(
      reader.read('elastic container registry').names.map((hit) => [hit.topic, hit.start, hit.end]),
    ).toEqual([[topicIndexOf('ecr'), 0, 3]]);
    expect(reader.read('what is k8s').names.map((hit) => hit.topic)).toEqual([topicIndexOf('eks')]);
  });

  it('finds two names and the compare intent in "ecs vs fargate"', () => {
    const read = reader.read('ecs vs fargate');
    expect(read.names.map((hit) => hit.topic)).toEqual([topicIndexOf('ecs'), topicIndexOf('fargate')]);
    expect(read.intent.intent).toBe('compare');
  });

  it('marks words the notes lack: english words and foreign names', () => {
    const read = reader.read('what is s3 pricing');
    const kinds = Object.fromEntries(read.terms.map((term) => [term.word, term.kind]));
    expect(kinds.s3).toBe('foreign');
    expect(kinds.pricing).toBe('known');
    // No dictionary has `ttl`, but cloud talk does: it is a word, not the name of something else.
    expect(reader.read('what ttl should i set').terms.find((term) => term.word === 'ttl')?.kind).not.toBe(
      'foreign',
    );
    expect(read.terms.map((term) => term.word)).not.toContain('what');
  });

  it('reads an irregular form as its word, with that word’s synonyms', () => {
    // `kept` is `keep`, and a learner's `keep` is the notes' `store`.
    const kept = reader.read('where are the images kept').terms.find((term) => term.word === 'kept');
    expect(kept?.stems.get('store')).toBeGreaterThan(0);
    expect(kept?.kind).toBe('known');
  });

  it('reads a processor as the notes’ cpu and memory as their ram', () => {
    // The notes say `cpu/RAM u need`.
    const read = reader.read('containers that get the processor and memory they ask for');
    const term = (word: string) => read.terms.find((found) => found.word === word);
    expect(term('processor')?.stems.get('cpu')).toBeGreaterThan(0);
    expect(term('memory')?.stems.get('ram')).toBeGreaterThan(0);
  });

  it('reads the short form chat uses for a word as the word', () => {
    // The notes say `infrastructure` and `images`; people type `infra` and `imgs`.
    const read = reader.read('do i manage the infra for my docker imgs');
    const term = (word: string) => read.terms.find((found) => found.word === word);
    expect(term('infra')?.stems.get('infrastructur')).toBe(1);
    expect(term('imgs')?.stems.get('imag')).toBe(1);
    expect(term('imgs')?.kind).toBe('known');
    // ...and `config` for the notes' `configuration`, `ppl` for `people`.
    const config = reader.read('ppl ask where the config lives').terms;
    expect(config.find((found) => found.word === 'config')?.stems.get('configur')).toBe(1);
    expect(config.find((found) => found.word === 'ppl')?.stems.get('peopl')).toBe(1);
  });

  it("reads `production` as the notes' `prod`, not as a product", () => {
    const notes = loadKnowledgeDir(
      notesDir({ 'db.md': '# Read replicas\n- reporting queries slow down prod, give them a replica\n' }),
    ).knowledge;
    const term = readerOn(notes)
      .read('reports slow the production db')
      .terms.find((found) => found.word === 'production');
    expect(term?.stems.get('prod')).toBe(1);
    expect(term?.stems.has('product')).toBe(false);
  });

  it("bridges everyday words to the notes' words for the same thing", () => {
    const stemsOf = (question: string, word: string) =>
      reader.read(question).terms.find((term) => term.word === word)?.stems;
    // The notes say `pricing`; people ask if it is `pricey`.
    expect(stemsOf('is lambda pricey', 'pricey')?.get('price')).toBeGreaterThan(0);
    // A `backend` is the notes' `server`, not a misspelt `back`.
    expect(stemsOf('requests land on a different backend', 'backend')?.get('server')).toBeGreaterThan(0);
    expect(stemsOf('requests land on a different backend', 'backend')?.has('back')).toBe(false);
  });

  it('reads a compared adjective as the adjective', () => {
    // The notes say `easy`; a learner asks for something `easier` or the `easiest`.
    for (const word of ['easier', 'easiest']) {
      const term = reader
        .read(`the ${word} way to run containers`)
        .terms.find((found) => found.word === word);
      expect(term?.stems.get('easi'), word).toBe(1);
    }
  });

  it('reads every "n\'t" contraction as a negation, never as the name of something', () => {
    for (const word of ['shouldnt', 'wouldnt', 'couldnt', 'wasnt', 'havent']) {
      const question = `the app ${word.replace(/nt$/, "n't")} go down when traffic grows`;
      const term = reader.read(question).terms.find((found) => found.word === word);
      expect(term?.kind, word).toBe('known');
      expect([...(term?.stems.keys() ?? [])], word).toEqual(['~not']);
    }
  });

  it('counts the words a question sets apart before asking ("lambda: how do layers work")', () => {
    expect(reader.read('lambda: how do layers work').leadLength).toBe(1);
    expect(reader.read('fargate pricing, roughly?').leadLength).toBe(2);
    expect(reader.read('what is ecs').leadLength).toBe(0);
  });

  it('weighs the last part of a question as the request when the first part tells why', () => {
    expect(reader.read('long train ride home, quiz me on anything').intent.intent).toBe('quiz');
    expect(reader.read('bored at the airport, give me a quiz').intent.intent).toBe('quiz');
    expect(reader.read("quiz me, i've got an exam friday").intent.intent).toBe('quiz');
    expect(reader.read('my lambda keeps timing out, why').intent.intent).toBe('explain');
  });

  it('reads at most 200 words', () => {
    expect(reader.read('word '.repeat(1000)).tokens).toHaveLength(200);
  });
});

describe('rankTopics', () => {
  it('ranks the topic whose facts answer a question that names none', () => {
    const candidates = rankTopics(index, reader.read('pay per request and compute time'));
    expect(candidates[0]?.topic).toBe(topicIndexOf('lambda'));
    expect(candidates[0]?.evidence).toBe('content');
  });

  it('ranks the named topic first, on name evidence', () => {
    const candidates = rankTopics(index, reader.read('how does batch scale'));
    expect(candidates[0]?.topic).toBe(topicIndexOf('batch'));
    expect(candidates[0]?.evidence).toBe('name');
    const scores = candidates.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds no candidate for a question with no words', () => {
    expect(rankTopics(index, reader.read('🚀🚀'))).toEqual([]);
  });

  it('ranks a question the same whatever was ranked before it: nothing carries over', () => {
    const question = 'run containers without managing servers and pay per request';
    const first = rankTopics(index, reader.read(question));
    rankTopics(index, reader.read('docker images in a private registry for ecs tasks'));
    rankTopics(index, reader.read('how does batch scale'));
    expect(rankTopics(index, reader.read(question))).toEqual(first);
    // A fresh index, with nothing kept from any question, agrees.
    expect(rankTopics(new TopicIndex(knowledge), reader.read(question))).toEqual(first);
  });
});

describe('QuestionReader with WordNet', () => {
  it('bridges an inflected word as its dictionary form: `photos` finds the notes’ `picture`', () => {
    const notes = loadKnowledgeDir(
      notesDir({ 'media.md': '# Image Store\n- keeps every picture our users upload\n' }),
    ).knowledge;
    const wordnetReader = new QuestionReader(
      new TopicIndex(notes),
      new IntentClassifier(),
      loadEnglishWords(),
      {
        synonyms: loadSynonyms(),
        spellings: loadSpellings(),
        concepts: new ConceptLexicon(),
        relations: loadWordRelations(),
      },
    );
    const stemsOf = (question: string, word: string) => [
      ...(wordnetReader
        .read(question)
        .terms.find((term) => term.word === word)
        ?.stems.keys() ?? []),
    ];
    expect(stemsOf('where do the photo files go', 'photo')).toContain('pictur');
    expect(stemsOf('where do the photos go', 'photos')).toContain('pictur');
  });
});

describe('QuestionReader on acronyms the notes use', () => {
  const readerFor = (markdown: string) =>
    new QuestionReader(
      new TopicIndex(loadKnowledgeDir(notesDir({ 'web.md': markdown })).knowledge),
      new IntentClassifier(),
      loadEnglishWords(),
      {
        synonyms: loadSynonyms(),
        spellings: loadSpellings(),
        concepts: new ConceptLexicon(),
        relations: null,
      },
    );
  const stemsOf = (words: QuestionReader, question: string, word: string) => [
    ...(words
      .read(question)
      .terms.find((term) => term.word === word)
      ?.stems.keys() ?? []),
  ];

  it('reads a spelled-out acronym as the notes write it: `network load balancer` is their `NLB`', () => {
    const notes = readerFor('# AWS WAF\n- deployed on ALB, API Gateway & CloudFront, not on a NLB\n');
    expect(stemsOf(notes, 'can i put waf on a network load balancer', 'balancer')).toContain('nlb');
  });

  it('leaves two-letter initials alone: `database back` is no `db`', () => {
    const notes = readerFor('# Amazon RDS\n- managed relational db, point in time restore\n');
    expect(stemsOf(notes, 'put the database back to how it was', 'back')).not.toContain('db');
  });
});

describe('chat spellings of the word a question opens with', () => {
  it('reads them as `what`, so that the question asks what a thing is', () => {
    expect(reader.read('wats fargate').tokens).toEqual(['whats', 'fargate']);
    expect(reader.read('wat is a lambda layer').tokens[0]).toBe('what');
    expect(reader.read('waht does ecs do').tokens[0]).toBe('what');
    // Another word that merely starts the same way is left alone.
    expect(reader.read('water cooling').tokens[0]).toBe('water');
  });

  it('reads `w/o` and `w/out` as without, a negation', () => {
    expect(reader.read('run containers w/o servers').tokens).toEqual([
      'run',
      'containers',
      'without',
      'servers',
    ]);
    const read = reader.read('lambda w/out a vpc');
    expect(read.terms.some((term) => term.word === 'without')).toBe(true);
  });
});
