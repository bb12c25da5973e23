import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { notesDir } from '../helpers/notes-dir.js';

const NOTES = `# AWS Batch
* fully managed batch processing at any scale
* launches EC2 or spot instances for the jobs

# Amazon Lightsail
* simple virtual servers with predictable pricing
`;

describe("Asked as: lines teach the tutor its learners' words", () => {
  it('finds a topic by the words of an example question its authors wrote', () => {
    const taught = createTutor(
      loadKnowledgeDir(
        notesDir({ 'compute.md': `${NOTES}Asked as: where do our quarterly reconciliation reports run?\n` }),
      ).knowledge,
    );
    const reply = taught.answer('where do the quarterly reconciliation reports run');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.id).toBe('lightsail');
  });

  it('never shows an Asked as line as a fact', () => {
    const taught = createTutor(
      loadKnowledgeDir(
        notesDir({
          'compute.md': NOTES.replace(
            '# Amazon Lightsail',
            'Asked as: how do we crunch invoices nightly?\n\n# Amazon Lightsail',
          ),
        }),
      ).knowledge,
    );
    const reply = taught.answer('how do we crunch invoices nightly');
    expect(reply.intent).toBe('explain');
    if (reply.intent !== 'explain') return;
    expect(reply.topic.id).toBe('batch');
    expect([...reply.lead, ...reply.rest].map((fact) => fact.text).join(' ')).not.toMatch(/invoices/);
  });
});
