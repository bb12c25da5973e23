/**
 * Action ids of the buttons the Block Kit face puts under answers; the listeners match on them.
 */

/** "Share in channel": the button's value is the cleaned question, answered again visibly. */
export const SHARE_ANSWER = 'share_answer';

/**
 * A "did you mean" or related-topic button; its value is a topic id. Action ids must be unique
 * within a message, so each button carries an index: `ask_topic:0`, `ask_topic:1`…
 */
export const ASK_TOPIC = 'ask_topic';

/** Matches every ask-topic button's action id, with or without its index. */
export const ASK_TOPIC_PATTERN = /^ask_topic(:\d+)?$/;

/** The action id of the `index`th ask-topic button of a message. */
export function askTopicActionId(index: number): string {
  return `${ASK_TOPIC}:${index}`;
}
