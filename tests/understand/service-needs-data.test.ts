import { describe, expect, it } from 'vitest';
import { phraseKey } from '../../src/knowledge/text.js';
import catalogue from '../../src/understand/data/cloud-services.json' with { type: 'json' };
import serviceNeeds from '../../src/understand/data/service-needs.json' with { type: 'json' };

const needs: Record<string, string[]> = serviceNeeds.needs;
const features: Record<string, string[]> = serviceNeeds.features;
const services = new Map(catalogue.services.map((service) => [service.name, service]));
/** Words many names share, or the idea a name is made of (`edge` of Lambda@Edge): a phrasing may use them. */
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

describe('service-needs.json', () => {
  it('says where its phrasings come from and how to extend them', () => {
    expect(serviceNeeds.about).toMatch(/Written for this project/);
    expect(serviceNeeds.about).toMatch(/Extend it/);
  });

  it('keys every service by its exact catalogue name: AWS, Azure and Google Cloud services, and products beyond them', () => {
    const unknown = Object.keys(needs).filter((name) => !services.has(name));
    expect(unknown).toEqual([]);
    const providers = Object.keys(needs).map((name) => services.get(name)?.provider);
    const count = (wanted: string[]) => providers.filter((p) => p && wanted.includes(p)).length;
    expect(count(['aws'])).toBeGreaterThanOrEqual(300);
    expect(count(['azure', 'microsoft'])).toBeGreaterThanOrEqual(100);
    expect(count(['gcp', 'firebase', 'google'])).toBeGreaterThanOrEqual(90);
    // Products beyond the clouds that notes have topics on: Docker, Terraform, Kafka, Grafana...
    expect(
      providers.length - count(['aws', 'azure', 'microsoft', 'gcp', 'firebase', 'google']),
    ).toBeGreaterThanOrEqual(50);
  });

  it('gives each service several phrasings of a few words each', () => {
    const thin = Object.entries(needs).filter(([, phrasings]) => phrasings.length < 5);
    expect(thin).toEqual([]);
    const odd = Object.values(needs)
      .flat()
      .filter((phrasing) => {
        const count = phrasing.split(/\s+/).length;
        return count < 3 || count > 16;
      });
    expect(odd).toEqual([]);
  });

  it('never names a service in its own phrasings or feature questions: they say the need, not the answer', () => {
    expect(naming(needs)).toEqual([]);
    expect(naming(features)).toEqual([]);
  });

  it('asks 12 short questions in lower case on the features of every service with needs', () => {
    expect(Object.keys(features).sort()).toEqual(Object.keys(needs).sort());
    for (const [name, questions] of Object.entries(features)) {
      expect(questions, name).toHaveLength(12);
      for (const question of questions) {
        expect(question, name).toBe(question.toLowerCase());
        expect(question.split(/\s+/).length, question).toBeGreaterThanOrEqual(6);
        expect(question.split(/\s+/).length, question).toBeLessThanOrEqual(24);
      }
    }
  });
});

/** Each phrasing that uses a word of its own service's name, as `service: phrasing`. */
function naming(byService: Record<string, string[]>): string[] {
  return Object.entries(byService).flatMap(([name, phrasings]) => {
    const own = phraseKey(name)
      .split(' ')
      .filter((word) => word.length > 3 && !SHARED_NAME_WORDS.has(word));
    return phrasings
      .filter((phrasing) =>
        phraseKey(phrasing)
          .split(' ')
          .some((word) => own.includes(word)),
      )
      .map((phrasing) => `${name}: ${phrasing}`);
  });
}
