/**
 * A small seeded pseudo-random generator, so that everything the quiz "randomises" (option order,
 * which question is asked) is the same for the same seed: testable, and the same on every replica.
 */

/** cyrb53: a fast, well-mixed 53-bit hash of a string. */
export function hashString(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Eight hex digits of the hash of a string, for short stable ids. */
export function shortHash(text: string): string {
  return (hashString(text) % 4294967296).toString(16).padStart(8, '0');
}

/** mulberry32: a generator of numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator seeded by a string: the same string, the same sequence. */
export function seededRandom(seed: string): () => number {
  return mulberry32(hashString(seed) % 4294967296);
}

/** A shuffled copy (Fisher–Yates) using the given generator. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Index of a choice drawn with chance proportional to its weight; uniform when no weight is positive. */
export function weightedIndex(weights: readonly number[], random: () => number): number {
  const clean = weights.map((weight) => (Number.isFinite(weight) && weight > 0 ? weight : 0));
  const total = clean.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return Math.min(weights.length - 1, Math.floor(random() * weights.length));
  let point = random() * total;
  for (let i = 0; i < clean.length; i++) {
    point -= clean[i] ?? 0;
    if (point < 0 && (clean[i] ?? 0) > 0) return i;
  }
  // Rounding left a sliver: the last choice with weight.
  for (let i = clean.length - 1; i >= 0; i--) if ((clean[i] ?? 0) > 0) return i;
  return 0;
}
