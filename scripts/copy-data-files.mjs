#!/usr/bin/env node
// tsc compiles src/ into dist/src/ and copies the JSON files the code imports, but not the other
// data files the code reads at run time (src/understand/data/word-relations.txt, and the needs in
// src/understand/data/concept-needs.json and service-needs.json, read as bytes at start and when
// notes load): this copies them to the same place under dist/. scripts/finish-build.mjs runs it
// after tsc.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';

const DATA_EXTENSIONS = new Set(['.txt']);
/** Data files the code reads rather than imports, whatever their extension. */
const READ_DATA_FILES = new Set(['concept-needs.json', 'service-needs.json']);

/** Copies every data file under `root`/src to the same path under `root`/dist; returns their paths. */
export function copyDataFiles(root) {
  const copied = [];
  for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
    const data = DATA_EXTENSIONS.has(extname(entry.name)) || READ_DATA_FILES.has(basename(entry.name));
    if (!entry.isFile() || !data) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(root, 'dist', relative(root, source));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
    copied.push(relative(root, target));
  }
  return copied;
}
