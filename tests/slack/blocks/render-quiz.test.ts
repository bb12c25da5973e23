import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../../src/knowledge/load.js';
import { generateQuestions } from '../../../src/quiz/generate.js';
import type { QuizQuestion } from '../../../src/quiz/types.js';
import {
  QUIZ_ANSWER_PATTERN,
  QUIZ_ME,
  QUIZ_ME_ANY,
  QUIZ_ME_PATTERN,
  QUIZ_REPORT,
  quizAnswerActionId,
} from '../../../src/slack/blocks/action-ids.js';
import { escapeMrkdwn } from '../../../src/slack/blocks/mrkdwn.js';
import {
  type AnsweredOutcome,
  formatDelay,
  renderAnswerFeedback,
  renderClosedDailyQuiz,
  renderDailyQuiz,
  renderNoQuestion,
  renderPracticeQuiz,
  renderQuizClosedNotice,
  renderQuizReveal,
  renderStoreTrouble,
  renderUnknownQuizNotice,
  stemText,
} from '../../../src/slack/blocks/render-quiz.js';
import type { SlackMessage } from '../../../src/slack/blocks/render-reply.js';
import type { PostedQuiz, QuizAnswer, QuizTally } from '../../../src/store/store.js';
import { createTutor } from '../../../src/tutor/tutor.js';
import { allStrings, assertWithinBlockKitLimits, liveMarkup } from '../../helpers/block-kit-limits.js';
import { textOf, textsOf } from '../../helpers/message-text.js';
import { KNOWLEDGE_DIR } from '../../helpers/paths.js';

const knowledge = loadKnowledgeDir(KNOWLEDGE_DIR).knowledge;
const questions = generateQuestions(knowledge, createTutor(knowledge));

const POSTED = new Date('2024-05-01T07:00:00Z');
const CLOSES = new Date('2024-05-01T17:00:00Z');

function question(): QuizQuestion {
  const found = questions.find((q) => q.topic.id === 'docker' && q.kind === 'which-service');
  if (!found) throw new Error('the notes should give a Docker question');
  return found;
}

function daily(q: QuizQuestion = question(), overrides: Partial<PostedQuiz> = {}): PostedQuiz {
  return {
    id: 'daily:T1:C1:2024-05-01',
    teamId: 'T1',
    channelId: 'C1',
    mode: 'daily',
    quizDate: '2024-05-01',
    askedBy: null,
    question: q,
    postedAt: POSTED,
    closesAt: CLOSES,
    messageTs: '1714546800.000100',
    closedAt: null,
    ...overrides,
  };
}

function practice(q: QuizQuestion = question()): PostedQuiz {
  return daily(q, {
    id: 'practice:abc123',
    mode: 'practice',
    quizDate: null,
    askedBy: 'U1',
    closesAt: null,
    messageTs: null,
  });
}

function answer(quiz: PostedQuiz, option: number, points = 0): QuizAnswer {
  return {
    quizId: quiz.id,
    teamId: quiz.teamId,
    channelId: quiz.channelId,
    userId: 'U1',
    mode: quiz.mode,
    questionId: quiz.question.id,
    topicId: quiz.question.topic.id,
    topicTitle: quiz.question.topic.title,
    option,
    correct: option === quiz.question.answer,
    points,
    answeredAt: new Date(POSTED.getTime() + 60_000),
    localDate: '2024-05-01',
  };
}

function tally(byOption: [number, number, number, number], answerIndex: number, fastest?: string): QuizTally {
  const answered = byOption.reduce((sum, n) => sum + n, 0);
  const right = byOption[answerIndex] ?? 0;
  return {
    answered,
    right,
    byOption,
    fastestRight: fastest ? { userId: fastest, answeredAt: new Date(POSTED.getTime() + 42_000) } : null,
  };
}

const letter = (i: number): string => 'ABCD'[i] ?? '?';
const rightOption = (q: QuizQuestion): string => `${letter(q.answer)}. ${q.options[q.answer]}`;
const wrongIndex = (q: QuizQuestion): number => (q.answer + 1) % 4;

const buttons = (message: SlackMessage): Button[] =>
  message.blocks
    .filter((block): block is ActionsBlock => block.type === 'actions')
    .flatMap((block) => block.elements as Button[]);

/** Renders and checks Block Kit's limits and that no markup is live but what is allowed. */
function checked(message: SlackMessage, users: string[] = []): SlackMessage {
  assertWithinBlockKitLimits(message);
  const live = allStrings(message)
    .flatMap((text) => liveMarkup(text, users))
    .filter((token) => !/^<!date\^\d+\^[^|>]*\|[^>]*>$/.test(token));
  expect(live).toEqual([]);
  return message;
}

describe('renderDailyQuiz', () => {
  it('shows the stem and one button per option, with the quiz id as the value', () => {
    const q = question();
    const quiz = daily(q);
    const message = checked(renderDailyQuiz(quiz, 0));
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Daily AWS quiz' },
    });
    expect(textOf(message)).toContain(stemText(q.stem));
    const all = buttons(message);
    expect(all.map((b) => [b.text.text, b.action_id, b.value])).toEqual(
      q.options.map((option, i) => [`${letter(i)}. ${option}`, quizAnswerActionId(i), quiz.id]),
    );
    expect(all.every((b) => QUIZ_ANSWER_PATTERN.test(b.action_id ?? ''))).toBe(true);
    expect(message.text).toBe(`Daily AWS quiz: ${stemText(q.stem)}`);
  });

  it('says how many have answered and when it closes, in each reader’s own time', () => {
    const quiz = daily();
    const context = (answered: number) =>
      textsOf(renderDailyQuiz(quiz, answered).blocks.at(-1) as KnownBlock).join('\n');
    expect(context(0)).toContain('No answers yet');
    expect(context(1)).toContain('1 person has answered');
    expect(context(12)).toContain('12 people have answered');
    expect(context(1234)).toContain('1,234 people have answered');
    const unix = CLOSES.getTime() / 1000;
    expect(context(0)).toContain(`Closes <!date^${unix}^{date_short_pretty} at {time}|2024-05-01 17:00 UTC>`);
  });

  it('never gives the answer away, for any question the notes give', () => {
    expect(questions.length).toBeGreaterThan(10);
    for (const q of questions) {
      const message = checked(renderDailyQuiz(daily(q), 3));
      const json = JSON.stringify(message);
      for (const marker of ['✓', '✗', '✅', '❌', 'primary', 'style', q.explanation.split('\n')[0] ?? '']) {
        expect(json, `${q.id}: ${marker}`).not.toContain(marker);
      }
      expect(message.blocks[0]).toMatchObject({ text: { text: 'Daily AWS quiz' } });
      expect(JSON.stringify(message.blocks[0])).not.toContain(q.topic.title);
      expect(message.text).toBe(`Daily AWS quiz: ${stemText(q.stem)}`);
      // The buttons differ only in label and action id: none stands out.
      const shapes = buttons(message).map((b) => Object.keys(b).sort().join(','));
      expect(new Set(shapes).size).toBe(1);
    }
  });

  it('shows the blank of a masked stem so Slack cannot read it as italics', () => {
    const q: QuizQuestion = {
      ...question(),
      stem: 'Which one: “___ Images are in ___ repositories & <more>”?',
    };
    const message = checked(renderDailyQuiz(daily(q), 0));
    const shown = 'Which one: “＿＿＿ Images are in ＿＿＿ repositories &amp; &lt;more&gt;”?';
    expect(textOf(message)).toContain(shown);
    expect(message.text).toBe(`Daily AWS quiz: ${shown}`);
    expect(stemText('snake_case stays')).toBe('snake_case stays');
  });

  it('writes out options too long for a button label, and cuts the labels to 75 characters', () => {
    const long = 'An option that goes on and on about many things it could be, far past a label';
    const q: QuizQuestion = { ...question(), options: [long, 'Short', `${long} too`, 'Other'] };
    const message = checked(renderDailyQuiz(daily(q), 0));
    expect(textOf(message)).toContain(`A. ${long}`);
    for (const b of buttons(message)) expect(b.text.text.length).toBeLessThanOrEqual(75);
    expect(buttons(message)[0]?.text.text.endsWith('…')).toBe(true);
    const short = checked(renderDailyQuiz(daily(), 0));
    expect(textOf(short)).not.toMatch(/^A\. /m);
  });
});

describe('renderClosedDailyQuiz', () => {
  it('shows the counts without buttons, the right option marked', () => {
    const q = question();
    const counts: [number, number, number, number] = [1, 1, 1, 1];
    counts[q.answer] = 9;
    const message = checked(renderClosedDailyQuiz(daily(q), tally(counts, q.answer)));
    expect(buttons(message)).toEqual([]);
    const text = textOf(message);
    expect(text).toContain(`✅ *${rightOption(q)}*  ·  9 (75%)`);
    const wrong = wrongIndex(q);
    expect(text).toContain(`${letter(wrong)}. ${q.options[wrong]}  ·  1 (8%)`);
    expect(text.match(/✅/g)).toHaveLength(1);
    expect(text).toContain('Closed · 12 answered · 9 right (75%)');
    expect(message.text).toContain(`Answer: ${rightOption(q)}`);
  });

  it('closes a quiz nobody answered', () => {
    const q = question();
    const text = textOf(checked(renderClosedDailyQuiz(daily(q), tally([0, 0, 0, 0], q.answer))));
    expect(text).toContain('Closed · nobody answered');
    expect(text).toContain(`✅ *${rightOption(q)}*  ·  0`);
  });
});

describe('renderQuizReveal', () => {
  it('gives the answer, the share right, the fastest right answer and the explanation', () => {
    const q = question();
    const counts: [number, number, number, number] = [2, 2, 2, 2];
    counts[q.answer] = 7;
    counts[wrongIndex(q)] = 0;
    const message = checked(renderQuizReveal({ quiz: daily(q), tally: tally(counts, q.answer, 'U42') }), [
      'U42',
    ]);
    const text = textOf(message);
    expect(text).toContain(`*The answer:* ${rightOption(q)}`);
    expect(text).toContain('7 of 11 (64%) got it right.');
    expect(text).toContain('Fastest right answer: <@U42>, in 42 s.');
    expect(text).toContain(escapeMrkdwn(q.explanation.split('\n')[0] ?? ''));
    expect(text).toContain('Source: compute.md › Docker');
    expect(message.text).toBe(`The answer: ${rightOption(q)} · 7 of 11 got it right`);
  });

  it('is kind when nobody answered or nobody was right', () => {
    const q = question();
    const none = textOf(checked(renderQuizReveal({ quiz: daily(q), tally: tally([0, 0, 0, 0], q.answer) })));
    expect(none).toContain('Nobody answered this one');
    expect(none).toContain(rightOption(q));
    const counts: [number, number, number, number] = [1, 1, 1, 1];
    counts[q.answer] = 0;
    const wrong = textOf(checked(renderQuizReveal({ quiz: daily(q), tally: tally(counts, q.answer) })));
    expect(wrong).toContain('Nobody got it right this time (0 of 3)');
    expect(wrong).not.toContain('Fastest');
  });

  it('says how soon the fastest answer came', () => {
    expect(formatDelay(400)).toBe('in under a second');
    expect(formatDelay(42_900)).toBe('in 42 s');
    expect(formatDelay(3 * 60_000 + 5_000)).toBe('in 3 min');
    expect(formatDelay(2 * 3_600_000 + 5 * 60_000)).toBe('in 2 h 5 min');
    expect(formatDelay(3_600_000)).toBe('in 1 h');
    expect(formatDelay(-5)).toBe('in under a second');
  });
});

describe('renderPracticeQuiz', () => {
  it('asks privately with the same option buttons and says it counts for no leaderboard', () => {
    const quiz = practice();
    const message = checked(renderPracticeQuiz(quiz));
    expect(buttons(message).map((b) => [b.action_id, b.value])).toEqual(
      [0, 1, 2, 3].map((i) => [quizAnswerActionId(i), 'practice:abc123']),
    );
    expect(textOf(message)).toContain('Practice: counts for your own score, not the leaderboard');
    expect(textOf(message)).toContain(stemText(quiz.question.stem));
    expect(JSON.stringify(message)).not.toContain('✓');
  });
});

describe('renderAnswerFeedback', () => {
  const q = question();

  it('tells a right daily answer its points and explains', () => {
    const quiz = daily(q);
    const outcome: AnsweredOutcome = { kind: 'recorded', quiz, answer: answer(quiz, q.answer, 13) };
    const message = checked(renderAnswerFeedback(outcome));
    const text = textOf(message);
    expect(text).toContain(`✅ Right: ${rightOption(q)} · +13 points`);
    expect(text).toContain('Source: compute.md › Docker');
    // The one button reports the question (its value the quiz, nothing of the answer).
    expect(buttons(message).map((b) => [b.text.text, b.action_id, b.value])).toEqual([
      ['Report this question', QUIZ_REPORT, quiz.id],
    ]);
    expect(message.text).toBe(`✅ Right: ${rightOption(q)} (+13 points)`);
    const one = renderAnswerFeedback({ kind: 'recorded', quiz, answer: answer(quiz, q.answer, 1) });
    expect(one.text).toContain('+1 point)');
  });

  it('tells a wrong daily answer what it chose and what is right', () => {
    const quiz = daily(q);
    const wrong = wrongIndex(q);
    const message = checked(renderAnswerFeedback({ kind: 'recorded', quiz, answer: answer(quiz, wrong) }));
    expect(textOf(message)).toContain(
      `❌ Not quite: you chose ${letter(wrong)}. ${q.options[wrong]}; the answer is ${rightOption(q)} · No points this time.`,
    );
  });

  it('reminds someone who answered already of their answer', () => {
    const quiz = daily(q);
    const wrong = wrongIndex(q);
    const right = textOf(
      renderAnswerFeedback({ kind: 'already', quiz, previous: answer(quiz, q.answer, 9) }),
    );
    expect(right).toContain(`You already answered this one: you chose ${rightOption(q)} (right).`);
    expect(right).not.toContain('+9');
    const wrongText = textOf(renderAnswerFeedback({ kind: 'already', quiz, previous: answer(quiz, wrong) }));
    expect(wrongText).toContain(
      `You already answered this one: you chose ${letter(wrong)}. ${q.options[wrong]} (wrong; the answer is ${rightOption(q)}).`,
    );
  });

  it('replaces a practice question with the marked options and buttons for another', () => {
    const quiz = practice(q);
    const wrong = wrongIndex(q);
    const message = checked(renderAnswerFeedback({ kind: 'recorded', quiz, answer: answer(quiz, wrong) }));
    const text = textOf(message);
    expect(text).toContain(stemText(q.stem));
    expect(text).toContain(`✅ *${rightOption(q)}*`);
    expect(text).toContain(`❌ ${letter(wrong)}. ${q.options[wrong]} ← your answer`);
    expect(text).toContain('❌ Not quite');
    expect(text).not.toContain('points');
    expect(text).toContain('Practice: counts for your own score, not the leaderboard');
    const all = buttons(message);
    expect(all.map((b) => [b.text.text, b.action_id, b.value])).toEqual([
      ['Another question', QUIZ_ME, 'docker'],
      ['Any topic', QUIZ_ME_ANY, undefined],
      ['Report this question', QUIZ_REPORT, quiz.id],
    ]);
    expect(all.slice(0, 2).every((b) => QUIZ_ME_PATTERN.test(b.action_id ?? ''))).toBe(true);
    expect(message.blocks.at(-1)?.type).toBe('actions');

    const right = textOf(renderAnswerFeedback({ kind: 'recorded', quiz, answer: answer(quiz, q.answer) }));
    expect(right).toContain(`✅ *${rightOption(q)}* ← your answer`);
    expect(right).toContain(`✅ Right: ${rightOption(q)}`);
  });
});

describe('quiz notices', () => {
  it('say what happened in a sentence', () => {
    const closed = checked(renderQuizClosedNotice(daily()));
    expect(closed.text).toBe('This quiz has closed; the answer is in the thread.');
    expect(checked(renderUnknownQuizNotice()).text).toMatch(/can’t find that quiz any more/);
    expect(textOf(checked(renderNoQuestion({ id: 'lambda', title: 'Lambda <b>' })))).toBe(
      'The notes have no quiz questions about Lambda &lt;b&gt; yet; try `/aws quiz` for any topic.',
    );
    expect(checked(renderNoQuestion(null)).text).toBe('The notes have no quiz questions yet.');
    expect(checked(renderStoreTrouble()).text).toMatch(
      /nothing was recorded — please click again in a minute/,
    );
  });
});

describe('quiz rendering: escaping and Block Kit limits', () => {
  const HOSTILE = ' <!channel> a<b & c>d <@U123> <https://x|y> @here ';
  const huge = (seed: string): string => `${seed}${HOSTILE}${'word '.repeat(1000)}`.slice(0, 5000);
  const hugeQuestion: QuizQuestion = {
    ...question(),
    id: `q${'x'.repeat(3000)}`,
    topic: { id: `t${'y'.repeat(3000)}`, title: huge('title') },
    stem: huge('stem'),
    options: [huge('a'), huge('b'), huge('c'), huge('d')],
    explanation: [huge('✓ why'), huge('Source: '), huge('✗ other'), `${HOSTILE}\n`.repeat(200)].join('\n'),
  };

  it('keeps every quiz message within limits with 5,000-character texts full of markup', () => {
    const quiz = daily(hugeQuestion, { id: `daily:${'z'.repeat(3000)}` });
    const p = practice(hugeQuestion);
    const wide = tally([1_000_000, 2, 3, 4], hugeQuestion.answer, '<!channel>');
    const messages = [
      renderDailyQuiz(quiz, 1_000_000),
      renderClosedDailyQuiz(quiz, wide),
      renderQuizReveal({ quiz, tally: wide }),
      renderPracticeQuiz(p),
      renderAnswerFeedback({ kind: 'recorded', quiz, answer: answer(quiz, 0, 13) }),
      renderAnswerFeedback({ kind: 'already', quiz, previous: answer(quiz, 1) }),
      renderAnswerFeedback({ kind: 'recorded', quiz: p, answer: answer(p, 2) }),
      renderAnswerFeedback({ kind: 'already', quiz: p, previous: answer(p, 3) }),
      renderNoQuestion(hugeQuestion.topic),
    ];
    for (const message of messages) {
      checked(message);
      expect(message.blocks.length).toBeLessThanOrEqual(50);
    }
    const asked = renderDailyQuiz(quiz, 3);
    expect(buttons(asked)).toHaveLength(4);
    expect(asked.blocks.at(-1)?.type).toBe('context');
    expect(textOf(asked)).toContain('&lt;!channel&gt;');
    const replaced = renderAnswerFeedback({ kind: 'recorded', quiz: p, answer: answer(p, 2) });
    expect(buttons(replaced).map((b) => b.action_id)).toEqual([QUIZ_ME, QUIZ_ME_ANY, QUIZ_REPORT]);
  });
});
