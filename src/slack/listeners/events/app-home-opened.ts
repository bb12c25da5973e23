import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderHome } from '../../blocks/render-home.js';
import type { SlackDeps } from '../../deps.js';

/** How many people the App Home's workspace ranking lists. */
const HOME_TOP = 10;

/**
 * The App Home tab: the viewer's own score, the workspace's top ten, their study plan (and the
 * team's coverage for admins), what the tutor knows and how to ask it. Without the store, the tab still shows what the tutor knows.
 */
export function appHomeOpened(deps: SlackDeps) {
  return async function publishHome({
    event,
    body,
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? body.team_id;
    const now = deps.now();
    let personal: Parameters<typeof renderHome>[1];
    let study: Parameters<typeof renderHome>[2];
    try {
      const learner = { teamId, userId: event.user };
      const [zone, admin] = await Promise.all([
        deps.people.zoneOf(event.user),
        deps.people.mayManageQuizzes(event.user),
      ]);
      const [score, top, plan, coverage] = await Promise.all([
        deps.quizzes.scoreOf(teamId, event.user, now, zone),
        deps.quizzes.leaderboard(teamId, null, 'all', now, HOME_TOP),
        deps.reviews.plan(learner, now, zone),
        admin ? deps.reviews.coverage(teamId, now) : null,
      ]);
      personal = { viewerId: event.user, score, top };
      study = { plan, coverage };
    } catch (error) {
      deps.logger.error(
        `could not read scores for the App Home of ${event.user}: ${(error as Error).message}`,
      );
    }
    await client.views.publish({
      user_id: event.user,
      view: renderHome(deps.tutor.knowledge, personal, study),
    });
  };
}
