/**
 * Words that carry no subject: function words, question words and chat filler. They still count
 * for telling intents apart (`who`, `my`), never for finding a topic.
 */
export const STOPWORDS = new Set(
  `a about above after again against all also am an and any anything are as at be because been before being
  below between both but by can cant could did didnt do does doesnt doing done dont down during each
  else etc even ever every few for from further get gets getting give go goes going got had has have
  having he her here hers herself him himself his how however i id ie if ill im in into is isnt it its
  itself ive just kind lets like many me might more most much must my myself need needs of off on once
  only or other our ours ourselves out over own please pls plz quick quickly really same say shall she
  should so some something such tell than that thats the their theirs them themselves then there these
  they theres theyre theyve thing things this those through thx to too u ur r under until up upon us
  use used uses using very via vs versus want wanna was way we wed weve well were rather what whats when where
  wheres which while who hows heres whom whos why will with would yeah yes yet you your youre youve
  youll youd yours yourself yourselves hi hey hello thanks thank ok okay explain explained explanation
  basics basic mean means meaning define definition overview describe summary summarize called call
  know stuff ones rn btw tbh imo imho fyi idk ngl nvm afaik iirc tho thru lol ty smth cuz coz bc`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that say "not": a question with one matches a note that says "do not need". */
export const NEGATIONS = new Set(
  `no not dont donot doesnt didnt isnt arent wasnt werent wont cant cannot shouldnt wouldnt couldnt
  mustnt neednt hasnt havent hadnt aint without never nor neither non`
    .split(/\s+/)
    .filter(Boolean),
);

/** The stem every negation word shares, so "don't provision" finds "do not need to provision". */
export const NEGATION = '~not';

/** Whether a negation stands within `reach` words before `position`: "without having to patch". */
export function negatedBefore(tokens: readonly string[], position: number, reach: number): boolean {
  for (let j = Math.max(0, position - reach); j < position; j++) {
    if (NEGATIONS.has(tokens[j] ?? '')) return true;
  }
  return false;
}

/** The articles, which may stand before a thing's name: "what is a dag", "the eks console". */
export const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** Verbs a yes-no question opens with, before what it asks about: "is X a good fit for …". */
export const YES_NO = new Set(['is', 'are', 'does', 'do', 'can', 'will', 'should', 'would', 'could']);

/**
 * Words that ask a yes-or-no question of the subject after them with the verb in its plain form:
 * "does aws support ...", "can amazon connect ...". After `is`, the word is no such verb.
 */
export const AUXILIARIES = new Set([
  'does',
  'do',
  'did',
  'can',
  'will',
  'should',
  'would',
  'could',
  'doesnt',
  'dont',
  'didnt',
  'cant',
  'wont',
]);

/**
 * Words that set the names on either side against each other: "ecs vs app runner". An `or` only
 * offers a choice, which the notes may still answer on their side of it.
 */
export const COMPARING_MARKS: ReadonlySet<string> = new Set(['vs', 'versus', 'v']);
