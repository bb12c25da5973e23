/** Longest question the tutor reads; anything after is ignored, not an error. */
export const MAX_QUESTION_CHARS = 500;

/**
 * Turns what a person typed, in Slack or a terminal, into plain text: Slack's markup for users,
 * channels and links becomes their label or nothing, so neither the question nor an echo of it
 * can ping `@channel` or carry a link.
 */
export function cleanQuestion(raw: string): string {
  return raw
    .replace(/<[@#!][^>]*>/g, (token) => {
      const label = /\|([^>]*)>$/.exec(token)?.[1];
      return token.startsWith('<#') && label ? label : ' ';
    })
    .replace(/<([^>|]*)\|([^>]*)>/g, '$2')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\b(?:https?|ftp|mailto|slack):\/?\/?\S+/gi, ' ')
    .replace(/[@＠!]+(?=\S)/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, ' ')
    .replace(/[&<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}
