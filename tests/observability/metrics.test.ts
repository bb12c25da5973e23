import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { InstrumentedTutor } from '../../src/observability/instrumented-tutor.js';
import { Metrics } from '../../src/observability/metrics.js';
import { observabilityRoutes } from '../../src/observability/routes.js';
import type { PostedQuiz } from '../../src/store/store.js';
import type { Reply } from '../../src/tutor/reply.js';
import type { Tutor } from '../../src/tutor/tutor.js';

/** The value of one series in a Prometheus text exposition, or undefined when it is not there. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function fakeTutor(intents: Reply['intent'][]): Tutor {
  let knowledge = { topics: [], files: [] } as unknown as KnowledgeBase;
  let next = 0;
  const reply = () => ({ intent: intents[next++ % intents.length] }) as Reply;
  return {
    answer: reply,
    explainTopic: reply,
    topicsOf: () => ({ topics: [], suggestions: [] }),
    get knowledge() {
      return knowledge;
    },
    set knowledge(value: KnowledgeBase) {
      knowledge = value;
    },
  };
}

describe('the instrumented tutor', () => {
  it('counts every answer by intent and passes the reply on unchanged', async () => {
    const metrics = new Metrics();
    const inner = fakeTutor(['explain', 'unknown', 'explain', 'help']);
    const tutor = new InstrumentedTutor(inner, metrics);
    expect(tutor.answer('a').intent).toBe('explain');
    expect(tutor.answer('b').intent).toBe('unknown');
    expect(tutor.explainTopic('lambda').intent).toBe('explain');
    const text = await metrics.text();
    expect(sample(text, 'aws_tutor_answers_total{intent="explain"}')).toBe(2);
    expect(sample(text, 'aws_tutor_answers_total{intent="unknown"}')).toBe(1);
    // Every intent has its series from the start, so a rate over it is defined.
    expect(sample(text, 'aws_tutor_answers_total{intent="compare"}')).toBe(0);
  });

  it('shows the notes as they are now, after a reload swapped them', () => {
    const inner = fakeTutor(['help']);
    const tutor = new InstrumentedTutor(inner, new Metrics());
    const reloaded = { topics: [{ id: 'x' }], files: [] } as unknown as KnowledgeBase;
    (inner as { knowledge: KnowledgeBase }).knowledge = reloaded;
    expect(tutor.knowledge).toBe(reloaded);
  });
});

describe('the metrics', () => {
  it('count quiz answers by mode and outcome, with a fixed few label values', async () => {
    const metrics = new Metrics();
    const quiz = { mode: 'daily' } as PostedQuiz;
    metrics.quizAnswered({ kind: 'recorded', quiz, answer: {} as never });
    metrics.quizAnswered({ kind: 'recorded', quiz, answer: {} as never });
    metrics.quizAnswered({ kind: 'closed', quiz: { mode: 'daily' } as PostedQuiz });
    metrics.quizAnswered({
      kind: 'already',
      quiz: { mode: 'practice' } as PostedQuiz,
      previous: {} as never,
    });
    metrics.quizAnswered({ kind: 'unknown' });
    metrics.quizAnswered('error');
    const text = await metrics.text();
    expect(sample(text, 'aws_tutor_quiz_answers_total{mode="daily",outcome="recorded"}')).toBe(2);
    expect(sample(text, 'aws_tutor_quiz_answers_total{mode="daily",outcome="closed"}')).toBe(1);
    expect(sample(text, 'aws_tutor_quiz_answers_total{mode="practice",outcome="already"}')).toBe(1);
    expect(sample(text, 'aws_tutor_quiz_answers_total{mode="unknown",outcome="unknown"}')).toBe(1);
    expect(sample(text, 'aws_tutor_quiz_answers_total{mode="unknown",outcome="error"}')).toBe(1);
  });

  it('keep a latency histogram by request kind', async () => {
    const metrics = new Metrics();
    metrics.requestTook('command', 0.0004);
    metrics.requestTook('command', 0.03);
    metrics.requestTook('event', 0.2);
    const text = await metrics.text();
    expect(text).toContain('# TYPE aws_tutor_request_duration_seconds histogram');
    expect(sample(text, 'aws_tutor_request_duration_seconds_bucket{le="0.001",kind="command"}')).toBe(1);
    expect(sample(text, 'aws_tutor_request_duration_seconds_bucket{le="0.05",kind="command"}')).toBe(2);
    expect(sample(text, 'aws_tutor_request_duration_seconds_count{kind="command"}')).toBe(2);
    expect(sample(text, 'aws_tutor_request_duration_seconds_count{kind="event"}')).toBe(1);
    expect(sample(text, 'aws_tutor_request_duration_seconds_count{kind="action"}')).toBe(0);
  });

  it('add the process metrics only when asked', async () => {
    expect(await new Metrics().text()).not.toContain('process_cpu_seconds_total');
    expect(await new Metrics({ processMetrics: true }).text()).toContain('process_cpu_seconds_total');
  });
});

/** Calls one route's handler with a response that records what it was told. */
async function call(route: ReturnType<typeof observabilityRoutes>[number]) {
  return new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve) => {
    let status = 0;
    let headers: Record<string, string> = {};
    const res = {
      writeHead(code: number, given: Record<string, string>) {
        status = code;
        headers = given;
        return res;
      },
      end(body: string) {
        resolve({ status, headers, body });
      },
    };
    route.handler(
      {} as IncomingMessage & { params?: Record<string, string> },
      res as unknown as ServerResponse,
    );
  });
}

describe('the probes', () => {
  const knowledge = { topics: [{}, {}], files: [] } as unknown as KnowledgeBase;
  const routes = (store: { ping(): Promise<void> }, loaded: KnowledgeBase | null = knowledge) =>
    Object.fromEntries(
      observabilityRoutes({
        knowledge: () => loaded,
        store,
        metrics: new Metrics(),
        storePingTimeoutMs: 50,
      }).map((route) => [route.path, route]),
    );
  const up = { ping: async () => {} };

  it('/readyz is 503 while the store hangs, without waiting on it', async () => {
    const hung = { ping: () => new Promise<void>(() => {}) };
    const started = Date.now();
    const ready = await call(routes(hung)['/readyz'] as never);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({
      status: 'unavailable',
      reason: 'store did not answer within 0.05 s',
    });
  });

  it('/readyz is 503 until the notes are loaded; /healthz is 200 all along', async () => {
    const none = routes(up, null);
    expect((await call(none['/readyz'] as never)).status).toBe(503);
    expect(JSON.parse((await call(none['/readyz'] as never)).body).reason).toMatch(/notes/);
    expect((await call(none['/healthz'] as never)).status).toBe(200);
    expect(JSON.parse((await call(routes(up)['/readyz'] as never)).body)).toEqual({
      status: 'ok',
      topics: 2,
    });
  });

  it("/readyz never repeats the driver's error, which could name hosts or users", async () => {
    const failing = {
      ping: () => Promise.reject(new Error('password authentication failed for user "tutor" at 10.0.0.7')),
    };
    const ready = await call(routes(failing)['/readyz'] as never);
    expect(ready.status).toBe(503);
    expect(ready.body).not.toMatch(/tutor|10\.0\.0\.7|password/);
  });

  it('/metrics answers in the Prometheus text format', async () => {
    const metrics = await call(routes(up)['/metrics'] as never);
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.body).toContain('# TYPE aws_tutor_answers_total counter');
  });
});
