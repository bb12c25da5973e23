import { renderAdminOnly, renderAdminUsage, renderReload } from './blocks/render-admin.js';
import { renderQuestionReview } from './blocks/render-question-review.js';
import type { SlackMessage } from './blocks/render-reply.js';
import type { SlackDeps } from './deps.js';
import {
  type AdminAsker,
  DIGEST_COMMAND,
  digestCommand,
  GAPS_COMMAND,
  gapsCommand,
  withReloadResolution,
} from './gaps/admin-gaps.js';
import { orTrouble } from './study-requests.js';

/** `/aws admin …`: the words after `admin`. */
export const ADMIN_COMMAND = /^\s*admin\b(.*)$/is;

/**
 * `/aws admin reload`: reads the notes folder again. Notes with problems are not loaded; the
 * previous notes keep serving and the admin sees what to fix. `/aws admin questions`: the
 * workspace's worst quiz questions, to retire or restore. `/aws admin gaps` and `/aws admin digest`:
 * what the notes miss, and the weekly digest (src/slack/gaps/admin-gaps.ts).
 */
export async function adminCommand(deps: SlackDeps, words: string, asker: AdminAsker): Promise<SlackMessage> {
  const gaps = GAPS_COMMAND.exec(words);
  if (gaps) return gapsCommand(deps, gaps[1] ?? '', asker);
  const digest = DIGEST_COMMAND.exec(words);
  if (digest) return digestCommand(deps, digest[1] ?? '', asker);
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
  return outcome.ok ? withReloadResolution(deps, asker.teamId, renderReload(outcome)) : renderReload(outcome);
}
