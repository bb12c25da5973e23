import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import type { CompareReply, ExplainReply } from '../../src/tutor/reply.js';
import { Understanding } from '../../src/understand/understanding.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

const NOTES = {
  'api.md': [
    '# HTTP caching (Cache-Control & conditional requests)',
    '- **Cache-Control** response header sets the rules',
    '  > **private** → only the browser may cache; **public** → shared caches too',
    '- **ETag** = a fingerprint of the response body, sent back in **If-None-Match**',
    '- a matching ETag gets **304 Not Modified** w/ no body',
    '',
    '# API versioning (breaking changes)',
    '- version in the url path eg. /v2/orders, or in a **header**',
    '- never break clients: add fields, dont rename or remove them',
    '- an ETag is no api version, it changes w/ every edit of one resource',
    '',
    '# HTTP methods (idempotency & safety)',
    '- **GET** & HEAD r safe, they change nothing on the server',
    '- PUT & DELETE r **idempotent**: sending one twice = sending it once',
    '- POST is not idempotent → clients send an **idempotency key** so a retry is not a second order',
    '',
    '# Webhooks (event callbacks over HTTP)',
    '- the provider POSTs each event to ur url, signed w/ a shared secret',
    '- retries on failure, so the same event can arrive twice → dedupe by **event id**',
    '',
  ].join('\n'),
};

const keyTermsOf = (dir: string) => new Understanding(loadKnowledgeDir(dir).knowledge).keyTerms;
const tokens = (question: string) =>
  question
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

describe('key terms: the bold terms one topic alone holds', () => {
  it('finds a topic by its own term, in the plural too', () => {
    const terms = keyTermsOf(notesDir(NOTES));
    expect(terms.in(tokens('do etags change on every edit')).map((hit) => hit.topic)).toEqual([0]);
    expect(terms.in(tokens('where does the idempotency key go')).map((hit) => hit.topic)).toEqual([2]);
    expect(terms.in(tokens('a 304 not modified')).map((hit) => hit.topic)).toEqual([0]);
  });

  it('leaves out everyday words and an English word other topics use too', () => {
    const terms = keyTermsOf(notesDir(NOTES));
    // `GET`, `private` and `public` are everyday words; `header` is also said under HTTP caching.
    expect(terms.in(tokens('get private public header'))).toEqual([]);
  });
});

describe('tutor: compares topics by their terms', () => {
  const ask = (question: string, dir = notesDir(NOTES)) => tutorFor(dir).answer(question);
  /** The topics a comparison reply sets side by side, sorted. */
  const compared = (question: string, dir?: string) => {
    const reply = ask(question, dir);
    expect(reply.intent, question).toBe('compare');
    return (reply as CompareReply).topics.map((topic) => topic.id).sort();
  };

  it('compares the topic holding a term with one named, when asked how they differ', () => {
    expect(
      compared('etags and api versioning both sound like versions to me, how are they actually different?'),
    ).toEqual(['api-versioning', 'http-caching']);
  });

  it('compares two topics by a term each, or a topic named and another’s term, asked how they relate', () => {
    expect(
      compared(
        'idempotency keys on POST requests and deduping webhooks by event id - same idea or different?',
      ),
    ).toEqual(['http-methods', 'webhooks']);
    expect(compared('how do idempotency keys and the webhooks retries play together?')).toEqual([
      'http-methods',
      'webhooks',
    ]);
  });

  it('reads code the notes quote as a term: `git pull` is the Remotes topic’s', () => {
    expect(
      compared(
        'how is git pull different from git merge, arent they kinda the same thing',
        join(FIXTURES_DIR, 'notes', 'git-basics'),
      ),
    ).toEqual(['merge', 'remotes']);
  });

  it('answers about one topic when the terms compared are its own', () => {
    const reply = ask('http caching: private vs public in cache-control, whats the diff?');
    expect(reply.intent).toBe('explain');
    expect((reply as ExplainReply).topic.id).toBe('http-caching');
  });

  it('does not compare when the question asks no difference', () => {
    const reply = ask('do etags change when api versioning bumps the version');
    expect(reply.intent).toBe('explain');
  });
});

describe('key terms spelt out in parentheses', () => {
  const CI_NOTES = {
    'ci.md': [
      '# Build machines (images & sizes)',
      '- each job runs on a fresh machine from an image',
      '- **Docker layer caching (DLC)**: reuses unchanged image layers between runs, costs extra',
      '',
      '# Caching & artifacts (persisting data)',
      '- **save_cache** w/ a key, **restore_cache** w/ a list of keys, eg the lockfile checksum',
      '- artifacts r kept 30 days for people to download',
      '',
    ].join('\n'),
  };

  it('finds the topic by the term without its parentheses, or by what they hold', () => {
    const terms = keyTermsOf(notesDir(CI_NOTES));
    expect(terms.in(tokens('is docker layer caching worth it')).map((hit) => hit.topic)).toEqual([0]);
    expect(terms.in(tokens('is dlc worth it')).map((hit) => hit.topic)).toEqual([0]);
  });

  it('compares by a term holding a word that names another topic', () => {
    // `caching` of `docker layer caching` names the Caching topic: the longer term still names its own.
    const reply = tutorFor(notesDir(CI_NOTES)).answer(
      'docker layer caching compared to save_cache, which one speeds up what',
    );
    expect(reply.intent).toBe('compare');
    expect((reply as CompareReply).topics.map((topic) => topic.id).sort()).toEqual([
      'build-machines',
      'caching-artifacts',
    ]);
  });
});
