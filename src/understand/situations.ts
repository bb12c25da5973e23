import { words } from '../knowledge/text.js';
import everydayData from './data/everyday-words.json' with { type: 'json' };

/**
 * Situations told as people tell them in chat ("someone deleted a prod bucket last night and i
 * need to find out who"), kept apart from the needs in the data files because their scene-setting
 * words (`last`, `night`, `need`, `find`) would count as need words: a word of English the notes
 * lack weighs double when a need uses it, so chat about Friday's weather would find a topic. Only
 * their words that are not everyday English (`deleted`, `prod`, `bucket`) say the need. The
 * everyday words are taken as listed, not with their inflections: `deleted` says what happened.
 */
const EVERYDAY = new Set(everydayData.words);

/** A situation needs this many words of its own left to say a need. */
const SITUATION_WORDS = 3;

/** The situations as needs: each one's words that are not everyday English, when enough are left. */
export function situationNeeds(situations: readonly string[] = []): string[] {
  const needs: string[] = [];
  for (const situation of situations) {
    const kept = words(situation).filter((word) => !EVERYDAY.has(word));
    if (kept.length >= SITUATION_WORDS) needs.push(kept.join(' '));
  }
  return needs;
}
