import type { Fact, KnowledgeBase, Topic } from '../knowledge/types.js';
import type { ScorePeriod } from '../quiz/records.js';
import { ConceptLexicon } from '../understand/concepts.js';
import { type EnglishWords, loadEnglishWords } from '../understand/english.js';
import { IntentClassifier } from '../understand/intents.js';
import { rankTopics, type TopicCandidate } from '../understand/rank-topics.js';
import { QuestionReader, type ReadQuestion, type RelatedWords } from '../understand/read-question.js';
import { loadSynonyms } from '../understand/synonyms.js';
import { TopicIndex } from '../understand/topic-index.js';
import { cleanQuestion } from './clean-question.js';
import { COMMANDS } from './commands.js';
import { compareTopics } from './compare.js';
import { rankFacts } from './rank-facts.js';
import {
  type ExplainReply,
  factView,
  type LeaderboardReply,
  type Reply,
  type TopicRef,
  type UnknownReply,
} from './reply.js';

export interface Tutor {
  /** Answers one question. Pure: the same question on the same notes gives the same reply. */
  answer(question: string): Reply;
  /** Explains one topic by its id (a "did you mean" or related-topic button); unknown for a stale id. */
  explainTopic(topicId: string): Reply;
  readonly knowledge: KnowledgeBase;
}

const MAX_LEAD_FACTS = 3;
const MAX_REST_FACTS = 8;
const MAX_SUGGESTIONS = 3;
const MAX_RELATED = 3;
const RECENT_REPLIES = 500;

export function topicRef(topic: Topic): TopicRef {
  return { id: topic.id, title: topic.title };
}

/** What the tutor needs that does not change between questions; built once, shared by tutors. */
export interface TutorParts {
  classifier: IntentClassifier;
  english: EnglishWords;
  concepts: ConceptLexicon;
  relations: RelatedWords | null;
}

let sharedParts: TutorParts | null = null;
function defaultParts(): TutorParts {
  sharedParts ??= {
    classifier: new IntentClassifier(),
    english: loadEnglishWords(),
    concepts: new ConceptLexicon(),
    relations: null,
  };
  return sharedParts;
}

export interface TutorOptions {
  /** How many recent replies to keep for repeated questions; 0 answers every question afresh. */
  recentReplies?: number;
}

export function createTutor(
  knowledge: KnowledgeBase,
  parts: TutorParts = defaultParts(),
  options: TutorOptions = {},
): Tutor {
  const recentReplies = options.recentReplies ?? RECENT_REPLIES;
  const index = new TopicIndex(knowledge);
  const topicsById = new Map(index.topics.map((topic) => [topic.id, topic]));
  const reader = new QuestionReader(index, parts.classifier, parts.english, {
    synonyms: loadSynonyms(),
    concepts: parts.concepts,
    relations: parts.relations,
  });
  const refOf = (topic: number): TopicRef => {
    const found = index.topics[topic];
    if (!found) throw new Error(`no topic at ${topic}`);
    return topicRef(found);
  };

  const unknown = (question: string, candidates: TopicCandidate[], read: ReadQuestion): UnknownReply => {
    const suggestions = candidates
      .filter((candidate) => candidate.score >= 0.2)
      .slice(0, MAX_SUGGESTIONS)
      .map((candidate) => refOf(candidate.topic));
    const strongest = candidates[0]?.score ?? 0;
    const unfamiliar = read.terms.some((term) => term.kind === 'foreign');
    return {
      intent: 'unknown',
      question,
      topics: [],
      confidence: round(unfamiliar ? 0.9 : Math.max(0.3, 1 - strongest)),
      suggestions,
    };
  };

  const explain = (question: string, candidate: TopicCandidate, read: ReadQuestion): ExplainReply => {
    const topic = index.topics[candidate.topic] as Topic;
    const ranked = rankFacts(index, candidate.topic, read);
    const best = ranked[0]?.score ?? 0;
    const leading =
      best > 0
        ? ranked.filter((fact) => fact.score >= best * 0.6).slice(0, MAX_LEAD_FACTS)
        : [{ fact: 0, score: 0 }];
    const leadIds = new Set(leading.map((fact) => fact.fact));
    const rest = topic.facts.filter((_, i) => !leadIds.has(i)).slice(0, MAX_REST_FACTS);
    const related = [...topic.related];
    for (const factId of index.factsMentioning(candidate.topic)) {
      const other = index.facts[factId]?.topic;
      if (other !== undefined) {
        const id = index.topics[other]?.id;
        if (id && !related.includes(id)) related.push(id);
      }
    }
    return {
      intent: 'explain',
      question,
      topics: [topicRef(topic)],
      confidence: round(confidenceOf(candidate, read)),
      topic: topicRef(topic),
      lead: leading.flatMap((fact) =>
        topic.facts[fact.fact] ? [factView(topic.facts[fact.fact] as Fact)] : [],
      ),
      rest: rest.map(factView),
      source: { file: topic.source.file, heading: topic.title, line: topic.source.line },
      related: related
        .map((id) => topicsById.get(id))
        .filter((t): t is Topic => t !== undefined && t !== topic)
        .slice(0, MAX_RELATED)
        .map(topicRef),
    };
  };

  const answerAfresh = (question: string): Reply => {
    if (!question) {
      return { intent: 'help', question, topics: [], confidence: 1, commands: COMMANDS };
    }
    const read = reader.read(question);
    const candidates = rankTopics(index, read);
    const named = [...new Set(read.names.map((hit) => hit.topic))];
    const probability = read.intent.probability;
    // "how do sns topics work" names something the notes lack: it is a question, not a command.
    const unfamiliar = read.terms.some((term) => term.kind === 'foreign');
    const intent =
      unfamiliar && (read.intent.intent === 'list' || read.intent.intent === 'help')
        ? 'explain'
        : read.intent.intent;
    switch (intent) {
      case 'help':
        return { intent: 'help', question, topics: [], confidence: round(probability), commands: COMMANDS };
      case 'list':
        return {
          intent: 'list',
          question,
          topics: [],
          confidence: round(probability),
          groups: knowledge.files
            .map((file) => ({
              file,
              topics: knowledge.topics.filter((topic) => topic.source.file === file).map(topicRef),
            }))
            .filter((group) => group.topics.length > 0),
        };
      case 'leaderboard':
        return {
          intent: 'leaderboard',
          question,
          topics: [],
          confidence: round(probability),
          scope: leaderboardScope(read.tokens),
          period: leaderboardPeriod(read.tokens),
        };
      case 'quiz': {
        const confident = candidates.find((candidate) => candidate.evidence !== 'weak');
        const topic = named[0] ?? confident?.topic;
        return {
          intent: 'quiz',
          question,
          topics: topic === undefined ? [] : [refOf(topic)],
          confidence: round(probability),
          topic: topic === undefined ? null : refOf(topic),
        };
      }
      case 'compare':
      case 'explain':
        // Comparing takes two named topics; "compare" phrasing around one name is a question about it.
        if (named.length >= 2 && (intent === 'compare' || read.intent.cued.has('compare'))) {
          return compareTopics(
            index,
            named.slice(0, 3),
            question,
            read,
            round(Math.min(1, 0.5 + probability / 2)),
          );
        }
    }
    const best = candidates.find((candidate) => candidate.evidence !== 'weak');
    if (!best) return unknown(question, candidates, read);
    return explain(question, best, read);
  };

  // The same question on the same notes always gets the same reply, and teams ask the same
  // things often ("help", "topics", this week's topic): recent replies are kept, by the cleaned
  // question, and by the text exactly as typed so that a repeat skips even the cleaning.
  const recent = new Map<string, Reply>();
  const recentAsTyped = new Map<string, Reply>();
  const keep = (map: Map<string, Reply>, key: string, reply: Reply): void => {
    map.set(key, reply);
    if (map.size > recentReplies) map.delete(map.keys().next().value as string);
  };
  const answer = (raw: string): Reply => {
    const typed = typeof raw === 'string' ? raw : '';
    if (recentReplies === 0) return answerAfresh(cleanQuestion(typed));
    const asTyped = recentAsTyped.get(typed);
    if (asTyped) return asTyped;
    const key = cleanQuestion(typed);
    let reply = recent.get(key);
    if (reply) recent.delete(key);
    else reply = answerAfresh(key);
    keep(recent, key, reply);
    keep(recentAsTyped, typed, reply);
    return reply;
  };

  const explainTopic = (topicId: string): Reply => {
    const topicIndex = index.topics.findIndex((topic) => topic.id === topicId);
    const topic = index.topics[topicIndex];
    if (!topic) return answer(topicId.replace(/-/g, ' '));
    const read = reader.read(topic.name);
    const candidate: TopicCandidate = {
      topic: topicIndex,
      score: 1,
      nameStrength: 1,
      coverage: 1,
      evidence: 'name',
    };
    return explain(topic.title, candidate, read);
  };

  return { answer, explainTopic, knowledge };
}

const MY_WORDS = new Set(['my', 'me', 'i', 'mine', 'score']);
const TEAM_WORDS = new Set(['team', 'teams', 'channel', 'channels']);

/** `/aws score` and "how am i doing" ask for the asker's own standing; "leaderboard teams" for the channels'. */
function leaderboardScope(tokens: readonly string[]): LeaderboardReply['scope'] {
  if (tokens.some((token) => TEAM_WORDS.has(token))) return 'teams';
  if (tokens.some((token) => MY_WORDS.has(token))) return 'me';
  return 'everyone';
}

const PERIOD_WORDS: Record<string, ScorePeriod> = {
  week: 'week',
  weekly: 'week',
  month: 'month',
  monthly: 'month',
  all: 'all',
  ever: 'all',
  alltime: 'all',
  overall: 'all',
};

function leaderboardPeriod(tokens: readonly string[]): ScorePeriod {
  for (const token of tokens) {
    const period = PERIOD_WORDS[token];
    if (period) return period;
  }
  return 'week';
}

function confidenceOf(candidate: TopicCandidate, read: ReadQuestion): number {
  const base =
    candidate.evidence === 'name' ? 0.6 + 0.4 * candidate.nameStrength : 0.35 + 0.4 * candidate.coverage;
  const unfamiliar = read.terms.filter((term) => term.kind !== 'known').length;
  return Math.max(0.05, Math.min(1, base - 0.05 * unfamiliar));
}

function round(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000;
}
