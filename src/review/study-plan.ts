import { addDays, localDateOf, streakOf } from '../quiz/streak.js';
import type { ReviewCard } from './records.js';
import { FALLBACK_ZONE, retrievability, startOfLocalDay } from './scheduling.js';

/** A topic of the notes, as the review deck knows it. */
export interface ReviewTopic {
  id: string;
  title: string;
  /** The notes file it is in (`compute.md`). */
  file: string;
}

/** How well a person knows one topic in their deck now. */
export interface TopicMastery {
  topicId: string;
  title: string;
  /** FSRS retrievability now, 0..1 (0 before the first review). */
  mastery: number;
  due: Date;
}

/** One person's study plan, as App Home, `/aws score` and the terminal show it. */
export interface StudyPlan {
  /** Cards in the deck whose topics are in the notes now. */
  deckSize: number;
  /** Cards due now. */
  dueNow: number;
  /** Cards due later this week: after now and before the start of the seventh day from today. */
  dueThisWeek: number;
  /** When the next card falls due, when none is due now. */
  nextDue: Date | null;
  /** Per notes file (in the notes' order), each topic of the deck with its mastery. */
  files: { file: string; topics: TopicMastery[] }[];
  /** The three topics of the deck the person is most likely to have forgotten, weakest first. */
  weakest: TopicMastery[];
  /** Consecutive local days, up to today, with at least one review. */
  streak: number;
  /** The zone the days were counted in; null when Slack does not report the person's (then UTC). */
  zone: string | null;
}

/** How a workspace covers one topic: how many have it in their deck, and how well they know it. */
export interface TopicCoverage {
  topicId: string;
  title: string;
  file: string;
  people: number;
  /** Mean FSRS retrievability now over those people, 0..1. */
  averageMastery: number;
}

const WEEK_DAYS = 7;
const WEAKEST = 3;

/** The cards whose topics are in the notes now (a topic that left the notes left the deck). */
export function inNotes(cards: readonly ReviewCard[], topics: readonly ReviewTopic[]): ReviewCard[] {
  const present = new Set(topics.map((topic) => topic.id));
  return cards.filter((card) => present.has(card.topicId));
}

/** Cards due at `now`, the longest overdue first (ties: the less known, then topic id). */
export function dueCards(cards: readonly ReviewCard[], now: Date): ReviewCard[] {
  return cards
    .filter((card) => card.due.getTime() <= now.getTime())
    .sort(
      (a, b) =>
        a.due.getTime() - b.due.getTime() ||
        retrievability(a, now) - retrievability(b, now) ||
        (a.topicId < b.topicId ? -1 : a.topicId > b.topicId ? 1 : 0),
    );
}

/** The earliest due time of the cards, or null for none. */
export function nextDueOf(cards: readonly ReviewCard[]): Date | null {
  const times = cards.map((card) => card.due.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

function masteryOf(card: ReviewCard, title: string, now: Date): TopicMastery {
  return { topicId: card.topicId, title, mastery: retrievability(card, now), due: card.due };
}

/** A person's study plan from their cards and review days, on the notes' `topics`, at `now` in `zone`. */
export function studyPlan(
  cards: readonly ReviewCard[],
  reviewDays: readonly string[],
  topics: readonly ReviewTopic[],
  now: Date,
  zone: string | null,
): StudyPlan {
  const inZone = zone ?? FALLBACK_ZONE;
  const today = localDateOf(now, inZone);
  const weekEnd = startOfLocalDay(addDays(today, WEEK_DAYS), inZone).getTime();
  const deck = inNotes(cards, topics);
  const byTopic = new Map(deck.map((card) => [card.topicId, card]));
  const dueNow = deck.filter((card) => card.due.getTime() <= now.getTime()).length;
  const later = deck.filter((card) => card.due.getTime() > now.getTime());
  const files: StudyPlan['files'] = [];
  for (const topic of topics) {
    const card = byTopic.get(topic.id);
    if (!card) continue;
    let group = files.find((candidate) => candidate.file === topic.file);
    if (!group) {
      group = { file: topic.file, topics: [] };
      files.push(group);
    }
    group.topics.push(masteryOf(card, topic.title, now));
  }
  const weakest = files
    .flatMap((group) => group.topics)
    .sort((a, b) => a.mastery - b.mastery || a.title.localeCompare(b.title, 'en'))
    .slice(0, WEAKEST);
  return {
    deckSize: deck.length,
    dueNow,
    dueThisWeek: later.filter((card) => card.due.getTime() < weekEnd).length,
    nextDue: dueNow > 0 ? null : nextDueOf(later),
    files,
    weakest,
    streak: streakOf(reviewDays, today),
    zone,
  };
}

/** Per topic in the notes that anyone has in their deck: how many people, and their mean mastery now. */
export function teamCoverage(
  cards: readonly ReviewCard[],
  topics: readonly ReviewTopic[],
  now: Date,
): TopicCoverage[] {
  const coverage: TopicCoverage[] = [];
  for (const topic of topics) {
    const held = cards.filter((card) => card.topicId === topic.id);
    if (held.length === 0) continue;
    const total = held.reduce((sum, card) => sum + retrievability(card, now), 0);
    coverage.push({
      topicId: topic.id,
      title: topic.title,
      file: topic.file,
      people: held.length,
      averageMastery: total / held.length,
    });
  }
  return coverage;
}
