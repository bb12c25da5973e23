import { definitionOf } from '../knowledge/definition.js';
import { phraseKey, stem, words } from '../knowledge/text.js';
import type { KnowledgeBase, Topic } from '../knowledge/types.js';
import { asksAboutEverydayLife, talksOfEverydayLife } from '../understand/chit-chat.js';
import type { EverydayWords } from '../understand/everyday-words.js';
import {
  namedCandidate,
  servicesAreSetting,
  type TopicCandidate,
  WHOLE_QUESTION,
} from '../understand/rank-topics.js';
import { COMMANDS_ASKED, type NameHit, type ReadQuestion } from '../understand/read-question.js';
import { type CloudService, TECHNOLOGY } from '../understand/service-catalogue.js';
import { COMPARING_MARKS, negatedBefore, STOPWORDS, YES_NO } from '../understand/stopwords.js';
import { tellsApart } from '../understand/telling-apart.js';
import { bestFitting } from '../understand/topic-fit.js';
import type { TopicIndex } from '../understand/topic-index.js';
import type { UncoveredMentions } from '../understand/uncovered-services.js';
import {
  defaultUnderstandingParts,
  Understanding,
  type UnderstandingParts,
} from '../understand/understanding.js';
import { ANSWER_MODEL, type AnswerModel, answerFeatures, bestFirst, predict } from './answer-model.js';
import { asksWhatAnUnknownThingIs, asksWhatItIs } from './asks-what-it-is.js';
import { cleanQuestion } from './clean-question.js';
import { COMMANDS } from './commands.js';
import { compareTopics } from './compare.js';
import { asksYesOrNo, CHOICE_MARKS, describedChoice } from './described-choice.js';
import { rankFacts, subPointsFor } from './rank-facts.js';
import {
  type ExplainReply,
  factView,
  type LeaderboardReply,
  type PassingMention,
  type Reply,
  type ScorePeriod,
  type TopicRef,
  type UnknownReply,
} from './reply.js';

export interface Tutor {
  /** Answers one question. Pure: the same question on the same notes gives the same reply. */
  answer(question: string): Reply;
  /** Explains one topic by its id (a "did you mean" or related-topic button); unknown for a stale id. */
  explainTopic(topicId: string): Reply;
  /**
   * The ids of the topics a reply to the question is about, best first, and of its "did you mean"s
   * when it says the notes don't cover it: all answering decides before it works out which facts
   * answer. The quiz's checks ask it thousands of times.
   */
  topicsOf(question: string): { topics: string[]; suggestions: string[] };
  readonly knowledge: KnowledgeBase;
}

const MAX_LEAD_FACTS = 3;
/**
 * A question that never names its topic learns what the topic is from the answer: a first bullet
 * this short (the notes' own definition, in the team's style) follows the fact that matched.
 */
const DEFINITION_CHARS = 200;
/** A fact scoring this share of the best answers the question as well as the best does. */
const AS_WELL = 0.95;
const MAX_REST_FACTS = 8;
const MAX_SUGGESTIONS = 3;
const MAX_RELATED = 3;
const RECENT_REPLIES = 500;
/**
 * Commands a question naming something the notes lack is never taken for: "dynamodb leaderboard"
 * and "how do sns topics work" ask about a thing, not for the scores or the topic list.
 */
const ABOUT_A_THING_NOT = new Set(['list', 'help', 'leaderboard', 'smalltalk']);
/** Words that tell where people stand against each other. */
const STANDING = new Set([
  'ahead',
  'behind',
  'beat',
  'beating',
  'overtake',
  'overtook',
  'overtaken',
  'rank',
  'ranked',
  'ranking',
  'points',
  'score',
  'scores',
  'leaderboard',
  'standings',
  'winning',
]);
/**
 * Words without one of which no request is for the standings: "honestly this week has been rough"
 * says `this week` as a leaderboard request would, and asks for no scores.
 */
const STANDINGS_ASKED = new Set([
  ...STANDING,
  'leaderboards',
  'scoreboard',
  'scorers',
  'scoring',
  'point',
  'ranks',
  'rankings',
  'standing',
  'stand',
  'table',
  'top',
  'lead',
  'leading',
  'leader',
  'leaders',
  'win',
  'winner',
  'won',
  'best',
  'most',
  'highest',
  'doing',
  'accuracy',
  'stats',
  'streak',
  'streaks',
  'place',
  'compare',
  'compared',
  'first',
  'board',
  'league',
  'competition',
]);

/**
 * Below this probability of being right, a guess from a topic that names a service the notes don't
 * cover, in passing, is more likely about that service than about the topic.
 */
const UNSURE_BESIDE_SERVICE = 0.6;
/** A topic naming such a service in passing must match more of a question's words than this. */
const WORDS_BESIDE_PASSING_SERVICE = 2;
/**
 * Below this probability of being right, a guess gives way to a service the notes lack whose needs
 * fit the question far better; such a "not covered" was right about three times in four on the
 * development sets (tests/fixtures/eval/hard/).
 */
const GUESS_BESIDE_NEED = 0.8;
const SOUNDS_LIKE_RIGHT = 0.75;
/**
 * How often the notes' topic on the counterpart of another cloud's service ("the aws equivalent of
 * azure functions") is what was asked: nine in ten on the counterparts tried
 * (tests/understand/counterparts.test.ts), a reply sure enough to give without "did you mean".
 */
const COUNTERPART_RIGHT = 0.9;
/**
 * How surely "what is redis", asked of notes all on Redis, is answered by the fact saying what it is:
 * right in all five fixture folders whose notes say it (tests/understand/notes-subject.test.ts), with
 * room for notes that say it less squarely. Where no fact says it, where the notes start is a guess,
 * offered as the closest match with the notes' next topics beside it.
 */
const INTRODUCED_RIGHT = 0.9;
const STARTING_POINT_RIGHT = 0.5;
/**
 * How often "what is X", where one bullet opens with the term X, is answered right by that bullet:
 * all 32 of the eval sets' questions of that form were, when it was set (tests/fixtures/eval).
 */
const ENTRY_RIGHT = 0.95;
/** Topics this close to the best one in score fit the question as well as it does. */
const TIE = 0.01;
/** A "did you mean" is a topic that accounts for a fair part of the question, not any topic at all. */
const SUGGESTION_SCORE = 0.25;

export function topicRef(topic: Topic): TopicRef {
  return { id: topic.id, title: topic.title };
}

/** A reply before the tutor says how sure it is. */
type Unrated<R> = R extends Reply ? Omit<R, 'confidence' | 'sure'> : never;

/** What the tutor needs that does not change between questions; built once, shared by tutors. */
export type TutorParts = UnderstandingParts;

export interface TutorOptions {
  /** How many recent replies to keep for repeated questions; 0 answers every question afresh. */
  recentReplies?: number;
  /** When to answer and how sure to be (data/answer-model.json); another model is for training. */
  model?: AnswerModel;
}

export function createTutor(
  knowledge: KnowledgeBase,
  parts: TutorParts = defaultUnderstandingParts(),
  options: TutorOptions = {},
): Tutor {
  const recentReplies = options.recentReplies ?? RECENT_REPLIES;
  const model = options.model ?? ANSWER_MODEL;
  const understanding = new Understanding(knowledge, parts);
  const { index, reader } = understanding;
  const topicsById = new Map(index.topics.map((topic) => [topic.id, topic]));
  /** Each topic's name as a phrase key, made by the first "not covered" reply that needs them. */
  let topicNameKeys: string[] | null = null;
  const refOf = (topic: number): TopicRef => {
    const found = index.topics[topic];
    if (!found) throw new Error(`no topic at ${topic}`);
    return topicRef(found);
  };

  /**
   * Topics whose whole name a service's name holds (`Docker` in `Docker Compose`): where the notes
   * come nearest to what they lack.
   */
  const topicsNamedInside = (services: readonly CloudService[]): TopicRef[] => {
    const serviceKeys = services.map((service) => ` ${phraseKey(service.name)} `);
    topicNameKeys ??= index.topics.map((topic) => phraseKey(topic.name));
    const nameKeys = topicNameKeys;
    return index.topics
      .filter((_, at) => {
        const name = nameKeys[at] ?? '';
        return name !== '' && serviceKeys.some((key) => key.includes(` ${name} `));
      })
      .slice(0, MAX_SUGGESTIONS)
      .map(topicRef);
  };

  const unknown = (
    question: string,
    candidates: TopicCandidate[],
    confidence: number,
    notCovered: UncoveredMentions | null = null,
    read: ReadQuestion | null = null,
  ): UnknownReply => {
    // A service the notes lack is no near miss of the topics that mention it in passing: those are
    // shown as where the notes mention it.
    const aboutService = notCovered !== null && notCovered.services.length > 0;
    // A near miss shares a word of the trade with the question: "what should we order for the team
    // dinner" is no "did you mean S3?" for the everyday words it shares with S3's notes.
    const sharing = read && !aboutService ? topicsSharingTradeWords(index, read, parts.everyday) : null;
    const suggestions = aboutService
      ? topicsNamedInside(notCovered.services)
      : candidates
          .filter((candidate) => candidate.score >= SUGGESTION_SCORE)
          .filter((candidate) => !sharing || sharing.has(candidate.topic))
          .slice(0, MAX_SUGGESTIONS)
          .map((candidate) => refOf(candidate.topic));
    // Where the notes name each, those the question's other words fit best first.
    const mentionedIn = aboutService
      ? notCovered.services.flatMap((service, at): PassingMention[] => {
          const naming = new Set(understanding.services.topicsNaming(service));
          if (naming.size === 0) return [];
          const topics = [
            ...new Set([
              ...candidates.map((candidate) => candidate.topic).filter((topic) => naming.has(topic)),
              ...naming,
            ]),
          ];
          return [
            {
              service: notCovered.names[at] ?? service.name,
              topics: topics.slice(0, MAX_SUGGESTIONS).map(refOf),
            },
          ];
        })
      : [];
    return {
      intent: 'unknown',
      question,
      topics: [],
      confidence: round(confidence),
      sure: confidence >= model.sure,
      suggestions,
      notCovered: notCovered?.names ?? [],
      mentionedIn,
    };
  };

  // Off while `topicsOf` answers: which topic a reply is about is settled before its facts are
  // ranked, and the quiz's checks need only that.
  let factsWanted = true;

  const explain = (
    question: string,
    candidate: TopicCandidate,
    read: ReadQuestion,
    confidence: number,
    alternatives: TopicCandidate[] = [],
    opening: { counterpartOf?: string; leadWith?: number } = {},
  ): ExplainReply => {
    const { counterpartOf, leadWith } = opening;
    const topic = index.topics[candidate.topic] as Topic;
    const ranked = factsWanted ? rankFacts(index, candidate.topic, read, parts.conceptNeeds) : [];
    const best = ranked[0]?.score ?? 0;
    const definition = { fact: definitionOf(topic), score: 0 };
    const matched = best > 0 ? ranked.filter((fact) => fact.score >= best * 0.6) : [definition];
    const wholeName = index.wholeNameStems[candidate.topic] ?? new Set<string>();
    // The counterpart of what was asked after opens with what it is: the question's words are the
    // other cloud's service's.
    const leading = !factsWanted
      ? []
      : counterpartOf
        ? [definition]
        : leadWith !== undefined
          ? [{ fact: leadWith, score: 0 }]
          : leadingFacts(
              topic,
              candidate.topic,
              read,
              matched,
              wholeName,
              definition,
              understanding.services.domainWords,
            );
    const leadIds = new Set(leading.map((fact) => fact.fact));
    // The rest of the topic: what else the question touches first, then the notes' order.
    const rest = ranked
      .filter((fact) => !leadIds.has(fact.fact))
      .slice(0, MAX_REST_FACTS)
      .flatMap((fact) => topic.facts[fact.fact] ?? []);
    const related = [...topic.related];
    for (const factId of factsWanted ? index.factsMentioning(candidate.topic) : []) {
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
      confidence: round(confidence),
      sure: confidence >= model.sure,
      topic: topicRef(topic),
      lead: leading.flatMap((ranked) => {
        const fact = topic.facts[ranked.fact];
        return fact
          ? [{ ...factView(fact), subPoints: subPointsFor(index, candidate.topic, fact, read) }]
          : [];
      }),
      rest: rest.map(factView),
      ...(counterpartOf ? { counterpartOf } : {}),
      source: { file: topic.source.file, heading: topic.title, line: topic.source.line },
      related: related
        .map((id) => topicsById.get(id))
        .filter((t): t is Topic => t !== undefined && t !== topic)
        .slice(0, MAX_RELATED)
        .map(topicRef),
      alternatives:
        confidence >= model.sure
          ? []
          : alternatives
              .filter((other) => other.topic !== candidate.topic && other.score >= SUGGESTION_SCORE)
              .slice(0, MAX_SUGGESTIONS)
              .map((other) => refOf(other.topic)),
    };
  };

  /** Stem of a word in headings' parentheses -> the topics whose parentheses hold it; made when first asked. */
  let categoryStems: Map<string, number[]> | null = null;
  const categoryTopics = (stemmed: string): number[] => {
    if (!categoryStems) {
      const byStem = new Map<string, number[]>();
      index.topics.forEach((topic, at) => {
        for (const category of topic.categories)
          for (const word of words(category)) {
            const topics = byStem.get(stem(word)) ?? [];
            if (!topics.includes(at)) topics.push(at);
            byStem.set(stem(word), topics);
          }
      });
      categoryStems = byStem;
    }
    return categoryStems.get(stemmed) ?? [];
  };

  /** The key terms a question uses that no name it says holds: `api versioning` is no term of its own. */
  const keyTermsOutsideNames = (read: ReadQuestion) =>
    understanding.keyTerms
      .in(read.tokens)
      .filter((term) => !read.names.some((hit) => hit.start <= term.start && term.end <= hit.end));

  /**
   * A topic the question sets against the one named, with `or` or `vs` between, by a word only its
   * heading's parentheses say (`catalog` of `Service discovery (catalog, DNS)`).
   */
  const describedAcross = (read: ReadQuestion, named: number[]): PartlyNamed[] => {
    const found: PartlyNamed[] = [];
    for (const term of read.terms) {
      if (term.nameOf !== null || term.word.length < 4) continue;
      const stemmed = stem(term.word);
      if (index.topicsNamedWith(stemmed).length > 0) continue;
      const [topic, ...more] = categoryTopics(stemmed);
      if (topic === undefined || more.length > 0 || named.includes(topic)) continue;
      const side = { topic, position: term.position };
      if (!found.some((other) => other.topic === topic) && choiceAcross(read, side)) found.push(side);
    }
    // Or by a bold term only that topic holds ("the change feed or point in time restore").
    for (const hit of keyTermsOutsideNames(read)) {
      if (named.includes(hit.topic) || found.some((other) => other.topic === hit.topic)) continue;
      const side = { topic: hit.topic, position: hit.start };
      if (choiceAcross(read, side)) found.push(side);
    }
    return found;
  };

  const commandConfidence = (intent: Reply['intent'], probability: number): number =>
    model.intents[intent] ?? probability;
  /**
   * Topics the question names by one distinctive word of their name only (`firehose` of `Amazon Data
   * Firehose`, `glacier` of `S3 Glacier`), words other topics' notes use too, so they are not names.
   */
  const partlyNamed = (read: ReadQuestion, named: number[]): PartlyNamed[] => {
    const found = new Map<number, number>();
    read.terms.forEach((term) => {
      if (term.nameOf !== null || term.word.length < 4) return;
      const namedWith = index.topicsNamedWith(stem(term.word));
      // `data` of `Amazon Data Firehose` says nothing of `Kinesis Data Streams` beside it.
      if (namedWith.some((topic) => named.includes(topic))) return;
      const [topic] = namedWith;
      if (namedWith.length === 1 && topic !== undefined && !found.has(topic)) found.set(topic, term.position);
    });
    return [...found].map(([topic, position]) => ({ topic, position }));
  };

  /**
   * The topic a choice offers beside the one topic named, by one distinctive word of its name right
   * after the `or` (`sqs standard or fifo for …`), or null.
   */
  const partlyNamedChoice = (read: ReadQuestion, named: number[]): number | null => {
    const [hit] = read.names;
    if (!hit) return null;
    // `sqs standard or fifo`, `cloud dns geolocation routing or a global load balancer`.
    const mark = read.tokens.findIndex(
      (token, at) => at >= hit.end && at <= hit.end + FAR_CHOICE_REACH && CHOICE_MARKS.has(token),
    );
    if (mark < 0) return null;
    // Further from the name, two words of the other's name together say it: `load balancer`.
    const wordsNeeded = mark === hit.end ? 1 : 2;
    let said = 0;
    let saidOf = -1;
    for (const term of read.terms) {
      if (term.position <= mark || term.position > mark + CHOICE_REACH + wordsNeeded - 1) continue;
      if (term.nameOf !== null) return null;
      const namedWith = term.word.length < 4 ? [] : index.topicsNamedWith(stem(term.word));
      const other = namedWith.length === 1 && !named.includes(namedWith[0] ?? -1) ? (namedWith[0] ?? -1) : -1;
      said = other < 0 ? 0 : other === saidOf ? said + 1 : 1;
      saidOf = other;
      if (said >= wordsNeeded) return other;
    }
    return null;
  };

  const command = (reply: Unrated<Reply>, probability: number): Reply => {
    const confidence = round(commandConfidence(reply.intent, probability));
    return { ...reply, confidence, sure: confidence >= model.sure } as Reply;
  };

  const answerAfresh = (question: string): Reply => {
    // Nothing typed, or a lone "?", asks what the tutor can do.
    if (!question || /^[?？\s]+$/.test(question)) {
      return { intent: 'help', question, topics: [], confidence: 1, sure: true, commands: COMMANDS };
    }
    // "👍", ":)" or "...": no word to look up, and no gap in the notes.
    if (words(question).length === 0) return { ...unknown(question, [], 1), smallTalk: true };
    const { read, candidates, uncovered } = understanding.understand(question);
    const named = [...new Set(read.names.map((hit) => hit.topic))];
    const probability = read.intent.probability;
    // "what is app mesh" or "how do sns topics work" asks about a thing: a question, not a command.
    // A number ("top 10") is no thing's name, and a number alone ("5") is no request.
    const isNumber = (word: string) => /^\d+$/.test(word);
    // Beside words of standing, an unknown word is a teammate ("am i still ahead of priya").
    const ofStanding =
      read.intent.intent === 'leaderboard' && read.tokens.some((token) => STANDING.has(token));
    const aboutAThing =
      uncovered.services.length > 0 ||
      (!ofStanding && read.terms.some((term) => term.kind === 'foreign' && !isNumber(term.word))) ||
      understanding.asksWhatATermIs(read);
    const onlyNumbers = read.tokens.length > 0 && read.tokens.every(isNumber);
    const intent =
      onlyNumbers || (aboutAThing && ABOUT_A_THING_NOT.has(read.intent.intent))
        ? 'explain'
        : read.intent.intent;
    // "who's top of the premier league" asks the standings of no quiz: a command about everyday life
    // that names nothing of the notes is chat (questions about it are weighed after ranking).
    const chat = COMMANDS_ASKED.has(intent) && named.length === 0 && asksAboutEverydayLife(read, index);
    if (chat) return { ...unknown(question, [], commandConfidence('unknown', probability)), smallTalk: true };
    switch (intent) {
      case 'smalltalk':
        // "hi, what is fargate" is a question with a greeting, and so is "thanks, and zookeeper?";
        // chat says little in the notes' words, so a question full of them is no chat either.
        if (named.length > 0 || aboutAThing || wordsOfTheNotes(read) >= NOT_CHAT_WORDS) break;
        return { ...unknown(question, [], commandConfidence('unknown', probability)), smallTalk: true };
      case 'help':
        return command({ intent: 'help', question, topics: [], commands: COMMANDS }, probability);
      case 'list':
        return command(
          {
            intent: 'list',
            question,
            topics: [],
            groups: knowledge.files
              .map((file) => ({
                file,
                topics: knowledge.topics.filter((topic) => topic.source.file === file).map(topicRef),
              }))
              .filter((group) => group.topics.length > 0),
          },
          probability,
        );
      case 'leaderboard':
        if (!read.tokens.some((token) => STANDINGS_ASKED.has(token)))
          return { ...unknown(question, [], commandConfidence('unknown', probability)), smallTalk: true };
        return command(
          {
            intent: 'leaderboard',
            question,
            topics: [],
            scope: leaderboardScope(read.tokens),
            period: leaderboardPeriod(read.tokens),
          },
          probability,
        );
      case 'quiz': {
        // "quiz me on app mesh" asks for a quiz on something the notes don't have.
        if (uncovered.services.length > 0 && named.length === 0)
          return unknown(question, candidates, model.uncovered, uncovered);
        // Only a quiz on something ("quiz me on encryption") is on the topic that fits those words.
        const confident = read.intent.saysMore
          ? candidates.find((candidate) => candidate.evidence !== 'weak')
          : undefined;
        const topic = named[0] ?? confident?.topic;
        return command(
          {
            intent: 'quiz',
            question,
            topics: topic === undefined ? [] : [refOf(topic)],
            topic: topic === undefined ? null : refOf(topic),
          },
          probability,
        );
      }
      case 'compare':
      case 'explain': {
        // "what is redis", of notes all on Redis: no topic is named for it, and where they say
        // what it is answers.
        const introduction = understanding.introductionAsked(read);
        if (introduction) {
          const { topic, fact, defined } = introduction;
          // The notes' next topics, not a pass over all of them: a folder may hold thousands.
          const next = defined
            ? []
            : Array.from({ length: Math.min(MAX_SUGGESTIONS + 1, index.topics.length) }, (_, at) => ({
                ...asCandidate(at),
                score: 1,
              }))
                .filter((other) => other.topic !== topic)
                .slice(0, MAX_SUGGESTIONS);
          const confidence = defined ? INTRODUCED_RIGHT : STARTING_POINT_RIGHT;
          return explain(question, asCandidate(topic), read, confidence, next, { leadWith: fact });
        }
        if (named.length === 0 && uncovered.services.length === 0 && asksWhatAnUnknownThingIs(read)) {
          return unknown(question, candidates, model.uncovered, null, read);
        }
        // The notes' topic standing in for what was asked after, titled as its counterpart.
        const counterpartReply = (topic: number, of: string | undefined) =>
          explain(
            question,
            candidates.find((found) => found.topic === topic) ?? asCandidate(topic),
            read,
            COUNTERPART_RIGHT,
            [],
            { counterpartOf: of },
          );
        const productCounterpart =
          uncovered.services.length === 0 ? understanding.namedProductCounterpart(read) : null;
        if (productCounterpart) return counterpartReply(productCounterpart.topic, productCounterpart.product);
        // "We're on mongodb atlas and want something aws native" asks for the counterpart, however
        // much else it says around the service.
        const counterpart =
          uncovered.services.length > 0 ? understanding.counterpartTopic(read, uncovered) : null;
        if (counterpart !== null) return counterpartReply(counterpart, uncovered.names[0]);
        if (uncovered.subject) return unknown(question, candidates, model.uncovered, uncovered);
        // Comparing takes two named topics; "compare" phrasing around one name is a question about it,
        // unless a word of another topic's name stands beside it ("kinesis data streams or firehose").
        const choiceOfPart = named.length === 1 ? partlyNamedChoice(read, named) : null;
        const partSides =
          intent === 'compare' && named.length === 1
            ? [...partlyNamed(read, named), ...describedAcross(read, named)]
            : [];
        const namedSides =
          partSides.length > 0
            ? [...named, ...partSides.map((side) => side.topic)]
            : choiceOfPart !== null
              ? [...named, choiceOfPart]
              : named;
        // Notes on ideas are compared by their terms ("etags and api versioning, how are they
        // different"): a topic's own bold term is a side when the question asks how things differ.
        const differ = asksHowTheyDiffer(read.tokens);
        const termTopics = differ ? keyTermsOutsideNames(read).map((term) => term.topic) : [];
        // "http caching: private vs public, whats the diff" compares two terms of the one topic named.
        const termSides =
          namedSides.length < 2 ? termTopics.filter((topic) => !namedSides.includes(topic)) : [];
        const sidesNamed = choiceBetween(read, [...new Set([...namedSides, ...termSides])]);
        // Sides the question describes rather than names ("a volume on the web server or a bucket").
        const describedSides = sidesNamed.length < 2 ? describedChoice(index, read, sidesNamed) : null;
        const sides = describedSides ?? sidesNamed;
        // A side named by one word of its name (`identity` of Identity and Access Management) is
        // a comparison only where the question says so.
        const asked =
          describedSides !== null ||
          differ ||
          choiceOfPart !== null ||
          read.intent.cued.has('compare') ||
          partSides.some((side) => choiceAcross(read, side) && frontRunner(candidates, side.topic)) ||
          offersAChoice(read) ||
          (wholeNames(read) === 2 && read.tokens.some((token) => BOTH_MARKS.has(token)));
        // An `or` elsewhere offers no choice between them: "… onto dedicated crypto hardware. is
        // that a thing on aws or am i dreaming" names two topics by a word each and compares nothing.
        const choice = asked || (intent === 'compare' && wholeNames(read) >= 2 && !othersAreObjects(read));
        // Names side by side are one thing said of another ("alb health checks", "deregistration
        // delay nlb"), compared only when the question says so.
        const oneOfTheOther =
          sidesAdjacent(read, sides) &&
          !differ &&
          !read.intent.cued.has('compare') &&
          !read.tokens.some((token) => CHOICE_MARKS.has(token));
        if (sides.length >= 2 && choice && !oneOfTheOther) {
          const confidence = round(commandConfidence('compare', probability));
          return compareTopics(
            index,
            sides.slice(0, 3),
            question,
            read,
            confidence,
            confidence >= model.sure,
          );
        }
      }
    }
    // "what are lists": the one bullet opening with the term is the notes' own answer. A topic's name
    // inside the term says less than the term: "what is a trust policy" asks about the bullet
    // opening with `**trust policy**`, not about IAM Policies.
    const entry = intent === 'explain' ? understanding.entryAsked(read) : null;
    const insideTerm = (hit: NameHit) =>
      entry !== null &&
      entry.start <= hit.start &&
      hit.end <= entry.end &&
      hit.end - hit.start < entry.end - entry.start;
    if (entry && read.names.every((hit) => hit.partial || insideTerm(hit))) {
      const candidate = candidates.find((found) => found.topic === entry.topic) ?? asCandidate(entry.topic);
      return explain(question, candidate, read, ENTRY_RIGHT, [], { leadWith: entry.fact });
    }
    // A topic the question names comes first, however little else of it the topic's facts cover.
    const ordered = cloudServiceFirst(subjectFirst(bestFirst(candidates), read), read, understanding);
    const best = ordered[0];
    if (!best) return unknown(question, candidates, model.intents.unknown ?? 1, null, read);
    const features = answerFeatures(read, ordered, uncovered.servicePositions);
    const right = predict(model.right, features);
    const unanswerable = predict(model.unanswerable, features);
    // A topic named in full ("… whatever we send to bedrock") is what the question is about: the
    // notes have it, so the reply answers it, as a guess when the model is unsure.
    const namedInFull = best.evidence === 'name' && !best.namedInPart && best.nameStrength >= 1;
    // Chat about a pizza place or the cat gets no guess, and no "the notes don't cover" either: the
    // tutor says what it is for. Nor does it get a sure answer from the few words it shares with the
    // notes ("any tips for keeping basil alive" and a bullet's "tips: … keep the connection alive").
    const everydayChat =
      best.evidence !== 'name' &&
      uncovered.services.length === 0 &&
      (right < model.sure || wordsOfTheNotes(read) < NOT_CHAT_WORDS) &&
      talksOfEverydayLife(read, index);
    if (everydayChat) return { ...unknown(question, [], unanswerable), smallTalk: true };
    if (right < model.answer && !namedInFull)
      return unknown(question, candidates, unanswerable, uncovered, read);
    // Chit-chat shares everyday words with any notes ("whats a good podcast for the commute" and
    // AppConfig's "good for A/B tests"): a guess resting on such words alone is not given. A topic
    // that accounts for the whole question ("what can i use for free in my first year") is no guess.
    if (
      best.evidence !== 'name' &&
      best.coverage < WHOLE_QUESTION &&
      onlyEverydayWords(read, parts.everyday, index)
    )
      return unknown(question, candidates, unanswerable, uncovered, read);
    // A guess beside a service the notes never name ("how does amazon personalize build product
    // recommendations") would teach something the notes do not hold, unless the service is only
    // the setting of a need described at length. So would an unsure one beside a service they name
    // only in passing ("how do i push a docker image to ecr" on notes that say CodeBuild pushes to ECR).
    // A technology the notes never name is the setting more often than not ("a bash script that
    // installs nginx"): it stops a guess only as the question's subject, above.
    if (
      best.evidence === 'weak' &&
      !servicesAreSetting(read) &&
      uncovered.services.some(
        (service) =>
          (service.provider !== TECHNOLOGY && !understanding.services.taughtInNotes(service)) ||
          (right < UNSURE_BESIDE_SERVICE &&
            !saysWithout(read.tokens, uncovered.positions) &&
            !understanding.services.isSetting(service)),
      )
    )
      return unknown(question, candidates, unanswerable, uncovered, read);
    // So would a guess on a topic that, besides naming such a service in passing, matches next to
    // nothing of the question ("quicksight embedded analytics pricing" on notes where Redshift says
    // BI tools like QuickSight plug into it), however sure the model is of it.
    if (
      best.evidence === 'weak' &&
      !servicesAreSetting(read) &&
      uncovered.services.some((service) => understanding.services.namedIn(best.topic, service)) &&
      best.matched - uncovered.positions.size <= WORDS_BESIDE_PASSING_SERVICE
    )
      return unknown(question, candidates, unanswerable, uncovered, read);
    // Several topics fit the words equally well: the honest reply is a choice, not a pick.
    const tied = ordered.filter((candidate) => best.score - candidate.score < TIE).length;
    if (best.evidence !== 'name' && tied > 2)
      return unknown(question, candidates, 1 - right, uncovered, read);
    // A guess at a need that sounds like a service the notes lack would teach the wrong service.
    // Needs weigh against needs: a guess on a topic with none of its own (`Docker`, no AWS
    // service) is set aside only when its facts say little of the question either.
    const guessHasNeeds = (index.topicNeeds.get(best.topic)?.length ?? 0) > 0;
    if (named.length === 0 && (guessHasNeeds || best.evidence === 'weak') && right < GUESS_BESIDE_NEED) {
      const soundsLike = understanding.soundsLikeUncovered(read, uncovered.services.length > 0);
      if (soundsLike) {
        const reply = unknown(question, candidates, SOUNDS_LIKE_RIGHT, uncovered, read);
        // A service the question names is what it asks about, before what its need sounds like.
        return uncovered.services.length > 0 ? reply : { ...reply, soundsLike: soundsLike.name };
      }
    }
    // Whether the notes answer is settled; which of the front runners answers, their fit says.
    const answering = bestFitting(ordered, read) ?? best;
    return explain(
      question,
      answering,
      read,
      right,
      ordered.filter((candidate) => candidate !== answering),
    );
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

  const topicsOf = (question: string): { topics: string[]; suggestions: string[] } => {
    factsWanted = false;
    try {
      const reply = answerAfresh(cleanQuestion(typeof question === 'string' ? question : ''));
      return {
        topics: reply.topics.map((topic) => topic.id),
        suggestions: reply.intent === 'unknown' ? reply.suggestions.map((topic) => topic.id) : [],
      };
    } finally {
      factsWanted = true;
    }
  };

  const explainTopic = (topicId: string): Reply => {
    const topicIndex = index.topics.findIndex((topic) => topic.id === topicId);
    const topic = index.topics[topicIndex];
    if (!topic) return answer(topicId.replace(/-/g, ' '));
    const read = reader.read(topic.name);
    return explain(topic.title, namedCandidate(topicIndex), read, 1);
  };

  return { answer, explainTopic, topicsOf, knowledge };
}

/** "docker on one server, or do i need ecs": an `or` between two named topics asks which to pick. */
/** How many topics the question names by a whole name, typos forgiven. */
function wholeNames(read: ReadQuestion): number {
  return new Set(read.names.filter((hit) => !hit.partial).map((hit) => hit.topic)).size;
}

/**
 * Chat ("did u guys watch the game last night lol") shares at most a few everyday words with the
 * notes; "someone deleted our prod server last night, how do we find out who did it" shares this
 * many or more.
 */
const NOT_CHAT_WORDS = 5;

/** How many of the question's words the notes use themselves, not only through a bridge. */
function wordsOfTheNotes(read: ReadQuestion): number {
  return read.terms.filter((term) => term.kind === 'known' && !term.bridged).length;
}

/**
 * Words that ask how two things differ or relate, whatever names them; `vs` is left to the names
 * beside it, since a bullet quoted back ("clinician vs patient") has it too.
 */
const DIFFER = new Set([
  'difference',
  'differences',
  'different',
  'differ',
  'differs',
  'diff',
  'compare',
  'compared',
  'comparison',
  'relate',
  'together',
  'interact',
  'interplay',
]);
/** "the same thing", "same idea": asks whether two things are one. */
const SAME = new Set(['thing', 'things', 'idea', 'concept']);

/** "etags and api versioning, how are they different", "is lag the same thing as the offset". */
function asksHowTheyDiffer(tokens: readonly string[]): boolean {
  return tokens.some(
    (token, at) =>
      (DIFFER.has(token) && !tellsApart(tokens, at)) || (token === 'same' && SAME.has(tokens[at + 1] ?? '')),
  );
}

/**
 * An `or` between the first topic named and the next other one: "the cur data export or anomaly
 * detection" names the first topic twice before the choice. Or a question opening on `when` that
 * asks it again of the other: "when should we run an a/b test and when should we just set up a
 * merchandising rule".
 */
function offersAChoice(read: ReadQuestion): boolean {
  const [first] = read.names;
  const second = read.names.find((hit) => first && hit.topic !== first.topic);
  if (!first || !second) return false;
  const lastOfFirst = read.names.filter((hit) => hit.topic === first.topic && hit.end <= second.start).at(-1);
  const between = read.tokens.slice(lastOfFirst?.end ?? first.end, second.start);
  const whenAgain =
    read.tokens[0] === 'when' &&
    between.some((token, at) => (token === 'and' || token === 'or') && between[at + 1] === 'when');
  return whenAgain || between.some((token) => CHOICE_MARKS.has(token));
}

/** A topic a question names by one distinctive word of its name, and where it says the word. */
interface PartlyNamed {
  topic: number;
  position: number;
}

/**
 * An `or` between the one topic named and a word naming another: "is a plain custom training job
 * enough or should we wrap it in a kfp pipeline" chooses between training and pipelines.
 */
function choiceAcross(read: ReadQuestion, side: PartlyNamed): boolean {
  const [hit] = read.names;
  if (!hit) return false;
  const [from, to] = side.position < hit.start ? [side.position + 1, hit.start] : [hit.end, side.position];
  for (let at = from; at < to; at++)
    if (CHOICE_MARKS.has(read.tokens[at] ?? '') && !asksYesOrNo(read.tokens, at)) return true;
  return false;
}

/** How many of the best candidates a side named by one word of its name must be among. */
const FRONT_RUNNERS = 3;

/** Whether the topic is among the best candidates (ranked best first): the question is about it too. */
function frontRunner(candidates: readonly TopicCandidate[], topic: number): boolean {
  return candidates.slice(0, FRONT_RUNNERS).some((candidate) => candidate.topic === topic);
}

/** How many words may stand between a choice's `or` and the names it chooses between. */
const CHOICE_REACH = 3;
/**
 * How far after the one topic named an `or` may offer another named by two words of its name:
 * "should i use cloud cdn for our product images or is the load balancer on its own fast enough".
 */
const FAR_CHOICE_REACH = 5;

/**
 * The two topics named on either side of an `or` or `vs` when the question names more: "we have 4
 * vpcs now. should we keep doing vpc peering or move to transit gateway" chooses between peering
 * and Transit Gateway; the VPCs are where the choice is made.
 */
function choiceBetween(read: ReadQuestion, sides: number[]): number[] {
  if (sides.length < 3) return sides;
  for (const [at, token] of read.tokens.entries()) {
    if (!CHOICE_MARKS.has(token)) continue;
    const before = read.names.filter((hit) => hit.end <= at && sides.includes(hit.topic)).at(-1);
    const after = read.names.find((hit) => hit.start > at && sides.includes(hit.topic));
    if (!before || !after || before.topic === after.topic) continue;
    // "or move to transit gateway", "or a privatelink endpoint": the names stand next to the choice.
    if (at - before.end < CHOICE_REACH && after.start - at <= CHOICE_REACH)
      return [before.topic, after.topic];
  }
  return sides;
}

/** Words that bring in what a thing is measured against: "as big as sqs", "cheaper than ebs". */
const MEASURED_AGAINST = new Set(['than', 'as', 'like']);

/** Words that bring in what a subject does something to or with: "read from sqs", "deliver to lambda". */
const OBJECT_MARKS = new Set(['to', 'from', 'into', 'onto', 'with', 'via', 'through']);

/**
 * A yes-no question about its subject, the other topics it names only what the subject works
 * with ("can lambda read from sqs and sns", "does sns charge extra for delivering to sqs queues
 * and lambdas"): it asks about the subject, however like "A and B" it reads.
 */
function othersAreObjects(read: ReadQuestion): boolean {
  const { tokens, names } = read;
  const [subject] = names;
  if (!subject || !YES_NO.has(tokens[0] ?? '') || subject.start > subjectReach(tokens)) return false;
  const mark = tokens.findIndex((token, at) => at >= subject.end && OBJECT_MARKS.has(token));
  return (
    mark >= 0 &&
    names.every((hit) => hit.topic === subject.topic || hit.start > mark) &&
    names.some((hit) => hit.topic !== subject.topic)
  );
}

/** How far into a yes-no question its subject's name starts: "can lightsail", "does amazon mq". */
const SUBJECT_REACH = 2;
/** Words between `it` and `to` that frame what is asked: "is it ok to", "is it a good idea to". */
const FRAMING_WORDS = 3;

/**
 * How far into a yes-no question its subject's name may start: after the framing of "is it ok to
 * rebase main" or "is it a good idea to …", the verb asked about opens it.
 */
function subjectReach(tokens: readonly string[]): number {
  if (tokens[1] !== 'it') return SUBJECT_REACH;
  const to = tokens.indexOf('to', 2);
  return to > 0 && to <= 2 + FRAMING_WORDS ? to + 1 : SUBJECT_REACH;
}

/**
 * Of two topics a question names, one brought in only as the measure of the other ("can amazon mq
 * grow as big as sqs") is not what it asks about, nor one named only in the purpose a need serves;
 * and a yes-no question is about its subject ("can lightsail run docker containers" asks about
 * Lightsail, though Docker's facts say more of containers).
 */
function subjectFirst(ordered: TopicCandidate[], read: ReadQuestion): TopicCandidate[] {
  const [best] = ordered;
  if (best?.evidence !== 'name') return ordered;
  const headed = headedBy(ordered, read);
  if (headed && headed !== best) return [headed, ...ordered.filter((candidate) => candidate !== headed)];
  const hits = (topic: number) => read.names.filter((hit) => hit.topic === topic);
  const measure = (topic: number) =>
    hits(topic).length > 0 &&
    hits(topic).every((hit) => MEASURED_AGAINST.has(read.tokens[hit.start - 1] ?? ''));
  // "where do i keep my container images so ecs can pull them": what the images are for names ECS;
  // the topic that meets the need is the answer.
  const forPurpose = (topic: number) =>
    hits(topic).length > 0 && hits(topic).every((hit) => inPurpose(read.tokens, hit.start));
  if (forPurpose(best.topic)) {
    const meets = ordered.find(
      (candidate) =>
        candidate !== best &&
        (candidate.evidence === 'content' || (candidate.evidence === 'name' && !forPurpose(candidate.topic))),
    );
    if (meets) return [meets, ...ordered.filter((candidate) => candidate !== meets)];
  }
  // "what's a secondary index in dynamodb": the topic the question asks in is its setting, the one
  // named before it what it asks about.
  const setting = (topic: number) =>
    hits(topic).length > 0 &&
    hits(topic).every((hit) => SETTING_OPENERS.has(read.tokens[hit.start - 1] ?? ''));
  if (setting(best.topic)) {
    const firstBest = hits(best.topic)[0]?.start ?? 0;
    const asked = ordered.find(
      (candidate) =>
        candidate !== best &&
        candidate.evidence === 'name' &&
        hits(candidate.topic).some((hit) => hit.end <= firstBest) &&
        !setting(candidate.topic),
    );
    if (asked) return [asked, ...ordered.filter((candidate) => candidate !== asked)];
  }
  if (!measure(best.topic)) return yesNoSubjectFirst(ordered, read);
  const subject = ordered.find(
    (candidate) =>
      candidate.evidence === 'name' &&
      candidate !== best &&
      hits(candidate.topic).length > 0 &&
      !measure(candidate.topic),
  );
  return subject ? [subject, ...ordered.filter((candidate) => candidate !== subject)] : ordered;
}

/** Words that put what a question asks inside a topic it names after them: "… in dynamodb". */
const SETTING_OPENERS = new Set(['in', 'on', 'inside', 'within', 'using']);

/** The most words before a colon or a dash that still head a question rather than open it. */
const HEADING_WORDS = 4;

/**
 * The topic a question's heading names in full, set apart before it asks ("eb deploys: which option
 * keeps us at full capacity…"): the question is about it, though a word of another topic's name
 * (`option` of EC2 Pricing Options) and more of that topic's words follow.
 */
function headedBy(ordered: TopicCandidate[], read: ReadQuestion): TopicCandidate | undefined {
  if (read.leadLength === 0 || read.leadLength > HEADING_WORDS) return undefined;
  const topics = new Set(
    read.names
      .filter((hit) => !hit.partial && hit.strength >= 1 && hit.end <= read.leadLength)
      .map((hit) => hit.topic),
  );
  if (topics.size !== 1) return undefined;
  const [topic] = topics;
  return ordered.find((candidate) => candidate.topic === topic && candidate.evidence === 'name');
}

/** Words a purpose clause's subject does something with: "so ecs can pull them". */
const PURPOSE_VERBS = new Set(['can', 'could', 'will', 'would', 'may', 'might']);
/** A purpose clause comes after the need it serves: this many words at least. */
const NEED_BEFORE_PURPOSE = 3;

/** A name opening a purpose clause: "so ecs can …", "so that lambda will …". */
function inPurpose(tokens: readonly string[], nameStart: number): boolean {
  const so =
    tokens[nameStart - 1] === 'that' && tokens[nameStart - 2] === 'so' ? nameStart - 2 : nameStart - 1;
  if (tokens[so] !== 'so' || so < NEED_BEFORE_PURPOSE) return false;
  return tokens.slice(nameStart + 1, nameStart + 4).some((token) => PURPOSE_VERBS.has(token));
}

/** The topic named in full right after a yes-no question's verb, first among the named ones. */
function yesNoSubjectFirst(ordered: TopicCandidate[], read: ReadQuestion): TopicCandidate[] {
  if (!YES_NO.has(read.tokens[0] ?? '')) return ordered;
  const [first] = read.names
    .filter((hit) => !hit.partial && hit.strength >= 1)
    .sort((a, b) => a.start - b.start);
  if (!first || first.start > subjectReach(read.tokens) || first.topic === ordered[0]?.topic) return ordered;
  const subject = ordered.find(
    (candidate) => candidate.topic === first.topic && candidate.evidence === 'name',
  );
  return subject ? [subject, ...ordered.filter((candidate) => candidate !== subject)] : ordered;
}

/**
 * A question asking for one of the notes' cloud's services ("i've got docker containers and a couple
 * of ec2 boxes, what aws service ties them together") is answered by the best topic on such a
 * service: the topics on none (Docker) are the setting, no candidates.
 */
function cloudServiceFirst(
  ordered: TopicCandidate[],
  read: ReadQuestion,
  understanding: Understanding,
): TopicCandidate[] {
  const [best] = ordered;
  if (best?.evidence !== 'name' || understanding.onCloudService(best.topic)) return ordered;
  if (!understanding.asksForCloudService(read)) return ordered;
  const services = ordered.filter((candidate) => understanding.onCloudService(candidate.topic));
  return services.length > 0 ? services : ordered;
}

/** "cloudwatch and x-ray, do i need both": two topics named with one of these are weighed together. */
const BOTH_MARKS = new Set(['both', 'either']);

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

/** A topic no word of the question matched, as the ranking would list it. */
function asCandidate(topic: number): TopicCandidate {
  return {
    topic,
    score: 0,
    nameStrength: 0,
    namedInPart: false,
    coverage: 0,
    plainCoverage: 0,
    matched: 0,
    evidence: 'weak',
  };
}

function round(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000;
}

/**
 * The words of the question the notes know are all everyday English in their own right, and nothing
 * in it is a name, a service, or a word of the trade that English lacks: nothing says it is about
 * the notes.
 */
function onlyEverydayWords(read: ReadQuestion, everyday: EverydayWords, index: TopicIndex): boolean {
  if (read.terms.some((term) => term.jargon || term.service || term.nameOf !== null)) return false;
  const known = read.terms.filter((term) => term.kind === 'known');
  // Everyday words the notes write side by side (`roll back`, `scale out`) are a phrase of the trade.
  const knownStems = new Set(known.map((term) => stem(term.word)));
  if (read.pairs.some(([a, b]) => knownStems.has(a) && knownStems.has(b) && index.hasPhrase(a, b)))
    return false;
  // A word the notes know only through a bridge to a word of the trade (`shrink` for resize) is not.
  return known.length > 0 && known.every((term) => !term.bridged && everyday.has(term.word));
}

/** A bridge at least this strong says what an everyday word plainly means in the trade. */
const PLAIN_MEANING = 0.6;

/**
 * The topics that dwell on a word of the question that is not everyday English, or on what an
 * everyday word of it plainly means in the trade.
 */
function topicsSharingTradeWords(
  index: TopicIndex,
  read: ReadQuestion,
  everyday: EverydayWords,
): Set<number> {
  const topics = new Set<number>();
  for (const term of read.terms) {
    if (term.nameOf !== null) topics.add(term.nameOf);
    if (term.kind !== 'known') continue;
    // An everyday word counts only for what it plainly means in the trade (`spare capacity` for spot),
    // not for itself nor for a loose relation (`best` for optimal).
    const plain = !term.jargon && everyday.has(term.word);
    for (const [stemmed, weight] of term.stems) {
      if (plain && (weight < PLAIN_MEANING || weight === 1)) continue;
      for (const topic of index.topicsDwellingOn(stemmed)) topics.add(topic);
    }
  }
  return topics;
}

/**
 * Whether two sides' names stand next to each other, at most one word between them that joins no
 * two things: "lambda triggers pre token generation" names a trigger, where "lambda and sqs" joins.
 */
function sidesAdjacent(read: ReadQuestion, sides: readonly number[]): boolean {
  const ofSides = read.names.filter((hit) => sides.includes(hit.topic));
  const between = (hit: NameHit, other: NameHit) => read.tokens.slice(hit.end, other.start);
  const joinsNothing = (hit: NameHit, other: NameHit) =>
    other.start >= hit.end &&
    between(hit, other).length <= 1 &&
    between(hit, other).every((word) => !STOPWORDS.has(word) && !JOINING.has(word));
  return ofSides.some((hit) =>
    ofSides.some((other) => other.topic !== hit.topic && joinsNothing(hit, other)),
  );
}

/** Words besides the stopwords (`and`, `or`, `vs`, `with`) that join two things set side by side. */
const JOINING = new Set(['plus', 'against', 'n']);

/** How far before a service's name a negation says the question does without it. */
const NEGATION_REACH = 3;

/**
 * "containers on aws where i dont provision ec2": a service the question says it does without is
 * the setting of what it asks, not what it asks about.
 */
function saysWithout(tokens: readonly string[], positions: ReadonlySet<number>): boolean {
  return [...positions].some((position) => negatedBefore(tokens, position, NEGATION_REACH));
}

/** The facts an answer leads with: what the question asks, and what the topic is when that helps. */
function leadingFacts(
  topic: Topic,
  topicIndex: number,
  read: ReadQuestion,
  matched: { fact: number; score: number }[],
  wholeName: ReadonlySet<string>,
  definition: { fact: number; score: number },
  field: ReadonlySet<string>,
): { fact: number; score: number }[] {
  if (asksWhatItIs(read, topicIndex, wholeName, field)) return [definition];
  if (!introducesTopic(topic, topicIndex, read, matched, definition.fact))
    return matched.slice(0, MAX_LEAD_FACTS);
  // Two facts that answer about equally well both come before what the topic is.
  const [first, second] = matched;
  const before = first && second && second.score >= AS_WELL * first.score ? 2 : 1;
  const opening = matched.slice(0, before);
  // The second fact that answers as well may be the definition itself: it is said once.
  if (opening.some((fact) => fact.fact === definition.fact)) return matched.slice(0, MAX_LEAD_FACTS);
  return [
    ...opening,
    definition,
    ...matched.slice(before).filter((fact) => fact.fact !== definition.fact),
  ].slice(0, MAX_LEAD_FACTS);
}

/** Whether an answer on a topic the question never names should also say what the topic is. */
function introducesTopic(
  topic: Topic,
  topicIndex: number,
  read: ReadQuestion,
  matched: readonly { fact: number }[],
  definitionAt: number,
): boolean {
  const definition = topic.facts[definitionAt];
  if (!definition || read.names.some((hit) => hit.topic === topicIndex)) return false;
  if (matched[0]?.fact === definitionAt) return false;
  return [definition.text, ...definition.subPoints].join(' ').length <= DEFINITION_CHARS;
}
