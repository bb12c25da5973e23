import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { QuizService } from '../../quiz/quiz-service.js';
import type { PostedQuiz } from '../../store/store.js';
import { renderDailyQuiz } from '../blocks/render-quiz.js';

/**
 * Keeps a daily quiz's public "N have answered" line current without flooding Slack: answers
 * arriving together cause one `chat.update` per quiz per interval (`chat.update` is rate limited,
 * and a thousand people may answer within minutes). The count is read from the store, so every
 * replica shows the true total.
 */
export class QuizMessageUpdater {
  readonly #pending = new Map<string, NodeJS.Timeout>();
  #stopped = false;

  constructor(
    private readonly client: WebClient,
    private readonly quizzes: QuizService,
    private readonly logger: Logger,
    private readonly intervalMs = 3000,
  ) {}

  /** A new answer to `quiz`: its message is updated within the interval. */
  answered(quiz: PostedQuiz): void {
    if (this.#stopped || quiz.mode !== 'daily' || !quiz.messageTs || this.#pending.has(quiz.id)) return;
    const timer = setTimeout(() => {
      this.#pending.delete(quiz.id);
      this.#update(quiz).catch((error: unknown) => {
        this.logger.warn(`could not update the count on quiz ${quiz.id}: ${(error as Error).message}`);
      });
    }, this.intervalMs);
    this.#pending.set(quiz.id, timer);
  }

  /** Drops pending updates: the count is only cosmetic, and the closing update shows the final tally. */
  stop(): void {
    this.#stopped = true;
    for (const timer of this.#pending.values()) clearTimeout(timer);
    this.#pending.clear();
  }

  async #update(quiz: PostedQuiz): Promise<void> {
    // A quiz that closed meanwhile shows its final tally; the open form must not come back over it.
    const current = await this.quizzes.find(quiz.id);
    if (!current || current.closedAt !== null) return;
    const answered = await this.quizzes.answeredCount(quiz.id);
    await this.client.chat.update({
      channel: quiz.channelId,
      ts: quiz.messageTs as string,
      ...renderDailyQuiz(quiz, answered),
    });
  }
}
