import { describe, expect, it } from 'vitest';
import { loadEnglishWords } from '../../src/understand/english.js';
import { ShortForms } from '../../src/understand/short-forms.js';

describe('short forms of words', () => {
  const english = loadEnglishWords();
  const shortForms = new ShortForms(english);

  it('spells out the short forms chat uses, from the spelling and synonym groups', () => {
    expect(shortForms.of('svc')).toBe('service');
    expect(shortForms.of('svcs')).toBe('services');
    expect(shortForms.of('mgmt')).toBe('management');
    expect(shortForms.of('db')).toBe('database');
  });

  it('takes no English word for a short form: `go` is not `gone` cut short', () => {
    for (const word of ['go', 'big', 'see', 'write', 'service'])
      expect(shortForms.of(word), word).toBeUndefined();
  });

  it('reads the numeronyms of the trade, and no instance type as one', () => {
    expect(shortForms.of('k8s')).toBe('kubernetes');
    expect(shortForms.of('o11y')).toBe('observability');
    for (const word of ['c6g', 'r7g', 'm5d']) expect(shortForms.of(word), word).toBeUndefined();
  });

  it('spells out a question’s tokens only when one is short', () => {
    expect(shortForms.inFull(['elastic', 'k8s', 'svc'])).toEqual(['elastic', 'kubernetes', 'service']);
    expect(shortForms.inFull(['elastic', 'kubernetes', 'service'])).toBeNull();
  });
});
