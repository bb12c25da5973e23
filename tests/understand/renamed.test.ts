import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/knowledge/types.js';
import { loadEnglishWords } from '../../src/understand/english.js';
import { renamedNames } from '../../src/understand/renamed.js';
import { notesDir } from '../helpers/notes-dir.js';
import { tutorFor } from '../helpers/tutor.js';

const english = loadEnglishWords();
const fact = (text: string, keyTerms: string[] = []): Fact => ({ text, subPoints: [], keyTerms, line: 1 });

describe('renamedNames', () => {
  it('reads the old or new name a fact gives its topic, bold or capitalised', () => {
    expect(
      renamedNames(
        [
          fact('in 2025 aws renamed it Amazon WorkSpaces Applications, same service', [
            'Amazon WorkSpaces Applications',
          ]),
          fact('used to be called Fault Injection Simulator, same service just renamed'),
          fact('formerly TSO Logic (bought by aws), builds a business case'),
          fact('part of Google Cloud Observability (old name Stackdriver)', ['Stackdriver']),
          fact('originally called Kinesis Analytics, then renamed'),
        ],
        english,
      ),
    ).toEqual([
      'amazon workspaces applications',
      'workspaces applications',
      'fault injection simulator',
      'tso logic',
      'stackdriver',
      'kinesis analytics',
    ]);
  });

  it('reads what a topic took over from as a name people still ask by', () => {
    expect(
      renamedNames(
        [
          fact('successor of GCM (Google Cloud Messaging), which got shut down in 2019', ['GCM']),
          fact('successor to CloudEndure Migration, now the recommended way to rehost'),
        ],
        english,
      ),
    ).toEqual(['gcm', 'cloudendure migration']);
  });

  it('takes an old name in parentheses in lower case, and one after `was` in capitals', () => {
    expect(
      renamedNames(
        [
          fact('preemptible instances (formerly spot instances) save up to 90%'),
          fact('PolarDB-X = distributed version w/ horizontal sharding (was DRDS)'),
          fact('reads were slow (was fast before the move)'),
        ],
        english,
      ),
    ).toEqual(['spot instances', 'drds']);
  });

  it('takes the name a topic is sold under', () => {
    expect(
      renamedNames(
        [fact('the whole bundle (pipelines + review apps + CI + GitHub integration) is sold as Heroku Flow')],
        english,
      ),
    ).toEqual(['heroku flow']);
  });

  it('takes no ordinary word or sentence for a name', () => {
    expect(
      renamedNames(
        [
          fact('renamed in 2023, the old SQL flavour is going away'),
          fact('formerly Events, now something else'),
        ],
        english,
      ),
    ).toEqual([]);
  });
});

describe('a topic asked for by its other name', () => {
  it('finds the topic by the name its notes say it was renamed to, before a topic named in part', () => {
    const dir = notesDir({
      'euc.md': [
        '# Amazon WorkSpaces (virtual desktops)',
        '- persistent windows or linux desktops in the cloud, per user',
        '',
        '# Amazon AppStream 2.0 (app streaming)',
        '- streams single desktop apps to a browser, no full desktop',
        '- in 2025 aws renamed it **Amazon WorkSpaces Applications**, same service underneath',
        '',
      ].join('\n'),
    });
    const reply = tutorFor(dir).answer('whats amazon workspaces applications, is that a brand new service?');
    expect(reply.topics[0]?.id).toBe('appstream-2-0');
  });
});
