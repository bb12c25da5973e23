import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat.js';
import { REVIEW_COLUMNS } from '../../src/cli/export-reviews.js';
import { openLocalDeck } from '../../src/cli/local-deck.js';
import { newCard, reviewed } from '../../src/review/scheduling.js';
import { openStore } from '../../src/store/open-store.js';
import { jsonLines, runCli } from '../helpers/cli.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

const t0 = new Date('2026-06-02T07:00:00.000Z');
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-review-cli-'));
  const store = await openStore({ dataDir, databaseUrl: null });
  try {
    const ecs = newCard({ teamId: 'T1', userId: 'U1' }, { id: 'ecs', title: 'ECS, "quoted"' }, 'missed', t0);
    await store.addReviewCards([
      ecs,
      newCard({ teamId: 'T2', userId: 'U9' }, { id: 's3', title: 'S3' }, 'start', t0),
    ]);
    const after = reviewed(ecs, 'good', t0, 'Europe/Berlin');
    await store.recordReview(
      {
        teamId: 'T1',
        userId: 'U1',
        topicId: 'ecs',
        rep: 0,
        questionId: 'ecs/fact/1',
        option: 0,
        correct: true,
        rating: 'good',
        reviewedAt: t0,
        localDate: '2026-06-02',
        nextDue: after.due,
      },
      after,
    );
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('tutor export reviews', () => {
  it('prints every card of every workspace as JSON lines, from the store in DATA_DIR', async () => {
    const result = await runCli(['export', 'reviews', '--json'], {
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const rows = jsonLines(result.stdout);
    expect(rows.map((row) => `${row.teamId} ${row.userId} ${row.topicId}`)).toEqual([
      'T1 U1 ecs',
      'T2 U9 s3',
    ]);
    expect(rows[0]).toMatchObject({
      reps: 1,
      lapses: 0,
      state: 'review',
      lastReview: t0.toISOString(),
      lastRating: 'good',
    });
    expect(rows[1]).toMatchObject({ reps: 0, lastReview: null, lastRating: null, due: t0.toISOString() });
  });

  it('prints CSV with a header by default, and only the header without a database', async () => {
    const result = await runCli(['export', 'reviews'], { env: { DATA_DIR: dataDir, DATABASE_URL: '' } });
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe(REVIEW_COLUMNS.join(','));
    expect(lines[1]).toMatch(
      /^T1,U1,ecs,"ECS, ""quoted""",2026-06-\d\dT\d\d:00:00\.000Z,[\d.]+,[\d.]+,1,0,review,2026-06-02T07:00:00\.000Z,good$/,
    );
    const empty = mkdtempSync(join(tmpdir(), 'aws-tutor-review-cli-empty-'));
    try {
      const none = await runCli(['export', 'reviews'], { env: { DATA_DIR: empty, DATABASE_URL: '' } });
      expect(none.stdout).toBe(`${REVIEW_COLUMNS.join(',')}\r\n`);
      expect(none.stderr).toMatch(/no review cards yet/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('review in the terminal chat', () => {
  const tutor = tutorFor(KNOWLEDGE_DIR);

  async function chat(input: string, dir: string): Promise<string> {
    let out = '';
    const output = new Writable({
      write(chunk, _encoding, callback) {
        out += String(chunk);
        callback();
      },
    });
    await runChat(
      tutor,
      { input: Readable.from([input]), output },
      {
        seed: 'review',
        openDeck: () => openLocalDeck({ databaseUrl: null, dataDir: dir }, tutor),
        now: () => t0,
      },
    );
    return out;
  }

  it('fills the local deck, shows a card, records the answer and says when the topic comes back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-tutor-review-chat-'));
    try {
      const first = await chat('review\nreview start compute\nreview\nA\nreview remind 08:30\n', dir);
      expect(first).toMatch(/review deck is empty/);
      expect(first).toMatch(/Added \d+ topics from compute\.md to your review deck/);
      expect(first).toMatch(/Review: .+ \(\d+ due\)\n/);
      expect(first).toMatch(/(✓ Right|✗ Not quite).*\n(.|\n)*Next review of .+ (tomorrow|in \d+ days)\./);
      expect(first).toMatch(/daily review nudge is a Slack direct message/);
      const store = await openStore({ dataDir: dir, databaseUrl: null });
      try {
        const cards = await store.exportReviewCards();
        expect(cards.every((card) => card.teamId === 'local' && card.userId.startsWith('terminal:'))).toBe(
          true,
        );
        expect(cards.filter((card) => card.reps === 1)).toHaveLength(1);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers review through the CLI’s own chat, in the store of DATA_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-tutor-review-chat-cli-'));
    try {
      const result = await runCli(['chat'], {
        input: 'review start\nreview\nB\n',
        env: { DATA_DIR: dir, DATABASE_URL: '' },
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/Next review of/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
