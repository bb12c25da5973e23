import { createInterface } from 'node:readline';
import { parseReviewCommand } from '../review/review-command.js';
import type { Tutor } from '../tutor/tutor.js';
import { PracticeSession, parseChoice } from './practice.js';
import {
  renderNoPractice,
  renderPracticeFeedback,
  renderPracticeQuestion,
  renderText,
} from './render-text.js';
import { type LocalDeck, ReviewSession } from './review-session.js';

export interface ChatStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface ChatOptions {
  /** Varies the practice questions between chats; the chat's start time by default. */
  seed?: string;
  /** Opens the local profile's review deck in the app's store (on the first `review`); without it, no review. */
  openDeck?: () => Promise<LocalDeck>;
  /** The clock for reviews (default: the wall clock). */
  now?: () => Date;
}

const NO_REVIEW = 'Reviews need the app’s store: run the chat with `npm start` or `tutor chat`.';

const GOODBYES = new Set(['quit', 'exit', 'bye', ':q']);

const PROMPT = 'aws> ';
const ANSWER_PROMPT = 'answer> ';

const DAILY_QUIZ = /^\s*quiz\s+daily\b/i;
const DAILY_QUIZ_IN_SLACK =
  'The daily quiz runs in Slack channels (`/aws quiz daily 09:00 Europe/Berlin`). Here, type "quiz" for a practice question.';

/**
 * The terminal tutor: a prompt where a person types what they would type after `/aws`. Without a
 * terminal (piped input) it answers each line and ends with the input.
 *
 * `quiz` (or `quiz me on lambda`) asks a practice question; the next line is its answer when it is
 * A–D, a–d or 1–4, and anything else moves on (it is answered as usual). Practice is not scored.
 * `review` shows the local profile's next due card (in the app's store), answered the same way.
 */
export async function runChat(tutor: Tutor, streams: ChatStreams, options: ChatOptions = {}): Promise<void> {
  const interactive = Boolean(streams.input.isTTY && streams.output.isTTY);
  const color = Boolean(streams.output.isTTY) && !process.env.NO_COLOR;
  const lines = createInterface({
    input: streams.input,
    output: interactive ? streams.output : undefined,
    terminal: interactive,
  });
  const say = (text: string) => streams.output.write(`${text}\n`);
  const practice = new PracticeSession(tutor, options.seed ?? new Date().toISOString());
  const review = options.openDeck
    ? new ReviewSession(options.openDeck, options.now ?? (() => new Date()), color)
    : null;

  const respond = (question: string) => {
    if (DAILY_QUIZ.test(question)) {
      say(DAILY_QUIZ_IN_SLACK);
      return;
    }
    const reply = tutor.answer(question);
    if (reply.intent !== 'quiz') {
      say(renderText(reply, { color }));
      return;
    }
    const next = practice.next(reply.topic);
    say(
      next
        ? renderPracticeQuestion(next, practice.asked, { color })
        : renderNoPractice(reply.topic, { color }),
    );
  };

  if (interactive) {
    const count = tutor.knowledge.topics.length;
    say(renderText(tutor.answer('help'), { color }));
    say(
      `\nI know ${count} topic${count === 1 ? '' : 's'} from the notes. Type a question, "quiz" for a practice question, or "quit" to leave.\n`,
    );
    lines.setPrompt(PROMPT);
    lines.prompt();
  }
  for await (const line of lines) {
    const question = line.trim();
    if (GOODBYES.has(question.toLowerCase())) break;
    if (question) {
      const choice = practice.pending || review?.pending ? parseChoice(question) : null;
      const reviewCommand = parseReviewCommand(question);
      if (choice !== null && review?.pending) say(await review.answer(choice));
      else if (choice !== null && practice.pending) {
        const feedback = practice.answer(choice);
        if (feedback) say(renderPracticeFeedback(feedback, { color }));
      } else {
        practice.skip();
        review?.skip();
        if (reviewCommand) say(review ? await review.command(reviewCommand) : NO_REVIEW);
        else respond(question);
      }
      say('');
    }
    if (interactive) {
      lines.setPrompt(practice.pending || review?.pending ? ANSWER_PROMPT : PROMPT);
      lines.prompt();
    }
  }
  lines.close();
  await review?.close();
}
