import { askedEntryTerm } from '../knowledge/definition.js';
import { stem, VENDOR_WORDS, words } from '../knowledge/text.js';
import type { Fact } from '../knowledge/types.js';
import type { ConceptNeeds } from '../understand/concept-needs.js';
import { CORRECTED, type QueryTerm, type ReadQuestion, sharedPairs } from '../understand/read-question.js';
import { STOPWORDS } from '../understand/stopwords.js';
import { countIn, type TopicIndex } from '../understand/topic-index.js';
import { askedAnswerTypes, askedOutright, factAnswerTypes, labelledAnswerType } from './answer-types.js';

/**
 * The notes' own entry for the term a question asks about outranks the facts that only mention it:
 * a long entry (sub-points and all) still leads a short bullet naming the term in passing.
 */
const ENTRY_BONUS = 1.6;

/**
 * A fact that says more of what was asked answers more of it: each of the question's words a fact
 * matches beyond the first adds this share, so two plain words together can outrank one rare word
 * alone (search engines call it coordination).
 */
const EACH_MORE_TERM = 0.1;

/** Stems of the verbs that open a definition. */
const DEFINING_VERBS = new Set(['is', 'are', 'mean']);

/**
 * The topic's own name says nothing of which of its facts a question wants; a longer name for it
 * (`global tables` of DynamoDB, from the service catalogue) or one part of a name of several
 * things (`NACLs` of `Security Groups & NACLs`) does.
 */
function namesWholeTopic(
  term: QueryTerm,
  topic: number,
  wholeName: ReadonlySet<string>,
  read: ReadQuestion,
): boolean {
  if (term.nameOf !== topic) return false;
  if (stemsInTopic(term, topic).some(([stemmed]) => wholeName.has(stemmed))) return true;
  // `cloud trail` is `CloudTrail` written in two words, `amazon work mail` is `WorkMail`: no word
  // of them asks for a fact.
  return read.names.some(
    (hit) =>
      hit.topic === topic &&
      hit.start <= term.position &&
      term.position < hit.end &&
      wholeName.has(stem(withoutVendor(read.tokens.slice(hit.start, hit.end)).join(''))),
  );
}

/** A name as written without the vendor before it: `amazon work mail` is `work mail`. */
function withoutVendor(tokens: string[]): string[] {
  const first = tokens.findIndex((token) => !VENDOR_WORDS.has(token));
  return first <= 0 ? tokens : tokens.slice(first);
}

/**
 * The question's words but those naming the topic: the `cost` of `Cost Explorer` asks for no price
 * in "how far back can cost explorer go".
 */
function withoutNameOf(read: ReadQuestion, topic: number): string[] {
  const naming = read.names.filter((hit) => hit.topic === topic);
  if (naming.length === 0) return read.tokens;
  return read.tokens.filter((_, at) => !naming.some((hit) => hit.start <= at && at < hit.end));
}

/** Facts of a topic ordered by how well they answer the question; unmatched facts score 0. */
export function rankFacts(
  index: TopicIndex,
  topic: number,
  read: ReadQuestion,
  concepts?: ConceptNeeds,
): { fact: number; score: number }[] {
  const first = index.firstFact[topic] ?? 0;
  const last = index.firstFact[topic + 1] ?? index.facts.length;
  const scored: { fact: number; score: number }[] = [];
  const wholeName = index.wholeNameStems[topic] ?? new Set<string>();
  // A stem the question uses itself is not credited again through another word's bridge
  // (`key value tables`: `value` bridges to `key` and `table`, which are already there). A typo
  // corrected (`secrect`) is the word itself.
  const ownStems = new Set(
    read.terms.flatMap((term) =>
      stemsInTopic(term, topic)
        .filter(([, weight]) => weight >= CORRECTED)
        .map(([s]) => s),
    ),
  );
  const asked = read.terms.filter((term) => !namesWholeTopic(term, topic, wholeName, read));
  // The stems a need can share with the question, found once: most needs share too few to weigh.
  const askable = new Set(
    asked.flatMap((term) =>
      [...term.stems]
        .filter(([stemmed, weight]) => weight >= CORRECTED || !ownStems.has(stemmed))
        .map(([stemmed]) => stemmed),
    ),
  );
  const askedStems = asked.map((term) => stemsInTopic(term, topic));
  const expansion = needWords(index, topic, asked, ownStems);
  const asking = withoutNameOf(read, topic);
  const wanted = askedAnswerTypes(asking);
  const wantedOutright = askedOutright(asking);
  const typeBonus = ANSWER_TYPE_WORD * index.idf('\u0000');
  const topicFacts = index.topics[topic]?.facts ?? [];
  for (let f = first; f < last; f++) {
    const fact = index.facts[f];
    if (!fact) continue;
    let score = 0;
    let termsMatched = 0;
    for (const [at, term] of asked.entries()) {
      if (term.nameOf !== null && fact.mentions.includes(term.nameOf)) {
        score += index.idf(stem(term.word));
        termsMatched++;
        continue;
      }
      let best = 0;
      for (const [stemmed, weight] of askedStems[at] ?? []) {
        if (weight < CORRECTED && ownStems.has(stemmed)) continue;
        const count = countIn(fact, stemmed);
        if (count === 0) continue;
        const saturation = saturated(count, fact.length, index.averageFactLength);
        const keyBonus = fact.keyStems.includes(stemmed) ? 1.3 : 1;
        best = Math.max(best, index.idf(stemmed) * weight * saturation * keyBonus);
      }
      score += best;
      if (best > 0) termsMatched++;
    }
    for (const stemmed of expansion) {
      const count = countIn(fact, stemmed);
      if (count === 0) continue;
      score += index.idf(stemmed) * NEED_WORD * saturated(count, fact.length, index.averageFactLength);
    }
    if (score > 0) {
      score *= 1 + EACH_MORE_TERM * Math.max(0, termsMatched - 1);
      score *= 1 + 0.25 * Math.min(2, sharedPairs(read.pairs, index.sequenceOf(f)));
      const notesFact = topicFacts[f - first];
      // The entry for `trace` answers "what's in a trace", not "can i search traces by customer id":
      // a question mostly about other words asks about the term only in passing.
      if (termsMatched * 2 >= asked.length) {
        if (notesFact && opensWithAskedTerm(notesFact, ownStems)) score *= ENTRY_BONUS;
        else if (definesAQueryWord(index, f, read, topic, notesFact)) score *= 1.3;
      }
    }
    if (concepts)
      score += FEATURE_NEED * featureNeedMatch(index, concepts, topic, f, asked, ownStems, askable);
    const typedFact = wanted.size > 0 ? topicFacts[f - first] : undefined;
    if (typedFact) {
      const held = factAnswerTypes(typedFact);
      if ([...wanted].some((type) => held.has(type))) score += typeBonus;
      // The notes' entry for that kind of answer (`pricing: per minute of antenna time`) answers it
      // more squarely than a fact with a cost in it (`cost tracker in the SDK`).
      const labelled = labelledAnswerType(typedFact);
      if (labelled && wantedOutright.has(labelled)) score += typeBonus;
    }
    scored.push({ fact: f - first, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.fact - b.fact);
}

/** A term's stems, with the notes' spelling of a misspelt name's word among the named topic's facts. */
function stemsInTopic(term: QueryTerm, topic: number): [string, number][] {
  const stems = [...term.stems];
  if (term.spelledAs && term.nameOf === topic) stems.push([term.spelledAs, CORRECTED]);
  return stems;
}

/** How much a question saying the need a fact's feature meets counts, of its best need's words. */
const FEATURE_NEED = 0.5;
/** A feature's need shares at least this many of the question's words to speak for its fact. */
const FEATURE_SHARED_WORDS = 3;

/** The concepts each fact names, other than those its topic's heading names; found once a fact. */
const namedConcepts = new WeakMap<TopicIndex, (readonly number[] | undefined)[]>();

function conceptsNamedIn(
  index: TopicIndex,
  concepts: ConceptNeeds,
  topic: number,
  fact: number,
): readonly number[] {
  let byFact = namedConcepts.get(index);
  if (!byFact) {
    byFact = [];
    namedConcepts.set(index, byFact);
  }
  let named = byFact[fact];
  if (!named) {
    const own = new Set(concepts.conceptsOf(index.topics[topic] ?? { name: '', aliases: [] }));
    named = concepts.namedIn(index.sequenceOf(fact)).filter((at) => !own.has(at));
    byFact[fact] = named;
  }
  return named;
}

/**
 * How well the question says a need met by a feature the fact names (`**visibility timeout**`: "a
 * slow worker's message gets picked up by a second one"): the best need's shared words, weighed
 * like the question's own words; nothing below three shared words.
 */
function featureNeedMatch(
  index: TopicIndex,
  concepts: ConceptNeeds,
  topic: number,
  fact: number,
  asked: readonly QueryTerm[],
  ownStems: ReadonlySet<string>,
  askable: ReadonlySet<string>,
): number {
  let best = 0;
  for (const concept of conceptsNamedIn(index, concepts, topic, fact)) {
    for (const stems of concepts.needStems(concept)) {
      if (!sharesAtLeast(stems, askable, FEATURE_SHARED_WORDS)) continue;
      const { score, shared } = needMatch(index, stems, asked, ownStems);
      if (shared >= FEATURE_SHARED_WORDS && score > best) best = score;
    }
  }
  return best;
}

/** Whether at least `least` different stems of a need are among the question's. */
function sharesAtLeast(stems: readonly string[], askable: ReadonlySet<string>, least: number): boolean {
  let found = 0;
  for (let at = 0; at < stems.length; at++) {
    const stemmed = stems[at] as string;
    if (askable.has(stemmed) && stems.indexOf(stemmed) === at && ++found >= least) return true;
  }
  return false;
}

/**
 * How many of a need's words the question says, and their weight (idf, times a bridge's share). A
 * need's word the question says itself is not said again through another word's bridge: `single`
 * bridged to `several` adds nothing to a question that says `several`.
 */
function needMatch(
  index: TopicIndex,
  stems: readonly string[],
  asked: readonly QueryTerm[],
  ownStems: ReadonlySet<string>,
): { score: number; shared: number } {
  // `ram` and `usage`, both bridged to `memory`, say one of the need's words, not two.
  const said = new Map<string, number>();
  for (const term of asked) {
    let termBest = 0;
    let termStem = '';
    for (const [stemmed, weight] of term.stems) {
      if (weight < CORRECTED && ownStems.has(stemmed)) continue;
      if (stems.includes(stemmed) && index.idf(stemmed) * weight > termBest) {
        termBest = index.idf(stemmed) * weight;
        termStem = stemmed;
      }
    }
    if (termBest > (said.get(termStem) ?? 0)) said.set(termStem, termBest);
  }
  let score = 0;
  for (const value of said.values()) score += value;
  return { score, shared: said.size };
}

/** BM25's term saturation: a word said again counts less each time, and less in a long fact. */
function saturated(count: number, length: number, averageLength: number): number {
  return (count * 2.2) / (count + 1.2 * (0.25 + (0.75 * length) / averageLength));
}

/**
 * A fact holding the kind of answer the question asks for ("how far back": a span of time) counts
 * as if it had half of the rarest word: enough to lead among facts the question's words match
 * alike, not to outrank one that says what was asked.
 */
const ANSWER_TYPE_WORD = 0.5;

/** A word of the need a question describes counts this much of one of the question's own words. */
const NEED_WORD = 0.3;
/** A need shares at least this many of the question's words to say what the question is about. */
const NEED_SHARED_WORDS = 2;

/**
 * The other words of the topic's need that best matches the question: "email me when cpu stays above
 * 80%" is the need for an "alarm when cpu goes over 80 percent", so CloudWatch's fact on alarms
 * answers it though the question never says `alarm`.
 */
function needWords(index: TopicIndex, topic: number, asked: QueryTerm[], ownStems: Set<string>): string[] {
  let best = 0;
  let bestNeeds: number[] = [];
  for (const need of index.topicNeeds.get(topic) ?? []) {
    // A need has a handful of words: a look along them costs less than a set made per question.
    const { score, shared } = needMatch(index, index.needStems[need] ?? [], asked, ownStems);
    if (shared < NEED_SHARED_WORDS || score < best) continue;
    if (score > best) bestNeeds = [];
    best = score;
    bestNeeds.push(need);
  }
  // A question on one of its service's features competes with the needs, its everyday words and all.
  let bestQuestions: string[][] = [];
  for (const stems of index.featureQuestions.get(topic) ?? []) {
    const { score, shared } = needMatch(index, stems, asked, ownStems);
    if (shared < NEED_SHARED_WORDS || score < best) continue;
    if (score > best) {
      bestNeeds = [];
      bestQuestions = [];
    }
    best = score;
    bestQuestions.push(stems);
  }
  const asks = new Set(asked.flatMap((term) => [...term.stems.keys()]));
  const found = new Set<string>();
  for (const stems of [...bestNeeds.map((need) => index.needStems[need] ?? []), ...bestQuestions]) {
    for (const stemmed of stems) if (!ownStems.has(stemmed) && !asks.has(stemmed)) found.add(stemmed);
  }
  return [...found];
}

/**
 * A bullet that opens with a key term (`**ALB**(Application Load Balancer) - layer 7`, `**pricing**:
 * pay per request`) is the notes' entry for that term: it defines the term a question asks about.
 */
function opensWithAskedTerm(fact: Fact, asked: ReadonlySet<string>): boolean {
  const termStems = entryStems(fact);
  // The whole term: `microsecond reads in key value tables` asks nothing of `Global Tables`.
  return termStems.length > 0 && termStems.every((stemmed) => asked.has(stemmed));
}

/** A fact's opening key term as stems, read once a fact; none when the fact opens otherwise. */
const entries = new WeakMap<Fact, string[]>();

function entryStems(fact: Fact): string[] {
  let stems = entries.get(fact);
  if (!stems) {
    const term = askedEntryTerm(fact);
    stems = term
      ? words(term)
          .filter((word) => !STOPWORDS.has(word))
          .map(stem)
      : [];
    entries.set(fact, stems);
  }
  return stems;
}

/**
 * A term and what it is, in notes' shorthand: `sidecar = helper container`, `annotations r indexed`
 * (`is`, `are` and `means` are read from the fact's words, `r` is no word of them).
 */
const TERM_EQUALS = /^([\p{L}\p{N}-]+)\s*(?:=|:|\sr\s)/iu;

/**
 * `Containers are lightweight` and `sidecar = helper container in the same pod` define the
 * `container` or `sidecar` a question asks about.
 */
function definesAQueryWord(
  index: TopicIndex,
  factId: number,
  read: ReadQuestion,
  topic: number,
  fact: Fact | undefined,
): boolean {
  const sequence = index.sequenceOf(factId);
  const verbAt = sequence.slice(0, 3).findIndex((stemmed) => DEFINING_VERBS.has(stemmed));
  const opening = fact ? TERM_EQUALS.exec(fact.text)?.[1] : undefined;
  const subject = verbAt >= 1 ? (sequence[verbAt - 1] ?? '') : opening ? stem(opening.toLowerCase()) : '';
  if (!subject) return false;
  return read.terms.some((term) => term.nameOf !== topic && (term.stems.get(subject) ?? 0) >= CORRECTED);
}

/**
 * A leading fact's sub-points with those the question asks about first (`3 classes:` asked about
 * Deep Archive leads with Deep Archive's line), the rest after them in the notes' order.
 */
export function subPointsFor(index: TopicIndex, topic: number, fact: Fact, read: ReadQuestion): string[] {
  if (fact.subPoints.length < 2) return fact.subPoints;
  const wholeName = index.wholeNameStems[topic] ?? new Set<string>();
  const askedStems = read.terms
    .filter((term) => !namesWholeTopic(term, topic, wholeName, read))
    .map((term) => stemsInTopic(term, topic));
  const scored = fact.subPoints.map((text, at) => {
    const stems = new Set(words(text).map(stem));
    let score = 0;
    for (const termStems of askedStems) {
      let best = 0;
      for (const [stemmed, weight] of termStems) {
        if (stems.has(stemmed)) best = Math.max(best, index.idf(stemmed) * weight);
      }
      score += best;
    }
    return { text, at, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.at - b.at).map((point) => point.text);
}
