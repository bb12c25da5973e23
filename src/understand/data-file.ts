import { readFileSync } from 'node:fs';

/**
 * The bytes of one of the tutor's own data files, or an error that says which file, why it could
 * not be read, and where it comes from (`origin`), so that a broken install says how to mend it.
 */
export function readDataFile(path: string, what: string, origin: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not read ${what} ${path} (${reason}): ${origin}`);
  }
}
