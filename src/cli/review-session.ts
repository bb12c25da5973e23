import type { ReviewCommand } from '../review/review-command.js';
import type { Learner, ReviewService, Showing } from '../review/review-service.js';
import type { Choice } from './practice.js';
import {
  renderReviewCardText,
  renderReviewDoneText,
  renderReviewFeedbackText,
  renderReviewStartedText,
} from './render-review-text.js';

/** A review deck the terminal opened: the store's deck service, the local profile, its zone. */
export interface LocalDeck {
  reviews: ReviewService;
  learner: Learner;
  zone: string | null;
  close(): Promise<void>;
}

/**
 * The terminal chat's review: the local profile's deck in the app's store, opened on the first
 * `review` (so a chat that never reviews never opens the store), one card awaiting an answer at a time.
 */
export class ReviewSession {
  #deck: Promise<LocalDeck> | null = null;
  #pending: Showing | null = null;

  constructor(
    private readonly open: () => Promise<LocalDeck>,
    private readonly now: () => Date,
    private readonly color: boolean,
  ) {}

  get pending(): boolean {
    return this.#pending !== null;
  }

  skip(): void {
    this.#pending = null;
  }

  async #opened(): Promise<LocalDeck> {
    this.#deck ??= this.open();
    return this.#deck;
  }

  /** What a review command says at the terminal. */
  async command(command: ReviewCommand): Promise<string> {
    const deck = await this.#opened();
    const now = this.now();
    switch (command.kind) {
      case 'next': {
        const next = await deck.reviews.next(deck.learner, now, deck.zone);
        if (next.kind === 'done') return renderReviewDoneText(next, now);
        this.#pending = next.showing;
        return renderReviewCardText(next.showing, { color: this.color });
      }
      case 'start':
        return renderReviewStartedText(await deck.reviews.start(deck.learner, command.file, now));
      case 'remind-show':
      case 'remind-off':
      case 'remind-set':
        return 'The daily review nudge is a Slack direct message (`/aws review remind 08:30`); here, type "review".';
      case 'invalid':
        return command.message;
    }
  }

  /** Answers the card awaiting an answer. */
  async answer(choice: Choice): Promise<string> {
    const showing = this.#pending;
    if (!showing) return '';
    this.#pending = null;
    const deck = await this.#opened();
    const now = this.now();
    const outcome = await deck.reviews.answer(
      {
        ...deck.learner,
        topicId: showing.card.topicId,
        rep: showing.card.reps,
        questionId: showing.question.id,
        shownAt: showing.shownAt,
        option: choice,
      },
      now,
      deck.zone,
    );
    return renderReviewFeedbackText(outcome, now, { color: this.color });
  }

  async close(): Promise<void> {
    if (this.#deck) await (await this.#deck).close();
  }
}
