import { type AskedWhere, notedQuestion } from '../../gaps/noted-question.js';
import type { Reply } from '../../tutor/reply.js';
import type { SlackDeps } from '../deps.js';

/**
 * Tells the asker (`tell`) and keeps what the question leaves behind: the day's count, and, when
 * the notes fell short, the question with the reply given. A kept question is written before the
 * person is told; a count alone after, so an answer never waits on it. A store that fails is
 * logged and never keeps the answer from the person.
 */
export async function noteReply(
  deps: SlackDeps,
  reply: Reply,
  where: AskedWhere,
  tell: () => Promise<unknown>,
): Promise<void> {
  const noted = notedQuestion(reply, where, deps.now());
  if (!noted) {
    await tell();
    return;
  }
  const keep = () =>
    deps.gaps.keep(noted).catch((error: unknown) => {
      deps.logger.error(`could not keep a question for the gaps: ${(error as Error).message}`);
    });
  if (noted.gap) {
    await keep();
    await tell();
    return;
  }
  await tell();
  await keep();
}
