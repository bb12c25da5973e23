import { fileURLToPath } from 'node:url';
import { phraseKey } from '../knowledge/text.js';
import { Counterparts } from './counterparts.js';
import catalogueData from './data/cloud-services.json' with { type: 'json' };
import type { EnglishWords } from './english.js';
import { JsonSections, type NamedLists } from './json-sections.js';
import { type NeedMatch, ServiceNeeds } from './service-needs.js';
import { ShortForms } from './short-forms.js';
import { situationNeeds } from './situations.js';
import { NEGATIONS, STOPWORDS } from './stopwords.js';

/** A cloud service people ask about, from the catalogue (data/cloud-services.json). */
export interface CloudService {
  /** The official name: `AWS App Mesh`, `Google Kubernetes Engine`. */
  name: string;
  provider: string;
  category: string;
  /** Lowercase forms people type: `app mesh`, `appmesh`, `gke`. */
  aliases: string[];
}

export interface CatalogueData {
  services: CloudService[];
  /** One-word names that are rare English words, meant as names when a question uses them. */
  nameWords?: string[];
  /** Names of several words that are also an everyday compound (`front door`). */
  everydayPhrases?: string[];
}

/**
 * How people describe the needs each service meets without naming it (data/service-needs.json), by
 * service name in three sections: `needs`; `situations` that lead people to it, told as in chat
 * (see situations.ts); `features`, questions on one feature each in a learner's words beside the
 * docs' term for it.
 */
export const SHIPPED_NEEDS = fileURLToPath(new URL('./data/service-needs.json', import.meta.url));

let shippedNeeds: JsonSections | null = null;

/** The needs the tutor ships, read once. */
export function loadShippedNeeds(): JsonSections {
  shippedNeeds ??= JsonSections.read(SHIPPED_NEEDS);
  return shippedNeeds;
}

const NO_NEEDS: NamedLists = { list: () => [] };

/** A catalogued service named in a question. */
export interface ServiceMention {
  service: CloudService;
  start: number;
  end: number;
  /**
   * A one-word name that is also an ordinary word (`glue`, `backup`, `config`), or a longer one
   * that is an everyday compound (`front door`), without a vendor before it: it names the service
   * only when the question is about nothing else.
   */
  plain: boolean;
  /**
   * False for another cloud's product the catalogue lacks, named only by the cloud before it
   * ("azure health data services"): in notes on that cloud, "gcp bill spiked" names no product.
   */
  listed: boolean;
  /** Another cloud named as where the question's work happens ("… in google cloud"), no product. */
  platform?: true;
}

/**
 * A name without the vendor words that open it, as a cloud's own notes write it: `google cloud
 * pub sub` is `cloud pub sub` and `pub sub`.
 */
function shortKeys(key: string): string[] {
  // Most names open with neither: they are not split to find it out.
  const first = key.slice(0, Math.max(0, key.indexOf(' ')));
  if (!VENDOR_PREFIXES.has(first) && first !== 'cloud') return [];
  const words = key.split(' ');
  const shorts: string[] = [];
  let at = 0;
  while (at < words.length - 1 && (VENDOR_PREFIXES.has(words[at] ?? '') || words[at] === 'cloud')) {
    at++;
    shorts.push(words.slice(at).join(' '));
  }
  return shorts;
}

/** Words that say whose cloud a name belongs to: `aws glue` is the service, `glue` may be glue. */
export const VENDOR_PREFIXES = new Set([
  'aws',
  'amazon',
  'azure',
  'microsoft',
  'google',
  'gcp',
  'gcloud',
  'oracle',
  'oci',
  'ibm',
  'alibaba',
  'digitalocean',
  'cloudflare',
  'heroku',
]);

/** The provider the catalogue files open-source projects under (Kubernetes, Kafka, Grafana). */
export const OPEN_SOURCE = 'kubernetes';

/**
 * The provider the catalogue files developer technologies under: tools, protocols, formats and the
 * named features of common tools (`gRPC`, `ksqlDB`, `Git submodules`, `PostgreSQL`).
 */
export const TECHNOLOGY = 'tech';

/** The longest alias, in words, that the catalogue looks for. */
const MAX_ALIAS_WORDS = 6;
/** In this many services' names, an ordinary word is one names are made of, not a name. */
const NAMING_WORD_SERVICES = 10;

/**
 * Recognises the cloud services a question names, so that a question about a service the notes
 * don't cover gets an honest "not in the notes" instead of the nearest unrelated topic.
 */
export class ServiceCatalogue {
  private readonly byKey = new Map<string, CloudService>();
  /**
   * A name as its own cloud's notes write it, without the vendor before it -> the services so
   * named: `secret manager` is Google Cloud Secret Manager's as much as AWS Secrets Manager's.
   */
  private byShortKey: Map<string, CloudService[]> | null = null;
  /** Every spelling of every service as a key, for the short names, which are made when first needed. */
  private readonly spellings: [string, CloudService][] = [];
  private readonly firstWords = new Set<string>();
  private readonly plainKeys = new Set<string>();
  private readonly everydayPhrases: ReadonlySet<string>;
  /**
   * Ordinary words many services' names are made of (`service`, `manager`, `storage`): one of them
   * alone names no service in particular.
   */
  readonly namingWords: ReadonlySet<string>;
  /** Word -> how many services' official names have it. */
  private readonly namesWith: ReadonlyMap<string, number>;

  /** Names' words as chat shortens them: `db` for `database`, `k8s` for `kubernetes`. */
  private readonly shortForms: ShortForms;
  /** Every catalogued service. */
  readonly services: readonly CloudService[];

  constructor(
    data: CatalogueData,
    private readonly english: EnglishWords,
    private readonly needLists: NamedLists = NO_NEEDS,
  ) {
    this.shortForms = new ShortForms(english);
    this.services = data.services;
    const servicesNamedWith = new Map<string, number>();
    const nameWords = new Set(data.nameWords);
    this.everydayPhrases = new Set(data.everydayPhrases);
    for (const service of data.services) {
      for (const word of new Set(phraseKey(service.name).split(' ')))
        servicesNamedWith.set(word, (servicesNamedWith.get(word) ?? 0) + 1);
      for (const spelling of [service.name, ...service.aliases]) {
        const key = phraseKey(spelling);
        this.spellings.push([key, service]);
        if (!key || key.split(' ').length > MAX_ALIAS_WORDS || this.byKey.has(key)) continue;
        if (key.split(' ').every((word) => STOPWORDS.has(word) || VENDOR_PREFIXES.has(word))) continue;
        this.byKey.set(key, service);
        this.firstWords.add(key.split(' ')[0] ?? '');
        if (!key.includes(' ') && english.has(key) && !nameWords.has(key)) this.plainKeys.add(key);
      }
    }
    this.namesWith = servicesNamedWith;
    this.namingWords = new Set(
      [...servicesNamedWith]
        .filter(([word, services]) => services >= NAMING_WORD_SERVICES && english.has(word))
        .map(([word]) => word),
    );
  }

  /** How many services' official names have this word (`iot`: 18, `greengrass`: 1). */
  servicesNamedWith(word: string): number {
    return this.namesWith.get(word) ?? 0;
  }

  get size(): number {
    return new Set(this.byKey.values()).size;
  }

  /**
   * Open-source projects named inside a service's names: Kubernetes in `Amazon Elastic Kubernetes
   * Service`, Kafka in `Amazon Managed Streaming for Apache Kafka`.
   */
  projectsIn(service: CloudService): CloudService[] {
    const found = new Set<CloudService>();
    for (const spelling of [service.name, ...service.aliases]) {
      const words = phraseKey(spelling).split(' ');
      for (let start = 0; start < words.length; start++)
        for (let end = start + 1; end <= words.length; end++) {
          const named = this.byKey.get(words.slice(start, end).join(' '));
          if (named && named !== service && named.provider === OPEN_SOURCE) found.add(named);
        }
    }
    return [...found];
  }

  /** The service a name (any spelling the catalogue knows) stands for. */
  lookup(name: string): CloudService | undefined {
    return this.byKey.get(phraseKey(name));
  }

  /**
   * The service a name, made a key (`phraseKey`), stands for in notes on the given clouds: notes on
   * Google Cloud mean its `Secret Manager` and `Cloud Storage`, though the first is also an alias of
   * AWS Secrets Manager and the second only the short name of Google Cloud Storage. Any cloud's when
   * theirs has none.
   * @param heading the name is a topic's own: a heading `# Pages` in notes on Cloudflare is
   *   Cloudflare Pages, where `pages` in a bullet or a question is only a word; `# Linodes` is Linode.
   */
  lookupKeyIn(key: string, clouds: ReadonlySet<string>, heading = false): CloudService | undefined {
    const exact = this.byKey.get(key) ?? (heading ? this.#singularOf(key, clouds) : undefined);
    if (clouds.size === 0 || (exact && clouds.has(exact.provider))) return exact;
    // `kubernetes` is Kubernetes, which every cloud runs, not Google's `google kubernetes` shortened.
    if (exact && (exact.provider === OPEN_SOURCE || exact.provider === TECHNOLOGY)) return exact;
    const own = this.shortKeys()
      .get(key)
      ?.find((service) => clouds.has(service.provider));
    // One ordinary word (`storage`) names nothing of a cloud's own, but as a heading.
    if (!own || (!heading && !key.includes(' ') && this.english.has(key))) return exact;
    return own;
  }

  /**
   * A heading names its things in the plural (`# Linodes`) where the catalogue names the product
   * once (`Linode`): only a product of the notes' own clouds, as `# Backups` in notes on MongoDB
   * Atlas is no AWS Backup.
   */
  #singularOf(key: string, clouds: ReadonlySet<string>): CloudService | undefined {
    const single = key.endsWith('s') ? this.byKey.get(key.slice(0, -1)) : undefined;
    return single && clouds.has(single.provider) ? single : undefined;
  }

  /** Built the first time a name is not its cloud's own: notes on AWS seldom need them. */
  private shortKeys(): Map<string, CloudService[]> {
    if (this.byShortKey) return this.byShortKey;
    const byShortKey = new Map<string, CloudService[]>();
    for (const [key, service] of this.spellings)
      for (const short of shortKeys(key)) {
        const named = byShortKey.get(short) ?? [];
        if (!named.includes(service)) named.push(service);
        byShortKey.set(short, named);
      }
    this.byShortKey = byShortKey;
    return byShortKey;
  }

  /** Needs a learner describes without naming the service ("warn us before we overspend"). */
  needsOf(service: CloudService): readonly string[] {
    let needs = this.allNeeds.get(service.name);
    if (!needs) {
      needs = [
        ...this.needLists.list('needs', service.name),
        ...situationNeeds(this.needLists.list('situations', service.name)),
      ];
      this.allNeeds.set(service.name, needs);
    }
    return needs;
  }

  /**
   * Questions on the service's features ("bought the wrong one, can i return it within 7 days"),
   * each in a learner's words beside the docs' term: which of a topic's facts answers. They say
   * nothing of whether the notes cover a need, so they stay out of `needsOf`: with them, the
   * features of the many services the notes lack took questions from the ones they cover.
   */
  featuresOf(service: CloudService): readonly string[] {
    return this.needLists.list('features', service.name);
  }

  /**
   * The needs a topic covering the service gets: its needs, and its feature questions' words that are
   * not everyday English, which say a need as the situations' do.
   */
  topicNeedsOf(service: CloudService): readonly string[] {
    return [...this.needsOf(service), ...situationNeeds(this.featuresOf(service))];
  }

  /**
   * The needs as written, without the situations': what services of different clouds are compared
   * by, since only AWS's have situations.
   */
  writtenNeedsOf(service: CloudService): readonly string[] {
    return this.needLists.list('needs', service.name);
  }

  /** Each service's needs with its situations' needs, made the first time they are asked for. */
  private readonly allNeeds = new Map<string, readonly string[]>();

  /** Official name without its vendor word or bracket -> services whose names go on from it. */
  private families: Map<string, { service: CloudService; rest: string }[]> | null = null;

  /**
   * The services whose official names go on from this one's (`AWS Systems Manager Run Command`
   * from `AWS Systems Manager`), each with the words that follow (`run command`).
   */
  familyOf(service: CloudService): readonly { service: CloudService; rest: string }[] {
    if (!this.families) {
      const families = new Map<string, { service: CloudService; rest: string }[]>();
      for (const member of this.services) {
        const words = familyKey(member.name).split(' ');
        for (let length = 1; length < words.length; length++) {
          const head = words.slice(0, length).join(' ');
          const list = families.get(head) ?? [];
          list.push({ service: member, rest: words.slice(length).join(' ') });
          families.set(head, list);
        }
      }
      this.families = families;
    }
    return this.families.get(familyKey(service.name)) ?? [];
  }

  private counterparts: Counterparts | null = null;

  /** The service of the given providers whose needs are most like this one's, and how alike (0..1). */
  counterpartOf(
    service: CloudService,
    providers: ReadonlySet<string>,
  ): { service: CloudService; likeness: number } | null {
    this.counterparts ??= new Counterparts(this);
    return this.counterparts.of(service, providers);
  }

  /** One index of needs for each set of providers asked of, built on the first question. */
  private readonly needIndexes = new Map<string, ServiceNeeds>();

  /**
   * For each service of the given providers with a need sharing words with a question's, its best
   * need: notes on Azure hear needs as Azure's, and the other clouds' many needs cost them nothing.
   */
  needMatches(tokens: readonly string[], providers: ReadonlySet<string>): NeedMatch[] {
    const key = [...providers].sort().join(' ');
    let index = this.needIndexes.get(key);
    if (!index) {
      index = new ServiceNeeds(this, providers);
      this.needIndexes.set(key, index);
    }
    return index.matches(tokens);
  }

  /** Whether a name, made a key (`phraseKey`), is also one ordinary English word (`backup`, `config`, `glue`). */
  isPlainKey(key: string): boolean {
    if (this.plainKeys.has(key)) return true;
    // Chat's short form of an English word is that word: "a custom nginx config" names no AWS Config.
    const full = this.shortForms.of(key);
    return full !== undefined && this.english.has(full);
  }

  /**
   * The name a run of tokens may be: `rekognition's` and `vpcs` come without their apostrophe, an
   * `s` after the name; a plural name may be asked in the singular (`a digitalocean volume`).
   */
  private keyOf(tokens: readonly string[], start: number, length: number): string {
    const key = tokens.slice(start, start + length).join(' ');
    if (this.byKey.has(key)) return key;
    if (length > 1 && this.byKey.has(`${key}s`)) return `${key}s`;
    return key.endsWith('s') ? key.slice(0, -1) : key;
  }

  /** Services named in a question's tokens, longest names first, never overlapping. */
  find(tokens: readonly string[]): ServiceMention[] {
    const mentions: ServiceMention[] = [];
    const inFull = this.shortForms.inFull(tokens);
    const opensName = (word: string) => this.firstWords.has(word) || this.firstWords.has(word.slice(0, -1));
    for (let start = 0; start < tokens.length; start++) {
      if (!opensName(tokens[start] ?? '') && !(inFull && opensName(inFull[start] ?? ''))) continue;
      for (let length = Math.min(MAX_ALIAS_WORDS, tokens.length - start); length >= 1; length--) {
        let key = this.keyOf(tokens, start, length);
        if (!this.byKey.has(key) && inFull) key = this.keyOf(inFull, start, length);
        const service = this.byKey.get(key);
        if (!service) continue;
        const afterVendor = start > 0 && VENDOR_PREFIXES.has(tokens[start - 1] ?? '');
        mentions.push({
          service,
          start: afterVendor ? start - 1 : start,
          end: start + length,
          plain: (length === 1 ? this.isPlainKey(key) : this.everydayPhrases.has(key)) && !afterVendor,
          listed: true,
        });
        start += length - 1;
        break;
      }
    }
    return [...mentions, ...otherCloudProducts(tokens, mentions, this.english)].sort(
      (a, b) => a.start - b.start,
    );
  }
}

/** Words that name another cloud platform, one or two of them, and how its products are shown. */
const OTHER_CLOUDS: readonly { words: string[]; provider: string; label: string }[] = [
  { words: ['google', 'cloud'], provider: 'gcp', label: 'Google Cloud' },
  { words: ['oracle', 'cloud'], provider: 'oracle', label: 'Oracle Cloud' },
  { words: ['ibm', 'cloud'], provider: 'ibm', label: 'IBM Cloud' },
  { words: ['alibaba', 'cloud'], provider: 'alibaba', label: 'Alibaba Cloud' },
  { words: ['azure'], provider: 'azure', label: 'Azure' },
  { words: ['gcp'], provider: 'gcp', label: 'Google Cloud' },
  { words: ['gcloud'], provider: 'gcp', label: 'Google Cloud' },
  { words: ['oci'], provider: 'oracle', label: 'Oracle Cloud' },
];
/** The words that name a provider's cloud: `google`, `gcp`, `gcloud` for Google Cloud. */
export function providerWords(provider: string): string[] {
  return [
    ...new Set(
      OTHER_CLOUDS.filter((cloud) => cloud.provider === provider).map((cloud) => cloud.words[0] ?? ''),
    ),
  ];
}

/** Whether a question names a provider's cloud anywhere: `azure`, `google`, `gcp` or the provider itself. */
export function namesProvider(tokens: readonly string[], provider: string): boolean {
  return tokens.some(
    (token) =>
      token === provider ||
      OTHER_CLOUDS.some((cloud) => cloud.provider === provider && cloud.words[0] === token),
  );
}

/** The other cloud whose name starts at this token: `google cloud`, `gcp`, `azure`. */
function cloudNamedAt(tokens: readonly string[], start: number): (typeof OTHER_CLOUDS)[number] | undefined {
  return OTHER_CLOUDS.find((other) => other.words.every((word, i) => tokens[start + i] === word));
}

/** A product's name after its platform's runs this many words at most. */
const MAX_PRODUCT_WORDS = 4;
/** Words that end a product's name: they and what follows ask something of it, not name it. */
const NAME_ENDS = new Set(
  `equivalent alternative alternatives counterpart version instead pricing price prices cost costs
  billing limit limits quota quotas tier tiers sla region regions docs documentation tutorial setup
  features performance latency security support`.split(/\s+/),
);

/**
 * Another cloud's product the catalogue lacks ("azure health data services", "google cloud
 * healthcare api"), or the platform itself when its pricing or quotas are asked ("azure pricing"):
 * the platform's name says whose product the words after it name, so the notes, written on AWS, do
 * not cover it.
 */
function otherCloudProducts(
  tokens: readonly string[],
  found: readonly ServiceMention[],
  english: EnglishWords,
): ServiceMention[] {
  const taken = (at: number) => found.some((mention) => mention.start <= at && at < mention.end);
  const products: ServiceMention[] = [];
  for (let start = 0; start < tokens.length; start++) {
    if (taken(start)) continue;
    const cloud = cloudNamedAt(tokens, start);
    if (!cloud) continue;
    let end = start + cloud.words.length;
    while (
      end < tokens.length &&
      end - start - cloud.words.length < MAX_PRODUCT_WORDS &&
      !taken(end) &&
      !STOPWORDS.has(tokens[end] ?? '') &&
      // "on azure without changing drivers": what the question does without is no product's name.
      !NEGATIONS.has(tokens[end] ?? '') &&
      !NAME_ENDS.has(tokens[end] ?? '')
    )
      end++;
    const product = tokens.slice(start + cloud.words.length, end);
    if (product.length === 0 && !NAME_ENDS.has(tokens[end] ?? '')) continue;
    products.push({
      service: {
        name: [cloud.label, ...product.map((word) => asInName(word, english))].join(' '),
        provider: cloud.provider,
        category: 'other',
        aliases: [],
      },
      start,
      end,
      plain: false,
      listed: false,
    });
    start = end - 1;
  }
  return products;
}

/** Words that put what a question asks on a platform: "… on azure", "… in google cloud". */
const ON_PLATFORM = new Set(['in', 'on', 'inside', 'within', 'using', 'into']);

/**
 * Another cloud named as where the question's work happens ("how does container orchestration work
 * on azure", "what is the serverless container option in google cloud", "how do i set up the
 * billing export to bigquery in google cloud"): the question asks how that cloud does it, which
 * notes on other clouds do not teach. Clouds in `except` (the notes' own) are left out.
 */
export function platformsAskedOn(
  tokens: readonly string[],
  found: readonly ServiceMention[],
  except: ReadonlySet<string>,
): ServiceMention[] {
  const platforms: ServiceMention[] = [];
  for (let start = 1; start < tokens.length; start++) {
    if (!ON_PLATFORM.has(tokens[start - 1] ?? '')) continue;
    const cloud = cloudNamedAt(tokens, start);
    if (!cloud || except.has(cloud.provider)) continue;
    const end = start + cloud.words.length;
    if (found.some((mention) => mention.start < end && start < mention.end)) continue;
    platforms.push({
      service: { name: cloud.label, provider: cloud.provider, category: 'other', aliases: [] },
      start,
      end,
      plain: false,
      listed: false,
      platform: true,
    });
  }
  return platforms;
}

/** A word of a product's name as names are written: `Health`, `Data`, and `API` for a word English lacks. */
function asInName(word: string, english: EnglishWords): string {
  return english.has(word) ? word.charAt(0).toUpperCase() + word.slice(1) : word.toUpperCase();
}

/** Every word of a text, for telling whether a question says anything besides a name. */
export function contentWords(tokens: readonly string[]): string[] {
  return tokens.filter((token) => !STOPWORDS.has(token) && !VENDOR_PREFIXES.has(token));
}

/** An official name without the bracket some end with: `Amazon Keyspaces (for Apache Cassandra)`. */
export function unbracketedKey(name: string): string {
  return phraseKey(name.replace(/\s*\(.*\)$/, ''));
}

/** An official name as a family shares it: `aws systems manager` -> `systems manager`. */
function familyKey(name: string): string {
  const words = unbracketedKey(name).split(' ');
  return (VENDOR_PREFIXES.has(words[0] ?? '') ? words.slice(1) : words).join(' ');
}

/** The catalogue that ships with the tutor. */
export function loadServiceCatalogue(english: EnglishWords): ServiceCatalogue {
  return new ServiceCatalogue(shippedCatalogue(), english, loadShippedNeeds());
}

/**
 * The shipped catalogue (data/cloud-services.json) as the tutor reads it: the file leaves out each
 * service's first alias, its name in lower case, which is put back here.
 */
export function shippedCatalogue(): CatalogueData {
  return {
    ...catalogueData,
    services: catalogueData.services.map((service) => ({
      ...service,
      aliases: [service.name.toLowerCase(), ...service.aliases],
    })),
  };
}
