import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { stem } from '../../src/knowledge/text.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { Understanding } from '../../src/understand/understanding.js';
import { notesDir } from '../helpers/notes-dir.js';

const NOTES = `# FileMover

- online service to copy files between storage systems on a schedule
- keeps metadata like timestamps, POSIX permissions & SMB ACLs
- stores the credentials for each location in an encrypted vault
- pulls from any git repository or a serverless pipeline
- restores a deleted file from the last run
- pricing: per GB copied

# FileKeeper

- copies files to cold storage and keeps them for years
- pricing: per GB stored each month
`;

function understandingOf(markdown: string): Understanding {
  return new Understanding(loadKnowledgeDir(notesDir({ 'notes.md': markdown })).knowledge);
}

const stemsOf = (understanding: Understanding, question: string, word: string) => [
  ...(understanding.reader
    .read(question)
    .terms.find((term) => term.word === word)
    ?.stems.keys() ?? []),
];

describe('clipped words', () => {
  it("reads a word the notes lack as the notes' longer word it was cut from", () => {
    const understanding = understandingOf(NOTES);
    expect(stemsOf(understanding, 'does it keep the perms', 'perms')).toContain(stem('permissions'));
    expect(stemsOf(understanding, 'where do the creds live', 'creds')).toContain(stem('credentials'));
    expect(stemsOf(understanding, 'which repo does it read', 'repo')).toContain(stem('repository'));
  });

  it('leaves everyday words, words of three letters and words made longer by another word alone', () => {
    const understanding = understandingOf(NOTES);
    expect(stemsOf(understanding, 'can it rest overnight', 'rest')).not.toContain(stem('restores'));
    expect(stemsOf(understanding, 'does pip work', 'pip')).not.toContain(stem('pipeline'));
    expect(stemsOf(understanding, 'a server for it', 'server')).not.toContain(stem('serverless'));
  });

  it('leads the answer with the fact the clipped word asks about', () => {
    const tutor = createTutor(loadKnowledgeDir(notesDir({ 'notes.md': NOTES })).knowledge);
    const reply = tutor.answer('filemover: does it carry over the perms when it copies');
    expect(reply.intent).toBe('explain');
    if (reply.intent !== 'explain') return;
    expect(reply.lead[0]?.text).toMatch(/permissions/);
  });
});
