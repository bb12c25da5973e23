import type { App } from '@slack/bolt';
import type { AroundListener } from '../../../observability/request-context.js';
import type { SlackDeps } from '../../deps.js';
import { awsCommand } from './aws-command.js';

export function registerCommands(app: App, deps: SlackDeps, around: AroundListener): void {
  app.command('/aws', around(awsCommand(deps)));
}
