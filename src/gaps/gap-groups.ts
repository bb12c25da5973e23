import type { ChannelTopicResult } from '../quiz/records.js';
import {
  addTopicStep,
  askedAsStep,
  downvotedStep,
  type NextStep,
  newTopicStep,
  reportedStep,
  weakTopicStep,
} from './next-step.js';
import { questionKey } from './question-key.js';
import type { GapRecord, KeptVote } from './records.js';

/** The kinds of gap, in the order they are shown. */
export const GAP_KINDS = ['unanswered', 'downvoted', 'reported', 'weak-topic'] as const;
export type GapGroupKind = (typeof GAP_KINDS)[number];

/** Kept questions, votes or quiz results that point at the same thing to fix in the notes. */
export interface GapGroup {
  kind: GapGroupKind;
  teamId: string;
  /** The service, topic or question the group is about. */
  label: string;
  /** How many questions, 👎 or reports (answers, for a weak topic). */
  count: number;
  /** The question asked most often in the group (the latest on a tie); null for a weak topic. */
  example: string | null;
  firstSeen: Date | null;
  lastSeen: Date | null;
  nextStep: NextStep;
}

/** A quiz question's standing as the gaps need it (see src/quiz/question-stats.ts). */
export interface QuizQuestionStanding {
  teamId: string;
  questionId: string;
  topicId: string;
  status: 'active' | 'retired' | 'restored';
  reasons: string[];
}

export interface GapInputs {
  /** Kept questions of the period (resolved ones are left out here). */
  records: readonly GapRecord[];
  downvotes: readonly KeptVote[];
  /** Daily quiz results of the period, per channel and topic (summed over channels here). */
  topicResults: readonly (ChannelTopicResult & { teamId: string })[];
  standings: readonly QuizQuestionStanding[];
  /** The quiz questions the notes give now, by id: names a question taken out that nobody reported lately. */
  questions?: ReadonlyMap<string, NamedQuestion>;
}

/** A quiz question as the gaps name it. */
export interface NamedQuestion {
  stem: string;
  topic: { title: string };
}

/** A topic needs this many quiz answers in the period before its accuracy says anything. */
export const WEAK_TOPIC_MIN_ANSWERS = 5;
/** Below this share right, a topic is one the team gets wrong. */
export const WEAK_TOPIC_SHARE = 0.7;

interface Bucket {
  teamId: string;
  label: string;
  count: number;
  questions: Map<string, { text: string; count: number; last: number }>;
  first: number;
  last: number;
  comment: { text: string; at: number } | null;
}

function bucketIn(buckets: Map<string, Bucket>, key: string, teamId: string, label: string): Bucket {
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = {
      teamId,
      label,
      count: 0,
      questions: new Map(),
      first: Infinity,
      last: -Infinity,
      comment: null,
    };
    buckets.set(key, bucket);
  }
  return bucket;
}

function add(bucket: Bucket, question: string, questionKey: string, at: Date): void {
  const time = at.getTime();
  bucket.count++;
  bucket.first = Math.min(bucket.first, time);
  bucket.last = Math.max(bucket.last, time);
  const seen = bucket.questions.get(questionKey) ?? { text: question, count: 0, last: -Infinity };
  seen.count++;
  if (time >= seen.last) {
    seen.last = time;
    seen.text = question;
  }
  bucket.questions.set(questionKey, seen);
}

function exampleOf(bucket: Bucket): string {
  let best: { text: string; count: number; last: number } | null = null;
  for (const seen of bucket.questions.values()) {
    if (!best || seen.count > best.count || (seen.count === best.count && seen.last > best.last)) best = seen;
  }
  return best?.text ?? '';
}

function byCount(a: GapGroup, b: GapGroup): number {
  return (
    b.count - a.count ||
    (b.lastSeen?.getTime() ?? 0) - (a.lastSeen?.getTime() ?? 0) ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
  );
}

function group(kind: GapGroupKind, bucket: Bucket, nextStep: (example: string) => NextStep): GapGroup {
  const example = exampleOf(bucket);
  return {
    kind,
    teamId: bucket.teamId,
    label: bucket.label,
    count: bucket.count,
    example,
    firstSeen: new Date(bucket.first),
    lastSeen: new Date(bucket.last),
    nextStep: nextStep(example),
  };
}

/**
 * Questions the notes did not answer, grouped by what would answer them: a service the notes lack
 * (one group per service), else the topic nearest the question, else the question itself after
 * normalising. Most asked first.
 */
function unanswered(records: readonly GapRecord[]): GapGroup[] {
  const services = new Map<string, Bucket>();
  const topics = new Map<string, Bucket>();
  const questions = new Map<string, Bucket>();
  for (const record of records) {
    if (record.kind === 'reported' || record.resolvedAt !== null) continue;
    const { teamId } = record;
    if (record.notCovered.length > 0) {
      for (const service of record.notCovered)
        add(
          bucketIn(services, `${teamId}\0${service.toLowerCase()}`, teamId, service),
          record.question,
          record.questionKey,
          record.askedAt,
        );
    } else if (record.nearest) {
      add(
        bucketIn(topics, `${teamId}\0${record.nearest.id}`, teamId, record.nearest.title),
        record.question,
        record.questionKey,
        record.askedAt,
      );
    } else {
      add(
        bucketIn(questions, `${teamId}\0${record.questionKey}`, teamId, record.question),
        record.question,
        record.questionKey,
        record.askedAt,
      );
    }
  }
  return [
    ...[...services.values()].map((bucket) => group('unanswered', bucket, () => addTopicStep(bucket.label))),
    ...[...topics.values()].map((bucket) =>
      group('unanswered', bucket, (example) => askedAsStep(bucket.label, example)),
    ),
    ...[...questions.values()].map((bucket) => group('unanswered', bucket, newTopicStep)),
  ].sort(byCount);
}

/** 👎 grouped by the answer's topic, with the latest thing someone said they were looking for. */
function downvoted(votes: readonly KeptVote[]): GapGroup[] {
  const topics = new Map<string, Bucket>();
  for (const vote of votes) {
    const topic = vote.topics[0] ?? { id: '', title: 'answers without a topic' };
    const bucket = bucketIn(topics, `${vote.teamId}\0${topic.id}`, vote.teamId, topic.title);
    add(bucket, vote.question, questionKey(vote.question), vote.votedAt);
    const at = vote.votedAt.getTime();
    if (vote.comment && (!bucket.comment || at >= bucket.comment.at))
      bucket.comment = { text: vote.comment, at };
  }
  return [...topics.values()]
    .map((bucket) =>
      group('downvoted', bucket, (example) =>
        downvotedStep(bucket.label, bucket.comment?.text ?? null, example),
      ),
    )
    .sort(byCount);
}

/** Reported quiz questions by question, and questions out of the quiz even when nobody reported them lately. */
function reported(
  records: readonly GapRecord[],
  standings: readonly QuizQuestionStanding[],
  named: ReadonlyMap<string, NamedQuestion>,
): GapGroup[] {
  const questions = new Map<string, Bucket & { topic: string }>();
  for (const record of records) {
    if (record.kind !== 'reported' || !record.quizQuestionId) continue;
    const key = `${record.teamId}\0${record.quizQuestionId}`;
    const topic = record.topics[0]?.title ?? record.nearest?.title ?? '';
    const bucket = bucketIn(questions, key, record.teamId, record.question) as Bucket & { topic: string };
    bucket.topic = topic;
    add(bucket, record.question, record.questionKey, record.askedAt);
  }
  const standingOf = new Map(standings.map((row) => [`${row.teamId}\0${row.questionId}`, row]));
  const groups = [...questions.entries()].map(([key, bucket]) => {
    const standing = standingOf.get(key);
    return group('reported', bucket, () =>
      reportedStep(bucket.topic, standing?.status === 'retired', standing?.reasons[0] ?? null),
    );
  });
  for (const standing of standings) {
    if (standing.status !== 'retired' || questions.has(`${standing.teamId}\0${standing.questionId}`))
      continue;
    const question = named.get(standing.questionId);
    groups.push({
      kind: 'reported',
      teamId: standing.teamId,
      label: question?.stem ?? standing.questionId,
      count: 0,
      example: null,
      firstSeen: null,
      lastSeen: null,
      nextStep: reportedStep(question?.topic.title ?? standing.topicId, true, standing.reasons[0] ?? null),
    });
  }
  return groups.sort(byCount);
}

/** Topics the team gets wrong most in the daily quiz, worst first. */
function weakTopics(results: GapInputs['topicResults']): GapGroup[] {
  const topics = new Map<string, { teamId: string; title: string; answered: number; right: number }>();
  for (const result of results) {
    const key = `${result.teamId}\0${result.topicId}`;
    const totals = topics.get(key) ?? {
      teamId: result.teamId,
      title: result.topicTitle,
      answered: 0,
      right: 0,
    };
    totals.answered += result.answered;
    totals.right += result.right;
    topics.set(key, totals);
  }
  return [...topics.values()]
    .filter(
      (topic) => topic.answered >= WEAK_TOPIC_MIN_ANSWERS && topic.right / topic.answered < WEAK_TOPIC_SHARE,
    )
    .sort((a, b) => a.right / a.answered - b.right / b.answered || b.answered - a.answered)
    .map((topic) => ({
      kind: 'weak-topic' as const,
      teamId: topic.teamId,
      label: topic.title,
      count: topic.answered,
      example: null,
      firstSeen: null,
      lastSeen: null,
      nextStep: weakTopicStep(topic.title, topic.right / topic.answered, topic.answered),
    }));
}

/** Every gap of the inputs, by kind (unanswered, downvoted, reported, weak topics), the biggest first in each. */
export function gapGroups(inputs: GapInputs): GapGroup[] {
  return [
    ...unanswered(inputs.records),
    ...downvoted(inputs.downvotes),
    ...reported(inputs.records, inputs.standings, inputs.questions ?? new Map()),
    ...weakTopics(inputs.topicResults),
  ];
}
