import { ConfigError } from './config.js';
import { KnowledgeFolderError } from './knowledge/load.js';
import { scrubSecrets } from './observability/secrets.js';
import { PortError } from './slack/http-server.js';
import { SlackSetupError } from './slack/setup/token-advice.js';
import { StoreError } from './store/store.js';
import { StaleIntentModelError } from './understand/intents.js';

/** Failures whose message already says what to fix: a variable, a folder, a token, a port, a model. */
function explained(error: unknown): error is Error {
  return (
    error instanceof ConfigError ||
    error instanceof KnowledgeFolderError ||
    error instanceof StoreError ||
    error instanceof SlackSetupError ||
    error instanceof PortError ||
    error instanceof StaleIntentModelError
  );
}

/**
 * What the process prints when it cannot start or must stop: one line, secrets masked. Where in the
 * code it happened (the stack) is only for LOG_LEVEL=debug: a person setting the app up needs what
 * to fix, not a trace.
 */
export function failureText(error: unknown, env: Record<string, string | undefined> = process.env): string {
  const debug = (env.LOG_LEVEL ?? '').trim().toLowerCase() === 'debug';
  let text: string;
  if (explained(error)) text = error.message;
  else if (error instanceof Error) {
    text = `${error.name}: ${error.message}`;
    text += debug && error.stack ? `\n${error.stack}` : ' (LOG_LEVEL=debug shows where it happened)';
  } else text = String(error);
  return scrubSecrets(`aws-tutor: ${text}\n`, env);
}
