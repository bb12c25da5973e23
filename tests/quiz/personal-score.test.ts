import { describe, expect, it } from 'vitest';
import { byWeakness, personalScore } from '../../src/quiz/personal-score.js';
import type { QuizAnswer, QuizMode } from '../../src/store/store.js';

let serial = 0;

function answer(
  fields: Partial<QuizAnswer> & { mode: QuizMode; correct: boolean; localDate?: string; topicId?: string },
): QuizAnswer {
  serial++;
  const topicId = fields.topicId ?? 's3';
  return {
    quizId: `quiz-${serial}`,
    teamId: 'T1',
    channelId: 'C1',
    userId: 'U1',
    questionId: `${topicId}/fact/${serial}`,
    topicTitle: topicId.toUpperCase(),
    option: fields.correct ? 0 : 1,
    points: fields.mode === 'daily' && fields.correct ? 10 : 0,
    answeredAt: new Date('2026-03-29T09:00:00Z'),
    localDate: '2026-03-29',
    ...fields,
    topicId,
  };
}

const TODAY = '2026-03-30';

describe('personalScore', () => {
  it('is empty before the first answer', () => {
    expect(personalScore([], TODAY)).toEqual({
      points: 0,
      answered: 0,
      right: 0,
      accuracy: null,
      streak: 0,
      weakest: [],
    });
  });

  it('adds up the points, and counts practice in answered, right and accuracy', () => {
    const score = personalScore(
      [
        answer({ mode: 'daily', correct: true, points: 15 }),
        answer({ mode: 'daily', correct: false }),
        answer({ mode: 'practice', correct: true }),
        answer({ mode: 'practice', correct: true }),
      ],
      TODAY,
    );
    expect(score).toMatchObject({ points: 15, answered: 4, right: 3, accuracy: 0.75 });
  });

  it('counts the streak from the local dates of right daily answers only', () => {
    const score = personalScore(
      [
        answer({ mode: 'daily', correct: true, localDate: '2026-03-28' }),
        answer({ mode: 'daily', correct: true, localDate: '2026-03-29' }),
        // Practice, and a wrong daily answer, keep no streak alive.
        answer({ mode: 'practice', correct: true, localDate: '2026-03-30' }),
        answer({ mode: 'daily', correct: false, localDate: '2026-03-27' }),
      ],
      TODAY,
    );
    expect(score.streak).toBe(2);
  });

  it("uses the person's own local date, not the UTC day of the answer", () => {
    // Answered at 20:30 UTC on the 29th: already the 30th for someone in Auckland.
    const answeredAt = new Date('2026-03-29T20:30:00Z');
    const score = personalScore(
      [
        answer({ mode: 'daily', correct: true, answeredAt, localDate: '2026-03-30' }),
        answer({ mode: 'daily', correct: true, localDate: '2026-03-29' }),
      ],
      '2026-03-30',
    );
    expect(score.streak).toBe(2);
  });

  it('lists at most three weak topics, weakest first: accuracy, then wrong answers, then title', () => {
    const answers = [
      // ecs: 1 of 2 right (50%, 1 wrong)
      answer({ mode: 'daily', correct: true, topicId: 'ecs' }),
      answer({ mode: 'daily', correct: false, topicId: 'ecs' }),
      // iam: 0 of 1 (0%, 1 wrong)
      answer({ mode: 'practice', correct: false, topicId: 'iam' }),
      // vpc: 0 of 3 (0%, 3 wrong): weaker than iam at the same accuracy
      answer({ mode: 'daily', correct: false, topicId: 'vpc' }),
      answer({ mode: 'practice', correct: false, topicId: 'vpc' }),
      answer({ mode: 'daily', correct: false, topicId: 'vpc' }),
      // alb: 1 of 2 (50%, 1 wrong): ties with ecs, first by title
      answer({ mode: 'daily', correct: false, topicId: 'alb' }),
      answer({ mode: 'daily', correct: true, topicId: 'alb' }),
      // s3: all right, so not weak
      answer({ mode: 'daily', correct: true, topicId: 's3' }),
    ];
    expect(personalScore(answers, TODAY).weakest).toEqual([
      { topicId: 'vpc', topicTitle: 'VPC', answered: 3, right: 0 },
      { topicId: 'iam', topicTitle: 'IAM', answered: 1, right: 0 },
      { topicId: 'alb', topicTitle: 'ALB', answered: 2, right: 1 },
    ]);
  });

  it('shows a topic under its latest title', () => {
    const score = personalScore(
      [
        answer({ mode: 'daily', correct: false, topicId: 'ec2', topicTitle: 'EC2' }),
        answer({ mode: 'daily', correct: false, topicId: 'ec2', topicTitle: 'Amazon EC2' }),
      ],
      TODAY,
    );
    expect(score.weakest).toEqual([{ topicId: 'ec2', topicTitle: 'Amazon EC2', answered: 2, right: 0 }]);
  });
});

describe('byWeakness', () => {
  it('breaks a full tie by topic id, so the order never depends on the input', () => {
    const a = { topicId: 'a', topicTitle: 'Same', answered: 2, right: 1 };
    const b = { topicId: 'b', topicTitle: 'Same', answered: 2, right: 1 };
    expect([b, a].sort(byWeakness)).toEqual([a, b]);
  });
});
