import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rememberStems, stemsWorkedOut } from '../knowledge/text.js';

/**
 * The stems of the tutor's own word lists (the concept lexicon, the catalogue, the needs), worked
 * out once by the build rather than at every start, where Porter's stemmer spent about 40 ms on
 * them. Only a built tutor has the file; without it the same stems are worked out as before.
 */
const BUILT_STEMS = fileURLToPath(new URL('./data/stems.json', import.meta.url));

export function rememberBuiltStems(path = BUILT_STEMS): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let entries: [string, unknown][] = [];
  try {
    const stems: unknown = JSON.parse(text);
    if (stems && typeof stems === 'object') entries = Object.entries(stems);
  } catch {
    // Not JSON: refused below with the rest of what the build never writes.
  }
  if (entries.length === 0 || entries.some(([, stemmed]) => typeof stemmed !== 'string'))
    throw new Error(
      `${path}: not the stems the build writes (an object of words and their stems): run \`npm run build\``,
    );
  rememberStems(entries as [string, string][]);
}

/**
 * Writes the stems `makeParts` works out, for `rememberBuiltStems`. The file of an earlier build
 * goes first, so that every stem written is one this build's stemmer made.
 */
export function writeBuiltStems(makeParts: () => void, path = BUILT_STEMS): number {
  rmSync(path, { force: true });
  makeParts();
  const stems = stemsWorkedOut();
  writeFileSync(path, `${JSON.stringify(Object.fromEntries(stems))}\n`);
  return stems.length;
}
