/**
 * One round of `npm run bench:quiz` on one store: a fresh store and a fake Slack, the real app spawned
 * in HTTP mode, today's quiz posted by an admin, a warm-up on another channel's quiz, the measured
 * clicks (each from a different user), the same users clicking again, then as many people answering a
 * review card each (and again), the app stopped, and the store opened directly to count what it kept.
 */
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  freePort,
  makeTempDir,
  processCpuSeconds,
  type RunningApp,
  removeTempDir,
  startApp,
  stopApp,
} from '../http/app-process.js';
import { send, signatureHeaders } from '../http/load.js';
import { createRng, type Rng } from '../prng.js';
import { type Click, type ClickRun, type ClickTarget, fireClicks } from './clicks.js';
import { type AnswerCount, countAnswers } from './count-answers.js';
import { type FakeSlack, type PostedMessage, startFakeSlack } from './fake-slack.js';
import { type QuizButtons, quizButtons } from './quiz-buttons.js';
import { countReviews, type ReviewCount, type StoreLocation, seedReviewCards } from './review-answers.js';
import { slashCommandBody } from './slack-payloads.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './throwaway-postgres.js';

export type StoreKind = 'sqlite' | 'postgres';

const ADMIN = 'U_ADMIN';
const CHANNEL = 'C_BENCH';
const WARMUP_CHANNEL = 'C_WARMUP';
/** The first `/aws quiz` makes the questions from the notes, which takes a while on a busy machine. */
const POST_TIMEOUT_MS = 60_000;

export interface RoundOptions {
  users: number;
  concurrency: number;
  warmup: number;
  duplicates: number;
  postgresUrl: string;
  cpuProfDir: string | null;
  /** Picks the options clicked; the same seed clicks the same options. */
  seed: number;
}

export interface RoundResult {
  store: StoreKind;
  startMs: number;
  warmup: ClickRun | null;
  main: ClickRun;
  duplicates: ClickRun;
  count: AnswerCount;
  /** The same people answering a review card each, and then again. */
  review: { main: ClickRun; duplicates: ClickRun; count: ReviewCount };
  /** The app's CPU time per measured click, in µs, feedback included (all its threads, GC too). */
  appCpuUsPerClick: number;
  /** The app's and this process's CPU time over the measured clicks, as a share of one core. */
  appCpu: number;
  loaderCpu: number;
  webApiCalls: Record<string, number>;
  stop: { how: string; ms: number };
  /** What the app printed at LOG_LEVEL=warn (nothing, normally). */
  output: string[];
}

/** PostgreSQL could not be reached or would not give a database: the round was not run. */
export class PostgresUnavailable extends Error {
  override name = 'PostgresUnavailable';
}

const userId = (prefix: string, i: number): string => `${prefix}${String(i + 1).padStart(6, '0')}`;

function firstClicks(prefix: string, count: number, buttons: QuizButtons, rng: Rng): Click[] {
  return Array.from({ length: count }, (_, i) => ({
    userId: userId(prefix, i),
    option: rng.pick(buttons.options),
    tag: `${prefix}-${i}`,
  }));
}

/** `count` of the users again, spread over the run, each choosing another option than before. */
function repeatClicks(clicks: readonly Click[], count: number, buttons: QuizButtons, rng: Rng): Click[] {
  const n = Math.min(count, clicks.length);
  return Array.from({ length: n }, (_, i) => {
    const first = clicks[Math.floor((i * clicks.length) / n)] as Click;
    const others = buttons.options.filter((option) => option !== first.option);
    return { userId: first.userId, option: rng.pick(others), tag: `again-${i}` };
  });
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  const controller = new AbortController();
  try {
    return await Promise.race([
      promise,
      sleep(ms, undefined, { signal: controller.signal }).then(() => {
        throw new Error(`${what}: nothing within ${ms / 1000} s`);
      }),
    ]);
  } finally {
    controller.abort();
  }
}

/** `/aws quiz daily now` from the admin in `channelId`; resolves with the quiz message it posted. */
async function postDailyQuiz(
  { appUrl, signingSecret, fake, agent }: Omit<ClickTarget, 'message' | 'quizId' | 'action'>,
  channelId: string,
): Promise<{ message: PostedMessage; buttons: QuizButtons }> {
  const tag = `post-${channelId}`;
  const body = slashCommandBody({
    text: 'quiz daily now',
    userId: ADMIN,
    channelId,
    responseUrl: fake.responseUrl(tag),
  });
  const url = new URL('/slack/events', appUrl);
  const { outcome } = await send(agent, url, body, signatureHeaders(signingSecret, body), POST_TIMEOUT_MS);
  if (outcome !== '200') throw new Error(`/aws quiz daily now in ${channelId} got ${outcome}`);
  const reply = await withTimeout(fake.feedback(tag), POST_TIMEOUT_MS, `/aws quiz daily now in ${channelId}`);
  if (!reply.text.startsWith('Posted')) {
    throw new Error(`/aws quiz daily now in ${channelId} answered "${reply.text}" instead of posting`);
  }
  const message = await withTimeout(fake.posted(channelId), POST_TIMEOUT_MS, `the quiz in ${channelId}`);
  return { message, buttons: quizButtons(message) };
}

/**
 * `options.users` people each answer a review card (seeded for them first), `options.concurrency` in
 * flight, then `options.duplicates` of them click again with another option.
 */
async function answerReviews(
  root: string,
  site: Omit<ClickTarget, 'message' | 'quizId' | 'action'>,
  message: PostedMessage,
  location: StoreLocation,
  options: RoundOptions,
  rng: Rng,
) {
  const people = Array.from({ length: options.users }, (_, i) => userId('UR', i));
  const seeded = await seedReviewCards(root, location, people, new Date());
  const buttons = { quizId: seeded.buttonValue, options: [0, 1, 2, 3] };
  const target: ClickTarget = { ...site, message, quizId: seeded.buttonValue, action: 'review_answer' };
  process.stderr.write(
    `reviews: ${options.users} people answer a review card, ${options.concurrency} at a time\n`,
  );
  const clicks = firstClicks('UR', options.users, buttons, rng);
  const main = await fireClicks(target, clicks, options.concurrency);
  const duplicates = await fireClicks(
    target,
    repeatClicks(clicks, options.duplicates, buttons, rng),
    options.concurrency,
  );
  return {
    main,
    duplicates,
    rightOption: seeded.rightOption,
    firstClicks: new Map(clicks.map((click) => [click.userId, click.option])),
  };
}

async function openDatabase(store: StoreKind, postgresUrl: string): Promise<ThrowawayDatabase | null> {
  if (store === 'sqlite') return null;
  try {
    return await createThrowawayDatabase(postgresUrl);
  } catch (error) {
    throw new PostgresUnavailable((error as Error).message, { cause: error });
  }
}

export async function runQuizRound(
  root: string,
  store: StoreKind,
  options: RoundOptions,
): Promise<RoundResult> {
  const rng = createRng(options.seed);
  // DATA_DIR for both: the app keeps nothing there with DATABASE_URL set, but it must be a real folder.
  const dataDir = makeTempDir(`aws-tutor-bench-quiz-${store}-`);
  let database: ThrowawayDatabase | null = null;
  let fake: FakeSlack | null = null;
  let app: RunningApp | null = null;
  // The warm-up's connections stay open for the measured clicks: a burst of 50 fresh connections adds
  // a few hundred ms to the first acks even for a bare Bolt app (bench:http --warmup=0 shows it).
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  try {
    database = await openDatabase(store, options.postgresUrl);
    const location = { databaseUrl: database?.url ?? null, dataDir };
    fake = await startFakeSlack(ADMIN);
    const signingSecret = randomBytes(16).toString('hex');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? '',
      LOG_LEVEL: 'warn',
      // Empty, not unset, so a local .env cannot switch to Socket Mode or make the clickers admins.
      SLACK_APP_TOKEN: '',
      TUTOR_ADMINS: '',
    };
    const spec = { key: `quiz-${store}`, name: `aws-tutor (${store})`, script: 'dist/src/main.js' };
    app = await startApp(root, spec, env, options);
    const appUrl = `http://127.0.0.1:${app.port}`;
    process.stderr.write(`${spec.name}: healthy in ${app.startMs.toFixed(0)} ms; posting the quiz\n`);

    const site = { appUrl, agent, signingSecret, fake };
    const quiz = await postDailyQuiz(site, CHANNEL);
    const target: ClickTarget = {
      ...site,
      message: quiz.message,
      quizId: quiz.buttons.quizId,
      action: 'quiz_answer',
    };

    let warmup: ClickRun | null = null;
    if (options.warmup > 0) {
      const warm = await postDailyQuiz(site, WARMUP_CHANNEL);
      process.stderr.write(`${spec.name}: warming up with ${options.warmup} clicks in ${WARMUP_CHANNEL}\n`);
      warmup = await fireClicks(
        { ...target, message: warm.message, quizId: warm.buttons.quizId, action: 'quiz_answer' },
        firstClicks('UW', options.warmup, warm.buttons, rng),
        options.concurrency,
      );
    }

    process.stderr.write(`${spec.name}: ${options.users} users, ${options.concurrency} at a time\n`);
    const clicks = firstClicks('UQ', options.users, quiz.buttons, rng);
    const appBefore = processCpuSeconds(app.child.pid);
    const loaderBefore = process.cpuUsage();
    const began = performance.now();
    const main = await fireClicks(target, clicks, options.concurrency);
    const seconds = (performance.now() - began) / 1000;
    const loader = process.cpuUsage(loaderBefore);
    const appSeconds = processCpuSeconds(app.child.pid) - appBefore;

    process.stderr.write(`${spec.name}: ${options.duplicates} of them again\n`);
    const duplicates = await fireClicks(
      target,
      repeatClicks(clicks, options.duplicates, quiz.buttons, rng),
      options.concurrency,
    );

    const review = await answerReviews(root, site, quiz.message, location, options, rng);

    agent.destroy();
    const stop = await stopApp(app);
    const reviewCount = await countReviews(location, review.firstClicks, review.rightOption);
    const count = await countAnswers(
      { databaseUrl: database?.url ?? null, dataDir },
      quiz.buttons.quizId,
      new Map(clicks.map((click) => [click.userId, click.option])),
    );
    return {
      store,
      startMs: app.startMs,
      warmup,
      main,
      duplicates,
      count,
      review: { main: review.main, duplicates: review.duplicates, count: reviewCount },
      appCpuUsPerClick: (appSeconds * 1e6) / options.users,
      appCpu: appSeconds / seconds,
      loaderCpu: (loader.user + loader.system) / 1e6 / seconds,
      webApiCalls: Object.fromEntries(fake.calls),
      stop,
      output: app.output,
    };
  } finally {
    agent.destroy();
    if (app) await stopApp(app);
    if (fake) await fake.close();
    if (database) await database.drop();
    removeTempDir(dataDir);
  }
}
