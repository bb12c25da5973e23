import { describe, expect, it } from 'vitest';
import { failureText } from '../../src/startup-failure.js';
import trainedModel from '../../src/understand/data/intent-model.json' with { type: 'json' };
import intentExamples from '../../src/understand/data/intents.json' with { type: 'json' };
import {
  examplesHash,
  IntentClassifier,
  StaleIntentModelError,
  TOPIC_SLOT,
} from '../../src/understand/intents.js';
import { KNOWLEDGE_DIR, STORAGE_NOTES_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

describe('IntentClassifier', () => {
  const classifier = new IntentClassifier();

  it('ships a model trained on the current examples (no training at start-up)', () => {
    expect(trainedModel.examplesHash).toBe(examplesHash(intentExamples));
  });

  it('refuses examples its model was not trained on, saying how to retrain, rather than train for minutes', () => {
    const edited = { ...intentExamples, smalltalk: [...intentExamples.smalltalk, 'did arsenal win'] };
    expect(() => new IntentClassifier(edited)).toThrow(StaleIntentModelError);
    expect(() => new IntentClassifier(edited)).toThrow(/npm run train:intents/);
    // npm start says it in one line, as a thing to fix, not as a crash to debug.
    expect(failureText(new StaleIntentModelError(), {})).toMatch(
      /^aws-tutor: the intent model \(src\/understand\/data\/intent-model\.json\) was trained on other examples.*train:intents.*\)\n$/,
    );
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
    // `already` asks as much about one thing ("does it already fail over") as it weighs two.
    expect(
      classifier.classify(`does a single ${TOPIC_SLOT} connection already give me failover`).cued.size,
    ).toBe(0);
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

  it('takes a word no example used for the thing asked about, even beside a command word', () => {
    expect(classifier.classify('how do i rank results in opensearch').intent).toBe('explain');
    expect(classifier.classify('what is the leaderboard pattern in redis').intent).toBe('explain');
  });

  it('still reads a command with one new word when the rest says so clearly', () => {
    expect(classifier.classify("who's ahead").intent).toBe('leaderboard');
    expect(classifier.classify('try me').intent).toBe('quiz');
    expect(classifier.classify('what kind of stuff can you help me with').intent).toBe('help');
  });

  it('reads asking to be checked on a subject as a quiz, and asking to be helped to understand it as a question', () => {
    expect(classifier.classify(`see whether i know ${TOPIC_SLOT}`).intent).toBe('quiz');
    expect(classifier.classify(`check if i know ${TOPIC_SLOT}`).intent).toBe('quiz');
    expect(classifier.classify(`help me understand ${TOPIC_SLOT}`).intent).toBe('explain');
  });

  it('takes sports and channel chat for no leaderboard request', () => {
    for (const chat of ['who won the champions league last year', 'lol this channel is quiet today'])
      expect(classifier.classify(chat).intent, chat).not.toBe('leaderboard');
    expect(classifier.classify('who is winning this week').intent).toBe('leaderboard');
  });

  it('reads a long question that shares words with a command, without its cue, as a question', () => {
    const question =
      'the nightly job keeps reprocessing every file from day one, i only want it to pick up the new ones';
    expect(['explain', 'compare']).toContain(classifier.classify(question).intent);
    expect(classifier.classify('quiz me on the nightly job that keeps reprocessing every file').intent).toBe(
      'quiz',
    );
  });

  it('reads a need that shares a cue with a command, in words the command never uses, as a question', () => {
    for (const question of [
      'route each user to the nearest region by latency',
      'which team burns the most money, by tag',
      'rank the search hits differently for every shopper',
      'block the team from sharing ssh keys',
      'score how well our workload recovers from an outage',
      'keep one shared key for the whole team',
    ]) {
      expect(['explain', 'compare'], question).toContain(classifier.classify(question).intent);
    }
    // A command's own words, and what a quiz is on, stay a command.
    expect(classifier.classify('who is top of the leaderboard this month').intent).toBe('leaderboard');
    expect(classifier.classify('show me the ropes').intent).toBe('help');
    expect(classifier.classify('how am i supposed to use you?').intent).toBe('help');
    expect(classifier.classify("let's see if i've been paying attention").intent).toBe('quiz');
    expect(classifier.classify('quiz me on how regions and latency work').intent).toBe('quiz');
  });

  it('takes what follows `on` for a quiz’s subject only when the request before it is the command’s own', () => {
    for (const question of [
      'heartbeat check on our status endpoint every minute',
      'continuous compliance checks on iot credentials',
      'one health check port for all registered instances',
    ]) {
      expect(['explain', 'compare'], question).toContain(classifier.classify(question).intent);
    }
    expect(classifier.classify('check my knowledge on health checks and status endpoints').intent).toBe(
      'quiz',
    );
    expect(classifier.classify('quiz me on iot device credentials').intent).toBe('quiz');
  });

  it('reads a request for a quiz or a list on a subject in words the examples never use as that request', () => {
    const tutor = tutorFor(STORAGE_NOTES_DIR);
    for (const question of ['give me a question on object storage', 'ask me a question about block storage'])
      expect(tutor.answer(question).intent, question).toBe('quiz');
    // A subject is named in a few words; more describe a need, and a rundown is no quiz.
    expect(tutor.answer('test on the exact disk size a customer reported last week').intent).not.toBe('quiz');
    expect(tutor.answer('give me a rundown on object storage').intent).toBe('explain');
  });

  it('weighs only the opening of a request as the request: what follows a comma says why', () => {
    const tutor = tutorFor(KNOWLEDGE_DIR);
    for (const question of [
      'quiz me, i have my certification exam tomorrow morning',
      'throw me a practice question, the cert exam is next week',
    ])
      expect(tutor.answer(question).intent, question).toBe('quiz');
    expect(tutor.answer('send users to the nearest region by latency, can you help').intent).not.toBe('help');
  });

  it('reads the last part as the request only when it asks for the command by itself', () => {
    const tutor = tutorFor(KNOWLEDGE_DIR);
    expect(tutor.answer('bored at lunch, quiz me').intent).toBe('quiz');
    // "lock it down" and "shut that off" say nothing a list's examples lack, yet ask for none.
    for (const question of [
      'the default policy lets every user see everything, lock it down',
      'the old servers list everything publicly, shut that off',
    ])
      expect(tutor.answer(question).intent, question).not.toBe('list');
  });

  it('reads a request before everyday words about why as the request, the field named or not', () => {
    const tutor = tutorFor(KNOWLEDGE_DIR);
    expect(
      tutor.answer('gimme a few practice questions, im prepping for the aws associate exam next week').intent,
    ).toBe('quiz');
    // What follows asks the question itself, or names something of the notes: no request.
    expect(tutor.answer('lambda question, whats the longest a function can run?').intent).toBe('explain');
    expect(tutor.answer('a few questions, we run batch jobs on spot instances every night').intent).not.toBe(
      'quiz',
    );
  });

  it('reads a last sentence as the request when everyday chat about oneself comes before it', () => {
    const tutor = tutorFor(KNOWLEDGE_DIR);
    expect(
      tutor.answer('im new to the team and my manager told me to try you. what commands are there?').intent,
    ).toBe('help');
    expect(tutor.answer('ok so my week was rough. who is top of the scores this month?').intent).toBe(
      'leaderboard',
    );
    // A spaced dash ends a sentence in chat, and the last one's request may come before more chat.
    expect(tutor.answer('before i burn my lunch break on this - what can this bot do for me?').intent).toBe(
      'help',
    );
    expect(tutor.answer('hmm ok. what can you do, besides posting quizzes in here').intent).toBe('help');
    // Words of the notes before it make the last sentence a call for help with them.
    expect(tutor.answer('send users to the nearest region by latency. can you help?').intent).not.toBe(
      'help',
    );
  });

  it('reads a request of more than eight meaningful words as a question, even with a command word', () => {
    const question = 'add a play button so visitors can hear our blog posts instead of reading them';
    expect(['explain', 'compare']).toContain(classifier.classify(question).intent);
    expect(classifier.classify('lets play a quick round of questions on the blog posts').intent).toBe('quiz');
  });
});

describe('IntentClassifier.score', () => {
  const classifier = new IntentClassifier();
  const byIntent = (scores: { intent: string; probability: number }[]) =>
    Object.fromEntries(scores.map((score) => [score.intent, score.probability]));

  it('gives natural’s own logistic-regression scores, computed over the features present', () => {
    const questions = [
      ...Object.values(intentExamples)
        .flat()
        .filter((example): example is string => typeof example === 'string'),
      'how do i undo a git commit',
      'tell me about the weather',
    ];
    for (const question of questions) {
      const features = question
        .replace(/\{topic\}/g, TOPIC_SLOT)
        .split(/\s+/)
        .filter(Boolean);
      const ours = byIntent(classifier.score(features));
      const natural = byIntent(classifier.naturalScore(features));
      for (const [intent, probability] of Object.entries(natural))
        expect(ours[intent]).toBeCloseTo(probability, 10);
    }
  });
});
