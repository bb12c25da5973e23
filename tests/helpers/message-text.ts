import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from '../../src/slack/blocks/render-reply.js';

/** A block's visible texts: its header, text, fields and context elements. */
export function textsOf(block: KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text];
    case 'section':
      return [block.text?.text ?? '', ...(block.fields ?? []).map((field) => field.text)];
    case 'context':
      return block.elements.flatMap((element) => ('text' in element ? [element.text] : []));
    default:
      return [];
  }
}

/** Every visible text of a message's blocks, a line each. */
export const textOf = (message: SlackMessage): string => message.blocks.flatMap(textsOf).join('\n');
