import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyedLists } from '../../src/understand/keyed-lists.js';
import { SHIPPED_NEEDS } from '../../src/understand/service-catalogue.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `text` as a JSON file in a fresh folder and returns its path. */
function jsonFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyed-lists-'));
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

describe('KeyedLists', () => {
  it('gives each list as JSON.parse would, in any layout, strings with quotes and brackets and all', () => {
    for (const text of [
      JSON.stringify(TRICKY),
      JSON.stringify(TRICKY, null, 2),
      JSON.stringify(TRICKY, null, '\t'),
    ]) {
      const lists = KeyedLists.read(jsonFile(text));
      for (const [section, byName] of Object.entries(TRICKY)) {
        if (typeof byName === 'string') continue;
        expect(lists.names(section)).toEqual(Object.keys(byName));
        for (const [name, list] of Object.entries(byName)) expect(lists.list(section, name)).toEqual(list);
      }
      expect(lists.list('needs', 'Amazon S3')).toEqual([]);
      expect(lists.list('situations', 'AWS Lambda')).toEqual([]);
    }
  });

  it('reads the shipped needs exactly as parsing the whole file does', () => {
    const whole = JSON.parse(readFileSync(SHIPPED_NEEDS, 'utf8')) as Record<string, Record<string, string[]>>;
    const lists = KeyedLists.read(SHIPPED_NEEDS);
    for (const section of ['needs', 'situations', 'features']) {
      const byName = whole[section] ?? {};
      expect(lists.names(section)).toEqual(Object.keys(byName));
      for (const [name, list] of Object.entries(byName)) expect(lists.list(section, name)).toEqual(list);
    }
  });

  it('uses the spans the build writes, and looks again when the file is no longer the one they were written for', () => {
    const path = jsonFile(JSON.stringify(TRICKY, null, 2));
    KeyedLists.writeSpans(path);
    const spans = JSON.parse(readFileSync(path.replace(/\.json$/, '.spans.json'), 'utf8'));
    expect(spans.bytes).toBe(readFileSync(path).length);
    expect(KeyedLists.read(path).list('needs', 'AWS Lambda')).toEqual(TRICKY.needs['AWS Lambda']);
    // Edited since: another length, so the spans are not used.
    writeFileSync(path, JSON.stringify({ needs: { 'AWS Lambda': ['edited'] } }));
    expect(KeyedLists.read(path).list('needs', 'AWS Lambda')).toEqual(['edited']);
  });

  it('says to build again when spans written for other bytes of the same length land mid-list', () => {
    const path = jsonFile(JSON.stringify({ needs: { a: ['xy'], b: ['z'] } }));
    KeyedLists.writeSpans(path);
    writeFileSync(path, JSON.stringify({ needs: { a: ['x'], b: ['yz'] } }));
    expect(() => KeyedLists.read(path).list('needs', 'b')).toThrow(/npm run build/);
  });

  it('names the byte where a file that is no JSON object goes wrong', () => {
    expect(() => KeyedLists.read(jsonFile('["not", "an object"]'))).toThrow(/expected an object at byte 0/);
    expect(() => KeyedLists.read(jsonFile('{"needs": {"a": ["open'))).toThrow(/unclosed string/);
  });
});
