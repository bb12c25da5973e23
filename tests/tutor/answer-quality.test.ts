import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type EvalOutcome,
  evaluate,
  judge,
  readEvalItems,
  reliability,
  summarise,
} from '../../src/cli/evaluate.js';
import { EVAL_DIR, FIXTURES_DIR, PROJECT_ROOT } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

/**
 * Floors on question sets written blind to the engine (tests/fixtures/eval/README.md): hard/ was
 * developed against, holdout/ only measured. Each floor sits a few points under what the tutor
 * measured when it was set (`tutor eval SET --knowledge NOTES`), so a regression fails and noise
 * does not.
 */
const ALL_AREAS = [
  'security-networking',
  'messaging',
  'storage',
  'databases',
  'analytics',
  'observability-devops',
  'ml-ai',
  'governance-migration',
  'frontend-mobile',
  'iot-media',
  'security-compliance',
  'resilience-dr',
  'identity-edge',
  'compute-ec2',
  'developer-tools',
  'end-user-computing',
  'hybrid-networking',
  'data-sharing-bi',
  'health-life-sciences',
  'edge-hybrid-compute',
  'purpose-built-databases',
  'trust-services',
  'migration-transfer',
  'management-tools',
  'cost-billing',
  'containers-platform',
] as const;
const AREAS = { hard: ALL_AREAS, holdout: ALL_AREAS } as const;
const notesOf = (area: string) => join(FIXTURES_DIR, 'notes', area);

function outcomesOf(kind: 'hard' | 'holdout'): EvalOutcome[] {
  return AREAS[kind].flatMap((area) => {
    const tutor = tutorFor(notesOf(area));
    return readEvalItems(join(EVAL_DIR, kind, `${area}.jsonl`)).map((item) =>
      judge(item, tutor.answer(item.q)),
    );
  });
}

/** Every set of a folder of `AREA.jsonl` sets, each asked of the notes folder of its name. */
function outcomesOfFolder(folder: string): EvalOutcome[] {
  const dir = join(EVAL_DIR, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => {
      const tutor = tutorFor(notesOf(name.replace(/\.jsonl$/, '')));
      return readEvalItems(join(dir, name)).map((item) => judge(item, tutor.answer(item.q)));
    });
}

const describeMisses = (outcomes: EvalOutcome[]) =>
  outcomes
    .filter((outcome) => !outcome.right)
    .map((outcome) => `${outcome.item.q}: ${outcome.reasons.join(', ')}`)
    .join('\n');

/** Floors on the share of intents, top topics and facts right over one folder of sets. */
interface Floors {
  items: number;
  intent: number;
  top1: number;
  fact: number;
}

function expectFloors(folder: string, floors: Floors): void {
  const outcomes = outcomesOfFolder(folder);
  const summary = summarise(outcomes);
  const misses = describeMisses(outcomes);
  expect(summary.items).toBe(floors.items);
  expect(summary.intent.right / summary.intent.of, misses).toBeGreaterThanOrEqual(floors.intent);
  expect(summary.top1.right / summary.top1.of, misses).toBeGreaterThanOrEqual(floors.top1);
  expect(summary.fact.right / summary.fact.of, misses).toBeGreaterThanOrEqual(floors.fact);
}

describe('answers on notes areas the engine was not written for', () => {
  // Measured on holdout/, pooled over the twenty-four areas (1,535 replies): intent 0.965, top-1 0.930,
  // unknown precision 0.937, recall 0.932; hard/ (1,533): intent 0.965, top-1 0.941, unknown precision
  // 0.933, recall 0.945 (`tutor eval tests/fixtures/eval/holdout --knowledge tests/fixtures/notes`).
  // With cost-billing, the twenty-fifth (1,600 and 1,598 replies): holdout 0.962, 0.936, 0.937, 0.920;
  // with containers-platform, the twenty-sixth (1,665 and 1,663 replies): holdout 0.964, 0.934, 0.937,
  // 0.928; hard 0.974, 0.947, 0.954, 0.952.
  // The areas written last are the hardest.
  it.each(['hard', 'holdout'] as const)(
    '%s sets keep intent, top-1 and unknown precision and recall above their floors',
    (kind) => {
      const summary = summarise(outcomesOf(kind));
      const share = (tally: { right: number; of: number }) => tally.right / tally.of;
      const misses = describeMisses(summary.outcomes);
      expect(share(summary.intent), misses).toBeGreaterThanOrEqual(0.93);
      expect(share(summary.top1), misses).toBeGreaterThanOrEqual(0.89);
      expect(summary.unknownPrecision ?? 0, misses).toBeGreaterThanOrEqual(0.9);
      expect(summary.unknownRecall ?? 0, misses).toBeGreaterThanOrEqual(0.89);
    },
  );

  it('says each fact once at the head of an answer', () => {
    // A fact that answers as well as the best one may be the topic's definition, which an answer on
    // a topic the question never names also opens with.
    const repeated = outcomesOf('hard').filter(({ reply }) => {
      if (reply.intent !== 'explain') return false;
      const lead = reply.lead.map((fact) => fact.text);
      return new Set(lead).size < lead.length;
    });
    expect(repeated.map(({ item }) => item.q)).toEqual([]);
  });

  it('lands most questions that describe a need without naming the service on their topic', () => {
    const scenarios = outcomesOf('holdout').filter((outcome) => outcome.item.cat === 'paraphrase');
    expect(scenarios.length).toBeGreaterThanOrEqual(100);
    const landed = scenarios.filter((outcome) => !outcome.reasons.includes('top1')).length;
    // Measured 0.86 (372/432) on the held-out sets; it was 0 of 18 on the AWS hard set before the semantic layer.
    expect(landed / scenarios.length, describeMisses(scenarios)).toBeGreaterThanOrEqual(0.82);
  });
});

describe('notes beyond AWS', () => {
  // beyond-aws/: Google Cloud and networking basics, notes and 109 questions written blind (README).
  // Measured when they came, on 63a1fd3: intent 0.84, top-1 0.74, fact 0.71; on 69e409a: intent
  // 0.89, top-1 0.81, fact 0.78; on dae8a67, with Google Cloud's service needs and names: 0.92, 0.83,
  // 0.81; with the needs of software concepts (networking's DNS, TCP, CDN…): 0.95, 0.87, 0.86.
  it('keeps intent, top-1 and fact above their floors on Google Cloud and networking notes', () => {
    expectFloors('beyond-aws', { items: 109, intent: 0.9, top1: 0.82, fact: 0.8 });
  });
});

describe('notes on Azure and Google Cloud', () => {
  // other-clouds/: Azure app services and Google Cloud data services, notes and 110 questions written
  // blind (README); measured on a709ebe: intent 0.98, top-1 0.88, fact 0.83; on dae8a67, with the
  // needs of Azure and Google Cloud services and their own names read as theirs: 0.98, 0.90, 0.87.
  it('keeps intent, top-1 and fact above their floors on notes written blind', () => {
    expectFloors('other-clouds', { items: 110, intent: 0.93, top1: 0.85, fact: 0.8 });
  });

  // dev-clouds/: Azure and Google Cloud operations notes for development; measured on edf5209
  // (before the needs of those clouds): top-1 0.81, fact 0.79; on dae8a67: 0.96, 0.96.
  it('keeps intent, top-1 and fact above their floors on the development notes', () => {
    expectFloors('dev-clouds', { items: 110, intent: 0.95, top1: 0.9, fact: 0.9 });
  });
});

describe('notes on no cloud service', () => {
  // beyond-cloud/: SQL basics and Linux operations, notes and 110 questions written blind (README);
  // measured on c7cfa62 and since: intent 0.94, top-1 0.82, fact 0.80; with the needs of software
  // concepts (data/concept-needs.json, written blind to these): 0.95, 0.91, 0.90.
  it('keeps intent, top-1 and fact above their floors on notes written blind', () => {
    expectFloors('beyond-cloud', { items: 110, intent: 0.92, top1: 0.86, fact: 0.85 });
  });

  // dev-concepts/: Kubernetes core and web security, for development; measured on c7cfa62: intent
  // 0.92, top-1 0.78, fact 0.76; on 02319e0: 0.95, 0.87, 0.86.
  it('keeps intent, top-1 and fact above their floors on the development notes', () => {
    expectFloors('dev-concepts', { items: 110, intent: 0.92, top1: 0.83, fact: 0.8 });
  });
});

describe('notes on infrastructure as code', () => {
  // iac/: Terraform basics, notes and 55 questions written blind (README); measured on 1672183, before
  // any change for them: intent 0.78, top-1 0.75, fact 0.69, unknown precision 0.40, recall 0.50; on
  // bfaffb2, with the needs of infrastructure-as-code concepts: 0.93, 0.90, 0.89.
  it('keeps intent, top-1 and fact above their floors on notes written blind', () => {
    expectFloors('iac', { items: 55, intent: 0.85, top1: 0.85, fact: 0.8 });
  });

  // dev-iac/: 55 other questions on the same notes, by someone who had not seen iac/, for
  // development; measured on 1672183: intent 0.89, top-1 0.85, fact 0.77; on bfaffb2: 0.96, 0.95, 0.94.
  it('keeps intent, top-1 and fact above their floors on the development set', () => {
    expectFloors('dev-iac', { items: 55, intent: 0.9, top1: 0.9, fact: 0.88 });
  });
});

describe('notes on the cloud’s fundamentals', () => {
  // fundamentals/: regions and zones, shared responsibility, Well-Architected, disaster recovery,
  // service models, elasticity, encryption; notes and 55 questions written blind (README); measured
  // on ebc1c46: intent 0.91, top-1 0.82, fact 0.76; with the needs of those concepts: 0.91, 0.90, 0.86.
  it('keeps intent, top-1 and fact above their floors on notes written blind', () => {
    expectFloors('fundamentals', { items: 55, intent: 0.85, top1: 0.85, fact: 0.8 });
  });
});

describe('notes on building serverless applications', () => {
  // serverless/: Lambda, Step Functions, API Gateway, EventBridge, SQS, SNS, DynamoDB and SAM; notes
  // and 55 questions written blind (README); measured on 71daef1 and on 6fbcf8b alike: intent 1.00,
  // top-1 0.95, fact 0.95, fact leads 0.86.
  it('keeps intent, top-1 and fact above their floors on notes written blind', () => {
    expectFloors('serverless', { items: 55, intent: 0.92, top1: 0.9, fact: 0.88 });
  });
});

describe('notes on open-source and SaaS tools', () => {
  // tools/: devops tools, data tools and a self-hosted stack (PostgreSQL, Redis, RabbitMQ, NGINX,
  // Keycloak, Loki, Jaeger): notes and 165 questions written blind (README); measured on ebc1c46,
  // before the needs of products beyond the clouds: intent 0.93, top-1 0.87, fact 0.85; with the
  // needs of 100 such products: 0.95, 0.92, 0.91.
  it('keeps intent, top-1 and fact above their floors on notes written blind', () => {
    expectFloors('tools', { items: 165, intent: 0.9, top1: 0.87, fact: 0.85 });
  });
});

describe('notes on developer tools and protocols', () => {
  // dev-tech/: git basics, HTTP APIs and Kafka core, for development (README); measured on 584f7be,
  // before any change for them: intent 0.84, top-1 0.77, fact 0.70, compare 5/12, unknown recall 0.42;
  // on 8201eb8 (terms as compare sides, developer technologies in the catalogue): 0.88, 0.77, 0.70,
  // 8/12, 0.63; with the needs of software concepts: 0.93, 0.81, 0.76.
  it('keeps intent, top-1 and fact above their floors on the development notes', () => {
    expectFloors('dev-tech', { items: 165, intent: 0.89, top1: 0.78, fact: 0.72 });
  });
});

describe('notes on a cloud whose products have everyday names', () => {
  // dev-edge/: Cloudflare's developer platform (Workers, Pages, R2, D1, Workers KV, Durable Objects,
  // Tunnel), for development (README); measured on 522e1c5, before any change for them: intent 0.93,
  // top-1 0.87, fact 0.86; on 0959b30: 1.00, 0.90, 0.89.
  it('keeps intent, top-1 and fact above their floors on the development notes', () => {
    expectFloors('dev-edge', { items: 55, intent: 0.96, top1: 0.85, fact: 0.85 });
  });

  // dev-do/ (DigitalOcean) and dev-firebase/, the same way: on 5a4cade, before any change for them,
  // intent 0.91 and 0.95, top-1 0.87 and 0.87, fact 0.86 and 0.86; on b8d3d82: 0.95 and 1.00, 0.90
  // and 0.95, 0.89 and 0.94. dev-supabase/ and dev-vercel/: on 3c9dedf, before any change for them,
  // intent 0.93 and 0.91, top-1 0.90 and 0.92, fact 0.89 and 0.91; on cdf8235: 0.96 and 0.96, 0.92
  // and 0.92, 0.91 and 0.91.
  it.each([
    ['dev-do', { items: 55, intent: 0.91, top1: 0.85, fact: 0.85 }],
    ['dev-firebase', { items: 55, intent: 0.93, top1: 0.9, fact: 0.9 }],
    ['dev-supabase', { items: 55, intent: 0.93, top1: 0.88, fact: 0.88 }],
    ['dev-vercel', { items: 55, intent: 0.93, top1: 0.88, fact: 0.88 }],
    // dev-netlify/ and dev-atlas/ (MongoDB Atlas): on e1e8637, before any change for them, intent 0.96
    // and 0.93, top-1 0.90 and 0.87, fact 0.89 and 0.86; on 9401114: 1.00 and 0.96, 0.90 and 0.87,
    // 0.89 and 0.86.
    ['dev-netlify', { items: 55, intent: 0.96, top1: 0.85, fact: 0.85 }],
    ['dev-atlas', { items: 55, intent: 0.93, top1: 0.85, fact: 0.83 }],
    // dev-vpc/, dev-exam/ (an exam cheat sheet), dev-oci/ (Oracle Cloud), dev-heroku/: on d0f161c,
    // before any change for them, top-1 0.87, 0.92, 0.87, 0.87 and fact 0.91, 0.91, 0.83, 0.86; on
    // 5ab33f9 top-1 0.95, 0.92, 0.90, 0.87 and fact 0.94, 0.91, 0.86, 0.86.
    ['dev-vpc', { items: 55, intent: 0.96, top1: 0.92, fact: 0.91 }],
    ['dev-exam', { items: 55, intent: 0.96, top1: 0.89, fact: 0.88 }],
    ['dev-oci', { items: 55, intent: 0.91, top1: 0.87, fact: 0.83 }],
    ['dev-heroku', { items: 55, intent: 0.91, top1: 0.85, fact: 0.83 }],
    // dev-integration/ (AWS), dev-azdata/, dev-gcpsl/, dev-linode/ (Akamai Cloud): on ff83aa7, before
    // any change for them, top-1 0.87, 0.87, 0.92, 0.79 and fact 0.86, 0.83, 0.91, 0.74; on 5ab33f9
    // top-1 0.87, 0.87, 0.92, 0.82 and fact 0.86, 0.83, 0.91, 0.77.
    ['dev-integration', { items: 55, intent: 0.91, top1: 0.85, fact: 0.83 }],
    ['dev-azdata', { items: 55, intent: 0.93, top1: 0.85, fact: 0.8 }],
    ['dev-gcpsl', { items: 55, intent: 0.93, top1: 0.9, fact: 0.88 }],
    ['dev-linode', { items: 55, intent: 0.91, top1: 0.8, fact: 0.74 }],
    // dev-secid/, dev-obs/ (AWS observability), dev-alibaba/, dev-storage2/ (AWS storage): on
    // d9468e4, before any change for them, top-1 0.95, 0.90, 0.82, 0.90 and fact 0.91, 0.89, 0.80,
    // 0.89; on d521a1d top-1 0.97, 0.97, 0.90, 0.90 and fact 0.94, 0.97, 0.89, 0.89.
    ['dev-secid', { items: 55, intent: 0.94, top1: 0.94, fact: 0.91 }],
    ['dev-obs', { items: 55, intent: 0.94, top1: 0.94, fact: 0.94 }],
    ['dev-alibaba', { items: 55, intent: 0.92, top1: 0.87, fact: 0.86 }],
    // One answer lost when `vault` in "an offsite vault" stopped reading as HashiCorp Vault.
    ['dev-storage2', { items: 55, intent: 0.94, top1: 0.87, fact: 0.85 }],
    // dev-cicd/ (AWS), dev-gcpsec/, dev-azsec/, dev-ibm/: on e15fc36 and 63c41b1, before any change
    // for them, top-1 0.97, 0.74, 0.95, 0.90 and fact 0.97, 0.71, 0.94, 0.89; on 7dc859a top-1 0.97,
    // 0.82, 0.95, 0.90 and fact 0.97, 0.80, 0.94, 0.89.
    ['dev-cicd', { items: 55, intent: 0.96, top1: 0.94, fact: 0.94 }],
    ['dev-gcpsec', { items: 55, intent: 0.9, top1: 0.79, fact: 0.77 }],
    ['dev-azsec', { items: 55, intent: 0.92, top1: 0.92, fact: 0.91 }],
    ['dev-ibm', { items: 55, intent: 0.96, top1: 0.87, fact: 0.86 }],
    // dev-edge2/, dev-lambda/, dev-ecs/, dev-aurora/ (AWS split finer): on e46c05f, before any change
    // for them, top-1 0.77, 0.85, 0.92, 0.95 and fact 0.74, 0.83, 0.91, 0.94; on 994fece top-1 0.79,
    // 0.90, 0.92, 0.95 and fact 0.77, 0.89, 0.91, 0.94.
    ['dev-edge2', { items: 55, intent: 0.94, top1: 0.77, fact: 0.74 }],
    ['dev-lambda', { items: 55, intent: 0.92, top1: 0.87, fact: 0.85 }],
    ['dev-ecs', { items: 55, intent: 0.94, top1: 0.89, fact: 0.88 }],
    ['dev-aurora', { items: 55, intent: 0.98, top1: 0.92, fact: 0.91 }],
    // dev-s3/, dev-dynamo/, dev-connect/, dev-stream/ (AWS split finer): on 7e9cd5d, before any
    // change for them, top-1 0.95, 0.77, 0.95, 0.85 and fact 0.94, 0.74, 0.94, 0.80; on 8948284 top-1
    // 0.95, 0.77, 0.97, 0.87 and fact 0.94, 0.74, 0.97, 0.83.
    ['dev-s3', { items: 55, intent: 0.9, top1: 0.92, fact: 0.91 }],
    ['dev-dynamo', { items: 55, intent: 0.9, top1: 0.74, fact: 0.71 }],
    ['dev-connect', { items: 55, intent: 0.94, top1: 0.94, fact: 0.94 }],
    ['dev-stream', { items: 55, intent: 0.92, top1: 0.85, fact: 0.8 }],
    // dev-iam/ (IAM split finer) and dev-genai/: on c0c95d4, before any change for them, top-1 0.79
    // and 0.90, fact 0.77 and 0.89.
    ['dev-iam', { items: 55, intent: 0.89, top1: 0.77, fact: 0.74 }],
    ['dev-genai', { items: 55, intent: 0.91, top1: 0.87, fact: 0.85 }],
    // Twenty-eight more areas in seven rounds of four, each measured before any change for it (figures in
    // tests/fixtures/eval/README.md); the floors sit just under what they score now.
    ['dev-gcpnet', { items: 55, intent: 0.91, top1: 0.86, fact: 0.85 }],
    ['dev-aznet', { items: 55, intent: 0.95, top1: 0.89, fact: 0.88 }],
    ['dev-ec2', { items: 55, intent: 0.93, top1: 0.84, fact: 0.82 }],
    ['dev-eks', { items: 55, intent: 0.93, top1: 0.86, fact: 0.82 }],
    ['dev-azcompute', { items: 55, intent: 0.95, top1: 0.84, fact: 0.82 }],
    ['dev-ossobs', { items: 55, intent: 0.95, top1: 0.89, fact: 0.88 }],
    ['dev-msgdeep', { items: 55, intent: 0.91, top1: 0.79, fact: 0.74 }],
    ['dev-datalake', { items: 55, intent: 0.97, top1: 0.86, fact: 0.82 }],
    ['dev-gcpdb', { items: 55, intent: 0.93, top1: 0.91, fact: 0.91 }],
    ['dev-postgres', { items: 55, intent: 0.95, top1: 0.84, fact: 0.82 }],
    ['dev-aiml', { items: 55, intent: 0.97, top1: 0.97, fact: 0.97 }],
    ['dev-sfn', { items: 55, intent: 0.91, top1: 0.84, fact: 0.82 }],
    ['dev-docker', { items: 55, intent: 0.89, top1: 0.89, fact: 0.88 }],
    ['dev-gcpdevops', { items: 55, intent: 0.91, top1: 0.89, fact: 0.88 }],
    ['dev-secdetect', { items: 55, intent: 0.95, top1: 0.86, fact: 0.85 }],
    ['dev-azint', { items: 55, intent: 0.93, top1: 0.81, fact: 0.79 }],
    ['dev-k8s', { items: 55, intent: 0.93, top1: 0.91, fact: 0.88 }],
    ['dev-cost', { items: 55, intent: 0.91, top1: 0.86, fact: 0.85 }],
    ['dev-hetzner', { items: 55, intent: 0.91, top1: 0.79, fact: 0.74 }],
    ['dev-media', { items: 55, intent: 0.95, top1: 0.81, fact: 0.79 }],
    ['dev-ansible', { items: 55, intent: 0.84, top1: 0.86, fact: 0.85 }],
    ['dev-rds', { items: 55, intent: 0.95, top1: 0.89, fact: 0.85 }],
    ['dev-cfsec', { items: 55, intent: 0.93, top1: 0.84, fact: 0.82 }],
    ['dev-gke', { items: 55, intent: 0.91, top1: 0.86, fact: 0.85 }],
    ['dev-redis', { items: 55, intent: 0.87, top1: 0.73, fact: 0.68 }],
    ['dev-azstorage', { items: 55, intent: 0.97, top1: 0.94, fact: 0.91 }],
    ['dev-iot', { items: 55, intent: 0.95, top1: 0.84, fact: 0.82 }],
    ['dev-fly', { items: 55, intent: 0.91, top1: 0.81, fact: 0.79 }],
    // Eight more in two rounds of four, measured the same way (figures in tests/fixtures/eval/README.md).
    ['dev-opensearch', { items: 55, intent: 0.92, top1: 0.74, fact: 0.71 }],
    ['dev-gha', { items: 55, intent: 0.96, top1: 0.82, fact: 0.77 }],
    ['dev-vertex', { items: 55, intent: 0.92, top1: 0.79, fact: 0.77 }],
    ['dev-snowflake', { items: 55, intent: 0.94, top1: 0.84, fact: 0.8 }],
    ['dev-azai', { items: 55, intent: 0.96, top1: 0.79, fact: 0.77 }],
    ['dev-proxies', { items: 55, intent: 0.92, top1: 0.76, fact: 0.71 }],
    ['dev-rabbit', { items: 55, intent: 0.94, top1: 0.71, fact: 0.68 }],
    ['dev-databricks', { items: 55, intent: 0.98, top1: 0.89, fact: 0.91 }],
    ['dev-sagemaker', { items: 55, intent: 0.92, top1: 0.87, fact: 0.82 }],
    ['dev-mysql', { items: 55, intent: 0.92, top1: 0.87, fact: 0.85 }],
    ['dev-vault', { items: 55, intent: 0.89, top1: 0.77, fact: 0.8 }],
    ['dev-azdevops', { items: 55, intent: 0.94, top1: 0.85, fact: 0.8 }],
    ['dev-cassandra', { items: 55, intent: 0.96, top1: 0.77, fact: 0.77 }],
    ['dev-gitlab', { items: 55, intent: 0.92, top1: 0.82, fact: 0.8 }],
    ['dev-backupdr', { items: 55, intent: 0.96, top1: 0.77, fact: 0.71 }],
    ['dev-nomad', { items: 55, intent: 0.89, top1: 0.77, fact: 0.74 }],
    ['dev-caching', { items: 55, intent: 0.94, top1: 0.92, fact: 0.91 }],
    ['dev-gitops', { items: 55, intent: 0.87, top1: 0.82, fact: 0.8 }],
    ['dev-bigquery', { items: 55, intent: 0.89, top1: 0.87, fact: 0.85 }],
    ['dev-linuxnet', { items: 55, intent: 0.85, top1: 0.85, fact: 0.82 }],
    ['dev-aks', { items: 55, intent: 0.87, top1: 0.85, fact: 0.82 }],
    ['dev-msk', { items: 55, intent: 0.98, top1: 0.87, fact: 0.85 }],
    ['dev-prom', { items: 55, intent: 0.89, top1: 0.72, fact: 0.68 }],
    ['dev-gcprun', { items: 55, intent: 0.9, top1: 0.85, fact: 0.82 }],
    ['dev-elb-deep', { items: 55, intent: 0.91, top1: 0.75, fact: 0.74 }],
    ['dev-cosmosdb', { items: 55, intent: 0.85, top1: 0.82, fact: 0.8 }],
    ['dev-pubsub', { items: 55, intent: 0.89, top1: 0.65, fact: 0.65 }],
    ['dev-istio', { items: 55, intent: 0.87, top1: 0.77, fact: 0.74 }],
    ['dev-route53', { items: 55, intent: 0.89, top1: 0.69, fact: 0.65 }],
    ['dev-cognito', { items: 55, intent: 0.94, top1: 0.77, fact: 0.74 }],
    ['dev-gcs', { items: 55, intent: 0.92, top1: 0.79, fact: 0.77 }],
    ['dev-airflow', { items: 55, intent: 0.96, top1: 0.84, fact: 0.8 }],
    ['dev-apigw', { items: 55, intent: 0.94, top1: 0.79, fact: 0.77 }],
    ['dev-azure-functions', { items: 55, intent: 0.9, top1: 0.71, fact: 0.68 }],
    ['dev-helm', { items: 55, intent: 0.89, top1: 0.76, fact: 0.71 }],
    ['dev-jenkins', { items: 55, intent: 0.9, top1: 0.71, fact: 0.62 }],
    // Six more in one blind round, measured before any change for them (figures in tests/fixtures/eval/README.md).
    ['dev-auth0', { items: 55, intent: 0.98, top1: 0.71, fact: 0.68 }],
    ['dev-azure-apim', { items: 55, intent: 0.96, top1: 0.87, fact: 0.88 }],
    ['dev-circleci', { items: 55, intent: 0.94, top1: 0.87, fact: 0.82 }],
    ['dev-cloud-dns', { items: 55, intent: 0.96, top1: 0.87, fact: 0.85 }],
    ['dev-prefect', { items: 55, intent: 0.96, top1: 0.82, fact: 0.82 }],
    ['dev-r2', { items: 55, intent: 0.96, top1: 0.74, fact: 0.74 }],
    // Five more in an eighteenth blind round, measured before and after the changes made from its failures.
    ['dev-temporal', { items: 55, intent: 0.94, top1: 0.77, fact: 0.8 }],
    ['dev-sentry', { items: 55, intent: 0.89, top1: 0.8, fact: 0.77 }],
    ['dev-fastly', { items: 55, intent: 0.92, top1: 0.82, fact: 0.82 }],
    ['dev-hcp-terraform', { items: 55, intent: 0.89, top1: 0.75, fact: 0.77 }],
    ['dev-azure-container-apps', { items: 55, intent: 0.94, top1: 0.85, fact: 0.85 }],
    // Four more in a nineteenth blind round (the same session), measured before the one change made for them.
    ['dev-stripe-billing', { items: 55, intent: 0.87, top1: 0.85, fact: 0.85 }],
    ['dev-twilio-messaging', { items: 55, intent: 0.85, top1: 0.82, fact: 0.8 }],
    ['dev-datadog', { items: 55, intent: 0.92, top1: 0.9, fact: 0.82 }],
    ['dev-elastic-beanstalk', { items: 55, intent: 0.98, top1: 0.85, fact: 0.8 }],
    // Four more in a twentieth blind round, measured before and after the changes made from its failures.
    ['dev-clickhouse-cloud', { items: 55, intent: 0.94, top1: 0.74, fact: 0.71 }],
    ['dev-neon-postgres', { items: 55, intent: 0.94, top1: 0.69, fact: 0.68 }],
    ['dev-pagerduty', { items: 55, intent: 0.94, top1: 0.76, fact: 0.74 }],
    ['dev-sendgrid-email', { items: 55, intent: 0.96, top1: 0.89, fact: 0.88 }],
    // Four more in a twenty-first blind round, measured before and after the changes made from its failures.
    ['dev-algolia', { items: 55, intent: 0.92, top1: 0.77, fact: 0.74 }],
    ['dev-cloudinary', { items: 55, intent: 0.96, top1: 0.92, fact: 0.91 }],
    ['dev-okta', { items: 55, intent: 0.98, top1: 0.89, fact: 0.88 }],
    ['dev-render-paas', { items: 55, intent: 0.94, top1: 0.87, fact: 0.85 }],
    // Four more in a twenty-second blind round, measured the same session, before any change for them.
    ['dev-backstage', { items: 55, intent: 0.96, top1: 0.95, fact: 0.94 }],
    ['dev-kong-gateway', { items: 55, intent: 0.96, top1: 0.82, fact: 0.8 }],
    ['dev-launchdarkly', { items: 55, intent: 0.94, top1: 0.82, fact: 0.8 }],
    ['dev-tailscale', { items: 55, intent: 0.94, top1: 0.87, fact: 0.85 }],
  ] as const)('keeps intent, top-1 and fact above their floors on %s', (folder, floors) => {
    expectFloors(folder, floors);
  });
});

describe('questions written from the notes themselves', () => {
  // from-notes/: 360 paraphrase and facet questions on twelve areas, written by people who read
  // the notes but no other set; measured top-1 0.92 (332/360), fact 0.91 (328/360).
  it('lands their topic and its fact', () => {
    const outcomes = outcomesOfFolder('from-notes');
    const summary = summarise(outcomes);
    const misses = describeMisses(outcomes);
    expect(summary.top1.of).toBe(360);
    expect(summary.top1.right / summary.top1.of, misses).toBeGreaterThanOrEqual(0.88);
    expect(summary.fact.right / summary.fact.of, misses).toBeGreaterThanOrEqual(0.87);
  });
});

describe('confidence is the probability that the reply is right', () => {
  it('is calibrated on the held-out sets: expected calibration error at most 0.1 (measured 0.021)', () => {
    const { error, bands } = reliability(outcomesOf('holdout'));
    expect(error, JSON.stringify(bands)).toBeLessThanOrEqual(0.1);
  });

  it('stands by its sure replies far more often than by its guesses', () => {
    const outcomes = outcomesOf('holdout');
    const rightShare = (group: EvalOutcome[]) =>
      group.filter((outcome) => outcome.right).length / group.length;
    const sure = outcomes.filter((outcome) => outcome.reply.sure);
    const guesses = outcomes.filter((outcome) => !outcome.reply.sure);
    expect(guesses.length).toBeGreaterThan(0);
    // Measured: sure replies right 0.96, guesses 0.64.
    expect(rightShare(sure)).toBeGreaterThanOrEqual(0.88);
    expect(rightShare(guesses)).toBeLessThan(rightShare(sure) - 0.2);
  });
});

/** The team's first development set, beside the project (`../shared/eval/`), when it is there. */
const FIRST_DEV_SET = join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev-aws.jsonl');

describe.skipIf(!existsSync(FIRST_DEV_SET))(
  'the first development set (../shared/eval/dev-aws.jsonl)',
  () => {
    // knowledge/ holds the team's notes with headings and `Also known as` lines added; the raw copy
    // has neither, as notes people bring will not.
    it.each([
      ['knowledge/', join(PROJECT_ROOT, 'knowledge')],
      ['the raw notes', join(FIXTURES_DIR, 'notes', 'raw-compute')],
    ])('stays answered in full on %s: intent, top-1, fact and unknown', (_, dir) => {
      const summary = evaluate(tutorFor(dir), readEvalItems(FIRST_DEV_SET));
      const misses = describeMisses(summary.outcomes);
      for (const tally of [summary.intent, summary.top1, summary.fact])
        expect(tally.right, misses).toBe(tally.of);
      expect(summary.unknownPrecision ?? 1, misses).toBe(1);
      expect(summary.unknownRecall ?? 1, misses).toBe(1);
    });
  },
);

describe('the old compute set', () => {
  it('stays answered in full', () => {
    const summary = evaluate(
      tutorFor(join(FIXTURES_DIR, '..', '..', 'knowledge')),
      readEvalItems(join(EVAL_DIR, 'compute-extra.jsonl')),
    );
    expect(summary.intent.right / summary.intent.of).toBeGreaterThanOrEqual(0.92);
    expect(summary.top1.right / summary.top1.of).toBeGreaterThanOrEqual(0.9);
  });
});
