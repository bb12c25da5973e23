import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { stem, words } from '../knowledge/text.js';
import intentExamples from './data/intents.json' with { type: 'json' };

export type Intent = 'explain' | 'compare' | 'list' | 'quiz' | 'leaderboard' | 'help' | 'unknown';

/** The intents a classifier can learn from phrasing; `unknown` is decided by what the notes hold. */
type PhrasedIntent = Exclude<Intent, 'unknown'>;

/** Stands for any topic's name in examples and in questions, so phrasing is learnt, not topics. */
export const TOPIC_SLOT = 'topicslot';

interface IntentExamples {
  explain: string[];
  compare: string[];
  list: string[];
  quiz: string[];
  leaderboard: string[];
  help: string[];
}

export interface IntentGuess {
  intent: PhrasedIntent;
  /** The classifier's probability for it, 0..1. */
  probability: number;
}

const PHRASED_INTENTS: PhrasedIntent[] = ['explain', 'compare', 'list', 'quiz', 'leaderboard', 'help'];

function featuresOf(text: string): string[] {
  return words(text.replace(/\{topic\}/g, TOPIC_SLOT)).map((word) => (word === TOPIC_SLOT ? word : stem(word)));
}

/**
 * Recognises what a question asks for from example utterances (data/intents.json) with natural's
 * naive Bayes classifier. Intents other than explain and compare must also contain a word that
 * only their examples use, so an unfamiliar question is never taken for a command.
 */
export class IntentClassifier {
  private readonly classifier = new BayesClassifier();
  /** Feature -> the intent it is a cue for. */
  private readonly cues = new Map<string, PhrasedIntent>();
  private readonly vocabulary = new Set<string>();

  constructor(examples: IntentExamples = intentExamples) {
    const seen = new Map<string, Map<PhrasedIntent, number>>();
    for (const intent of PHRASED_INTENTS) {
      for (const example of examples[intent]) {
        const features = featuresOf(example);
        if (features.length === 0) continue;
        this.classifier.addDocument(features, intent);
        for (const feature of new Set(features)) {
          this.vocabulary.add(feature);
          const byIntent = seen.get(feature) ?? new Map<PhrasedIntent, number>();
          byIntent.set(intent, (byIntent.get(intent) ?? 0) + 1);
          seen.set(feature, byIntent);
        }
      }
    }
    this.classifier.train();
    for (const [feature, byIntent] of seen) {
      const total = [...byIntent.values()].reduce((sum, n) => sum + n, 0);
      for (const [intent, count] of byIntent) {
        if (intent !== 'explain' && count >= 2 && count / total >= 0.75) this.cues.set(feature, intent);
      }
    }
  }

  /** Guesses the intent of a question whose topic names were replaced by TOPIC_SLOT. */
  classify(maskedQuestion: string): IntentGuess {
    const features = featuresOf(maskedQuestion);
    if (features.length === 0) return { intent: 'explain', probability: 0 };
    const scores = this.classifier.getClassifications(features);
    const total = scores.reduce((sum, score) => sum + score.value, 0) || 1;
    const ranked = scores
      .map((score) => ({ intent: score.label as PhrasedIntent, probability: score.value / total }))
      .sort((a, b) => b.probability - a.probability);
    for (const guess of ranked) {
      if (guess.intent === 'explain' || guess.intent === 'compare') return guess;
      if (features.some((feature) => this.cues.get(feature) === guess.intent)) return guess;
    }
    return { intent: 'explain', probability: ranked.find((guess) => guess.intent === 'explain')?.probability ?? 0 };
  }
}
