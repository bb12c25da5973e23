import type { Fact } from '../knowledge/types.js';
import type { Intent } from '../understand/intents.js';

export type { Intent };

/** A topic as replies name it. */
export interface TopicRef {
  id: string;
  title: string;
}

/** Where an answer comes from: the notes file and heading a person can open. */
export interface Citation {
  file: string;
  heading: string;
  line: number;
}

/** A fact as it is shown: the bullet and its sub-points. */
export interface FactView {
  text: string;
  subPoints: string[];
}

interface ReplyBase {
  /** The question as understood, cleaned of markup; safe to echo. */
  question: string;
  /** Topics the reply is about, best first. */
  topics: TopicRef[];
  /** 0..1: the probability that this reply is right, measured on questions the tutor never saw. */
  confidence: number;
  /** Whether the tutor stands by the reply; when not, it says the reply is its closest guess. */
  sure: boolean;
}

export interface ExplainReply extends ReplyBase {
  intent: 'explain';
  topic: TopicRef;
  /** The facts that answer the question, best first. */
  lead: FactView[];
  /** The rest of the topic, in the notes' order. */
  rest: FactView[];
  source: Citation;
  related: TopicRef[];
  /** The next closest topics, offered as "did you mean" when the tutor is not sure. */
  alternatives: TopicRef[];
  /**
   * Another cloud's service the question asked after (`Azure Functions`) when the topic is the
   * notes' counterpart of it ("what's the aws equivalent of azure functions": Lambda).
   */
  counterpartOf?: string;
}

/** One subject both topics have a fact about (`pricing`, `provision`). */
export interface ComparedSubject {
  subject: string;
  /** The fact of each side about it, in the order of `sides`, or null where a side has none. */
  facts: (FactView | null)[];
}

export interface CompareReply extends ReplyBase {
  intent: 'compare';
  sides: { topic: TopicRef; summary: FactView[]; source: Citation }[];
  shared: ComparedSubject[];
}

export interface ListReply extends ReplyBase {
  intent: 'list';
  groups: { file: string; topics: TopicRef[] }[];
}

export interface QuizReply extends ReplyBase {
  intent: 'quiz';
  /** The topic asked for, if any. */
  topic: TopicRef | null;
}

/** Which answers a ranking counts: the last 7 days, the last 30 days, or all time. */
export type ScorePeriod = 'week' | 'month' | 'all';

export interface LeaderboardReply extends ReplyBase {
  intent: 'leaderboard';
  /** Whose standing the asker wants: their own, everyone's, or the channels' (teams). */
  scope: 'me' | 'everyone' | 'teams';
  /** Which answers count: the last week (the default), the last month, or all time. */
  period: ScorePeriod;
}

export interface Command {
  usage: string;
  example: string;
  description: string;
}

export interface HelpReply extends ReplyBase {
  intent: 'help';
  commands: Command[];
}

/** A service the notes don't cover, and where they name it in passing. */
export interface PassingMention {
  /** The service as the reply names it among those not covered. */
  service: string;
  topics: TopicRef[];
}

export interface UnknownReply extends ReplyBase {
  intent: 'unknown';
  /** Close topics to offer as "did you mean", at most three. */
  suggestions: TopicRef[];
  /** Official names of the cloud services the question is about that the notes don't cover. */
  notCovered: string[];
  /** For each of those services the notes name, the topics whose facts name it in passing. */
  mentionedIn: PassingMention[];
  /** The service the need the question describes sounds like, when the notes don't cover it. */
  soundsLike?: string;
  /** Small talk ("hi", "thanks"): the reply says what the tutor is for, not what the notes lack. */
  smallTalk?: boolean;
}

/** Every answer the tutor gives; each face renders it in its own medium. */
export type Reply =
  | ExplainReply
  | CompareReply
  | ListReply
  | QuizReply
  | LeaderboardReply
  | HelpReply
  | UnknownReply;

export function factView(fact: Fact): FactView {
  return { text: fact.text, subPoints: fact.subPoints };
}

/** What the tutor says to small talk: what it is for, and how to start. */
export const SMALL_TALK_REPLY =
  'I’m the team’s AWS study tutor: ask me anything about the notes, say “quiz me” for a question, or “help” for what I can do.';

/** How a reply the tutor is not sure of begins: it is the nearest topic, not a sure answer. */
export const CLOSEST_MATCH = 'Closest match in the notes:';

/** How an answer on a topic is titled: a guess says so, a counterpart says of what. */
export function explainTitle(reply: ExplainReply): string {
  if (reply.counterpartOf)
    return `${reply.topic.title}, the counterpart of ${reply.counterpartOf} in the notes`;
  return reply.sure ? reply.topic.title : `${CLOSEST_MATCH} ${reply.topic.title}`;
}

/**
 * What opens the list of topics naming a service the notes lack: "it" when the reply lacks one
 * service only, else the service, so that each list says whose it is.
 */
export function mentionHeading(reply: UnknownReply, mention: PassingMention): string {
  return `The notes mention ${reply.notCovered.length === 1 ? 'it' : mention.service} in:`;
}

/** `AWS App Mesh`, `AWS App Mesh or Amazon SQS`, `A, B or C`. */
export function serviceList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
