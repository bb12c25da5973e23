import { renderAdminOnly, renderAdminUsage, renderReload } from './blocks/render-admin.js';
import { renderQuestionReview } from './blocks/render-question-review.js';
import type { SlackMessage } from './blocks/render-reply.js';
import type { SlackDeps } from './deps.js';
import { orTrouble } from './study-requests.js';

/** `/aws admin …`: the words after `admin`. */
export const ADMIN_COMMAND = /^\s*admin\b(.*)$/is;

/**
 * `/aws admin reload`: reads the notes folder again. Notes with problems are not loaded; the
 * previous notes keep serving and the admin sees what to fix. `/aws admin questions`: the
 * workspace's worst quiz questions, to retire or restore.
 */
export async function adminCommand(
  deps: SlackDeps,
  words: string,
  asker: { teamId: string; userId: string },
): Promise<SlackMessage> {
  const command = words.trim().toLowerCase();
  const { userId } = asker;
  if (command === 'questions') {
    if (!(await deps.people.mayManageQuizzes(userId))) return renderAdminOnly('review quiz questions');
    return orTrouble(deps, 'the question review', async () =>
      renderQuestionReview(await deps.quizzes.questionReview(asker.teamId)),
    );
  }
  if (command !== 'reload') return renderAdminUsage();
  if (!(await deps.people.mayManageQuizzes(userId))) return renderAdminOnly('reload the notes');
  const outcome = deps.reloadNotes();
  if (outcome.ok)
    deps.logger.info(`notes reloaded by ${userId}: ${outcome.topics} topics in ${outcome.files} files`);
  else
    deps.logger.warn(
      `notes reload by ${userId} refused: ${outcome.problems.length} problems; previous notes kept`,
    );
  return renderReload(outcome);
}
