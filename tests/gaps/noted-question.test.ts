import { describe, expect, it } from 'vitest';
import { answerRefOf, decodeAnswerRef, encodeAnswerRef } from '../../src/gaps/answer-ref.js';
import { notedQuestion } from '../../src/gaps/noted-question.js';
import type { GapRecord } from '../../src/gaps/records.js';
import { reask } from '../../src/gaps/resolve.js';
import type { ExplainReply, Reply, UnknownReply } from '../../src/tutor/reply.js';

const now = new Date('2026-03-02T23:30:00Z');
const where = { teamId: 'T1', channelKind: 'dm' as const };
const ecs = { id: 'ecs', title: 'ECS' };

function explain(question: string, sure: boolean): ExplainReply {
  return {
    intent: 'explain',
    question,
    topics: [ecs],
    confidence: sure ? 0.9 : 0.5,
    sure,
    topic: ecs,
    lead: [],
    rest: [],
    source: { file: 'compute.md', heading: 'ECS', line: 1 },
    related: [],
    alternatives: [],
  };
}

function unknown(question: string, extra: Partial<UnknownReply> = {}): UnknownReply {
  return {
    intent: 'unknown',
    question,
    topics: [],
    confidence: 0.8,
    sure: true,
    suggestions: [],
    notCovered: [],
    mentionedIn: [],
    ...extra,
  };
}

describe('notedQuestion', () => {
  it('counts a sure answer and keeps nothing of it', () => {
    expect(notedQuestion(explain('what is ecs', true), where, now)).toEqual({
      teamId: 'T1',
      day: '2026-03-02',
      answered: true,
      gap: null,
    });
  });

  it('keeps a guess with the reply given and its nearest topic, and never who asked', () => {
    const noted = notedQuestion(explain('where do containers run', false), where, now);
    expect(noted?.answered).toBe(false);
    expect(noted?.gap).toEqual({
      teamId: 'T1',
      kind: 'guess',
      question: 'where do containers run',
      questionKey: 'containers run',
      intent: 'explain',
      topics: [ecs],
      confidence: 0.5,
      notCovered: [],
      nearest: ecs,
      quizQuestionId: null,
      channelKind: 'dm',
      askedAt: now,
    });
  });

  it('keeps "the notes don’t cover it" with the services named and the first suggestion, secrets masked', () => {
    const noted = notedQuestion(
      unknown('glue with key AKIAIOSFODNN7EXAMPLE', { notCovered: ['AWS Glue'], suggestions: [ecs] }),
      where,
      now,
    );
    expect(noted?.gap).toMatchObject({
      kind: 'unknown',
      question: 'glue with key [masked]',
      notCovered: ['AWS Glue'],
      nearest: ecs,
    });
  });

  it('groups a need that sounds like a service the notes lack under that service', () => {
    const noted = notedQuestion(
      unknown('rotate our db passwords every 30 days', { soundsLike: 'AWS Secrets Manager' }),
      where,
      now,
    );
    expect(noted?.gap).toMatchObject({ kind: 'unknown', notCovered: ['AWS Secrets Manager'] });
  });

  it('notes no command: help, the topic list, quizzes and scores', () => {
    const help: Reply = {
      intent: 'help',
      question: 'help',
      topics: [],
      confidence: 1,
      sure: true,
      commands: [],
    };
    expect(notedQuestion(help, where, now)).toBeNull();
  });

  it('notes no small talk: "hi" is no question the notes could miss', () => {
    expect(notedQuestion(unknown('hi there', { smallTalk: true }), where, now)).toBeNull();
    expect(notedQuestion(unknown('what is app mesh'), where, now)?.gap?.kind).toBe('unknown');
  });
});

describe('answer references on vote buttons', () => {
  it('round-trip, name the same answer the same way, and refuse what is not one', () => {
    const ref = answerRefOf(explain('What is ECS?', true));
    const decoded = decodeAnswerRef(encodeAnswerRef(ref));
    expect(decoded).toEqual(ref);
    expect(answerRefOf(explain('what is ecs', true)).answerId).toBe(ref.answerId);
    expect(answerRefOf(explain('what is fargate', true)).answerId).not.toBe(ref.answerId);
    for (const bad of [undefined, '', 'ecs', '{"q":1}', '{"q":"x","i":"explain","t":[[1]],"c":1}'])
      expect(decodeAnswerRef(bad)).toBeNull();
  });

  it('fit a button’s value however long the question', () => {
    const ref = answerRefOf(explain('x'.repeat(500), true));
    expect(encodeAnswerRef(ref).length).toBeLessThanOrEqual(2000);
  });
});

describe('reask', () => {
  const record = (id: string, question: string, extra: Partial<GapRecord> = {}): GapRecord => ({
    id,
    teamId: 'T1',
    kind: 'unknown',
    question,
    questionKey: question.toLowerCase().replace(/\?/g, ''),
    intent: 'unknown',
    topics: [],
    confidence: 0.8,
    notCovered: [],
    nearest: null,
    quizQuestionId: null,
    channelKind: 'command',
    askedAt: now,
    resolvedAt: null,
    ...extra,
  });

  it('counts distinct questions and resolves every record of those the notes now answer', () => {
    const answered = new Set(['what is glue', 'What is glue?']);
    const resolution = reask(
      [
        record('1', 'what is glue'),
        record('2', 'What is glue?'),
        record('3', 'meaning of life'),
        record('4', 'reported one', { kind: 'reported' }),
        record('5', 'already resolved', { resolvedAt: now }),
      ],
      (question) => (answered.has(question) ? explain(question, true) : unknown(question)),
    );
    expect(resolution).toEqual({ asked: 2, answered: 1, resolvedIds: ['1', '2'] });
  });

  it('does not count a guess as answered', () => {
    expect(reask([record('1', 'what is glue')], (question) => explain(question, false)).answered).toBe(0);
  });
});
