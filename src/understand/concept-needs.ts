import { stem, VENDOR_WORDS, words } from '../knowledge/text.js';
import type { Topic } from '../knowledge/types.js';
import conceptNeedsData from './data/concept-needs.json' with { type: 'json' };

/** How people describe, without naming it, the need a software concept meets (data/concept-needs.json). */
export interface ConceptNeedsData {
  concepts: { names: string[]; needs: string[] }[];
}

/** What separates the things of a heading naming several: `Retention & Log Compaction`, `Topics / Partitions`. */
const SEVERAL = /\s(?:&|and|\+)\s|,\s|\//i;

/** A name as its stems without the vendor: `Consumer Groups` and `consumer group` are one key. */
function conceptKey(name: string): string {
  return words(name)
    .filter((word) => !VENDOR_WORDS.has(word))
    .map(stem)
    .join(' ');
}

/**
 * The field knowledge of notes on ideas rather than products: for a topic titled as a concept
 * (`Stash`, `Consumer Groups`, `Indexes`), how learners describe the need it meets without naming it
 * ("park my half-done change to fix something urgent"). The catalogue's needs do this for cloud
 * services; these do it for the concepts notes on Git, HTTP, Kafka, SQL or Linux are made of.
 */
export class ConceptNeeds {
  private readonly byKey = new Map<string, number[]>();

  constructor(private readonly data: ConceptNeedsData = conceptNeedsData) {
    data.concepts.forEach((concept, at) => {
      for (const name of concept.names) {
        const key = conceptKey(name);
        if (!key) continue;
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(at)) list.push(at);
        this.byKey.set(key, list);
      }
    });
  }

  /**
   * The needs of the concepts a topic's heading names: its name, its other names, and each thing a
   * heading of several names (`Retention & Log Compaction` is retention and log compaction).
   */
  needsOf(topic: Pick<Topic, 'name' | 'aliases'>): string[] {
    const names = [topic.name, ...topic.aliases];
    const parts = names.flatMap((name) => name.split(SEVERAL)).filter((part) => part.trim());
    const found = new Set<number>();
    for (const name of new Set([...names, ...parts])) {
      for (const at of this.byKey.get(conceptKey(name)) ?? []) found.add(at);
    }
    return [...found].flatMap((at) => this.data.concepts[at]?.needs ?? []);
  }
}
