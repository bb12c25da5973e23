import { describe, expect, it } from 'vitest';
import {
  askedAnswerTypes,
  askedOutright,
  heldAnswerTypes,
  labelledAnswerType,
} from '../../src/tutor/answer-types.js';
import type { ExplainReply } from '../../src/tutor/reply.js';
import { type NotesFiles, notesDir } from '../helpers/notes-dir.js';
import { tutorFor } from '../helpers/tutor.js';

const tokens = (question: string) =>
  question
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The first leading fact of the answer to a question on these notes. */
function leadOn(notes: NotesFiles, question: string): string {
  const reply = tutorFor(notesDir(notes)).answer(question) as ExplainReply;
  expect(reply.intent).toBe('explain');
  return reply.lead[0]?.text ?? '';
}

describe('the kind of answer a question asks for', () => {
  it('reads it from `how` and the word after it, and from words that ask for one anywhere', () => {
    expect([...askedAnswerTypes(tokens('how far back does the history go'))]).toEqual(['duration']);
    expect([...askedAnswerTypes(tokens('how often are snapshots taken'))]).toEqual(['frequency']);
    expect([...askedAnswerTypes(tokens('how many replicas can one cluster have'))]).toEqual(['quantity']);
    expect([...askedAnswerTypes(tokens('how much data can one table hold'))]).toEqual(['quantity']);
    expect([...askedAnswerTypes(tokens('how much does the accelerator set me back'))]).toEqual(['price']);
    expect([...askedAnswerTypes(tokens('how much is a dedicated host'))]).toEqual(['price']);
    expect([...askedAnswerTypes(tokens('who ends up footing the bill'))]).toEqual(['price']);
    expect([...askedAnswerTypes(tokens('is it good for long running jobs'))]).toEqual(['duration']);
    expect([...askedAnswerTypes(tokens('whats the longest an experiment may run'))]).toEqual(['duration']);
    expect([...askedAnswerTypes(tokens('the largest file it takes'))]).toEqual(['quantity']);
    expect([...askedAnswerTypes(tokens('whats the ceiling on connections'))]).toEqual(['quantity']);
    expect([...askedAnswerTypes(tokens('how quick does it notice a spike'))]).toEqual(['duration']);
    expect([...askedAnswerTypes(tokens('how fast do alerts go out'))]).toEqual(['duration']);
    expect([...askedAnswerTypes(tokens('whats the most pods a node can hold'))]).toEqual(['quantity']);
    expect([...askedAnswerTypes(tokens('we can lose at most a second of data'))]).toEqual(['quantity']);
    expect(askedAnswerTypes(tokens('which voice sounds the most human')).size).toBe(0);
    expect(askedAnswerTypes(tokens('how does replication work')).size).toBe(0);
    expect(askedAnswerTypes(tokens('is there a long list of regions')).size).toBe(0);
    expect(askedAnswerTypes(tokens('what is a replica')).size).toBe(0);
  });

  it('reads a question about when a service or feature comes or goes', () => {
    expect([...askedAnswerTypes(tokens('when is vault mail going away exactly'))]).toEqual(['lifecycle']);
    expect([...askedAnswerTypes(tokens('is the old console deprecated'))]).toEqual(['lifecycle']);
    expect([...askedAnswerTypes(tokens('can new customers still sign up'))]).toEqual(['lifecycle']);
    expect([...askedAnswerTypes(tokens('is the ledger db still usable'))]).toEqual(['lifecycle']);
    expect([...askedAnswerTypes(tokens('is the old queue service being shut down'))]).toEqual(['lifecycle']);
    expect([...askedAnswerTypes(tokens('will the classic console be shut down'))]).toEqual(['lifecycle']);
    // Data that goes away, and an instance one shuts down, are not the service's end.
    expect(askedAnswerTypes(tokens('does my data go away when the instance stops')).size).toBe(0);
    expect(askedAnswerTypes(tokens('can i shut down my instances at night')).size).toBe(0);
  });

  it('tells which kinds of answer a fact holds', () => {
    expect(heldAnswerTypes('keeps the last 13 months of data')).toEqual(
      new Set(['duration', 'frequency', 'quantity']),
    );
    expect(heldAnswerTypes('runs daily at midnight')).toEqual(new Set(['frequency']));
    expect(heldAnswerTypes('up to 15 read replicas')).toEqual(new Set(['quantity']));
    expect(heldAnswerTypes('pricing: per GB stored, $0.02')).toEqual(new Set(['price', 'quantity']));
    expect(heldAnswerTypes('these functions r limited by time, for short executions')).toEqual(
      new Set(['duration']),
    );
    // How long something takes, said without a number.
    expect(heldAnswerTypes('runs after the data is processed, so its not real time')).toEqual(
      new Set(['duration']),
    );
    expect(heldAnswerTypes('expect a delay before new files show up')).toEqual(new Set(['duration']));
    expect(heldAnswerTypes('replicas r read only').size).toBe(0);
  });

  it('tells a fact that dates a service or feature, or says it is going', () => {
    expect(heldAnswerTypes('end of support March 31, 2027, then the console is gone')).toContain('lifecycle');
    expect(heldAnswerTypes('closed to new customers since nov 7 2025')).toContain('lifecycle');
    expect(heldAnswerTypes('the v1 API is deprecated, move to v2')).toContain('lifecycle');
    expect(heldAnswerTypes('keeps 2024 versions of each object')).not.toContain('lifecycle');
    expect(heldAnswerTypes('the marketing team owns 2025 budgets')).not.toContain('lifecycle');
  });
});

describe('facts that hold the kind of answer asked for', () => {
  const notes = {
    'search.md': [
      '# Amazon Vault Search',
      '- search engine for the documents in ur vault, results ranked by relevance',
      '- the index is rebuilt from the vault every night so search results trail new documents',
      '- history of every query is kept for 90 days, then deleted',
      '- pricing: per search unit hour, the first 750 hours each month are free',
      '- queries can filter on tags, authors & document type',
      '- the classic search page reaches end of support June 30, 2027, move saved searches to the new one',
      '',
    ].join('\n'),
  };
  const leadOf = (question: string) => leadOn(notes, question);

  it('lead the answer when the question shares no word with them', () => {
    expect(leadOf('how far back can vault search look at old queries')).toMatch(/90 days/);
    expect(leadOf('vault search: who pays, and is there an allowance')).toMatch(/^pricing/);
  });

  it('lead an answer asking when something goes away', () => {
    expect(leadOf('when is a bit of vault search going away')).toMatch(/end of support/);
  });

  it('do not outrank a fact that says what was asked', () => {
    expect(leadOf('how long until a new document shows up in vault search results')).toMatch(/rebuilt/);
  });
});

describe('a remedy: what keeps a threat or a failure away', () => {
  const notes = {
    'attacks.md': [
      '# Clickjacking (framing attacks)',
      '- an evil page loads ur site in an invisible iframe & tricks users into clicking buttons on it',
      '- works on any page that lets itself be framed by another origin',
      '- a frame-busting script alone is weak protection, old browsers & sandboxed frames skip it',
      '- defences:',
      '  > **frame-ancestors** in the Content-Security-Policy header',
      '  > **X-Frame-Options**: DENY or SAMEORIGIN for older browsers',
      '',
    ].join('\n'),
  };

  it('is asked for by how to stop, prevent or protect against something, or by its name', () => {
    expect([...askedAnswerTypes(tokens('how do i protect against csrf'))]).toEqual(['remedy']);
    expect([...askedAnswerTypes(tokens('how to stop sqli in a node app'))]).toEqual(['remedy']);
    expect([...askedAnswerTypes(tokens('whats the usual mitigation for xss'))]).toEqual(['remedy']);
    expect([...askedAnswerTypes(tokens('how does a stop hook work'))]).toEqual([]);
    expect([...askedAnswerTypes(tokens('how do i stop the instance'))]).toEqual([]);
    expect([...askedAnswerTypes(tokens('how do i stop ppl from passing garbage in'))]).toEqual(['remedy']);
  });

  it('is held by a fact the notes label or word as one', () => {
    expect(labelledAnswerType({ text: 'defences:', subPoints: [], keyTerms: [], line: 1 })).toBe('remedy');
    expect(
      labelledAnswerType({ text: 'fix: prepared statements', subPoints: [], keyTerms: [], line: 1 }),
    ).toBe('remedy');
    expect([...heldAnswerTypes('main fix: prepared statements, input is always data')]).toEqual(['remedy']);
    expect([...heldAnswerTypes('rotating keys prevents reuse of a leaked one')]).toEqual(['remedy']);
  });

  it('leads the answer over a fact that only says the word asked', () => {
    expect(leadOn(notes, 'how do i protect against clickjacking')).toBe('defences:');
  });
});

describe('a fact labelled for the kind of answer asked for', () => {
  const fact = (text: string) => ({ text, subPoints: [], keyTerms: [], line: 1 });

  it('is one opening with a label that names a kind of answer', () => {
    expect(labelledAnswerType(fact('pricing: per minute of antenna time'))).toBe('price');
    expect(labelledAnswerType(fact('pricing QPUs: per task fee + per shot fee'))).toBe('price');
    expect(labelledAnswerType(fact('quota: 10 vpn connections per VGW by default'))).toBe('quantity');
    expect(labelledAnswerType(fact('limits: 1,000 instances per service'))).toBe('quantity');
    expect(labelledAnswerType(fact('retention: 7 days, up to 35'))).toBe('duration');
    expect(labelledAnswerType(fact('cost tracker in the SDK: spending limits per device'))).toBe('price');
    expect(labelledAnswerType(fact('use cases: ETL, reports'))).toBeUndefined();
    expect(labelledAnswerType(fact('the console is free, the API costs $0.01 per request'))).toBeUndefined();
  });

  it('is asked for outright by cost, fee, pay or a limit, not by a bill or something cheap the question tells of', () => {
    expect([...askedOutright(tokens('roughly what does it cost each time i run a task'))]).toEqual(['price']);
    expect([...askedOutright(tokens('do we pay around the clock'))]).toEqual(['price']);
    expect([...askedOutright(tokens('whats the ceiling on links per gateway'))]).toEqual(['quantity']);
    expect(askedOutright(tokens('the bill is huge, can workers run on cheap spare capacity')).size).toBe(0);
    expect(askedOutright(tokens('what do we get for free against floods')).size).toBe(0);
    expect([...askedAnswerTypes(tokens('what do we get for free against floods'))]).toEqual(['price']);
  });

  const notes = {
    'station.md': [
      '# Amazon Sky Link',
      '- book contacts = time windows when ur satellite passes over an antenna',
      '- cost tracker shows what each contact used, handy for chargeback',
      '- spare antennas at a discount: cheap contacts that may be moved at short notice',
      '- pricing: per minute of antenna time, cheaper reserved minutes w/ a monthly commitment',
      '',
    ].join('\n'),
  };
  const leadOf = (question: string) => leadOn(notes, question);

  it('leads an answer asking its kind outright over a fact that only mentions it', () => {
    expect(leadOf('roughly what does sky link cost')).toMatch(/^pricing/);
    expect(leadOf('do we pay sky link around the clock')).toMatch(/^pricing/);
  });

  it('does not lead one whose price words tell of the setting', () => {
    expect(leadOf('the sky link bill is huge, can our contacts run on cheap spare antennas')).toMatch(
      /^spare antennas/,
    );
  });
});

describe('a topic named with a word that asks for a kind of answer', () => {
  const notes = {
    'costs.md': [
      '# Amazon Cost Lens',
      '- graphs of ur spend over time, grouped by service, account or tag',
      '- forecast: predicts what ur bill will be from past usage',
      '- shows the last 13 months of usage by default',
      '- the console is free, the API costs $0.01 per request',
      '',
    ].join('\n'),
  };

  it('is named, not asked for its price: `cost` of Cost Lens asks for no price', () => {
    const reply = tutorFor(notesDir(notes)).answer('how far back can cost lens go') as ExplainReply;
    expect(reply.lead[0]?.text).toMatch(/13 months/);
  });
});

describe('a default: what holds when nobody sets anything', () => {
  const notes = {
    'remote.md': [
      '# Shellgate (remote login daemon)',
      '- Shellgate = encrypted remote login & command execution for servers',
      '- `sg -p 4000 host` to reach a server on another port, `-i key` picks an identity file',
      '- the daemon listens on 2022/tcp by default',
      '- port forwarding: `-L` sends a local port to a remote one thru the tunnel',
      '- idle sessions get dropped by firewalls, `KeepAlive 60` keeps them open',
      '',
    ].join('\n'),
  };

  it('is asked for by saying nobody changed or set anything', () => {
    expect([...askedAnswerTypes(tokens('which port if nobody changed anything'))]).toEqual(['default']);
    expect([...askedAnswerTypes(tokens('how does it pick one if i dont set one'))]).toEqual(['default']);
    expect([...askedAnswerTypes(tokens('what do i get out of the box'))]).toEqual(['default']);
    expect(askedAnswerTypes(tokens('what changed in the new port')).size).toBe(0);
    expect([...heldAnswerTypes('sampling defaults to 1%')]).toContain('default');
  });

  it('leads the answer over facts that share more of the question’s words', () => {
    expect(leadOn(notes, 'which port does shellgate use if nobody changed anything')).toMatch(/by default/);
  });
});
