#!/usr/bin/env node
/**
 * Plain MiniSearch behind the same kind of command line as `tutor ask --json --batch`, so the bench
 * can time both end to end, process start included:
 *
 *   node dist/bench/minisearch-cli.js --knowledge DIR < questions.txt
 *
 * The folder is read with our own notes parser (src/knowledge/load.ts), so both commands parse the
 * same Markdown the same way and differ only in how they search. Each topic is one document: its
 * title and its facts (bullet text and sub-points), searched with the options of the in-process
 * baseline (bench/baselines.ts): fuzzy 0.2 and prefix matching.
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import MiniSearch from 'minisearch';
import { loadKnowledgeDir } from '../src/knowledge/load.js';
import type { Topic } from '../src/knowledge/types.js';

/** As many as the tutor's "did you mean" offers at most. */
const TOPICS_PER_ANSWER = 3;

interface TopicDoc {
  id: string;
  title: string;
  facts: string;
}

const toDoc = (topic: Topic): TopicDoc => ({
  id: topic.id,
  title: topic.title,
  facts: topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints]).join('\n'),
});

function folderArgument(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--knowledge');
  return at === -1 ? undefined : argv[at + 1];
}

async function main(): Promise<number> {
  const dir = folderArgument(process.argv.slice(2));
  if (!dir) {
    process.stderr.write('usage: node dist/bench/minisearch-cli.js --knowledge DIR < questions.txt\n');
    return 2;
  }
  const { knowledge } = loadKnowledgeDir(resolve(dir));
  const miniSearch = new MiniSearch<TopicDoc>({
    fields: ['title', 'facts'],
    storeFields: ['title'],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  miniSearch.addAll(knowledge.topics.map(toDoc));

  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const question of lines) {
    const topics = miniSearch
      .search(question)
      .slice(0, TOPICS_PER_ANSWER)
      .map((hit) => ({ id: String(hit.id), title: String(hit.title) }));
    process.stdout.write(`${JSON.stringify({ question, topics })}\n`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`minisearch-cli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
