import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderReply } from '../../blocks/render-reply.js';
import type { SlackDeps } from '../../deps.js';
import { withoutBotMention } from '../../question-text.js';

/** `@AWS Tutor what is ecr` in a channel: answered in a thread under the mention. */
export function appMention(deps: SlackDeps) {
  return async function answerMention({
    event,
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> {
    const reply = deps.tutor.answer(withoutBotMention(event.text ?? '', context.botUserId));
    await deps.pacer.run(event.channel, () =>
      client.chat.postMessage({
        channel: event.channel,
        thread_ts: event.thread_ts ?? event.ts,
        ...renderReply(reply, { shareable: false }),
      }),
    );
  };
}
