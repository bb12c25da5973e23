import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type BuiltKnowledge, buildKnowledgeBase } from './build.js';
import { type ParsedNotes, parseNotes } from './parse.js';
import type { NotesProblem } from './types.js';

/** Reads one notes file; a file that is not UTF-8 text is reported instead of parsed. */
function readNotesFile(dir: string, file: string): ParsedNotes {
  const unreadable = (message: string): ParsedNotes => ({
    file,
    topics: [],
    sections: [],
    glossary: [],
    problems: [{ file, line: 1, message }],
    broken: true,
  });
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, file));
  } catch (error) {
    return unreadable(`cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (bytes.includes(0))
    return unreadable('not a text file (it contains NUL bytes): notes must be UTF-8 Markdown');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return unreadable('not valid UTF-8: save the notes as UTF-8 Markdown');
  }
  return parseNotes(file, text.replace(/^\uFEFF/, ''));
}

/**
 * Folders that hold no notes though they hold Markdown: installed packages' READMEs, and hidden
 * folders such as `.git` or `.github`'s issue templates, when the notes live in a repository.
 */
function holdsNoNotes(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** Lists the notes files of a folder, `*.md` in subfolders too, in a stable order. */
function listNotesFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!holdsNoNotes(entry.name)) walk(join(folder, entry.name));
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        files.push(relative(dir, join(folder, entry.name)));
      }
    }
  };
  walk(dir);
  return files.sort();
}

export class KnowledgeFolderError extends Error {}

/** `file:line: message`, with the file as the person named the folder. */
export function formatProblem(dir: string, problem: NotesProblem): string {
  return `${join(dir, problem.file)}:${problem.line}: ${problem.message}`;
}

/**
 * Loads every `*.md` notes file of a folder. Problems in the notes are returned, not thrown; only a
 * missing folder is an error, since there is nothing to serve then.
 */
export function loadKnowledgeDir(dir: string): BuiltKnowledge {
  let files: string[];
  try {
    files = listNotesFiles(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KnowledgeFolderError(
      code === 'ENOENT'
        ? `the knowledge folder ${dir} does not exist: create it with at least one .md notes file, or point to your notes (KNOWLEDGE_DIR for npm start, --knowledge DIR for tutor commands)`
        : `cannot read the knowledge folder ${dir}: ${code ?? String(error)}`,
    );
  }
  return buildKnowledgeBase(files.map((file) => readNotesFile(dir, file)));
}
