import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseReviewCommand } from '../../../review/review-command.js';
import { ADMIN_COMMAND, adminCommand } from '../../admin-command.js';
import { renderReply } from '../../blocks/render-reply.js';
import { DAILY_COMMAND, dailyCommand } from '../../daily-quiz/daily-command.js';
import { depsForRequest, type SlackDeps } from '../../deps.js';
import { noteReply } from '../../gaps/note-reply.js';
import { type Asker, isDmChannel } from '../../people/asker.js';
import { reviewMessage } from '../../review/review-request.js';
import { isStudyRequest, orTrouble, studyMessage } from '../../study-requests.js';

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
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    const text = command.text ?? '';
    const asker: Asker = {
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      inDm: isDmChannel(command.channel_id),
    };
    const admin = ADMIN_COMMAND.exec(text);
    const daily = admin ? null : DAILY_COMMAND.exec(text);
    const review = admin || daily ? null : parseReviewCommand(text);
    if (review) {
      await ack();
      await respond({
        response_type: 'ephemeral',
        ...(await reviewMessage(depsForRequest(deps, context), review, asker)),
      });
      return;
    }
    const reply = admin || daily ? null : deps.tutor.answer(text);
    if (reply && !isStudyRequest(reply)) {
      await noteReply(deps, reply, { teamId: asker.teamId, channelKind: 'command' }, () =>
        ack({ response_type: 'ephemeral', ...renderReply(reply, { shareable: true, votes: true }) }),
      );
      return;
    }
    // The store (and sometimes Slack) is needed: acknowledged first, answered through `respond`.
    await ack();
    const requestDeps = depsForRequest(deps, context);
    const message = reply
      ? await studyMessage(requestDeps, reply, asker)
      : await orTrouble(requestDeps, `/aws ${admin ? 'admin' : 'quiz daily'}`, () =>
          admin
            ? adminCommand(requestDeps, admin[1] ?? '', { ...asker, channelName: command.channel_name ?? '' })
            : dailyCommand(requestDeps, daily?.[1] ?? '', asker),
        );
    await respond({ response_type: 'ephemeral', ...message });
  };
}
