import { describe, expect, it } from 'vitest';
import { words } from '../../src/knowledge/text.js';
import { WordTable } from '../../src/knowledge/word-table.js';

/** A table whose entries are the words themselves, with the words it made entries for, in order. */
function tableOfWords() {
  const made: string[] = [];
  const table = new WordTable((word) => {
    made.push(word);
    return { word };
  });
  return { table, made };
}

const TEXTS = [
  'Amazon S3 stores objects in buckets',
  "Don't use `Lambda` for long jobs; it's capped at 15 min",
  '  EC2 -> Auto-Scaling groups (ASG), k8s & ECS!  ',
  "'quoted' words and trailing apostrophes'",
  'tabs\tand\nnewlines\r\nsplit words too',
  'Café au lait: accents fold (naïve → naive)',
  'ＡＷＳ full-width letters and ﬁ ligatures',
  'control\u0007characters and DEL\u007f too',
  '',
  '...',
  "' ` ´",
  'MiXeD CaSe WORDS and words',
  '123 4th 5G 1.5GB',
];

describe('WordTable', () => {
  it('splits a text as words does, lowercased, apostrophes dropped', () => {
    const { table } = tableOfWords();
    const into: { word: string }[] = [];
    for (const text of TEXTS) {
      const count = table.entriesOf(text, into);
      expect(into.slice(0, count).map((entry) => entry.word)).toEqual(words(text));
    }
  });

  it('keeps one entry a word, made the first time the word is seen, in the order seen', () => {
    const { table, made } = tableOfWords();
    const first: { word: string }[] = [];
    const second: { word: string }[] = [];
    expect(table.entriesOf('Queues decouple queues', first)).toBe(3);
    expect(table.entriesOf('QUEUES and topics', second)).toBe(3);
    expect(first[0]).toBe(first[2]);
    expect(second[0]).toBe(first[0]);
    expect(table.get('topics')).toBe(second[2]);
    expect(made).toEqual(['queues', 'decouple', 'and', 'topics']);
  });

  it('finds the same entry from a text and from the word alone, however many words it holds', () => {
    const { table, made } = tableOfWords();
    const into: { word: string }[] = [];
    const many = Array.from({ length: 5000 }, (_, n) => `word${n}`);
    expect(table.entriesOf(many.join(' '), into)).toBe(5000);
    for (const [at, word] of many.entries()) expect(table.get(word)).toBe(into[at]);
    expect(table.entriesOf('Word42 WORD4999', into)).toBe(2);
    expect(into.slice(0, 2).map((entry) => entry.word)).toEqual(['word42', 'word4999']);
    // What lies beyond the words of the last text is left as it was.
    expect(into[2]).toBe(table.get('word2'));
    expect(made).toHaveLength(5000);
  });

  it('makes a word seen before a letter other than ASCII just once', () => {
    const { table, made } = tableOfWords();
    const into: { word: string }[] = [];
    expect(table.entriesOf('plain words then café', into)).toBe(4);
    expect(into.map((entry) => entry.word)).toEqual(['plain', 'words', 'then', 'cafe']);
    expect(made).toEqual(['plain', 'words', 'then', 'cafe']);
  });
});
