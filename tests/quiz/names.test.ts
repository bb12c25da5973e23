import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { TopicNames } from '../../src/quiz/names.js';
import { defaultUnderstandingParts } from '../../src/understand/understanding.js';
import { notesDir } from '../helpers/notes-dir.js';

describe('topic names', () => {
  it('are found in any case and form, as a learner would spot them', () => {
    const dir = notesDir({
      'notes.md': [
        '# Stash (shelve uncommitted changes)',
        '* `git stash` shelves what you changed',
        '# AWS Batch',
        '* runs **batch jobs** on EC2',
      ].join('\n'),
    });
    const { topics } = loadKnowledgeDir(dir).knowledge;
    const names = new TopicNames(topics, defaultUnderstandingParts().english);
    const id = (name: string) => topics.find((topic) => topic.name.includes(name))?.id ?? '';
    expect(names.namesAnyhow('It will launch instances to run these batch jobs.', id('Batch'))).toBe(true);
    expect(names.namesAnyhow('Stashes are stored as commits under refs/stash.', id('Stash'))).toBe(true);
    expect(names.namesAnyhow('Lambda reads records from a queue.', id('Batch'))).toBe(false);
    expect(names.namesAnyhow('Commits are snapshots.', id('Stash'))).toBe(false);
  });
});
