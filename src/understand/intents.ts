import { createHash } from 'node:crypto';
import LogisticRegressionClassifier from 'natural/lib/natural/classifiers/logistic_regression_classifier.js';
import { stem, words } from '../knowledge/text.js';
import trainedModel from './data/intent-model.json' with { type: 'json' };
import intentExamples from './data/intents.json' with { type: 'json' };
import { STOPWORDS } from './stopwords.js';

export type Intent = 'explain' | 'compare' | 'list' | 'quiz' | 'leaderboard' | 'help' | 'unknown';

/**
 * The intents a classifier can learn from phrasing; `unknown` is decided by what the notes hold.
 * `smalltalk` (greetings, thanks, the weather) asks nothing of the notes or the tutor's commands.
 */
export type PhrasedIntent = Exclude<Intent, 'unknown'> | 'smalltalk';

/** Stands for any topic's name in examples and in questions, so phrasing is learnt, not topics. */
export const TOPIC_SLOT = 'topicslot';

/** Function words are never cues: `me` in "quiz me" says nothing that "tell me" does not. */
const NOT_CUES = new Set([...[...STOPWORDS].map((word) => stem(word)), TOPIC_SLOT]);

export type IntentExamples = Record<PhrasedIntent, string[]>;

/**
 * What classifying needs from a trained classifier, saved with a fingerprint of the examples it
 * learnt from: natural's own saved form also keeps every example's feature vector, eight times
 * the size, and parsing and restoring it cost the tutor's start a tenth of a second.
 */
export interface IntentModel {
  examplesHash: string;
  /** Features in the order of the weight vectors. */
  features: string[];
  /** One weight vector per intent. */
  weights: { intent: PhrasedIntent; theta: number[] }[];
  /** Feature -> the command intent it is a cue for. */
  cues: Record<string, PhrasedIntent>;
  /** Every feature the examples use. */
  vocabulary: string[];
}

export interface IntentGuess {
  intent: PhrasedIntent;
  /** The classifier's score for it, 0..1. */
  probability: number;
  /** Intents whose cue words the question uses (`vs` for compare, `leaderboard`). */
  cued: Set<PhrasedIntent>;
  /**
   * The question has words its intent's examples never use: what a quiz is on ("quiz me on
   * encryption"), where "can you test my knowledge" asks for any quiz.
   */
  saysMore: boolean;
}

const PHRASED_INTENTS: PhrasedIntent[] = [
  'explain',
  'compare',
  'list',
  'quiz',
  'leaderboard',
  'help',
  'smalltalk',
];
export const COMMAND_SCORE = 0.8;
/** Without a cue, a command with a word its examples never used must score this... */
const OPEN_COMMAND_SCORE = 0.9;
/** ...and, cued or not, this much more than reading it as a question about a thing. */
const OPEN_COMMAND_MARGIN = 0.35;
/** Small talk must read as small talk this much more surely than as a question. */
const SMALL_TALK_MARGIN = 0.1;
/**
 * Read this surely as small talk, and this far from a question, a line is small talk whatever new
 * words it wanders into ("any good ramen places near the station"): chat has endless subjects.
 */
const SURE_SMALL_TALK = 0.9;
const SURE_SMALL_TALK_MARGIN = 0.5;
/**
 * Commands are short ("quiz me", "who's winning this month": at most four words that say
 * something): without its own word, a request with more is a question that happens to share words
 * with one ("the nightly job keeps picking up every file").
 */
const MAX_UNCUED_COMMAND_WORDS = 5;
/** A request with this many words its command's examples never use is a question. */
const MAX_STRANGE_WORDS = 3;
/** Commands that take a subject, and the words that bring it in: "quiz me on encryption". */
export const TAKES_A_SUBJECT: ReadonlySet<PhrasedIntent> = new Set<PhrasedIntent>(['quiz', 'list']);
const SUBJECT_MARKS = new Set(['on', 'about', 'for']);
/**
 * Even with its own word, a request is never this long: "add a play button so visitors can hear our
 * blog posts" describes a need, and `play` does not make it a quiz.
 */
const MAX_COMMAND_WORDS = 8;

function featuresOf(text: string): string[] {
  return words(text.replace(/\{topic\}/g, TOPIC_SLOT)).map((word) =>
    word === TOPIC_SLOT ? word : stem(word),
  );
}

export function examplesHash(examples: IntentExamples): string {
  const ordered = PHRASED_INTENTS.map((intent) => [intent, examples[intent]]);
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

/** natural's logistic regression trained on the examples: slow (minutes on the shipped examples). */
function trainNatural(examples: IntentExamples): LogisticRegressionClassifier {
  const classifier = new LogisticRegressionClassifier();
  for (const intent of PHRASED_INTENTS) {
    for (const example of examples[intent]) {
      const features = featuresOf(example);
      if (features.length > 0) classifier.addDocument(features, intent);
    }
  }
  classifier.train();
  return classifier;
}

/** The parts of natural's trained logistic regression that scoring reads. */
interface TrainedWeights {
  features: Record<string, number>;
  classifier: { classifications: string[]; theta: { elements: number[] }[] };
}

/** Trains on the examples and keeps what classifying needs; done at build (`npm run train:intents`). */
export function trainIntentModel(examples: IntentExamples): IntentModel {
  const trained = JSON.parse(JSON.stringify(trainNatural(examples))) as TrainedWeights;
  const seen = new Map<string, Map<PhrasedIntent, number>>();
  for (const intent of PHRASED_INTENTS) {
    for (const example of examples[intent]) {
      for (const feature of new Set(featuresOf(example))) {
        const byIntent = seen.get(feature) ?? new Map<PhrasedIntent, number>();
        byIntent.set(intent, (byIntent.get(intent) ?? 0) + 1);
        seen.set(feature, byIntent);
      }
    }
  }
  const cues: Record<string, PhrasedIntent> = {};
  for (const [feature, byIntent] of seen) {
    const total = [...byIntent.values()].reduce((sum, n) => sum + n, 0);
    for (const [intent, count] of byIntent) {
      const telling = count / total === 1 || (count >= 2 && count / total >= 0.75);
      if (intent !== 'explain' && !NOT_CUES.has(feature) && telling) cues[feature] = intent;
    }
  }
  return {
    examplesHash: examplesHash(examples),
    // natural numbers features in the order it iterates its feature table.
    features: Object.keys(trained.features),
    weights: trained.classifier.classifications.map((intent, i) => ({
      intent: intent as PhrasedIntent,
      theta: (trained.classifier.theta[i]?.elements ?? []).map((weight) => Math.round(weight * 1e6) / 1e6),
    })),
    cues,
    vocabulary: [...seen.keys()],
  };
}

/** The shipped intent model was trained on other examples than those beside it. */
export class StaleIntentModelError extends Error {
  constructor() {
    super(
      'the intent model (src/understand/data/intent-model.json) was trained on other examples than src/understand/data/intents.json: run `npm run train:intents` after changing the examples (training takes a few minutes)',
    );
  }
}

export class IntentClassifier {
  /** Feature -> its position in the model's weight vectors. */
  private readonly featurePositions = new Map<string, number>();
  private readonly weights: { intent: PhrasedIntent; theta: number[] }[];
  /** Feature -> the intent it is a cue for. */
  private readonly cues: Map<string, PhrasedIntent>;
  private readonly vocabulary: Set<string>;
  /** Intent -> every feature its examples use; built the first time a command is guessed. */
  private ownWords: Map<PhrasedIntent, Set<string>> | null = null;
  private readonly examples: IntentExamples;
  private natural: LogisticRegressionClassifier | null = null;

  constructor(examples: IntentExamples = intentExamples, saved: IntentModel = trainedModel as IntentModel) {
    // Training takes minutes: a start that did it would seem to hang.
    if (saved.examplesHash !== examplesHash(examples)) throw new StaleIntentModelError();
    saved.features.forEach((feature, position) => {
      this.featurePositions.set(feature, position);
    });
    this.weights = saved.weights;
    this.cues = new Map(Object.entries(saved.cues));
    this.vocabulary = new Set(saved.vocabulary);
    this.examples = examples;
  }

  private ownWordsOf(intent: PhrasedIntent): ReadonlySet<string> {
    this.ownWords ??= new Map(
      PHRASED_INTENTS.map((phrased) => [
        phrased,
        new Set(this.examples[phrased].flatMap((example) => featuresOf(example))),
      ]),
    );
    return this.ownWords.get(intent) ?? new Set();
  }

  /**
   * natural's logistic regression scores: the sigmoid of the weights of the features present.
   * natural computes the same over a vector of its whole vocabulary, allocating it on every call;
   * summing only the present features keeps answering free of garbage-collector pauses.
   */
  score(features: string[]): { intent: PhrasedIntent; probability: number }[] {
    const present = new Set<number>();
    for (const feature of features) {
      const at = this.featurePositions.get(feature);
      if (at !== undefined) present.add(at);
    }
    return this.weights
      .map(({ intent, theta }) => {
        let sum = 0;
        for (const at of present) sum += theta[at] ?? 0;
        return { intent, probability: 1 / (1 + Math.exp(-sum)) };
      })
      .sort((a, b) => b.probability - a.probability);
  }

  /**
   * Whether the last part of a question asks for the command by itself, after what led to it ("got
   * 10 minutes to kill, quiz me"): few words its examples never use, and read alone as that command
   * ("the default policy lets every user see everything, lock it down" closes on no request).
   */
  private closingAsks(intent: PhrasedIntent, features: string[], own: ReadonlySet<string>): boolean {
    return (
      countStrange(intent, features, own) < MAX_STRANGE_WORDS && this.score(features)[0]?.intent === intent
    );
  }

  /** natural's own scoring of the same weights, for checking that `score` agrees with it. */
  naturalScore(features: string[]): { intent: PhrasedIntent; probability: number }[] {
    this.natural ??= LogisticRegressionClassifier.restore({
      docs: [],
      features: Object.fromEntries([...this.featurePositions.keys()].map((feature) => [feature, 1])),
      classifier: {
        classifications: this.weights.map((weight) => weight.intent),
        theta: this.weights.map((weight) => ({ elements: weight.theta })),
        examples: {},
        features: [],
      },
    });
    return this.natural
      .getClassifications(features)
      .map((score) => ({ intent: score.label as PhrasedIntent, probability: score.value }));
  }

  /**
   * Guesses the intent of a question whose topic names were replaced by TOPIC_SLOT; `maskedRequest`
   * is its opening part, before any comma or full stop, where a request says what it asks, and
   * `maskedClosing` its last part, where a request comes after what led to it ("got 10 minutes to
   * kill, test me"). A call for help at the close asks for help with what came before it ("send
   * users to the nearest region, can you help"): only the opening may be one.
   */
  classify(
    maskedQuestion: string,
    maskedRequest = maskedQuestion,
    maskedClosing = maskedRequest,
  ): IntentGuess {
    const features = featuresOf(maskedQuestion);
    const requestFeatures = maskedRequest === maskedQuestion ? features : featuresOf(maskedRequest);
    const closingFeatures = maskedClosing === maskedRequest ? requestFeatures : featuresOf(maskedClosing);
    const cued = new Set<PhrasedIntent>();
    for (const feature of features) {
      const intent = this.cues.get(feature);
      if (intent) cued.add(intent);
    }
    if (features.length === 0) return { intent: 'explain', probability: 0, cued, saysMore: false };
    const ranked = this.score(features);
    // Function words never name a thing, so only content words can be unfamiliar.
    let unfamiliar = 0;
    let saying = 0;
    for (const feature of features) {
      if (NOT_CUES.has(feature)) continue;
      saying++;
      if (!this.vocabulary.has(feature)) unfamiliar++;
    }
    const asQuestion = ranked.find((guess) => guess.intent === 'explain')?.probability ?? 0;
    for (const guess of ranked) {
      if (guess.intent === 'explain' || guess.intent === 'compare')
        return { ...guess, cued, saysMore: false };
      const own = this.ownWordsOf(guess.intent);
      if (
        guess.intent !== 'smalltalk' &&
        countStrange(guess.intent, requestFeatures, own) >= MAX_STRANGE_WORDS &&
        (guess.intent === 'help' || !this.closingAsks(guess.intent, closingFeatures, own))
      )
        continue;
      if (
        guess.intent === 'smalltalk'
          ? readsAsSmallTalk(guess.probability, unfamiliar, asQuestion)
          : readsAsCommand(guess.probability, cued.has(guess.intent), unfamiliar, asQuestion, saying)
      ) {
        const saysMore = features.some((feature) => !NOT_CUES.has(feature) && !own.has(feature));
        return { ...guess, cued, saysMore };
      }
    }
    return { intent: 'explain', probability: 0, cued, saysMore: false };
  }
}

/**
 * Content words a command's own examples never use. A request to the tutor says little it has not
 * heard ("quiz me", "who's on top this week"); a question that happens to share a cue with one says
 * a lot more ("send users to the closest region by latency" is no call for help, "one inbox of
 * operational issues for the ops team" no leaderboard). What a quiz or a list is on ("quiz me on the
 * nightly job that reprocesses files") is its subject, not strange to it, when the request itself
 * says nothing of its own.
 */
function countStrange(intent: PhrasedIntent, features: string[], own: ReadonlySet<string>): number {
  const subjectAt = TAKES_A_SUBJECT.has(intent)
    ? features.findIndex((feature) => SUBJECT_MARKS.has(feature))
    : -1;
  const strange = (part: string[]) =>
    part.filter((feature) => !NOT_CUES.has(feature) && !own.has(feature)).length;
  if (subjectAt < 0) return strange(features);
  // "quiz me on encryption" asks for a quiz on a subject; "heartbeat check on our status endpoint"
  // says something of its own before `on`, so what follows is more of it, not a subject.
  const request = strange(features.slice(0, subjectAt));
  return request > 0 ? strange(features) : request;
}

/**
 * Small talk wanders ("thanks a bunch", "cheers for that"), so a word the examples never used is no
 * sign of a thing asked about, and several are none when the rest reads surely as chat; the tutor
 * still reads anything that names a topic or a service as a question.
 */
function readsAsSmallTalk(probability: number, unfamiliar: number, asQuestion: number): boolean {
  if (probability < COMMAND_SCORE || probability - asQuestion < SMALL_TALK_MARGIN) return false;
  return (
    unfamiliar <= 1 || (probability >= SURE_SMALL_TALK && probability - asQuestion >= SURE_SMALL_TALK_MARGIN)
  );
}

/**
 * A command's own word (`quiz`, `leaderboard`) or familiar words scored high enough make a
 * command. A word the examples never used is most often the thing asked about ("how do i rank
 * results in opensearch"), so with one the rest must read as the command far more surely than
 * as a question.
 */
function readsAsCommand(
  probability: number,
  cued: boolean,
  unfamiliar: number,
  asQuestion: number,
  saying: number,
): boolean {
  if (!cued && saying > MAX_UNCUED_COMMAND_WORDS) return false;
  if (saying > MAX_COMMAND_WORDS) return false;
  if (unfamiliar === 0) return cued || probability >= COMMAND_SCORE;
  const clearly = probability - asQuestion >= OPEN_COMMAND_MARGIN;
  return clearly && (cued || (unfamiliar === 1 && probability >= OPEN_COMMAND_SCORE));
}
