import { describe, expect, it } from 'vitest';
import { cleanQuestion, MAX_QUESTION_CHARS } from '../../src/tutor/clean-question.js';

describe('cleanQuestion', () => {
  it('leaves a plain question alone', () => {
    expect(cleanQuestion('what is ECR?')).toBe('what is ECR?');
    expect(cleanQuestion('Ünïcödé café 🚀')).toBe('Ünïcödé café 🚀');
  });

  it('trims and collapses whitespace', () => {
    expect(cleanQuestion('  what   is\t\tfargate \n ')).toBe('what is fargate');
    expect(cleanQuestion('')).toBe('');
    expect(cleanQuestion(' \n\t ')).toBe('');
  });

  it('drops user mentions and special mentions', () => {
    expect(cleanQuestion('<@U123> what is ecr')).toBe('what is ecr');
    expect(cleanQuestion('<@U123|bob> what is ecr')).toBe('what is ecr');
    expect(cleanQuestion('<!channel> <!here> <!everyone> hi')).toBe('hi');
    expect(cleanQuestion('<!here|here> hi')).toBe('hi');
    expect(cleanQuestion('<!subteam^S123|@team> hi')).toBe('hi');
    expect(cleanQuestion('<!here>')).toBe('');
  });

  it('keeps a channel’s label, or drops it when it has none', () => {
    expect(cleanQuestion('<#C123|general> hi')).toBe('general hi');
    expect(cleanQuestion('<#C123> hi')).toBe('hi');
  });

  it('keeps a link’s label and drops its address', () => {
    expect(cleanQuestion('<https://x.com|click> what is ecr')).toBe('click what is ecr');
    expect(cleanQuestion('<https://x.com> what is ecr')).toBe('what is ecr');
    expect(cleanQuestion('<https://evil.com|https://evil.com>')).toBe('');
  });

  it('drops bare URLs of any common scheme', () => {
    expect(cleanQuestion('see https://x.com/a?b=1 now')).toBe('see now');
    expect(cleanQuestion('HTTP://X.COM/PATH now')).toBe('now');
    expect(cleanQuestion('ftp://host/file mailto:a@b.com slack://open ok')).toBe('ok');
  });

  it('defuses @here, @channel, @everyone and !here written as plain text', () => {
    const cleaned = cleanQuestion('@here @channel @everyone !here !channel what is ecr');
    expect(cleaned).toBe('here channel everyone here channel what is ecr');
    expect(cleaned).not.toMatch(/[@!](here|channel|everyone)/);
  });

  it('keeps the words here, channel and everyone in ordinary text', () => {
    expect(cleanQuestion('where is here for everyone on the channel')).toBe(
      'where is here for everyone on the channel',
    );
  });

  it('replaces control, format and private-use characters with spaces', () => {
    expect(cleanQuestion('a\u0000b\u0007c\u001bd\u007fe')).toBe('a b c d e');
    expect(cleanQuestion('what\u200bis\u202eecr')).toBe('what is ecr');
    expect(cleanQuestion('x\uE000y')).toBe('x y');
  });

  it('removes stray angle brackets and ampersands', () => {
    expect(cleanQuestion('a<b>c')).toBe('a c');
    expect(cleanQuestion('ecs & fargate')).toBe('ecs fargate');
    expect(cleanQuestion('a > b')).toBe('a b');
    const cleaned = cleanQuestion('<<!here>> <script>alert(1)</script>');
    expect(cleaned).not.toMatch(/[<>]/);
    expect(cleaned).not.toContain('here');
  });

  it(`cuts the question at ${MAX_QUESTION_CHARS} characters`, () => {
    expect(MAX_QUESTION_CHARS).toBe(500);
    expect(cleanQuestion('x'.repeat(10_000))).toHaveLength(MAX_QUESTION_CHARS);
    expect(cleanQuestion(`${'ab '.repeat(400)}`).length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  });

  it('is idempotent', () => {
    for (const raw of [
      '<@U1> <!channel> <https://x.com|click> what is ecr',
      ' a\u0000b ',
      '@here & <#C1|general>',
    ]) {
      const once = cleanQuestion(raw);
      expect(cleanQuestion(once)).toBe(once);
    }
  });
});

describe('cleanQuestion: nothing typed can ping', () => {
  it('drops every @ and ! in front of a word, however many', () => {
    for (const typed of ['@@here', '@!channel', 'ping @@everyone', '!!here', '＠here']) {
      expect(cleanQuestion(typed)).not.toMatch(/[@＠!](here|channel|everyone)/i);
    }
  });
});
