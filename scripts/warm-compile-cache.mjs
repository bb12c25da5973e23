// Loads the modules `node dist/src/main.js` loads, the Slack face's included, without starting
// anything, so that Node 22.1 and later writes their compiled code to NODE_COMPILE_CACHE. The image
// runs this once at build time: its start then reads Bolt, the store drivers and the core compiled.
//
//   NODE_COMPILE_CACHE=/app/.compile-cache node scripts/warm-compile-cache.mjs
import { readFileSync } from 'node:fs';

const main = new URL('../dist/src/main.js', import.meta.url);
// main.js itself would start the tutor: its own imports, static and dynamic, are what it loads.
const specifiers = [
  ...readFileSync(main, 'utf8').matchAll(/(?:\bfrom|\bimport\()\s*'(\.{1,2}\/[^']+)'/g),
].map((match) => match[1]);
if (specifiers.length === 0) throw new Error(`${main.pathname}: found no modules to load`);
for (const specifier of specifiers) await import(new URL(specifier, main).href);
process.stdout.write(`warm-compile-cache: loaded ${specifiers.length} modules of main.js and theirs\n`);
