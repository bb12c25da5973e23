import type { ReloadOutcome } from '../../live-tutor.js';
import { fitFallbackText, fitMessage } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { context, packSections, type SlackMessage, section } from './render-reply.js';

/** A reload's problems shown at most; the rest are counted (`tutor kb validate` lists them all). */
const PROBLEMS_SHOWN = 20;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What `/aws admin reload` did: the notes now served, or why the previous ones still are. */
export function renderReload(outcome: ReloadOutcome): SlackMessage {
  if (outcome.ok) {
    const sentence = `Reloaded the notes: ${plural(outcome.topics, 'topic')} in ${plural(outcome.files, 'file')} (before: ${plural(outcome.previousTopics, 'topic')}).`;
    return {
      text: sentence,
      blocks: [section(`✅ ${sentence}`), context('Answers and new quiz questions now come from them.')],
    };
  }
  const sentence = `The notes were not reloaded: ${plural(outcome.problems.length, 'problem')} to fix first. Still answering from the previous notes (${plural(outcome.topics, 'topic')}).`;
  const shown = outcome.problems.slice(0, PROBLEMS_SHOWN).map((problem) => `• \`${escapeMrkdwn(problem)}\``);
  const more = outcome.problems.length - shown.length;
  return {
    text: fitFallbackText(sentence),
    blocks: fitMessage([
      section(`⚠️ ${sentence}`),
      ...packSections(shown),
      context(
        `${more > 0 ? `…and ${more} more. ` : ''}\`npm run tutor -- kb validate\` lists every problem with its file and line.`,
      ),
    ]),
  };
}

/** Reloading the notes, and reviewing quiz questions, are for admins; `what` they tried to do. */
export function renderAdminOnly(what = 'reload the notes'): SlackMessage {
  const sentence = `Sorry, only workspace admins and owners, or people listed in TUTOR_ADMINS, can ${what}.`;
  return { text: sentence, blocks: [section(sentence)] };
}

/** `/aws admin` followed by something it does not know. */
export function renderAdminUsage(): SlackMessage {
  const sentence =
    'Admin commands: `/aws admin reload` reads the notes again without a restart; `/aws admin questions` lists the quiz questions that do worst, to retire or restore; `/aws admin gaps [week|month|all]` shows what the notes miss; `/aws admin digest #channel Mon 09:00 Europe/Berlin` (or `off`, `now`) posts a weekly digest.';
  return { text: sentence, blocks: [section(sentence)] };
}
