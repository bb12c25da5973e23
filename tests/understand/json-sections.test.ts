import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_CONCEPT_NEEDS } from '../../src/understand/concept-needs.js';
import { JsonSections } from '../../src/understand/json-sections.js';
import { SHIPPED_NEEDS } from '../../src/understand/service-catalogue.js';
import { PROJECT_ROOT } from '../helpers/paths.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `text` as a JSON file in a fresh folder and returns its path. */
function jsonFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'json-sections-'));
  dirs.push(dir);
  const path = join(dir, 'lists.json');
  writeFileSync(path, text);
  return path;
}

const TRICKY = {
  about: 'a note with "quotes", [brackets] and {braces}',
  needs: {
    'AWS Lambda': ['run code "without" servers', 'a path like C:\\temp\\', 'emoji 🚀 and ünïcödé'],
    'Name with \\"escapes\\"': ['one'],
    Empty: [],
  },
  features: { 'AWS Lambda': ['[1, 2] ] } { not structure'] },
};

describe('JsonSections', () => {
  it('gives each list as JSON.parse would, in any layout, strings with quotes and brackets and all', () => {
    for (const text of [
      JSON.stringify(TRICKY),
      JSON.stringify(TRICKY, null, 2),
      JSON.stringify(TRICKY, null, '\t'),
    ]) {
      const lists = JsonSections.read(jsonFile(text));
      for (const [section, byName] of Object.entries(TRICKY)) {
        if (typeof byName === 'string') continue;
        expect(lists.names(section)).toEqual(Object.keys(byName));
        for (const [name, list] of Object.entries(byName)) expect(lists.list(section, name)).toEqual(list);
      }
      expect(lists.list('needs', 'Amazon S3')).toEqual([]);
      expect(lists.list('situations', 'AWS Lambda')).toEqual([]);
    }
  });

  it('gives each element of a section that is an array by its place', () => {
    const entries = [
      { names: ['stash'], needs: ['park my half-done change'] },
      { names: ['rebase'], needs: [] },
    ];
    const sections = JsonSections.read(jsonFile(JSON.stringify({ about: 'x', concepts: entries }, null, 2)));
    expect(sections.names('concepts')).toEqual(['0', '1']);
    expect(sections.value('concepts', '1')).toEqual(entries[1]);
    expect(sections.value('concepts', '2')).toBeUndefined();
    expect(sections.list('concepts', '0')).toEqual([]);
  });

  it('reads the shipped needs of services and concepts exactly as parsing the whole files does', () => {
    const concepts = JSON.parse(readFileSync(SHIPPED_CONCEPT_NEEDS, 'utf8')) as Record<string, unknown[]>;
    const conceptSections = JsonSections.read(SHIPPED_CONCEPT_NEEDS);
    for (const section of ['concepts', 'features'])
      (concepts[section] ?? []).forEach((entry, at) => {
        expect(conceptSections.value(section, String(at))).toEqual(entry);
      });

    const whole = JSON.parse(readFileSync(SHIPPED_NEEDS, 'utf8')) as Record<string, Record<string, string[]>>;
    const lists = JsonSections.read(SHIPPED_NEEDS);
    for (const section of ['needs', 'situations', 'features']) {
      const byName = whole[section] ?? {};
      expect(lists.names(section)).toEqual(Object.keys(byName));
      for (const [name, list] of Object.entries(byName)) expect(lists.list(section, name)).toEqual(list);
    }
  });

  it('has spans from the build for each data file it ships, written for those very bytes', () => {
    const data = join(PROJECT_ROOT, 'dist', 'src', 'understand', 'data');
    for (const file of ['service-needs', 'concept-needs']) {
      const spans = JSON.parse(readFileSync(join(data, `${file}.spans.json`), 'utf8'));
      expect(spans.bytes, file).toBe(readFileSync(join(data, `${file}.json`)).length);
    }
  });

  it('is copied by the build as a data file, since the code reads it rather than imports it', async () => {
    const { copyDataFiles } = await import('../../scripts/copy-data-files.mjs');
    const root = mkdtempSync(join(tmpdir(), 'copy-data-'));
    dirs.push(root);
    const data = join(root, 'src', 'understand', 'data');
    mkdirSync(data, { recursive: true });
    for (const file of ['service-needs.json', 'concept-needs.json', 'cloud-services.json'])
      writeFileSync(join(data, file), '{}');
    expect(copyDataFiles(root).sort()).toEqual([
      join('dist', 'src', 'understand', 'data', 'concept-needs.json'),
      join('dist', 'src', 'understand', 'data', 'service-needs.json'),
    ]);
  });

  it('uses the spans the build writes, and looks again when the file is no longer the one they were written for', () => {
    const path = jsonFile(JSON.stringify(TRICKY, null, 2));
    JsonSections.writeSpans(path);
    const spans = JSON.parse(readFileSync(path.replace(/\.json$/, '.spans.json'), 'utf8'));
    expect(spans.bytes).toBe(readFileSync(path).length);
    expect(JsonSections.read(path).list('needs', 'AWS Lambda')).toEqual(TRICKY.needs['AWS Lambda']);
    // Edited since: another length, so the spans are not used.
    writeFileSync(path, JSON.stringify({ needs: { 'AWS Lambda': ['edited'] } }));
    expect(JsonSections.read(path).list('needs', 'AWS Lambda')).toEqual(['edited']);
  });

  it('says to build again when spans written for other bytes of the same length land mid-list', () => {
    const path = jsonFile(JSON.stringify({ needs: { a: ['xy'], b: ['z'] } }));
    JsonSections.writeSpans(path);
    writeFileSync(path, JSON.stringify({ needs: { a: ['x'], b: ['yz'] } }));
    expect(() => JsonSections.read(path).list('needs', 'b')).toThrow(/npm run build/);
  });

  it('says where a missing data file comes from and how to get it back', () => {
    expect(() => JsonSections.read(join(tmpdir(), 'no-such-dir', 'service-needs.json'))).toThrow(
      /could not read the tutor's data file .*service-needs\.json .*`npm run build` copies it into dist/,
    );
  });

  it('names the byte where a file that is no JSON object goes wrong', () => {
    expect(() => JsonSections.read(jsonFile('["not", "an object"]'))).toThrow(/expected an object at byte 0/);
    expect(() => JsonSections.read(jsonFile('{"needs": {"a": ["open'))).toThrow(/unclosed string/);
  });
});
