import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEverydayWords } from '../../src/understand/everyday-words.js';
import { PROJECT_ROOT } from '../helpers/paths.js';
import { rebuiltBy } from '../helpers/rebuilt-data.js';

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

  it('knows the words people use as verbs, not those that only may be one', () => {
    for (const word of ['support', 'offer', 'protect', 'crawl', 'connect', 'translate'])
      expect(everyday.isVerb(word), word).toBe(true);
    for (const word of ['helm', 'exactly', 'once', 'python', 'config', 'batch', 'private'])
      expect(everyday.isVerb(word), word).toBe(false);
  });

  it('is what the build script makes from WordNet today', () => {
    expect(rebuiltBy(BUILD_SCRIPT, 'everyday-words.json')).toBe(readFileSync(DATA_FILE, 'utf8'));
  });
});
