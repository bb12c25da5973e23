import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';

describe('parseArgs', () => {
  it('separates flags, valued options and positional words', () => {
    const parsed = parseArgs(['--json', '--knowledge', 'notes', 'what', 'is', 'ecr'], ['knowledge']);
    expect([...parsed.flags]).toEqual(['json']);
    expect(Object.fromEntries(parsed.options)).toEqual({ knowledge: 'notes' });
    expect(parsed.positional).toEqual(['what', 'is', 'ecr']);
  });

  it('accepts --name=value, keeping any = in the value', () => {
    const parsed = parseArgs(['--knowledge=a=b'], ['knowledge']);
    expect(parsed.options.get('knowledge')).toBe('a=b');
  });

  it('takes everything after -- as positional', () => {
    const parsed = parseArgs(['--json', '--', '--batch', 'x'], ['knowledge']);
    expect([...parsed.flags]).toEqual(['json']);
    expect(parsed.positional).toEqual(['--batch', 'x']);
  });

  it('throws a UsageError for a valued option without a value', () => {
    expect(() => parseArgs(['--knowledge'], ['knowledge'])).toThrow(UsageError);
    expect(() => parseArgs(['--knowledge='], ['knowledge'])).toThrow(/--knowledge needs a value/);
  });
});
