import { renderAdminOnly, renderAdminUsage, renderReload } from './blocks/render-admin.js';
import type { SlackMessage } from './blocks/render-reply.js';
import type { SlackDeps } from './deps.js';

/** `/aws admin …`: the words after `admin`. */
export const ADMIN_COMMAND = /^\s*admin\b(.*)$/is;

/**
 * `/aws admin reload`: reads the notes folder again. Notes with problems are not loaded; the
 * previous notes keep serving and the admin sees what to fix.
 */
export async function adminCommand(deps: SlackDeps, words: string, userId: string): Promise<SlackMessage> {
  if (words.trim().toLowerCase() !== 'reload') return renderAdminUsage();
  if (!(await deps.people.mayManageQuizzes(userId))) return renderAdminOnly();
  const outcome = deps.reloadNotes();
  if (outcome.ok)
    deps.logger.info(`notes reloaded by ${userId}: ${outcome.topics} topics in ${outcome.files} files`);
  else
    deps.logger.warn(
      `notes reload by ${userId} refused: ${outcome.problems.length} problems; previous notes kept`,
    );
  return renderReload(outcome);
}
