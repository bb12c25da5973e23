import type { ReviewCommand } from '../../review/review-command.js';
import type { SlackMessage } from '../blocks/render-reply.js';
import {
  renderReminder,
  renderReviewCard,
  renderReviewDone,
  renderReviewInvalid,
  renderReviewStarted,
} from '../blocks/render-review.js';
import type { SlackDeps } from '../deps.js';
import type { Asker } from '../people/asker.js';
import { orTrouble } from '../study-requests.js';

/**
 * `/aws review …` (and "review", "what should I study" in a mention or a DM): the next due card,
 * filling the deck, or the daily nudge's setting, for the asker alone. Days are the asker's own:
 * their zone is asked of Slack (and remembered), UTC when Slack does not report one.
 */
export function reviewMessage(deps: SlackDeps, command: ReviewCommand, asker: Asker): Promise<SlackMessage> {
  return orTrouble(deps, `a review request (${command.kind})`, async () => {
    const now = deps.now();
    const { reviews, people } = deps;
    switch (command.kind) {
      case 'next': {
        const next = await reviews.next(asker, now, await people.zoneOf(asker.userId));
        return next.kind === 'card' ? renderReviewCard(next.showing) : renderReviewDone(next, now);
      }
      case 'start':
        return renderReviewStarted(await reviews.start(asker, command.file, now));
      case 'remind-show':
        return renderReminder(await reviews.reminder(asker), false);
      case 'remind-off':
        return renderReminder(
          await reviews.setReminder(asker, null, await people.zoneOf(asker.userId)),
          true,
        );
      case 'remind-set':
        return renderReminder(
          await reviews.setReminder(asker, command.time, await people.zoneOf(asker.userId)),
          true,
        );
      case 'invalid':
        return renderReviewInvalid(command.message);
    }
  });
}
