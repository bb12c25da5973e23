import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { ReviewCard } from '../../src/store/store.js';
import { visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type JsonObject, startFakeSlack } from '../helpers/fake-slack.js';
import { startReplicas, stopReplicas } from '../helpers/replicas.js';
import { BOT_TOKEN, SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from '../helpers/slack-app.js';
import { postToApp, slashCommand } from '../helpers/slack-requests.js';

const connection = { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET } as const;
const databaseUrl = process.env.TEST_DATABASE_URL;
const texts = (payload: unknown) => visibleTexts(payload).join('\n');

/** `/aws <text>` to one app: the message it answers with, on the acknowledgement or through `respond`. */
async function command(
  slack: FakeSlack,
  app: TestSlackApp,
  text: string,
  options: { userId?: string; channelId?: string; channelName?: string; teamId?: string } = {},
): Promise<string> {
  const responseUrl = slack.responseUrl();
  const id = responseUrl.split('/').at(-1) ?? '';
  const response = await postToApp(
    app.baseUrl,
    slashCommand({ text, responseUrl, userId: options.userId ?? 'UADMIN', ...options }),
    { signingSecret: SIGNING_SECRET },
  );
  expect(response.status).toBe(200);
  const body = response.json as JsonObject | undefined;
  if (body?.blocks) return texts(body);
  return texts((await slack.waitForCall('response_url', (call) => call.responseUrlId === id)).body);
}

const digestsIn = (slack: FakeSlack, channel: string) =>
  slack.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);

describe('the weekly digest on one SQLite store, across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aws-tutor-digest-'));
  /** Monday 2 March 2026, 08:30 in Berlin (CET, UTC+1). */
  let clock = new Date('2026-03-02T07:30:00Z');
  let slack: FakeSlack;
  let app: TestSlackApp;

  const start = async () =>
    startTestSlackApp(connection, slack.url, { store: await openStore({ dataDir }), now: () => clock });

  beforeAll(async () => {
    slack = await startFakeSlack({ users: { UADMIN: { is_admin: true } } });
    app = await start();
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is set by admins, for a channel named here or by its link, with a clear word on bad input', async () => {
    expect(await command(slack, app, 'admin digest here Mon 09:00 Europe/Berlin', { userId: 'U1' })).toMatch(
      /only workspace admins/i,
    );
    expect(await command(slack, app, 'admin digest #random Mon 09:00', { channelName: 'general' })).toMatch(
      /can’t look up #random by name: run `\/aws admin digest here Mon 09:00 Europe\/Berlin` in that channel/,
    );
    expect(await command(slack, app, 'admin digest here Funday 09:00')).toMatch(
      /Funday is not a day of the week/,
    );
    expect(await command(slack, app, 'admin digest here Mon 09:00 Mars/Olympus')).toMatch(
      /not a time zone I know/,
    );
    expect(await command(slack, app, 'admin digest')).toMatch(/No weekly digest is set/);
    const set = await command(slack, app, 'admin digest #general mon 09:00 Europe/Berlin', {
      channelId: 'C1',
      channelName: 'general',
    });
    expect(set).toMatch(/The weekly digest goes to <#C1> every Monday at 09:00 Europe\/Berlin/);
    expect(set).toMatch(/Next: <!date\^1772438400\^/);
    expect(await command(slack, app, 'admin digest <#C2|team> Fri 16:30 UTC')).toMatch(
      /<#C2> every Friday at 16:30 UTC/,
    );
    expect(
      await command(slack, app, 'admin digest here Mon 09:00 Europe/Berlin', { channelId: 'C1' }),
    ).toMatch(/<#C1> every Monday/);
  });

  it('posts once at its time in its zone, whatever runs the scheduler how often, and says what the week was', async () => {
    await command(slack, app, 'what is aws glue *now* <!here>', { userId: 'U1' });
    await command(slack, app, 'aws glue pricing', { userId: 'U2' });
    await command(slack, app, 'what is fargate', { userId: 'U1' });
    const card: ReviewCard = {
      teamId: 'T1',
      userId: 'U1',
      topicId: 'ecs',
      topicTitle: 'ECS',
      due: clock,
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: 'new',
      lastReview: null,
      lastRating: null,
      addedAt: clock,
      addedBy: 'missed',
    };
    await app.store.addReviewCards([card]);
    await app.store.recordReview(
      {
        teamId: 'T1',
        userId: 'U1',
        topicId: 'ecs',
        rep: 0,
        questionId: 'ecs/fact/1',
        option: 0,
        correct: true,
        rating: 'good',
        reviewedAt: clock,
        localDate: '2026-03-02',
        nextDue: clock,
      },
      { ...card, reps: 1, state: 'review', lastReview: clock, lastRating: 'good' },
    );

    clock = new Date('2026-03-02T07:59:00Z');
    await app.running.digests.tick();
    expect(digestsIn(slack, 'C1')).toHaveLength(0);

    clock = new Date('2026-03-02T08:00:00Z');
    await Promise.all([app.running.digests.tick(), app.running.digests.tick()]);
    await app.running.digests.tick();
    const posted = digestsIn(slack, 'C1');
    expect(posted).toHaveLength(1);
    const digest = texts(posted[0]?.body);
    expect(digest).toMatch(/Weekly digest of the AWS notes/);
    expect(digest).toMatch(/3 questions asked this week, 1 answered from the notes \(33%\)/);
    expect(digest).toMatch(/\*AWS Glue\*: 2 questions/);
    expect(digest).toContain('add a `# AWS Glue` topic to the notes');
    expect(digest).toMatch(/Reviews done\*: 1/);
    expect(digest).not.toMatch(/\*now\*|<!here>|@here/);
  });

  it('forgets kept questions older than GAPS_RETENTION_DAYS (default 180) once a day', async () => {
    const old = new Date(clock.getTime() - 181 * 86_400_000);
    const [recent] = await app.store.gapRecords('T1', null);
    if (!recent) throw new Error('expected a kept question');
    await app.store.keepGap({ ...recent, question: 'asked long ago', askedAt: old });
    // This process pruned today already; the next day's first run prunes.
    await app.running.digests.tick();
    expect((await app.store.gapRecords('T1', null)).map((gap) => gap.question)).toContain('asked long ago');
    const today = clock;
    clock = new Date(today.getTime() + 86_400_000);
    await app.running.digests.tick();
    expect((await app.store.gapRecords('T1', null)).map((gap) => gap.question)).not.toContain(
      'asked long ago',
    );
    clock = today;
  });

  it('is not posted again after a restart the same day, and comes back the next week', async () => {
    await app.stop();
    clock = new Date('2026-03-02T09:30:00Z');
    app = await start();
    await app.running.digests.tick();
    expect(digestsIn(slack, 'C1')).toHaveLength(1);

    clock = new Date('2026-03-09T08:00:00Z');
    await app.running.digests.tick();
    expect(digestsIn(slack, 'C1')).toHaveLength(2);
  });

  it('skips a week whose day the app was down all of, and posts on demand with now', async () => {
    clock = new Date('2026-03-17T08:00:00Z');
    await app.running.digests.tick();
    expect(digestsIn(slack, 'C1')).toHaveLength(2);
    expect(await command(slack, app, 'admin digest now')).toMatch(/Posted this week’s digest in <#C1>/);
    expect(digestsIn(slack, 'C1')).toHaveLength(3);
    expect(await command(slack, app, 'admin digest off')).toMatch(/The weekly digest is off/);
    clock = new Date('2026-03-23T08:00:00Z');
    await app.running.digests.tick();
    expect(digestsIn(slack, 'C1')).toHaveLength(3);
  });

  it('follows its zone’s clock changes: 09:00 in New York is 14:00 UTC before DST and 13:00 after', async () => {
    clock = new Date('2026-03-02T12:00:00Z');
    // Another workspace: each has its own digest.
    await command(slack, app, 'admin digest here Mon 09:00 America/New_York', {
      channelId: 'C7',
      teamId: 'T2',
    });
    clock = new Date('2026-03-02T13:30:00Z');
    await app.running.digests.tick();
    expect(digestsIn(slack, 'C7')).toHaveLength(0);
    clock = new Date('2026-03-02T14:00:00Z');
    await app.running.digests.tick();
    expect(digestsIn(slack, 'C7')).toHaveLength(1);
    clock = new Date('2026-03-09T12:59:00Z');
    await app.running.digests.tick();
    expect(digestsIn(slack, 'C7')).toHaveLength(1);
    clock = new Date('2026-03-09T13:00:00Z');
    await app.running.digests.tick();
    expect(digestsIn(slack, 'C7')).toHaveLength(2);
  });
});

describe.skipIf(!databaseUrl)('the weekly digest on two replicas sharing one PostgreSQL', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  let clock = new Date('2026-03-02T07:00:00Z');
  let slack: FakeSlack;
  let replicas: TestSlackApp[] = [];

  beforeAll(async () => {
    slack = await startFakeSlack({ users: { UADMIN: { is_admin: true } } });
    replicas = await startReplicas(slack.url, databaseUrl ?? '', schema, () => clock);
  });

  afterAll(async () => {
    await stopReplicas(replicas, databaseUrl ?? '', schema);
    await slack?.close();
  });

  it('is posted once, whichever replica runs its scheduler, however often', async () => {
    const [first, second] = replicas as [TestSlackApp, TestSlackApp];
    expect(await command(slack, first, 'admin digest here Mon 09:00 Europe/Berlin')).toMatch(
      /<#C1> every Monday/,
    );
    await command(slack, second, 'what is aws glue', { userId: 'U1' });
    // A run before the digest is due writes each replica's question counts.
    await Promise.all(replicas.map((app) => app.running.digests.tick()));
    clock = new Date('2026-03-02T08:00:00Z');
    for (let round = 0; round < 3; round += 1)
      await Promise.all(replicas.flatMap((app) => [app.running.digests.tick(), app.running.digests.tick()]));
    expect(digestsIn(slack, 'C1')).toHaveLength(1);
    expect(texts(digestsIn(slack, 'C1')[0]?.body)).toMatch(/1 question asked this week, 0 answered/);
  });
});
