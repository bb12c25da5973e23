import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render-text.js';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import type { ExplainReply, UnknownReply } from '../../src/tutor/reply.js';
import { Understanding } from '../../src/understand/understanding.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR, KNOWLEDGE_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

const notes = (area: string) => join(FIXTURES_DIR, 'notes', area);

describe('developer technologies the notes do not cover', () => {
  it('are what a question about them is about: the reply says the notes lack them', () => {
    const cases: [area: string, question: string, named: string][] = [
      ['git-basics', 'how do i cherry-pick one commit from another branch onto mine', 'git cherry-pick'],
      ['http-apis', 'is grpc faster than rest for service to service calls?', 'gRPC'],
      ['kafka-core', 'how do windowed joins between two topics work in kafka streams?', 'Kafka Streams'],
      [
        'terraform-basics',
        'can infracost comment the monthly price change of a plan on our pull requests',
        'Infracost',
      ],
      ['terraform-basics', 'how do we run atlantis so our merge requests get a plan comment', 'Atlantis'],
    ];
    for (const [area, question, named] of cases) {
      const reply = tutorFor(notes(area)).answer(question);
      expect(reply.intent, question).toBe('unknown');
      expect((reply as UnknownReply).notCovered, question).toContain(named);
    }
  });

  it('offer the topic named inside their name as the nearest the notes come', () => {
    const reply = tutorFor(KNOWLEDGE_DIR).answer('what is docker compose') as UnknownReply;
    expect(reply.intent).toBe('unknown');
    expect(reply.notCovered).toEqual(['Docker Compose']);
    expect(reply.suggestions.map((topic) => topic.id)).toEqual(['docker']);
  });

  it('are the notes’ own words when the notes use them: postgres in notes on RDS', () => {
    const reply = tutorFor(notes('databases')).answer(
      'hundreds of serverless functions each open their own connection and our postgres runs out of connection slots, whats the fix',
    ) as ExplainReply;
    expect(reply.intent).toBe('explain');
    expect(reply.topic.id).toBe('rds');
  });

  it('are the setting of a need described around them, not a reason to abstain', () => {
    const reply = tutorFor(notes('compute-ec2')).answer(
      'where do i stick a bash script so it installs nginx + updates automatically the very first time a new vm comes up?',
    ) as ExplainReply;
    expect(reply.intent).toBe('explain');
    expect(reply.topic.id).toBe('ec2');
  });

  it('keep their short names their own: the `sts` of StatefulSets is not AWS STS', () => {
    const tutor = tutorFor(
      notesDir({
        'k8s.md': [
          '# StatefulSets',
          'Also known as: sts',
          '- pods that each keep a stable name & their own volume, eg. web-0, web-1',
          '- list them with `kubectl get sts`',
          '',
          '# Deployments',
          '- keep n replicas of a pod running, rolling updates & rollbacks',
          '',
        ].join('\n'),
      }),
    );
    const aws = tutor.answer('what is aws sts');
    expect(aws.intent).toBe('unknown');
    expect(renderText(aws)).toContain('AWS Security Token Service');
    // Their facts saying `sts` say their own name, not AWS STS's.
    expect(aws.intent === 'unknown' && aws.mentionedIn).toEqual([]);
    expect(tutor.answer('how do sts pods keep their names').topics[0]?.id).toBe('statefulsets');
  });

  it('make no cloud of notes whose topics they name: notes on Kubernetes objects teach none', () => {
    const understanding = new Understanding(loadKnowledgeDir(notes('k8s-core')).knowledge);
    expect([...understanding.services.clouds]).not.toContain('tech');
  });
});
