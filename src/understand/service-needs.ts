import { stem, words } from '../knowledge/text.js';
import type { CloudService, ServiceCatalogue } from './service-catalogue.js';
import { NEGATIONS, STOPWORDS } from './stopwords.js';

/** How closely a question says one of the needs a service meets. */
export interface NeedMatch {
  service: CloudService;
  /** Words of the question in that need. */
  shared: number;
  /** Those words weighed by how few needs use them. */
  score: number;
}

interface NeedIndex {
  /** Services with needs, each once. */
  services: CloudService[];
  /** Need -> its service's place in `services`. */
  serviceOf: Uint16Array;
  /** Stem -> the needs that use it. */
  postings: Map<string, Uint32Array>;
  idf: Map<string, number>;
  /** One number a need and a service, all zeros between questions: no allocation per question. */
  shared: Uint8Array;
  score: Float64Array;
  bestShared: Uint8Array;
  bestScore: Float64Array;
}

/**
 * The needs (data/service-needs.json) of every service of some providers as one search index, to
 * tell which service a need described in a question sounds like, whether or not the notes cover
 * it. Built the first time a question needs it, never at start.
 */
export class ServiceNeeds {
  private index: NeedIndex | null = null;

  constructor(
    private readonly catalogue: ServiceCatalogue,
    private readonly providers: ReadonlySet<string>,
  ) {}

  /** For each service with a need sharing words with the question, its best need. */
  matches(tokens: readonly string[]): NeedMatch[] {
    const { services, serviceOf, postings, idf, shared, score, bestShared, bestScore } = this.built();
    const needs: number[] = [];
    for (const stemmed of new Set(contentStems(tokens))) {
      const weight = idf.get(stemmed) ?? 0;
      for (const need of postings.get(stemmed) ?? []) {
        if (shared[need] === 0) needs.push(need);
        shared[need] = (shared[need] ?? 0) + 1;
        score[need] = (score[need] ?? 0) + weight;
      }
    }
    const touched: number[] = [];
    for (const need of needs) {
      const service = serviceOf[need] ?? 0;
      if (bestShared[service] === 0) touched.push(service);
      if ((score[need] ?? 0) > (bestScore[service] ?? 0)) {
        bestScore[service] = score[need] ?? 0;
        bestShared[service] = shared[need] ?? 0;
      }
      shared[need] = 0;
      score[need] = 0;
    }
    return touched.map((service) => {
      const match = {
        service: services[service] as CloudService,
        shared: bestShared[service] ?? 0,
        score: bestScore[service] ?? 0,
      };
      bestShared[service] = 0;
      bestScore[service] = 0;
      return match;
    });
  }

  private built(): NeedIndex {
    if (this.index) return this.index;
    const services: CloudService[] = [];
    const serviceOf: number[] = [];
    const lists = new Map<string, number[]>();
    for (const service of this.catalogue.services) {
      if (!this.providers.has(service.provider)) continue;
      const needs = this.catalogue.needsOf(service);
      if (needs.length === 0) continue;
      for (const need of needs) {
        const id = serviceOf.length;
        serviceOf.push(services.length);
        for (const stemmed of new Set(contentStems(words(need)))) {
          const list = lists.get(stemmed);
          if (list) list.push(id);
          else lists.set(stemmed, [id]);
        }
      }
      services.push(service);
    }
    const postings = new Map<string, Uint32Array>();
    // A word few needs use says more of which service is meant (BM25's idf over the needs).
    const idf = new Map<string, number>();
    for (const [stemmed, list] of lists) {
      postings.set(stemmed, Uint32Array.from(list));
      idf.set(stemmed, Math.log(1 + serviceOf.length / list.length));
    }
    this.index = {
      services,
      serviceOf: Uint16Array.from(serviceOf),
      postings,
      idf,
      shared: new Uint8Array(serviceOf.length),
      score: new Float64Array(serviceOf.length),
      bestShared: new Uint8Array(services.length),
      bestScore: new Float64Array(services.length),
    };
    return this.index;
  }
}

/** A "not" or a "without" a question shares with a need says nothing of which need it is. */
export function contentStems(tokens: readonly string[]): string[] {
  return tokens.filter((token) => !STOPWORDS.has(token) && !NEGATIONS.has(token)).map(stem);
}
