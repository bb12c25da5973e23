/**
 * Inline Markdown that notes may hold besides `**bold**`, reduced to what it says: a link to its
 * text (a wiki link `[[Lambda|functions]]` too), an image, a task box and a callout's `[!note]` to nothing, `==highlights==`
 * to their text, crossed-out text to nothing (the author took it back), `*italics*` and
 * `<br>` to plain text. Answers then read as the notes do rendered, and a link's address does not
 * count as words of the topic. Inline code is kept as written.
 */

const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]+)\]\([^)\s]*(?:\s+"[^"]*")?\)/g;
/** A wiki link between notes (Obsidian, Foam, Logseq): `[[Lambda]]`, `[[Lambda|functions]]`. */
const WIKI_LINK = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g;
/** `==highlighted==` text, as note apps mark it. */
const HIGHLIGHT = /==(?=\S)([^=]+?)(?<=\S)==/g;
/** A task list's box at the start of a bullet: `[ ] read the FAQ`, `[x] done`. */
const TASK_BOX = /^\[[ xX]\]\s+/;
/** A callout's kind at the start of a quoted line (Obsidian, GitHub): `[!note]`, `[!TIP]-`. */
const CALLOUT = /^\[![A-Za-z]+\][+-]?\s*/;
const STRUCK = /~~[^~]+~~/g;
const LINE_BREAK_TAG = /<br\s*\/?>/gi;
/** Tags that only style text; other `<…>` (`s3://<bucket>/<key>`) is the notes' own text. */
const STYLE_TAG = /<\/?(?:b|i|em|strong|u|sup|sub|span|mark|small|kbd|ins|del)\b[^>]*>/gi;
/** `*italics*` or `_italics_` as a whole word or words; `cst_actv_flg` and `2 * 3` stay. */
const EMPHASIS = /(^|[\s(["'])([*_])(?![\s*_])([^*_]*?[^\s*_])\2(?=$|[\s.,;:!?)\]"'])/g;
const MAY_HOLD_MARKUP = /[[~<*_=]/;
const INLINE_CODE = /(`[^`]*`)/;

export function plainInline(text: string): string {
  return MAY_HOLD_MARKUP.test(text) ? outsideCode(text, plainPiece) : text;
}

/** Changes the text outside inline code, leaving what is in backticks as written. */
export function outsideCode(text: string, change: (piece: string) => string): string {
  if (!text.includes('`')) return change(text);
  return text
    .split(INLINE_CODE)
    .map((piece) => (piece.startsWith('`') ? piece : change(piece)))
    .join('');
}

/**
 * Each kind of markup is looked for only in text holding the mark it needs: most notes mark only
 * `**bold**`. A replacement only takes text away, so a mark not in the piece is in none of the
 * texts made from it.
 */
function plainPiece(text: string): string {
  let plain = text;
  if (plain.includes('[')) {
    plain = plain
      .replace(TASK_BOX, '')
      .replace(CALLOUT, '')
      .replace(IMAGE, '')
      .replace(WIKI_LINK, (_, page: string, shown?: string) => shown ?? page)
      .replace(LINK, '$1');
  }
  if (plain.includes('~')) plain = plain.replace(STRUCK, '');
  if (plain.includes('=')) plain = plain.replace(HIGHLIGHT, '$1');
  if (plain.includes('<')) plain = plain.replace(LINE_BREAK_TAG, ' ').replace(STYLE_TAG, '');
  if (plain.includes('*') || plain.includes('_')) plain = plain.replace(EMPHASIS, '$1$3');
  return plain;
}
