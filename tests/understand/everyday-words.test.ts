import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEverydayWords } from '../../src/understand/everyday-words.js';
import { PROJECT_ROOT } from '../helpers/paths.js';

const DATA_FILE = join(PROJECT_ROOT, 'src', 'understand', 'data', 'everyday-words.json');
const BUILD_SCRIPT = join(PROJECT_ROOT, 'scripts', 'wordnet', 'build-everyday-words.mjs');

describe('everyday words', () => {
  const everyday = loadEverydayWords();

  it('knows everyday English in its plural and verb forms', () => {
    for (const word of ['good', 'place', 'watching', 'spots', 'keeps', 'office', 'stories', 'used'])
      expect(everyday.has(word), word).toBe(true);
  });

  it('leaves out the words of the trade, however English they are', () => {
    for (const word of ['database', 'server', 'encrypt', 'bucket', 'cheap', 'queue', 'podcast'])
      expect(everyday.has(word), word).toBe(false);
  });

  it('is what the build script makes from WordNet today', () => {
    const dir = mkdtempSync(join(tmpdir(), 'everyday-words-'));
    try {
      const rebuilt = join(dir, 'everyday-words.json');
      const build = spawnSync(process.execPath, [BUILD_SCRIPT, rebuilt], { encoding: 'utf8' });
      expect(build.status, build.stderr).toBe(0);
      expect(readFileSync(rebuilt, 'utf8')).toBe(readFileSync(DATA_FILE, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
