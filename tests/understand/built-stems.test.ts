import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stem, stemAfresh } from '../../src/knowledge/text.js';
import { rememberBuiltStems, writeBuiltStems } from '../../src/understand/built-stems.js';
import { defaultUnderstandingParts } from '../../src/understand/understanding.js';

const scratch = () => join(mkdtempSync(join(tmpdir(), 'built-stems-')), 'stems.json');
const readStems = (path: string): Record<string, string> => JSON.parse(readFileSync(path, 'utf8'));

describe('stems worked out by the build', () => {
  it('writes the stems of the word lists, each the one the stemmer makes', () => {
    const path = scratch();
    const count = writeBuiltStems(() => defaultUnderstandingParts(), path);
    const stems = readStems(path);
    expect(Object.keys(stems)).toHaveLength(count);
    expect(count).toBeGreaterThan(1000);
    expect(stems.containers).toBe('contain');
    expect(Object.entries(stems).filter(([token, stemmed]) => stemAfresh(token) !== stemmed)).toEqual([]);
  });

  it("never carries over an earlier build's file: it goes before the parts are made", () => {
    const path = scratch();
    writeFileSync(path, JSON.stringify({ zymurgies: 'stale' }));
    writeBuiltStems(() => {
      rememberBuiltStems(path);
      stem('zymurgies');
    }, path);
    expect(readStems(path).zymurgies).toBe(stemAfresh('zymurgies'));
    expect(stem('zymurgies')).toBe(stemAfresh('zymurgies'));
  });

  it('are remembered at start, and a missing file (a tutor run from its sources) changes nothing', () => {
    const path = scratch();
    expect(() => rememberBuiltStems(path)).not.toThrow();
    writeFileSync(path, JSON.stringify({ qqbuiltstemtoken: 'remembered' }));
    rememberBuiltStems(path);
    expect(stem('qqbuiltstemtoken')).toBe('remembered');
  });

  it('refuses a damaged file, saying how to make it again', () => {
    const path = scratch();
    for (const damaged of ['{"containers": "contain"', '[]', '{}', '{"containers": 3}']) {
      writeFileSync(path, damaged);
      expect(() => rememberBuiltStems(path)).toThrow(`${path}: not the stems the build writes`);
      expect(() => rememberBuiltStems(path)).toThrow(/run `npm run build`/);
    }
  });
});
