/**
 * What may follow `different` when it asks how things differ ("how are they different", "different
 * from", "what's different between"); before a noun it only tells things apart ("how many different
 * prices can one subscription hold", "a different region") and asks no comparison.
 */
const AFTER_DIFFERENT = new Set([
  'from',
  'than',
  'to',
  'between',
  'and',
  'or',
  'in',
  'at',
  'when',
  'if',
  'about',
  'really',
]);

/** Whether the `different` at `at` tells things apart ("different limits") rather than asking how they differ. */
export function tellsApart(tokens: readonly string[], at: number): boolean {
  const next = tokens[at + 1];
  return tokens[at] === 'different' && next !== undefined && !AFTER_DIFFERENT.has(next);
}
