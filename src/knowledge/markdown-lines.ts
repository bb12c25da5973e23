/**
 * Markdown that other notes write besides the team's bullets, turned into the lines the parser
 * reads: an underlined heading (`Amazon SNS` over `====`) becomes `# Amazon SNS`, so does a line in
 * bold (`**Amazon SNS**`) in notes with no heading at all, and each row of a
 * table becomes a bullet of its own that says what its cells mean (`| max message size | 256 KB |`
 * under `| Limit | Value |` is `* max message size: 256 KB`). Lines keep their numbers, so problems
 * still point at the file as written.
 */

export const FENCE = /^\s*(```|~~~)/;
const UNDERLINE = /^ {0,3}(={3,}|-{3,})\s*$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const ATX_HEADING = /^ {0,3}#{1,6}\s/m;
const UNDERLINE_ANYWHERE = new RegExp(UNDERLINE.source, 'm');
/** A line that is all bold (`**Amazon SQS**`, `__Lambda__:`): a heading in notes written without `#`. */
const BOLD_LINE = /^\s*(?:\*\*([^*]+)\*\*|__([^_]+)__):?\s*$/;
/** A bullet, by any mark notes or documents use (`*`, `-`, `1.`, `•`, `–`, `→`…): its indent and its text. */
export const BULLET = /^(\s*)(?:[*+\-•◦▪‣–—→➤►]|\d{1,3}[.)])\s+(.*)$/;
/** Lines that already mean something of their own: headings, sub-points, tables (and bullets). */
const MARKED = /^\s*(#|>|\|)/;
const isMarked = (line: string): boolean => MARKED.test(line) || BULLET.test(line);

export function reshapeMarkdown(lines: string[], text: string): string[] {
  // In notes with no heading at all, a line in bold names each topic; where headings exist, such a
  // line is a label inside a topic (`**Limits**`) and stays one.
  const boldHeadings = !ATX_HEADING.test(text) && !UNDERLINE_ANYWHERE.test(text);
  // Most notes hold neither a table nor an underline: they are read as they are.
  if (!boldHeadings && !text.includes('|') && !text.includes('===') && !text.includes('---')) return lines;
  const out = [...lines];
  let inFence = false;
  let header: string[] | null = null;
  for (let at = 0; at < out.length; at++) {
    const line = out[at] ?? '';
    if (FENCE.test(line)) {
      inFence = !inFence;
      header = null;
      continue;
    }
    if (inFence) continue;
    if (header) {
      // A row goes on until a blank line or a line of another kind (a heading, a bullet).
      if (line.includes('|') && (!isMarked(line) || line.trim().startsWith('|'))) {
        out[at] = rowAsBullet(header, cellsOf(line));
        continue;
      }
      header = null;
    }
    const next = out[at + 1] ?? '';
    // A table opens with a header row over a divider row of as many cells.
    if (line.includes('|') && TABLE_DIVIDER.test(next) && cellsOf(next).length === cellsOf(line).length) {
      header = cellsOf(line);
      out[at] = '';
      out[at + 1] = '';
      at++;
      continue;
    }
    const bold = boldHeadings ? BOLD_LINE.exec(line) : null;
    if (bold) {
      out[at] = `# ${(bold[1] ?? bold[2] ?? '').trim()}`;
      continue;
    }
    const previous = at > 0 ? (out[at - 1] ?? '') : '';
    if (UNDERLINE.exec(next) && line.trim() !== '' && !isMarked(line) && previous.trim() === '') {
      out[at] = `${next.trim().startsWith('=') ? '#' : '##'} ${line.trim()}`;
      out[at + 1] = '';
      at++;
    }
  }
  return out;
}

/** The cells of a table row, without the pipes at its ends. */
function cellsOf(row: string): string[] {
  const cells = row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  return cells.map((cell) => cell.trim());
}

/**
 * A row says what its first cell is: its one other cell, or each other cell under its column's
 * header (`| launch | u manage ec2 | serverless |` under `| | ECS | Fargate |`:
 * `launch: ECS u manage ec2; Fargate serverless`).
 */
function rowAsBullet(header: readonly string[], cells: readonly string[]): string {
  const [first = '', ...rest] = cells;
  const values = rest
    .map((cell, i) => (cell && rest.length > 1 && header[i + 1] ? `${header[i + 1]} ${cell}` : cell))
    .filter(Boolean);
  if (values.length === 0) return first ? `* ${first}` : '';
  return first ? `* ${first}: ${values.join('; ')}` : `* ${values.join('; ')}`;
}
