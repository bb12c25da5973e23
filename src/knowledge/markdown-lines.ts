/**
 * Markdown that other notes write besides the team's bullets, turned into the lines the parser
 * reads: an underlined heading (`Amazon SNS` over `====`) becomes `# Amazon SNS`, and each row of a
 * table becomes a bullet of its own that says what its cells mean (`| max message size | 256 KB |`
 * under `| Limit | Value |` is `* max message size: 256 KB`). Lines keep their numbers, so problems
 * still point at the file as written.
 */

export const FENCE = /^\s*(```|~~~)/;
const UNDERLINE = /^ {0,3}(={3,}|-{3,})\s*$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
/** Lines that already mean something of their own: headings, bullets, sub-points, tables. */
const MARKED = /^\s*(#|[*+>-]\s|\d{1,3}[.)]\s|\|)/;

export function reshapeMarkdown(lines: string[], text: string): string[] {
  // Most notes hold neither a table nor an underline: they are read as they are.
  if (!text.includes('|') && !text.includes('===') && !text.includes('---')) return lines;
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
      if (line.includes('|') && (!MARKED.test(line) || line.trim().startsWith('|'))) {
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
    const previous = at > 0 ? (out[at - 1] ?? '') : '';
    if (UNDERLINE.exec(next) && line.trim() !== '' && !MARKED.test(line) && previous.trim() === '') {
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
