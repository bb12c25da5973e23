import { describe, expect, it } from 'vitest';
import { asStatement, readStatement, whichQuestion } from '../../src/quiz/phrasing.js';
import { article, capitalise, Speller, spellOut } from '../../src/quiz/plain-english.js';
import { loadWordClasses } from '../../src/quiz/word-classes.js';
import { loadEnglishWords } from '../../src/understand/english.js';

const classes = loadWordClasses();

/** How a note with no mention of its topic is asked, and shown as an option. */
function asked(note: string): { which: string | null; option: string } {
  const reading = readStatement(note, [], classes);
  if (!reading) throw new Error(`no reading of ${note}`);
  return { which: whichQuestion(reading), option: asStatement(reading) };
}

/** How a note quoted as written is asked: never with "Which of these…", shown as the note. */
const quoted = (note: string) => ({ which: null, option: capitalise(`${note}.`) });

describe('asking a note in plain English', () => {
  it('asks a note that opens with a verb of its unwritten subject', () => {
    expect(asked('Supports RESTful APIs and WebSocket APIs')).toEqual({
      which: 'Which of these supports RESTful APIs and WebSocket APIs?',
      option: 'It supports RESTful APIs and WebSocket APIs.',
    });
    expect(asked('building docker images for your apps').option).toBe(
      'It is for building docker images for your apps.',
    );
    expect(asked('improves read performance and lowers latency for far away users').option).toBe(
      'It improves read performance and lowers latency for far away users.',
    );
    expect(asked('Pools and shares database connections').which).toBe(
      'Which of these pools and shares database connections?',
    );
    expect(asked('Caches most recently used data locally so reads are fast').which).toBe(
      'Which of these caches most recently used data locally so reads are fast?',
    );
  });

  it('quotes a note whose subject is its own first words, never "It has…" or "It stashes…"', () => {
    const notes = [
      'stashes are stored as commits under refs/stash',
      'creating one copies no files, it just writes a tiny ref',
      'savepoints let you roll back part of a txn',
      'measurements = raw sensor data e.g. temperature, rpm',
      'alerts go out by email or to an SNS topic',
      'alerts can call action groups (email, sms, webhook)',
      'sticky sessions (session affinity) keep sending a user to the same backend',
      'TTL policies auto-delete docs after a while',
      'ordering keys keep messages with the same key in order',
      'forwarding rules (conditional forwarding) say which domains go where',
      'built-in HTTPS ingress, custom domains, free managed certificates',
      // A plural whose singular is only ever a noun is no verb: never "It blueprints…", "It queries…".
      'blueprints to ingest data from sources like RDS or on prem databases',
      'queries time out after 30 seconds',
      // A name and a verb the lexicon lacks, in -s of a noun it knows: never "It has Entra Connect syncs…".
      'Entra Connect syncs on-prem AD users to the cloud',
      // A setting's name and its values: never "It is a DeletionPolicy Retain…", "It is stale-while…".
      'DeletionPolicy Retain or Snapshot to keep a db or bucket when the stack is deleted',
      'stale-while-revalidate=N → serve the stale copy for up to N seconds',
      // A singular noun and a verb the lexicon knows as a plural, before its object.
      'bulk loader loads CSV or RDF files from S3 in parallel',
      // A word the lexicon knows only as a verb, before a bare verb and its preposition, is a plural.
      'builds run in docker containers, aws managed images or your own custom image',
      // A plural joined to a noun that is no verb.
      'triggers and workflows to schedule jobs or chain them',
      // A doing and, right after it, a plural of a verb before its object: "It is for clustering sorts…" no more.
      'clustering sorts data by up to 4 columns inside partitions',
      'finding groups bundle related findings and entities into one incident',
    ];
    for (const note of notes) expect(asked(note).option).toBe(`${capitalise(note)}.`);
  });

  it('gives "has" no article before a noun English does not count, and quotes notes that are no description', () => {
    expect(asked('celebrity recognition, text in images').option).toBe(
      'It has celebrity recognition, text in images.',
    );
    expect(asked('query logging of every DNS query').option).toBe('It has query logging of every DNS query.');
    expect(asked('managed DDoS protection built in, Shield Advanced optional').option).toBe(
      'It has managed DDoS protection built in, Shield Advanced optional.',
    );
    expect(asked("google's WAF and DDoS protection at the edge").option).toBe(
      "It has google's WAF and DDoS protection at the edge.",
    );
    expect(asked('mobile device policies e.g. require a pin').option).toBe(
      'It has mobile device policies e.g. require a pin.',
    );
    expect(asked('POST → create a child resource').option).toBe('POST → create a child resource.');
    expect(asked('e.g. GitHub REST API 5000 requests/hour').option).toBe(
      'E.g. GitHub REST API 5000 requests/hour.',
    );
    expect(asked('local simulator in the SDK').option).toBe('It has a local simulator in the SDK.');
    // A compound of an adjective is what it is: a noun after it still counts, not "It has an end-to-end…".
    expect(asked('end-to-end encrypted messaging, voice and video calls').option).toBe(
      'It is end-to-end encrypted messaging, voice and video calls.',
    );
    // A verb and a plural object is advice, whatever follows `so`; a compound noun is a thing it has.
    expect(
      readStatement(
        'plug assessments into CI/CD so a release that breaks resiliency gets caught',
        [],
        classes,
      ),
    ).toEqual({
      shape: 'sentence',
      text: 'plug assessments into CI/CD so a release that breaks resiliency gets caught',
      instruction: true,
    });
    expect(
      asked("flow control with a sliding window so a fast sender doesn't overwhelm a slow one").option,
    ).toBe("It has flow control with a sliding window so a fast sender doesn't overwhelm a slow one.");
    // A name made of a plural is things it has, never "It is durable Functions".
    expect(asked('durable Functions for stateful workflows').option).toBe(
      'It has durable Functions for stateful workflows.',
    );
    // Two things joined by "and" are what it has; "to" between two nouns joins them into one.
    const described: [string, string][] = [
      [
        'OpsCenter and Fleet Manager to view and fix issues',
        'It has OpsCenter and Fleet Manager to view and fix issues.',
      ],
      [
        'PII detection and redaction, e.g. strip names',
        'It has PII detection and redaction, e.g. strip names.',
      ],
      [
        'text to speech (TTS) service, turns text into speech',
        'It is a text to speech (TTS) service, turns text into speech.',
      ],
      ['connectors to index content from S3', 'It has connectors to index content from S3.'],
    ];
    for (const [note, option] of described) expect(asked(note).option).toBe(option);
    // A doing, a limit and an acronym's plural are no names of what it is.
    expect(asked('partitioning by ingestion time').option).not.toMatch(/^It is/);
    expect(asked('max vpn session duration 8 to 24 hours').option).not.toMatch(/^It is/);
    expect(asked('APIs that use bearer tokens are mostly not affected').option).not.toMatch(/^It is/);
    // A list of names, advice and a name with its verb are quoted, never given "It is a" or "It has a".
    expect(asked('200 OK, 201 Created (+ Location header), 202 Accepted, 204 No Content').option).toBe(
      '200 OK, 201 Created (+ Location header), 202 Accepted, 204 No Content.',
    );
    expect(asked('CIS AWS Foundations Benchmark, PCI DSS, NIST SP 800-53').option).not.toMatch(/^It /);
    expect(asked('always set a default and max page size').option).toBe(
      'Always set a default and max page size.',
    );
    expect(asked('ext4 reserves 5% of blocks for root by default').option).toBe(
      'ext4 reserves 5% of blocks for root by default.',
    );
    // A list with a description first is still a description; a name before a bracket is no verb.
    expect(asked('NoSQL document database, used to store, query and index JSON data').option).toBe(
      'It is a NoSQL document database, used to store, query and index JSON data.',
    );
    expect(asked('traffic dial per endpoint group and endpoint weights (0-255)').option).toMatch(/^It /);
    // What it does without, an acronym of no kind of thing and an aside are never "It is a …".
    expect(asked('no internet gateway, NAT device or public IPs needed').option).toBe(
      'No internet gateway, NAT device or public IPs needed.',
    );
    expect(asked('no extra charge for the permissions').option).toBe(
      'It has no extra charge for the permissions.',
    );
    expect(asked('TTL per container or item to auto-delete old docs').option).not.toMatch(/^It is/);
    expect(asked('VPC endpoints (PrivateLink) so builds in a private subnet reach it').option).not.toMatch(
      /^It is/,
    );
    expect(asked('better latency and less jitter for TCP and UDP traffic').option).toBe(
      'It has better latency and less jitter for TCP and UDP traffic.',
    );
    expect(asked('highly available managed DNS, also a domain registrar').option).toMatch(/^It is /);
  });

  it('asks a note opening with a negated verb of its unwritten subject: "doesn\'t…", "can\'t…"', () => {
    expect(asked("doesn't make you compliant or certify anything")).toEqual({
      which: "Which of these doesn't make you compliant or certify anything?",
      option: "It doesn't make you compliant or certify anything.",
    });
    expect(asked("can't scale to zero like Lambda").option).toBe("It can't scale to zero like Lambda.");
  });

  it('asks a description with the article it needs, or with "has" for what a thing has', () => {
    expect(asked('Private Docker registry on AWS').which).toBe(
      'Which of these is a private Docker registry on AWS?',
    );
    expect(asked('low cost object storage meant for archiving').which).toBe(
      'Which of these is low cost object storage meant for archiving?',
    );
    expect(asked('Limited temporary disk space').which).toBe(
      'Which of these has limited temporary disk space?',
    );
    expect(asked('automatic failover to a replica, usually in under 30 seconds').which).toBe(
      'Which of these has automatic failover to a replica, usually in under 30 seconds?',
    );
    expect(asked('up to 15 read replicas with sub 10ms replica lag').option).toBe(
      'It has up to 15 read replicas with sub 10ms replica lag.',
    );
  });

  it('asks a participle or adjective with "is"', () => {
    expect(asked('Used to launch Docker containers on AWS').which).toBe(
      'Which of these is used to launch Docker containers on AWS?',
    );
    expect(asked('Great for people with little cloud experience').which).toBe(
      'Which of these is great for people with little cloud experience?',
    );
    expect(asked('Where you store Docker images').which).toBe(
      'Which of these is where you store Docker images?',
    );
  });

  it('turns what "we" and "you" do into a question to the reader', () => {
    expect(asked('We must create the infrastructure, such as EC2 instances, and provision it').which).toBe(
      'With which of these must you create the infrastructure, such as EC2 instances, and provision it?',
    );
    expect(asked('You do not need to provision the infrastructure').which).toBe(
      "With which of these don't you need to provision the infrastructure?",
    );
  });

  it('quotes a sentence about something else, with no dangling "these"', () => {
    expect(asked('Functions run on-demand')).toEqual({ which: null, option: 'Functions run on-demand.' });
    expect(asked('Containers scale up and down very quickly, in seconds').which).toBeNull();
    expect(asked('These functions are limited by time').option).toBe('Its functions are limited by time.');
    expect(asked('Pricing: pay per request and compute time').which).toBeNull();
  });

  it('reads a note that names its topic as the subject of the question', () => {
    // "Batch is a fully managed…" with "Batch" (token 0) as the topic's name.
    const reading = readStatement(
      'Batch is a fully managed batch processing service',
      [{ topicId: 'batch', from: 0, to: 1 }],
      classes,
    );
    expect(reading && whichQuestion(reading)).toBe(
      'Which of these is a fully managed batch processing service?',
    );
  });

  it('quotes a choice whose first side is plural, and a compound participle, never "It is a … certificates or …"', () => {
    for (const note of [
      'google-managed SSL certificates or Certificate Manager for lots of domains',
      'accelerator-optimized (A2, A3, G2) with GPUs attached',
      'general Purpose (remote storage, budget), Business Critical (local SSD, 3 replicas)',
    ])
      expect(asked(note).option).toBe(`${capitalise(note)}.`);
    expect(asked('carrier partners e.g. Verizon (US), Vodafone (Europe)').option).toBe(
      'It has carrier partners e.g. Verizon (US), Vodafone (Europe).',
    );
    expect(asked('managed Redis or Memcached (in-memory data stores)').option).toBe(
      'It is a managed Redis or Memcached (in-memory data stores).',
    );
  });

  it('never reads a defined term, a compound or a contraction as the topic\'s verb ("It expires = …", "It points-in-time …")', () => {
    for (const note of [
      'expires = old HTTP/1.0 way (absolute date), max-age overrides it',
      'signals = small messages sent to a process',
      'offsets NOT always contiguous → gaps after compaction',
      "let's Encrypt gives free certificates valid for 90 days",
      '`&` runs a cmd in the background, `jobs` lists them',
    ])
      expect(asked(note).option).toBe(`${capitalise(note)}.`);
    expect(asked('point-in-time recovery (PITR) restores a table to any second').option).not.toMatch(/^It/);
    expect(asked('started with HTTP apps only, now also TCP apps').option).toBe(
      'It started with HTTP apps only, now also TCP apps.',
    );
    expect(asked('rely on EBS for disk space').option).toBe('It relies on EBS for disk space.');
    // Steps said to the reader are no verb of the topic's.
    expect(asked('opt in first, enable the zone group in the console')).toEqual({
      which: null,
      option: 'Opt in first, enable the zone group in the console.',
    });
    expect(asked('renamed in 2023, the old flavour is being discontinued').option).toBe(
      'It was renamed in 2023, the old flavour is being discontinued.',
    );
  });

  it('quotes a choice for each need as written, never "It is a VPN Gateway for …, ExpressRoute for …"', () => {
    const note = 'VPN Gateway for site-to-site, ExpressRoute for a private dedicated connection';
    expect(asked(note).option).toBe(`${note}.`);
  });

  it('quotes a note whose name and next word label what follows, never "It servers: …"', () => {
    const note = 'Outposts servers: 1U or 2U boxes for small sites';
    const reading = readStatement(note, [{ topicId: 'outposts', from: 0, to: 1 }], classes);
    expect(reading).toEqual({ shape: 'sentence', text: note });
    expect(reading && whichQuestion(reading)).toBeNull();
    // The name and a plural after it are the subject: "It rules check…" would read wrong.
    // The name and what it means: never "It browsers, CDNs…".
    const defined = 'HTTP caching = browsers, CDNs and proxies keep a copy of a response';
    expect(readStatement(defined, [{ topicId: 'caching', from: 0, to: 2 }], classes)).toEqual({
      shape: 'sentence',
      text: defined,
    });
    const rules = 'Config rules check compliance with managed or custom rules';
    expect(readStatement(rules, [{ topicId: 'config', from: 0, to: 1 }], classes)).toEqual({
      shape: 'sentence',
      text: rules,
    });
  });

  it('asks a name alone, as the notes case it, as something the topic has: never "It is a hyperscale"', () => {
    expect(asked('Hyperscale (up to 128 TB, fast scale, quick backups)')).toEqual({
      which: 'Which of these has Hyperscale (up to 128 TB, fast scale, quick backups)?',
      option: 'It has Hyperscale (up to 128 TB, fast scale, quick backups).',
    });
    expect(asked('TTL per container or item to auto-delete old docs').option).toBe(
      'It has TTL per container or item to auto-delete old docs.',
    );
    // A word in capitals is no adjective: never "It is SMART on FHIR support…".
    const smart = 'SMART on FHIR support so patient apps sign in through your own IdP';
    expect(asked(smart)).toEqual(quoted(smart));
  });

  it('quotes another\'s things and a noun with its verb, never "It has Google Cloud\'s…" or "It has reference tracker flags…"', () => {
    for (const note of [
      "Google Cloud's IaaS virtual machines, a VM is a zonal resource",
      'reference tracker flags suggestions that look like open source training code',
      'config lives in cloudbuild.yaml (or JSON), or just a Dockerfile',
    ]) {
      expect(asked(note), note).toEqual(quoted(note));
    }
    // A name's plural before a preposition is no verb of it: the topic has them.
    expect(asked('automation runbooks (SSM documents in JSON/YAML) e.g. restart an instance').option).toBe(
      'It has automation runbooks (SSM documents in JSON/YAML) e.g. restart an instance.',
    );
  });

  it('quotes a label whose aside makes it long, never "Which of these is for pricing (…): …"', () => {
    const note = 'pricing (Standard, pay as you go): ~$5 per policy/month + $1 per rule/month';
    expect(asked(note)).toEqual(quoted(note));
  });

  it('reads a first word with a verb of its own later as its subject: never "It defaults in MySQL is…"', () => {
    expect(asked('default in MySQL InnoDB is Repeatable Read')).toEqual(
      quoted('default in MySQL InnoDB is Repeatable Read'),
    );
    expect(asked('rely on EBS for storage').option).toBe('It relies on EBS for storage.');
  });

  it('finds the head of a description past a joined participle, and a centre is a kind of thing', () => {
    expect(asked('omnichannel cloud contact center, set up a call center in minutes').option).toBe(
      'It is an omnichannel cloud contact center, set up a call center in minutes.',
    );
    // Never "Which of these has Azure's built-in observability platform…?": quoted as written.
    const platform = "Azure's built-in observability platform, collects metrics + logs from apps";
    expect(asked(platform)).toEqual(quoted(platform));
  });

  it('quotes a condition or term and what it comes to, never "It has a key → …" or "It is for sliding window → …"', () => {
    for (const note of [
      'has a key → hash of the key (murmur2) mod partition count',
      'sliding window (log or counter) → smoother, no edge burst, a bit more memory',
      'checking out a tag → detached HEAD, to fix something start a branch from it',
    ]) {
      expect(asked(note), note).toEqual(quoted(note));
    }
    // A doing may take more words before its arrow: never "It is for changing the RF of…".
    const doing = 'changing the RF of an existing topic → `kafka-reassign-partitions.sh` with a new list';
    expect(asked(doing)).toEqual(quoted(doing));
    // What follows says what happens then: the topic is the subject still.
    expect(asked("doesn't add nodes → new pods stay Pending if the cluster is full").option).toBe(
      "It doesn't add nodes → new pods stay Pending if the cluster is full.",
    );
    expect(asked('enforced by the browser only → curl and server calls ignore it').option).toBe(
      'It is enforced by the browser only → curl and server calls ignore it.',
    );
    expect(asked('NOT for long-term storage → easy to forget what is in there').option).toBe(
      'It is NOT for long-term storage → easy to forget what is in there.',
    );
  });

  it('reads a bold term a note opens with as a thing, never as the topic doing it', () => {
    const withTerm = (note: string, term: string) => {
      const reading = readStatement(note, [], classes, [term]);
      if (!reading) throw new Error(`no reading of ${note}`);
      return { which: whichQuestion(reading), option: asStatement(reading) };
    };
    const ordering = 'ordering keys if you need messages with the same key delivered in order';
    expect(withTerm(ordering, 'ordering keys')).toEqual({
      which: 'Which of these has ordering keys if you need messages with the same key delivered in order?',
      option: 'It has ordering keys if you need messages with the same key delivered in order.',
    });
    const projects = 'projects group people and the assets they own or use';
    expect(withTerm(projects, 'projects')).toEqual(quoted(projects));
    // Without the bold, the same words still read as the topic's doing.
    expect(asked(ordering).option).toBe(`It is for ${ordering}.`);
    expect(withTerm('supports RESTful APIs', 'RESTful APIs').option).toBe('It supports RESTful APIs.');
  });
});

describe('plain English from shorthand', () => {
  it('spells out chat shorthand and clause-initial "its", keeping the case', () => {
    expect(spellOut('downside: u cant SSH into ur instances')).toBe(
      "downside: you can't SSH into your instances",
    );
    expect(spellOut('its a set of storage classes, but its not for data u read often')).toBe(
      "it's a set of storage classes, but it's not for data you read often",
    );
    expect(spellOut('instance store loses its data')).toBe('instance store loses its data');
    expect(spellOut("TCP states u'll see: LISTEN, ESTAB")).toBe("TCP states you'll see: LISTEN, ESTAB");
    expect(spellOut('once u’re in, u’ve got a shell')).toBe('once you’re in, you’ve got a shell');
    expect(spellOut('Low & predictable pricing, eg. Lightsail')).toBe(
      'Low and predictable pricing, e.g. Lightsail',
    );
    expect(spellOut('managed DB service, R is a language')).toBe('managed database service, R is a language');
    expect(spellOut("a % of the db's max_connections")).toBe("a % of the database's max_connections");
  });

  it('spaces a bracket after a name but not inside one: ec2 (managed by aws), HTTP(S), COUNT(*)', () => {
    expect(spellOut('relies on ec2(managed by aws)')).toBe('relies on ec2 (managed by aws)');
    expect(spellOut('Reserved Instances(RI)')).toBe('Reserved Instances (RI)');
    expect(spellOut('HTTP(S) endpoints and COUNT(*) and grantRead(fn)')).toBe(
      'HTTP(S) endpoints and COUNT(*) and grantRead(fn)',
    );
  });

  it('quotes code as written: a flag is no shorthand', () => {
    expect(spellOut('list: `git branch` (local), `-r` (remote-tracking) & u can filter')).toBe(
      'list: `git branch` (local), `-r` (remote-tracking) and you can filter',
    );
    expect(spellOut('`u` r a flag')).toBe('`u` are a flag');
  });

  it('corrects a typo to the one word the notes or the dictionary know, never a name', () => {
    const speller = new Speller(
      loadEnglishWords(),
      new Map([
        ['docker', 9],
        ['docher', 1],
        ['stateful', 2],
        ['recognition', 3],
        ['rekognition', 2],
      ]),
      { tradeWords: new Set(['backend', 'systemd']), names: new Set(['docker']) },
    );
    expect(spellOut('Private Docher registry', speller)).toBe('Private Docker registry');
    expect(spellOut('grows automaticaly', speller)).toBe('grows automatically');
    expect(spellOut('security groups are stateful', speller)).toBe('security groups are stateful');
    expect(spellOut('Valkey supported', speller)).toBe('Valkey supported');
    expect(spellOut('usefull for caching', speller)).toBe('useful for caching');
    // Part of a setting or a name joined up with others is as written.
    expect(spellOut('eviction policy eg. allkeys-lru', speller)).toBe('eviction policy e.g. allkeys-lru');
    expect(spellOut('it grows automaticaly.', speller)).toBe('it grows automatically.');
  });

  it("leaves a word be when it is the trade's, a name, another ending of a word, or differs in its first letter", () => {
    const speller = new Speller(
      loadEnglishWords(),
      new Map([
        ['backends', 5],
        ['backend', 2],
        ['setuid', 1],
        ['setgid', 1],
        ['recognition', 3],
        ['rekognition', 1],
      ]),
      { tradeWords: new Set(['backend', 'systemd']) },
    );
    for (const note of [
      'protects the backend',
      'health checks ping each backends',
      'systemd starts services',
      'preinstalled on the image',
      'setuid and setgid bits',
      'Rekognition finds faces',
      'a rebased branch',
    ])
      expect(spellOut(note, speller)).toBe(note);
  });

  it('capitalises a sentence but not a blank, a figure or a name cased its own way', () => {
    expect(capitalise('max size is 400KB')).toBe('Max size is 400KB');
    expect(capitalise('___ is a platform')).toBe('___ is a platform');
    expect(capitalise('gp2 / gp3')).toBe('gp2 / gp3');
    expect(capitalise('openCypher')).toBe('openCypher');
    expect(capitalise('max.block.ms default 60000')).toBe('max.block.ms default 60000');
    expect(capitalise('cleanup_policy')).toBe('cleanup_policy');
    expect(capitalise('e.g. GitHub')).toBe('E.g. GitHub');
  });

  it('chooses a or an by sound', () => {
    expect(article('EBS volume')).toBe('an');
    expect(article('user')).toBe('a');
    expect(article('open source system')).toBe('an');
    expect(article('private registry')).toBe('a');
  });

  it('says an acronym read as a word by its sound, one spelt out by its first letter', () => {
    expect(article('HIPAA eligible service')).toBe('a');
    expect(article('SAML assertion')).toBe('a');
    expect(article('FIFO queue')).toBe('a');
    expect(article('NACL deny rule')).toBe('a');
    expect(article('HTTP API')).toBe('an');
    expect(article('LDAP directory')).toBe('an');
    expect(article('MQTT broker')).toBe('an');
    expect(article('SNS topic')).toBe('an');
    expect(article('RDBMS')).toBe('an');
  });
});
