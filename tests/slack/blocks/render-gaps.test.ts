import { describe, expect, it } from 'vitest';
import type { Digest } from '../../../src/gaps/digest.js';
import type { GapGroup } from '../../../src/gaps/gap-groups.js';
import { addTopicStep, downvotedStep } from '../../../src/gaps/next-step.js';
import { renderDigest, renderGaps, userText } from '../../../src/slack/blocks/render-gaps.js';
import { assertWithinBlockKitLimits, liveMarkup, visibleTexts } from '../../helpers/block-kit-limits.js';

const hostile = '<!channel> @here *bold* _it_ ~gone~ `code` <https://evil.example|click> & <@U123>';

function group(extra: Partial<GapGroup>): GapGroup {
  return {
    kind: 'unanswered',
    teamId: 'T1',
    label: 'AWS Glue',
    count: 3,
    example: hostile,
    firstSeen: new Date(0),
    lastSeen: new Date(1),
    nextStep: addTopicStep('AWS Glue'),
    ...extra,
  };
}

describe('userText', () => {
  it('escapes markup and swaps formatting characters for look-alikes', () => {
    const shown = userText(hostile, 500);
    expect(liveMarkup(shown)).toEqual([]);
    expect(shown).not.toMatch(/[*_~`]/);
    expect(shown).toContain('&lt;!channel&gt;');
  });
});

describe('renderGaps and renderDigest', () => {
  const groups = [
    group({}),
    group({ kind: 'downvoted', label: hostile, nextStep: downvotedStep(hostile, hostile, hostile) }),
    ...Array.from({ length: 40 }, (_, i) => group({ label: `Service ${i} ${'x'.repeat(200)}`, count: 1 })),
  ];

  it('show what people typed without live mentions, links or formatting, within Block Kit limits', () => {
    const view = renderGaps(groups, 'month', 180);
    assertWithinBlockKitLimits(view);
    const text = visibleTexts(view).join('\n');
    expect(liveMarkup(text)).toEqual([]);
    expect(text).not.toMatch(/\*bold\*|_it_|~gone~|`code`/);
    expect(text).toContain('add a `# AWS Glue` topic to the notes');
    expect(text).toMatch(/…and 36 more/);

    const digest: Digest = {
      teamId: 'T1',
      from: new Date('2026-03-02T08:00:00Z'),
      to: new Date('2026-03-09T08:00:00Z'),
      totals: { asked: 12, answered: 9 },
      topGaps: groups.slice(0, 3),
      improved: [{ title: 'ECS', answered: 4, shareRight: 1, previousShareRight: 0.5 }],
      weakest: [{ title: 'Lambda', answered: 6, shareRight: 0.5, previousShareRight: null }],
      reviews: 7,
    };
    const posted = renderDigest(digest);
    assertWithinBlockKitLimits(posted);
    const digestText = visibleTexts(posted).join('\n');
    expect(liveMarkup(digestText.replace(/<!date\^[^>]*>/g, ''))).toEqual([]);
    expect(digestText).toMatch(/12 questions asked this week, 9 answered from the notes \(75%\)/);
    expect(digestText).toMatch(/\*Most improved\*: \*ECS\* 50% → 100% right \(4 answers\)/);
    expect(digestText).toMatch(/\*Weakest\*: \*Lambda\* 50% right \(6 answers\)/);
    expect(digestText).toMatch(/\*Reviews done\*: 7/);
  });

  it('say when there is nothing to fix', () => {
    expect(visibleTexts(renderGaps([], 'week', 180)).join('\n')).toMatch(/Nothing to fix/);
  });
});
