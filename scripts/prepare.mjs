#!/usr/bin/env node
// `npm install` / `npm ci` run this (the `prepare` script). With the dev dependencies installed it
// compiles src/ and bench/ to dist/, copies the data files tsc leaves out and works out the stems of
// the tutor's own word lists (as `npm run build` does). In a production-only install (`npm ci
// --omit=dev`) there is no TypeScript compiler: then an existing, already built dist/ is used as it
// is, and a missing one stops the install with what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const startEntry = join(root, 'dist', 'src', 'main.js');

let tsc = null;
try {
  tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  // no TypeScript: a production-only install
}

if (tsc) {
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.error) throw build.error;
  if (build.status !== 0) process.exit(build.status ?? 1);
  // Imported here only: a production install runs this script without the build helpers beside it.
  const { finishBuild } = await import('./finish-build.mjs');
  finishBuild(root);
  process.exit(0);
}

if (existsSync(startEntry)) {
  console.log('prepare: TypeScript is not installed (a production install); using the existing dist/');
  process.exit(0);
}
console.error(
  'prepare: TypeScript is not installed and there is no built dist/: run `npm install` with the dev ' +
    'dependencies (or `npm run build` where they are), or copy a built dist/ in before `npm ci --omit=dev`',
);
process.exit(1);
