/**
 * Off-the-shelf search over the same notes, as a yardstick for our engine: plain Fuse.js and plain
 * MiniSearch with their documented defaults. Deliberately independent of src/, so a bug in our
 * parser cannot flatter or hurt the baselines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';

export interface NoteDoc {
  id: number;
  title: string;
  /** All bullet, continuation and sub-point text of the topic, markers removed. */
  body: string;
}

/** The title of the best match, or undefined when the search finds nothing. */
export type TopTitleSearch = (question: string) => string | undefined;

/** Splits every `.md` file of `dir` on `# ` headings; good enough for notes we generated ourselves. */
export function readNoteDocs(dir: string): NoteDoc[] {
  const topics: { title: string; lines: string[] }[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  for (const file of files) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.startsWith('# ')) {
        topics.push({ title: line.slice(2).trim(), lines: [] });
        continue;
      }
      const text = line
        .replace(/^\s*[*>]\s*/, '')
        .replaceAll('**', '')
        .trim();
      if (text) topics.at(-1)?.lines.push(text);
    }
  }
  return topics.map((topic, id) => ({ id, title: topic.title, body: topic.lines.join('\n') }));
}

export function buildFuseSearch(docs: NoteDoc[]): TopTitleSearch {
  const fuse = new Fuse(docs, { keys: ['title', 'body'] });
  return (question) => fuse.search(question)[0]?.item.title;
}

export function buildMiniSearchSearch(docs: NoteDoc[]): TopTitleSearch {
  const miniSearch = new MiniSearch<NoteDoc>({
    fields: ['title', 'body'],
    storeFields: ['title'],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  miniSearch.addAll(docs);
  return (question) => {
    const title = miniSearch.search(question)[0]?.title;
    return typeof title === 'string' ? title : undefined;
  };
}
