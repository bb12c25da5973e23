import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { foldCase, words } from '../../src/knowledge/text.js';
import { generateQuestions, MIN_PER_TOPIC } from '../../src/quiz/generate.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { notesDir } from '../helpers/notes-dir.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';
import { describeQuestionsOf, FOLDERS, get, TOPIC_ANSWERS } from './folder-questions.js';

// Half the folders here, half in generate-more.test.ts: the two files run side by side.
describeQuestionsOf(Object.keys(FOLDERS).filter((_, at) => at % 2 === 0));

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

  it("keep a name's capitals where the notes write them inside sentences: Google Cloud's IaaS", () => {
    const texts = (folder: string) =>
      get(folder).questions.flatMap((question) => [question.stem, ...question.options]);
    expect(texts('gcp-ops').filter((text) => /\bGoogle Cloud's IaaS/.test(text)).length).toBeGreaterThan(0);
    // Capitals a word of everyday English has only as part of a name, though these notes never write
    // the name inside a sentence. Every folder is kept from the lowercase forms in folder-questions.ts.
    expect(
      texts('hybrid-networking').filter((text) => /\bActive Directory through/.test(text)).length,
    ).toBeGreaterThan(0);
  });

  it('never offer an item of a negated list on its own: "not supported: awsvpc network mode" is no fact of awsvpc', () => {
    const texts = get('edge-hybrid-compute').questions.flatMap((question) => [
      question.stem,
      ...question.options,
    ]);
    expect(texts.filter((text) => /awsvpc/.test(text) && !/not supported/i.test(text))).toEqual([]);
  });

  it('keep the vendor where it ends the name: VMware Cloud on AWS', () => {
    const named = get('edge-hybrid-compute').questions.flatMap((question) =>
      TOPIC_ANSWERS.has(question.kind) ? question.options : [],
    );
    expect(named).toContain('VMware Cloud on AWS');
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
