import { STOPWORDS } from '../understand/stopwords.js';

/**
 * The question reduced to what it asks about, so the same question in other words groups together:
 * `What is AWS Glue?`, `what's glue` and `glue??` all give `aws glue` or `glue`. Lower case, accents
 * and punctuation gone, function words and filler dropped (all of them, when nothing else is left,
 * are kept), the rest in order.
 */
export function questionKey(question: string): string {
  const words = question
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const meaningful = words.filter((word) => !STOPWORDS.has(word));
  return (meaningful.length > 0 ? meaningful : words).join(' ');
}
