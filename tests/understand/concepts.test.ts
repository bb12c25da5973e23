import { describe, expect, it } from 'vitest';
import { stem, words } from '../../src/knowledge/text.js';
import { ConceptLexicon } from '../../src/understand/concepts.js';
import conceptData from '../../src/understand/data/cloud-concepts.json' with { type: 'json' };
import { NEGATIONS, STOPWORDS } from '../../src/understand/stopwords.js';
import { loadSpellings } from '../../src/understand/synonyms.js';

const lexicon = new ConceptLexicon();

/** Every word the lexicon adds to a question. */
function meaningsOf(question: string): Set<string> {
  return new Set(lexicon.match(words(question)).flatMap((match) => match.means));
}

describe('ConceptLexicon on the shipped cloud-concept data', () => {
  it.each([
    ['put something between the two services so one can be slow', ['queue', 'decouple', 'buffer']],
    ['serve our images from somewhere closer to users in asia', ['edge', 'latency', 'cache']],
    ["text the on-call engineer's phone when it breaks", ['sms', 'alarm', 'notification']],
    ['show our product pages in german and japanese', ['language', 'translation']],
    ["someone keeps sending '; drop table' at our login form", ['injection', 'sql', 'attack']],
    ['people keep trying tricks at our login form', ['attack', 'firewall']],
    ["i don't want to bake keys into the server", ['role', 'temporary', 'credential']],
    ['we need short lived credentials for the app', ['temporary', 'assume']],
    ['how do we stop babysitting brokers', ['managed', 'broker']],
    ['keep the last week of events so we can replay them', ['retention', 'replay']],
    ['someone accidentally deleted a file, can i get it back', ['versioning', 'restore']],
    ['files are rarely read but must be kept for seven years', ['archive', 'retention']],
    ['what happens if the primary database crashes', ['failover', 'standby']],
    ['adding a vhost for a second domain', ['virtual', 'host']],
    ['our functions open too many connections to postgres', ['pool', 'connection', 'relational']],
    ['connect the office to our cloud network over an encrypted tunnel', ['vpn', 'site']],
    ['cheapest capacity even if it can be interrupted', ['spot']],
    ['can we get an alert when spending spikes', ['budget', 'billing']],
    ['turn the clickstream into parquet files', ['stream', 'parquet', 'columnar']],
    ['deploy automatically on every commit', ['pipeline', 'build']],
    ['who deleted the bucket yesterday', ['audit', 'trail']],
    ['lift and shift our vmware servers', ['migration', 'vmware']],
    ['run this job every night at midnight', ['schedule', 'cron']],
    ['the same message got processed twice', ['duplicate', 'idempotent']],
    ['send one event to several services', ['fan', 'subscribe']],
    ['bought the wrong plan, can i get my money back', ['refund', 'cancel']],
    ['is there a flat rate if we use it all day', ['unmetered', 'predictable']],
    ['grab stills out of the camera feed every minute', ['image', 'frame']],
    ['can i get pinged before we run out', ['alarm', 'notification']],
    ['how do i use kubectl to list pods', ['kubernetes', 'cluster']],
    ['can we train a model on our sales history', ['machine', 'learning']],
    ['made the cert in eu-west-1 but need it in us-east-1', ['region']],
    ['get to our vpcs in frankfurt and tokyo', ['region']],
    ['one leased line from our dc', ['premises', 'dedicated']],
    ['who foots the bill when two companies work together', ['pay', 'cost']],
    ['how many can one service hold before we hit a wall', ['limit', 'quota']],
    ['is it scrambled on the wire out of the box', ['encryption', 'transit', 'default']],
    ['flag callers who sound angry and blank out card digits', ['sentiment', 'redact']],
    ['someone from qa has to sign off before prod', ['approval', 'manual']],
    ['people post nsfw pictures on our forum', ['moderation', 'unsafe']],
    ['will they peek at the prompts we send', ['train', 'used']],
    ['if the main node croaks can the spare one serve reads', ['failover', 'standby']],
    ['text people a 6 digit login code', ['otp', 'passwords']],
    ['keep copying new inserts and updates until we flip over', ['cdc', 'ongoing']],
    ['tack a legal footer onto every email', ['disclaimer']],
    ['someone clicked around in the console and changed stuff by hand', ['drift']],
    ['can it undo a bad release', ['rollback']],
    ['two instances need to attach the same block device', ['multi', 'attach']],
    ['a cache that uses every cpu core', ['multithreaded']],
    ['40 accounts and 40 separate invoices', ['consolidated', 'billing']],
    ['half our vms barely do anything', ['rightsizing', 'idle']],
    ['run the model right on the box beside the conveyor', ['edge', 'local']],
    ['the colo wants some paperwork first', ['letter', 'authorization']],
    ['someone fat-fingered a delete, can we rewind the table', ['restore', 'point']],
    ['how much bandwidth can it chew through', ['throughput']],
    ['realtime chat between browsers and our backend', ['websocket', 'real']],
    ['ship my python app so it behaves identically on every machine', ['container', 'package']],
    ['it works on my machine but breaks in prod', ['container', 'image']],
  ])('"%s" means %j', (question, expected) => {
    const meanings = meaningsOf(question);
    for (const meaning of expected) expect(meanings, `${question} -> ${meaning}`).toContain(meaning);
  });

  it("attaches a phrase's meaning to its last word", () => {
    const tokens = words('can we put something between them');
    const match = lexicon.match(tokens).find((found) => found.means.includes('decouple'));
    expect(match).toMatchObject({ start: 2, position: 4 });
    expect(tokens.slice(match?.start, (match?.position ?? 0) + 1)).toEqual(['put', 'something', 'between']);
  });

  it('reads back-and-forths as round trips, and an ordinal in digits as the word', () => {
    expect(meaningsOf('how many back-and-forths does the handshake take')).toContain('round');
    const spellings = loadSpellings();
    expect(spellings.get(stem('2nd'))).toContain(stem('second'));
    expect(spellings.get(stem('second'))).toContain(stem('2nd'));
  });

  it('reads the words of a phrase together only: the box of "out of the box" is no server', () => {
    const found = meaningsOf('how many replicas does it keep out of the box');
    expect(found).toContain('default');
    expect(found).not.toContain('server');
  });

  it('spans a pattern from its earliest to its last matched word, in either order', () => {
    const tokens = words('the database is down');
    const match = lexicon.match(tokens).find((found) => found.means.includes('failover'));
    expect(match).toMatchObject({ start: 1, position: 3 });
  });

  it('finds a phrase with a small word or a number inside it, but not with a word that says something', () => {
    const tokens = words('can amazon mail us a box to copy our data onto');
    const box = lexicon.match(tokens).find((found) => found.means.includes('offline'));
    expect(tokens.slice(box?.start, (box?.position ?? 0) + 1)).toEqual(['mail', 'us', 'a', 'box']);
    // `portfolio site` is a phrase; `portfolio wordpress site` says more than it.
    const site = lexicon.match(words('a portfolio wordpress site'));
    expect(site.map((found) => found.start)).toEqual([2]);
  });

  it('reads a phrase in a pattern as a whole: an outage "goes down", a query only slows down', () => {
    expect(meaningsOf('what if the primary db goes down')).toContain('failover');
    expect(meaningsOf('reporting queries slow down our main db')).not.toContain('failover');
  });

  it('reads a TTL as how long data is kept, not as `time` or `live` on their own', () => {
    const found = meaningsOf('is there a ttl on kafka messages');
    expect(found).toContain('retention');
    expect(found).toContain('expire');
    expect(found).not.toContain('live');
  });

  it('reads getting rid of something as deleting it, swapping one out as replacing it, and a host that dies as a failure', () => {
    expect(meaningsOf("can i get rid of a tag that's already on the server")).toContain('delete');
    expect(meaningsOf('if the physical host dies, what happens to my files')).toContain('fail');
    expect(meaningsOf('the database primary went down at 3am')).toContain('failure');
    expect(meaningsOf('who swaps out a dead server')).toContain('replace');
  });

  it('reads a freshly signed-up account as a new one, with its sandbox and default limits', () => {
    const fresh = meaningsOf('can i email anyone right after i sign up');
    expect([...fresh]).toEqual(expect.arrayContaining(['new', 'account', 'sandbox']));
    expect(meaningsOf("it's a brand new account")).toContain('sandbox');
    expect(meaningsOf('let app users sign up with google')).not.toContain('sandbox');
  });

  it('reads a schedule in its words’ order: "every 15 minutes", "once a day", not "a weekend … each file"', () => {
    expect(meaningsOf('ping the partner api every 15 minutes')).toContain('cron');
    expect(meaningsOf('rebuild the report once a day')).toContain('schedule');
    expect(meaningsOf('hit our login page every few minutes')).toContain('schedule');
    expect(meaningsOf('no giant copy weekend, ideally each file comes across by itself')).not.toContain(
      'cron',
    );
  });

  it('reads wanting data back as it was as a restore to a point in time', () => {
    expect(meaningsOf('can we get the data back to how it was right before that')).toContain('restore');
    expect(meaningsOf('undo a bad delete on the orders table')).toContain('recovery');
    expect(meaningsOf('how was it before the outage')).not.toContain('restore');
  });

  it('reads a broadcast to those who opted in, and who is online, in the notes’ words', () => {
    const broadcast = meaningsOf('blast a breaking news alert to everybody who opted into sports');
    expect([...broadcast]).toEqual(expect.arrayContaining(['broadcast', 'subscribe', 'topic']));
    expect(meaningsOf('little green dots showing which friends are online')).toContain('presence');
  });

  it('reads a project left alone for a while as inactive', () => {
    expect(meaningsOf('it stopped answering after i went on vacation for two weeks')).toContain('inactivity');
    expect(meaningsOf('the staging db sat unused for a month')).toContain('paused');
  });

  it('reads where visitors are, forgiving typos, suggesting as people type and a cheaper place for old data', () => {
    expect(meaningsOf("we can't serve visitors from a couple of countries")).toContain('geolocation');
    expect(meaningsOf('make the search box forgive spelling mistakes')).toContain('fuzzy');
    expect(meaningsOf('suggest product names as they type the first few letters')).toContain('autocomplete');
    expect(meaningsOf('shove the old stuff somewhere cheaper')).toContain('archive');
  });

  it('reads security and data-flow needs told in everyday words', () => {
    expect(meaningsOf('make all of their data unreadable right away')).toContain('key');
    expect(meaningsOf('can we see what would get stopped before actually stopping it')).toContain('dry');
    expect(meaningsOf('people keep trying to sneak database commands into the search box')).toContain(
      'injection',
    );
    expect(meaningsOf('somebody is using our vm to mine bitcoin')).toContain('miner');
    expect(meaningsOf('a contractor should lose access on their own after a month')).toContain('expire');
    expect(meaningsOf('someone made a bucket public by accident')).toContain('misconfiguration');
    expect(meaningsOf('if step 4 blows up we have to undo the earlier ones')).toContain('compensating');
    expect(meaningsOf('now it is fixed, can we push everything through again')).toContain('replay');
    expect(meaningsOf('a tiny lambda in the middle that only shuffles data around')).toContain('glue');
    expect(meaningsOf('clusters should turn themselves off when nobody uses them')).toContain('idle');
    expect(meaningsOf('trace back which upstream tables fed into it')).toContain('lineage');
    expect(
      meaningsOf('people still get the old stylesheet, how do i force those copies to refresh'),
    ).toContain('invalidation');
    expect(meaningsOf('the client always gets a 504 after roughly half a minute')).toContain('timeout');
    expect(meaningsOf('send each person to whichever region answers fastest')).toContain('latency');
    expect(meaningsOf('six little services all under one domain')).toContain('path');
    expect(meaningsOf('can only the internal traffic go through the vpn from home')).toContain('split');
    expect(meaningsOf('we pay a fortune for an old mpls network linking our offices')).toContain('backbone');
  });

  it('fires negated patterns only after a nearby negation', () => {
    expect(meaningsOf("we don't want to patch servers")).toContain('serverless');
    expect(meaningsOf('we want to patch servers')).not.toContain('serverless');
    expect(meaningsOf('no, once the nightly job is done we patch servers')).not.toContain('serverless');
    expect(meaningsOf("i don't want to store keys on the instance")).toContain('assume');
    expect(meaningsOf('where should we store the keys')).not.toContain('assume');
  });

  it('fires affirmed patterns only where no negation reaches: servers to patch, or none', () => {
    expect(meaningsOf('which service runs them on vms we patch and size ourselves')).toContain('instance');
    const none = meaningsOf('no wish to patch or size any vms');
    expect(none).toContain('serverless');
    expect(none).not.toContain('instance');
  });

  it.each([
    'thanks that helped',
    'what a nice day',
    'good morning',
    'ok cool',
    'can you give me an example',
    "what's the difference between ecs and eks",
  ])('finds nothing in chit-chat and plain questions: "%s"', (question) => {
    expect(lexicon.match(words(question))).toEqual([]);
  });

  it('does not read common words as cloud ideas', () => {
    expect(meaningsOf('in order to save money')).not.toContain('fifo');
    expect(meaningsOf('is the pricing predictable')).not.toContain('inference');
    expect(meaningsOf('is it related to that')).not.toContain('relational');
    expect(meaningsOf('what is the free tier')).not.toContain('lifecycle');
    // A device that reads something is no stream of records: video streaming topics are not its.
    expect(meaningsOf('forward every sensor reading into a table')).not.toContain('stream');
    expect(meaningsOf('our iot gadgets report their battery level')).not.toContain('shard');
  });
});

describe('cloud-concepts.json', () => {
  const phraseStems = conceptData.phrases.flatMap((entry) =>
    entry.phrases.map((phrase) => ({ phrase, stems: words(phrase).map(stem) })),
  );

  it('gives every phrase a word that is not a stopword, for its meaning to attach to', () => {
    const bare = phraseStems.filter(
      ({ phrase }) => !words(phrase).some((word) => !STOPWORDS.has(word) && !NEGATIONS.has(word)),
    );
    expect(bare.map(({ phrase }) => phrase)).toEqual([]);
  });

  it('lists each phrase in one entry only, so none is shadowed by another meaning', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const { phrase, stems } of phraseStems) {
      const key = stems.join(' ');
      const earlier = seen.get(key);
      if (earlier !== undefined) clashes.push(`${earlier} / ${phrase}`);
      seen.set(key, phrase);
    }
    expect(clashes).toEqual([]);
  });

  it('writes every meaning as one lowercase word, as the notes are indexed', () => {
    const meanings = [...conceptData.phrases, ...conceptData.with].flatMap((entry) => entry.means);
    expect(meanings.filter((meaning) => words(meaning).join(' ') !== meaning)).toEqual([]);
  });

  it('covers every area with a few hundred entries', () => {
    expect(conceptData.phrases.length + conceptData.with.length).toBeGreaterThanOrEqual(250);
  });
});
