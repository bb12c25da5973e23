import { describe, expect, it } from 'vitest';
import { phraseKey } from '../../src/knowledge/text.js';
import type { ExplainReply } from '../../src/tutor/reply.js';
import serviceNeeds from '../../src/understand/data/service-needs.json' with { type: 'json' };
import { situationNeeds } from '../../src/understand/situations.js';
import { defaultUnderstandingParts } from '../../src/understand/understanding.js';
import { notesDir } from '../helpers/notes-dir.js';
import { tutorFor } from '../helpers/tutor.js';

const features: Record<string, string[]> = serviceNeeds.features;
/** Words many names share: a feature question may use them (as the needs may). */
const SHARED_NAME_WORDS = new Set([
  'amazon',
  'aws',
  'service',
  'services',
  'manager',
  'data',
  'cloud',
  'managed',
  'edge',
]);

describe('questions on a service’s features', () => {
  it('are shipped for every AWS service with situations, 12 each, short and lower case', () => {
    expect(Object.keys(features).sort()).toEqual(Object.keys(serviceNeeds.situations).sort());
    for (const [name, questions] of Object.entries(features)) {
      expect(questions, name).toHaveLength(12);
      for (const question of questions) {
        expect(question, name).toBe(question.toLowerCase());
        expect(question.split(/\s+/).length, question).toBeGreaterThanOrEqual(6);
        expect(question.split(/\s+/).length, question).toBeLessThanOrEqual(24);
      }
    }
  });

  it('never use a word of their service’s own name', () => {
    const naming = Object.entries(features).flatMap(([name, questions]) => {
      const own = phraseKey(name)
        .split(' ')
        .filter((word) => word.length > 3 && !SHARED_NAME_WORDS.has(word));
      return questions.filter((question) =>
        phraseKey(question)
          .split(' ')
          .some((word) => own.includes(word)),
      );
    });
    expect(naming).toEqual([]);
  });

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
