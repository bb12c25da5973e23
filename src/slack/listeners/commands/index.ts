import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { awsCommand } from './aws-command.js';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command('/aws', awsCommand(deps));
}
