import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExplainReply } from '../../src/tutor/reply.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

const memorydb = () =>
  tutorFor(
    notesDir({
      'databases.md': [
        '# Amazon MemoryDB (durable in-memory database)',
        '- Valkey and Redis OSS compatible, durable in-memory database service',
        '- microsecond reads and single digit millisecond writes, up to 160 million TPS per cluster',
        '- MemoryDB Multi-Region: active-active across regions w/ up to 99.999% availability',
        '- pricing: per node hour + data written per GB',
        '',
      ].join('\n'),
    }),
  );

const leadOf = (question: string) => {
  const reply = memorydb().answer(question) as ExplainReply;
  expect(reply.intent, question).toBe('explain');
  return reply.lead[0]?.text ?? '';
};

describe('a question asking what a topic is', () => {
  it('leads with the definition whatever chat surrounds the asking', () => {
    for (const question of [
      'memorydb - what is it, in one breath pls',
      'can someone tell me what memorydb even is before standup',
      'what does memorydb actually do',
      'whats memorydb',
      'whats a memorydb and why does the team keep saying its writes are durable across regions',
      'can someone explain memorydb in a sentence or two',
      'describe memorydb for me pls',
      'what is memorydb in simple terms',
    ])
      expect(leadOf(question), question).toMatch(/^Valkey and Redis OSS compatible/);
  });

  it('still leads with the fact asked for when it asks about one', () => {
    expect(leadOf('what is memorydb pricing like')).toMatch(/^pricing/);
    expect(leadOf('explain memorydb pricing')).toMatch(/^pricing/);
    expect(leadOf('how many transactions per second can memorydb take')).toMatch(/160 million TPS/);
  });
});

describe('a question naming the notes’ own field before the topic', () => {
  it('asks what the topic is, as without it', () => {
    const git = tutorFor(join(FIXTURES_DIR, 'notes', 'git-basics'));
    for (const question of ['what is git reflog', "what's a remote in git", 'explain tags in git pls']) {
      const reply = git.answer(question) as ExplainReply;
      expect(reply.lead.length, question).toBe(1);
      expect(reply.lead[0]?.text, question).toMatch(/^(reflog =|a remote is|a tag is)/);
    }
  });
});

describe('a short form of the name in the heading', () => {
  it('asks what the whole topic is, like its full name', () => {
    const tutor = tutorFor(
      notesDir({
        'pki.md': [
          '# AWS Private Certificate Authority (Private CA, private PKI)',
          '- managed service to run ur own private certificate authority hierarchy (root & subordinate CAs)',
          '- pricing: $400 a month per general purpose CA, plus a fee per cert issued',
          '- quota: up to 1,000,000 private certs issued per CA over its lifetime',
          '',
        ].join('\n'),
      }),
    );
    for (const question of ['what does aws private CA even do', 'what is private ca']) {
      const reply = tutor.answer(question) as ExplainReply;
      expect(reply.lead[0]?.text, question).toMatch(/^managed service to run/);
    }
  });
});
