import { config as loadDotenv } from 'dotenv';
import { runChat } from './cli/chat.js';
import { loadKnowledgeReporting } from './cli/knowledge.js';
import { ConfigError, readConfig } from './config.js';
import { KnowledgeFolderError } from './knowledge/load.js';
import { createTutor } from './tutor/tutor.js';

/** Composition root: reads the configuration, loads the notes and starts the face it calls for. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = readConfig(process.env);
  if (config.face.kind !== 'terminal') {
    throw new ConfigError(
      'Slack credentials are set, but this version has only the terminal tutor: unset SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_SIGNING_SECRET to use it',
    );
  }
  const tutor = createTutor(loadKnowledgeReporting(config.knowledgeDir, process.stderr));
  await runChat(tutor, { input: process.stdin, output: process.stdout });
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof KnowledgeFolderError;
  process.stderr.write(
    `aws-tutor: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exitCode = 1;
});
