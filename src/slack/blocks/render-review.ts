import type { Button, KnownBlock } from '@slack/types';
import { dueDay, inDays } from '../../review/due-words.js';
import type { ReviewProfile } from '../../review/records.js';
import type {
  NextCard,
  Nudge,
  RememberOutcome,
  ReviewOutcome,
  Showing,
  StartOutcome,
} from '../../review/review-service.js';
import type { StudyPlan, TopicCoverage, TopicMastery } from '../../review/study-plan.js';
import { REVIEW_NEXT, reviewAnswerActionId, reviewButtonValue } from './action-ids.js';
import { fitFallbackText, fitMessage } from './limits.js';
import { bold, escapeAndTruncate, escapeMrkdwn } from './mrkdwn.js';
import {
  explanationBlocks,
  markedOptions,
  optionsOutgrowButtons,
  optionText,
  stemBlocks,
  stemText,
} from './render-quiz.js';
import {
  actions,
  button,
  context,
  header,
  packSections,
  plural,
  type SlackMessage,
  section,
} from './render-reply.js';

const TITLE = 'Review';
const TITLE_CHARS = 150;
const LETTERS = ['A', 'B', 'C', 'D'] as const;
const NO_ZONE_NOTE =
  'Slack doesn’t tell me your time zone, so your days here are UTC days (set one in your Slack profile).';

function message(text: string, blocks: KnownBlock[]): SlackMessage {
  return { text: fitFallbackText(text), blocks: fitMessage(blocks) };
}

function notice(text: string, hint?: string, buttons: Button[] = []): SlackMessage {
  return message(text, [section(text), ...(hint ? [context(hint)] : []), ...actions(buttons)]);
}

function title(text: string): string {
  return escapeAndTruncate(text, TITLE_CHARS);
}

function reviewNow(label = 'Review now'): Button {
  return button(label, REVIEW_NEXT);
}

// ---- A card, and the answer to it --------------------------------------------------------------

/** A due card, privately: its topic, the question and one button per option (nothing marks the right one). */
export function renderReviewCard(showing: Showing): SlackMessage {
  const { card, question, shownAt, dueCount, zone } = showing;
  const value = reviewButtonValue({
    topicId: card.topicId,
    rep: card.reps,
    questionId: question.id,
    shownAt,
    zone,
  });
  const blocks: KnownBlock[] = [
    section(`${bold(`${TITLE}: ${title(question.topic.title)}`)}  ·  ${plural(dueCount, 'card')} due`),
    ...stemBlocks(question),
  ];
  if (optionsOutgrowButtons(question)) {
    blocks.push(...packSections(question.options.map((_, i) => optionText(question, i))));
  }
  blocks.push(
    ...actions(
      question.options.map((option, i) => button(`${LETTERS[i]}. ${option}`, reviewAnswerActionId(i), value)),
    ),
  );
  blocks.push(context(zone ? 'Your own review deck: only you see it.' : NO_ZONE_NOTE));
  return message(`${TITLE}: ${stemText(question.stem)}`, blocks);
}

/** When the next card is due, in the person's days: the end of a review. */
function doneLine(nextDue: Date | null, now: Date, zone: string | null): string {
  return nextDue
    ? `All done for today: your next card is due ${dueDay(nextDue, now, zone)}.`
    : 'All done: nothing in your deck has a question right now.';
}

/**
 * The feedback on a review answer (it replaces the card): the question with the chosen and right
 * options marked, why, when the topic comes back ("next review of ECS in 4 days"), and **Next card**
 * while cards are due, else when the next one is.
 */
export function renderReviewFeedback(
  outcome: Extract<ReviewOutcome, { kind: 'recorded' | 'already' }>,
  now: Date,
): SlackMessage {
  const { card, log, question, after } = outcome;
  const chosen = optionText(question, log.option);
  const right = optionText(question, question.answer);
  const verdict =
    outcome.kind === 'already'
      ? `You already answered this card: you chose ${chosen} (${log.correct ? 'right' : `wrong; the answer is ${right}`}).`
      : log.correct
        ? `✅ Right: ${right}`
        : `❌ Not quite: you chose ${chosen}; the answer is ${right}`;
  const nextReview = `Next review of ${title(card.topicTitle)} ${inDays(log.nextDue, log.reviewedAt, after.zone)}.`;
  const blocks: KnownBlock[] = [
    section(bold(`${TITLE}: ${title(question.topic.title)}`)),
    ...stemBlocks(question),
    ...packSections(markedOptions(question, log.option)),
    section(verdict),
    ...explanationBlocks(question),
    section(nextReview),
  ];
  if (after.dueLeft > 0) {
    blocks.push(
      context(`${plural(after.dueLeft, 'more card')} due today.`),
      ...actions([reviewNow('Next card')]),
    );
  } else {
    blocks.push(context(doneLine(after.nextDue, now, after.zone)));
  }
  return message(`${verdict} ${nextReview}`, blocks);
}

/** `/aws review` with nothing due: when the next card is, or how to start a deck. */
export function renderReviewDone(next: Extract<NextCard, { kind: 'done' }>, now: Date): SlackMessage {
  if (next.deckSize === 0) {
    return notice(
      'Your review deck is empty.',
      'A topic goes in when you miss a quiz question on it, when you press *Remember this* under an answer, or all at once with `/aws review start` (or `/aws review start compute` for one notes file).',
    );
  }
  return notice(doneLine(next.nextDue, now, next.zone), next.zone ? undefined : NO_ZONE_NOTE);
}

/** A review click that counts for nothing: the topic or its question left the notes. */
export function renderReviewGone(outcome: Extract<ReviewOutcome, { kind: 'gone' }>): SlackMessage {
  const what = outcome.title
    ? `That question about ${title(outcome.title)} changed in the notes since the card was shown`
    : `“${escapeAndTruncate(outcome.topicId.replace(/[-_]+/g, ' '), TITLE_CHARS)}” is no longer in the notes`;
  return notice(`${what}, so that answer was not counted; nothing was lost.`, undefined, [
    reviewNow('Next card'),
  ]);
}

/** A review click on a card the store does not know (a stale or forged button). */
export function renderUnknownCard(): SlackMessage {
  return notice(
    'I can’t find that review card any more, so that click was not counted.',
    'Try `/aws review` for your next card.',
  );
}

// ---- Filling the deck --------------------------------------------------------------------------

export function renderReviewStarted(outcome: StartOutcome): SlackMessage {
  if (outcome.kind === 'no-such-file') {
    const files = outcome.files.map((file) => `\`${escapeMrkdwn(file.replace(/\.md$/, ''))}\``).join(', ');
    return notice(
      `There is no notes file called “${escapeAndTruncate(outcome.file, 40)}”.`,
      files ? `Try one of: ${files}.` : 'No notes are loaded.',
    );
  }
  const where = outcome.file ? ` from ${escapeMrkdwn(outcome.file)}` : '';
  const before = outcome.total - outcome.added;
  const already = before > 0 ? ` (${plural(before, 'other was', 'others were')} in it already)` : '';
  const said =
    outcome.added > 0
      ? `Added ${plural(outcome.added, 'topic')}${where} to your review deck${already}.`
      : `Every topic${where} is in your review deck already.`;
  return notice(said, 'New cards are due today.', [reviewNow()]);
}

export function renderRemembered(outcome: RememberOutcome): SlackMessage {
  switch (outcome.kind) {
    case 'added':
      return notice(
        `Added ${title(outcome.topic.title)} to your review deck: its first review is due today.`,
        undefined,
        [reviewNow()],
      );
    case 'already':
      return notice(`${title(outcome.topic.title)} is in your review deck already.`, undefined, [
        reviewNow(),
      ]);
    case 'gone':
      return notice(
        `“${escapeAndTruncate(outcome.topicId.replace(/[-_]+/g, ' '), TITLE_CHARS)}” is no longer in the notes, so it can’t go in your deck.`,
      );
  }
}

// ---- The daily nudge ---------------------------------------------------------------------------

/** `/aws review remind …`: the setting as it is now. */
export function renderReminder(profile: ReviewProfile | null, changed: boolean): SlackMessage {
  if (!profile?.remindAt) {
    return notice(
      changed ? 'Daily review nudge off.' : 'You have no daily review nudge.',
      'Turn it on with `/aws review remind 08:30`: one message at that time of your day, on days when cards are due.',
    );
  }
  const zone = profile.zone ?? 'UTC';
  const said = `${changed ? 'Done: a' : 'A'} daily review nudge at ${profile.remindAt} (${escapeMrkdwn(zone)}) on days when cards are due.`;
  return notice(said, profile.zone ? '`/aws review remind off` stops it.' : NO_ZONE_NOTE);
}

export function renderReviewInvalid(text: string): SlackMessage {
  return notice(text);
}

/** The daily nudge, a direct message: "3 cards are due: Review now". */
export function renderNudge(nudge: Nudge): SlackMessage {
  const text = `${plural(nudge.due, 'card is', 'cards are')} due for review today.`;
  return message(text, [
    section(text),
    ...actions([reviewNow()]),
    context('Your daily review nudge. `/aws review remind off` stops it.'),
  ]);
}

// ---- Progress ----------------------------------------------------------------------------------

const BAR_CELLS = 10;

/** `▰▰▰▰▰▰▱▱▱▱ 62%`. */
export function masteryBar(mastery: number): string {
  const share = Math.max(0, Math.min(1, mastery));
  const filled = Math.round(share * BAR_CELLS);
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_CELLS - filled)} ${Math.round(share * 100)}%`;
}

function masteryLine(topic: TopicMastery): string {
  return `\`${masteryBar(topic.mastery)}\`  ${title(topic.title)}`;
}

/** "Your study plan" for App Home: due now and this week, the streak, mastery per topic by notes file. */
export function studyPlanBlocks(plan: StudyPlan): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'divider' }, header('Your study plan')];
  if (plan.deckSize === 0) {
    blocks.push(
      section('Your review deck is empty.'),
      context(
        'Missed quiz questions, *Remember this* and `/aws review start` put topics in it; then I bring each back just before you would forget it.',
      ),
    );
    return blocks;
  }
  const streak = plan.streak > 0 ? ` · review streak ${plural(plan.streak, 'day')}` : '';
  blocks.push(
    section(
      `*${plural(plan.dueNow, 'card')} due now* · ${plan.dueThisWeek} more this week · ${plural(plan.deckSize, 'topic')} in your deck${streak}`,
    ),
  );
  if (plan.dueNow > 0) blocks.push(...actions([reviewNow()]));
  for (const group of plan.files) {
    blocks.push(...packSections(group.topics.map(masteryLine), `*${escapeMrkdwn(group.file)}*`));
  }
  blocks.push(
    context(
      `Mastery: how likely you are to recall a topic now (FSRS).${plan.zone ? '' : ` ${NO_ZONE_NOTE}`}`,
    ),
  );
  return blocks;
}

/** The lines `/aws score` adds: cards due and the three weakest topics of the deck. */
export function reviewScoreLines(plan: StudyPlan, now: Date): string[] {
  if (plan.deckSize === 0) return ['*Review deck:* empty; `/aws review start` fills it.'];
  const due =
    plan.dueNow > 0
      ? `${plural(plan.dueNow, 'card')} due now`
      : `nothing due now${plan.nextDue ? `, next ${dueDay(plan.nextDue, now, plan.zone)}` : ''}`;
  const lines = [`*Review deck:* ${due} · ${plan.dueThisWeek} more this week`];
  if (plan.weakest.length > 0) {
    lines.push(
      `*Weakest in your deck:* ${plan.weakest.map((topic) => `${title(topic.title)} (${Math.round(topic.mastery * 100)}%)`).join(', ')}`,
    );
  }
  return lines;
}

/** The team's coverage for an admin's App Home: per topic, how many have it in their deck and how well they know it. */
export function coverageBlocks(coverage: readonly TopicCoverage[]): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'divider' }, header('Team coverage (admins)')];
  if (coverage.length === 0) {
    blocks.push(section('Nobody has a review deck yet.'));
    return blocks;
  }
  blocks.push(
    ...packSections(
      coverage.map(
        (topic) =>
          `\`${masteryBar(topic.averageMastery)}\`  ${title(topic.title)} · ${plural(topic.people, 'person', 'people')}`,
      ),
    ),
    context('Per topic: who has it in their review deck, and their average mastery now.'),
  );
  return blocks;
}
