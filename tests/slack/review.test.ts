import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reviewButtonValue } from '../../src/slack/blocks/action-ids.js';
import { payloadViolations, visibleTexts } from '../helpers/block-kit-limits.js';
import { type FakeSlack, type JsonObject, startFakeSlack } from '../helpers/fake-slack.js';
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  startTestSlackApp,
  type TestSlackApp,
  testTutor,
} from '../helpers/slack-app.js';
import {
  appHomeOpened,
  blockAction,
  directMessage,
  eventCallback,
  postToApp,
  slashCommand,
} from '../helpers/slack-requests.js';

type Json = JsonObject;

/** 09:20 in Berlin on Tuesday 2 June 2026. */
let clock = new Date('2026-06-02T07:20:00Z');
const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

let slack: FakeSlack;
let tutor: TestSlackApp;

const send = (request: Parameters<typeof postToApp>[1]) =>
  postToApp(tutor.baseUrl, request, { signingSecret: SIGNING_SECRET });
const texts = (payload: unknown) => visibleTexts(payload).join('\n');
const buttons = (payload: Json) =>
  ((payload.blocks ?? []) as Json[])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements as Json[]);
const answerButtons = (payload: Json) =>
  buttons(payload).filter((button) => String(button.action_id).startsWith('review_answer:'));

async function command(text: string, options: { userId?: string; teamId?: string } = {}) {
  const responseUrl = slack.responseUrl();
  const id = responseUrl.split('/').at(-1) ?? '';
  expect((await send(slashCommand({ text, responseUrl, ...options }))).status).toBe(200);
  const reply = await slack.waitForCall('response_url', (call) => call.responseUrlId === id);
  expect(payloadViolations(reply.body)).toEqual([]);
  return reply.body;
}

async function click(actionId: string, value: string, options: { userId?: string; teamId?: string } = {}) {
  const responseUrl = slack.responseUrl();
  const id = responseUrl.split('/').at(-1) ?? '';
  expect((await send(blockAction({ actionId, value, responseUrl, ...options }))).status).toBe(200);
  const reply = await slack.waitForCall('response_url', (call) => call.responseUrlId === id);
  expect(payloadViolations(reply.body)).toEqual([]);
  return reply.body;
}

/** The card's right answer, from the question its buttons name. */
function rightOption(card: Json): number {
  const questionId = String(answerButtons(card)[0]?.value).split('|')[2];
  const question = testTutor().questions.find((candidate) => candidate.id === questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  return question.answer;
}

beforeAll(async () => {
  slack = await startFakeSlack({ users: { UADMIN: { is_admin: true }, UNOTZ: { tz: '' } } });
  tutor = await startTestSlackApp(
    { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
    slack.url,
    { now: () => clock },
  );
});

afterAll(async () => {
  await tutor?.stop();
  await slack?.close();
});

beforeEach(() => slack.reset());

describe('/aws review', () => {
  it('fills the deck from one notes file, shows a due card privately, and records the answer before the feedback', async () => {
    expect(texts(await command('review', { userId: 'U1' }))).toMatch(/deck is empty/);
    expect(texts(await command('review start nosuchfile', { userId: 'U1' }))).toMatch(
      /no notes file called “nosuchfile”.*compute/s,
    );
    const started = await command('review start compute', { userId: 'U1' });
    expect(texts(started)).toMatch(/Added \d+ topics from compute\.md to your review deck/);
    const deck = await tutor.store.reviewCardsOf('T1', 'U1');
    expect(deck.length).toBeGreaterThan(1);
    expect(deck.every((card) => card.addedBy === 'start' && card.reps === 0)).toBe(true);

    const card = await command('review', { userId: 'U1' });
    expect(card.response_type).toBe('ephemeral');
    expect(answerButtons(card)).toHaveLength(4);
    expect(texts(card)).toMatch(new RegExp(`${deck.length} cards due`));

    advance(1);
    const right = rightOption(card);
    const value = String(answerButtons(card)[0]?.value);
    const feedback = await click(`review_answer:${right}`, value, { userId: 'U1' });
    expect(feedback.replace_original).toBe(true);
    expect(texts(feedback)).toMatch(/✅ Right/);
    expect(texts(feedback)).toMatch(/Next review of .+ in \d+ days\./);
    expect(buttons(feedback).map((button) => button.text.text)).toEqual(['Next card']);
    const topicId = value.split('|')[0];
    const reviewed = (await tutor.store.reviewCardsOf('T1', 'U1')).find((kept) => kept.topicId === topicId);
    expect(reviewed).toMatchObject({ reps: 1, lastRating: 'good', state: 'review' });
    expect(reviewed?.due.getTime()).toBeGreaterThan(clock.getTime());

    // A double click (or the other option) changes nothing: the first answer stands.
    const again = await click(`review_answer:${(right + 1) % 4}`, value, { userId: 'U1' });
    expect(texts(again)).toMatch(/You already answered this card.*\(right\)/s);
    const after = (await tutor.store.reviewCardsOf('T1', 'U1')).find((kept) => kept.topicId === topicId);
    expect(after).toEqual(reviewed);
    expect(await tutor.store.reviewDaysOf('T1', 'U1')).toEqual(['2026-06-02']);

    // Next card: another topic, not the one just reviewed.
    const next = await click('review_next', '', { userId: 'U1' });
    expect(String(answerButtons(next)[0]?.value).split('|')[0]).not.toBe(topicId);
  });

  it('ends with when the next card is due, in the person’s days, and keeps workspaces apart', async () => {
    const remembered = await click('review_remember', 'lambda', { userId: 'U2' });
    expect(texts(remembered)).toMatch(/Added .+ to your review deck/);
    expect(texts(await click('review_remember', 'lambda', { userId: 'U2' }))).toMatch(/already/);
    const card = await command('what should I study?', { userId: 'U2' });
    const feedback = await click(
      `review_answer:${(rightOption(card) + 1) % 4}`,
      String(answerButtons(card)[0]?.value),
      {
        userId: 'U2',
      },
    );
    expect(texts(feedback)).toMatch(/❌ Not quite/);
    expect(texts(feedback)).toMatch(/Next review of .+ tomorrow\./);
    expect(texts(feedback)).toMatch(/All done for today: your next card is due tomorrow\./);
    expect(buttons(feedback)).toEqual([]);
    expect(texts(await command('review', { userId: 'U2' }))).toMatch(/next card is due tomorrow/);
    // The same person id in another workspace has a deck of its own.
    expect(texts(await command('review', { userId: 'U2', teamId: 'T2' }))).toMatch(/deck is empty/);
    expect((await tutor.store.reviewCardsOf('T1', 'U2'))[0]).toMatchObject({
      lastRating: 'again',
      lapses: 0,
    });
  });

  it('answers stale, forged and gone cards kindly and keeps nothing of them', async () => {
    await click('review_remember', 'ecs', { userId: 'U3' });
    const card = await command('review', { userId: 'U3' });
    const [topicId, rep, questionId, shown] = String(answerButtons(card)[0]?.value).split('|');
    const shownAt = new Date(Number(shown));
    expect(texts(await click('review_answer:0', 'garbage', { userId: 'U3' }))).toMatch(
      /can’t find that review card/,
    );
    expect(
      texts(await click('review_answer:9', String(answerButtons(card)[0]?.value), { userId: 'U3' })),
    ).toMatch(/can’t find that review card/);
    const goneQuestion = reviewButtonValue({
      topicId: topicId ?? '',
      rep: Number(rep),
      questionId: 'ecs/fact/gone',
      shownAt,
      zone: null,
    });
    expect(texts(await click('review_answer:0', goneQuestion, { userId: 'U3' }))).toMatch(
      /changed in the notes/,
    );
    const goneTopic = reviewButtonValue({
      topicId: 'app-mesh',
      rep: 0,
      questionId: questionId ?? '',
      shownAt,
      zone: null,
    });
    expect(texts(await click('review_answer:0', goneTopic, { userId: 'U3' }))).toMatch(
      /no longer in the notes/,
    );
    const ahead = reviewButtonValue({
      topicId: topicId ?? '',
      rep: 7,
      questionId: questionId ?? '',
      shownAt,
      zone: null,
    });
    expect(texts(await click('review_answer:0', ahead, { userId: 'U3' }))).toMatch(
      /can’t find that review card/,
    );
    // Someone else's card: they have none for that topic.
    expect(
      texts(await click('review_answer:0', String(answerButtons(card)[0]?.value), { userId: 'U4' })),
    ).toMatch(/can’t find/);
    expect(await tutor.store.reviewDaysOf('T1', 'U3')).toEqual([]);
    expect((await tutor.store.reviewCardsOf('T1', 'U3'))[0]?.reps).toBe(0);
  });

  it('puts the topic of a missed practice question in the deck', async () => {
    const practice = await command('quiz me on fargate', { userId: 'U5' });
    const option = buttons(practice).find((button) => String(button.action_id).startsWith('quiz_answer:'));
    const quiz = await tutor.store.findQuiz(String(option?.value));
    const wrong = ((quiz?.question.answer ?? 0) + 1) % 4;
    await click(`quiz_answer:${wrong}`, String(option?.value), { userId: 'U5' });
    await expect
      .poll(async () =>
        (await tutor.store.reviewCardsOf('T1', 'U5')).map((card) => [card.topicId, card.addedBy]),
      )
      .toEqual([[quiz?.question.topic.id, 'missed']]);
  });

  it('routes "review" in a direct message to the deck', async () => {
    await click('review_remember', 'ecr', { userId: 'U6' });
    await send(eventCallback(directMessage({ text: 'review', user: 'U6', channel: 'D6' })));
    const posted = await slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'D6');
    expect(answerButtons(posted.body)).toHaveLength(4);
  });
});

describe('the daily review nudge', () => {
  it('explains a time it cannot read, and says when Slack does not report the person’s zone', async () => {
    expect(texts(await command('review remind 25:99', { userId: 'U7' }))).toMatch(
      /25:99 is not a time of day/,
    );
    expect(await tutor.store.findReviewProfile('T1', 'U7')).toBeNull();
    expect(texts(await command('review remind', { userId: 'U7' }))).toMatch(/no daily review nudge/);
    const set = await command('review remind 08:30', { userId: 'UNOTZ' });
    expect(texts(set)).toMatch(/daily review nudge at 08:30 \(UTC\).*UTC days/s);
    await click('review_remember', 'ecs', { userId: 'UNOTZ' });
    expect(texts(await command('review', { userId: 'UNOTZ' }))).toMatch(/UTC days/);
    await command('review remind off', { userId: 'UNOTZ' });
  });

  it('sends one DM a local day at the person’s time when cards are due, waits out a 429, and never twice', async () => {
    await click('review_remember', 'batch', { userId: 'U8' });
    expect(texts(await command('review remind 09:30', { userId: 'U8' }))).toMatch(/09:30 \(Europe\/Berlin\)/);
    await command('review remind 09:30', { userId: 'U9' }); // nothing due: no nudge
    slack.reset();
    clock = new Date('2026-06-02T07:25:00Z'); // 09:25 in Berlin: not yet
    await tutor.running.nudger.tick();
    expect(slack.callsTo('chat.postMessage')).toEqual([]);

    clock = new Date('2026-06-02T07:31:00Z');
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await Promise.all([tutor.running.nudger.tick(), tutor.running.nudger.tick()]);
    await tutor.running.nudger.tick();
    const sent = slack.callsTo('chat.postMessage').filter((call) => call.response.ok);
    expect(sent.map((call) => call.body.channel)).toEqual(['U8']);
    expect(texts(sent[0]?.body)).toMatch(/1 card is due for review today/);
    expect(buttons(sent[0]?.body ?? {}).map((button) => button.action_id)).toEqual(['review_next']);

    // Review now from the nudge: the card.
    const card = await click('review_next', '', { userId: 'U8' });
    expect(answerButtons(card)).toHaveLength(4);
  });
});

describe('progress', () => {
  it('shows the study plan in App Home, and the team’s coverage to admins only', async () => {
    await click('review_remember', 'ecs', { userId: 'UADMIN' });
    await send(eventCallback(appHomeOpened({ user: 'UADMIN' })));
    const home = await slack.waitForCall('views.publish', (call) => call.body.user_id === 'UADMIN');
    const shown = texts(home.body.view);
    expect(shown).toMatch(/Your study plan/);
    expect(shown).toMatch(/1 card due now/);
    expect(shown).toMatch(/compute\.md/);
    expect(shown).toMatch(/▱▱▱▱▱▱▱▱▱▱ 0%/);
    expect(shown).toMatch(/Team coverage/);
    expect(buttons(home.body.view).some((button) => button.action_id === 'review_next')).toBe(true);

    await send(eventCallback(appHomeOpened({ user: 'U1' })));
    const mine = await slack.waitForCall('views.publish', (call) => call.body.user_id === 'U1');
    expect(texts(mine.body.view)).toMatch(/review streak 1 day/);
    expect(texts(mine.body.view)).not.toMatch(/Team coverage/);
  });

  it('adds due cards and the weakest topics to /aws score', async () => {
    const score = texts(await command('score', { userId: 'U1' }));
    expect(score).toMatch(/Review deck:.*cards? due now/);
    expect(score).toMatch(/Weakest in your deck:/);
  });
});
