import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder holding package.json), wherever vitest was started from. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The project's own notes. */
export const KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');

export const FIXTURES_DIR = join(PROJECT_ROOT, 'tests', 'fixtures');
export const STORAGE_NOTES_DIR = join(FIXTURES_DIR, 'notes', 'storage');
export const DATABASES_NOTES_DIR = join(FIXTURES_DIR, 'notes', 'databases');
export const EVAL_DIR = join(FIXTURES_DIR, 'eval');

/** The team's raw notes (a byte-for-byte copy of ../shared/notes/aws-compute.md), which must load unchanged. */
export const SHARED_COMPUTE_NOTES = join(FIXTURES_DIR, 'notes', 'raw-compute', 'aws-compute.md');

/** The built CLI (the global setup runs the build). */
export const CLI_ENTRY = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js');

/** The `npm start` entry named in package.json. */
export const START_ENTRY = join(PROJECT_ROOT, 'dist', 'src', 'main.js');
