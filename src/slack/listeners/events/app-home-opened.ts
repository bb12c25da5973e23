import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderHome } from '../../blocks/render-home.js';
import type { SlackDeps } from '../../deps.js';

/** The App Home tab: what the tutor knows and how to ask it. */
export function appHomeOpened(deps: SlackDeps) {
  return async function publishHome({
    event,
    client,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: renderHome(deps.tutor.knowledge) });
  };
}
