import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderHome } from '../../blocks/render-home.js';
import type { SlackDeps } from '../../deps.js';

/** How many people the App Home's workspace ranking lists. */
const HOME_TOP = 10;

/**
 * The App Home tab: the viewer's own score, the workspace's top ten, what the tutor knows and how
 * to ask it. Without the store, the tab still shows what the tutor knows.
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
    try {
      const zone = await deps.people.zoneOf(event.user);
      const [score, top] = await Promise.all([
        deps.quizzes.scoreOf(teamId, event.user, now, zone),
        deps.quizzes.leaderboard(teamId, null, 'all', now, HOME_TOP),
      ]);
      personal = { viewerId: event.user, score, top };
    } catch (error) {
      deps.logger.error(
        `could not read scores for the App Home of ${event.user}: ${(error as Error).message}`,
      );
    }
    await client.views.publish({ user_id: event.user, view: renderHome(deps.tutor.knowledge, personal) });
  };
}
