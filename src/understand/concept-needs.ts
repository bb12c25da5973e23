import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stem, VENDOR_WORDS, words } from '../knowledge/text.js';
import type { Topic } from '../knowledge/types.js';
import conceptKeysData from './data/concept-keys.json' with { type: 'json' };
import { JsonSections } from './json-sections.js';
import { contentStems } from './service-needs.js';
import { situationNeeds } from './situations.js';

/** How people describe, without naming it, the need a concept or feature meets (data/concept-needs.json). */
export interface ConceptNeedsData {
  /** Software concepts (`stash`, `consumer groups`). */
  concepts: ConceptEntry[];
  /** Features of cloud services (`visibility timeout`, `lifecycle rules`). */
  features: ConceptEntry[];
}

interface ConceptEntry {
  names: string[];
  needs: string[];
  /** Situations that lead people to the concept, told as in chat (see situations.ts). */
  situations?: string[];
}

/** What separates the things of a heading naming several: `Retention & Log Compaction`, `Topics / Partitions`. */
const SEVERAL = /\s(?:&|and|\+)\s|,\s|\//i;

/** A name as its stems without the vendor: `Consumer Groups` and `consumer group` are one key. */
export function conceptKey(name: string): string {
  let key: string | null = null;
  for (const word of words(name))
    if (!VENDOR_WORDS.has(word)) key = key === null ? stem(word) : `${key} ${stem(word)}`;
  return key ?? '';
}

/**
 * Field knowledge the notes leave unsaid: for a topic titled as a concept (`Stash`, `Consumer
 * Groups`, `Indexes`), and for a feature a fact names (`visibility timeout`), how learners describe
 * the need it meets without naming it ("park my half-done change to fix something urgent"). The
 * catalogue's needs do this for cloud services; these do it for the concepts notes on Git, HTTP,
 * Kafka, SQL or Linux are made of, and for the features inside services.
 */
export class ConceptNeeds {
  private readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** Concepts, then features, each at its place: one numbering for both. */
  private readonly given: readonly ConceptEntry[] | null;
  /** The shipped ones, read when notes load and parsed an entry at a time; null until `prepare`. */
  private shipped: { sections: JsonSections; concepts: number } | null = null;
  private readonly shippedEntries = new Map<number, ConceptEntry | undefined>();
  private readonly stemsOfNeeds = new Map<number, string[][]>();

  /**
   * @param data the concepts and features; by default the shipped ones, looked up by the keys
   *   data/concept-keys.json holds, their needs read from data/concept-needs.json when notes load.
   */
  constructor(data?: ConceptNeedsData) {
    this.given = data ? withSituations(data) : null;
    this.byKey = new Map(Object.entries(data ? conceptKeys(data) : conceptKeysData.keys));
  }

  /** Reads the needs if they are not read yet: when notes load, so that no question waits on a file. */
  prepare(): void {
    if (this.given || this.shipped) return;
    const sections = JsonSections.read(SHIPPED_CONCEPT_NEEDS);
    this.shipped = { sections, concepts: sections.names('concepts').length };
  }

  /** The concept or feature at a place of the one numbering, with its situations' needs among its needs. */
  private entry(at: number): ConceptEntry | undefined {
    if (this.given) return this.given[at];
    if (this.shippedEntries.has(at)) return this.shippedEntries.get(at);
    this.prepare();
    const { sections, concepts } = this.shipped as { sections: JsonSections; concepts: number };
    const found = (
      at < concepts
        ? sections.value('concepts', String(at))
        : sections.value('features', String(at - concepts))
    ) as ConceptEntry | undefined;
    const entry = found && withSituation(found);
    this.shippedEntries.set(at, entry);
    return entry;
  }

  /**
   * The needs of the concepts a topic's heading names: its name, its other names, and each thing a
   * heading of several names (`Retention & Log Compaction` is retention and log compaction).
   */
  needsOf(topic: Pick<Topic, 'name' | 'aliases'>, products: readonly string[] = []): string[] {
    return this.conceptsOf(topic, products).flatMap((at) => this.entry(at)?.needs ?? []);
  }

  /**
   * The concepts a topic's heading names, as their places in the data; in notes on a product
   * (`terraform`), also as that product's (`Plan & Apply` names `terraform plan` and `terraform apply`).
   */
  conceptsOf(topic: Pick<Topic, 'name' | 'aliases'>, products: readonly string[] = []): number[] {
    const names = new Set([topic.name, ...topic.aliases]);
    // Most names are of one thing: only a name of several is split into its parts.
    for (const name of [...names])
      if (SEVERAL.test(name)) for (const part of name.split(SEVERAL)) if (part.trim()) names.add(part);
    const found = new Set<number>();
    for (const name of names) {
      for (const at of this.byKey.get(conceptKey(name)) ?? []) found.add(at);
      for (const product of products)
        for (const at of this.byKey.get(conceptKey(`${product} ${name.trim()}`)) ?? []) found.add(at);
    }
    return [...found];
  }

  /** The concepts a fact names: runs of up to four of its stems, in reading order, that are a name. */
  namedIn(sequence: readonly string[]): number[] {
    const found = new Set<number>();
    for (let start = 0; start < sequence.length; start++) {
      let key = '';
      for (let end = start; end < sequence.length && end < start + LONGEST_NAME; end++) {
        key = key ? `${key} ${sequence[end]}` : (sequence[end] ?? '');
        for (const at of this.byKey.get(key) ?? []) found.add(at);
      }
    }
    return [...found];
  }

  /** The content stems of each of a concept's needs, made the first time a question needs them. */
  needStems(at: number): readonly (readonly string[])[] {
    let stems = this.stemsOfNeeds.get(at);
    if (!stems) {
      stems = (this.entry(at)?.needs ?? []).map((need) => contentStems(words(need)));
      this.stemsOfNeeds.set(at, stems);
    }
    return stems;
  }
}

/** Concepts, then features, each with its situations' needs among its needs. */
function withSituations(data: ConceptNeedsData): ConceptEntry[] {
  return [...data.concepts, ...data.features].map(withSituation);
}

function withSituation(entry: ConceptEntry): ConceptEntry {
  return entry.situations
    ? { ...entry, needs: [...entry.needs, ...situationNeeds(entry.situations)] }
    : entry;
}

/** Names of concepts are at most this many words. */
const LONGEST_NAME = 4;

export const SHIPPED_CONCEPT_NEEDS = fileURLToPath(new URL('./data/concept-needs.json', import.meta.url));

/** The concepts and features the tutor ships, read from data/concept-needs.json. */
export function readShippedConceptNeeds(): ConceptNeedsData {
  return JSON.parse(readFileSync(SHIPPED_CONCEPT_NEEDS, 'utf8')) as ConceptNeedsData;
}

/** Each name's key -> the entries it names, concepts numbered first, then features. */
export function conceptKeys(data: ConceptNeedsData): Record<string, number[]> {
  const keys: Record<string, number[]> = {};
  [...data.concepts, ...data.features].forEach((entry, at) => {
    for (const name of entry.names) {
      const key = conceptKey(name);
      if (!key) continue;
      const list = keys[key] ?? [];
      if (!list.includes(at)) list.push(at);
      keys[key] = list;
    }
  });
  return keys;
}
