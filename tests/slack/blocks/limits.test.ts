import type { Button, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  fitFallbackText,
  fitHome,
  fitMessage,
  HOME_BLOCKS_MAX,
  MESSAGE_BLOCKS_MAX,
  MORE_IN_NOTES,
} from '../../../src/slack/blocks/limits.js';
import { blockKitViolations } from '../../helpers/block-kit-limits.js';

const long = (n: number) => 'lorem ipsum &amp; dolor '.repeat(Math.ceil(n / 24)).slice(0, n);
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (actionId: string, label = 'Go', value = 'v'): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: label },
  action_id: actionId,
  value,
});

/** Every block Block Kit knows the tutor to use, each far past its limits. */
function oversized(): KnownBlock[] {
  return [
    { type: 'header', text: { type: 'plain_text', text: long(400) } },
    section(long(9000)),
    {
      type: 'section',
      text: { type: 'mrkdwn', text: long(50) },
      fields: Array.from({ length: 15 }, () => ({ type: 'mrkdwn' as const, text: long(2500) })),
      accessory: button('accessory', long(100), long(2500)),
    },
    {
      type: 'context',
      elements: Array.from({ length: 14 }, () => ({ type: 'mrkdwn' as const, text: long(3500) })),
    },
    {
      type: 'actions',
      block_id: 'b'.repeat(300),
      elements: [
        ...Array.from({ length: 30 }, (_, i) => button(`ask_topic:${i}`, long(100), long(3000))),
        button('x'.repeat(300)),
      ],
    },
  ];
}

describe('fitMessage', () => {
  it('leaves a message within limits as it is', () => {
    const blocks: KnownBlock[] = [
      { type: 'header', text: { type: 'plain_text', text: 'ECS' } },
      section('• Used to launch Docker containers on AWS.'),
      { type: 'divider' },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Source: compute.md › ECS' }] },
      { type: 'actions', elements: [button('ask_topic:0'), button('share_answer')] },
    ];
    expect(fitMessage(blocks)).toEqual(blocks);
  });

  it('cuts every text and caps every list of fields, elements and buttons', () => {
    const blocks = oversized();
    expect(blockKitViolations(blocks, 'message').length).toBeGreaterThan(5);
    const fitted = fitMessage(blocks);
    expect(blockKitViolations(fitted, 'message')).toEqual([]);
    expect(fitted.map((block) => block.type)).toEqual(['header', 'section', 'section', 'context', 'actions']);
    const header = fitted[0] as { text: { text: string } };
    expect(header.text.text.endsWith('…')).toBe(true);
  });

  it('does not change the blocks it is given', () => {
    const blocks = oversized();
    const copy = structuredClone(blocks);
    fitMessage(blocks);
    expect(blocks).toEqual(copy);
  });

  it('drops empty texts and blocks left empty', () => {
    const fitted = fitMessage([
      section('  '),
      { type: 'header', text: { type: 'plain_text', text: '' } },
      { type: 'context', elements: [] },
      { type: 'actions', elements: [] },
      section('kept'),
    ]);
    expect(fitted).toEqual([section('kept')]);
  });

  it('keeps action ids unique within a message', () => {
    const fitted = fitMessage([
      { type: 'actions', elements: [button('ask_topic:0', 'A'), button('ask_topic:0', 'B')] },
      { type: 'actions', elements: [button('ask_topic:0', 'C'), button('share_answer')] },
    ]);
    expect(blockKitViolations(fitted, 'message')).toEqual([]);
    const labels = fitted.flatMap((block) =>
      block.type === 'actions' ? block.elements.map((element) => (element as Button).text.text) : [],
    );
    expect(labels).toEqual(['A', 'Go']);
  });

  it('keeps the source and the buttons, and says more is in the notes, when blocks must go', () => {
    const blocks: KnownBlock[] = [
      { type: 'header', text: { type: 'plain_text', text: 'Big topic' } },
      ...Array.from({ length: 80 }, (_, i) => section(`• fact ${i}`)),
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Source: big.md › Big topic' }] },
      { type: 'actions', elements: [button('ask_topic:0'), button('share_answer')] },
    ];
    const fitted = fitMessage(blocks);
    expect(fitted).toHaveLength(MESSAGE_BLOCKS_MAX);
    expect(blockKitViolations(fitted, 'message')).toEqual([]);
    expect(fitted[0]).toEqual(blocks[0]);
    expect(fitted[1]).toEqual(section('• fact 0'));
    expect(fitted.at(-1)).toEqual(blocks.at(-1));
    expect(fitted.at(-2)).toEqual(blocks.at(-2));
    expect(JSON.stringify(fitted.at(-3))).toContain(MORE_IN_NOTES);
    expect(fitted.at(-4)).toEqual(section(`• fact ${MESSAGE_BLOCKS_MAX - 5}`));
  });

  it('keeps within 50 blocks however many there are, even with no footer to keep', () => {
    const fitted = fitMessage(Array.from({ length: 500 }, (_, i) => section(long(5000 + i))));
    expect(fitted).toHaveLength(MESSAGE_BLOCKS_MAX);
    expect(blockKitViolations(fitted, 'message')).toEqual([]);
    expect(JSON.stringify(fitted.at(-1))).toContain(MORE_IN_NOTES);
  });

  it('does not end the cut with a divider', () => {
    const blocks: KnownBlock[] = Array.from({ length: 60 }, (_, i) =>
      i % 2 ? { type: 'divider' } : section(`part ${i}`),
    );
    const fitted = fitMessage(blocks);
    expect(fitted.at(-2)?.type).not.toBe('divider');
  });
});

describe('fitHome', () => {
  it('allows a Home tab its 100 blocks', () => {
    const blocks = Array.from({ length: 100 }, (_, i) => section(`line ${i}`));
    expect(fitHome(blocks)).toEqual(blocks);
    const fitted = fitHome([...blocks, ...blocks]);
    expect(fitted).toHaveLength(HOME_BLOCKS_MAX);
    expect(blockKitViolations(fitted, 'home')).toEqual([]);
    expect(blockKitViolations(fitted, 'message')).toContain('100 blocks in a message: at most 50');
  });
});

describe('fitFallbackText', () => {
  it('keeps the fallback within 3000 characters and never empty', () => {
    expect(fitFallbackText(long(10000)).length).toBeLessThanOrEqual(3000);
    expect(fitFallbackText('   ')).toBe('AWS tutor');
    expect(fitFallbackText(' ECS ')).toBe('ECS');
  });
});
