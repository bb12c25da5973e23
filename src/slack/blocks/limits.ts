import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextBlock,
  ContextBlockElement,
  KnownBlock,
  SectionBlock,
  TextObject,
} from '@slack/types';
import { truncate } from './mrkdwn.js';

/** Block Kit limits, as Slack documents them (some kept stricter where noted). */
export const SECTION_TEXT_MAX = 3000;
export const SECTION_FIELDS_MAX = 10;
export const SECTION_FIELD_TEXT_MAX = 2000;
export const HEADER_TEXT_MAX = 150;
export const TEXT_OBJECT_MAX = 3000;
export const CONTEXT_ELEMENTS_MAX = 10;
export const ACTIONS_ELEMENTS_MAX = 25;
export const BUTTON_TEXT_MAX = 75;
export const BUTTON_VALUE_MAX = 2000;
export const BUTTON_URL_MAX = 3000;
export const ACTION_ID_MAX = 255;
export const BLOCK_ID_MAX = 255;
export const MESSAGE_BLOCKS_MAX = 50;
export const HOME_BLOCKS_MAX = 100;
/** Slack allows far more in a message's top-level `text`; a notification fallback needs no more. */
export const MESSAGE_TEXT_MAX = 3000;

/** The line that stands in for blocks left out to keep a message within limits. */
export const MORE_IN_NOTES = '…more in the notes';

function fitTextObject<T extends TextObject>(text: T, max: number): T | null {
  const fitted = truncate(text.text, max);
  return fitted.trim() ? { ...text, text: fitted } : null;
}

function fitButton(button: Button): Button | null {
  const text = fitTextObject(button.text, BUTTON_TEXT_MAX);
  if (!text) return null;
  const fitted: Button = { ...button, text };
  if (fitted.action_id !== undefined) fitted.action_id = fitted.action_id.slice(0, ACTION_ID_MAX);
  // A value is data for the listener, not text for a person: it is cut, not ellipsised.
  if (fitted.value !== undefined) fitted.value = fitted.value.slice(0, BUTTON_VALUE_MAX);
  if (fitted.url !== undefined && fitted.url.length > BUTTON_URL_MAX) delete fitted.url;
  return fitted;
}

/** One block within its own limits, or null when nothing of it is left to show. */
function fitBlock(block: KnownBlock, actionIds: Set<string>): KnownBlock | null {
  const fitted = fitBlockContent(block, actionIds);
  if (fitted?.block_id !== undefined) fitted.block_id = fitted.block_id.slice(0, BLOCK_ID_MAX);
  return fitted;
}

/** Keeps a button only if its action id is not taken yet in the message. */
function claimActionId(element: { action_id?: string }, actionIds: Set<string>): boolean {
  if (element.action_id === undefined) return true;
  if (actionIds.has(element.action_id)) return false;
  actionIds.add(element.action_id);
  return true;
}

function fitBlockContent(block: KnownBlock, actionIds: Set<string>): KnownBlock | null {
  switch (block.type) {
    case 'header': {
      const text = fitTextObject(block.text, HEADER_TEXT_MAX);
      return text ? { ...block, text } : null;
    }
    case 'section': {
      const fitted: SectionBlock = { ...block };
      delete fitted.text;
      delete fitted.fields;
      const text = block.text ? fitTextObject(block.text, SECTION_TEXT_MAX) : null;
      if (text) fitted.text = text;
      const fields = (block.fields ?? [])
        .map((field) => fitTextObject(field, SECTION_FIELD_TEXT_MAX))
        .filter((field): field is TextObject => field !== null)
        .slice(0, SECTION_FIELDS_MAX);
      if (fields.length > 0) fitted.fields = fields;
      if (fitted.accessory?.type === 'button') {
        const button = fitButton(fitted.accessory);
        if (button && claimActionId(button, actionIds)) fitted.accessory = button;
        else delete fitted.accessory;
      }
      return fitted.text || fitted.fields ? fitted : null;
    }
    case 'context': {
      const elements = block.elements
        .map((element): ContextBlockElement | null =>
          element.type === 'image' ? element : fitTextObject(element, TEXT_OBJECT_MAX),
        )
        .filter((element): element is ContextBlockElement => element !== null)
        .slice(0, CONTEXT_ELEMENTS_MAX);
      return elements.length > 0 ? ({ ...block, elements } satisfies ContextBlock) : null;
    }
    case 'actions': {
      const elements = block.elements
        .map((element): ActionsBlockElement | null =>
          element.type === 'button' ? fitButton(element) : element,
        )
        .filter((element): element is ActionsBlockElement => element !== null)
        .filter((element) => claimActionId(element, actionIds))
        .slice(0, ACTIONS_ELEMENTS_MAX);
      return elements.length > 0 ? ({ ...block, elements } satisfies ActionsBlock) : null;
    }
    default:
      return block;
  }
}

function moreInNotes(): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `_${MORE_IN_NOTES}_` }] };
}

function lastIndexOfType(blocks: KnownBlock[], type: KnownBlock['type']): number {
  for (let i = blocks.length - 1; i >= 0; i--) if (blocks[i]?.type === type) return i;
  return -1;
}

/**
 * Fits blocks within Block Kit's limits however long the notes are: texts are cut at a word,
 * fields, elements and buttons with a repeated action id are dropped past the limit, and when
 * there are too many blocks the last context (the source) and actions blocks are kept, the
 * blocks before them are cut, and a "…more in the notes" line marks the cut.
 */
function fitBlocks(blocks: KnownBlock[], maxBlocks: number): KnownBlock[] {
  const actionIds = new Set<string>();
  const fitted = blocks
    .map((block) => fitBlock(block, actionIds))
    .filter((block): block is KnownBlock => block !== null);
  if (fitted.length <= maxBlocks) return fitted;

  const kept = new Set(
    [lastIndexOfType(fitted, 'context'), lastIndexOfType(fitted, 'actions')].filter((i) => i >= 0),
  );
  const room = maxBlocks - kept.size - 1;
  const head = fitted.filter((_, i) => !kept.has(i)).slice(0, room);
  // A divider just before the cut separates nothing.
  while (head.at(-1)?.type === 'divider') head.pop();
  const tail = fitted.filter((_, i) => kept.has(i));
  return [...head, moreInNotes(), ...tail];
}

/** A message's blocks within the limits of a message (at most 50 blocks). */
export function fitMessage(blocks: KnownBlock[]): KnownBlock[] {
  return fitBlocks(blocks, MESSAGE_BLOCKS_MAX);
}

/** A Home tab's blocks within the limits of a view (at most 100 blocks). */
export function fitHome(blocks: KnownBlock[]): KnownBlock[] {
  return fitBlocks(blocks, HOME_BLOCKS_MAX);
}

/** A message's top-level `text` fallback within its limit; never empty. */
export function fitFallbackText(text: string, fallback = 'AWS tutor'): string {
  const fitted = truncate(text.trim(), MESSAGE_TEXT_MAX);
  return fitted || fallback;
}
