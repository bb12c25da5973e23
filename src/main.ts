import { config as loadDotenv } from 'dotenv';
import { runChat } from './cli/chat.js';
import { loadKnowledgeReporting } from './cli/knowledge.js';
import { openLocalDeck } from './cli/local-deck.js';
import { readConfig } from './config.js';
import { LiveTutor } from './live-tutor.js';
import { failureText } from './startup-failure.js';
import { createTutor } from './tutor/tutor.js';

/**
 * Composition root: reads the configuration, loads the notes and starts the face it calls for.
 * The Slack face (Bolt, the store drivers, metrics) is loaded only when Slack is configured, so the
 * terminal tutor comes up without paying for it.
 */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = readConfig(process.env);
  const tutor = createTutor(loadKnowledgeReporting(config.knowledgeDir, process.stderr));
  if (config.slack) {
    const { runSlack } = await import('./run-slack.js');
    await runSlack(config, config.slack, new LiveTutor(config.knowledgeDir, tutor));
  } else {
    const source = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
    await runChat(
      tutor,
      { input: process.stdin, output: process.stdout },
      { openDeck: () => openLocalDeck(source, tutor) },
    );
  }
}

/** Whatever goes wrong, at start or later, ends in one line on stderr and exit code 1. */
function fail(error: unknown): never {
  process.stderr.write(failureText(error));
  process.exit(1);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
main().catch(fail);
