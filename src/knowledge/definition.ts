import { stem, VENDOR_WORDS, words } from './text.js';
import type { Fact, Topic } from './types.js';

/** Words that open nothing but a scene: "suppose, if we use ec2 server, …", "traditionally …". */
const SCENE_WORDS =
  "suppose|supposing|imagine|let'?s say|let us say|back when|traditionally|in the old days|consider";

/**
 * A bullet that opens on a scene and nothing else (`if` and `when` open plain facts as often: "if a
 * task fails, it is retried"): its words say what the topic replaces more than the topic.
 */
export const OPENS_ON_SCENE = new RegExp(`^\\s*(?:${SCENE_WORDS}|say we)\\b`, 'i');

/**
 * Openings that set a scene rather than say what the topic is: "suppose, if we use ec2 server, we
 * have virtual servers … which may result in slow and complicated" is why Lambda exists, not what
 * it is.
 */
const SETS_A_SCENE = new RegExp(`^(?:${SCENE_WORDS}|say|if|when|before)\\b`, 'i');

/**
 * The fact that says what a topic is: the notes' first bullet, as teams write them, unless it sets
 * a scene; then the first bullet that names the topic ("**Lambda -no servers** where we just have
 * virtual functions"), else the first that sets no scene.
 */
export function definitionOf(topic: Topic): number {
  const opensWithScene = (fact: Fact) => SETS_A_SCENE.test(fact.text.trim());
  if (!topic.facts[0] || !opensWithScene(topic.facts[0])) return 0;
  const nameStems = new Set(
    words([topic.name, ...topic.aliases].join(' '))
      .filter((word) => !VENDOR_WORDS.has(word))
      .map(stem),
  );
  const naming = topic.facts.findIndex(
    (fact) => !opensWithScene(fact) && words(fact.text).some((word) => nameStems.has(stem(word))),
  );
  if (naming >= 0) return naming;
  const plain = topic.facts.findIndex((fact) => !opensWithScene(fact));
  return Math.max(plain, 0);
}

/**
 * The key term a bullet opens with (`**Spot Instances** : use spare capacity`): the notes' entry for
 * that term. None when the bullet opens otherwise.
 */
export function entryTerm(fact: Fact): string | undefined {
  const [term] = fact.keyTerms;
  return term && fact.text.startsWith(term) ? term : undefined;
}

/**
 * The term a bullet is the notes' entry for when it opens with the term, or with an article and
 * then the term: `an **executor** is the environment a job runs in` answers "what is an executor".
 * Only what a question asks after is read so: a topic that merely opens a bullet with `a **job**` is
 * no more about jobs than one mentioning them.
 */
export function askedEntryTerm(fact: Fact): string | undefined {
  const entry = entryTerm(fact);
  if (entry) return entry;
  const [term] = fact.keyTerms;
  const article = ARTICLE_OPENING.exec(fact.text)?.[0];
  return term && article && fact.text.startsWith(term, article.length) ? term : undefined;
}

/** An article a bullet may open with before the term it is the entry for. */
const ARTICLE_OPENING = /^(?:an?|the)\s+/i;
