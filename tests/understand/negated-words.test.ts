import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { words } from '../../src/knowledge/text.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { negatedWords } from '../../src/understand/negated-words.js';
import { notesDir } from '../helpers/notes-dir.js';

/** The words of a line a negation denies. */
function denied(line: string): string[] {
  const tokens = words(line);
  const flags = negatedWords(line, tokens.length);
  return flags ? tokens.filter((_, at) => flags[at] === 1) : [];
}

describe('negatedWords', () => {
  it('marks the words a negation denies, up to the end of its clause', () => {
    expect(denied('no joins, not made for complex relational queries')).toEqual([
      'joins',
      'made',
      'for',
      'complex',
      'relational',
      'queries',
    ]);
    expect(denied("doesn't replicate - pick Redis for that")).toEqual(['replicate']);
    expect(denied('only goes one way, for speech -> text use Transcribe')).toEqual([]);
  });

  it('denies a few words, not a whole long clause', () => {
    expect(denied('not for data u need to read often and then throw away within days')).toEqual([
      'for',
      'data',
      'u',
      'need',
      'to',
      'read',
    ]);
  });

  it('reads lines without a negation as affirming everything', () => {
    expect(negatedWords('managed relational tables with read replicas', 6)).toBeNull();
  });
});

const NOTES = `# KeyStore

- key value tables with single digit millisecond reads at any scale
- global tables replicate each table to many regions for fast local reads
- no joins, not made for complex relational queries

# SqlCluster

- managed relational database compatible with MySQL & PostgreSQL
- up to 15 read replicas in the same region
- global database: one primary region for writes, secondary regions for reads
`;

describe('a fact that denies a word', () => {
  const tutorOf = () => createTutor(loadKnowledgeDir(notesDir({ 'notes.md': NOTES })).knowledge);

  it('does not answer a need for what it denies', () => {
    const reply = tutorOf().answer('which one does relational queries across regions');
    expect(reply.topics[0]?.title).toBe('SqlCluster');
  });

  it('still answers a question that says "not" too', () => {
    const reply = tutorOf().answer('tables for fast local reads, no complex relational queries needed');
    expect(reply.topics[0]?.title).toBe('KeyStore');
  });
});
