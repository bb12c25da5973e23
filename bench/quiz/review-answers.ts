/**
 * The review part of `npm run bench:quiz`: a review card for each of `users` people (seeded in the
 * app's store while it runs, as `/aws review start` would), then each answers it through a signed
 * `review_answer` click, and afterwards the store is read to check each card was reviewed once, with
 * the option clicked first.
 */
import { join } from 'node:path';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { generateQuestions } from '../../src/quiz/generate.js';
import { newCard } from '../../src/review/scheduling.js';
import { reviewButtonValue } from '../../src/slack/blocks/action-ids.js';
import { openStore } from '../../src/store/open-store.js';
import { createTutor } from '../../src/tutor/tutor.js';

/** The topic every card is about: one of the project's notes with quiz questions. */
const TOPIC = 'ecs';

export interface StoreLocation {
  databaseUrl: string | null;
  dataDir: string;
}

/** A seeded deck: the value of every card's option buttons (the same showing for each person), and the right option. */
export interface SeededReviews {
  buttonValue: string;
  rightOption: number;
}

/** Puts one new card on `TOPIC` in each person's deck, through the app's own store adapter. */
export async function seedReviewCards(
  root: string,
  location: StoreLocation,
  users: readonly string[],
  now: Date,
): Promise<SeededReviews> {
  const knowledge = loadKnowledgeDir(join(root, 'knowledge')).knowledge;
  const question = generateQuestions(knowledge, createTutor(knowledge)).find(
    (candidate) => candidate.topic.id === TOPIC,
  );
  if (!question) throw new Error(`the notes give no quiz question about ${TOPIC}`);
  const store = await openStore(location);
  try {
    await store.addReviewCards(
      users.map((userId) => newCard({ teamId: 'T1', userId }, question.topic, 'start', now)),
    );
  } finally {
    await store.close();
  }
  return {
    buttonValue: reviewButtonValue({
      topicId: TOPIC,
      rep: 0,
      questionId: question.id,
      shownAt: now,
      zone: 'Europe/Berlin',
    }),
    rightOption: question.answer,
  };
}

export interface ReviewCount {
  /** People whose card was reviewed exactly once, rated by the option they clicked first. */
  keptOnce: number;
  /** Cards reviewed more than once: always 0 unless the one-review-per-showing rule broke. */
  repeated: number;
  /** Clicking people whose card was not reviewed. */
  missing: number;
  /** Cards rated otherwise than the first click's option says. */
  wrongRating: number;
}

export async function countReviews(
  location: StoreLocation,
  firstClicks: ReadonlyMap<string, number>,
  rightOption: number,
): Promise<ReviewCount> {
  const store = await openStore(location);
  try {
    const count: ReviewCount = { keptOnce: 0, repeated: 0, missing: 0, wrongRating: 0 };
    const cards = new Map((await store.exportReviewCards()).map((card) => [card.userId, card]));
    for (const [userId, option] of firstClicks) {
      const card = cards.get(userId);
      if (!card || card.reps === 0) count.missing += 1;
      else if (card.reps > 1) count.repeated += 1;
      else if (card.lastRating !== (option === rightOption ? 'good' : 'again')) count.wrongRating += 1;
      else count.keptOnce += 1;
    }
    return count;
  } finally {
    await store.close();
  }
}
