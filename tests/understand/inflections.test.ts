import { describe, expect, it } from 'vitest';
import { dictionaryForms } from '../../src/understand/inflections.js';

describe('dictionaryForms', () => {
  it.each([
    ['uploads', 'upload'],
    ['copies', 'copy'],
    ['stored', 'store'],
    ['notifying', 'notify'],
    ['stopped', 'stop'],
    ['running', 'run'],
    ['used', 'use'],
    ['invoices', 'invoice'],
  ])('reads %s as a form of %s', (inflected, base) => {
    expect(dictionaryForms(inflected)).toContain(base);
  });

  it('offers nothing for a word without an ending, or one too short to carry it', () => {
    expect(dictionaryForms('queue')).toEqual([]);
    expect(dictionaryForms('bus')).toEqual([]);
  });
});
