import { definitionOf } from '../knowledge/definition.js';
import { phraseKey, VENDOR_WORDS } from '../knowledge/text.js';
import type { Topic } from '../knowledge/types.js';

/** Where notes all on one product introduce it. */
export interface SubjectIntroduction {
  topic: number;
  /** The fact within the topic that says what the product is, or that the topic opens with. */
  fact: number;
  /**
   * Whether a fact says what the product is ("Redis is an in-memory data structure server"); where
   * none does, the notes' first topic on it is only where they start.
   */
  defined: boolean;
}

/** Words that ask for no more than what a thing is: "what's redis good for", "an intro to redis". */
export const ASKS_WHAT_IT_IS = new Set([
  'good',
  'intro',
  'introduction',
  'overview',
  'summary',
  'purpose',
  'point',
  'basics',
]);

/**
 * What follows a product's name opening a fact that says what it is: `Redis is`, `Atlas =`; not
 * `Route 53 is also a domain registrar`, one more thing it is.
 */
const DEFINES = /^\s+(?:is|are)\s(?!also\b)|^\s*[=:]\s/;

/** A fact's text as read for its opening words: lower case, without markup or a vendor's name. */
function opening(text: string): string {
  let plain = text.toLowerCase().replace(/[*_`]/g, '').trimStart();
  for (let vendor = /^([a-z]+)\s+/.exec(plain); vendor && VENDOR_WORDS.has(vendor[1] ?? ''); ) {
    plain = plain.slice(vendor[0].length);
    vendor = /^([a-z]+)\s+/.exec(plain);
  }
  return plain;
}

/**
 * Where notes on a product (`redis-ops.md`, all about Redis) introduce it, no topic being named for
 * the product itself: the topic whose opening fact says what it is ("Redis is …", `Amazon MSK =
 * …`), else their first topic on no other product they are about (`Consul Service Discovery`,
 * not `Nomad Jobs`, in notes on both).
 */
export function introductionOf(
  topics: readonly Topic[],
  names: readonly string[],
  otherProducts: readonly string[],
): SubjectIntroduction | null {
  const first = topics[0];
  if (!first) return null;
  for (const [at, topic] of topics.entries()) {
    // A topic's opening fact: further down, `Consul is the CA` says what Consul does in one setting.
    const fact = definitionOf(topic);
    const plain = opening(topic.facts[fact]?.text ?? '');
    if (names.some((name) => plain.startsWith(name) && DEFINES.test(plain.slice(name.length))))
      return { topic: at, fact, defined: true };
  }
  const own = topics.findIndex((topic) =>
    phraseKey(topic.name)
      .split(' ')
      .every((word) => !otherProducts.includes(word)),
  );
  const topic = Math.max(own, 0);
  return { topic, fact: definitionOf(topics[topic] ?? first), defined: false };
}
