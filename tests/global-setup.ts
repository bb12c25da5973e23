import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from './helpers/paths.js';

/**
 * Builds the project once before any test file runs, so the CLI tests drive the real `dist/`
 * output of the sources under test rather than a stale build.
 */
export function setup(): void {
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (build.error) throw new Error(`could not run tsc: ${build.error.message}`);
  if (build.status !== 0) {
    throw new Error(
      `npx tsc -p tsconfig.build.json failed (exit ${build.status}):\n${build.stdout}${build.stderr}`,
    );
  }
  // What `npm run build` does after tsc: the data files tsc leaves out, the built stems.
  const finish = spawnSync(process.execPath, ['scripts/finish-build.mjs'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (finish.status !== 0) {
    throw new Error(
      `node scripts/finish-build.mjs failed (exit ${finish.status}):\n${finish.stdout}${finish.stderr}`,
    );
  }
}
