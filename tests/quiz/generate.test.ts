import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { foldCase, phraseKey, stem, VENDOR_WORDS, words } from '../../src/knowledge/text.js';
import type { KnowledgeBase, Topic } from '../../src/knowledge/types.js';
import { generateQuestions, MIN_PER_TOPIC } from '../../src/quiz/generate.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import type { Reply } from '../../src/tutor/reply.js';
import { createTutor, type Tutor } from '../../src/tutor/tutor.js';
import { STOPWORDS } from '../../src/understand/stopwords.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR, KNOWLEDGE_DIR } from '../helpers/paths.js';

/** `knowledge/` and every notes folder under tests/fixtures/notes that holds notes. */
function notesFolders(): Record<string, string> {
  const folders: Record<string, string> = { knowledge: KNOWLEDGE_DIR };
  const root = join(FIXTURES_DIR, 'notes');
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (existsSync(dir) && readdirSync(dir).some((file) => file.endsWith('.md'))) folders[name] = dir;
  }
  return folders;
}

const FOLDERS = notesFolders();

interface Generated {
  knowledge: KnowledgeBase;
  tutor: Tutor;
  questions: QuizQuestion[];
  /** A tutor on a few topics of these notes, the same one the generator's own checks asked. */
  tutorOn: (topics: Topic[]) => Tutor;
}

const generated = new Map<string, Generated>();
beforeAll(() => {
  for (const [name, dir] of Object.entries(FOLDERS)) {
    const knowledge = loadKnowledgeDir(dir).knowledge;
    const tutor = createTutor(knowledge);
    // Tutors on parts of the notes are built once and shared: the checks below ask the same pairs.
    const parts = new Map<string, Tutor>();
    const tutorFor = (part: KnowledgeBase) => {
      const key = part.topics.map((topic) => topic.id).join('\u0000');
      let found = parts.get(key);
      if (!found) {
        found = createTutor(part);
        parts.set(key, found);
      }
      return found;
    };
    const tutorOn = (topics: Topic[]) => tutorFor({ topics, files: knowledge.files });
    generated.set(name, {
      knowledge,
      tutor,
      questions: generateQuestions(knowledge, tutor, { tutorFor }),
      tutorOn,
    });
  }
});

function get(name: string): Generated {
  const found = generated.get(name);
  if (!found) throw new Error(`no notes ${name}`);
  return found;
}

const topicOf = (knowledge: KnowledgeBase, id: string): Topic => {
  const topic = knowledge.topics.find((t) => t.id === id);
  if (!topic) throw new Error(`no topic ${id}`);
  return topic;
};

/** Kinds whose right option is the question's own topic. */
const TOPIC_ANSWERS = new Set(['which-service', 'compare']);

function informativeStems(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((word) => !STOPWORDS.has(word) && !VENDOR_WORDS.has(word))
      .map(stem),
  );
}

/** The topic's names as a learner would spot them: heading name, aliases, each without `Amazon`/`AWS`. */
function namesOf(topic: Topic): string[] {
  return [topic.name, ...topic.aliases]
    .flatMap((name) => [
      phraseKey(name),
      words(name)
        .filter((word) => !VENDOR_WORDS.has(word))
        .join(' '),
    ])
    .filter((key) => key !== '');
}

/** The topic a reply ranks first, counting an unknown reply's first "did you mean". */
function first(reply: Reply): string | undefined {
  return reply.topics[0]?.id ?? (reply.intent === 'unknown' ? reply.suggestions[0]?.id : undefined);
}

describe.each(Object.keys(FOLDERS))('questions from the %s notes', (name) => {
  it('come in at least four kinds, each with a difficulty estimate', () => {
    const { questions } = get(name);
    expect(new Set(questions.map((question) => question.kind)).size).toBeGreaterThanOrEqual(4);
    for (const question of questions) {
      expect(question.difficulty, question.id).toBeGreaterThan(0);
      expect(question.difficulty, question.id).toBeLessThan(1);
    }
  });

  it('ask three or more questions about every topic with two or more facts', () => {
    const { knowledge, questions } = get(name);
    for (const topic of knowledge.topics) {
      if (topic.facts.length < 2) continue;
      const asked = questions.filter((question) => question.topic.id === topic.id).length;
      expect(asked, `${topic.id}: ${topic.facts.length} facts`).toBeGreaterThanOrEqual(3);
    }
  });

  it('never name the answer in the stem', () => {
    const { knowledge, questions } = get(name);
    for (const question of questions) {
      const stemKey = ` ${phraseKey(question.stem)} `;
      if (TOPIC_ANSWERS.has(question.kind)) {
        for (const key of namesOf(topicOf(knowledge, question.topic.id)))
          expect(stemKey, `${question.id}: ${question.stem}`).not.toContain(` ${key} `);
      }
      const right = phraseKey(question.options[question.answer]);
      if (question.kind === 'key-term') expect(stemKey).not.toContain(` ${right} `);
    }
  });

  it('never let the right option alone repeat a word of the stem', () => {
    const { questions } = get(name);
    for (const question of questions) {
      const stemWords = informativeStems(question.stem);
      const others = new Set(
        question.options.flatMap((option, i) => (i === question.answer ? [] : [...informativeStems(option)])),
      );
      const echoed = [...informativeStems(question.options[question.answer])].filter(
        (word) => stemWords.has(word) && !others.has(word),
      );
      expect(echoed, `${question.id}: ${question.stem} -> ${question.options[question.answer]}`).toEqual([]);
    }
  });

  it('are well formed: four distinct options, one blank at most, a question in plain English', () => {
    const { questions } = get(name);
    for (const question of questions) {
      expect(new Set(question.options.map(foldCase)).size, question.id).toBe(4);
      expect([0, 1, 2, 3]).toContain(question.answer);
      expect(question.stem.split('___').length - 1, question.stem).toBeLessThanOrEqual(1);
      expect(question.stem, question.id).toMatch(/^[A-Z].*\?$/s);
      if (question.kind === 'hand-written') continue;
      // Shorthand is written out in what the question shows; `DB` in capitals names a product
      // (`Azure Cosmos DB`), it is no shorthand.
      // Code is quoted as written (`journalctl -u nginx`), the prose around it spelt out.
      const prose = question.stem.replace(/`[^`]*`/g, '');
      expect(prose, question.id).not.toMatch(/\b(u|ur|r|cant|dont|doesnt|db|msg)\b/);
      // Capitalised, shorthand opens a sentence; mid-sentence `U` is a name (`U high memory` instances).
      expect(prose, question.id).not.toMatch(/(?:^|[.!?“]\s*)(U|Ur|Cant|Dont|Doesnt|Db|Msg)\b/);
      // Topic options are short names in one form: no expansion or category in brackets.
      if (TOPIC_ANSWERS.has(question.kind))
        for (const option of question.options) expect(option).not.toMatch(/[()]/);
    }
  });

  it('give every question a unique, stable id of topic, kind and what it asks', () => {
    const { questions } = get(name);
    const ids = questions.map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const question of questions)
      expect(question.id).toMatch(
        new RegExp(`^${question.topic.id}/(fact|true|not|compare|term|hand)/[0-9a-f]{8}$`),
      );
  });

  it('explain why the answer is right and why each wrong option is wrong, with the source', () => {
    const { knowledge, questions } = get(name);
    for (const question of questions) {
      if (question.kind === 'hand-written') continue;
      const topic = topicOf(knowledge, question.topic.id);
      const lines = question.explanation.split('\n');
      expect(lines.filter((line) => line.startsWith('✓ '))).toHaveLength(1);
      expect(lines).toContain(`Source: ${topic.source.file} › ${topic.title}`);
      question.options.forEach((_, i) => {
        if (i === question.answer) return;
        const letter = 'ABCD'[i];
        const line = lines.find((candidate) => candidate.startsWith(`✗ ${letter}. `));
        expect(line, `${question.id} option ${letter}`).toBeDefined();
        // The why is about this option here: what its notes say, quoted, or that the notes on the topic say so.
        expect(line, question.id).toMatch(/ — .*“/);
      });
    }
  });

  it('ask nothing the engine, on the answer and one wrong option alone, would answer with the wrong one', () => {
    const { knowledge, questions, tutorOn } = get(name);
    for (const question of questions.filter((q) => TOPIC_ANSWERS.has(q.kind))) {
      const asked = question.stem
        .replace(/^Which of these (is this about: )?|With which of these /, '')
        .replace(/[“”?]|___/g, ' ');
      const answer = topicOf(knowledge, question.topic.id);
      const byLabel = (label: string) =>
        knowledge.topics.find(
          (topic) =>
            words(topic.name)
              .filter((w) => !VENDOR_WORDS.has(w))
              .join(' ') === phraseKey(label) || phraseKey(topic.name) === phraseKey(label),
        );
      for (const option of question.options) {
        const distractor = byLabel(option);
        expect(distractor, `${question.id}: option ${option} is a topic`).toBeDefined();
        if (!distractor || distractor.id === answer.id) continue;
        const pair = tutorOn([answer, distractor]);
        expect(first(pair.answer(asked)), `${question.id} vs ${distractor.id}: "${asked}"`).not.toBe(
          distractor.id,
        );
      }
    }
  });
});

describe('questions on the project notes', () => {
  it('are the same on freshly loaded notes', () => {
    const knowledge = loadKnowledgeDir(KNOWLEDGE_DIR).knowledge;
    expect(generateQuestions(knowledge, createTutor(knowledge))).toEqual(get('knowledge').questions);
  });

  it('borrow no wrong option that names its own topic ("these batch jobs") unless short of questions', () => {
    const { questions } = get('knowledge');
    const asked = new Map<string, number>();
    for (const question of questions) asked.set(question.topic.id, (asked.get(question.topic.id) ?? 0) + 1);
    // A topic short of questions takes options easier to rule out: it never gets more than the least.
    const roomy = questions.filter(
      (question) =>
        (question.kind === 'true-of' || question.kind === 'not-true-of') &&
        question.topic.id !== 'batch' &&
        (asked.get(question.topic.id) ?? 0) > MIN_PER_TOPIC,
    );
    expect(roomy.length).toBeGreaterThan(5);
    for (const question of roomy)
      for (const option of question.options) expect(words(option), question.id).not.toContain('batch');
  });

  it('never offer Fargate for "AWS takes care of starting / stopping containers": it is true of Fargate too', () => {
    const { questions } = get('knowledge');
    const asked = questions.filter((question) => /starting \/ stopping containers/.test(question.stem));
    for (const question of asked) expect(question.options).not.toContain('Fargate');
  });

  it('compare ECS with Fargate on provisioning, Fargate a wrong option whose notes say the opposite', () => {
    const { questions } = get('knowledge');
    const compare = questions.find((question) => question.kind === 'compare' && question.topic.id === 'ecs');
    expect(compare?.stem).toMatch(/provision/);
    expect(compare?.options).toContain('Fargate');
    expect(compare?.explanation).toMatch(
      /✗ [A-D]\. Fargate — no: its notes say “You donot need to provision/,
    );
  });

  it('offer short names in one form: Fargate, not Fargate (serverless); EKS, not Amazon EKS', () => {
    const options = new Set(
      get('knowledge')
        .questions.filter((question) => TOPIC_ANSWERS.has(question.kind))
        .flatMap((question) => question.options),
    );
    expect(options).toContain('Fargate');
    expect(options).toContain('EKS');
    expect([...options].filter((option) => /\(|^(Amazon|AWS) /.test(option))).toEqual([]);
  });

  it("keep a name's capitals where the notes write them inside sentences: Google Cloud's, never google Cloud's", () => {
    const texts = Object.keys(FOLDERS).flatMap((folder) =>
      get(folder).questions.flatMap((question) => [question.stem, ...question.options]),
    );
    expect(texts.filter((text) => /\bGoogle Cloud's IaaS/.test(text)).length).toBeGreaterThan(0);
    expect(
      texts.filter((text) => /\b(google Cloud's|active Directory e\.g|shield Standard)/.test(text)),
    ).toEqual([]);
    // Capitals a word of everyday English has only as part of a name, though these notes never write
    // the name inside a sentence.
    expect(texts.filter((text) => /\bActive Directory through/.test(text)).length).toBeGreaterThan(0);
    expect(texts.filter((text) => /\bactive Directory/.test(text))).toEqual([]);
  });

  it('never offer an item of a negated list on its own: "not supported: awsvpc network mode" is no fact of awsvpc', () => {
    const texts = get('edge-hybrid-compute').questions.flatMap((question) => [
      question.stem,
      ...question.options,
    ]);
    expect(texts.filter((text) => /awsvpc/.test(text) && !/not supported/i.test(text))).toEqual([]);
  });

  it('keep the vendor where it ends the name: VMware Cloud on AWS, never VMware Cloud on', () => {
    const named = Object.keys(FOLDERS).flatMap((folder) =>
      get(folder).questions.flatMap((question) => [
        ...(TOPIC_ANSWERS.has(question.kind) ? question.options : []),
        question.stem.match(/true of (.+)\?$/)?.[1] ?? '',
      ]),
    );
    expect(named).toContain('VMware Cloud on AWS');
    expect(named.filter((name) => /\b(on|for|of|and|to|with)$/i.test(name))).toEqual([]);
  });
});

describe('questions from notes written in shorthand', () => {
  it('write the shorthand out in the stem and keep it as written in the quote', () => {
    const { questions } = get('storage');
    const ebs = questions.find((question) => question.stem.includes('billed for the provisioned capacity'));
    expect(ebs?.stem).toMatch(/you get billed .* you can increase it/);
    expect(ebs?.explanation).toContain('u get billed for the provisioned capacity');
  });
});

describe('questions on small notes', () => {
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

  it('ask of the topic as the subject of its fact, its name left out', () => {
    const dir = notesDir({ 'notes.md': notes });
    const knowledge = loadKnowledgeDir(dir).knowledge;
    const questions = generateQuestions(knowledge, createTutor(knowledge));
    for (const question of questions.filter((q) => q.kind === 'which-service'))
      expect(question.stem.toLowerCase()).not.toMatch(/\balpha\b|\bbeta\b|\bgamma\b|\bdelta\b|\bepsilon\b/);
    expect(questions.map((question) => question.stem)).toContain(
      'Which of these delivers messages between producers and consumers in order?',
    );
    expect(questions.map((question) => question.stem)).toContain(
      'Which of these holds hot rows in memory next to the application servers?',
    );
  });

  it('offer no lower-case short name as a term: `po` of pods reads as a typo (`Po`)', () => {
    const { knowledge, questions } = get('k8s-core');
    const shortNames = knowledge.topics
      .flatMap((topic) => topic.facts)
      .flatMap((fact) => fact.keyTerms)
      .filter((term) => /^[a-z]{1,3}$/.test(term));
    expect(shortNames.length).toBeGreaterThan(0);
    const options = new Set(questions.flatMap((question) => question.options.map(foldCase)));
    for (const term of shortNames) expect(options.has(term), term).toBe(false);
  });

  it('make no generated question from notes with fewer than four topics', () => {
    const dir = notesDir({ 'notes.md': notes.split('# Delta Stream')[0] ?? '' });
    const knowledge = loadKnowledgeDir(dir).knowledge;
    expect(generateQuestions(knowledge, createTutor(knowledge))).toEqual([]);
  });
});
