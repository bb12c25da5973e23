import { createInterface } from 'node:readline';
import type { Tutor } from '../tutor/tutor.js';
import { renderText } from './render-text.js';

export interface ChatStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

const GOODBYES = new Set(['quit', 'exit', 'bye', ':q']);

/**
 * The terminal tutor: a prompt where a person types what they would type after `/aws`. Without a
 * terminal (piped input) it answers each line and ends with the input.
 */
export async function runChat(tutor: Tutor, streams: ChatStreams): Promise<void> {
  const interactive = Boolean(streams.input.isTTY && streams.output.isTTY);
  const color = Boolean(streams.output.isTTY) && !process.env.NO_COLOR;
  const lines = createInterface({
    input: streams.input,
    output: interactive ? streams.output : undefined,
    terminal: interactive,
  });
  const say = (text: string) => streams.output.write(`${text}\n`);
  if (interactive) {
    const count = tutor.knowledge.topics.length;
    say(renderText(tutor.answer('help'), { color }));
    say(
      `\nI know ${count} topic${count === 1 ? '' : 's'} from the notes. Type a question, or "quit" to leave.\n`,
    );
    lines.setPrompt('aws> ');
    lines.prompt();
  }
  for await (const line of lines) {
    const question = line.trim();
    if (GOODBYES.has(question.toLowerCase())) break;
    if (question) {
      say(renderText(tutor.answer(question), { color }));
      say('');
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}
