/**
 * Block Kit's limits, checked the way Slack checks a payload: `blockKitViolations` walks blocks
 * (as rendered, or as a fake Slack server receives them) and lists every limit they break.
 */

export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  textObject: 3000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  /** Slack takes more in a message's `text`; the tutor keeps its fallback to this. */
  messageText: 3000,
} as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks the blocks of one message or Home tab and lists what breaks a limit; empty when fine. */
export function blockKitViolations(blocks: unknown[], kind: 'message' | 'home'): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return [`blocks is not an array (${typeof blocks})`];
  const maxBlocks = kind === 'home' ? BLOCK_KIT_LIMITS.homeBlocks : BLOCK_KIT_LIMITS.messageBlocks;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks in a ${kind}: at most ${maxBlocks}`);
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();

  const text = (where: string, value: unknown, max: number, types = ['plain_text', 'mrkdwn']): void => {
    if (!isObject(value)) {
      problems.push(`${where}: not a text object`);
      return;
    }
    if (!types.includes(String(value.type))) {
      problems.push(`${where}: text type ${JSON.stringify(value.type)}, want ${types.join(' or ')}`);
    }
    if (typeof value.text !== 'string') {
      problems.push(`${where}: text is not a string`);
      return;
    }
    if (value.text.trim().length === 0) problems.push(`${where}: empty text`);
    if (value.text.length > max)
      problems.push(`${where}: text of ${value.text.length} characters, at most ${max}`);
  };

  const actionId = (where: string, element: Json): void => {
    if (element.action_id === undefined) return;
    if (typeof element.action_id !== 'string' || element.action_id.length === 0) {
      problems.push(`${where}: action_id must be a non-empty string`);
      return;
    }
    if (element.action_id.length > BLOCK_KIT_LIMITS.actionId) {
      problems.push(
        `${where}: action_id of ${element.action_id.length} characters, at most ${BLOCK_KIT_LIMITS.actionId}`,
      );
    }
    if (actionIds.has(element.action_id)) {
      problems.push(`${where}: action_id ${JSON.stringify(element.action_id)} is used twice in the ${kind}`);
    }
    actionIds.add(element.action_id);
  };

  const element = (where: string, value: unknown): void => {
    if (!isObject(value)) {
      problems.push(`${where}: not an object`);
      return;
    }
    actionId(where, value);
    if (value.type !== 'button') return;
    text(`${where}.text`, value.text, BLOCK_KIT_LIMITS.buttonText, ['plain_text']);
    if (value.value !== undefined) {
      if (typeof value.value !== 'string') problems.push(`${where}: value is not a string`);
      else if (value.value.length > BLOCK_KIT_LIMITS.buttonValue) {
        problems.push(
          `${where}: value of ${value.value.length} characters, at most ${BLOCK_KIT_LIMITS.buttonValue}`,
        );
      }
    }
    if (typeof value.url === 'string' && value.url.length > BLOCK_KIT_LIMITS.buttonUrl) {
      problems.push(`${where}: url of ${value.url.length} characters, at most ${BLOCK_KIT_LIMITS.buttonUrl}`);
    }
  };

  blocks.forEach((block, i) => {
    const where = `blocks[${i}]`;
    if (!isObject(block) || typeof block.type !== 'string') {
      problems.push(`${where}: not a block (an object with a type)`);
      return;
    }
    const at = `${where} (${block.type})`;
    if (block.block_id !== undefined) {
      const id = String(block.block_id);
      if (id.length > BLOCK_KIT_LIMITS.blockId)
        problems.push(`${at}: block_id longer than ${BLOCK_KIT_LIMITS.blockId}`);
      if (blockIds.has(id)) problems.push(`${at}: block_id ${JSON.stringify(id)} is used twice`);
      blockIds.add(id);
    }
    switch (block.type) {
      case 'header':
        text(`${at}.text`, block.text, BLOCK_KIT_LIMITS.headerText, ['plain_text']);
        break;
      case 'section': {
        if (block.text === undefined && block.fields === undefined)
          problems.push(`${at}: neither text nor fields`);
        if (block.text !== undefined) text(`${at}.text`, block.text, BLOCK_KIT_LIMITS.sectionText);
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields) || block.fields.length === 0) {
            problems.push(`${at}: fields must be a non-empty array`);
          } else {
            if (block.fields.length > BLOCK_KIT_LIMITS.sectionFields) {
              problems.push(
                `${at}: ${block.fields.length} fields, at most ${BLOCK_KIT_LIMITS.sectionFields}`,
              );
            }
            block.fields.forEach((field, j) => {
              text(`${at}.fields[${j}]`, field, BLOCK_KIT_LIMITS.sectionFieldText);
            });
          }
        }
        if (block.accessory !== undefined) element(`${at}.accessory`, block.accessory);
        break;
      }
      case 'context': {
        if (!Array.isArray(block.elements) || block.elements.length === 0) {
          problems.push(`${at}: elements must be a non-empty array`);
          break;
        }
        if (block.elements.length > BLOCK_KIT_LIMITS.contextElements) {
          problems.push(
            `${at}: ${block.elements.length} elements, at most ${BLOCK_KIT_LIMITS.contextElements}`,
          );
        }
        block.elements.forEach((item, j) => {
          if (isObject(item) && item.type === 'image') return;
          text(`${at}.elements[${j}]`, item, BLOCK_KIT_LIMITS.textObject);
        });
        break;
      }
      case 'actions': {
        if (!Array.isArray(block.elements) || block.elements.length === 0) {
          problems.push(`${at}: elements must be a non-empty array`);
          break;
        }
        if (block.elements.length > BLOCK_KIT_LIMITS.actionsElements) {
          problems.push(
            `${at}: ${block.elements.length} elements, at most ${BLOCK_KIT_LIMITS.actionsElements}`,
          );
        }
        block.elements.forEach((item, j) => {
          element(`${at}.elements[${j}]`, item);
        });
        break;
      }
      default:
        // Other block types (divider, image, rich_text…) have no limit the tutor relies on.
        break;
    }
  });
  return problems;
}

/** A message (`text` and `blocks`) or a Home tab view (`type: 'home'` and `blocks`). */
export interface BlockKitPayload {
  type?: string;
  text?: unknown;
  blocks?: unknown;
}

/** Every violation of a message or Home view, its `text` fallback included. */
export function payloadViolations(payload: BlockKitPayload): string[] {
  const kind = payload.type === 'home' ? 'home' : 'message';
  const problems = Array.isArray(payload.blocks)
    ? blockKitViolations(payload.blocks, kind)
    : ['blocks is not an array'];
  if (kind === 'message') {
    if (typeof payload.text !== 'string' || payload.text.trim() === '') {
      problems.push('text: a message needs a non-empty text fallback');
    } else if (payload.text.length > BLOCK_KIT_LIMITS.messageText) {
      problems.push(`text: ${payload.text.length} characters, at most ${BLOCK_KIT_LIMITS.messageText}`);
    }
  }
  return problems;
}

/** Throws, listing every violation, unless the message or Home view keeps within Block Kit's limits. */
export function assertWithinBlockKitLimits(payload: BlockKitPayload): void {
  const problems = payloadViolations(payload);
  if (problems.length > 0) {
    throw new Error(`Block Kit limits broken:\n  ${problems.join('\n  ')}`);
  }
}

/** Every string of a payload (texts, labels, values), to search for markup that should not be live. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (isObject(value)) return Object.values(value).flatMap(allStrings);
  return [];
}

/** The texts of a payload Slack shows (every `text` string), leaving out button values and ids. */
export function visibleTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(visibleTexts);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'text' && typeof item === 'string' ? [item] : visibleTexts(item),
  );
}

/**
 * Live Slack markup in a text: a special mention (`<!channel>`, `<!here>`), a user or channel
 * mention, a link, or a bare `@here`/`@channel`/`@everyone`. `allowedUsers` may be mentioned.
 */
export function liveMarkup(text: string, allowedUsers: string[] = []): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/<[^>]*>/g)) {
    const token = match[0];
    if (allowedUsers.some((user) => token === `<@${user}>`)) continue;
    found.push(token);
  }
  for (const match of text.matchAll(/@(here|channel|everyone)\b/gi)) found.push(match[0]);
  return found;
}

/** `aa`, `ab`… : a distinct word for every number, for topic names the notes keep apart. */
function letters(n: number): string {
  let word = '';
  let rest = n;
  do {
    word = String.fromCharCode(97 + (rest % 26)) + word;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return word.padStart(2, 'a');
}

function filler(length: number, seed: number): string {
  const words = [
    'alpha',
    'bravo',
    'charlie',
    'delta',
    'echo',
    'foxtrot',
    'golf',
    'hotel',
    'india',
    'juliett',
  ];
  const out: string[] = [];
  let size = 0;
  for (let i = seed; size < length; i++) {
    const word = words[i % words.length] as string;
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ').slice(0, length).trim();
}

/**
 * Notes that push every limit: `topics` topics over four files (one with a long name, one with
 * `&` in it), titles of 300 characters, facts of 5,000 characters full of `&`, `<` and `>`
 * (which grow when escaped), a fact with 60 sub-points, and one topic of 200 bullets.
 */
export function hugeNotesFiles(topics = 400): Record<string, string> {
  const fileNames = [
    `${'very-long-notes-file-name-'.repeat(5)}compute.md`,
    'q&a notes.md',
    'networking/vpc.md',
    'storage.md',
  ];
  const files: Record<string, string[]> = {};
  const angry = ' <!channel> a<b & c>d <@U123> <https://x|y> @here'.repeat(2);
  for (let i = 0; i < topics; i++) {
    const file = fileNames[i % fileNames.length] as string;
    const name = `Kappa${letters(i)}`;
    const title = `${name} ${filler(300, i)}`.slice(0, 300);
    const lines = [`# ${title}`, '', `Also known as: Q${letters(i)}`];
    const related = [1, 2, 3, 4, 5].map((step) => `Q${letters((i + step) % topics)}`);
    lines.push(`See also: ${related.join(', ')}`, '');
    if (i === 0) {
      for (let b = 0; b < 200; b++) lines.push(`- Bullet ${b} of ${name}: ${filler(300, b)}${angry}`);
    } else {
      lines.push(`- ${name} is ${filler(5000, i)}${angry}`);
      lines.push(`- ${name} pricing: ${filler(2500, i + 1)}${angry}`);
      for (let s = 0; s < 60; s++) lines.push(`  > sub-point ${s} ${filler(400, s)}${angry}`);
      lines.push(`- ${name} has ${filler(800, i + 2)}`);
    }
    lines.push('');
    files[file] = [...(files[file] ?? []), ...lines];
  }
  return Object.fromEntries(Object.entries(files).map(([file, lines]) => [file, lines.join('\n')]));
}
