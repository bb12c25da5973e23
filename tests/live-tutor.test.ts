import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../src/knowledge/load.js';
import { LiveTutor } from '../src/live-tutor.js';
import { createTutor } from '../src/tutor/tutor.js';
import { notesDir } from './helpers/notes-dir.js';
import { KNOWLEDGE_DIR } from './helpers/paths.js';

const compute = readFileSync(join(KNOWLEDGE_DIR, 'compute.md'), 'utf8');
const S3 = `# Amazon S3 (Simple Storage Service)

* S3 stores objects in buckets, with virtually unlimited storage.
* Objects are replicated across several availability zones for durability.
* S3 storage classes trade retrieval speed against storage price.
`;

function liveOn(dir: string): LiveTutor {
  return new LiveTutor(dir, createTutor(loadKnowledgeDir(dir).knowledge));
}

describe('LiveTutor', () => {
  it('serves notes added to the folder once reloaded, and their quiz questions', () => {
    const dir = notesDir({ 'compute.md': compute });
    const live = liveOn(dir);
    expect(live.answer('what is s3').intent).toBe('unknown');
    const before = live.questions().length;
    writeFileSync(join(dir, 'storage.md'), S3);
    expect(live.reload()).toEqual({ ok: true, topics: 10, files: 2, previousTopics: 9 });
    expect(live.answer('what is s3')).toMatchObject({ intent: 'explain', topic: { id: 's3' } });
    expect(live.questions().length).toBeGreaterThan(before);
    expect(live.questions().some((question) => question.topic.id === 's3')).toBe(true);
  });

  it('keeps the previous notes serving when the new ones have problems, and says where', () => {
    const dir = notesDir({ 'compute.md': compute });
    const live = liveOn(dir);
    const questions = live.questions();
    writeFileSync(join(dir, 'storage.md'), `${S3}* An **unclosed bold fact.\n`);
    const outcome = live.reload();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.topics).toBe(9);
    expect(outcome.problems.join('\n')).toContain(`${join(dir, 'storage.md')}:`);
    expect(live.answer('what is fargate')).toMatchObject({ intent: 'explain', topic: { id: 'fargate' } });
    expect(live.answer('what is s3').intent).toBe('unknown');
    expect(live.questions()).toBe(questions);
  });

  it('keeps serving when the folder is gone or empty', () => {
    const dir = notesDir({ 'compute.md': compute });
    const live = liveOn(dir);
    rmSync(join(dir, 'compute.md'));
    const empty = live.reload();
    expect(empty).toMatchObject({ ok: false, topics: 9 });
    rmSync(dir, { recursive: true, force: true });
    const gone = live.reload();
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.problems[0]).toMatch(/does not exist/);
    expect(live.knowledge.topics).toHaveLength(9);
  });
});
