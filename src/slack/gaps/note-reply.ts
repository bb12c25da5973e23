import { type AskedWhere, notedQuestion } from '../../gaps/noted-question.js';
import type { Reply } from '../../tutor/reply.js';
import type { SlackDeps } from '../deps.js';

/**
 * The longest a person waits for their question to be kept. `/aws` answers on its acknowledgement,
 * which Slack takes for 3 s: a store that is slow or out of reach (PostgreSQL retrying a lost
 * connection) must not cost the person their answer. Past this, they are told and the write goes on.
 */
const KEEP_BEFORE_TELLING_MS = 1500;

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
    deps.gaps.keep(noted).then(
      () => true,
      (error: unknown) => {
        deps.logger.error(`could not keep a question for the gaps: ${(error as Error).message}`);
        return true;
      },
    );
  if (!noted.gap) {
    await tell();
    await keep();
    return;
  }
  const kept = keep();
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), KEEP_BEFORE_TELLING_MS);
  });
  const inTime = await Promise.race([kept, waited]);
  clearTimeout(timer);
  if (!inTime) deps.logger.warn('the store is slow: an unanswered question is answered before it is kept');
  await tell();
  await kept;
}
