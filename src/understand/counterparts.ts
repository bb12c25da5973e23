import { words } from '../knowledge/text.js';
import type { CloudService, ServiceCatalogue } from './service-catalogue.js';
import { contentStems } from './service-needs.js';

/**
 * Another cloud's service most like one: the one whose needs (data/service-needs.json) say the
 * same things. Azure Functions is most like AWS Lambda, AWS WAF like Google's Cloud Armor, found
 * by the words their needs share, weighed by how few services' needs use them (tf-idf cosine).
 */
export class Counterparts {
  /** Service -> its needs' words as a unit vector; built on the first question that asks. */
  private vectors: Map<CloudService, Map<string, number>> | null = null;

  constructor(private readonly catalogue: ServiceCatalogue) {}

  /** The service of the given providers most like this one, and how alike (0..1); null when none has needs. */
  of(
    service: CloudService,
    providers: ReadonlySet<string>,
  ): { service: CloudService; likeness: number } | null {
    const vectors = this.built();
    const own = vectors.get(service);
    if (!own) return null;
    let best: { service: CloudService; likeness: number } | null = null;
    for (const [other, vector] of vectors) {
      if (other === service || !providers.has(other.provider)) continue;
      let likeness = 0;
      for (const [stemmed, weight] of own) likeness += weight * (vector.get(stemmed) ?? 0);
      if (!best || likeness > best.likeness) best = { service: other, likeness };
    }
    return best;
  }

  private built(): Map<CloudService, Map<string, number>> {
    if (this.vectors) return this.vectors;
    const counts = new Map<CloudService, Map<string, number>>();
    const servicesWith = new Map<string, number>();
    for (const service of this.catalogue.services) {
      const needs = this.catalogue.writtenNeedsOf(service);
      if (needs.length === 0) continue;
      const count = new Map<string, number>();
      for (const need of needs)
        for (const stemmed of contentStems(words(need))) count.set(stemmed, (count.get(stemmed) ?? 0) + 1);
      counts.set(service, count);
      for (const stemmed of count.keys()) servicesWith.set(stemmed, (servicesWith.get(stemmed) ?? 0) + 1);
    }
    const vectors = new Map<CloudService, Map<string, number>>();
    for (const [service, count] of counts) {
      const vector = new Map<string, number>();
      let norm = 0;
      for (const [stemmed, n] of count) {
        const weight = (1 + Math.log(n)) * Math.log(counts.size / (servicesWith.get(stemmed) ?? 1));
        vector.set(stemmed, weight);
        norm += weight * weight;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [stemmed, weight] of vector) vector.set(stemmed, weight / norm);
      vectors.set(service, vector);
    }
    this.vectors = vectors;
    return vectors;
  }
}
