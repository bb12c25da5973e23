import { stem, words } from '../knowledge/text.js';
import type { Topic } from '../knowledge/types.js';
import type { CompareReply } from '../tutor/reply.js';
import { neighboursOf, type QuizContext, quote, statementsOf, whyNotTopic } from './context.js';
import type { QuestionDraft } from './draft.js';
import type { Neighbour } from './neighbours.js';
import { type Statement, saysLittleAlone } from './statements.js';

const WRONG_OPTIONS = 3;
/** A question longer than this is hard to read on a phone. */
export const MAX_STEM_CHARS = 260;

/**
 * Subjects on which services are told apart: two facts on one of them that say different things
 * are a contrast, even without a "not".
 */
const FACETS = new Set(
  `price pricing pay paid cost billed charge provision provisioned latency durability size limit capacity
  backup backups replica replicas replication failover throughput retention`
    .split(/\s+/)
    .map((word) => stem(word)),
);

/** The wrong options for a statement asked as "which of these…?": confusable topics it is not true of. */
function wrongTopics(
  context: QuizContext,
  statement: Statement,
  exclude: ReadonlySet<string>,
  count: number,
): Neighbour[] {
  const chosen: Neighbour[] = [];
  const labels = new Set([context.names.label(statement.topic.id).toLowerCase()]);
  for (const neighbour of neighboursOf(context, statement.topic)) {
    if (chosen.length === count) break;
    const label = context.names.label(neighbour.topic.id).toLowerCase();
    if (exclude.has(neighbour.topic.id) || labels.has(label)) continue;
    if (context.fit.mayFit(statement, neighbour.topic) !== null) continue;
    labels.add(label);
    chosen.push(neighbour);
  }
  return chosen;
}

/**
 * Whether the engine, on all the notes, points to the statement's topic, to a topic it names (which
 * is then no option), or to none (each wrong option is still checked against the answer alone).
 */
function enginePointsToIt(context: QuizContext, statement: Statement): { ok: boolean; top?: string } {
  const top = context.fit.engineTop(statement);
  if (top === undefined) return { ok: true };
  if (top === statement.topic.id) return { ok: true, top };
  return { ok: context.names.names(statement.plain, top), top };
}

function rightWhy(context: QuizContext, statement: Statement): string {
  return `the notes on ${context.names.label(statement.topic.id)}: ${quote(statement)}`;
}

function closenessOf(neighbours: readonly { closeness: number }[]): number {
  return neighbours.reduce((sum, neighbour) => sum + neighbour.closeness, 0) / Math.max(1, neighbours.length);
}

/** "Which of these supports RESTful APIs…?" with four topics as options. */
export function whichServiceQuestion(context: QuizContext, statement: Statement): QuestionDraft | null {
  if (!statement.which || statement.generic || saysLittleAlone(statement)) return null;
  if (statement.which.length > MAX_STEM_CHARS) return null;
  const engine = enginePointsToIt(context, statement);
  if (!engine.ok) return null;
  const exclude = new Set(engine.top && engine.top !== statement.topic.id ? [engine.top] : []);
  const wrong = wrongTopics(context, statement, exclude, WRONG_OPTIONS);
  if (wrong.length < WRONG_OPTIONS) return null;
  return {
    kind: 'which-service',
    topic: statement.topic,
    idPart: 'fact',
    idKey: statement.key,
    stem: statement.which,
    right: { text: context.names.label(statement.topic.id), why: rightWhy(context, statement) },
    wrong: wrong.map((neighbour) => ({
      text: context.names.label(neighbour.topic.id),
      why: whyNotTopic(context, statement, neighbour.topic),
    })),
    line: statement.fact.line,
    closeness: closenessOf(wrong),
  };
}

/** Two statements on one subject that say different things, one of each topic. */
export interface Contrast {
  asked: Statement;
  other: Statement;
  subject: string;
}

function statementOfFact(context: QuizContext, topic: Topic, text: string | undefined): Statement | null {
  if (!text) return null;
  return statementsOf(context, topic).find((statement) => statement.fact.text === text) ?? null;
}

/**
 * The facets on which two topics differ, from the answering engine's comparison: a subject both
 * have a fact on, where one says "not" and the other does not, or where the subject is one that
 * tells services apart (pricing, provisioning, scaling…) and the facts share little else.
 */
export function contrastsOf(context: QuizContext, topic: Topic, other: Topic): Contrast[] {
  const reply = context.tutor.answer(`${topic.name} vs ${other.name}`);
  if (reply.intent !== 'compare') return [];
  const compare = reply as CompareReply;
  const sides = compare.sides.map((side) => side.topic.id);
  const mine = sides.indexOf(topic.id);
  const theirs = sides.indexOf(other.id);
  if (mine < 0 || theirs < 0) return [];
  const contrasts: Contrast[] = [];
  for (const subject of compare.shared) {
    const asked = statementOfFact(context, topic, subject.facts[mine]?.text);
    const said = statementOfFact(context, other, subject.facts[theirs]?.text);
    if (!asked || !said || saysLittleAlone(asked) || said.sharedClaim) continue;
    const subjectStems = new Set(words(subject.subject).map(stem));
    const common = [...said.telling].filter((s) => asked.telling.has(s)).length;
    const overlap = common / Math.max(1, new Set([...asked.telling, ...said.telling]).size);
    const facet = [...subjectStems].some((s) => FACETS.has(s));
    if ((said.negative && overlap < 0.5) || (facet && overlap < 0.2))
      contrasts.push({ asked, other: said, subject: subject.subject });
  }
  return contrasts;
}

/** "Which of these needs you to provision…?", with the topic that differs on it among the options. */
export function compareQuestion(context: QuizContext, contrast: Contrast): QuestionDraft | null {
  const { asked, other } = contrast;
  if (!asked.which || asked.generic || asked.which.length > MAX_STEM_CHARS) return null;
  if (context.names.names(asked.plain, other.topic.id) || context.fit.sameFamily(asked.topic, other.topic))
    return null;
  // The topic it is contrasted with is a wrong option too: the engine, on the two alone, must not
  // take the statement for that one's ("writes are slower than ElastiCache" under MemoryDB).
  if (context.fit.enginePrefers(asked, other.topic)) return null;
  const engine = enginePointsToIt(context, asked);
  if (!engine.ok) return null;
  const partner = neighboursOf(context, asked.topic).find(
    (neighbour) => neighbour.topic.id === other.topic.id,
  );
  if (!partner) return null;
  const exclude = new Set([
    other.topic.id,
    ...(engine.top && engine.top !== asked.topic.id ? [engine.top] : []),
  ]);
  const rest = wrongTopics(context, asked, exclude, WRONG_OPTIONS - 1);
  if (rest.length < WRONG_OPTIONS - 1) return null;
  const contrastWhy = other.negative
    ? `no: its notes say ${quote(other)}`
    : `on ${contrast.subject} its notes say ${quote(other)}`;
  return {
    kind: 'compare',
    topic: asked.topic,
    idPart: 'compare',
    idKey: `${asked.key}\u0000${other.topic.id}`,
    stem: asked.which,
    right: { text: context.names.label(asked.topic.id), why: rightWhy(context, asked) },
    wrong: [
      { text: context.names.label(other.topic.id), why: contrastWhy },
      ...rest.map((neighbour) => ({
        text: context.names.label(neighbour.topic.id),
        why: whyNotTopic(context, asked, neighbour.topic),
      })),
    ],
    line: asked.fact.line,
    closeness: closenessOf([partner, ...rest]),
  };
}
