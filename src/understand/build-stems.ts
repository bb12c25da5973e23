import { createTutor } from '../tutor/tutor.js';
import { writeBuiltStems } from './built-stems.js';
import { StaleIntentModelError } from './intents.js';

/**
 * Run by the build after tsc (`npm run build`, `prepare`, the Dockerfile): a tutor on no notes
 * makes every part that does not change with the notes, and one question what is made when first
 * needed, stemming their words.
 */
try {
  const count = writeBuiltStems(() => createTutor({ topics: [], files: [] }).answer('what is a container'));
  process.stdout.write(`build-stems: ${count} stems of the tutor's own word lists\n`);
} catch (error) {
  // `npm run train:intents` builds before it trains: the build must not stop on the model it mends.
  if (!(error instanceof StaleIntentModelError)) throw error;
  process.stdout.write(`build-stems: skipped, ${error.message}\n`);
}
