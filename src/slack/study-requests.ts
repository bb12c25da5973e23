import type { LeaderboardReply, QuizReply, Reply } from '../tutor/reply.js';
import { renderNoQuestion, renderPracticeQuiz, renderStoreTrouble } from './blocks/render-quiz.js';
import { type RenderReplyOptions, renderReply, type SlackMessage } from './blocks/render-reply.js';
import { reviewScoreLines } from './blocks/render-review.js';
import { renderLeaderboard, renderPersonalScore, renderTeamStandings } from './blocks/render-scores.js';
import type { SlackDeps } from './deps.js';
import type { Asker } from './people/asker.js';

/** A private practice question (on `topicId`, else any topic) for the asker. */
export async function practiceMessage(
  deps: SlackDeps,
  asker: Asker,
  topic: { id: string; title: string } | null,
): Promise<SlackMessage> {
  const quiz = await deps.quizzes.practice(asker, topic?.id ?? null, deps.now());
  return quiz ? renderPracticeQuiz(quiz) : renderNoQuestion(topic);
}

/**
 * `/aws score`, `/aws leaderboard [week|month|all]` and `/aws leaderboard teams`: the asker's own
 * standing, the channel's ranking (the workspace's from a direct message), or the channels' ranking.
 */
export async function scoresMessage(
  deps: SlackDeps,
  reply: LeaderboardReply,
  asker: Asker,
): Promise<SlackMessage> {
  const now = deps.now();
  switch (reply.scope) {
    case 'me': {
      const zone = await deps.people.zoneOf(asker.userId);
      const [score, plan] = await Promise.all([
        deps.quizzes.scoreOf(asker.teamId, asker.userId, now, zone),
        deps.reviews.plan(asker, now, zone),
      ]);
      return renderPersonalScore(score, asker.userId, reviewScoreLines(plan, now));
    }
    case 'teams':
      return renderTeamStandings(
        await deps.quizzes.teamStandings(asker.teamId, reply.period, now),
        reply.period,
      );
    case 'everyone': {
      const channelId = asker.inDm ? null : asker.channelId;
      // The whole ranking, so the asker's own place shows even outside the top rows.
      const rows = await deps.quizzes.leaderboard(asker.teamId, channelId, reply.period, now);
      return renderLeaderboard(
        rows,
        channelId ? { kind: 'channel', channelId } : { kind: 'workspace' },
        reply.period,
        asker.userId,
      );
    }
  }
}

/**
 * The message `make` builds, or, when the store (or anything else) fails, a message saying so:
 * a person who asked gets an answer, never silence. The failure is logged.
 */
export async function orTrouble(
  deps: SlackDeps,
  what: string,
  make: () => Promise<SlackMessage>,
): Promise<SlackMessage> {
  try {
    return await make();
  } catch (error) {
    deps.logger.error(`${what} failed: ${(error as Error).message}`);
    return renderStoreTrouble();
  }
}

/** The message for a quiz or leaderboard request. */
export function studyMessage(
  deps: SlackDeps,
  reply: QuizReply | LeaderboardReply,
  asker: Asker,
): Promise<SlackMessage> {
  return orTrouble(deps, `a ${reply.intent} request`, () =>
    reply.intent === 'quiz' ? practiceMessage(deps, asker, reply.topic) : scoresMessage(deps, reply, asker),
  );
}

/** Quiz and leaderboard requests need the store; every other reply is rendered from the notes alone. */
export function isStudyRequest(reply: Reply): reply is QuizReply | LeaderboardReply {
  return reply.intent === 'quiz' || reply.intent === 'leaderboard';
}

/** The message for any reply: a study request through the store, an answer rendered directly. */
export function replyMessage(
  deps: SlackDeps,
  reply: Reply,
  asker: Asker,
  options: RenderReplyOptions,
): Promise<SlackMessage> {
  return isStudyRequest(reply)
    ? studyMessage(deps, reply, asker)
    : Promise.resolve(renderReply(reply, options));
}
