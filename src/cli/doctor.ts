import { join } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { allPassed, renderChecks, renderChecksJson } from '../doctor/render.js';
import { runDoctor } from '../doctor/run-doctor.js';
import { scrubSecrets } from '../observability/secrets.js';
import { projectRoot } from '../paths.js';
import { parseArgs, UsageError } from './args.js';

/**
 * `tutor doctor [--json]`: checks the setup `npm start` would run with (.env and the environment)
 * and prints one line per check with what to fix. Exit code 0 when every check passes, else 1.
 */
export async function doctor(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { command: 'doctor', flags: ['json'] });
  if (args.positional.length > 0)
    throw new UsageError(`doctor takes no words: "${args.positional.join(' ')}"`);
  loadDotenv({ quiet: true });
  const results = await runDoctor({ env: process.env, manifestPath: join(projectRoot(), 'manifest.yml') });
  const text = args.flags.has('json')
    ? renderChecksJson(results)
    : renderChecks(results, { color: process.stdout.isTTY === true && !process.env.NO_COLOR });
  // Tokens are only ever named by kind; masking by value guards any message quoted from elsewhere.
  process.stdout.write(scrubSecrets(text, process.env));
  return allPassed(results) ? 0 : 1;
}
