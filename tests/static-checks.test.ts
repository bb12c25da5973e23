import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/paths.js';

/**
 * The checks `npm run typecheck` and `npm run lint` make, in the suite CI runs: Vitest strips types
 * without checking them, so a test or a bench script that no longer type-checks would otherwise pass.
 */

function runBin(bin: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules', bin), ...args], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('static checks', () => {
  it('type-checks the sources, the tests and the bench (tsc --noEmit)', async () => {
    const { code, output } = await runBin('typescript/bin/tsc', ['--noEmit', '-p', 'tsconfig.json']);
    expect(output.trim(), output).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  it('passes Biome (lint and format)', async () => {
    const { code, output } = await runBin('@biomejs/biome/bin/biome', ['check', '.']);
    expect(code, output).toBe(0);
  }, 60_000);
});
