import { createRequire } from 'node:module';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { describe, expect, it } from 'vitest';
import { porterStem } from '../../src/knowledge/porter-stemmer.js';

const english: string[] = createRequire(import.meta.url)('an-array-of-english-words');

/** Every suffix a step of the stemmer looks for, and the letters its quirks turn on. */
const SUFFIXES = [
  ...['sses', 'ies', 'ss', 's', 'eed', 'ed', 'ing', 'at', 'bl', 'iz', 'y', 'e', 'll'],
  ...['ational', 'tional', 'enci', 'anci', 'izer', 'abli', 'bli', 'alli', 'entli', 'eli', 'ousli'],
  ...['ization', 'ation', 'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti', 'iviti'],
  ...['biliti', 'logi', 'icate', 'ative', 'alize', 'iciti', 'ical', 'ful', 'ness', 'al', 'ance'],
  ...['ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti'],
  ...['ous', 'ive', 'ize', 'sion', 'tion', 'ion'],
];
const STARTS = ['', 'b', 'y', 'by', 'ay', 'yy', 'tr', 'sky', 'oa', 'hopp', 'fil', 'cr', 'ee', 'w', 'x'];

/** Words made to reach every branch: short and long starts, a `y` after a consonant, one suffix or two. */
function madeWords(): string[] {
  const made: string[] = [];
  for (const start of STARTS)
    for (const first of SUFFIXES) {
      made.push(start + first);
      for (const second of SUFFIXES) made.push(start + first + second);
    }
  return made;
}

describe("Porter's stemmer", () => {
  it("stems every English word as natural's does", () => {
    expect(english.filter((word) => porterStem(word) !== PorterStemmer.stem(word))).toEqual([]);
  });

  it("stems words made for its quirks as natural's does", () => {
    const words = [...madeWords(), 'Running', 'CATS', 'ÉTÉS', 'naïveties', 'a', 'is', ''];
    expect(words.filter((word) => porterStem(word) !== PorterStemmer.stem(word))).toEqual([]);
  });
});
