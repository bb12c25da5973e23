#!/usr/bin/env node
// What a build does after tsc: copies the data files tsc leaves out, then works out the stems of the
// tutor's own word lists once (dist/src/understand/data/stems.json) and where each service's needs
// and each concept's lie in their data files (*.spans.json), so that no start has to.
// `npm run build`, `prepare`, the Dockerfile and the tests' global setup run it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { copyDataFiles } from './copy-data-files.mjs';

export function finishBuild(root) {
  copyDataFiles(root);
  for (const step of ['build-stems.js', 'build-data-spans.js']) {
    const entry = join('dist', 'src', 'understand', step);
    const run = spawnSync(process.execPath, [entry], { cwd: root, stdio: 'inherit' });
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`node ${entry} failed (exit ${run.status})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  finishBuild(join(dirname(fileURLToPath(import.meta.url)), '..'));
}
