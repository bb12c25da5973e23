import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderReply } from '../../blocks/render-reply.js';
import type { SlackDeps } from '../../deps.js';
import { type Asker, isDmChannel } from '../../quiz/asker.js';
import { DAILY_COMMAND, dailyCommand } from '../../quiz/daily-command.js';
import { studyMessage } from '../../quiz/study-requests.js';

/**
 * `/aws <question>`: answered privately (ephemeral) with a button to share it. Answering takes
 * well under a millisecond, so the answer rides on the acknowledgement itself: one round trip.
 * Quizzes, scores and the daily-quiz settings need the store (and sometimes Slack): those are
 * acknowledged first and answered through `respond`.
 */
export function awsCommand(deps: SlackDeps) {
  return async function answerSlashCommand({
    command,
    ack,
    respond,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    const text = command.text ?? '';
    const asker: Asker = {
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      inDm: isDmChannel(command.channel_id),
    };
    const daily = DAILY_COMMAND.exec(text);
    if (daily) {
      await ack();
      await respond({ response_type: 'ephemeral', ...(await dailyCommand(deps, daily[1] ?? '', asker)) });
      return;
    }
    const reply = deps.tutor.answer(text);
    if (reply.intent === 'quiz' || reply.intent === 'leaderboard') {
      await ack();
      await respond({ response_type: 'ephemeral', ...(await studyMessage(deps, reply, asker)) });
      return;
    }
    await ack({ response_type: 'ephemeral', ...renderReply(reply, { shareable: true }) });
  };
}
