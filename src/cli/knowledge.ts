import { formatProblem, loadKnowledgeDir } from '../knowledge/load.js';
import type { KnowledgeBase } from '../knowledge/types.js';

export { formatProblem } from '../knowledge/load.js';

/** Loads the notes for a command, reporting their problems on stderr without stopping. */
export function loadKnowledgeReporting(dir: string, stderr: NodeJS.WritableStream): KnowledgeBase {
  const { knowledge, problems } = loadKnowledgeDir(dir);
  for (const problem of problems) stderr.write(`warning: ${formatProblem(dir, problem)}\n`);
  return knowledge;
}
