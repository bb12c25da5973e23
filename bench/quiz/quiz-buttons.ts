/**
 * What a click needs from a posted daily quiz: its id (every option button's value) and its options
 * (`quiz_answer:<n>`). Which option is right is not in the message, as it is not for people.
 */
import type { PostedMessage } from './fake-slack.js';

const OPTION_ACTION = /^quiz_answer:([0-3])$/;

export interface QuizButtons {
  quizId: string;
  options: number[];
}

interface Element {
  type?: string;
  action_id?: string;
  value?: string;
}

export function quizButtons(message: PostedMessage): QuizButtons {
  const buttons = (message.blocks as { elements?: Element[] }[])
    .flatMap((block) => block.elements ?? [])
    .filter((element) => element.type === 'button' && OPTION_ACTION.test(element.action_id ?? ''));
  const quizIds = new Set(buttons.map((button) => button.value ?? ''));
  const [quizId] = quizIds;
  if (quizIds.size !== 1 || !quizId) {
    throw new Error(
      `the quiz posted in ${message.channel} has ${buttons.length} option buttons naming ${quizIds.size} quiz ids; expected one id`,
    );
  }
  const options = buttons.map((button) => Number(OPTION_ACTION.exec(button.action_id ?? '')?.[1]));
  return { quizId, options: [...new Set(options)].sort((a, b) => a - b) };
}
