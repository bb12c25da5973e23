import { dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { foldCase, stem, VENDOR_WORDS, words } from '../../src/knowledge/text.js';
import type { KnowledgeBase, Topic } from '../../src/knowledge/types.js';
import { clueOf, generateQuestions, generateQuiz } from '../../src/quiz/generate.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import type { Reply } from '../../src/tutor/reply.js';
import { createTutor, type Tutor } from '../../src/tutor/tutor.js';
import { STOPWORDS } from '../../src/understand/stopwords.js';
import { notesDir } from '../helpers/notes-dir.js';
import {
  DATABASES_NOTES_DIR,
  KNOWLEDGE_DIR,
  SHARED_COMPUTE_NOTES,
  STORAGE_NOTES_DIR,
} from '../helpers/paths.js';

const FOLDERS = {
  knowledge: KNOWLEDGE_DIR,
  storage: STORAGE_NOTES_DIR,
  databases: DATABASES_NOTES_DIR,
  'raw-compute': dirname(SHARED_COMPUTE_NOTES),
};

interface Generated {
  knowledge: KnowledgeBase;
  tutor: Tutor;
  questions: QuizQuestion[];
}

const generated = new Map<string, Generated>();
beforeAll(() => {
  for (const [name, dir] of Object.entries(FOLDERS)) {
    const knowledge = loadKnowledgeDir(dir).knowledge;
    const tutor = createTutor(knowledge);
    generated.set(name, { knowledge, tutor, questions: generateQuestions(knowledge, tutor) });
  }
});

function get(name: string): Generated {
  const found = generated.get(name);
  if (!found) throw new Error(`no notes ${name}`);
  return found;
}

/** The fact as the stem shows it: the text between the quotes. */
function clueIn(stemText: string): string {
  const match = /“(.*)”/s.exec(stemText);
  if (!match?.[1]) throw new Error(`no quoted clue in ${stemText}`);
  return match[1];
}

/** What a tutor is asked for a clue: its words, masks left out. */
function query(clue: string): string {
  return clue.replace(/_{3}/g, ' ');
}

/** The topic a reply ranks first, counting an unknown reply's first "did you mean". */
function first(reply: Reply): string | undefined {
  return reply.topics[0]?.id ?? (reply.intent === 'unknown' ? reply.suggestions[0]?.id : undefined);
}

/** Informative words (not stopwords, not `aws`/`amazon`) of a topic's title, name and aliases. */
function nameTokens(topic: Topic): string[] {
  return words([topic.title, topic.name, ...topic.aliases].join(' ')).filter(
    (word) => !STOPWORDS.has(word) && !VENDOR_WORDS.has(word),
  );
}

const topicOf = (knowledge: KnowledgeBase, id: string): Topic => {
  const topic = knowledge.topics.find((t) => t.id === id);
  if (!topic) throw new Error(`no topic ${id}`);
  return topic;
};

describe.each(Object.keys(FOLDERS))('generateQuestions on %s notes', (name) => {
  it('makes questions with four distinct options and exactly one right answer: the topic', () => {
    const { questions } = get(name);
    expect(questions.length).toBeGreaterThan(0);
    for (const question of questions) {
      expect(question.options).toHaveLength(4);
      expect(new Set(question.options.map(foldCase)).size).toBe(4);
      expect([0, 1, 2, 3]).toContain(question.answer);
      expect(question.kind).toBe('fact-to-topic');
      expect(question.options[question.answer]).toBe(question.topic.title);
      expect(question.options.filter((option) => option === question.topic.title)).toHaveLength(1);
    }
  });

  it('gives every question a unique, stable id derived from topic, kind and fact', () => {
    const { questions } = get(name);
    const ids = questions.map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const question of questions)
      expect(question.id).toMatch(new RegExp(`^${question.topic.id}/fact/[0-9a-f]{8}$`));
  });

  it('offers only topics of the notes as options', () => {
    const { knowledge, questions } = get(name);
    const titles = new Set(knowledge.topics.map((topic) => topic.title));
    for (const question of questions) for (const option of question.options) expect(titles).toContain(option);
  });

  it('never gives the answer away: no word (or stem) of the topic name, aliases or title in the stem', () => {
    const { knowledge, questions } = get(name);
    for (const question of questions) {
      const tokens = nameTokens(topicOf(knowledge, question.topic.id));
      const clueWords = words(clueIn(question.stem));
      const leaked = clueWords.filter(
        (word) => tokens.includes(word) || tokens.map(stem).includes(stem(word)),
      );
      expect(leaked, `${question.id}: ${question.stem}`).toEqual([]);
    }
  });

  it('keeps clues between 3 informative words and 200 characters', () => {
    const { questions } = get(name);
    for (const question of questions) {
      const clue = clueIn(question.stem);
      expect(clue.length).toBeLessThanOrEqual(200);
      const informative = words(clue).filter((word) => !STOPWORDS.has(word) && !VENDOR_WORDS.has(word));
      expect(informative.length, clue).toBeGreaterThanOrEqual(3);
    }
  });

  it('asks nothing the tutor would answer with a distractor', () => {
    const { knowledge, tutor, questions } = get(name);
    const pairTutors = new Map<string, Tutor>();
    for (const question of questions) {
      const asked = query(clueIn(question.stem));
      const answer = topicOf(knowledge, question.topic.id);
      const distractors = question.options
        .filter((_, i) => i !== question.answer)
        .map((title) => knowledge.topics.find((topic) => topic.title === title) as Topic);
      // The whole notes: the tutor's first topic is the answer, or a topic the clue names that is no option.
      const top = tutor.answer(asked).topics[0]?.id;
      expect(top, `${question.id}: "${asked}"`).toBeDefined();
      expect(
        distractors.map((d) => d.id),
        `${question.id}: "${asked}" -> ${top}`,
      ).not.toContain(top);
      // Head to head, on the notes of the answer and one distractor, the answer ranks first.
      for (const distractor of distractors) {
        const key = `${answer.id} ${distractor.id}`;
        let pair = pairTutors.get(key);
        if (!pair) {
          pair = createTutor({ topics: [answer, distractor], files: knowledge.files });
          pairTutors.set(key, pair);
        }
        expect(first(pair.answer(asked)), `${question.id} vs ${distractor.id}: "${asked}"`).not.toBe(
          distractor.id,
        );
      }
    }
  });

  it('explains: quotes the fact, names the source file and heading, says what each wrong option is', () => {
    const { knowledge, questions } = get(name);
    for (const question of questions) {
      const topic = topicOf(knowledge, question.topic.id);
      const fact = topic.facts.find((f) => f.line === question.source.line);
      expect(fact, question.id).toBeDefined();
      expect(question.explanation).toContain(`“${fact?.text}`);
      expect(question.explanation).toContain(`${topic.source.file} › ${topic.title}`);
      expect(question.source).toEqual({ file: topic.source.file, heading: topic.title, line: fact?.line });
      const lines = question.explanation.split('\n');
      question.options.forEach((option, i) => {
        if (i === question.answer) return;
        expect(lines.some((line) => line.startsWith(`✗ ${option} — `))).toBe(true);
      });
    }
  });

  it('is deterministic: a second run on freshly loaded notes gives the same questions', () => {
    const knowledge = loadKnowledgeDir(FOLDERS[name as keyof typeof FOLDERS]).knowledge;
    expect(generateQuestions(knowledge, createTutor(knowledge))).toEqual(get(name).questions);
  });

  it('asks at least one question about every topic with two usable facts', () => {
    const { knowledge, questions } = get(name);
    for (const topic of knowledge.topics) {
      const usable = topic.facts.filter((fact) => clueOf(topic, fact) !== null).length;
      const asked = questions.filter((question) => question.topic.id === topic.id).length;
      if (usable >= 2) expect(asked, `${topic.id}: ${usable} usable facts`).toBeGreaterThanOrEqual(1);
    }
    expect(questions.length).toBeGreaterThanOrEqual(knowledge.topics.length * 2);
  });

  it('varies the position of the right answer', () => {
    const positions = new Set(get(name).questions.map((question) => question.answer));
    expect(positions.size).toBeGreaterThanOrEqual(3);
  });
});

describe('generateQuestions: the rules on small notes', () => {
  const notes = `# Alpha Store

- Keeps **blobs** in a flat namespace of keys and buckets.
- Alpha Store is priced per gigabyte stored each month.
- Short one.

# Beta Queue

- Delivers messages between producers and consumers in order.
- Beta retries failed deliveries with exponential backoff timers.

# Gamma Cache

- Holds hot rows in memory next to the application servers.
- Evicts least recently used entries when memory runs low.

# Delta Stream

- Replays ordered event records to many independent readers.
- Keeps event records for seven days by default.

# Epsilon Search

- Indexes documents for full text search with relevance ranking.
- Epsilon highlights matching words inside search results.
`;

  it('masks the name in a fact, and skips facts too short to say anything', () => {
    const dir = notesDir({ 'notes.md': notes });
    const knowledge = loadKnowledgeDir(dir).knowledge;
    const questions = generateQuestions(knowledge, createTutor(knowledge));
    const stems = questions.map((question) => question.stem);
    expect(stems.some((s) => s.includes('Short one'))).toBe(false);
    for (const s of stems)
      expect(s.toLowerCase()).not.toMatch(/\balpha\b|\bbeta\b|\bgamma\b|\bdelta\b|\bepsilon\b/);
    const priced = questions.find((question) => question.stem.includes('priced per gigabyte'));
    expect(priced?.stem).toBe('Which one is described here: “___ is priced per gigabyte ___ each month”?');
    expect(priced?.topic.id).toBe('alpha-store');
  });

  it('makes no fact-to-topic question from notes with fewer than four topics', () => {
    const dir = notesDir({ 'notes.md': notes.split('# Delta Stream')[0] ?? '' });
    const knowledge = loadKnowledgeDir(dir).knowledge;
    expect(generateQuestions(knowledge, createTutor(knowledge))).toEqual([]);
  });

  it('skips a fact a distractor shares its distinctive words with', () => {
    const dir = notesDir({
      'notes.md': `# Fargate (serverless)

- It runs containers without servers to manage, a serverless engine.
- You pay for the vCPU and memory each task requests.

# Lambda

- Runs functions without servers to manage, a serverless engine.
- Functions are invoked by events and billed per millisecond.

# ECS

- Orchestrates Docker containers on a cluster you provision.
- Services keep a desired count of tasks running.

# S3

- Object storage in buckets with keys.
- Eleven nines of durability for stored objects.

# RDS

- Managed relational databases with automated backups.
- Read replicas scale read traffic.
`,
    });
    const knowledge = loadKnowledgeDir(dir).knowledge;
    const questions = generateQuestions(knowledge, createTutor(knowledge));
    const serverless = questions.filter((question) => /without servers to manage/.test(question.stem));
    // Lambda's fact is asked without Fargate, which says the same; Fargate's is not asked at all,
    // since every container topic left would fit it too.
    expect(serverless.map((question) => question.topic.id)).toEqual(['lambda']);
    expect(serverless[0]?.options).not.toContain('Fargate (serverless)');
  });

  it('reports why facts were skipped', () => {
    const { knowledge, tutor } = get('knowledge');
    const reasons = new Map<string, number>();
    const { questions } = generateQuiz(knowledge, tutor, {
      onSkip: (skip) => reasons.set(skip.reason, (reasons.get(skip.reason) ?? 0) + 1),
    });
    const facts = knowledge.topics.reduce((sum, topic) => sum + topic.facts.length, 0);
    const skipped = [...reasons.values()].reduce((sum, n) => sum + n, 0);
    expect(questions.length + skipped).toBe(facts);
    expect(reasons.get('unusable')).toBeGreaterThan(0);
  });
});
