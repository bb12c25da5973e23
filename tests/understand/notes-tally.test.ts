import { describe, expect, it } from 'vitest';
import { type NameStarts, NotesTally, type NotesWord } from '../../src/understand/notes-tally.js';
import { NEGATION } from '../../src/understand/stopwords.js';

const NO_NAME: NameStarts = { longestName: 0, openings: undefined, names: undefined, secondInName: false };

/** A tally whose words start no name, with the words it was asked about and first saw. */
function tally() {
  const asked: string[] = [];
  const seen: string[] = [];
  const notes = new NotesTally(
    (word) => {
      asked.push(word);
      return NO_NAME;
    },
    (word) => seen.push(word),
  );
  return { notes, asked, seen };
}

describe('NotesTally', () => {
  it('works a word out once, however often the notes use it', () => {
    const { notes, asked, seen } = tally();
    const first = notes.word('containers');
    expect(notes.word('containers')).toBe(first);
    expect(asked).toEqual(['containers']);
    expect(seen).toEqual(['containers']);
    expect(first.stem.stem).toBe('contain');
  });

  it("finds a text's words as it finds each word alone", () => {
    const { notes, seen } = tally();
    const found: NotesWord[] = [];
    expect(notes.wordsOf("Queues don't poll, queues push", found)).toBe(5);
    expect(found.map((word) => word.text)).toEqual(['queues', 'dont', 'poll', 'queues', 'push']);
    expect(found[0]).toBe(notes.word('queues'));
    expect(seen).toEqual(['queues', 'dont', 'poll', 'push']);
  });

  it('counts subject words and negations, not stopwords or vendor names', () => {
    const { notes } = tally();
    expect(notes.word('lambda').counted).toBe(true);
    expect(notes.word('the').counted).toBe(false);
    expect(notes.word('aws').counted).toBe(false);
    const dont = notes.word('dont');
    expect(dont.counted).toBe(true);
    expect(dont.stem.stem).toBe(NEGATION);
    // Every negation shares one stem, so "don't" finds "do not".
    expect(notes.word('not').stem).toBe(dont.stem);
  });

  it("lists a fact's stems in the order first counted, with how often each occurs", () => {
    const { notes } = tally();
    notes.beginFact(0);
    for (const token of ['queues', 'decouple', 'queue']) notes.countInFact(notes.word(token).stem, 1);
    notes.countInFact(notes.word('services').stem, 0.5);
    expect(notes.factStems().map((counted) => [counted.stem, counted.inFact])).toEqual([
      ['queue', 2],
      ['decoupl', 1],
      ['servic', 0.5],
    ]);
    notes.beginFact(1);
    expect(notes.factStems()).toEqual([]);
    expect(notes.isInFact(notes.stem('queue'))).toBe(false);
    notes.countInFact(notes.stem('queue'), 1);
    expect(notes.factStems().map((counted) => [counted.stem, counted.inFact])).toEqual([['queue', 1]]);
  });

  it('counts a stem once a topic for its topic frequency, however many facts use it', () => {
    const { notes } = tally();
    const queue = notes.stem('queue');
    notes.countInTopic(queue, 0);
    notes.countInTopic(queue, 0);
    notes.countInTopic(queue, 3);
    notes.stem('unused');
    expect([...notes.topicFrequencies()]).toEqual([['queue', 2]]);
  });
});
