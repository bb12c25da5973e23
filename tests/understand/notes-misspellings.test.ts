import { describe, expect, it } from 'vitest';
import { loadEnglishWords } from '../../src/understand/english.js';
import { isOneSlip, NotesMisspellings } from '../../src/understand/notes-misspellings.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

const english = loadEnglishWords();
const notesWords = new Set([
  'availabilty',
  'accross',
  'automaticaly',
  'postgres',
  'vcenter',
  'braket',
  'cluster',
  'recieve',
  'seperately',
]);
const misspellings = new NotesMisspellings(notesWords, english, (word) => word === 'braket');

describe('NotesMisspellings', () => {
  it('finds the notes word an English word was typed as: a letter left out, added or a vowel changed', () => {
    expect(misspellings.of('availability')).toEqual(['availabilty']);
    expect(misspellings.of('across')).toEqual(['accross']);
    expect(misspellings.of('automatically')).toEqual(['automaticaly']);
    expect(misspellings.of('receive')).toEqual(['recieve']);
    expect(misspellings.of('separately')).toEqual(['seperately']);
  });

  it('counts one slip of each kind, and never two', () => {
    expect(isOneSlip('across', 'accross')).toBe(true);
    expect(isOneSlip('across', 'acros')).toBe(true);
    expect(isOneSlip('receive', 'recieve')).toBe(true);
    expect(isOneSlip('separate', 'seperate')).toBe(true);
    // A consonant for another, two slips, or none at all.
    expect(isOneSlip('postures', 'postgres')).toBe(false);
    expect(isOneSlip('separate', 'seperete')).toBe(false);
    expect(isOneSlip('across', 'accros')).toBe(false);
    expect(isOneSlip('across', 'across')).toBe(false);
  });

  it('leaves alone notes words that are other words: names, coinages, English words', () => {
    // A consonant changed: `postgres` is no `postures`.
    expect(misspellings.of('postures')).toEqual([]);
    // Another first letter: `vcenter` is a product, not `center`.
    expect(misspellings.of('center')).toEqual([]);
    // A cloud service's name (Amazon Braket) is no typo of `bracket`.
    expect(misspellings.of('bracket')).toEqual([]);
    // `cluster` is English: notes that use it mean it.
    expect(misspellings.of('clusters')).toEqual([]);
    // Too short to say which word was meant.
    expect(misspellings.of('acros')).toEqual([]);
  });
});

describe('a question spelt right on notes spelt wrong', () => {
  it('finds the fact the team misspelt', () => {
    // The team's notes say `has high availabilty, but no auto scaling`.
    const reply = tutorFor(KNOWLEDGE_DIR).answer('lightsail availability');
    expect(reply.intent).toBe('explain');
    if (reply.intent !== 'explain') return;
    expect(reply.lead[0]?.text).toMatch(/availabilty/);
  });

  it('finds it through what an everyday phrase means too', () => {
    // "stay up" means availability (data/cloud-concepts.json), which the notes spell `availabilty`.
    const reply = tutorFor(KNOWLEDGE_DIR).answer('will my lightsail site stay up if a machine fails');
    expect(reply.intent).toBe('explain');
    if (reply.intent !== 'explain') return;
    expect(reply.lead[0]?.text).toMatch(/availabilty/);
  });
});
