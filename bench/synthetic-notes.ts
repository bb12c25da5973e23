/**
 * Generates a large notes folder in the team's dialect, so speed and memory can be measured at a
 * size the real notes will not reach for years. Deterministic: the same seed gives the same files.
 *
 *   node dist/bench/synthetic-notes.js DIR [TOPICS]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, type Rng } from './prng.js';
import { ADJECTIVES, CATEGORIES, CODAS, NOUNS, ONSETS, PREPOSITIONS, VERBS, VOWELS } from './vocabulary.js';

export const SYNTHETIC_SEED = 20240611;
const TOPICS_PER_FILE = 100;

export interface SyntheticTopic {
  /** The heading as written, e.g. `Amazon Zorvalin`, `QMR (Quiet Message Router)`, `Tepra (serverless)`. */
  title: string;
  /** The pseudo-word or acronym at the heart of the name: `Zorvalin`, `QMR`. */
  core: string;
  /** What a person would type to mean this topic: the core, plus `Amazon X` or an acronym's expansion. */
  askNames: string[];
  /** Plain text of each bullet: `**` removed, continuation joined; sub-points not included. */
  facts: string[];
}

export interface SyntheticNotes {
  topics: SyntheticTopic[];
  files: { name: string; text: string }[];
}

type NameKind = 'plain' | 'amazon' | 'aws' | 'acronym' | 'category';
const NAME_KINDS: readonly NameKind[] = [
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'amazon',
  'amazon',
  'amazon',
  'amazon',
  'aws',
  'aws',
  'aws',
  'acronym',
  'acronym',
  'acronym',
  'category',
  'category',
  'category',
];
const EXPANSION_ENDINGS: readonly string[] = [
  'Service',
  'Manager',
  'Store',
  'Engine',
  'Hub',
  'Router',
  'Platform',
  'Console',
  'Toolkit',
  'Studio',
];

/** Draws early list entries far more often than late ones, so some words are common and some rare. */
function zipfPicker(words: readonly string[], rng: Rng): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= words.length; rank++) {
    total += 1 / rank ** 0.9;
    cumulative.push(total);
  }
  return () => {
    const target = rng.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? total) < target) low = mid + 1;
      else high = mid;
    }
    return words[low] ?? words[0] ?? '';
  };
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Nouns the notes never pluralize (`data`, not `datas`). */
const MASS_NOUNS = new Set([
  'data',
  'storage',
  'traffic',
  'capacity',
  'throughput',
  'memory',
  'compliance',
  'pricing',
  'billing',
  'savings',
  'encryption',
  'recovery',
  'hibernation',
  'training',
  'inference',
  'health',
  'federation',
  'retention',
  'expiration',
  'transcoding',
  'distribution',
  'invalidation',
  'consensus',
  'jitter',
  'backoff',
]);

/** English `-s` ending, shared by plural nouns and third-person verbs: `stores`, `caches`, `queries`. */
function withS(word: string): string {
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

const plural = (noun: string): string => (MASS_NOUNS.has(noun) ? noun : withS(noun));

function pseudoWord(rng: Rng): string {
  const syllables = rng.chance(0.6) ? 2 : 3;
  let word = '';
  for (let i = 0; i < syllables; i++) {
    word += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
  }
  return capitalize(word);
}

/** Topic names, unique case-insensitively, and never an ordinary vocabulary word. */
function generateNames(topicCount: number, rng: Rng): Omit<SyntheticTopic, 'facts'>[] {
  const taken = new Set<string>([...NOUNS, ...ADJECTIVES, ...VERBS, ...CATEGORIES]);
  const expansionWords = [...ADJECTIVES, ...NOUNS].filter((word) => !word.includes('-'));
  const uniqueCore = (make: () => string): string => {
    for (;;) {
      const candidate = make();
      if (candidate.length >= 3 && !taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  };
  const names: Omit<SyntheticTopic, 'facts'>[] = [];
  for (let i = 0; i < topicCount; i++) {
    const kind = rng.pick(NAME_KINDS);
    if (kind === 'acronym') {
      let expansion: string[] = [];
      const core = uniqueCore(() => {
        const leading = rng.chance(0.7) ? 2 : 3;
        expansion = [];
        for (let w = 0; w < leading; w++) expansion.push(capitalize(rng.pick(expansionWords)));
        expansion.push(rng.pick(EXPANSION_ENDINGS));
        return expansion.map((word) => word.charAt(0)).join('');
      });
      const expanded = expansion.join(' ');
      names.push({ title: `${core} (${expanded})`, core, askNames: [core, expanded] });
      continue;
    }
    const core = uniqueCore(() => pseudoWord(rng));
    if (kind === 'amazon' || kind === 'aws') {
      const prefixed = `${kind === 'aws' ? 'AWS' : 'Amazon'} ${core}`;
      names.push({ title: prefixed, core, askNames: [core, prefixed] });
    } else if (kind === 'category') {
      names.push({ title: `${core} (${rng.pick(CATEGORIES)})`, core, askNames: [core] });
    } else {
      names.push({ title: core, core, askNames: [core] });
    }
  }
  return names;
}

/** Writes bullets for one topic; `bold` wraps at most one noun phrase per bullet in `**`. */
class BulletWriter {
  private boldLeft = false;
  private readonly noun: () => string;
  private readonly adjective: () => string;
  private readonly verb: () => string;

  constructor(
    private readonly rng: Rng,
    private readonly topicName: string,
    private readonly otherTopicName: () => string,
  ) {
    this.noun = zipfPicker(NOUNS, rng);
    this.adjective = zipfPicker(ADJECTIVES, rng);
    this.verb = zipfPicker(VERBS, rng);
  }

  /** A bullet line (with an optional indented continuation line) and its sub-point lines. */
  bullet(isFirst: boolean): { lines: string[]; plain: string } {
    this.boldLeft = this.rng.chance(0.35);
    let text = isFirst && this.rng.chance(0.5) ? this.definition() : this.clause();
    const lines: string[] = [];
    if (this.rng.chance(0.15)) {
      text = `${text}, and ${this.clause()}`;
      const words = text.split(' ');
      const breakAt = Math.ceil(words.length / 2);
      lines.push(`* ${words.slice(0, breakAt).join(' ')}`, `  ${words.slice(breakAt).join(' ')}`);
    } else {
      lines.push(`* ${text}`);
    }
    if (this.rng.chance(0.25)) {
      const subPointCount = this.rng.int(1, 3);
      for (let i = 0; i < subPointCount; i++) {
        lines.push(`  ${this.rng.chance(0.7) ? '> ' : '>'}${this.subPoint()}`);
      }
    }
    return { lines, plain: text.replaceAll('**', '') };
  }

  private definition(): string {
    const adjective = this.adjective();
    const article = /^[aeiou]/.test(adjective) ? 'an' : 'a';
    return `${this.topicName} is ${article} ${adjective} ${this.noun()} service for ${this.nouns()} and ${this.nouns()}`;
  }

  private clause(): string {
    const r = this.rng;
    switch (r.int(0, 11)) {
      case 0:
        return `${this.verb3()} ${this.phrase()} ${r.pick(PREPOSITIONS)} ${this.nouns()}`;
      case 1:
        return `${this.phrase()} is ${this.adjective()} and ${this.verb3()} ${this.nouns()} by default`;
      case 2:
        return `supports ${this.phrase()} with ${this.phrase()}`;
      case 3:
        return `you can ${this.verb()} ${this.nouns()} ${r.pick(PREPOSITIONS)} ${this.noun()} without ${this.phrase()}`;
      case 4:
        return `${this.phrase()} ${this.verb3()} ${this.noun()} in each ${this.noun()}`;
      case 5:
        return `pricing is based on ${this.noun()} and ${this.phrase()}`;
      case 6:
        return `integrates with ${this.otherTopicName()} to ${this.verb()} ${this.nouns()}`;
      case 7:
        return `similar to ${this.otherTopicName()} but ${this.adjective()} ${this.nouns()}`;
      case 8:
        return `used for ${this.noun()} ${this.noun()} and ${this.phrase()}`;
      case 9:
        return `${this.noun()} limits apply to ${this.phrase()}`;
      case 10:
        return `${this.topicName} ${this.verb3()} ${this.phrase()} ${r.pick(PREPOSITIONS)} ${this.phrase()}`;
      default:
        return `often paired with ${this.otherTopicName()} for ${this.phrase()}`;
    }
  }

  private subPoint(): string {
    if (this.rng.chance(0.2)) return this.otherTopicName();
    return this.rng.chance(0.5)
      ? this.phrase()
      : `${this.noun()} ${this.rng.pick(PREPOSITIONS)} ${this.phrase()}`;
  }

  private nouns(): string {
    return plural(this.noun());
  }

  private verb3(): string {
    return withS(this.verb());
  }

  private phrase(): string {
    const text = `${this.adjective()} ${this.rng.chance(0.5) ? this.nouns() : this.noun()}`;
    if (!this.boldLeft) return text;
    this.boldLeft = false;
    return `**${text}**`;
  }
}

export function generateSyntheticNotes(topicCount: number, seed = SYNTHETIC_SEED): SyntheticNotes {
  const rng = createRng(seed);
  const names = generateNames(topicCount, rng);
  const topics: SyntheticTopic[] = [];
  const topicLines: string[][] = [];
  names.forEach((name, index) => {
    const otherTopicName = (): string => {
      const other = names[(index + rng.int(1, names.length - 1)) % names.length] ?? name;
      return rng.pick(other.askNames);
    };
    const writer = new BulletWriter(rng, rng.pick(name.askNames), otherTopicName);
    const lines = [`# ${name.title}`];
    const facts: string[] = [];
    const bulletCount = rng.int(5, 10);
    for (let b = 0; b < bulletCount; b++) {
      const bullet = writer.bullet(b === 0);
      lines.push(...bullet.lines);
      facts.push(bullet.plain);
    }
    topics.push({ ...name, facts });
    topicLines.push(lines);
  });
  const files: SyntheticNotes['files'] = [];
  for (let start = 0; start < topicLines.length; start += TOPICS_PER_FILE) {
    const number = String(files.length + 1).padStart(3, '0');
    const text = `${topicLines
      .slice(start, start + TOPICS_PER_FILE)
      .map((lines) => lines.join('\n'))
      .join('\n\n')}\n`;
    files.push({ name: `synthetic-${number}.md`, text });
  }
  return { topics, files };
}

/** Writes the notes into `dir` (created if missing) and returns what was written. */
export function writeSyntheticNotes(dir: string, topicCount: number, seed = SYNTHETIC_SEED): SyntheticNotes {
  const notes = generateSyntheticNotes(topicCount, seed);
  mkdirSync(dir, { recursive: true });
  for (const file of notes.files) writeFileSync(join(dir, file.name), file.text);
  return notes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, topicCountArg] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node dist/bench/synthetic-notes.js DIR [TOPICS]');
    process.exit(2);
  }
  const notes = writeSyntheticNotes(dir, Number(topicCountArg ?? 5000));
  console.log(`wrote ${notes.topics.length} topics in ${notes.files.length} files to ${dir}`);
}
