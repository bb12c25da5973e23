import { describe, expect, it } from 'vitest';
import { askedEntryTerm, definitionOf, entryTerm } from '../../src/knowledge/definition.js';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import type { Topic } from '../../src/knowledge/types.js';
import { notesDir } from '../helpers/notes-dir.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';

function topicOf(notes: string): Topic {
  const [topic] = loadKnowledgeDir(notesDir({ 'notes.md': notes })).knowledge.topics;
  if (!topic) throw new Error('the notes hold no topic');
  return topic;
}

describe('definitionOf: the fact that says what a topic is', () => {
  it('is the first bullet, as teams write their notes', () => {
    expect(
      definitionOf(
        topicOf('# Docker\n* a platform to ship apps in containers\n* images live in registries\n'),
      ),
    ).toBe(0);
  });

  it('skips a first bullet that sets a scene for the one naming the topic', () => {
    const lambda = loadKnowledgeDir(KNOWLEDGE_DIR).knowledge.topics.find((topic) => topic.id === 'lambda');
    if (!lambda) throw new Error('knowledge/ has no Lambda');
    expect(lambda.facts[0]?.text).toMatch(/^suppose/);
    expect(lambda.facts[definitionOf(lambda)]?.text).toBe(
      'Lambda -no servers where we just have virtual functions',
    );
  });

  it('takes the first bullet that sets no scene when none names the topic', () => {
    const topic = topicOf(
      '# Queues\n- imagine two services calling each other directly, one slow one takes both down\n- if the consumer dies, messages wait\n- a buffer between producers and consumers\n',
    );
    expect(definitionOf(topic)).toBe(2);
  });

  it('keeps the first bullet when every bullet sets a scene', () => {
    expect(
      definitionOf(
        topicOf('# Caching\n- when reads repeat, keep them close\n- if data changes, expire it\n'),
      ),
    ).toBe(0);
  });
});

describe("entryTerm and askedEntryTerm: the term a bullet is the notes' entry for", () => {
  const bullets = () =>
    topicOf(
      '# Executors\n- **resource class** = CPU & RAM size of a job\n- an **executor** is the environment a job runs in\n- jobs run in an **executor** of their own\n',
    ).facts;

  it('is the bold term a bullet opens with', () => {
    const [plain, article, inside] = bullets();
    expect(plain && entryTerm(plain)).toBe('resource class');
    expect(article && entryTerm(article)).toBeUndefined();
    expect(inside && entryTerm(inside)).toBeUndefined();
  });

  it('is also the term after an opening article, for what a question asks after', () => {
    const [plain, article, inside] = bullets();
    expect(plain && askedEntryTerm(plain)).toBe('resource class');
    expect(article && askedEntryTerm(article)).toBe('executor');
    expect(inside && askedEntryTerm(inside)).toBeUndefined();
  });
});
