import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';

describe('parseArgs', () => {
  const ASK = { command: 'ask', valued: ['knowledge'], flags: ['json', 'batch'] };

  it('separates flags, valued options and positional words', () => {
    const parsed = parseArgs(['--json', '--knowledge', 'notes', 'what', 'is', 'ecr'], ASK);
    expect([...parsed.flags]).toEqual(['json']);
    expect(Object.fromEntries(parsed.options)).toEqual({ knowledge: 'notes' });
    expect(parsed.positional).toEqual(['what', 'is', 'ecr']);
  });

  it('accepts --name=value, keeping any = in the value', () => {
    const parsed = parseArgs(['--knowledge=a=b'], ASK);
    expect(parsed.options.get('knowledge')).toBe('a=b');
  });

  it('takes everything after -- as positional', () => {
    const parsed = parseArgs(['--json', '--', '--batch', 'x'], ASK);
    expect([...parsed.flags]).toEqual(['json']);
    expect(parsed.positional).toEqual(['--batch', 'x']);
  });

  it('throws a UsageError for a valued option without a value', () => {
    expect(() => parseArgs(['--knowledge'], ASK)).toThrow(UsageError);
    expect(() => parseArgs(['--knowledge='], ASK)).toThrow(/--knowledge needs a value/);
  });

  it('names an option the command does not have, rather than taking it as a flag', () => {
    expect(() => parseArgs(['what', 'is', 'ecs', '--failures', '3'], ASK)).toThrow(
      /^ask has no option --failures$/,
    );
    expect(() => parseArgs(['--json=yes'], ASK)).toThrow(/^--json takes no value$/);
  });
});
