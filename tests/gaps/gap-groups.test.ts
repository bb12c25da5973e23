import { describe, expect, it } from 'vitest';
import { type GapInputs, gapGroups } from '../../src/gaps/gap-groups.js';
import { plainStep } from '../../src/gaps/next-step.js';
import { questionKey } from '../../src/gaps/question-key.js';
import type { GapRecord, KeptVote } from '../../src/gaps/records.js';

const t0 = new Date('2025-03-03T09:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
let ids = 0;

function record(question: string, extra: Partial<GapRecord> = {}): GapRecord {
  ids += 1;
  return {
    id: String(ids),
    teamId: 'T1',
    kind: 'unknown',
    question,
    questionKey: questionKey(question),
    intent: 'unknown',
    topics: [],
    confidence: 0.2,
    notCovered: [],
    nearest: null,
    quizQuestionId: null,
    channelKind: 'command',
    askedAt: t0,
    resolvedAt: null,
    ...extra,
  };
}

function downvote(question: string, extra: Partial<KeptVote> = {}): KeptVote {
  return {
    teamId: 'T1',
    answerId: question,
    vote: 'down',
    question,
    intent: 'explain',
    topics: [{ id: 'ecs', title: 'ECS' }],
    confidence: 0.9,
    channelKind: 'dm',
    comment: null,
    votedAt: t0,
    ...extra,
  };
}

const none: GapInputs = { records: [], downvotes: [], topicResults: [], standings: [] };

describe('questionKey', () => {
  it('groups the same question in other words', () => {
    expect(questionKey('What is AWS Glue?')).toBe(questionKey('whats aws glue'));
    expect(questionKey('Glue??')).toBe('glue');
    expect(questionKey('what is it')).toBe('what is it');
  });
});

describe('gapGroups', () => {
  it('groups unanswered questions by the service the notes lack, with counts, an example and a next step', () => {
    const glue = { notCovered: ['AWS Glue'] };
    const groups = gapGroups({
      ...none,
      records: [
        record('what is glue', { ...glue, askedAt: at(0) }),
        record('What is glue?', { ...glue, askedAt: at(2) }),
        record('glue crawler pricing', { ...glue, askedAt: at(1) }),
        record('what does app mesh do', { notCovered: ['AWS App Mesh'] }),
        record('resolved already', { ...glue, resolvedAt: at(3) }),
      ],
    });
    expect(groups.map((group) => [group.kind, group.label, group.count])).toEqual([
      ['unanswered', 'AWS Glue', 3],
      ['unanswered', 'AWS App Mesh', 1],
    ]);
    const [glueGroup] = groups;
    expect(glueGroup?.example).toBe('What is glue?');
    expect(glueGroup?.firstSeen).toEqual(at(0));
    expect(glueGroup?.lastSeen).toEqual(at(2));
    expect(plainStep(glueGroup?.nextStep ?? [])).toBe('add a `# AWS Glue` topic to the notes');
  });

  it('groups guesses and near misses by their nearest topic, and suggests an Asked as: line', () => {
    const ecs = { id: 'ecs', title: 'ECS' };
    const groups = gapGroups({
      ...none,
      records: [
        record('where do our containers run', { kind: 'guess', nearest: ecs, topics: [ecs] }),
        record('where do our containers run?', { kind: 'guess', nearest: ecs, topics: [ecs] }),
        record('container placement', { nearest: ecs }),
        record('what is the meaning of life'),
        record('What is the meaning of life?'),
      ],
    });
    expect(groups.map((group) => [group.label, group.count])).toEqual([
      ['ECS', 3],
      ['what is the meaning of life', 2],
    ]);
    expect(plainStep(groups[0]?.nextStep ?? [])).toBe(
      'if ECS answers it, add an `Asked as: where do our containers run?` line to ECS; if not, a topic that does',
    );
    expect(plainStep(groups[1]?.nextStep ?? [])).toMatch(/add a topic that answers it/);
  });

  it('puts 👎 by topic and names what people were looking for', () => {
    const groups = gapGroups({
      ...none,
      downvotes: [
        downvote('what is ecs', { comment: 'how to size tasks', votedAt: at(1) }),
        downvote('ecs pricing', { comment: 'older comment', votedAt: at(0) }),
        downvote('what is lambda', { topics: [{ id: 'lambda', title: 'Lambda' }] }),
      ],
    });
    expect(groups.map((group) => [group.kind, group.label, group.count])).toEqual([
      ['downvoted', 'ECS', 2],
      ['downvoted', 'Lambda', 1],
    ]);
    expect(plainStep(groups[0]?.nextStep ?? [])).toBe(
      'the ECS answer doesn’t say “how to size tasks”: add it to ECS',
    );
    expect(plainStep(groups[1]?.nextStep ?? [])).toBe(
      'read the Lambda answer to “what is lambda” and add the fact it misses',
    );
  });

  it('lists reported and retired quiz questions, and the topics the quiz shows the team gets wrong', () => {
    const lambda = { id: 'lambda', title: 'Lambda' };
    const groups = gapGroups({
      ...none,
      records: [
        record('What does Lambda charge for?', {
          kind: 'reported',
          quizQuestionId: 'lambda/hand/1',
          topics: [lambda],
        }),
        record('What does Lambda charge for?', {
          kind: 'reported',
          quizQuestionId: 'lambda/hand/1',
          topics: [lambda],
        }),
      ],
      standings: [
        {
          teamId: 'T1',
          questionId: 'lambda/hand/1',
          topicId: 'lambda',
          status: 'retired',
          reasons: ['2 say the answer is wrong'],
        },
        { teamId: 'T1', questionId: 'ecs/fact/2', topicId: 'ecs', status: 'retired', reasons: ['too easy'] },
        { teamId: 'T1', questionId: 'ecs/fact/3', topicId: 'ecs', status: 'active', reasons: [] },
      ],
      questions: new Map([
        ['ecs/fact/2', { stem: 'Which of these runs containers?', topic: { title: 'ECS' } }],
      ]),
      topicResults: [
        { teamId: 'T1', channelId: 'C1', topicId: 'ecs', topicTitle: 'ECS', answered: 6, right: 2 },
        { teamId: 'T1', channelId: 'C2', topicId: 'ecs', topicTitle: 'ECS', answered: 4, right: 2 },
        { teamId: 'T1', channelId: 'C1', topicId: 'fargate', topicTitle: 'Fargate', answered: 10, right: 9 },
        { teamId: 'T1', channelId: 'C1', topicId: 'ecr', topicTitle: 'ECR', answered: 2, right: 0 },
      ],
    });
    expect(groups.map((group) => [group.kind, group.label, group.count])).toEqual([
      ['reported', 'What does Lambda charge for?', 2],
      ['reported', 'Which of these runs containers?', 0],
      ['weak-topic', 'ECS', 10],
    ]);
    expect(plainStep(groups[0]?.nextStep ?? [])).toBe(
      'out of the quiz (2 say the answer is wrong): fix the Lambda fact it was made from, or restore it with `/aws admin questions`',
    );
    expect(plainStep(groups[1]?.nextStep ?? [])).toBe(
      'out of the quiz (too easy): fix the ECS fact it was made from, or restore it with `/aws admin questions`',
    );
    expect(plainStep(groups[2]?.nextStep ?? [])).toMatch(
      /^40% right over 10 answers: make the key facts of ECS clearer/,
    );
  });

  it('keeps workspaces apart', () => {
    const groups = gapGroups({
      ...none,
      records: [
        record('what is glue', { notCovered: ['AWS Glue'] }),
        record('what is glue', { notCovered: ['AWS Glue'], teamId: 'T2' }),
      ],
    });
    expect(groups.map((group) => [group.teamId, group.count])).toEqual([
      ['T1', 1],
      ['T2', 1],
    ]);
  });
});
