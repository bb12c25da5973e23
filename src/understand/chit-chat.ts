import { stem } from '../knowledge/text.js';
import type { ReadQuestion } from './read-question.js';
import type { TopicIndex } from './topic-index.js';

/**
 * Things people chat about in a team channel that no cloud notes are about: food, pets, films,
 * books, sport. Words with a cloud sense are left out (`recipe` is an image recipe, `book` a slot,
 * `weekend` a maintenance window, `lunch` a lunch break spent on a question, `match` and `score`
 * the leaderboard's).
 */
const EVERYDAY_LIFE = new Set([
  'pizza',
  'ramen',
  'sushi',
  'burger',
  'burgers',
  'tacos',
  'sandwich',
  'sandwiches',
  'salad',
  'pasta',
  'noodles',
  'curry',
  'burrito',
  'snacks',
  'dessert',
  'dinner',
  'breakfast',
  'restaurant',
  'restaurants',
  'coffee',
  'beer',
  'wine',
  'bread',
  'cake',
  'banana',
  'movie',
  'movies',
  'film',
  'novel',
  'books',
  'song',
  'songs',
  'playlist',
  'podcast',
  'netflix',
  'cat',
  'dog',
  'puppy',
  'kitten',
  'couch',
  'sofa',
  'vacation',
  'birthday',
  'wedding',
  'girlfriend',
  'boyfriend',
  'football',
  'soccer',
  'basketball',
  'baseball',
  'cricket',
  'rugby',
  'tennis',
  'golf',
  'hockey',
  'league',
  'premier',
  'tournament',
  'championship',
  'olympics',
  'nba',
  'nfl',
  'fifa',
  'cup',
  'commute',
  'sourdough',
  'baking',
  'oven',
  'pancakes',
  'soup',
  'chocolate',
  'lasagna',
  'omelette',
  'smoothie',
  'basil',
  'tomatoes',
  'houseplant',
  'houseplants',
  'succulent',
  'succulents',
  'windowsill',
  'gardening',
  'lawn',
  'haircut',
  'laundry',
  'knitting',
  'yoga',
  'gym',
  'workout',
  'hiking',
  'camping',
  'guitar',
  'piano',
  'horoscope',
  'hamster',
  'parrot',
  'goldfish',
]);

/**
 * Whether the question talks of everyday life in a word these notes never use ("can you recommend
 * a good pizza place near the office"): a guess from the notes would answer something not asked.
 */
export function talksOfEverydayLife(read: ReadQuestion, index: TopicIndex): boolean {
  return saysAWordOf(EVERYDAY_LIFE, read, index);
}

/**
 * Words of a sporting fixture. Questions on the notes use them too ("which rule matches the
 * header"), so they say chat only in a request for the standings, the topics or a quiz: "whats the
 * score in the match tonight" asks no quiz standings.
 */
const FIXTURES = new Set([
  'match',
  'matches',
  'fixture',
  'fixtures',
  'kickoff',
  'halftime',
  'playoff',
  'playoffs',
  'derby',
  'referee',
]);

/** Whether a request for the leaderboard, the topics or a quiz is about a game or everyday life. */
export function asksAboutEverydayLife(read: ReadQuestion, index: TopicIndex): boolean {
  return saysAWordOf(EVERYDAY_LIFE, read, index) || saysAWordOf(FIXTURES, read, index);
}

function saysAWordOf(words: ReadonlySet<string>, read: ReadQuestion, index: TopicIndex): boolean {
  return read.terms.some(
    (term) =>
      words.has(term.word) &&
      !index.knows(stem(term.word)) &&
      !STANDINGS.has(read.tokens[term.position + 1] ?? ''),
  );
}

/**
 * What follows `league` when it means any table of who leads ("league table please"), the quiz's
 * too, rather than a sport's ("whos top of the premier league").
 */
const STANDINGS = new Set(['table', 'tables', 'standings', 'standing']);
