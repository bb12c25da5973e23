import { join } from 'node:path';
import { loadKnowledgeDir } from '../knowledge/load.js';
import type { KnowledgeBase, NotesProblem } from '../knowledge/types.js';

/** `file:line: message`, with the file as the person named the folder. */
export function formatProblem(dir: string, problem: NotesProblem): string {
  return `${join(dir, problem.file)}:${problem.line}: ${problem.message}`;
}

/** Loads the notes for a command, reporting their problems on stderr without stopping. */
export function loadKnowledgeReporting(dir: string, stderr: NodeJS.WritableStream): KnowledgeBase {
  const { knowledge, problems } = loadKnowledgeDir(dir);
  for (const problem of problems) stderr.write(`warning: ${formatProblem(dir, problem)}\n`);
  return knowledge;
}
