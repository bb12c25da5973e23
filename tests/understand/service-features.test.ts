import { describe, expect, it } from 'vitest';
import type { ExplainReply } from '../../src/tutor/reply.js';
import { situationNeeds } from '../../src/understand/situations.js';
import { defaultUnderstandingParts } from '../../src/understand/understanding.js';
import { notesDir } from '../helpers/notes-dir.js';
import { tutorFor } from '../helpers/tutor.js';

describe('questions on a service’s features', () => {
  it('pick the fact that answers, in words the notes do not use', () => {
    const tutor = tutorFor(
      notesDir({
        'cost.md': [
          '# Savings Plans',
          '- commit to a fixed spend per hour for 1 or 3 years for lower prices than on demand',
          '- EC2 Instance Savings Plans lock one instance family in one region, up to 72% off',
          '- payment options: all upfront, partial upfront or no upfront',
          '- a plan cannot be cancelled; a small plan bought in the last 7 days can be returned once',
          '',
        ].join('\n'),
      }),
    );
    const reply = tutor.answer(
      'savings plans: i bought the wrong one yesterday, is there any way to undo it',
    );
    expect((reply as ExplainReply).lead[0]?.text).toMatch(/^a plan cannot be cancelled/);
  });

  it('say a need of the topic by their words that are not everyday English', () => {
    const tutor = tutorFor(
      notesDir({
        'compute.md': [
          '# AWS Lambda',
          '- run code without servers, pay per request and duration',
          '- timeout: max 15 minutes per invocation',
          '- memory from 128 MB to 10,240 MB, CPU scales with memory',
          '- provisioned concurrency keeps execution environments initialized and ready',
          '- reserved concurrency caps how many copies of one function run at once',
          '- container images up to 10 GB can be deployed',
          '- /tmp gives 512 MB of scratch space by default, up to 10 GB',
          '',
        ].join('\n'),
      }),
    );
    const reply = tutor.answer('how much temp disk space does a function get') as ExplainReply;
    expect(reply.intent).toBe('explain');
    expect(reply.lead[0]?.text).toMatch(/^\/tmp gives 512 MB/);
  });

  it('never tell that the notes lack a service: they are no needs of the catalogue’s', () => {
    const { catalogue } = defaultUnderstandingParts();
    const lambda = catalogue.lookup('AWS Lambda');
    if (!lambda) throw new Error('AWS Lambda is catalogued');
    const needs = new Set(catalogue.needsOf(lambda));
    const questions = catalogue.featuresOf(lambda);
    expect(questions).toHaveLength(12);
    for (const question of [...questions, ...situationNeeds(questions)])
      expect(needs.has(question)).toBe(false);
  });
});
