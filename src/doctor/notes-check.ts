import { formatProblem, KnowledgeFolderError, loadKnowledgeDir } from '../knowledge/load.js';
import { type CheckResult, count, fail, pass } from './check.js';

/** How many problems are quoted on the line; `kb validate` lists them all. */
const QUOTED = 3;

/** The notes as `kb validate` sees them. */
export function checkNotes(dir: string): CheckResult {
  let loaded: ReturnType<typeof loadKnowledgeDir>;
  try {
    loaded = loadKnowledgeDir(dir);
  } catch (error) {
    if (!(error instanceof KnowledgeFolderError)) throw error;
    return fail('notes', error.message, 'Set KNOWLEDGE_DIR to the notes folder');
  }
  const { knowledge, problems } = loaded;
  if (knowledge.files.length === 0 && problems.length === 0) {
    return fail(
      'notes',
      `${dir} has no .md notes files`,
      'Add notes such as knowledge/compute.md, or set KNOWLEDGE_DIR to the notes folder',
    );
  }
  if (problems.length > 0) {
    const quoted = problems.slice(0, QUOTED).map((problem) => formatProblem(dir, problem));
    const more = problems.length > QUOTED ? `; and ${problems.length - QUOTED} more` : '';
    return fail(
      'notes',
      `${count(problems.length, 'problem')} in ${dir}: ${quoted.join('; ')}${more}`,
      'Fix them (npm run --silent tutor -- kb validate lists each); the app serves the rest meanwhile',
    );
  }
  return pass(
    'notes',
    `${count(knowledge.topics.length, 'topic')} in ${count(knowledge.files.length, 'file')} in ${dir}, no problems`,
  );
}
