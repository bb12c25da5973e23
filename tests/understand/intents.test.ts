import { describe, expect, it } from 'vitest';
import trainedModel from '../../src/understand/data/intent-model.json' with { type: 'json' };
import intentExamples from '../../src/understand/data/intents.json' with { type: 'json' };
import { examplesHash, IntentClassifier, TOPIC_SLOT } from '../../src/understand/intents.js';

describe('IntentClassifier', () => {
  const classifier = new IntentClassifier();

  it('ships a model trained on the current examples (no training at start-up)', () => {
    expect(trainedModel.examplesHash).toBe(examplesHash(intentExamples));
  });

  it.each([
    [`${TOPIC_SLOT} vs ${TOPIC_SLOT}`, 'compare'],
    [`compare ${TOPIC_SLOT} and ${TOPIC_SLOT}`, 'compare'],
    [`what is ${TOPIC_SLOT}`, 'explain'],
    ['topics', 'list'],
    [`quiz me on ${TOPIC_SLOT}`, 'quiz'],
    ['my score', 'leaderboard'],
    ['help', 'help'],
  ] as const)('classifies %j as %s', (masked, intent) => {
    const guess = classifier.classify(masked);
    expect(guess.intent).toBe(intent);
    expect(guess.probability).toBeGreaterThan(0.5);
    expect(guess.probability).toBeLessThanOrEqual(1);
  });

  it('marks the cue words of command intents', () => {
    expect(classifier.classify(`quiz me on ${TOPIC_SLOT}`).cued.has('quiz')).toBe(true);
    expect(classifier.classify('leaderboard').cued.has('leaderboard')).toBe(true);
    expect(classifier.classify(`what is ${TOPIC_SLOT}`).cued.size).toBe(0);
  });

  it('takes an empty question for explain with no confidence', () => {
    const guess = classifier.classify('');
    expect(guess.intent).toBe('explain');
    expect(guess.probability).toBe(0);
  });

  it('never takes unfamiliar words for a command', () => {
    const guess = classifier.classify('zqxv blorf wibble');
    expect(['explain', 'compare']).toContain(guess.intent);
  });
});
