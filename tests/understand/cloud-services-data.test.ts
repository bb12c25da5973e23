import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import catalogueVocabulary from '../../scripts/catalogue/providers.json' with { type: 'json' };
import { phraseKey } from '../../src/knowledge/text.js';
import catalogueFile from '../../src/understand/data/cloud-services.json' with { type: 'json' };
import { shippedCatalogue } from '../../src/understand/service-catalogue.js';

/** The catalogue as the tutor reads it, each service's name in lower case its first alias again. */
const catalogue = { ...catalogueFile, ...shippedCatalogue(), services: shippedCatalogue().services };

const PROVIDERS = new Set(catalogueVocabulary.providers);
const CATEGORIES = new Set(catalogueVocabulary.categories);

/** AWS services a study tutor is asked about, ordinary-word names included. */
const MUST_HAVE_AWS = [
  'AWS App Mesh',
  'AWS App Runner',
  'AWS Lambda',
  'Amazon Elastic Compute Cloud',
  'Amazon Elastic Container Service',
  'Amazon Elastic Kubernetes Service',
  'Amazon Elastic Container Registry',
  'AWS Fargate',
  'Amazon Simple Storage Service',
  'Amazon Simple Queue Service',
  'Amazon Simple Notification Service',
  'Amazon DynamoDB',
  'Amazon Relational Database Service',
  'Amazon Aurora',
  'AWS Identity and Access Management',
  'AWS Key Management Service',
  'AWS WAF',
  'AWS Batch',
  'AWS Backup',
  'AWS Glue',
  'AWS Config',
  'AWS Shield',
  'Amazon Inspector',
  'Amazon Detective',
  'Amazon Macie',
  'Amazon Lightsail',
  'AWS Outposts',
  'AWS Snowball',
  'Amazon Translate',
  'Amazon Transcribe',
  'Amazon Polly',
  'Amazon Rekognition',
  'Amazon Comprehend',
  'Amazon Kendra',
  'Amazon Personalize',
  'Amazon Forecast',
  'Amazon Textract',
  'AWS Amplify',
  'Amazon Connect',
  'Amazon Chime',
  'Amazon WorkSpaces',
  'Amazon AppStream 2.0',
  'Amazon Elastic Transcoder',
  'AWS Elemental MediaConvert',
  'AWS Trusted Advisor',
  'AWS Systems Manager',
  'AWS Systems Manager Parameter Store',
  'AWS Cloud Map',
  'AWS Elastic Beanstalk',
  'AWS Copilot',
  'AWS Proton',
  'AWS CodeBuild',
  'AWS CodePipeline',
  'AWS CodeDeploy',
  'AWS CodeCommit',
  'AWS CodeArtifact',
  'AWS Cloud9',
  'AWS CloudShell',
  'AWS Global Accelerator',
  'AWS Direct Connect',
  'AWS PrivateLink',
  'Amazon Route 53',
  'Amazon CloudFront',
  'Amazon CloudWatch',
  'Amazon CloudWatch Logs',
  'AWS X-Ray',
  'AWS Step Functions',
  'Amazon EventBridge',
  'AWS Secrets Manager',
  'AWS CloudFormation',
  'AWS Cloud Development Kit',
  'Amazon Virtual Private Cloud',
  'AWS Transit Gateway',
  'Application Load Balancer',
  'Network Load Balancer',
  'Amazon EC2 Spot Instances',
  'Amazon EC2 Auto Scaling',
];

/** What people type, and the service they mean by it. */
const MEANT = [
  ['app mesh', 'AWS App Mesh'],
  ['appmesh', 'AWS App Mesh'],
  ['hyperdrive', 'Cloudflare Hyperdrive'],
  ['paperspace', 'Paperspace'],
  ['atlas charts', 'MongoDB Atlas Charts'],
  ['netlify blobs', 'Netlify Blobs'],
  ['capella', 'Couchbase Capella'],
  ['speed insights', 'Vercel Speed Insights'],
  ['supabase vault', 'Supabase Vault'],
  ['aws amplify hosting', 'AWS Amplify'],
  ['app check', 'Firebase App Check'],
  ['doks', 'DigitalOcean Kubernetes'],
  ['cloudflare vectorize', 'Cloudflare Vectorize'],
  ['cloudflare images', 'Cloudflare Images'],
  ['ecs', 'Amazon Elastic Container Service'],
  ['eks', 'Amazon Elastic Kubernetes Service'],
  ['s3', 'Amazon Simple Storage Service'],
  ['ec2', 'Amazon Elastic Compute Cloud'],
  ['sqs', 'Amazon Simple Queue Service'],
  ['cfn', 'AWS CloudFormation'],
  ['ssm', 'AWS Systems Manager'],
  ['eb', 'AWS Elastic Beanstalk'],
  ['parameter store', 'AWS Systems Manager Parameter Store'],
  ['alb', 'Application Load Balancer'],
  ['elb', 'Elastic Load Balancing'],
  ['auto scaling groups', 'Amazon EC2 Auto Scaling'],
  ['cloudwatch events', 'Amazon EventBridge'],
  ['secretsmanager', 'AWS Secrets Manager'],
  ['x-ray', 'AWS X-Ray'],
  ['sam', 'AWS Serverless Application Model'],
  ['gke', 'Google Kubernetes Engine'],
  ['aks', 'Azure Kubernetes Service'],
  ['aci', 'Azure Container Instances'],
  ['gcs', 'Google Cloud Storage'],
  ['bq', 'BigQuery'],
  ['application insights', 'Azure Monitor Application Insights'],
  ['kafka', 'Apache Kafka'],
  ['msk', 'Amazon Managed Streaming for Apache Kafka'],
  ['k8s', 'Kubernetes'],
  ['git ignore', 'gitignore'],
  ['jenkinsfile', 'Jenkins'],
  ['dependabot', 'Dependabot'],
  ['codeql', 'GitHub Advanced Security'],
  ['deepl', 'DeepL'],
  ['dlt pipelines', 'Delta Live Tables'],
] as const;

type Service = (typeof catalogue.services)[number];

const byProvider = (provider: string): Service[] => catalogue.services.filter((s) => s.provider === provider);

/** Every lookup key (the tutor's phrase form of a name or alias) and the services that claim it. */
function keyOwners(): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const service of catalogue.services) {
    for (const spelling of [service.name, ...service.aliases]) {
      const key = phraseKey(spelling);
      const names = owners.get(key) ?? new Set<string>();
      names.add(service.name);
      owners.set(key, names);
    }
  }
  return owners;
}

describe('cloud-services.json', () => {
  const owners = keyOwners();

  it('has the documented shape', () => {
    expect(Object.keys(catalogue).sort()).toEqual([
      'about',
      'everydayPhrases',
      'generated',
      'nameWords',
      'services',
    ]);
    expect(catalogue.about).toMatch(/aws-sdk/);
    expect(catalogue.about).toMatch(/scripts\/catalogue\/curated\.json/);
    expect(catalogue.about).toMatch(/scripts\/catalogue\/build-cloud-services\.mjs/);
    expect(catalogue.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(catalogue.generated).toISOString().slice(0, 10)).toBe(catalogue.generated);
    for (const service of catalogue.services) {
      expect(Object.keys(service)).toEqual(['name', 'provider', 'category', 'aliases']);
      expect(service.name.trim()).toBe(service.name);
      expect(service.name.length).toBeGreaterThan(1);
      expect(service.aliases.length).toBeGreaterThan(0);
    }
  });

  it('lists as everyday phrases aliases of several words that are a compound of everyday English', () => {
    const aliases = new Set(catalogue.services.flatMap((service) => service.aliases));
    for (const phrase of catalogue.everydayPhrases) {
      expect(phrase).toMatch(/^[a-z0-9]+( [a-z0-9]+)+$/);
      expect(aliases.has(phrase), phrase).toBe(true);
    }
    expect(catalogue.everydayPhrases).toContain('front door');
    expect(catalogue.everydayPhrases).not.toContain('app mesh');
  });

  it('lists as name words one-word aliases that are rare English words, never everyday ones', () => {
    const aliases = new Set(catalogue.services.flatMap((service) => service.aliases));
    for (const word of catalogue.nameWords) {
      expect(word).toMatch(/^[a-z0-9]+$/);
      expect(aliases.has(word), word).toBe(true);
    }
    expect(catalogue.nameWords).toEqual(expect.arrayContaining(['lambda', 'kinesis', 'redshift']));
    for (const everyday of ['glue', 'batch', 'backup', 'shield', 'connect', 'forecast', 'docker'])
      expect(catalogue.nameWords).not.toContain(everyday);
  });

  it('uses only the allowed providers and categories', () => {
    const providers = new Set(catalogue.services.map((s) => s.provider));
    const categories = new Set(catalogue.services.map((s) => s.category));
    expect([...providers].filter((p) => !PROVIDERS.has(p))).toEqual([]);
    expect([...categories].filter((c) => !CATEGORIES.has(c))).toEqual([]);
  });

  it('writes every alias lowercase and trimmed, once per service', () => {
    for (const service of catalogue.services) {
      for (const alias of service.aliases) {
        expect(alias, service.name).toBe(alias.toLowerCase().trim());
        expect(alias, service.name).not.toMatch(/\s{2}/);
        expect(phraseKey(alias), `${service.name}: "${alias}" has no words`).not.toBe('');
      }
      expect(new Set(service.aliases).size, service.name).toBe(service.aliases.length);
    }
  });

  it('gives no name or alias to two services, as the tutor looks them up', () => {
    const names = catalogue.services.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const shared = [...owners].filter(([, names]) => names.size > 1).map(([key, names]) => [key, [...names]]);
    expect(shared).toEqual([]);
  });

  it('has every must-have AWS service', () => {
    const aws = new Set(byProvider('aws').map((s) => s.name));
    expect(MUST_HAVE_AWS.filter((name) => !aws.has(name))).toEqual([]);
  });

  it.each(MEANT)('reads "%s" as %s', (typed, name) => {
    expect([...(owners.get(phraseKey(typed)) ?? [])]).toEqual([name]);
  });

  it('covers AWS fully and the other big clouds broadly, in a file small enough to load at start', () => {
    expect(byProvider('aws').length).toBeGreaterThanOrEqual(200);
    expect(byProvider('azure').length).toBeGreaterThanOrEqual(25);
    expect(byProvider('gcp').length).toBeGreaterThanOrEqual(25);
    for (const provider of [
      'oracle',
      'ibm',
      'alibaba',
      'digitalocean',
      'cloudflare',
      'kubernetes',
      'hashicorp',
    ]) {
      expect(byProvider(provider).length, provider).toBeGreaterThanOrEqual(3);
    }
    // The file leaves out each service's name in lower case, which the tutor puts back first.
    for (const service of catalogueFile.services)
      expect(service.aliases[0], service.name).not.toBe(service.name.toLowerCase());
    const path = fileURLToPath(new URL('../../src/understand/data/cloud-services.json', import.meta.url));
    expect(statSync(path).size).toBeLessThan(200 * 1024);
  });
});
