import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** What a data build script (`scripts/wordnet/…`) writes today, run into a temporary file. */
export function rebuiltBy(script: string, fileName: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rebuilt-data-'));
  try {
    const rebuilt = join(dir, fileName);
    const build = spawnSync(process.execPath, [script, rebuilt], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    return readFileSync(rebuilt, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
