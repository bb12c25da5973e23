import { describe, expect, it } from 'vitest';
import type { QuestionStanding } from '../../../src/quiz/question-stats.js';
import type { ReviewedQuestion } from '../../../src/quiz/quiz-service.js';
import { figuresLine, renderQuestionReview } from '../../../src/slack/blocks/render-question-review.js';
import { assertWithinBlockKitLimits } from '../../helpers/block-kit-limits.js';
import { textOf } from '../../helpers/message-text.js';

function standing(questionId: string, extra: Partial<QuestionStanding> = {}): QuestionStanding {
  return {
    teamId: 'T1',
    questionId,
    topicId: 'lambda',
    asked: 14,
    right: 13,
    shareRight: 0.929,
    discrimination: -0.214,
    reports: { 'wrong-answer': 1, unclear: 2, 'too-easy': 0 },
    measuredDifficulty: 0.071,
    status: 'active',
    reasons: [],
    decision: null,
    ...extra,
  };
}

describe('renderQuestionReview', () => {
  it('shows each question with its figures, its place in the quiz and a button to change it', () => {
    const rows: ReviewedQuestion[] = [
      {
        standing: standing('lambda/fact/1', {
          status: 'retired',
          reasons: ['3 reports (1 wrong answer, 2 unclear)'],
        }),
        question: {
          id: 'lambda/fact/1',
          topic: { id: 'lambda', title: 'Lambda' },
          stem: `Which of these <runs> *functions* on demand? ${'x'.repeat(5000)}`,
          options: ['Lambda', 'ECS', 'Fargate', 'Batch'],
          answer: 0,
          explanation: '',
          source: { file: 'compute.md', heading: 'Lambda', line: 3 },
          kind: 'which-service',
        },
      },
      {
        standing: standing('gone/true/2', {
          status: 'restored',
          reasons: ['100% right: almost everybody gets it'],
          decision: {
            teamId: 'T1',
            questionId: 'gone/true/2',
            status: 'restored',
            decidedBy: 'UADMIN',
            decidedAt: new Date(),
          },
        }),
        question: null,
      },
      ...Array.from({ length: 8 }, (_, i) => ({ standing: standing(`x/fact/${i}`), question: null })),
    ];
    const message = renderQuestionReview(rows);
    assertWithinBlockKitLimits(message);
    const text = textOf(message);
    expect(text).toContain('&lt;runs&gt;');
    expect(text).toContain('⛔ Out of the quiz: 3 reports (1 wrong answer, 2 unclear)');
    expect(text).toContain(
      'Kept in the quiz by <@UADMIN> (its figures say: 100% right: almost everybody gets it)',
    );
    expect(text).toContain('A question no longer in the notes');
    const accessories = message.blocks.flatMap((block) =>
      'accessory' in block && block.accessory ? [block.accessory] : [],
    );
    expect(accessories.map((button) => ('action_id' in button ? button.action_id : ''))).toEqual([
      'question_restore:0',
      'question_retire:1',
      ...Array.from({ length: 8 }, (_, i) => `question_retire:${i + 2}`),
    ]);
  });

  it('says so when nothing deserves a look, and shows the figures in one line', () => {
    expect(textOf(renderQuestionReview([]))).toContain(
      'No quiz question has figures or reports worth a look yet.',
    );
    expect(figuresLine(standing('q'))).toBe(
      'asked 14 · 93% right · discrimination -0.21 · reports: 1 wrong answer, 2 unclear',
    );
  });
});
