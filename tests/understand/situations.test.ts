import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import conceptNeedsData from '../../src/understand/data/concept-needs.json' with { type: 'json' };
import serviceNeeds from '../../src/understand/data/service-needs.json' with { type: 'json' };
import { situationNeeds } from '../../src/understand/situations.js';
import { FIXTURES_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

describe('situations told as in chat', () => {
  it('say a need in their words that are not everyday English', () => {
    const [need] = situationNeeds(['someone deleted a prod bucket last night and i need to find out who']);
    expect(need?.split(' ')).toEqual(expect.arrayContaining(['deleted', 'prod', 'bucket']));
    for (const scene of ['last', 'night', 'need', 'find']) expect(need?.split(' ')).not.toContain(scene);
  });

  it('say nothing when too few such words are left', () => {
    expect(situationNeeds(['good morning everyone'])).toEqual([]);
  });

  it('are shipped for every AWS service with needs and for every software concept', () => {
    const situations: Record<string, string[]> = serviceNeeds.situations;
    expect(Object.keys(situations).length).toBeGreaterThanOrEqual(300);
    for (const name of Object.keys(situations)) expect(serviceNeeds.needs, name).toHaveProperty([name]);
    const concepts: { situations?: string[] }[] = conceptNeedsData.concepts;
    expect(concepts.filter((concept) => (concept.situations ?? []).length > 0).length).toBe(concepts.length);
  });

  it('find the topic a situation told in other words is about', () => {
    const web = tutorFor(join(FIXTURES_DIR, 'notes', 'web-security'));
    const question =
      'pasted our login token into an online decoder and saw the user role in plain text, is that normal';
    expect(web.answer(question).topics[0]?.title).toMatch(/^JWT/);
  });
});
