import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';

/** File name (may contain `/` for subfolders) -> content; bytes are written as they are. */
export type NotesFiles = Record<string, string | Uint8Array>;

/** Writes files into a fresh temporary folder and returns its (absolute, normalised) path. */
export function makeNotesDir(files: NotesFiles): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'aws-tutor-notes-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A temporary knowledge folder holding `files`, removed when the current test finishes.
 * Call it inside a test; in `beforeAll` use `makeNotesDir` and remove it in `afterAll`.
 */
export function notesDir(files: NotesFiles): string {
  const { dir, remove } = makeNotesDir(files);
  try {
    onTestFinished(remove);
  } catch (error) {
    remove();
    throw error;
  }
  return dir;
}
