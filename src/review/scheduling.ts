import { type Card, createEmptyCard, fsrs, type Grade, Rating, State } from 'ts-fsrs';
import { postTimeOn } from '../quiz/schedule.js';
import { addDays, localDateOf } from '../quiz/streak.js';
import type { CardOrigin, CardState, ReviewCard, ReviewRating } from './records.js';

/**
 * FSRS with whole days: a Slack tutor reviews at most daily, so there are no minute-long learning
 * steps (`enable_short_term: false`), and no fuzz, so the same answers give the same schedule.
 */
const scheduler = fsrs({
  request_retention: 0.9,
  maximum_interval: 365,
  enable_fuzz: false,
  enable_short_term: false,
});

const STATES: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const FSRS_STATES: Record<CardState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const GRADES: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** The zone days are counted in when Slack does not report the person's. */
export const FALLBACK_ZONE = 'UTC';

function fsrsCard(card: ReviewCard): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: FSRS_STATES[card.state],
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

/** A topic's card as it enters a person's deck: new, and due at once. */
export function newCard(
  who: { teamId: string; userId: string },
  topic: { id: string; title: string },
  origin: CardOrigin,
  now: Date,
): ReviewCard {
  const empty = createEmptyCard(now);
  return {
    teamId: who.teamId,
    userId: who.userId,
    topicId: topic.id,
    topicTitle: topic.title,
    due: now,
    stability: empty.stability,
    difficulty: empty.difficulty,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 'new',
    lastReview: null,
    lastRating: null,
    addedAt: now,
    addedBy: origin,
  };
}

/** The start of `localDate` in `zone`: when a card due that day becomes due. */
export function startOfLocalDay(localDate: string, zone: string): Date {
  return postTimeOn({ time: '00:00', zone }, localDate);
}

/**
 * The card after a review rated `rating` at `now`. FSRS says how many days until the next review;
 * the card is due from the start of that day in the person's own zone, so "due today" is their today.
 */
export function reviewed(card: ReviewCard, rating: ReviewRating, now: Date, zone: string | null): ReviewCard {
  const { card: next } = scheduler.next(fsrsCard(card), now, GRADES[rating]);
  const days = Math.max(1, next.scheduled_days);
  const inZone = zone ?? FALLBACK_ZONE;
  return {
    ...card,
    due: startOfLocalDay(addDays(localDateOf(now, inZone), days), inZone),
    stability: next.stability,
    difficulty: next.difficulty,
    scheduledDays: days,
    learningSteps: next.learning_steps,
    reps: card.reps + 1,
    lapses: next.lapses,
    state: STATES[next.state],
    lastReview: now,
    lastRating: rating,
  };
}

/** FSRS retrievability at `now`, 0..1: how likely the person recalls the topic now (0 before any review). */
export function retrievability(card: ReviewCard, now: Date): number {
  if (card.state === 'new' || card.lastReview === null) return 0;
  return scheduler.get_retrievability(fsrsCard(card), now, false);
}
