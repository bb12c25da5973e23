import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AroundListener } from '../../../observability/request-context.js';
import { VOTE_COMMENT_VIEW } from '../../blocks/action-ids.js';
import { depsForRequest, type SlackDeps } from '../../deps.js';
import { voteComment } from './vote-comment.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Modal submissions: "what were you looking for?" after a 👎. */
export function registerViews(app: App, deps: SlackDeps, around: AroundListener): void {
  app.view<ViewSubmitAction>(
    VOTE_COMMENT_VIEW,
    around(async function submitView(args: SubmitArgs): Promise<void> {
      await voteComment(depsForRequest(deps, args.context))(args);
    }),
  );
}
