import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { LiveTutor } from '../../src/live-tutor.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { makeNotesDir } from '../helpers/notes-dir.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';
import { BOT_TOKEN, SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from '../helpers/slack-app.js';
import { postToApp, slashCommand } from '../helpers/slack-requests.js';

let slack: FakeSlack;
let tutor: TestSlackApp;
let notes: { dir: string; remove: () => void };

const texts = (payload: unknown) => visibleTexts(payload).join('\n');

async function command(text: string, userId: string): Promise<string> {
  const responseUrl = slack.responseUrl();
  const id = responseUrl.split('/').at(-1) ?? '';
  const response = await postToApp(tutor.baseUrl, slashCommand({ text, responseUrl, userId }), {
    signingSecret: SIGNING_SECRET,
  });
  expect(response.status).toBe(200);
  const body = response.json as { blocks?: unknown } | undefined;
  if (body?.blocks) return texts(body);
  return texts((await slack.waitForCall('response_url', (call) => call.responseUrlId === id)).body);
}

beforeAll(async () => {
  notes = makeNotesDir({ 'compute.md': readFileSync(join(KNOWLEDGE_DIR, 'compute.md'), 'utf8') });
  slack = await startFakeSlack({ users: { UADMIN: { is_admin: true } } });
  tutor = await startTestSlackApp(
    { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
    slack.url,
    {
      liveTutor: new LiveTutor(notes.dir, createTutor(loadKnowledgeDir(notes.dir).knowledge)),
    },
  );
});

afterAll(async () => {
  await tutor?.stop();
  await slack?.close();
  notes?.remove();
});

describe('/aws admin reload', () => {
  it('is refused politely to someone who is not an admin, and reloads nothing', async () => {
    writeFileSync(
      join(notes.dir, 'storage.md'),
      '# Amazon S3\n\n* S3 stores objects in buckets, without limits on size.\n',
    );
    expect(await command('admin reload', 'U1')).toMatch(/only workspace admins/i);
    expect(await command('what is s3', 'U1')).toMatch(/don’t cover/);
  });

  it('serves the edited notes at once when an admin reloads them', async () => {
    expect(await command('admin reload', 'UADMIN')).toMatch(/Reloaded the notes: 10 topics in 2 files/);
    expect(await command('what is s3', 'U1')).toMatch(/stores objects in buckets/);
  });

  it('keeps the previous notes when the new ones have problems, and tells the admin where', async () => {
    writeFileSync(join(notes.dir, 'broken.md'), '# Broken\n\n* An **unclosed bold fact.\n');
    const reply = await command('admin reload', 'UADMIN');
    expect(reply).toMatch(/not reloaded/);
    expect(reply).toContain('broken.md:');
    expect(await command('what is s3', 'U1')).toMatch(/stores objects in buckets/);
  });

  it('lists what admin can do for anything else', async () => {
    expect(await command('admin dance', 'UADMIN')).toMatch(/admin reload/);
  });
});
