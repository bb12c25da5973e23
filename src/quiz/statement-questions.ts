import { stem, words } from '../knowledge/text.js';
import type { Topic } from '../knowledge/types.js';
import { nearestStatement, neighboursOf, type QuizContext, quote, statementsOf } from './context.js';
import type { QuestionDraft } from './draft.js';
import { seededRandom, shuffled } from './random.js';
import { optionText, type Statement, sayMuchTheSame, saysLittleAlone } from './statements.js';

/** An option longer than this is a paragraph to read four times over. */
const MAX_OPTION_CHARS = 150;

/** A statement fit to be shown as an option: not too long, and not an instruction ("Scale containers…"). */
function showable(statement: Statement): string | null {
  const text = optionText(statement);
  if (!text || text.length > MAX_OPTION_CHARS || statement.instruction) return null;
  return text;
}

interface Foreign {
  statement: Statement;
  text: string;
  closeness: number;
}

/**
 * Statements of confusable topics that are not true of `topic`: each tells something particular
 * of its own topic, says no "not" (a "no servers" is true of many), and is neither said in
 * `topic`'s notes nor what the engine would take for it, and is pinned to its own topic, by its name
 * only for a topic `short` of questions. One per neighbour, none from a sibling; which of a
 * neighbour's statements is drawn by `seed`, so questions on one topic do not all share them.
 */
function foreignStatements(
  context: QuizContext,
  topic: Topic,
  avoid: readonly Statement[],
  count: number,
  seed: string,
  short: boolean,
): Foreign[] {
  const random = seededRandom(seed);
  const chosen: Foreign[] = [];
  let ownWords: string[] | null = null;
  // An option naming its own topic (`these batch jobs`) tells a learner where it comes from,
  // unless `topic`'s notes name that topic too (Rebase's notes say commits, as Commits' do).
  const givesItsTopicAway = (candidate: Foreign) => {
    const owner = candidate.statement.topic.id;
    if (!context.names.namesAnyhow(candidate.text, owner)) return false;
    ownWords ??= words(topic.facts.flatMap((fact) => [fact.text, ...fact.subPoints]).join(' ')).map(stem);
    return !context.names.namedIn(ownWords, owner);
  };
  const candidates: Foreign[][] = neighboursOf(context, topic).map((neighbour) =>
    shuffled(
      statementsOf(context, neighbour.topic).flatMap((statement) => {
        const text = showable(statement);
        if (!text || statement.generic || saysLittleAlone(statement)) return [];
        return [{ statement, text, closeness: neighbour.closeness }];
      }),
      random,
    ),
  );
  for (const list of candidates) {
    if (chosen.length === count) break;
    const others = [...avoid, ...chosen.map((item) => item.statement)];
    const found = list.find(
      (candidate) =>
        pinned(candidate.statement) &&
        candidate.closeness < SIBLING &&
        // For a topic short of questions, an easy question teaches more than none.
        (short || !givesItsTopicAway(candidate)) &&
        !others.some((other) => sayMuchTheSame(other, candidate.statement)) &&
        !chosen.some((item) => item.text === candidate.text) &&
        context.fit.mayFit(candidate.statement, topic) === null,
    );
    if (found) chosen.push(found);
  }
  return chosen;
}

/**
 * A topic this close is a sibling (ECS and EKS, VPC and its security groups): much of what is said
 * of one is true of the other in fact, if not in the notes, so no wrong statement comes from one.
 */
const SIBLING = 0.85;

/**
 * A statement pinned to its topic by a figure or a key term (`400KB`, `**Multi AZ**`). Notes are
 * never complete: "Containers can be hosted on EC2 or Fargate" is said of EKS but true of Docker
 * too; a wrong option says something that belongs to its own topic by name or number.
 */
function pinned(statement: Statement): boolean {
  return statement.keyTerms.length > 0 || /\d/.test(statement.plain);
}

function label(context: QuizContext, topic: Topic): string {
  return context.names.label(topic.id);
}

/** Why a statement of another topic is not true of `topic`. */
function notItsWhy(context: QuizContext, foreign: Statement, topic: Topic): string {
  const owner = `that is ${label(context, foreign.topic)} (${quote(foreign)}), not ${label(context, topic)}`;
  const near = nearestStatement(context, foreign, topic);
  return near ? `${owner}, whose notes say ${quote(near)}` : owner;
}

/**
 * "Which of these is true of Lambda?": the statement and three of related topics. `short`: the
 * topic is short of questions, and may take options that are easier to rule out.
 */
export function trueOfQuestion(
  context: QuizContext,
  statement: Statement,
  short = false,
): QuestionDraft | null {
  const text = showable(statement);
  // A claim every managed service makes is true, but teaches nothing about this one.
  if (!text || statement.generic || statement.sharedClaim) return null;
  const topic = statement.topic;
  const wrong = foreignStatements(context, topic, [statement], 3, statement.key, short);
  if (wrong.length < 3) return null;
  return {
    kind: 'true-of',
    topic,
    idPart: 'true',
    idKey: statement.key,
    stem: `Which of these is true of ${label(context, topic)}?`,
    right: { text, why: `the notes on ${label(context, topic)}: ${quote(statement)}` },
    wrong: wrong.map((item) => ({ text: item.text, why: notItsWhy(context, item.statement, topic) })),
    line: statement.fact.line,
    closeness: wrong.reduce((sum, item) => sum + item.closeness, 0) / wrong.length,
  };
}

/**
 * "Which of these is NOT true of Lambda?": three of the topic's statements (the `variant`th set of
 * its most teaching ones) and one of a related topic; `short` as for `trueOfQuestion`.
 */
export function notTrueOfQuestion(
  context: QuizContext,
  topic: Topic,
  variant: number,
  short = false,
): QuestionDraft | null {
  const own = statementsOf(context, topic).filter((statement) => showable(statement) !== null);
  const telling = own.filter((statement) => !statement.generic);
  const pool = telling.length >= 3 ? telling : own;
  if (pool.length < 3) return null;
  const truths: Statement[] = [];
  for (let i = 0; truths.length < 3 && i < pool.length; i++) {
    const candidate = pool[(i + variant * 3) % pool.length] as Statement;
    if (!truths.includes(candidate) && !truths.some((other) => sayMuchTheSame(other, candidate)))
      truths.push(candidate);
  }
  if (truths.length < 3) return null;
  const [odd] = foreignStatements(context, topic, truths, 1, `${topic.id}\u0000${variant}`, short);
  if (!odd) return null;
  return {
    kind: 'not-true-of',
    topic,
    idPart: 'not',
    idKey: [odd.statement.topic.id, odd.statement.key, ...truths.map((truth) => truth.key).sort()].join(
      '\u0000',
    ),
    stem: `Which of these is NOT true of ${label(context, topic)}?`,
    right: { text: odd.text, why: notItsWhy(context, odd.statement, topic) },
    wrong: truths.map((statement) => ({
      text: showable(statement) as string,
      why: `true: the notes on ${label(context, topic)} say ${quote(statement)}`,
    })),
    line: truths[0]?.fact.line ?? topic.source.line,
    closeness: odd.closeness,
  };
}
