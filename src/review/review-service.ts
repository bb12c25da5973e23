import { hashString } from '../quiz/random.js';
import type { QuizAnswer } from '../quiz/records.js';
import { dueQuizDate } from '../quiz/schedule.js';
import { addDays, localDateOf } from '../quiz/streak.js';
import type { QuizQuestion } from '../quiz/types.js';
import type { Store } from '../store/store.js';
import { ratingFor } from './rating.js';
import type { CardOrigin, ReviewCard, ReviewLog, ReviewProfile } from './records.js';
import { FALLBACK_ZONE, newCard, reviewed, startOfLocalDay } from './scheduling.js';
import {
  dueCards,
  inNotes,
  nextDueOf,
  type ReviewTopic,
  type StudyPlan,
  studyPlan,
  type TopicCoverage,
  teamCoverage,
} from './study-plan.js';

/** Whose deck: a person in a workspace (the terminal's local profile is one too). */
export interface Learner {
  teamId: string;
  userId: string;
}

export interface ReviewServiceOptions {
  store: Store;
  /** The quiz questions of the notes now; a card asks one of its topic's. */
  questions: () => readonly QuizQuestion[];
  /** The topics of the notes now, in the notes' order. */
  topics: () => readonly ReviewTopic[];
}

/** A card shown to its person: the question it asks this time and when it was shown. */
export interface Showing {
  card: ReviewCard;
  question: QuizQuestion;
  shownAt: Date;
  /** Cards due now, this one included. */
  dueCount: number;
  zone: string | null;
}

/** What `/aws review` shows: the next due card, or that none is due (and when the next one is). */
export type NextCard =
  | { kind: 'card'; showing: Showing }
  /** Nothing due now; `deckSize` 0 means the deck is empty. */
  | { kind: 'done'; nextDue: Date | null; deckSize: number; zone: string | null };

/** A click on an option of a shown card: which card and showing, which question, which option. */
export interface ReviewClick {
  teamId: string;
  userId: string;
  topicId: string;
  /** The card's `reps` when it was shown. */
  rep: number;
  questionId: string;
  /** When it was shown, if known (a quick answer may be rated Easy). */
  shownAt: Date | null;
  option: number;
}

/** What is left after an answer: how many cards are still due, and when the next one is if none. */
export interface AfterReview {
  dueLeft: number;
  nextDue: Date | null;
  zone: string | null;
}

/** What became of a review answer. */
export type ReviewOutcome =
  /** Kept (before anyone is told): the card as it is now, and what it was rated. */
  | { kind: 'recorded'; card: ReviewCard; log: ReviewLog; question: QuizQuestion; after: AfterReview }
  /** That showing was answered before (a double click, another replica): the earlier answer stands. */
  | { kind: 'already'; card: ReviewCard; log: ReviewLog; question: QuizQuestion; after: AfterReview }
  /** The topic (or this question of it) left the notes since the card was shown: nothing kept. */
  | { kind: 'gone'; topicId: string; title: string | null }
  /** No such card or showing (a stale or forged button): nothing kept. */
  | { kind: 'unknown' };

/** What `/aws review start [file]` did. */
export type StartOutcome =
  | { kind: 'started'; added: number; total: number; file: string | null }
  | { kind: 'no-such-file'; file: string; files: string[] };

/** What "Remember this" did. */
export type RememberOutcome =
  | { kind: 'added'; topic: ReviewTopic }
  | { kind: 'already'; topic: ReviewTopic }
  | { kind: 'gone'; topicId: string };

/** A daily nudge to send: the person, how many cards are due on their day. */
export interface Nudge {
  teamId: string;
  userId: string;
  due: number;
  localDate: string;
}

/**
 * Each person's review deck over the store: which topics are in it, which card is due next and
 * what an answer does to it (FSRS, in the person's own zone), the study plan, the team's coverage
 * and the daily nudges. It decides; the faces render. Time always comes in as `now`.
 */
export class ReviewService {
  readonly #store: Store;
  readonly #questions: () => readonly QuizQuestion[];
  readonly #topics: () => readonly ReviewTopic[];
  /** Missed topics waiting for the write under way to finish, then written together. */
  #missed: { cards: ReviewCard[]; written: Promise<number> } | null = null;
  /** The write of missed topics under way (settled when none is). */
  #writing: Promise<number> = Promise.resolve(0);

  constructor(options: ReviewServiceOptions) {
    this.#store = options.store;
    this.#questions = options.questions;
    this.#topics = options.topics;
  }

  #topic(topicId: string): ReviewTopic | undefined {
    return this.#topics().find((topic) => topic.id === topicId);
  }

  /** Puts topics in the person's deck (those already there stay as they are); returns how many went in. */
  enter(learner: Learner, topics: readonly ReviewTopic[], origin: CardOrigin, now: Date): Promise<number> {
    return this.#store.addReviewCards(topics.map((topic) => newCard(learner, topic, origin, now)));
  }

  /**
   * A wrong quiz answer (daily or practice) puts its topic in the person's deck. A daily quiz's
   * wrong answers come in bursts: those arriving while one write is under way go in the next one
   * together (one statement and one commit for many), so they do not hold up the answers themselves.
   */
  async noteAnswer(answer: QuizAnswer): Promise<void> {
    if (answer.correct) return;
    const topic = this.#topic(answer.topicId) ?? {
      id: answer.topicId,
      title: answer.topicTitle,
      file: '',
    };
    if (!this.#missed) {
      const batch: { cards: ReviewCard[]; written: Promise<number> } = {
        cards: [],
        written: this.#writing.then(() => {
          this.#missed = null;
          return this.#store.addReviewCards(batch.cards);
        }),
      };
      this.#missed = batch;
      this.#writing = batch.written.catch(() => 0);
    }
    this.#missed.cards.push(newCard(answer, topic, 'missed', answer.answeredAt));
    await this.#missed.written;
  }

  /** "Remember this" under an answer: the topic into the person's deck. */
  async remember(learner: Learner, topicId: string, now: Date): Promise<RememberOutcome> {
    const topic = this.#topic(topicId);
    if (!topic) return { kind: 'gone', topicId };
    const added = await this.enter(learner, [topic], 'remember', now);
    return { kind: added > 0 ? 'added' : 'already', topic };
  }

  /**
   * `/aws review start [file]`: every topic (of the notes file named, `compute` or `compute.md`)
   * into the deck at once.
   */
  async start(learner: Learner, file: string | null, now: Date): Promise<StartOutcome> {
    const topics = this.#topics();
    let chosen = topics;
    let fileName: string | null = null;
    if (file !== null) {
      const wanted = file.toLowerCase().replace(/\.md$/, '');
      const files = [...new Set(topics.map((topic) => topic.file))];
      const match =
        files.find((name) => name.toLowerCase().replace(/\.md$/, '') === wanted) ??
        files.find((name) => name.toLowerCase().replace(/\.md$/, '').split('/').at(-1) === wanted);
      if (!match) return { kind: 'no-such-file', file, files };
      fileName = match;
      chosen = topics.filter((topic) => topic.file === match);
    }
    const added = await this.enter(learner, chosen, 'start', now);
    return { kind: 'started', added, total: chosen.length, file: fileName };
  }

  /** The question a card asks at its `reps`th showing: its topic's questions in turn, from a place of the person's own. */
  #questionFor(card: ReviewCard): QuizQuestion | null {
    const pool = this.#questions()
      .filter((question) => question.topic.id === card.topicId)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    if (pool.length === 0) return null;
    return pool[(hashString(`${card.userId}:${card.topicId}`) + card.reps) % pool.length] ?? null;
  }

  /** `/aws review`: the card due next (shown now), or that none is due and when the next one is. */
  async next(learner: Learner, now: Date, zone: string | null): Promise<NextCard> {
    const [cards] = await Promise.all([
      this.#store.reviewCardsOf(learner.teamId, learner.userId),
      this.#keepZone(learner, zone),
    ]);
    const deck = inNotes(cards, this.#topics());
    const due = dueCards(deck, now);
    for (const card of due) {
      const question = this.#questionFor(card);
      if (question) {
        return { kind: 'card', showing: { card, question, shownAt: now, dueCount: due.length, zone } };
      }
    }
    const asked = deck.filter((card) => this.#questionFor(card) !== null);
    return { kind: 'done', nextDue: nextDueOf(asked), deckSize: deck.length, zone };
  }

  /**
   * Takes a click on option `option` of a shown card. The review is in the store before this
   * returns, so whoever is told "right" or "wrong" keeps it; a showing is reviewed once.
   */
  async answer(click: ReviewClick, now: Date, zone: string | null): Promise<ReviewOutcome> {
    if (!Number.isInteger(click.option) || click.option < 0 || click.option > 3) return { kind: 'unknown' };
    const topics = this.#topics();
    const topic = topics.find((candidate) => candidate.id === click.topicId);
    if (!topic) return { kind: 'gone', topicId: click.topicId, title: null };
    const question = this.#questions().find((candidate) => candidate.id === click.questionId);
    if (!question || question.topic.id !== click.topicId) {
      return { kind: 'gone', topicId: click.topicId, title: topic.title };
    }
    const cards = inNotes(await this.#store.reviewCardsOf(click.teamId, click.userId), topics);
    const card = cards.find((candidate) => candidate.topicId === click.topicId);
    if (!card) return { kind: 'unknown' };
    const correct = click.option === question.answer;
    const tookMs = click.shownAt ? now.getTime() - click.shownAt.getTime() : null;
    const rating = ratingFor({ correct, tookMs }, card);
    const next = { ...reviewed(card, rating, now, zone), topicTitle: topic.title };
    const log: ReviewLog = {
      teamId: click.teamId,
      userId: click.userId,
      topicId: click.topicId,
      rep: click.rep,
      questionId: question.id,
      option: click.option,
      correct,
      rating,
      reviewedAt: now,
      localDate: localDateOf(now, zone ?? FALLBACK_ZONE),
      nextDue: next.due,
    };
    const outcome = await this.#store.recordReview(log, next);
    const mine = outcome.recorded || (outcome.previous !== null && isSameReview(outcome.previous, log));
    if (mine) {
      const deck = cards.map((candidate) => (candidate.topicId === next.topicId ? next : candidate));
      return { kind: 'recorded', card: next, log, question, after: afterReview(deck, now, zone) };
    }
    if (outcome.previous === null) return { kind: 'unknown' };
    const previousQuestion = this.#questions().find(
      (candidate) => candidate.id === outcome.previous?.questionId,
    );
    return {
      kind: 'already',
      card,
      log: outcome.previous,
      question: previousQuestion ?? question,
      after: afterReview(cards, now, zone),
    };
  }

  /** The person's study plan now. */
  async plan(learner: Learner, now: Date, zone: string | null): Promise<StudyPlan> {
    const [cards, days] = await Promise.all([
      this.#store.reviewCardsOf(learner.teamId, learner.userId),
      this.#store.reviewDaysOf(learner.teamId, learner.userId),
    ]);
    return studyPlan(cards, days, this.#topics(), now, zone);
  }

  /** The workspace's coverage of each topic anyone has in their deck (for admins). */
  async coverage(teamId: string, now: Date): Promise<TopicCoverage[]> {
    return teamCoverage(await this.#store.teamReviewCards(teamId), this.#topics(), now);
  }

  /** The person's nudge setting, if they ever set one. */
  reminder(learner: Learner): Promise<ReviewProfile | null> {
    return this.#store.findReviewProfile(learner.teamId, learner.userId);
  }

  /** Sets (or, with null, stops) the person's daily nudge at `remindAt` in `zone`. */
  async setReminder(learner: Learner, remindAt: string | null, zone: string | null): Promise<ReviewProfile> {
    const profile: ReviewProfile = { teamId: learner.teamId, userId: learner.userId, zone, remindAt };
    await this.#store.saveReviewProfile(profile);
    return profile;
  }

  /** A nudge set earlier follows the person's zone as Slack reports it now. */
  async #keepZone(learner: Learner, zone: string | null): Promise<void> {
    if (zone === null) return;
    const profile = await this.#store.findReviewProfile(learner.teamId, learner.userId);
    if (profile && profile.zone !== zone) await this.#store.saveReviewProfile({ ...profile, zone });
  }

  /**
   * The nudges to send at `now`, each claimed in the store first (once per person and local day,
   * whichever replica asks): for everyone whose nudge time has come today in their zone and who has
   * cards due that day. A day whose nudge time passed while no replica ran is not nudged later.
   * A person with nothing due is claimed too, so they are checked once a day, not every minute.
   */
  async *dueNudges(now: Date): AsyncGenerator<Nudge> {
    for (const reminder of await this.#store.listReminders()) {
      if (reminder.remindAt === null) continue;
      const zone = reminder.zone ?? FALLBACK_ZONE;
      const day = dueQuizDate({ time: reminder.remindAt, zone }, now);
      if (day === null || reminder.nudgedDay === day) continue;
      if (!(await this.#store.claimNudge(reminder.teamId, reminder.userId, day))) continue;
      const dayEnd = startOfLocalDay(addDays(day, 1), zone).getTime();
      const cards = inNotes(
        await this.#store.reviewCardsOf(reminder.teamId, reminder.userId),
        this.#topics(),
      );
      const due = cards.filter((card) => card.due.getTime() < dayEnd).length;
      if (due > 0) yield { teamId: reminder.teamId, userId: reminder.userId, due, localDate: day };
    }
  }
}

function afterReview(deck: readonly ReviewCard[], now: Date, zone: string | null): AfterReview {
  const dueLeft = dueCards(deck, now).length;
  return { dueLeft, nextDue: dueLeft > 0 ? null : nextDueOf(deck), zone };
}

/** A store retry after a lost reply finds the review its first attempt kept: this click's own. */
function isSameReview(previous: ReviewLog, log: ReviewLog): boolean {
  return previous.option === log.option && previous.reviewedAt.getTime() === log.reviewedAt.getTime();
}
