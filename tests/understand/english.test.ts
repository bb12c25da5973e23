import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadEnglishWords } from '../../src/understand/english.js';

const listed: string[] = createRequire(import.meta.url)('an-array-of-english-words');

describe('English words', () => {
  const english = loadEnglishWords();

  it('finds every word of the list, the first and the last included', () => {
    expect(listed.length).toBeGreaterThan(270_000);
    expect(listed.filter((word) => !english.has(word))).toEqual([]);
  });

  it('finds no string that is not in the list, however close to one it sorts', () => {
    const known = new Set(listed);
    // Each word with a letter more, a letter fewer and its last letter changed: neighbours of
    // real words on both sides, where a binary search over bytes could land on the wrong word.
    const near = listed
      .filter((_, i) => i % 7 === 0)
      .flatMap((word) => [`${word}q`, word.slice(0, -1), `${word.slice(0, -1)}z`, `a${word}`]);
    const wrong = near.filter((candidate) => english.has(candidate) !== known.has(candidate));
    expect(near.length).toBeGreaterThan(150_000);
    expect(wrong).toEqual([]);
  });

  it('says no to what is not a lowercase word', () => {
    for (const token of ['', 'Docker', 's3', 'ec2', 'don t', '"', ',', 'zzzzzzzzz', 'aaaaaaa'])
      expect(english.has(token)).toBe(false);
    for (const word of ['a', 'zzzs', 'container', 'places']) expect(english.has(word)).toBe(true);
  });
});
