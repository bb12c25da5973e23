import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from './helpers/cli.js';
import { PROJECT_ROOT } from './helpers/paths.js';

/**
 * The checks `npm run typecheck` and `npm run lint` make, in the suite CI runs: Vitest strips types
 * without checking them, so a test or a bench script that no longer type-checks would otherwise pass.
 */

const bin = (path: string) => join(PROJECT_ROOT, 'node_modules', path);

describe('static checks', () => {
  it('type-checks the sources, the tests and the bench (tsc --noEmit)', async () => {
    const { status, stdout, stderr } = await runNode(bin('typescript/bin/tsc'), [
      '--noEmit',
      '-p',
      'tsconfig.json',
    ]);
    expect(`${stdout}${stderr}`.trim()).toBe('');
    expect(status).toBe(0);
  }, 120_000);

  it('passes Biome (lint and format)', async () => {
    const { status, stdout, stderr } = await runNode(bin('@biomejs/biome/bin/biome'), ['check', '.']);
    expect(status, `${stdout}${stderr}`).toBe(0);
  }, 60_000);
});
