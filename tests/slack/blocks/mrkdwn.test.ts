import { describe, expect, it } from 'vitest';
import {
  bold,
  escapeAndTruncate,
  escapeMrkdwn,
  mentionUser,
  truncate,
} from '../../../src/slack/blocks/mrkdwn.js';
import { liveMarkup } from '../../helpers/block-kit-limits.js';

describe('escapeMrkdwn', () => {
  it('escapes the three characters Slack reads as control characters', () => {
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
    expect(escapeMrkdwn('plain text, *bold* and `code`')).toBe('plain text, *bold* and `code`');
  });

  it('leaves no way to form a mention, a special mention or a link', () => {
    const hostile = '<!channel> <!here|here> <@U123> <#C123|general> <https://x|y> <!subteam^S1>';
    const escaped = escapeMrkdwn(hostile);
    expect(escaped).not.toMatch(/[<>]/);
    expect(liveMarkup(escaped)).toEqual([]);
    expect(escaped).toContain('&lt;!channel&gt;');
  });

  it('defuses bare @here, @channel and @everyone, keeping them readable', () => {
    const escaped = escapeMrkdwn('ping @here, @Channel and @everyone, mail me@example.com');
    expect(liveMarkup(escaped)).toEqual([]);
    expect(escaped.replace(/\u2060/g, '')).toBe('ping @here, @Channel and @everyone, mail me@example.com');
  });
});

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('short', 5)).toBe('short');
    expect(truncate('', 10)).toBe('');
  });

  it('cuts at a word with an ellipsis, within the limit', () => {
    const cut = truncate('the quick brown fox jumps over the lazy dog', 20);
    expect(cut).toBe('the quick brown fox…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  it('cuts inside a long word when there is no word break near', () => {
    const cut = truncate('x'.repeat(50), 10);
    expect(cut).toBe(`${'x'.repeat(9)}…`);
  });

  it('never leaves half an entity, half a <…> token or half a surrogate pair', () => {
    expect(truncate('aaaaaaaa&amp;bbbbbbbbbbbb', 12)).toBe('aaaaaaaa…');
    expect(truncate('Shared by <@U1234567890>', 20)).toBe('Shared by…');
    const emoji = truncate(`${'a'.repeat(8)}😀😀😀`, 10);
    expect(emoji).toBe(`${'a'.repeat(8)}…`);
    expect(emoji.length).toBeLessThanOrEqual(10);
  });

  it('keeps within any limit', () => {
    const text = 'word &amp; '.repeat(500);
    for (const max of [1, 2, 3, 10, 75, 150, 2000, 3000]) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/&[a-z]*…$/);
    }
    expect(truncate('abc', 0)).toBe('');
  });
});

describe('escapeAndTruncate', () => {
  it('fits the escaped text, however much escaping grows it', () => {
    const cut = escapeAndTruncate('<&>'.repeat(100), 75);
    expect(cut.length).toBeLessThanOrEqual(75);
    expect(cut).not.toMatch(/[<>]/);
    expect(cut).toMatch(/^(&lt;&amp;&gt;)+(&lt;|&lt;&amp;)?…$/);
  });
});

describe('mentionUser', () => {
  it('mentions a Slack user id', () => {
    expect(mentionUser('U123ABC')).toBe('<@U123ABC>');
    expect(mentionUser('W0EXAMPLE1')).toBe('<@W0EXAMPLE1>');
  });

  it('shows anything else as escaped text', () => {
    expect(mentionUser('alice')).toBe('alice');
    expect(mentionUser('U123> <!channel')).toBe('U123&gt; &lt;!channel');
    expect(mentionUser('u123')).toBe('u123');
    expect(liveMarkup(mentionUser('<!here>'))).toEqual([]);
  });
});

describe('bold', () => {
  it('wraps trimmed text, and leaves empty text empty', () => {
    expect(bold(' ECS ')).toBe('*ECS*');
    expect(bold('  ')).toBe('');
  });
});
