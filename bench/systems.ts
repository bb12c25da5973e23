/** The systems the bench compares, each able to load a notes folder and answer with a top topic title. */
import { loadKnowledgeDir } from '../src/knowledge/load.js';
import { createTutor } from '../src/tutor/tutor.js';
import { buildFuseSearch, buildMiniSearchSearch, readNoteDocs, type TopTitleSearch } from './baselines.js';
import { medianTime } from './measure.js';

export interface PreparedSystem {
  /** Median time to read and parse the folder. */
  loadMs: number;
  /** Median time to build the search structures from the parsed notes. */
  indexMs: number;
  topicCount: number;
  /** `file:line: message` for each problem the loader reported; baselines report none. */
  problems: string[];
  search: TopTitleSearch;
}

export interface SystemUnderTest {
  name: string;
  prepare(dir: string, runs: number): PreparedSystem;
}

interface Loaded<T> {
  value: T;
  topicCount: number;
  problems: string[];
}

function timedSystem<T>(
  name: string,
  load: (dir: string) => Loaded<T>,
  index: (loaded: T) => TopTitleSearch,
): SystemUnderTest {
  return {
    name,
    prepare(dir, runs) {
      const loaded = medianTime(runs, () => load(dir));
      const indexed = medianTime(runs, () => index(loaded.result.value));
      return {
        loadMs: loaded.ms,
        indexMs: indexed.ms,
        topicCount: loaded.result.topicCount,
        problems: loaded.result.problems,
        search: indexed.result,
      };
    },
  };
}

export const OUR_ENGINE = timedSystem(
  'aws-tutor',
  (dir) => {
    const { knowledge, problems } = loadKnowledgeDir(dir);
    return {
      value: knowledge,
      topicCount: knowledge.topics.length,
      problems: problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`),
    };
  },
  (knowledge) => {
    const tutor = createTutor(knowledge, undefined, { recentReplies: 0 });
    // An `unknown` reply is an abstention, as the eval scorer counts it, whatever topics it lists.
    return (question) => {
      const reply = tutor.answer(question);
      return reply.intent === 'unknown' ? undefined : reply.topics[0]?.title;
    };
  },
);

const readDocs = (dir: string) => {
  const docs = readNoteDocs(dir);
  return { value: docs, topicCount: docs.length, problems: [] };
};

export const BASELINES: readonly SystemUnderTest[] = [
  timedSystem('fuse.js', readDocs, buildFuseSearch),
  timedSystem('minisearch', readDocs, buildMiniSearchSearch),
];
