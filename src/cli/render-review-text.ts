import { dueDay, inDays } from '../review/due-words.js';
import type { NextCard, ReviewOutcome, Showing, StartOutcome } from '../review/review-service.js';
import { optionLetter, textStyle } from './render-text.js';

type Options = { color?: boolean };

/** A due card in the chat: its topic, the question, the options lettered. */
export function renderReviewCardText(showing: Showing, options: Options = {}): string {
  const style = textStyle(options.color);
  const { question, dueCount } = showing;
  return [
    `${style.title(`Review: ${question.topic.title}`)} ${style.dim(`(${dueCount} due)`)}`,
    question.stem,
    ...question.options.map((option, i) => `  ${style.accent(`${optionLetter(i)})`)} ${option}`),
    style.dim('Answer with A, B, C or D (anything else skips it; it stays due).'),
  ].join('\n');
}

/** The end of a review: when the next card is due, or how to fill an empty deck. */
export function renderReviewDoneText(next: Extract<NextCard, { kind: 'done' }>, now: Date): string {
  if (next.deckSize === 0) {
    return 'Your review deck is empty: type "review start" to put every topic in it (or "review start compute" for one notes file).';
  }
  return next.nextDue
    ? `All done for today: your next card is due ${dueDay(next.nextDue, now, next.zone)}.`
    : 'All done: nothing in your deck has a question right now.';
}

/** The feedback on a review answer, with when the topic comes back and what is left. */
export function renderReviewFeedbackText(outcome: ReviewOutcome, now: Date, options: Options = {}): string {
  const style = textStyle(options.color);
  if (outcome.kind === 'gone') return 'That card’s question left the notes, so the answer was not counted.';
  if (outcome.kind === 'unknown')
    return 'That card is not in your deck any more, so the answer was not counted.';
  const { question, log, card, after } = outcome;
  const shown = (i: number) => `${optionLetter(i)}) ${question.options[i]}`;
  const lines = [
    log.correct
      ? style.title(`✓ Right: ${shown(log.option)}`)
      : style.title(`✗ Not quite: you chose ${shown(log.option)}; the answer is ${shown(question.answer)}.`),
    ...question.explanation.split('\n').map((line) => `  ${line}`),
    `Next review of ${card.topicTitle} ${inDays(log.nextDue, log.reviewedAt, after.zone)}.`,
  ];
  lines.push(
    after.dueLeft > 0
      ? style.dim(`${after.dueLeft} more due: type "review" for the next card.`)
      : style.dim(
          after.nextDue
            ? `All done for today: your next card is due ${dueDay(after.nextDue, now, after.zone)}.`
            : 'All done.',
        ),
  );
  return lines.join('\n');
}

export function renderReviewStartedText(outcome: StartOutcome): string {
  if (outcome.kind === 'no-such-file') {
    return `There is no notes file called "${outcome.file}". Try one of: ${outcome.files.map((file) => file.replace(/\.md$/, '')).join(', ')}.`;
  }
  const where = outcome.file ? ` from ${outcome.file}` : '';
  return outcome.added > 0
    ? `Added ${outcome.added} topic${outcome.added === 1 ? '' : 's'}${where} to your review deck: type "review" for the first card.`
    : `Every topic${where} is in your review deck already.`;
}
