import type { PostedQuiz, QuizAnswer } from '../../src/store/store.js';

/** `userId`'s answer to `quiz`: right when `option` is the question's answer; daily right answers earn 10. */
export function answerTo(
  quiz: PostedQuiz,
  userId: string,
  option: number,
  answeredAt: Date,
  extra: Partial<QuizAnswer> = {},
): QuizAnswer {
  const correct = option === quiz.question.answer;
  return {
    quizId: quiz.id,
    teamId: quiz.teamId,
    channelId: quiz.channelId,
    userId,
    mode: quiz.mode,
    questionId: quiz.question.id,
    topicId: quiz.question.topic.id,
    topicTitle: quiz.question.topic.title,
    option,
    correct,
    points: correct && quiz.mode === 'daily' ? 10 : 0,
    answeredAt,
    localDate: answeredAt.toISOString().slice(0, 10),
    ...extra,
  };
}
