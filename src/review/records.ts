/** How a person did on a review card, as FSRS takes it (see `ratingFor`, the one place it is decided). */
export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

/** How a topic came into a person's deck. */
export type CardOrigin = 'missed' | 'remember' | 'start';

/** FSRS's learning state of a card: new, learning, review, relearning. */
export type CardState = 'new' | 'learning' | 'review' | 'relearning';

/**
 * One person's review card for one topic in one workspace: FSRS's memory state and when it is
 * next due. The card is kept when its topic leaves the notes (it just stops being shown).
 */
export interface ReviewCard {
  teamId: string;
  userId: string;
  topicId: string;
  /** The topic's title when the card was last touched (the notes may rename it). */
  topicTitle: string;
  /** The instant it is due: the start of a day in the person's time zone, or when it entered the deck. */
  due: Date;
  /** FSRS stability, in days: how long until recall falls to 90%. */
  stability: number;
  /** FSRS difficulty, 1..10. */
  difficulty: number;
  /** Days between the last review and `due`. */
  scheduledDays: number;
  learningSteps: number;
  /** Reviews so far; also the version of the card a review answers (see `ReviewLog.rep`). */
  reps: number;
  /** Times it was forgotten after being learnt. */
  lapses: number;
  state: CardState;
  lastReview: Date | null;
  lastRating: ReviewRating | null;
  addedAt: Date;
  addedBy: CardOrigin;
}

/**
 * One review of a card: the person's answer and what it did to the card. One per card and `rep`,
 * so a double click or a second replica can never review the same showing twice.
 */
export interface ReviewLog {
  teamId: string;
  userId: string;
  topicId: string;
  /** The card's `reps` when it was shown: the showing this answers. */
  rep: number;
  questionId: string;
  /** The option chosen, 0..3. */
  option: number;
  correct: boolean;
  rating: ReviewRating;
  reviewedAt: Date;
  /** The person's local day of the review (`YYYY-MM-DD`): the review streak counts these. */
  localDate: string;
  /** When the card is due next, after this review. */
  nextDue: Date;
}

/** A person's review settings: the zone Slack last gave and the daily nudge's local time. */
export interface ReviewProfile {
  teamId: string;
  userId: string;
  /** IANA zone, or null when Slack does not say (days are then UTC days). */
  zone: string | null;
  /** `HH:MM` of the daily nudge in `zone`, or null when the person has not asked for one. */
  remindAt: string | null;
}

/** What `recordReview` did: kept the review, or found the showing reviewed already (or unknown). */
export type ReviewRecordOutcome =
  | { recorded: true }
  /** The showing was reviewed before: that review stands. */
  | { recorded: false; previous: ReviewLog }
  /** No such card, or the card has moved past this showing with no review of it kept. */
  | { recorded: false; previous: null };
