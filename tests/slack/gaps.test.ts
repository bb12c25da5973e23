import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { LiveTutor } from '../../src/live-tutor.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type JsonObject, startFakeSlack } from '../helpers/fake-slack.js';
import { makeNotesDir } from '../helpers/notes-dir.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';
import { BOT_TOKEN, SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from '../helpers/slack-app.js';
import {
  appMention,
  blockAction,
  directMessage,
  eventCallback,
  postToApp,
  slashCommand,
  viewSubmission,
} from '../helpers/slack-requests.js';

let slack: FakeSlack;
let tutor: TestSlackApp;
let notes: { dir: string; remove: () => void };
const clock = new Date('2026-03-02T10:00:00Z');

const texts = (payload: unknown) => visibleTexts(payload).join('\n');
const send = (request: Parameters<typeof postToApp>[1]) =>
  postToApp(tutor.baseUrl, request, { signingSecret: SIGNING_SECRET });

/** `/aws <text>`: the message it answers with, on the acknowledgement or through `respond`. */
async function command(text: string, userId = 'U1', channelId = 'C1'): Promise<JsonObject> {
  const responseUrl = slack.responseUrl();
  const id = responseUrl.split('/').at(-1) ?? '';
  const response = await send(slashCommand({ text, responseUrl, userId, channelId }));
  expect(response.status).toBe(200);
  const body = response.json as JsonObject | undefined;
  if (body?.blocks) return body;
  return (await slack.waitForCall('response_url', (call) => call.responseUrlId === id)).body;
}

/** A button click; resolves with what the app answered through `respond`. */
async function click(
  actionId: string,
  value: string,
  options: { userId?: string; channelId?: string; ephemeral?: boolean } = {},
): Promise<JsonObject> {
  const responseUrl = slack.responseUrl();
  const id = responseUrl.split('/').at(-1) ?? '';
  const response = await send(blockAction({ actionId, value, responseUrl, ...options }));
  expect(response.status).toBe(200);
  return (await slack.waitForCall('response_url', (call) => call.responseUrlId === id)).body;
}

function buttons(message: JsonObject): JsonObject[] {
  return (message.blocks as JsonObject[])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements as JsonObject[]);
}

function voteValue(message: JsonObject): string {
  const vote = buttons(message).find((button) => button.action_id === 'answer_vote:down');
  expect(vote).toBeDefined();
  return String(vote?.value);
}

beforeAll(async () => {
  notes = makeNotesDir({ 'compute.md': readFileSync(join(KNOWLEDGE_DIR, 'compute.md'), 'utf8') });
  slack = await startFakeSlack({ users: { UADMIN: { is_admin: true } } });
  tutor = await startTestSlackApp(
    { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
    slack.url,
    {
      liveTutor: new LiveTutor(notes.dir, createTutor(loadKnowledgeDir(notes.dir).knowledge)),
      now: () => clock,
    },
  );
});

afterAll(async () => {
  await tutor?.stop();
  await slack?.close();
  notes?.remove();
});

describe('questions the notes do not answer', () => {
  it('are kept from /aws, mentions and DMs before the answer, without who asked, secrets masked', async () => {
    const reply = await command('what is aws glue', 'U1');
    expect(texts(reply)).toMatch(/don’t cover AWS Glue/);
    // Kept before the acknowledgement carried the answer.
    expect((await tutor.store.gapRecords('T1', null)).map((gap) => gap.question)).toEqual([
      'what is aws glue',
    ]);

    await send(eventCallback(appMention({ text: '<@UBOT> glue crawler pricing <!here>', user: 'U2' })));
    await slack.waitForCall('chat.postMessage', (call) => /AWS Glue/.test(texts(call.body)));
    await send(
      eventCallback(
        directMessage({
          text: 'does aws glue take my key AKIAIOSFODNN7EXAMPLE *now*',
          user: 'U3',
          channel: 'D3',
        }),
      ),
    );
    await slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'D3');

    const kept = await tutor.store.gapRecords('T1', null);
    expect(kept.map((gap) => [gap.question, gap.kind, gap.channelKind, gap.notCovered])).toEqual([
      ['what is aws glue', 'unknown', 'command', ['AWS Glue']],
      ['glue crawler pricing', 'unknown', 'channel', ['AWS Glue']],
      ['does aws glue take my key [masked] *now*', 'unknown', 'dm', ['AWS Glue']],
    ]);
    expect(JSON.stringify(kept)).not.toMatch(/U[123]\b|AKIA|<!here>/);
  });

  it('counts every question asked, answered or not, and keeps nothing of an answered one', async () => {
    // Counts are written by the scheduler's runs (and at stop), not on each answer.
    await tutor.running.digests.tick();
    const before = await tutor.store.questionTotals('T1', '2026-03-02', '2026-03-02');
    await command('what is fargate');
    await command('help');
    expect(await tutor.store.questionTotals('T1', '2026-03-02', '2026-03-02')).toEqual(before);
    await tutor.running.digests.tick();
    const after = await tutor.store.questionTotals('T1', '2026-03-02', '2026-03-02');
    // help is a command, not a question the notes could miss.
    expect(after).toEqual({ asked: before.asked + 1, answered: before.answered + 1 });
    expect((await tutor.store.gapRecords('T1', null)).some((gap) => /fargate/.test(gap.question))).toBe(
      false,
    );
  });
});

describe('👍 and 👎 under answers', () => {
  it('end every answer from the notes, and count one changeable vote per person, acknowledged privately', async () => {
    const answer = await command('what is fargate', 'U1');
    const value = voteValue(answer);
    expect(buttons(answer).map((button) => button.action_id)).toContain('answer_vote:up');

    const up = await click('answer_vote:up', value, { userId: 'U1', ephemeral: true });
    expect(up.response_type).toBe('ephemeral');
    expect(up.replace_original).toBe(false);
    expect(texts(up)).toMatch(/Thanks for the 👍/);
    expect(texts(await click('answer_vote:up', value, { userId: 'U1', ephemeral: true }))).toMatch(
      /already voted 👍 on this answer: it counts once/,
    );
    expect(await tutor.store.downvotes('T1', null)).toEqual([]);

    slack.reset();
    const down = await click('answer_vote:down', value, { userId: 'U1', ephemeral: true });
    expect(texts(down)).toMatch(/Thanks for the 👎 \(your vote is changed\)/);
    const modal = await slack.waitForCall('views.open');
    expect(modal.body.view.callback_id).toBe('vote_comment');
    expect(texts(modal.body.view)).toMatch(/What were you looking for\?/);
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
    expect(slack.callsTo('chat.update')).toEqual([]);

    const sent = await send(
      viewSubmission({
        callbackId: 'vote_comment',
        privateMetadata: String(modal.body.view.private_metadata),
        userId: 'U1',
        values: {
          looking_for: {
            looking_for: {
              type: 'plain_text_input',
              value: 'how <@U2> is fargate *priced* ghp_0123456789abcdefghijABCDEFGHIJ012345',
            },
          },
        },
      }),
    );
    expect(sent.status).toBe(200);
    expect(await tutor.store.downvotes('T1', null)).toMatchObject([
      {
        question: 'what is fargate',
        intent: 'explain',
        topics: [{ id: 'fargate', title: 'Fargate (serverless)' }],
        channelKind: 'command',
        comment: 'how is fargate *priced* [masked]',
      },
    ]);
  });

  it('end answers to mentions and topic buttons too, never a "the notes don’t cover it"', async () => {
    await send(eventCallback(appMention({ text: '<@UBOT> what is lambda', user: 'U2' })));
    const mention = await slack.waitForCall('chat.postMessage', (call) => /Lambda/.test(texts(call.body)));
    expect(buttons(mention.body).map((button) => button.action_id)).toContain('answer_vote:up');
    const topic = await click('ask_topic:0', 'ecs', { userId: 'U2', ephemeral: true });
    expect(buttons(topic).map((button) => button.action_id)).toContain('answer_vote:down');
    const unknown = await command('how does aws app mesh work', 'U2');
    expect(buttons(unknown).map((button) => button.action_id)).not.toContain('answer_vote:down');
  });

  it('count a double click once, and open "what were you looking for?" once', async () => {
    await send(eventCallback(directMessage({ text: 'what is ecr', user: 'U4', channel: 'D4' })));
    const answer = await slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'D4');
    const value = voteValue(answer.body);
    slack.reset();
    const clicks = await Promise.all(
      [0, 1].map(() => click('answer_vote:down', value, { userId: 'U4', channelId: 'D4' })),
    );
    expect(clicks.map(texts).filter((text) => /already voted/.test(text))).toHaveLength(1);
    expect(slack.callsTo('views.open')).toHaveLength(1);
    const ecr = (await tutor.store.downvotes('T1', null)).filter((vote) => vote.topics[0]?.id === 'ecr');
    expect(ecr).toMatchObject([{ channelKind: 'dm', question: 'what is ecr' }]);
  });
});

describe('/aws admin gaps', () => {
  it('is for admins only', async () => {
    expect(texts(await command('admin gaps', 'U1'))).toMatch(/only workspace admins/i);
  });

  it('shows the most asked unanswered services, the 👎 with what people looked for, each with a next step, escaped', async () => {
    const view = texts(await command('admin gaps week', 'UADMIN'));
    expect(view).toMatch(/Gaps in the notes: the last 7 days/);
    expect(view).toMatch(/\*AWS Glue\*: 3 questions, e\.g\. “/);
    expect(view).toContain('add a `# AWS Glue` topic to the notes');
    expect(view).toMatch(/\*Fargate \(serverless\)\*: 1 👎/);
    expect(view).toContain('the Fargate (serverless) answer doesn’t say “how is fargate ∗priced∗ [masked]”');
    expect(view).not.toMatch(/\*priced\*|AKIA|ghp_/);
  });
});

describe('reported quiz questions', () => {
  it('are kept for the notes’ owners without who reported them, and shown in the gaps', async () => {
    const quiz = await command('quiz me on lambda', 'U5');
    const option = buttons(quiz).find((button) => String(button.action_id).startsWith('quiz_answer:'));
    const quizId = String(option?.value);
    await click('quiz_answer:0', quizId, { userId: 'U5', ephemeral: true });
    const reported = await click('quiz_report:unclear', quizId, { userId: 'U5', ephemeral: true });
    expect(texts(reported)).toMatch(/thank/i);
    const kept = (await tutor.store.gapRecords('T1', null)).filter((gap) => gap.kind === 'reported');
    expect(kept).toMatchObject([{ topics: [{ id: 'lambda' }], channelKind: 'command' }]);
    expect(kept[0]?.quizQuestionId).toMatch(/^lambda\//);
    expect(texts(await command('admin gaps', 'UADMIN'))).toMatch(
      /Quiz questions reported or taken out[\s\S]*1 report/,
    );
  });
});

describe('after /aws admin reload', () => {
  it('re-asks last month’s unanswered questions, says how many the new notes answer, and they leave the gaps', async () => {
    await command('what is the meaning of life', 'U1');
    const gone = voteValue(await command('what is amazon lightsail', 'U1'));
    writeFileSync(
      join(notes.dir, 'compute.md'),
      readFileSync(join(KNOWLEDGE_DIR, 'compute.md'), 'utf8').replace(
        /# Amazon Lightsail[\s\S]*?(?=\n# |$)/,
        '',
      ),
    );
    writeFileSync(
      join(notes.dir, 'analytics.md'),
      '# AWS Glue\n\n* Glue is a serverless ETL service: crawlers catalogue data, jobs transform it.\n* Glue crawler pricing is per DPU-hour.\n',
    );
    const reload = texts(await command('admin reload', 'UADMIN'));
    expect(reload).toMatch(/Reloaded the notes/);
    expect(reload).toMatch(/The new notes answer 2 of last month’s 5 unanswered questions\./);
    const kept = await tutor.store.gapRecords('T1', null);
    expect(kept.filter((gap) => gap.resolvedAt !== null).map((gap) => gap.question)).toEqual([
      'what is aws glue',
      'glue crawler pricing',
    ]);
    const view = texts(await command('admin gaps', 'UADMIN'));
    expect(view).toMatch(/\*AWS Glue\*: 1 question, e\.g\. “does aws glue take my key \[masked\] ∗now∗”/);
    expect(view).toMatch(/meaning of life/);

    // A vote on an answer whose topic has left the notes still counts.
    expect(texts(await click('answer_vote:down', gone, { userId: 'U6', ephemeral: true }))).toMatch(
      /Thanks for the 👎/,
    );
    expect((await tutor.store.downvotes('T1', null)).some((vote) => vote.topics[0]?.id === 'lightsail')).toBe(
      true,
    );
  });
});
