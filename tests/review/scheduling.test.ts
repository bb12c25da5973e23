import { describe, expect, it } from 'vitest';
import { QUICK_ANSWER_MS, ratingFor, STABLE_DAYS } from '../../src/review/rating.js';
import { parseReviewCommand } from '../../src/review/review-command.js';
import { newCard, retrievability, reviewed } from '../../src/review/scheduling.js';
import { studyPlan, teamCoverage } from '../../src/review/study-plan.js';

const learner = { teamId: 'T1', userId: 'U1' };
const ecs = { id: 'ecs', title: 'ECS' };
/** 09:00 in Berlin on Tuesday 2 June 2026. */
const morning = new Date('2026-06-02T07:00:00Z');

describe('the rating rule', () => {
  const stable = { state: 'review' as const, stability: STABLE_DAYS };
  it('rates a wrong answer Again however quick or stable', () => {
    expect(ratingFor({ correct: false, tookMs: 1000 }, stable)).toBe('again');
  });
  it('rates a right answer Good, and Easy only when quick on an already stable card', () => {
    expect(ratingFor({ correct: true, tookMs: 1000 }, stable)).toBe('easy');
    expect(ratingFor({ correct: true, tookMs: QUICK_ANSWER_MS + 1 }, stable)).toBe('good');
    expect(ratingFor({ correct: true, tookMs: null }, stable)).toBe('good');
    expect(
      ratingFor({ correct: true, tookMs: 1000 }, { state: 'review', stability: STABLE_DAYS - 0.1 }),
    ).toBe('good');
    expect(ratingFor({ correct: true, tookMs: 1000 }, { state: 'new', stability: 0 })).toBe('good');
  });
});

describe('scheduling with FSRS in the person’s zone', () => {
  it('puts a new card due at once, and after a review due from the start of a later day where the person is', () => {
    const card = newCard(learner, ecs, 'start', morning);
    expect(card.due).toEqual(morning);
    const after = reviewed(card, 'good', morning, 'Europe/Berlin');
    expect(after.reps).toBe(1);
    expect(after.scheduledDays).toBeGreaterThanOrEqual(1);
    // Midnight in Berlin (22:00 UTC the evening before, in summer time), some days on.
    expect(after.due.getUTCHours()).toBe(22);
    expect(after.lastRating).toBe('good');
    const tokyo = reviewed(card, 'good', morning, 'Asia/Tokyo');
    expect(tokyo.due.getUTCHours()).toBe(15);
    const utc = reviewed(card, 'good', morning, null);
    expect(utc.due.getUTCHours()).toBe(0);
  });

  it('grows the interval with right answers, and shrinks it with a lapse', () => {
    let card = newCard(learner, ecs, 'start', morning);
    const intervals: number[] = [];
    let now = morning;
    for (const rating of ['good', 'good', 'good'] as const) {
      card = reviewed(card, rating, now, 'UTC');
      intervals.push(card.scheduledDays);
      now = card.due;
    }
    expect(intervals[1]).toBeGreaterThan(intervals[0] ?? 0);
    expect(intervals[2]).toBeGreaterThan(intervals[1] ?? 0);
    const lapsed = reviewed(card, 'again', now, 'UTC');
    expect(lapsed.scheduledDays).toBeLessThan(intervals[2] ?? 0);
    expect(lapsed.lapses).toBe(1);
    const easy = reviewed(card, 'easy', now, 'UTC');
    expect(easy.scheduledDays).toBeGreaterThan(reviewed(card, 'good', now, 'UTC').scheduledDays);
  });

  it('measures mastery as FSRS retrievability: 0 before a review, high right after, falling with time', () => {
    const card = newCard(learner, ecs, 'start', morning);
    expect(retrievability(card, morning)).toBe(0);
    const after = reviewed(card, 'good', morning, 'UTC');
    const soon = retrievability(after, new Date(morning.getTime() + 60_000));
    const later = retrievability(after, new Date(morning.getTime() + 30 * 86_400_000));
    expect(soon).toBeGreaterThan(0.95);
    expect(later).toBeLessThan(soon);
  });
});

describe('the study plan and the team’s coverage', () => {
  const topics = [
    { id: 'ecs', title: 'ECS', file: 'compute.md' },
    { id: 's3', title: 'S3', file: 'storage.md' },
    { id: 'lambda', title: 'Lambda', file: 'compute.md' },
  ];
  it('counts due now and this week, groups mastery by notes file, keeps gone topics out, and counts the streak', () => {
    const due = newCard(learner, ecs, 'missed', morning);
    const learnt = reviewed(
      newCard(learner, { id: 's3', title: 'S3' }, 'start', morning),
      'good',
      morning,
      'UTC',
    );
    const gone = newCard(learner, { id: 'gone', title: 'Gone' }, 'start', morning);
    const plan = studyPlan([due, learnt, gone], ['2026-06-01', '2026-06-02'], topics, morning, null);
    expect(plan).toMatchObject({
      deckSize: 2,
      dueNow: 1,
      dueThisWeek: 1,
      nextDue: null,
      streak: 2,
      zone: null,
    });
    expect(plan.files.map((group) => [group.file, group.topics.map((topic) => topic.topicId)])).toEqual([
      ['compute.md', ['ecs']],
      ['storage.md', ['s3']],
    ]);
    expect(plan.weakest.map((topic) => topic.topicId)).toEqual(['ecs', 's3']);
  });

  it('says per topic how many have it and their mean mastery', () => {
    const mine = reviewed(newCard(learner, ecs, 'start', morning), 'good', morning, 'UTC');
    const theirs = newCard({ teamId: 'T1', userId: 'U2' }, ecs, 'start', morning);
    const [coverage, ...rest] = teamCoverage([mine, theirs], topics, morning);
    expect(rest).toEqual([]);
    expect(coverage).toMatchObject({ topicId: 'ecs', people: 2 });
    expect(coverage?.averageMastery).toBeCloseTo(0.5, 1);
  });
});

describe('reading /aws review', () => {
  it.each([
    ['review', { kind: 'next' }],
    ['What should I study?', { kind: 'next' }],
    ['what should i review next', { kind: 'next' }],
    ['review start', { kind: 'start', file: null }],
    ['review start compute', { kind: 'start', file: 'compute' }],
    ['review remind', { kind: 'remind-show' }],
    ['review remind off', { kind: 'remind-off' }],
    ['review remind 08:30', { kind: 'remind-set', time: '08:30' }],
    ['review remind 8:30 am', { kind: 'remind-set', time: '08:30' }],
  ])('reads “%s”', (text, command) => {
    expect(parseReviewCommand(text)).toEqual(command);
  });

  it('leaves questions for the tutor, and explains words it cannot read', () => {
    expect(parseReviewCommand('what is fargate')).toBeNull();
    expect(parseReviewCommand('reviewing lambda')).toBeNull();
    const bad = parseReviewCommand('review remind 25:99');
    expect(bad?.kind).toBe('invalid');
    expect(bad?.kind === 'invalid' && bad.message).toMatch(/25:99 is not a time of day.*08:30/);
    expect(parseReviewCommand('review banana')?.kind).toBe('invalid');
  });
});
