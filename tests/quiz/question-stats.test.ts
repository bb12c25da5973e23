import { describe, expect, it } from 'vitest';
import {
  badness,
  pointBiserial,
  questionStandings,
  questionStats,
  retirementReasons,
} from '../../src/quiz/question-stats.js';
import type { GradedAnswer, QuestionReport } from '../../src/store/store.js';

const at = new Date('2026-06-02T07:00:00Z');

/** `right` people right and `wrong` wrong on `questionId`, each person numbered from `from`. */
function answers(questionId: string, right: number, wrong: number, from = 0, teamId = 'T1'): GradedAnswer[] {
  return Array.from({ length: right + wrong }, (_, i) => ({
    teamId,
    questionId,
    topicId: questionId.split('/')[0] ?? '',
    userId: `U${from + i}`,
    correct: i < right,
  }));
}

function report(questionId: string, userId: string, reason: QuestionReport['reason']): QuestionReport {
  return { teamId: 'T1', questionId, userId, reason, reportedAt: at };
}

describe('point-biserial discrimination', () => {
  it('is positive when those who do well elsewhere get it right, negative when they get it wrong', () => {
    const strong = Array.from({ length: 6 }, () => ({ correct: true, score: 0.9 }));
    const weak = Array.from({ length: 6 }, () => ({ correct: false, score: 0.3 }));
    expect(pointBiserial([...strong, ...weak])).toBe(1);
    const reversed = [
      ...strong.map((pair) => ({ ...pair, correct: false })),
      ...weak.map((pair) => ({ ...pair, correct: true })),
    ];
    expect(pointBiserial(reversed)).toBe(-1);
  });

  it('is not defined with too few answers, nobody wrong, or everybody alike', () => {
    expect(
      pointBiserial([
        { correct: true, score: 1 },
        { correct: false, score: 0 },
      ]),
    ).toBeNull();
    expect(pointBiserial(Array.from({ length: 12 }, () => ({ correct: true, score: 0.5 })))).toBeNull();
    expect(
      pointBiserial(Array.from({ length: 12 }, (_, i) => ({ correct: i % 2 === 0, score: 0.5 }))),
    ).toBeNull();
  });
});

describe('question statistics', () => {
  it('counts answers, share right, reports, and measures difficulty from ten answers', () => {
    const stats = questionStats(
      [
        ...answers('lambda/fact/1', 3, 1),
        ...answers('ecs/true/2', 7, 3, 10),
        ...answers('ecs/true/2', 1, 0, 0, 'T2'),
      ],
      [report('lambda/fact/1', 'U1', 'unclear'), report('s3/not/3', 'U2', 'too-easy')],
    );
    expect(stats.map((row) => `${row.teamId} ${row.questionId}`)).toEqual([
      'T1 ecs/true/2',
      'T1 lambda/fact/1',
      'T1 s3/not/3',
      'T2 ecs/true/2',
    ]);
    const [ecs, lambda, s3] = stats;
    expect(lambda).toMatchObject({
      asked: 4,
      right: 3,
      shareRight: 0.75,
      measuredDifficulty: null,
      topicId: 'lambda',
    });
    expect(lambda?.reports).toEqual({ 'wrong-answer': 0, unclear: 1, 'too-easy': 0 });
    expect(ecs).toMatchObject({ asked: 10, right: 7, shareRight: 0.7, measuredDifficulty: 0.3 });
    expect(s3).toMatchObject({ asked: 0, shareRight: null, topicId: '' });
  });

  it('scores each person on their other answers: the strong miss a question that discriminates badly', () => {
    const graded: GradedAnswer[] = [];
    // Ten strong people (right on five other questions) and ten weak ones (wrong on them)…
    for (let person = 0; person < 20; person++) {
      const strong = person < 10;
      for (let q = 0; q < 5; q++)
        graded.push({
          teamId: 'T1',
          questionId: `x/fact/${q}`,
          topicId: 'x',
          userId: `U${person}`,
          correct: strong,
        });
      // …and on the odd one out the weak are right and the strong wrong.
      graded.push({
        teamId: 'T1',
        questionId: 'odd/fact/9',
        topicId: 'odd',
        userId: `U${person}`,
        correct: !strong,
      });
    }
    const odd = questionStats(graded, []).find((row) => row.questionId === 'odd/fact/9');
    expect(odd?.discrimination).toBeLessThan(-0.9);
    expect(retirementReasons(odd as NonNullable<typeof odd>)).toEqual([
      expect.stringMatching(/^discrimination -\d\.\d\d: people who do well get it wrong more often$/),
    ]);
    const fair = questionStats(graded, []).find((row) => row.questionId === 'x/fact/0');
    expect(fair?.discrimination).toBeGreaterThan(0.9);
  });
});

describe('retiring questions', () => {
  it('retires on reports, on a share right near 0 or 1, and keeps a fair question', () => {
    const stats = questionStats(
      [...answers('easy/fact/1', 19, 1), ...answers('hard/fact/2', 1, 11), ...answers('fair/fact/3', 6, 4)],
      [
        report('fair/fact/3', 'U1', 'wrong-answer'),
        report('bad/fact/4', 'U1', 'wrong-answer'),
        report('bad/fact/4', 'U2', 'wrong-answer'),
        report('meh/fact/5', 'U1', 'unclear'),
        report('meh/fact/5', 'U2', 'unclear'),
        report('meh/fact/5', 'U3', 'too-easy'),
      ],
    );
    const why = Object.fromEntries(stats.map((row) => [row.questionId, retirementReasons(row)]));
    expect(why['easy/fact/1']).toEqual(['95% right: almost everybody gets it']);
    expect(why['hard/fact/2']).toEqual(['8% right: almost nobody gets it']);
    expect(why['fair/fact/3']).toEqual([]);
    expect(why['bad/fact/4']).toEqual(['2 people report a wrong answer']);
    expect(why['meh/fact/5']).toEqual(['3 reports (2 unclear, 1 too easy)']);
  });

  it('lets an admin retire a fair question and restore a retired one', () => {
    const stats = questionStats([...answers('easy/fact/1', 20, 0), ...answers('fair/fact/3', 6, 4)], []);
    const standings = questionStandings(stats, [
      { teamId: 'T1', questionId: 'easy/fact/1', status: 'restored', decidedBy: 'UADMIN', decidedAt: at },
      { teamId: 'T1', questionId: 'fair/fact/3', status: 'retired', decidedBy: 'UOWNER', decidedAt: at },
      { teamId: 'T1', questionId: 'never/fact/7', status: 'retired', decidedBy: 'UADMIN', decidedAt: at },
    ]);
    const byId = Object.fromEntries(standings.map((row) => [row.questionId, row]));
    expect(byId['easy/fact/1']).toMatchObject({
      status: 'restored',
      reasons: ['100% right: almost everybody gets it'],
    });
    expect(byId['fair/fact/3']).toMatchObject({ status: 'retired', reasons: ['retired by <@UOWNER>'] });
    expect(byId['never/fact/7']).toMatchObject({ status: 'retired', asked: 0 });
    const order = [...standings].sort((a, b) => badness(b) - badness(a)).map((row) => row.questionId);
    expect(order.slice(0, 2).sort()).toEqual(['fair/fact/3', 'never/fact/7']);
  });
});
