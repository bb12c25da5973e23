import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render-text.js';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import type { Reply, UnknownReply } from '../../src/tutor/reply.js';
import { loadEnglishWords } from '../../src/understand/english.js';
import { loadServiceCatalogue } from '../../src/understand/service-catalogue.js';
import { Understanding } from '../../src/understand/understanding.js';
import { notesDir } from '../helpers/notes-dir.js';
import { DATABASES_NOTES_DIR, FIXTURES_DIR, KNOWLEDGE_DIR, STORAGE_NOTES_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

const compute = () => tutorFor(KNOWLEDGE_DIR);

/** A tutor on one notes file written as its lines. */
const tutorOnNotes = (lines: string[]) => tutorFor(notesDir({ 'notes.md': [...lines, ''].join('\n') }));

function unknown(reply: Reply): UnknownReply {
  expect(reply.intent, `reply to ${JSON.stringify(reply.question)}`).toBe('unknown');
  return reply as UnknownReply;
}

/** The topics a "not covered" reply says name the services it lacks, service by service. */
function mentioningTopics(reply: UnknownReply): string[] {
  return reply.mentionedIn.flatMap((mention) => mention.topics.map((topic) => topic.id));
}

describe('the service catalogue', () => {
  const catalogue = loadServiceCatalogue(loadEnglishWords());

  it('takes a family member the covering topic has a key term for as that topic, not a service it lacks', () => {
    const tutor = tutorFor(
      notesDir({
        'ops.md': [
          '# AWS Systems Manager',
          '- one place to operate ur fleet of ec2 instances & on prem servers',
          '- **Run Command**: run a script on many instances at once, no ssh',
          '',
          '# AWS CloudFormation',
          '- infrastructure as code, templates in yaml or json create stacks',
          '',
        ].join('\n'),
      }),
    );
    expect(tutor.answer('what is ssm run command').topics[0]?.id).toBe('systems-manager');
    // The notes have no word on Patch Manager: that one they don't cover.
    expect(unknown(tutor.answer('what is ssm patch manager')).notCovered).toEqual([
      'AWS Systems Manager Patch Manager',
    ]);
  });

  it('knows the parts of SageMaker as products of their own, which notes on some of them lack', () => {
    const sagemakerParts = notesDir({
      'sagemaker-deep.md': [
        '# SageMaker Studio (ML web IDE)',
        '- browser IDE for ML, JupyterLab & Code Editor spaces per user',
        '',
        '# Training Jobs (managed training)',
        '- SageMaker starts the instances, runs ur container & uploads model.tar.gz to S3',
        '- managed spot training: up to 90% cheaper, needs checkpoints',
        '',
      ].join('\n'),
    });
    const reply = unknown(
      tutorFor(sagemakerParts).answer('can sagemaker clarify tell me if my model is biased'),
    );
    expect(reply.notCovered).toEqual(['Amazon SageMaker Clarify']);
    // Notes with one topic on SageMaker that bolds Clarify cover it as part of that topic.
    const oneTopic = notesDir({
      'ml.md': [
        '# Amazon SageMaker',
        '- build, train & deploy ML models, fully managed',
        '- **Clarify** checks training data & predictions for bias',
        '',
        '# Amazon Rekognition',
        '- image & video analysis: labels, faces, text in images',
        '',
      ].join('\n'),
    });
    expect(
      tutorFor(oneTopic).answer('can sagemaker clarify tell me if my model is biased').topics[0]?.id,
    ).toBe('sagemaker');
  });

  it('counts a service as taught by notes on the service whose name its own holds', () => {
    const dir = notesDir({
      'ops.md': [
        '# AWS Systems Manager',
        '- one place to patch, run commands on & keep config for ur fleet of ec2 instances',
        '',
        '# AWS Backup',
        '- schedules & keeps backups of EBS, RDS & EFS in one place',
        '',
      ].join('\n'),
    });
    const { services } = new Understanding(tutorFor(dir).knowledge);
    const service = (name: string) => {
      const found = catalogue.lookup(name);
      if (!found) throw new Error(`not in the catalogue: ${name}`);
      return found;
    };
    expect(services.coversFamilyOf(service('AWS Systems Manager Parameter Store'))).toBe(true);
    expect(services.coversFamilyOf(service('AWS Backup'))).toBe(true);
    expect(services.coversFamilyOf(service('AWS Secrets Manager'))).toBe(false);
    // `backup` alone is an English word in many names, not a family.
    expect(services.coversFamilyOf(service('Azure Backup'))).toBe(false);
  });

  it('knows AWS services by official name, short name and abbreviation, and other clouds', () => {
    expect(catalogue.lookup('app mesh')?.name).toBe('AWS App Mesh');
    expect(catalogue.lookup('aws glue')?.provider).toBe('aws');
    expect(catalogue.lookup('gke')?.provider).toBe('gcp');
    expect(catalogue.lookup('azure container apps')?.provider).toBe('azure');
    expect(catalogue.size).toBeGreaterThan(250);
  });

  it("knows other clouds' hybrid and quantum offerings weighed against Outposts and Braket", () => {
    expect(catalogue.lookup('google distributed cloud')?.provider).toBe('gcp');
    expect(catalogue.lookup('azure stack edge')?.provider).toBe('azure');
    expect(catalogue.lookup('ibm cloud satellite')?.provider).toBe('ibm');
    expect(catalogue.lookup('qiskit')?.name).toBe('IBM Quantum');
  });

  it('knows the short names people use for newer AWS services', () => {
    expect(catalogue.lookup('avp')?.name).toBe('Amazon Verified Permissions');
    expect(catalogue.lookup('amazon mcs')?.name).toBe('Amazon Keyspaces');
  });

  it('knows the developer, workplace and BI tools teams weigh against AWS services', () => {
    expect(catalogue.lookup('github copilot')?.provider).toBe('github');
    expect(catalogue.lookup('artifactory')?.name).toBe('JFrog Artifactory');
    expect(catalogue.lookup('launchdarkly')?.category).toBe('developer-tools');
    expect(catalogue.lookup('google workspace')?.category).toBe('end-user');
    // `copilot` alone stays AWS Copilot.
    expect(catalogue.lookup('copilot')?.name).toBe('AWS Copilot');
    // BI and data-loading tools weighed against QuickSight and AppFlow.
    expect(catalogue.lookup('power bi')?.name).toBe('Microsoft Power BI');
    expect(catalogue.lookup('tableau cloud')?.category).toBe('analytics');
    expect(catalogue.lookup('fivetran')?.category).toBe('integration');
  });

  it('knows the email senders, incident tools and analytics databases weighed against each other', () => {
    // A vendor's product is the vendor's, not a technology a question may only mention as its setting.
    expect(catalogue.lookup('victorops')).toMatchObject({ name: 'Splunk On-Call', provider: 'splunk' });
    expect(catalogue.lookup('mandrill')).toMatchObject({
      name: 'Mailchimp Transactional',
      provider: 'mailchimp',
    });
    expect(catalogue.lookup('statuspage')?.provider).toBe('atlassian');
    expect(catalogue.lookup('tinybird')?.category).toBe('database');
    expect(catalogue.lookup('apache druid')?.provider).toBe('tech');
    const tutor = tutorOnNotes([
      '# Services & Integrations (Events API v2)',
      '- a **service** = one thing u get paged about, fed by integrations',
      '- **routing key** (integration key) sends an event to one service',
    ]);
    const reply = unknown(tutor.answer('how do routing keys work in splunk on-call (the old victorops)'));
    expect(reply.notCovered).toContain('Splunk On-Call');
  });

  it('knows the sign-in providers, media services, site search, app platforms, mesh VPNs and feature flag tools weighed against each other', () => {
    expect(catalogue.lookup('ping identity')).toMatchObject({ name: 'PingOne', provider: 'pingidentity' });
    expect(catalogue.lookup('cisco duo')).toMatchObject({ name: 'Duo Security', category: 'identity' });
    expect(catalogue.lookup('imagekit')?.category).toBe('media');
    expect(catalogue.lookup('coveo')?.provider).toBe('coveo');
    expect(catalogue.lookup('koyeb')?.category).toBe('compute');
    // `duo` alone is a word, not the product.
    expect(catalogue.lookup('duo')).toBeUndefined();
    expect(catalogue.lookup('zerotier')?.category).toBe('networking');
    expect(catalogue.lookup('headscale')?.provider).toBe('tech');
    expect(catalogue.lookup('growthbook')?.provider).toBe('growthbook');
    expect(catalogue.lookup('cloudflare warp')?.name).toBe('Cloudflare Zero Trust');
    const tutor = tutorOnNotes([
      '# Transformations (URL-based image edits)',
      '- resize, crop & change format by editing the delivery URL, e.g. `w_400,h_300,c_fill`',
      '- free plan: 25 credits, 1 credit = 1,000 transformations or 1 GB of bandwidth',
      '# Video (adaptive streaming)',
      '- HLS & DASH, video transformations on the fly up to 40 MB on free',
    ]);
    const reply = unknown(
      tutor.answer("does imagekit's free tier include video processing and how much bandwidth"),
    );
    expect(reply.notCovered).toEqual(['ImageKit']);
  });

  it('knows the tools around running MySQL, which notes on it name beside what they teach', () => {
    expect(catalogue.lookup('proxysql')?.provider).toBe('tech');
    expect(catalogue.lookup('vitess')?.category).toBe('database');
    expect(catalogue.lookup('pt-online-schema-change')?.name).toBe('Percona Toolkit');
    const tutor = tutorFor(
      notesDir({
        'mysql-ops.md': [
          '# Group Replication (InnoDB Cluster, MySQL Router)',
          '- a group of 3+ servers agree on every commit, a new primary is elected in seconds',
          '- vs **ProxySQL**: richer routing (query rules, caching), can sit in front of a group too',
          '',
          '# Slow Query Log',
          '- long_query_time says how slow a query must be to get logged, 10 s by default',
          '',
        ].join('\n'),
      }),
    );
    expect(
      unknown(tutor.answer('how do i write proxysql query rules to send reads to replicas')).notCovered,
    ).toEqual(['ProxySQL']);
    expect(unknown(tutor.answer('how do i reshard a keyspace in vitess')).notCovered).toEqual(['Vitess']);
  });

  it('knows the tools around Cassandra, GitLab CI/CD and Nomad that notes on them leave out', () => {
    expect(catalogue.lookup('medusa')?.name).toBe('Cassandra Medusa');
    expect(catalogue.lookup('astra db')?.name).toBe('DataStax Astra DB');
    expect(catalogue.lookup('gitlab pages')?.provider).toBe('gitlab');
    expect(catalogue.lookup('merge trains')?.name).toBe('GitLab Merge Trains');
    expect(catalogue.lookup('nomad autoscaler')?.provider).toBe('hashicorp');
    expect(catalogue.lookup('hcp boundary')?.name).toBe('HashiCorp Boundary');
    // And more that notes in other areas name or leave out.
    expect(catalogue.lookup('keydb')?.category).toBe('database');
    expect(catalogue.lookup('litefs')?.provider).toBe('fly');
    expect(catalogue.lookup('activity tracker')?.provider).toBe('ibm');
    expect(catalogue.lookup('data transfer terminal')?.name).toBe('AWS Data Transfer Terminal');
    expect(catalogue.lookup('amazon file cache')?.name).toBe('Amazon File Cache');
  });

  it('finds the longest name in a question, with a vendor word before it', () => {
    const mentions = catalogue.find('how do i read values from systems manager parameter store'.split(' '));
    expect(mentions.map((mention) => mention.service.name).join()).toMatch(/Parameter Store|Systems Manager/);
    const [glue] = catalogue.find(['what', 'is', 'aws', 'glue']);
    expect(glue).toMatchObject({ start: 2, end: 4, plain: false });
    expect(catalogue.find(['what', 'is', 'glue'])[0]?.plain).toBe(true);
  });

  it('reads "what does aws amplify hosting charge" as asking about AWS Amplify Hosting, not what aws amplifies', () => {
    const tutor = tutorFor(join(FIXTURES_DIR, 'notes', 'vercel'));
    expect(unknown(tutor.answer('what does aws amplify hosting charge per build minute')).notCovered).toEqual(
      ['AWS Amplify'],
    );
  });

  it('finds a name in the plural or, of a plural name, in the singular', () => {
    const named = (question: string) =>
      catalogue.find(question.split(' ')).map((mention) => mention.service.name);
    expect(named('snapshots of a digitalocean volume every few hours')).toEqual(['DigitalOcean Volumes']);
    expect(named('two cloudflare workers talking')).toEqual(['Cloudflare Workers']);
  });

  it('takes a one-word name that is chat’s short form of an English word for that word too', () => {
    expect(
      catalogue.find('a custom nginx config'.split(' ')).find((m) => m.service.name === 'AWS Config')?.plain,
    ).toBe(true);
    expect(catalogue.find('what is aws config'.split(' '))[0]).toMatchObject({
      start: 2,
      end: 4,
      plain: false,
    });
    const tutor = tutorOnNotes([
      '# AWS App Runner',
      '- runs web apps from an image, like Elastic Beanstalk but simpler',
    ]);
    const nginx = unknown(
      tutor.answer('how do i add a custom nginx config to my elastic beanstalk environment'),
    );
    expect(nginx.notCovered).not.toContain('AWS Config');
    expect(unknown(tutor.answer('how do config rules work')).notCovered).toEqual(['AWS Config']);
  });

  it('takes another cloud’s name that is an everyday compound for the words unless the question means the name', () => {
    const [frontDoor] = catalogue.find('a managed front door for my functions'.split(' '));
    expect(frontDoor).toMatchObject({ start: 2, end: 4, plain: true });
    expect(catalogue.find('azure front door rules'.split(' '))[0]).toMatchObject({
      start: 0,
      end: 3,
      plain: false,
    });
    const tutor = tutorFor(KNOWLEDGE_DIR);
    const everyday = tutor.answer(
      'put a managed front door in front of my functions so mobile clients can call them over https',
    );
    expect(everyday.topics[0]?.id).toBe('api-gateway');
    for (const question of [
      'how does front door route traffic',
      'what is front door',
      'azure front door caching rules',
    ])
      expect(unknown(tutor.answer(question)).notCovered, question).toEqual(['Azure Front Door']);
    // The notes' own cloud's everyday-worded name is its name: "control tower" on notes on AWS.
    expect(unknown(tutor.answer('how do control tower guardrails work')).notCovered).toEqual([
      'AWS Control Tower',
    ]);
  });

  it('reads "how do functions scale" as a question, not DigitalOcean Functions shortened to `do`', () => {
    for (const question of [
      'how do functions scale',
      'how do volumes work',
      'how do load balancer health checks work',
    ])
      expect(catalogue.find(question.split(' ')), question).toEqual([]);
    expect(catalogue.find('digitalocean functions cold starts'.split(' '))[0]?.service.name).toBe(
      'DigitalOcean Functions',
    );
  });
});

describe('a free tier', () => {
  it('is any product’s, and AWS’s only when the question says so', () => {
    const catalogue = loadServiceCatalogue(loadEnglishWords());
    expect(catalogue.find('how much history does the free tier keep'.split(' '))).toEqual([]);
    expect(catalogue.find('what does the aws free tier include'.split(' '))[0]?.service.name).toBe(
      'AWS Free Tier',
    );
  });
});

describe('where the notes name services they do not cover', () => {
  const understanding = new Understanding(compute().knowledge);
  const catalogue = loadServiceCatalogue(loadEnglishWords());
  const service = (name: string) => {
    const found = catalogue.lookup(name);
    if (!found) throw new Error(`${name} is not catalogued`);
    return found;
  };
  const topicTitled = (title: string) =>
    understanding.index.topics.findIndex((topic) => topic.title.startsWith(title));

  it('tells which topic names a service in passing, by any of its names', () => {
    // Lightsail's notes list RDS and Route 53 among what it simplifies; Lambda's name CloudWatch.
    expect(understanding.services.namedIn(topicTitled('Amazon Lightsail'), service('route 53'))).toBe(true);
    expect(understanding.services.namedIn(topicTitled('Amazon Lightsail'), service('rds'))).toBe(true);
    expect(understanding.services.namedIn(topicTitled('Lambda'), service('route 53'))).toBe(false);
    expect(understanding.services.namedIn(topicTitled('Lambda'), service('cloudwatch'))).toBe(true);
  });

  it('tells whether any fact of the notes names a service at all', () => {
    expect(understanding.services.namedInNotes(service('route 53'))).toBe(true);
    expect(understanding.services.namedInNotes(service('app mesh'))).toBe(false);
    expect(understanding.services.namedInNotes(service('azure container apps'))).toBe(false);
  });
});

describe('what the notes as a whole are about', () => {
  const kubernetes = [
    '## Pods',
    '- smallest deployable unit, containers that share an IP & volumes',
    '## StatefulSets',
    '- for stateful apps like databases: each pod gets a stable name & its own persistent volume',
    '## Horizontal Pod Autoscaler (HPA)',
    '- adds or removes pod replicas based on cpu, memory or custom metrics',
  ];

  it.each([
    ['a heading over their topics', { 'notes.md': ['# Kubernetes notes', ...kubernetes, ''].join('\n') }],
    ['their file name', { 'kubernetes.md': [...kubernetes, ''].join('\n') }],
  ])('is no service they lack when %s names it', (_, files) => {
    const tutor = tutorFor(notesDir(files));
    const autoscaling = tutor.answer('kubernetes autoscaling on cpu');
    expect(autoscaling.intent).toBe('explain');
    expect(autoscaling.topics[0]?.title).toMatch(/Autoscaler/);
    const database = tutor.answer('how do i run a database on kubernetes with its own volume per pod');
    expect(database.topics[0]?.title).toBe('StatefulSets');
    // Another product with the name in it is still one they lack.
    expect(unknown(tutor.answer('what is google kubernetes engine')).notCovered).toEqual([
      'Google Kubernetes Engine',
    ]);
  });

  it('reads a topic’s name as the product’s own part: `Workspaces` in notes on Terraform', () => {
    const notes = [
      '# Workspaces',
      '- several states for one config, eg dev & prod, switch w/ terraform workspace select',
      '# Providers',
      '- plugins that talk to an API, eg aws or azurerm, pinned in the lock file',
      '',
    ].join('\n');
    const dir = notesDir({ 'terraform-basics.md': notes });
    const understanding = new Understanding(loadKnowledgeDir(dir).knowledge);
    expect(understanding.services.coveredBy(0).map((service) => service.name)).toEqual([
      'Terraform workspaces',
    ]);
    // Virtual desktops are what the notes lack, and their needs are no workspace's.
    expect(unknown(tutorFor(dir).answer('what is amazon workspaces')).notCovered).toEqual([
      'Amazon WorkSpaces',
    ]);
    // Without the product, a topic named like a service is that service.
    const bare = new Understanding(loadKnowledgeDir(notesDir({ 'notes.md': notes })).knowledge);
    expect(bare.services.coveredBy(0).map((service) => service.name)).toEqual(['Amazon WorkSpaces']);
  });

  it('hears no need for a cloud service in notes that are not about cloud services', () => {
    const reply = tutorFor(notesDir({ 'kubernetes.md': [...kubernetes, ''].join('\n') })).answer(
      'how do i run a database with its own disk per replica',
    );
    expect((reply as UnknownReply).soundsLike).toBeUndefined();
    expect(reply.topics[0]?.title).toBe('StatefulSets');
  });
});

describe('notes on another cloud', () => {
  const azure = () =>
    tutorFor(
      notesDir({
        'azure.md': [
          '# Azure Cosmos DB',
          '- globally distributed NoSQL database, multi-region writes',
          '- APIs: NoSQL, MongoDB, Cassandra, Gremlin (graph), Table',
          '',
          '# Azure Functions',
          '- serverless compute, u write a function & azure runs it on triggers',
          '- Premium plan: pre-warmed instances so no cold starts, VNet integration',
          '',
        ].join('\n'),
      }),
    );

  it('on one product of it, its headings naming none (`gcs.md`), teach that cloud', () => {
    const gcs = tutorFor(
      notesDir({
        'gcs.md': [
          '# Storage classes (Standard, Nearline, Coldline, Archive, Autoclass)',
          '- Nearline for data read about once a month, Coldline once a quarter, Archive once a year',
          '- **Autoclass** moves each object to a colder class based on its own access pattern',
          '',
          '# Access control (IAM, signed URLs)',
          '- uniform bucket-level access: only IAM decides, object ACLs r off',
          '- a **signed URL** gives time-limited access to one object w/o a Google account',
          '',
          '# Data transfer (Storage Transfer Service, gcloud storage)',
          '- Storage Transfer Service pulls from S3, Azure Blob or http lists on a schedule',
          '- gcloud storage cp splits big files into chunks uploaded in parallel',
          '',
        ].join('\n'),
      }),
    );
    // Their IAM is Google Cloud's, and `google` tells none of their topics apart.
    expect(gcs.answer('what is google cloud iam').topics[0]?.title).toMatch(/^Access control/);
    expect(gcs.answer('what is aws iam').intent).toBe('unknown');
    expect(gcs.answer('can google move each file to a cheaper class by itself').topics[0]?.title).toMatch(
      /^Storage classes/,
    );
  });

  it('teach nothing of a service they name only to say they are not it', () => {
    const gcs = tutorFor(join(FIXTURES_DIR, 'notes', 'gcs'));
    // `NOT block disks (Persistent Disk) or NFS shares (Filestore)` under Bucket locations.
    expect(gcs.answer("what's the biggest share i can make on filestore basic hdd").intent).toBe('unknown');
    expect(gcs.answer('how big can a bucket get in one region').intent).toBe('explain');
  });

  it('take another cloud’s service a question opens asking about as its subject, though it names a topic', () => {
    const route53 = tutorFor(join(FIXTURES_DIR, 'notes', 'route53'));
    const reply = route53.answer('can google cloud dns do weighted round robin routing policies');
    expect(reply.intent).toBe('unknown');
    expect(renderText(reply)).toContain('Google Cloud DNS');
    expect(route53.answer('can routing policies send a weighted share of traffic').topics[0]?.title).toMatch(
      /^Routing policies/,
    );
  });

  it('name a product as people say it, without the cloud before it', () => {
    const reply = azure().answer('how is cosmos db different from dynamodb');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('Azure Cosmos DB');
    expect(azure().knowledge.topics[0]?.aliases).toContain('Cosmos DB');
    // `functions` alone names nothing in particular.
    expect(azure().knowledge.topics[1]?.aliases).not.toContain('Functions');
  });

  it('answer how their own cloud does something, said "on azure"', () => {
    const reply = azure().answer('how do functions avoid cold starts on azure');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('Azure Functions');
  });

  it("hear no need that sounds like another cloud's service", () => {
    // tests/fixtures/notes/azure: seven Azure services, written for development.
    const tutor = tutorFor(join(FIXTURES_DIR, 'notes', 'azure'));
    for (const [question, title] of [
      ['keep my functions warm so the first request isnt slow', 'Azure Functions'],
      ['pay only for the requests my database actually serves', 'Azure Cosmos DB'],
    ] as const) {
      const reply = tutor.answer(question);
      expect((reply as UnknownReply).soundsLike, question).toBeUndefined();
      expect(reply.topics[0]?.title, question).toBe(title);
    }
  });

  it('take what a question does without for no product of that cloud', () => {
    const reply = azure().answer('run a mongodb app on azure without changing drivers');
    expect(reply.intent === 'unknown' ? (reply as UnknownReply).notCovered : []).toEqual([]);
  });

  const google = () =>
    new Understanding(
      loadKnowledgeDir(
        notesDir({
          'gcp.md': [
            '# Compute Engine (virtual machines)',
            '- VMs on google infra, spot VMs r 60-91% cheaper but can be taken back',
            '',
            '# BigQuery',
            '- serverless data warehouse, pay per TB scanned',
            '',
            '# Cloud Run',
            '- runs containers, scales to zero',
            '',
            '# Secret Manager',
            '- stores API keys & passwords as versioned secrets',
            '',
            '# Cloud Storage (object storage)',
            '- buckets of objects, storage classes standard, nearline, coldline, archive',
            '',
            '# Pub/Sub',
            '- global messaging, topics & subscriptions, push or pull',
            '',
            '# Cloud Logging',
            '- **Log Analytics**: query ur logs w/ SQL in a linked dataset',
            '- **Application Load Balancer** logs land here too',
            '',
          ].join('\n'),
        }),
      ).knowledge,
    );

  it("take a topic's name as its own cloud's product, also when another cloud has the name too", () => {
    const understanding = google();
    const covered = understanding.index.topics.map((_, topic) =>
      understanding.services.coveredBy(topic).map((service) => service.name),
    );
    expect(covered).toEqual([
      ['Compute Engine'],
      ['BigQuery'],
      ['Cloud Run'],
      ['Google Cloud Secret Manager'],
      ['Google Cloud Storage'],
      ['Google Cloud Pub/Sub'],
      // Its key terms name Azure's and AWS's products too: notes on Google Cloud mean Google's.
      ['Google Cloud Logging'],
    ]);
    expect([...understanding.services.clouds]).toEqual(['gcp']);
    // Like `aws` in notes on AWS, the cloud's own name tells no topic apart.
    expect([...understanding.services.domainWords]).toEqual(expect.arrayContaining(['google', 'gcp']));
  });

  it("take a heading of one everyday word for its own cloud's product: `# Pages` in notes on Cloudflare", () => {
    const dir = notesDir({
      'edge.md': [
        '# Cloudflare Workers',
        '- serverless functions that run in every data center, V8 isolates, no cold starts',
        '',
        '# Pages (static sites)',
        '- JAMstack hosting, every git push builds & deploys, preview URLs for each branch',
        '',
        '# R2',
        '- S3 compatible object storage w/ no egress fees',
        '',
        '# Cloudflare Tunnel',
        '- expose a private app w/o opening inbound ports, a connector dials out to the edge',
        '',
      ].join('\n'),
    });
    const tutor = tutorFor(dir);
    const reply = tutor.answer('tell me about cloudflare pages');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('Pages (static sites)');
    expect(tutor.answer('cloudflare pages or cloudflare workers, which one').intent).toBe('compare');
    // A product the notes have no heading for is still one they lack.
    expect(unknown(tutor.answer('what are cloudflare queues')).notCovered).toEqual(['Cloudflare Queues']);
    expect(unknown(tutor.answer('how does hyperdrive pool connections to postgres')).notCovered).toContain(
      'Cloudflare Hyperdrive',
    );
    // The notes' cloud alone names no topic, as `aws` does not in notes on AWS.
    const understanding = new Understanding(loadKnowledgeDir(dir).knowledge);
    const names = understanding.reader.read('what does cloudflare charge for r2 egress').names;
    expect(names.map((hit) => understanding.index.topics[hit.topic]?.name)).toEqual(['R2']);
    // `cloudflared`, the catalogue's name for its connector, shares a stem with `cloudflare`, not a name.
    expect(tutor.answer('how do i try cloudflared without an account').topics[0]?.title).toBe(
      'Cloudflare Tunnel',
    );
  });

  it('take the products a heading joins or lists as names of its topic, not as what the notes lack', () => {
    const heroku = tutorFor(
      notesDir({
        'heroku.md': [
          '# Dynos (web & worker processes)',
          '- lightweight linux containers that run ur app, scaled w/ heroku ps:scale',
          '',
          '# Pipelines & Review Apps (PR previews)',
          '- a pipeline = group of apps sharing one codebase, each app sits in a stage',
          '- throwaway apps spun up for each GitHub pull request, each w/ its own URL',
          '',
          '# Heroku Postgres',
          '- managed postgres, plans from essential to premium',
          '',
        ].join('\n'),
      }),
    );
    for (const question of ['explain heroku pipelines', 'how do heroku review apps get their url']) {
      const reply = heroku.answer(question);
      expect(reply.intent, question).toBe('explain');
      expect(reply.topics[0]?.title, question).toBe('Pipelines & Review Apps (PR previews)');
    }
    for (const question of [
      'how do i set up a private space for our dynos',
      'we need our dynos to reach our on-prem network over a vpn, how do i set up a private space?',
    ])
      expect(unknown(heroku.answer(question)).notCovered, question).toEqual(['Heroku Private Spaces']);
    // A service in the last clause that only says which of something is asked about is no subject.
    expect(heroku.answer('dynos keep restarting, how do i read the postgres logs from them').intent).toBe(
      'explain',
    );
    const vpc = tutorFor(
      notesDir({
        'vpc.md': [
          '# Amazon VPC (virtual private cloud, subnets)',
          '- ur own isolated network in a region, split into subnets per AZ',
          '',
          '# VPC Endpoints (gateway & interface endpoints, PrivateLink)',
          '- reach aws services privately w/o an internet gateway or NAT',
          '- expose ur own service: an endpoint service fronted by a Network Load Balancer',
          '',
          '# VPC Peering',
          '- connect two vpcs privately, no transitive routing',
          '',
        ].join('\n'),
      }),
    );
    const reply = vpc.answer('how do i expose my own service to other vpcs with privatelink');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('VPC Endpoints (gateway & interface endpoints, PrivateLink)');
    // Another cloud's product in the parentheses is still another cloud's.
    expect(unknown(vpc.answer('what is azure private link')).notCovered).toEqual(['Azure Private Link']);
  });

  it("take a product the notes' cloud runs as its own edition for that edition", () => {
    const azure = tutorFor(join(FIXTURES_DIR, 'notes', 'azure-data'));
    const reply = azure.answer("we're starting a new analytics platform, synapse vs databricks?");
    expect(reply.intent).toBe('compare');
    expect(reply.topics.map((topic) => topic.id)).toEqual(['azure-synapse-analytics', 'azure-databricks']);
    // Notes writing `Power BI` with its acronym name the product, not an everyday phrase of theirs.
    expect(
      unknown(azure.answer('in power bi how do i set up scheduled refresh for a semantic model')).notCovered,
    ).toEqual(['Microsoft Power BI']);
  });

  it('take a heading in the plural for the product the catalogue names once: `# Linodes` is Linode', () => {
    const linode = tutorFor(join(FIXTURES_DIR, 'notes', 'linode'));
    const reply = linode.answer('what is a linode');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('Linodes (compute instances, VPS)');
    // Only a product of the notes' own cloud: `# Backups` in notes on MongoDB Atlas is no AWS Backup.
    const atlas = new Understanding(loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'mongodb-atlas')).knowledge);
    const backups = atlas.index.topics.findIndex((topic) => topic.name === 'Backups');
    expect(atlas.services.coveredBy(backups)).toEqual([]);
  });

  it('take a service the notes teach in parts, one topic named for it, for theirs', () => {
    const observability = tutorFor(join(FIXTURES_DIR, 'notes', 'aws-observability'));
    for (const question of [
      'how long does cloudwatch keep 1-minute metric datapoints before rolling them up',
      'does CW keep hourly datapoints for longer than a year?',
    ]) {
      const reply = observability.answer(question);
      expect(reply.intent, question).toBe('explain');
      expect(reply.topics[0]?.title, question).toBe('CloudWatch Metrics & Alarms (monitoring, dashboards)');
    }
    // One topic on a part of a service (`EC2 Instance Store`) is no topic on all of it.
    const reply = tutorFor(STORAGE_NOTES_DIR).answer(
      'if i terminate the ec2 will the extra ebs data disk i attached get wiped as well?',
    );
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('EBS (Elastic block store)');
  });

  it('take a heading on a service made for another (`AWS Fargate for Amazon EKS`) as about the first', () => {
    const eks = tutorOnNotes([
      '# Amazon EKS Clusters (managed Kubernetes control plane)',
      '- a cluster = a control plane AWS runs across 3 AZs for u',
      '- **standard support** for 14 months per Kubernetes version',
      '',
      '# EKS Managed Node Groups (EKS-managed EC2 worker nodes)',
      '- EKS launches & updates the EC2 nodes of a group for u',
      '',
      '# AWS Fargate for Amazon EKS (Fargate profiles, serverless pods)',
      '- serverless compute for pods: no EC2 nodes to patch or scale',
      '- each pod gets 20 GiB ephemeral storage by default',
      '',
    ]);
    for (const question of [
      'what is fargate on eks?',
      'how much scratch disk space does a pod on eks fargate get',
    ]) {
      const reply = eks.answer(question);
      expect(reply.intent, question).toBe('explain');
      expect(reply.topics[0]?.id, question).toBe('fargate-for-eks');
    }
    // A project the notes' services run, taught over several topics, is no service they lack.
    expect(eks.answer('quiz me on kubernetes on aws').intent).toBe('quiz');
  });

  it('take a one-word name of their own cloud’s product the question opens asking about for that product', () => {
    const cloudflare = tutorFor(join(FIXTURES_DIR, 'notes', 'cloudflare-security'));
    expect(
      unknown(cloudflare.answer('can spectrum forward raw tcp for our game servers')).notCovered,
    ).toEqual(['Cloudflare Spectrum']);
  });

  it('take no service a bullet sends the learner to instead ("NOT for …, thats **Glue DataBrew**") as the topic’s', () => {
    const lake = tutorFor(join(FIXTURES_DIR, 'notes', 'data-lake'));
    expect(unknown(lake.answer('how do databrew recipes work')).notCovered).toEqual(['AWS Glue DataBrew']);
    expect(lake.answer('how do glue etl job bookmarks work').topics[0]?.id).toBe('glue-etl-jobs');
  });

  it('answers a topic named in full with a slip in each word, beside a service it lacks', () => {
    const reply = tutorFor(join(FIXTURES_DIR, 'notes', 'security-identity')).answer(
      'secerts manger custom rotaton lambda',
    );
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('AWS Secrets Manager (store & rotate secrets)');
    // One slip in a long one-word name (`firehos`) names it as surely.
    const firehose = tutorFor(join(FIXTURES_DIR, 'notes', 'streaming')).answer(
      'firehos dynamc partitoning s3 prefix',
    );
    expect(firehose.intent).toBe('explain');
    expect(firehose.topics[0]?.title).toBe('Amazon Data Firehose (was Kinesis Data Firehose)');
  });

  it('reads a catalogued name as the service, not as two words of the notes run together', () => {
    // `timestream` is no `time` and `stream` on notes full of streams.
    const reply = tutorFor(join(FIXTURES_DIR, 'notes', 'streaming')).answer(
      'is timestream a good place to keep a year of sensor readings and roughly what does it cost',
    );
    expect(unknown(reply).notCovered).toEqual(['Amazon Timestream']);
  });

  it("read a name two clouds give their services as the notes' cloud's, unless the question says whose", () => {
    const google = tutorFor(join(FIXTURES_DIR, 'notes', 'gcp-serverless'));
    const ask = (question: string) => unknown(google.answer(question)).notCovered;
    expect(
      ask('how do i put api gateway in front of my backend and require an api key on every call'),
    ).toEqual(['Google Cloud API Gateway']);
    expect(ask('how do i set up automatic rotation of our db password in secret manager')).toEqual([
      'Google Cloud Secret Manager',
    ]);
    expect(ask('how do i put aws api gateway in front of my backend')).toEqual(['Amazon API Gateway']);
    // Another cloud's longer name (`iam roles`) may hold the notes' cloud's, which names its topic.
    const security = tutorFor(join(FIXTURES_DIR, 'notes', 'gcp-security'));
    expect(security.answer('how do iam roles work').topics[0]?.title).toBe(
      'Cloud IAM (roles, service accounts, permissions)',
    );
    const compared = security.answer(
      "what's the difference between vpc service controls and just getting our iam roles right?",
    );
    expect(compared.intent).toBe('compare');
    expect(compared.topics.map((topic) => topic.id)).toEqual(['vpc-service-controls', 'cloud-iam']);
  });

  it("know Alibaba Cloud's products by the names its users type", () => {
    const alibaba = tutorFor(join(FIXTURES_DIR, 'notes', 'alibaba-cloud'));
    expect(
      unknown(alibaba.answer('how do i create a ram user with read-only access for our new intern'))
        .notCovered,
    ).toEqual(['Alibaba Cloud Resource Access Management']);
    expect(
      unknown(
        alibaba.answer('how long does log service keep my logs by default and can i query them with sql'),
      ).notCovered,
    ).toEqual(['Alibaba Cloud Simple Log Service']);
  });

  it('take a service taught topic by topic, several named for it, as the first of them', () => {
    const lambda = tutorFor(join(FIXTURES_DIR, 'notes', 'lambda-deep'));
    const reply = lambda.answer(
      "i need some code to run every time someone drops a photo into our storage bucket so it spits out a small preview version. really don't want to babysit a server just for that",
    );
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('Lambda Basics & Limits (serverless functions, runtimes, quotas)');
  });

  it("know Oracle Cloud's products by the names its users type", () => {
    const tutor = tutorFor(
      notesDir({
        'oci.md': [
          '# Compute (VMs & bare metal)',
          '- VM and bare metal instances, shapes pick OCPUs & memory',
          '',
          '# OCI Vault (KMS, keys & secrets)',
          '- master encryption keys in HSMs, rotating a key keeps old versions to decrypt old data',
          '',
          '# FastConnect (private link to OCI)',
          '- dedicated private connection from ur data center, 1 to 100 Gbps ports',
          '',
        ].join('\n'),
      }),
    );
    const vault = tutor.answer('oci kms: if i rotate a master key can i still decrypt old data');
    expect(vault.intent).toBe('explain');
    expect(vault.topics[0]?.title).toBe('OCI Vault (KMS, keys & secrets)');
    expect(tutor.answer('how fast can oracle fastconnect go').topics[0]?.title).toBe(
      'FastConnect (private link to OCI)',
    );
    expect(unknown(tutor.answer('how do i send an sms with oci notifications')).notCovered).toEqual([
      'OCI Notifications',
    ]);
    // The doing that opens a question is done to the service it names.
    const balancer = tutorFor(join(FIXTURES_DIR, 'notes', 'oracle-cloud')).answer(
      'setting up an oci load balancer with ssl termination in front of two backend vms, what listener config do i need',
    );
    expect(unknown(balancer).notCovered).toEqual(['OCI Load Balancer']);
  });

  it("read the notes' own cloud before a phrase as no product the catalogue lacks", () => {
    const tutor = tutorFor(
      notesDir({
        'gcp.md': [
          '# Cloud Logging',
          '- every log line is billed by volume, exclusion filters drop noisy logs before storage',
          '',
          '# Cloud Build',
          '- serverless CI/CD, runs build steps as containers',
          '',
          '# Compute Engine',
          '- VMs on google infra',
          '',
        ].join('\n'),
      }),
    );
    const reply = tutor.answer('gcp bill spiked, can we throw away debug lines before they are stored');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('Cloud Logging');
    expect(tutor.answer('throw a random gcp question at me').intent).toBe('quiz');
    // Another cloud's product still is one.
    expect(unknown(tutor.answer('what is azure health data services')).notCovered).toEqual([
      'Azure Health Data Services',
    ]);
  });
});

describe('questions about doing something on another cloud', () => {
  it('are about that cloud, which notes on AWS do not cover', () => {
    const asked: [question: string, cloud: string][] = [
      ['how does container orchestration work on azure', 'Azure'],
      ['how do i push an image to the registry in azure', 'Azure'],
      ['what is the serverless container option in google cloud', 'Google Cloud'],
    ];
    for (const [question, cloud] of asked)
      expect(unknown(compute().answer(question)).notCovered, question).toEqual([cloud]);
  });

  it('still answer a topic they name, and a counterpart they ask for', () => {
    expect(compute().answer('can lambda be triggered by events in azure').topics[0]?.id).toBe('lambda');
    expect(compute().answer('we host our functions on azure, whats the aws equivalent').topics[0]?.id).toBe(
      'lambda',
    );
  });
});

describe('questions about services the notes do not cover', () => {
  it.each([
    ['what is app mesh', 'App Mesh'],
    ['how does cloud map discover services', 'Cloud Map'],
    ['what is google kubernetes engine autopilot', 'Google Kubernetes Engine'],
    ['azure container apps pricing', 'Azure Container Apps'],
    ['how does cloud router learn routes over bgp', 'Cloud Router'],
    ['can ha vpn reach 99.99% availability', 'Google Cloud VPN'],
    ['how do i write a traceql query', 'Grafana Tempo'],
    ['what is grafana mimir', 'Grafana Mimir'],
    ['how does kaniko build images without a docker daemon', 'Kaniko'],
    ['what does cloud profiler show', 'Cloud Profiler'],
    ['how do i split traffic with an httproute', 'Kubernetes Gateway API'],
    ['how much does a hetzner storage box cost', 'Hetzner Storage Box'],
    ['what is a chef cookbook', 'Chef Infra'],
    ['how do i write a puppet manifest', 'Puppet'],
    ['what can cloudflare gateway dns policies block', 'Cloudflare Gateway'],
    ['how do i read values from systems manager parameter store', 'Systems Manager'],
    ['what is aws glue', 'Glue'],
    // What is asked of the other cloud itself: its quotas, its pricing.
    ['google cloud quotas page, how do i request more gpus', 'Google Cloud'],
    ['azure pricing for vms', 'Azure'],
    // AWS products and billing features with no API of their own.
    ['what is migration evaluator', 'Migration Evaluator'],
    ['how do i sell reserved instances on the ri marketplace', 'Reserved Instance Marketplace'],
    ['does consolidated billing share volume discounts across accounts', 'Consolidated billing'],
    ['what is git', 'Git'],
  ])('%s -> the notes don’t cover %s', (question, name) => {
    const reply = unknown(compute().answer(question));
    expect(reply.notCovered.join(' ')).toContain(name);
    expect(reply.suggestions).toEqual([]);
    expect(renderText(reply)).toMatch(new RegExp(`^The notes don’t cover .*${name}`));
  });

  it('answers about a service the notes only mention in passing with "not covered", not the topic mentioning it', () => {
    expect(
      unknown(compute().answer('can i make cloudwatch delete old logs after 30 days')).notCovered,
    ).toEqual([expect.stringMatching(/CloudWatch/)]);
    expect(
      unknown(tutorFor(DATABASES_NOTES_DIR).answer('how do ebs snapshots work')).notCovered.join(),
    ).toMatch(/Elastic Block Store|EBS/);
  });

  it('takes a one-word everyday name of the notes’ cloud for the service when the question opens asking about it', () => {
    const tutor = tutorFor(join(FIXTURES_DIR, 'notes', 'compute-ec2'));
    expect(unknown(tutor.answer('how does snowball work when we ship 40tb to aws')).notCovered).toEqual([
      'AWS Snowball',
    ]);
    // A topic named first is what is asked about: its `backup` is no AWS Backup.
    const hsm = tutorFor(join(FIXTURES_DIR, 'notes', 'trust-services'));
    expect(hsm.answer('whats cloudhsm backup retention like').topics[0]?.id).toBe('cloudhsm');
  });

  it('reads a question that opens inside a service it lacks and then asks as about that service', () => {
    // The EKS notes say Fargate suits `batch jobs`, in passing.
    const eks = tutorFor(join(FIXTURES_DIR, 'notes', 'eks-deep'));
    const reply = unknown(
      eks.answer('in aws batch how are jobs in a queue matched to a compute environment'),
    );
    expect(reply.notCovered).toEqual(['AWS Batch']);
  });

  it('reads a question asking how to do something onto or through a service it lacks as about that service', () => {
    const messaging = tutorFor(join(FIXTURES_DIR, 'notes', 'messaging-deep'));
    const reply = unknown(
      messaging.answer('how do we migrate our activemq brokers onto amazon mq, do queues carry over'),
    );
    // The notes name ActiveMQ only in a `vs` bullet: they lack it too.
    expect(reply.notCovered).toEqual(['Apache ActiveMQ', 'Amazon MQ']);
    const networking = tutorFor(join(FIXTURES_DIR, 'notes', 'azure-networking'));
    expect(
      unknown(networking.answer('how do i ssh to a linux vm through azure bastion when it has no public ip'))
        .notCovered,
    ).toEqual(['Azure Bastion']);
  });

  it('takes no catalogued name for a topic’s name misspelt: `filestore` is Filestore, not Firestore', () => {
    const databases = tutorFor(join(FIXTURES_DIR, 'notes', 'gcp-databases'));
    expect(unknown(databases.answer('does filestore support nfs v4.1 mounts')).notCovered).toEqual([
      'Filestore',
    ]);
    expect(databases.answer('does firestre support offline writes').topics[0]?.id).toBe('firestore');
  });

  it('reads a question asking how of a service it lacks, closed by "by default", as about that service', () => {
    const integration = tutorFor(join(FIXTURES_DIR, 'notes', 'azure-integration'));
    expect(
      unknown(
        integration.answer('how long do jobs wait in an azure storage queue by default before they vanish'),
      ).notCovered,
    ).toEqual(['Azure Queue Storage']);
  });

  it('reads a question asking how to do something in a service it lacks, for a purpose, as about that service', () => {
    const detection = tutorFor(join(FIXTURES_DIR, 'notes', 'security-detection'));
    expect(
      unknown(detection.answer('how do i add a managed rule group in aws waf to block sql injection'))
        .notCovered,
    ).toEqual(['AWS WAF']);
  });

  it('names a service asked about by the plural of its acronym by the acronym', () => {
    expect(unknown(tutorFor(DATABASES_NOTES_DIR).answer('what are vpcs')).notCovered).toEqual([
      'Amazon Virtual Private Cloud (VPC)',
    ]);
  });

  it('reads "does aws support X" with a name after it as asking about X, not AWS Support', () => {
    expect(unknown(compute().answer('does aws support ipv6')).notCovered).toEqual(['IPv6']);
    expect(unknown(compute().answer('does aws support helm charts')).notCovered).toEqual(['Helm']);
    expect(compute().answer('does aws support lambda in go').topics[0]?.id).toBe('lambda');
    // Followed by its own verb, the name is AWS Support's; a name asked about stays one.
    expect(unknown(compute().answer('does aws support offer phone help')).notCovered).toEqual([
      'AWS Support',
    ]);
    expect(unknown(compute().answer('what is aws support')).notCovered).toEqual(['AWS Support']);
    expect(
      unknown(compute().answer('does aws backup support cross account copies of ebs snapshots')).notCovered,
    ).toContain('AWS Backup');
    expect(unknown(compute().answer('does aws support actually answer within an hour')).notCovered).toEqual([
      'AWS Support',
    ]);
    expect(unknown(compute().answer('is aws support worth it')).notCovered).toEqual(['AWS Support']);
    // A verb ending in -ly is the verb, not an adverb before one.
    expect(unknown(compute().answer('does aws support apply credits to our bill')).notCovered).toContain(
      'AWS Support',
    );
    expect(unknown(compute().answer('does aws shield protect us from ddos attacks')).notCovered).toEqual([
      'AWS Shield',
    ]);
  });

  it('reads the verb after the vendor as the verb when no other follows: "does aws support exactly once delivery"', () => {
    const understanding = new Understanding(
      loadKnowledgeDir(join(FIXTURES_DIR, 'notes', 'messaging')).knowledge,
    );
    expect(understanding.understand('does aws support exactly once delivery').uncovered.services).toEqual([]);
    expect(compute().answer('does aws support running containers').topics[0]?.id).toMatch(
      /docker|ecs|fargate/,
    );
    // `offer` there asks whether aws has what follows, as `support` asks whether it can do it.
    expect(tutorFor(STORAGE_NOTES_DIR).answer('does aws offer a file share for windows').topics[0]?.id).toBe(
      'fsx',
    );
  });

  it('answers a comparison of a topic with a service it lacks with what it lacks', () => {
    for (const [question, service] of [
      ['ecs vs app runner', 'AWS App Runner'],
      ['whats the difference between lambda and step functions', 'AWS Step Functions'],
    ] as const)
      expect(unknown(compute().answer(question)).notCovered, question).toEqual([service]);
    expect(compute().answer('ecs vs eks').intent).toBe('compare');
    expect(compute().answer('fargate or lambda for a small api').intent).toBe('compare');
    // Moving things between two others compares nothing.
    expect(
      tutorFor(STORAGE_NOTES_DIR).answer('can i move objects between standard-ia and glacier').topics[0]?.id,
    ).toBe('s3-glacier');
  });

  it('lists only topics whose notes name the service where the notes mention it', () => {
    expect(unknown(compute().answer('what is app mesh')).mentionedIn).toEqual([]);
    const cloudwatch = unknown(compute().answer('can i make cloudwatch delete old logs after 30 days'));
    expect(mentioningTopics(cloudwatch)).toEqual(['lambda']);
  });

  it('says for each service it lacks where the notes name that one', () => {
    const tutor = tutorOnNotes([
      '# AWS Batch',
      '- runs batch jobs on ec2 or fargate, jobs can be queued from Amazon SQS messages',
      '# Amazon ECS',
      '- runs containers, sends container logs to Amazon CloudWatch',
      '# AWS Lambda',
      '- runs functions for a few minutes at most',
      '# Amazon S3',
      '- object storage in buckets',
    ]);
    const reply = unknown(tutor.answer('how do i get alerts in cloudwatch when sqs messages pile up'));
    expect(reply.notCovered).toEqual(['Amazon CloudWatch', 'Amazon Simple Queue Service (SQS)']);
    expect(
      reply.mentionedIn.map(({ service, topics }) => [service, topics.map((topic) => topic.id)]),
    ).toEqual([
      ['Amazon CloudWatch', ['ecs']],
      ['Amazon Simple Queue Service (SQS)', ['batch']],
    ]);
    expect(renderText(reply)).toContain(
      'The notes mention Amazon CloudWatch in: Amazon ECS.\nThe notes mention Amazon Simple Queue Service (SQS) in: AWS Batch.',
    );
  });

  it('takes part of a topic’s name inside another service’s name for that service', () => {
    const storage = tutorFor(STORAGE_NOTES_DIR);
    expect(storage.answer('what is snow family').topics[0]?.title).toMatch(/Snow Family/);
    expect(unknown(storage.answer('aws transfer family pricing')).notCovered).toEqual([
      expect.stringMatching(/Transfer Family/),
    ]);
  });

  it('takes a topic’s whole name inside the longer name of a service the notes lack for that service', () => {
    const streams = tutorOnNotes([
      '# Kinesis',
      '- real time data streams made of shards, each shard takes 1 MB/s in',
      '- consumers can replay records kept for 24 hours up to 365 days',
    ]);
    expect(unknown(streams.answer('kinesis video streams for our doorbell cameras')).notCovered).toEqual([
      'Amazon Kinesis Video Streams',
    ]);
    expect(streams.answer('how long does kinesis keep records').topics[0]?.id).toBe('kinesis');
  });

  it('still answers the covered topic a question names beside another service', () => {
    const reply = compute().answer('can lambda read messages from sqs');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.id).toBe('lambda');
  });

  it('reads a question with few of the notes’ words besides a service they lack as about that service', () => {
    // Of `spinning`, `spark` and `cluster`, the databases notes use one: the question is about EMR.
    const databases = tutorFor(DATABASES_NOTES_DIR);
    expect(unknown(databases.answer('spinning up an emr spark cluster')).notCovered.join(' ')).toContain(
      'EMR',
    );
  });

  it('reads a question that opens by asking about a service the notes lack as about that service', () => {
    const dir = notesDir({
      'media.md': [
        '# AWS Elemental MediaLive',
        '- broadcast grade live video encoding for 24/7 channels & events',
        '- usually paired w/ MediaPackage for packaging, DRM & time shifted viewing',
        '',
      ].join('\n'),
    });
    const understanding = new Understanding(tutorFor(dir).knowledge);
    const about = (question: string) => understanding.understand(question).uncovered;
    // "what does X do ...": X is asked about, whatever aspect follows.
    expect(about('what does mediapackage do for drm and time shifted viewing')).toMatchObject({
      names: ['AWS Elemental MediaPackage'],
      subject: true,
    });
    // With the verb or the quality asked for between, it is still what the question asks about.
    expect(about('how do i configure mediapackage for drm and time shifted viewing').subject).toBe(true);
    expect(about('how reliable is mediapackage for drm and time shifted viewing').subject).toBe(true);
    // So is it after the verb a yes-no question opens with, but not after "is there".
    expect(about('is mediapackage any good for drm and time shifted viewing').subject).toBe(true);
    expect(about('is there a mediapackage setting for drm and time shifted viewing').subject).toBe(false);
    // The same words around it, not asked about, are a need it is the setting of.
    expect(about('our live channels go to mediapackage for drm and time shifted viewing').subject).toBe(
      false,
    );
    expect(about('how do live channels get drm and time shifted viewing from mediapackage').subject).toBe(
      false,
    );
  });

  it('reads a question asking how to do something to a service it names last as about that service', () => {
    const tutor = tutorOnNotes([
      '# AWS CodeBuild',
      '- managed build service, runs ur tests & builds docker images, no build servers to patch',
      '- at the end of a build it pushes the image to ECR',
      '# AWS CodePipeline',
      '- release pipeline: source > build > test > deploy stages, runs on every commit',
      '# AWS CodeDeploy',
      '- rolls new versions out to ec2, lambda or ecs a few at a time, rolls back on alarms',
      '# Amazon CloudWatch',
      '- metrics, logs & alarms for everything the pipeline deploys',
    ]);
    // Where the thing is sent is what is asked about, as where it is done is ("… in sagemaker").
    for (const question of ['how do i push a docker image to ecr', 'how do i copy our images into ecr'])
      expect(unknown(tutor.answer(question)).notCovered, question).toEqual([
        'Amazon Elastic Container Registry (ECR)',
      ]);
    // Said as the setting of a need, it still leaves the question to the topic that meets it.
    expect(
      tutor.answer('our builds push a docker image to ecr, how do we stop patching build servers'),
    ).toMatchObject({ intent: 'explain', topics: [{ id: 'codebuild' }] });
  });

  it('reads a question asking how something works for a service it names last as about that service', () => {
    const tutor = tutorOnNotes([
      '# Web Services',
      '- a web service runs ur app from a git repo, redeploys on every push',
      '- free instances spin down after 15 minutes without traffic, the next request wakes them',
      '- no auto stop or auto start of paid instances: they run on their machines until u suspend them',
      '- vs Fly.io: same idea of small machines close to users, but no regions to pick',
      '# Cron Jobs',
      '- a cron job runs a command on a schedule, then stops, billed per minute it runs',
      '# Disks',
      '- a persistent disk survives deploys, attached to one instance only',
    ]);
    expect(
      unknown(tutor.answer('how does auto stop and auto start work for fly.io machines')).notCovered,
    ).toEqual(['Fly.io']);
    // For a purpose of the notes' own, it is still the notes' topic.
    expect(tutor.answer('how do free instances spin down for our web services')).toMatchObject({
      intent: 'explain',
      topics: [{ id: 'web-services' }],
    });
  });

  it('answers a need described at length around services the notes lack, from the topic that meets it', () => {
    const security = tutorFor(join(FIXTURES_DIR, 'notes', 'security-networking'));
    const reply = security.answer(
      'our ec2 app has to read files in s3, and we never want access keys stored on the box',
    );
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toMatch(/^IAM/);
    expect(security.answer('what is s3').intent).toBe('unknown');
  });

  it('takes a programming technique the question is about for a technology the notes lack', () => {
    const identity = notesDir({
      'identity.md': [
        '# Amazon Cognito',
        '- gives the users of ur web & mobile apps an identity',
        '- **User Pools**: sign up & sign in for app users',
        '  > username or email + password, password reset, email & phone verification',
        '',
        '# AWS WAF',
        '- firewall for web apps, rules match on IP addresses, headers & the request body',
        '',
      ].join('\n'),
    });
    const tutor = tutorFor(identity);
    expect(unknown(tutor.answer('how do i write a regex for an email address')).notCovered).toEqual([
      'Regular expressions',
    ]);
    // Named beside a topic, it is what the question asks of that topic.
    expect(tutor.answer('can cognito check the email format with a regex').topics[0]?.id).toBe('cognito');
  });

  it('takes a technology the notes name in passing for what they lack when asked what it is', () => {
    // The Terraform notes name Terragrunt once, in a sub-point of their State topic.
    const terraform = tutorFor(join(FIXTURES_DIR, 'notes', 'terraform-basics'));
    const reply = unknown(terraform.answer('what is terragrunt'));
    expect(reply.notCovered).toEqual(['Terragrunt']);
    expect(mentioningTopics(reply)).toEqual(['terraform-state']);
    // Around a need the notes meet, it is the setting: the reply teaches what they hold.
    expect(
      terraform.answer('we use terragrunt, how do we stop two applies running at once on the state').topics[0]
        ?.id,
    ).toBe('terraform-state');
  });

  it('takes a technology of the kind notes on technologies teach, named in passing, for what they lack when asked about', () => {
    const postgres = tutorFor(join(FIXTURES_DIR, 'notes', 'postgres-ops'));
    expect(unknown(postgres.answer('how do i install pg_repack on ubuntu')).notCovered).toEqual([
      'pg_repack',
    ]);
    // Around a need the notes meet, it is still the setting.
    expect(postgres.answer('we use pg_repack, how do we stop bloat coming back').topics[0]?.id).toBe(
      'mvcc-vacuum',
    );
    const observability = tutorFor(join(FIXTURES_DIR, 'notes', 'oss-observability'));
    expect(unknown(observability.answer('what does thanos compaction do to old blocks')).notCovered).toEqual([
      'Thanos',
    ]);
    // Named across the notes, in a heading and a third of the topics' facts, it is what they teach in.
    const proxies = tutorFor(join(FIXTURES_DIR, 'notes', 'web-proxies'));
    expect(
      proxies.answer('how does nginx decide which location block handles a request').topics[0]?.title,
    ).toMatch(/^nginx Server Blocks/);
  });

  it('takes a technology of the kind notes on a technology teach, which they never name, for what they lack', () => {
    // Notes on Kafka teach Kafka; ksqlDB and KRaft are of its kind, and the notes never name them.
    const kafka = tutorFor(join(FIXTURES_DIR, 'notes', 'kafka-core'));
    expect(
      unknown(kafka.answer('how would i write a ksqldb query that joins two streams')).notCovered,
    ).toEqual(['ksqlDB']);
    expect(
      unknown(kafka.answer('we are moving our brokers over to kraft, what changes for us')).notCovered,
    ).toEqual(['KRaft']);
    const git = tutorFor(join(FIXTURES_DIR, 'notes', 'git-basics'));
    expect(unknown(git.answer('how do i make git ignore the build folder')).notCovered).toEqual([
      'gitignore',
    ]);
    // A need described at length around one is asked of the notes.
    const apis = tutorFor(join(FIXTURES_DIR, 'notes', 'http-apis'));
    expect(
      apis.answer(
        'our endpoint starts a long csv export that takes ten minutes, what should it answer right away',
      ).intent,
    ).toBe('explain');
    // On notes about a cloud's services a technology is the setting of the need around it.
    const trust = tutorFor(join(FIXTURES_DIR, 'notes', 'trust-services'));
    expect(
      trust.answer(
        'we need private certs for service to service tls and dont want to babysit an openssl root ca on a vm anymore, whats the managed option',
      ).topics[0]?.id,
    ).toMatch(/private/);
  });

  it('takes a technology for the setting when a request asks for something of its own written in it', () => {
    const ops = tutorFor(join(FIXTURES_DIR, 'notes', 'observability-devops'));
    expect(ops.answer('define my infrastructure in a yaml template').topics[0]?.id).toBe('cloudformation');
    expect(unknown(ops.answer('define yaml')).notCovered).toEqual(['YAML']);
  });

  it('does not guess from a topic when the question names a service the notes never mention', () => {
    const advisor = (aside: string) =>
      notesDir({
        'ops.md': [
          '# AWS Trusted Advisor',
          '- checks ur account against best practices: cost optimization, security & service limits',
          '- sends a weekly email with the checks that need attention, set up alerts for the ones u care about',
          `- the full set of checks needs Business or Enterprise support${aside}`,
          '',
          '# Amazon CloudWatch',
          '- metrics, logs & alarms for ur AWS resources & apps',
          '- dashboards to graph metrics from many accounts & regions',
          '',
        ].join('\n'),
      });
    const question = 'where do i set up aws budgets alerts for our team';
    expect(unknown(tutorFor(advisor('')).answer(question)).notCovered).toEqual(['AWS Budgets']);
    // Where the notes name Budgets in passing, and say nothing else the question asks, the reply
    // says where they mention it instead of teaching Trusted Advisor for it.
    const mentioned = unknown(
      tutorFor(advisor(', for spend alerts use AWS Budgets instead')).answer(question),
    );
    expect(mentioned.notCovered).toEqual(['AWS Budgets']);
    expect(mentioningTopics(mentioned)).toEqual(['trusted-advisor']);
  });

  it('takes a key term sharing a word with what the heading says the topic is for another service', () => {
    const mail = tutorOnNotes([
      '# Amazon WorkMail (managed business email)',
      '- managed business email & calendars, works with Outlook & phone mail apps',
      '- sends outgoing mail thru **SES**, u add MX & DKIM records for ur domain',
    ]);
    expect(unknown(mail.answer('how do we raise our ses sending limits')).notCovered).toEqual([
      'Amazon Simple Email Service (SES)',
    ]);
  });

  it('takes a key term of the same family as the topic for another service, not a part of it', () => {
    const dir = notesDir({
      'media.md': [
        '# AWS Elemental MediaLive',
        '- live video encoding for 24/7 channels & events, w/ redundant pipelines',
        '- usually paired w/ **MediaPackage** for packaging & DRM',
        '',
        '# Amazon DynamoDB',
        '- serverless key value database',
        '- **DAX** is an in memory cache in front of it',
        '',
      ].join('\n'),
    });
    const tutor = tutorFor(dir);
    // MediaPackage and MediaLive are both Elemental services; DAX is DynamoDB Accelerator.
    expect(unknown(tutor.answer('what is mediapackage')).notCovered).toEqual(['AWS Elemental MediaPackage']);
    expect(tutor.answer('what is dax').topics[0]?.id).toBe('dynamodb');
  });

  it('says where the notes mention the service, however the notes spell its name', () => {
    const dir = notesDir({
      'serverless.md': [
        '# Lambda',
        '- run code without servers, pay per request',
        '- easy monitoring through AWS cloud watch',
        '',
        '# Amazon SQS',
        '- a queue between producers and consumers',
        '',
      ].join('\n'),
    });
    const reply = unknown(tutorFor(dir).answer('what is cloudwatch'));
    expect(reply.notCovered).toEqual(['Amazon CloudWatch']);
    expect(mentioningTopics(reply)).toEqual(['lambda']);
  });

  it('takes an English word the heading capitalises as a name of its service', () => {
    const dir = notesDir({
      'mobile.md': [
        '# AWS End User Messaging (Amazon Pinpoint SMS & push)',
        '* send SMS, voice & push notifications to ur app users',
        '* **Amazon Pinpoint** was the marketing side: segments, campaigns & journeys',
        '',
        '# AWS AppSync (managed GraphQL)',
        '* GraphQL subscriptions push real time updates to connected clients',
        '',
      ].join('\n'),
    });
    const reply = tutorFor(dir).answer("appsync subscriptions or pinpoint push, what's the difference");
    expect(reply.intent).toBe('compare');
    expect(reply.topics.map((topic) => topic.id)).toEqual(['appsync', 'end-user-messaging']);
  });

  it('takes an English word a key term capitalises as a name of the service its topic covers', () => {
    const storage = tutorFor(STORAGE_NOTES_DIR);
    // `**Snowball Edge**` under AWS Snow Family: `snowball` is the device, not a ball of snow.
    expect(storage.answer('does a snowball go directly into glacier').topics[0]?.id).toBe('snow-family');
  });

  it('takes a bullet that opens with a service for the notes covering it', () => {
    const dir = notesDir({
      'ec2.md': [
        '# Amazon EC2',
        '* virtual servers in the cloud, u pick an instance type & an AMI',
        '',
        '# EC2 Pricing Options',
        '* On-Demand : pay per second, no commitment',
        '* **Spot Instances** : use spare ec2 capacity for up to 90% off on-demand',
        '  > aws can take them back w/ a 2 minute interruption notice',
        '* **Dedicated Hosts** : a whole physical server just for u, most expensive option',
        '',
        '# AWS DataSync',
        '* copies files from on-prem NFS / SMB shares into S3, **EFS** or FSx',
        '',
      ].join('\n'),
    });
    const tutor = tutorFor(dir);
    expect(tutor.answer('what are spot instances').topics[0]?.id).toBe('ec2-pricing-options');
    // Named, the service names its entry's topic, so it can be one side of a comparison.
    expect(
      tutor.answer('amazon ec2 or spot instances for a batch job').topics.map((topic) => topic.id),
    ).toEqual(['ec2', 'ec2-pricing-options']);
    // `ec2 spot` is a name of Spot Instances, not the `ec2` of Amazon EC2.
    expect(tutor.answer('with ec2 spot how much warning do i get').topics[0]?.id).toBe('ec2-pricing-options');
    expect(tutor.answer('what is a dedicated host').topics[0]?.id).toBe('ec2-pricing-options');
    // Named among others in a bullet about something else, a service is still one the notes lack.
    expect(mentioningTopics(unknown(tutor.answer('what is efs')))).toEqual(['datasync']);
  });

  it('reads a question set on another cloud that names its product as about that product', () => {
    const tutor = tutorFor(join(FIXTURES_DIR, 'notes', 'cost-billing'));
    const reply = unknown(tutor.answer('how do i set up the billing export to bigquery in google cloud'));
    // The product it lacks, not the cloud as well.
    expect(reply.notCovered).toEqual(['BigQuery']);
    expect(unknown(tutor.answer('in azure how is log analytics billed')).notCovered).toEqual([
      'Azure Monitor Log Analytics',
    ]);
  });

  it('takes a bullet that opens with a kind of a service for the notes covering that service', () => {
    const tutor = tutorOnNotes([
      '# AWS PrivateLink',
      '* private connectivity between VPCs & aws services, traffic never goes over the public internet',
      '* **interface VPC endpoints**: an ENI w/ a private IP in ur subnet as the entry point to a service eg. SQS, KMS',
      '  > not to be confused w/ **gateway endpoints** (S3 & DynamoDB only), those use route tables',
      '* pricing: per endpoint per AZ per hour + per GB of data processed',
      '',
      '# AWS Direct Connect (DX)',
      '* **dedicated private link** from ur data center into AWS, traffic never touches the public internet',
      '* 2 flavours: dedicated or hosted connections',
    ]);
    for (const question of ['how do vpc endpoints work', 'what is a gateway endpoint'])
      expect(tutor.answer(question).topics[0]?.id, question).toBe('privatelink');
    // A need that sounds like VPC endpoints is no need the notes lack: PrivateLink teaches them.
    expect(
      tutor.answer('my lambda sits in a subnet with no internet and needs to call sqs, how without a nat')
        .topics[0]?.id,
    ).toBe('privatelink');
  });

  it('reads everyday words that spell a service at the head of an entry as words', () => {
    const tutor = tutorOnNotes([
      '# AWS Direct Connect (DX)',
      '* **dedicated private link** from ur data center into AWS, traffic never touches the public internet',
      '* 2 flavours: dedicated or hosted connections',
    ]);
    expect(unknown(tutor.answer('how do privatelink interface endpoints work')).notCovered).toContain(
      'AWS PrivateLink',
    );
  });

  it('takes a key term in capitals for the service it names, though it is also an English word', () => {
    const dir = notesDir({
      'lb.md': [
        '# Elastic Load Balancing (ELB)',
        '* managed load balancers that spread traffic accross many targets',
        '* target groups = where the LB sends requests: instances, IPs (or an ALB behind an NLB)',
        '* **ALB**(Application Load Balancer) - layer 7, HTTP / HTTPS / gRPC',
        '  > route on url path, host name, headers, query string',
        '  > can authenticate users w/ Cognito or an OIDC provider before the request reaches ur app',
        '* **NLB**(Network Load Balancer) - layer 4, TCP / UDP, millions of requests per second',
        '* sticky sessions : same client keeps hitting the same target',
        '  > ALB uses a cookie, NLB sticks based on source IP',
        '',
        '# AWS Elastic Beanstalk (PaaS)',
        '* upload ur code & beanstalk provisions the instances, scaling & load balancer for u',
        '',
      ].join('\n'),
    });
    // `alb` is in the dictionary (a priest's vestment); `**ALB**` in the notes is the load balancer.
    const reply = tutorFor(dir).answer('whats an alb');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.id).toBe('elastic-load-balancing');
    // The bullet that opens with the asked-for term is its entry in the notes.
    expect(renderText(reply)).toMatch(/^Elastic Load Balancing \(ELB\)\n• ALB\(Application Load Balancer\)/);
    // It is a name of the topic, so it is one side of a comparison.
    const compared = tutorFor(dir).answer(
      'beanstalk compared to just putting my own alb in front of some instances',
    );
    expect(compared.intent).toBe('compare');
    expect(compared.topics.map((topic) => topic.id)).toEqual(['elastic-beanstalk', 'elastic-load-balancing']);
  });

  it('takes a topic on a managed open-source project for the project too', () => {
    const dir = notesDir({
      'containers.md': [
        '# Amazon EKS',
        '- launch managed kubernetes clusters on AWS',
        '- worker nodes on EC2 or Fargate',
        '',
        '# Amazon MSK',
        '- a managed event streaming platform, u keep ur producers & consumers',
        '',
      ].join('\n'),
    });
    const tutor = tutorFor(dir);
    // EKS is Elastic Kubernetes Service and MSK Managed Streaming for Apache Kafka.
    expect(tutor.answer('managed kubernetes').topics[0]?.id).toBe('eks');
    expect(tutor.answer('k8s on aws').topics[0]?.id).toBe('eks');
    expect(tutor.answer('what is kafka').topics[0]?.id).toBe('msk');
    // Another cloud's service running the same project is still one the notes lack.
    expect(unknown(tutor.answer('google kubernetes engine pricing')).notCovered).toEqual([
      'Google Kubernetes Engine',
    ]);
    expect(unknown(tutor.answer('what is prometheus')).notCovered).toEqual(['Prometheus']);
  });

  it('never reads "what is X" about a service as a request for help or the topic list', () => {
    for (const question of [
      'what is app mesh',
      'help me with azure functions',
      'list cloud map namespaces',
    ]) {
      expect(['help', 'list']).not.toContain(compute().answer(question).intent);
    }
  });

  it('takes an ordinary word for a service only when the question is about nothing else', () => {
    expect(unknown(compute().answer('what is glue')).notCovered).toEqual(['AWS Glue']);
    expect(compute().answer('is batch good for nightly jobs').topics[0]?.id).toBe('batch');
  });

  // The DevOps notes say CodeBuild pushes images to ECR; they have no topic on ECR.
  const devops = () => tutorFor(join(FIXTURES_DIR, 'notes', 'observability-devops'));
  const expectEcrUncovered = (questions: string[]) => {
    for (const question of questions)
      expect(unknown(devops().answer(question)).notCovered).toEqual([
        'Amazon Elastic Container Registry (ECR)',
      ]);
  };

  it('does not guess from a topic that names a service in passing when the question is about that service', () => {
    expectEcrUncovered([
      'how do i tag a docker image before it goes to ecr',
      'can i see which docker image versions are in ecr',
    ]);
    // A service the question does without, or one most topics name, is the setting of what is asked.
    expect(compute().answer('containers on aws where i dont provision ec2').topics[0]?.id).toBe('fargate');
    const security = tutorFor(join(FIXTURES_DIR, 'notes', 'security-compliance'));
    expect(security.answer('find ids like 4471920 in our s3 files').topics[0]?.title).toMatch(
      /^Amazon Macie/,
    );
  });

  it('does not answer from a topic that matches little more than its mention of the service asked about', () => {
    const warehouse = tutorOnNotes([
      '# Amazon Redshift (data warehouse)',
      '- columnar storage of data instead of row based, plus a massively parallel query engine',
      '- its OLAP - online analytical processing for analytics and data warehousing',
      '- BI tools like QuickSight or Tableau integrate with it',
      '- pricing: per node hour, or serverless per RPU hour',
    ]);
    expect(unknown(warehouse.answer('quicksight embedded analytics pricing')).notCovered).toEqual([
      'Amazon QuickSight',
    ]);
    // Asked about the topic, in more of its own words, it is the topic.
    expect(warehouse.answer('is redshift columnar storage good for bi dashboards').topics[0]?.id).toBe(
      'redshift',
    );
  });

  it('reads a question that opens with a service set apart ("X: how do i …") as about that service', () => {
    expectEcrUncovered([
      'ecr: how do i keep the docker images our builds push from piling up',
      'ecr, how do i stop builds pushing docker images with known vulnerabilities',
    ]);
    // Not set apart, the same service is where the build puts its images.
    expect(devops().answer('where does codebuild push the docker images it builds').topics[0]?.id).toBe(
      'codebuild',
    );
  });

  it("reads another cloud's product named in words the notes use together as the notes' phrase", () => {
    const notes = tutorOnNotes([
      '# Amazon OpenSearch Service',
      '- managed search & analytics engine',
      '- use cases: full text search, log analytics, app monitoring',
      '',
      '# Security Groups',
      '- a security group is a stateful firewall for an instance, allow rules only',
    ]);
    expect(notes.answer('what do teams use for log analytics').intent).toBe('explain');
    expect(notes.answer('log analytics').topics[0]?.id).toBe('opensearch-service');
    expect(notes.answer('how many rules can a network security group hold').topics[0]?.id).toBe(
      'security-groups',
    );
    // Named with its cloud, it is that cloud's product.
    expect(unknown(notes.answer('in azure how is log analytics billed')).notCovered).toEqual([
      'Azure Monitor Log Analytics',
    ]);
  });

  it("reads an ordinary word naming an AWS topic beside another cloud's service as about that service", () => {
    const governance = tutorFor(join(FIXTURES_DIR, 'notes', 'governance-migration'));
    expect(unknown(governance.answer('budget alerts in azure cost management')).notCovered).toEqual([
      'Microsoft Cost Management',
    ]);
    expect(governance.answer('how do budget alerts work').topics[0]?.id).toBe('budgets');
    // `workspace` of Amazon WorkSpaces is part of Google Workspace's name: the question is about that.
    const workplace = tutorFor(join(FIXTURES_DIR, 'notes', 'end-user-computing'));
    expect(unknown(workplace.answer('what does google workspace charge per user')).notCovered).toEqual([
      'Google Workspace',
    ]);
    expect(workplace.answer('can we sync gsuite calendars into workmail').topics[0]?.id).toBe('workmail');
    // Docker is no AWS topic: beside EC2 it is still Docker.
    expect(compute().answer('can i run docker on ec2').topics[0]?.id).toBe('docker');
  });

  it('reads a question that opens with a service the notes never name as about that service', () => {
    const packages = tutorOnNotes([
      '# AWS CodeArtifact',
      '- managed artifact repository for npm, PyPI, Maven & NuGet packages',
      '- upstream repositories: a repo can proxy a public registry like npmjs and cache what it pulls',
      '- pricing: pay per GB stored & per request',
    ]);
    expect(
      unknown(packages.answer('nexus repository proxy for npm keeps returning 502s, what should i check'))
        .notCovered,
    ).toEqual(['Sonatype Nexus Repository']);
    // Named further on, the same service may be the setting of what a topic answers.
    expect(
      packages.answer('can a managed repo proxy npm and cache the packages we pull, like our nexus repo does')
        .topics[0]?.id,
    ).toBe('codeartifact');
  });

  it('takes a word the notes capitalise as a name in its possessive too', () => {
    const warehouse = tutorOnNotes([
      '# Amazon Redshift',
      '- data warehouse, columnar storage & massively parallel queries',
      '- BI tools like QuickSight or Tableau connect over JDBC/ODBC',
    ]);
    expect(unknown(warehouse.answer("what's tableau's pricing")).notCovered).toEqual(['Tableau']);
  });

  it('reads a question that opens with a service one topic names in passing as about that service', () => {
    const lake = tutorOnNotes([
      '# Amazon Security Lake',
      '- central security data lake in ur account, logs normalised to OCSF & stored as parquet in S3',
      '- query the lake w/ Athena or send it on to a SIEM, partitions by region & day keep queries cheap',
      '',
      '# AWS CloudHSM',
      '- dedicated hardware security modules in ur VPC, single tenant, FIPS 140-3 level 3',
    ]);
    expect(
      unknown(lake.answer('athena query on a partitioned table keeps timing out, any tips')).notCovered,
    ).toEqual(['Amazon Athena']);
  });

  it('reads "how do i … in X" or "walk me through … in X", at the end or before another clause, as about X', () => {
    // The ML notes name Amazon Connect once, where Lex bots plug into it.
    const ml = tutorFor(join(FIXTURES_DIR, 'notes', 'ml-ai'));
    for (const question of [
      'how do i make a phone menu in amazon connect',
      'how do i hand a chat over to an agent in amazon connect',
      'walk me through routing callers to an agent in amazon connect',
      // What follows the service is another clause, set apart or not, or the purpose: not more of the need.
      'how do i make a phone menu in amazon connect for our support line',
      'how do i hand a chat over to an agent in amazon connect and keep the transcript',
      'how do i make a phone menu in amazon connect, is there a drag and drop editor',
    ])
      expect(unknown(ml.answer(question)).notCovered).toEqual(['Amazon Connect']);
    // Naming the topic, the question is about it, wherever the service stands.
    expect(ml.answer('how do lex bots answer calls in amazon connect').topics[0]?.id).toBe('lex');
  });

  it('reads "how do i … in X\'s part for …" as about X when the part names no topic', () => {
    // The notes name Solr once, in a bullet comparing it.
    const search = tutorFor(join(FIXTURES_DIR, 'notes', 'opensearch-ops'));
    expect(
      unknown(search.answer("how do i define a custom field type in solr's managed-schema for a new core"))
        .notCovered,
    ).toEqual(['Apache Solr']);
    const vertex = tutorFor(join(FIXTURES_DIR, 'notes', 'gcp-vertex-ai'));
    expect(
      unknown(vertex.answer('what are the tokens-per-minute limits on an azure openai gpt-4o deployment'))
        .notCovered,
    ).toEqual(['Azure OpenAI Service']);
    // A topic's name after the service is what the question asks about.
    expect(search.answer('how do i set up analyzers in solr mappings for a core').intent).toBe('explain');
  });

  it('takes a technology the notes name only as the alternative a bullet points to for one they lack', () => {
    // "vs **CircleCI**: same hosted vs self-managed idea …" under Runners.
    const actions = tutorFor(join(FIXTURES_DIR, 'notes', 'github-actions'));
    expect(
      unknown(actions.answer('how much does a circleci credit cost on the performance plan')).notCovered,
    ).toEqual(['CircleCI']);
    // A technology used where the notes teach is the setting of the question.
    const postgres = tutorOnNotes([
      '# Service containers',
      '- a job can start a **Postgres** service container for its integration tests',
      '- the runner maps the port, the job reaches it on localhost',
      '',
      '# Caching',
      '- actions/cache keys on a hash of the lock file',
      '',
      '# Matrix builds',
      '- strategy.matrix runs a job once per combination',
      '',
      '# Runners',
      '- GitHub-hosted runners are fresh VMs per job',
    ]);
    expect(postgres.answer('how much memory does postgres get as a service container').intent).toBe(
      'explain',
    );
  });

  it("finds a service named with an apostrophe s or a plural: `rekognition's`, `vpcs`", () => {
    const imaging = tutorOnNotes([
      '# AWS HealthImaging (medical imaging / DICOM)',
      '- stores & streams medical images (DICOM) at petabyte scale',
      '- not for regular photos or video, thats just S3 (+ Rekognition)',
    ]);
    expect(unknown(imaging.answer("how accurate is rekognition's face comparison")).notCovered).toEqual([
      'Amazon Rekognition',
    ]);
  });

  it("reads another cloud's product the catalogue lacks, named after its platform, as that product", () => {
    const records = tutorOnNotes([
      '# AWS HealthLake (FHIR data store)',
      '- managed FHIR data store for health records, query them w/ SQL in Athena',
      '- pricing: pay per GB stored per month + per query',
    ]);
    expect(unknown(records.answer('what is google cloud healthcare api')).notCovered).toEqual([
      'Google Cloud Healthcare API',
    ]);
    expect(unknown(records.answer('azure health data services pricing')).notCovered).toEqual([
      'Azure Health Data Services',
    ]);
    // The platform named beside a topic the notes cover is the setting of a question about the topic.
    expect(records.answer('is there an azure equivalent of healthlake').topics[0]?.id).toBe('healthlake');
  });

  it('reads a need said in cloud-concept words around a service as a need, not as about the service', () => {
    const links = tutorOnNotes([
      '# AWS Direct Connect',
      '- dedicated private network connection from ur data center to AWS, steady bandwidth',
      '- a Direct Connect gateway lets one connection reach VPCs in many regions',
      '- pricing: pay per port hour + data transfer out',
    ]);
    // `leased line` says a dedicated connection: more than the VPCs to be about.
    expect(
      links.answer('one leased line from our dc has to get to vpcs in frankfurt and tokyo').topics[0]?.id,
    ).toBe('direct-connect');
    expect(unknown(links.answer('how many subnets can our vpcs have')).notCovered).toEqual([
      'Amazon Virtual Private Cloud (VPC)',
    ]);
  });

  it('takes an ordinary word the notes capitalise, or a rare one, as a name for the service, in a longer question too', () => {
    const notes = (lambda: string) =>
      notesDir({
        'events.md': [
          '# Amazon EventBridge',
          '- serverless event bus, rules match events and send them to targets',
          `- targets: SQS, SNS, ${lambda} functions, Step Functions`,
          '- scheduled rules run a target on a cron expression',
          '',
        ].join('\n'),
      });
    const question = 'how do i write a lambda handler in python';
    // The team writes `Lambda` as a name: the question is about AWS Lambda, which the notes lack.
    expect(unknown(tutorFor(notes('Lambda')).answer(question)).notCovered).toEqual(['AWS Lambda']);
    // `lambda` is a rare English word that people meet as a name: the service however the notes write it.
    expect(unknown(tutorFor(notes('lambda')).answer(question)).notCovered).toEqual(['AWS Lambda']);
    expect(
      unknown(tutorFor(notes('lambda')).answer('how does lambda reserved concurrency work')).notCovered,
    ).toEqual(['AWS Lambda']);
  });

  it('takes no capitalised word of a longer name the notes write (`Global Batch`) for a name of its own', () => {
    // Notes on Azure AI write "**Global Batch** = async jobs …": `batch` is no AWS Batch to them.
    const azure = tutorFor(join(FIXTURES_DIR, 'notes', 'azure-ai'));
    expect(azure.answer('azure speach batch transcripton blob').topics[0]?.title).toMatch(/^Azure AI Speech/);
  });
});

describe('terms the notes open bullets with', () => {
  const notes = (area: string) => tutorFor(join(FIXTURES_DIR, 'notes', area));

  it('hold the service names inside them: the `shield` of `**Origin Shield** = …` is no AWS Shield', () => {
    expect(notes('edge-networking').answer('what is origin shield').topics[0]?.title).toMatch(
      /^Amazon CloudFront/,
    );
    expect(notes('containers-platform').answer('what is service connect').topics[0]?.title).toMatch(
      /^Amazon ECS/,
    );
  });

  it('are the everyday word that names a service: `**backups**` of Droplets is no AWS Backup', () => {
    // Droplets' and Managed Databases' bullets both tell of backups: either answers, as a guess.
    const reply = notes('digitalocean').answer('what is backups');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toMatch(/^(Droplets|Managed Databases)/);
  });

  it('do not cover a service through a term named in passing, as `**Front Door WAF**` in a NOT bullet', () => {
    unknown(
      notes('azure-security').answer('how do i write a front door waf custom rule to rate limit POST /login'),
    );
  });
});

describe('a product the notes set against their topics', () => {
  it('is no setting of theirs: `vs DynamoDB: …` bullets leave DynamoDB a service they lack', () => {
    const cosmos = tutorFor(join(FIXTURES_DIR, 'notes', 'cosmosdb'));
    expect(unknown(cosmos.answer('how do global secondary indexes work in dynamodb')).notCovered).toEqual([
      'Amazon DynamoDB',
    ]);
  });

  it('is not taught by a bullet saying the team does without it, though it opens with it', () => {
    // `**Azure Cosmos DB for PostgreSQL** (Citus, …) is also under the brand …, we don't use it`
    const cosmos = tutorFor(join(FIXTURES_DIR, 'notes', 'cosmosdb'));
    const reply = cosmos.answer(
      'how do i distribute a table across worker nodes in azure cosmos db for postgresql',
    );
    expect(unknown(reply).notCovered).toEqual(['Azure Cosmos DB for PostgreSQL']);
  });

  it('knows Pub/Sub Lite apart from the Pub/Sub notes on Google Cloud teach', () => {
    const pubsub = tutorFor(join(FIXTURES_DIR, 'notes', 'pubsub'));
    const reply = pubsub.answer(
      'how many capacity units do i need to reserve for a pub/sub lite topic doing 20 MiB/s',
    );
    expect(unknown(reply).notCovered).toEqual(['Google Cloud Pub/Sub Lite']);
  });

  it('reads `kubernetes` as Kubernetes, which any cloud runs, and a term a bullet opens with written apart as that term', () => {
    // Notes on Airflow name MWAA and Cloud Composer, so Google Kubernetes Engine is a service of theirs.
    const airflow = tutorFor(join(FIXTURES_DIR, 'notes', 'airflow'));
    const reply = airflow.answer(
      'how is the kubernetes pod operator different from just running the kubernetes executor',
    );
    expect(reply.intent).toBe('compare');
    expect(reply.topics.map((topic) => topic.id)).toEqual(['operators-sensors', 'executors']);
    expect(unknown(airflow.answer('what is kubernetes')).notCovered).toEqual(['Kubernetes']);
  });

  it('reads a cloud’s word the notes use in a heading as theirs: `OCI registries` in notes on Helm', () => {
    const helm = tutorFor(join(FIXTURES_DIR, 'notes', 'helm'));
    expect(helm.answer('how do oci registries work').topics[0]?.title).toMatch(
      /^Repositories & OCI registries/,
    );
    const ec2 = tutorFor(join(FIXTURES_DIR, 'notes', 'compute-ec2'));
    expect(unknown(ec2.answer('what is oci data flow')).notCovered).toEqual(['Oracle Cloud Data Flow']);
  });

  it('knows the Jenkins plugins teams ask about that notes on Jenkins leave out', () => {
    const jenkins = tutorFor(join(FIXTURES_DIR, 'notes', 'jenkins'));
    const seed = jenkins.answer('how do i write a job dsl seed job that generates a folder of pipeline jobs');
    expect(unknown(seed).notCovered).toEqual(['Jenkins Job DSL']);
    const roles = jenkins.answer('how do i set up the role-based authorization strategy plugin for one team');
    expect(unknown(roles).notCovered).toEqual(['Role-based Authorization Strategy']);
  });

  it('knows the Google tools around Cloud Storage that notes on it leave out', () => {
    const gcs = tutorFor(join(FIXTURES_DIR, 'notes', 'gcs'));
    const mount = gcs.answer('how do i mount a bucket as a normal folder on my vm with cloud storage fuse');
    expect(unknown(mount).notCovered).toEqual(['Cloud Storage FUSE']);
    const ads = gcs.answer(
      'how do i schedule a daily google ads import with the bigquery data transfer service',
    );
    expect(unknown(ads).notCovered).toEqual(['BigQuery Data Transfer Service']);
  });
});
