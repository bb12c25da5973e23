import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import intentExamples from './data/intents.json' with { type: 'json' };
import { trainIntentModel } from './intents.js';

/**
 * Trains the intent classifier on data/intents.json and saves it beside the examples, so the
 * tutor starts without training. Run after changing the examples: `npm run train:intents`.
 */
const target = fileURLToPath(new URL('../../../src/understand/data/intent-model.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(trainIntentModel(intentExamples))}\n`);
process.stdout.write(`wrote ${target}\n`);
