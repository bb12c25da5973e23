import { entryTerm } from '../knowledge/definition.js';
import { looksLikeAcronym, phraseKey, stem, VENDOR_WORDS, words } from '../knowledge/text.js';
import type { EnglishWords } from './english.js';
import type { EverydayWords } from './everyday-words.js';
import type { NameHit, ReadQuestion } from './read-question.js';
import {
  type CloudService,
  contentWords,
  namesProvider,
  OPEN_SOURCE,
  providerWords,
  type ServiceCatalogue,
  type ServiceMention,
  TECHNOLOGY,
  unbracketedKey,
  VENDOR_PREFIXES,
} from './service-catalogue.js';
import { ARTICLES, AUXILIARIES, COMPARING_MARKS, STOPWORDS, YES_NO } from './stopwords.js';
import type { TopicIndex } from './topic-index.js';

/**
 * Tells which catalogued services a question is about that no topic of the notes covers. Built
 * once per notes: a service is covered when one of its names is a topic's name or alias, or when
 * one topic alone marks it as a key term.
 */
export class UncoveredServices {
  private readonly covered = new Set<CloudService>();
  /** Topic -> the catalogued services it covers. */
  private readonly servicesOf: CloudService[][] = [];
  /** Topic -> the catalogued services its own names name. */
  private readonly namedBy: CloudService[][] = [];
  /** Topic -> the providers of the catalogued services it covers (EKS: aws, and kubernetes). */
  private readonly providers: Set<string>[] = [];
  private readonly namingTopics = new Map<CloudService, number[]>();
  /** Service -> the topic with a bullet of its own for it (`**Spot Instances** : ...`). */
  private readonly entryOf = new Map<CloudService, number>();
  private readonly keysOfFacts = new Map<number, string[]>();
  /**
   * Services a topic takes the names of but not the needs, being about more than each (`Security
   * Groups & NACLs` is no answer to every need of a network ACL) or only a part (`CloudWatch Metrics
   * & Alarms`).
   */
  private readonly namesOnly = new Set<CloudService>();
  /** Each opening of a topic's name (`lambda`, `lambda layers`) -> how many topics' names open so. */
  private nameOpenings: Map<string, number> | null = null;
  private readonly ownNameKeys = new Map<number, ReadonlySet<string>>();
  /** One-word names of the services the notes as a whole are about, and no topic is: `kubernetes`. */
  readonly domainWords = new Set<string>();
  /** Every name of those services, of one word or more: `route 53`, `amazon route 53`, `route53`. */
  readonly domainNames = new Set<string>();
  /** Every word of the topics' names: made when first needed. */
  private headingWords: Set<string> | null = null;
  /** Those services no topic covers: the notes as a whole teach them, no one topic. */
  private readonly wholeNotes = new Set<CloudService>();
  /**
   * The providers whose services the notes' topics are about (`aws`; `gcp` in notes on Google
   * Cloud), none when the topics are no catalogued services.
   */
  readonly clouds: ReadonlySet<string>;
  /** One-word names of the products the notes as a whole are about: `terraform` in `terraform-basics.md`. */
  readonly products: readonly string[];
  /** The same names, product by product: `postgresql`, `postgres` and `psql` are one. */
  readonly productNames: readonly (readonly string[])[];
  /** All their names, of one word or more, product by product: `amazon route 53`, `route 53`, `route53`. */
  readonly productKeys: readonly (readonly string[])[];

  constructor(
    private readonly catalogue: ServiceCatalogue,
    private readonly index: TopicIndex,
    private readonly english: EnglishWords,
    private readonly everyday: EverydayWords,
    domain: readonly string[] = [],
  ) {
    // A product named by an everyday word (`vault-ops.md`) is what the notes are about when their
    // facts write it as a name across their topics ("Vault keeps 10 versions", "… so only Vault knows it").
    let topicsCapitalising: Map<string, number> | null = null;
    const namedAcross = (word: string) => {
      // A word no fact uses is written as a name in none: the facts are not read for it.
      if (!index.vocabulary.has(word)) return false;
      if (!topicsCapitalising) {
        topicsCapitalising = new Map();
        for (const capitalised of this.capitalisedPerTopic())
          for (const name of capitalised)
            topicsCapitalising.set(name, (topicsCapitalising.get(name) ?? 0) + 1);
      }
      return (topicsCapitalising.get(word) ?? 0) >= DOMAIN_NAME_SHARE * index.topics.length;
    };
    const domainProducts = productsOf(catalogue, domain, namedAcross);
    // Notes on one of a vendor's products (`twilio-messaging.md`) are on that vendor: its own name
    // (`Twilio`) is no product they lack. Not for the projects and technologies every cloud runs.
    for (const product of [...domainProducts]) {
      if (product.provider === OPEN_SOURCE || product.provider === TECHNOLOGY) continue;
      const vendor = catalogue.lookup(product.provider);
      if (vendor && vendor.provider === product.provider && !domainProducts.includes(vendor))
        domainProducts.push(vendor);
    }
    this.productNames = domainProducts.map(oneWordNames);
    this.productKeys = domainProducts.map(nameForms);
    this.products = this.productNames.flat();
    // In notes on Terraform, `Workspaces` are Terraform's, not Amazon WorkSpaces.
    const names = index.topics.map((topic) =>
      [topic.name, ...topic.aliases].map((name) => ofProduct(phraseKey(name), this.products, catalogue)),
    );
    // Notes on one product (`gcs.md`, headings like `Storage classes`) teach its cloud, though few
    // of their headings name a service of it.
    const clouds = notesClouds(catalogue, names);
    if (clouds.size === 0)
      for (const product of domainProducts) {
        if (product.provider === TECHNOLOGY || product.provider === OPEN_SOURCE) continue;
        clouds.add(product.provider);
        // Its cloud known only from it, the product is what the notes as a whole teach: no topic
        // named for a part of it (`BigQuery pricing`) is all of it.
        this.wholeNotes.add(product);
      }
    this.clouds = clouds;
    // The cloud the notes teach tells no topic apart, as `aws` does not in notes on AWS.
    for (const cloud of this.clouds) for (const word of providerWords(cloud)) this.domainWords.add(word);
    index.topics.forEach((_, i) => {
      const providers = new Set<string>();
      const services = new Set<CloudService>();
      const found = (names[i] ?? []).flatMap((key) => {
        const service = catalogue.lookupKeyIn(key, this.clouds, true);
        // In notes on Jenkins, `Jenkinsfile` (which the catalogue lists among Jenkins's names) is
        // one topic of them, not the product they are about; `MSK Provisioned` in notes on MSK and
        // `GitLab Runner` in notes on GitLab CI/CD still name it.
        if (service && domainProducts.includes(service) && !opensWithItsName(key, service)) return [];
        return service ? [{ key, service }] : [];
      });
      // `sts`, the short name StatefulSets declare, is AWS's Security Token Service too: a short
      // name says no other provider's service than the topic's full names do.
      const named = new Set(
        found.filter(({ key }) => !isShortName(key)).map(({ service }) => service.provider),
      );
      for (const { key, service } of found) {
        if (named.size > 0 && isShortName(key) && !named.has(service.provider)) continue;
        this.covered.add(service);
        services.add(service);
        providers.add(service.provider);
      }
      this.providers[i] = providers;
      this.servicesOf[i] = [...services];
      this.namedBy[i] = [...services];
    });
    // What the notes as a whole are about comes first: a topic bolding a part of it (`**Route 53
    // Profiles**` under Route 53 Resolver) covers that part, not the whole product.
    this.#coverDomain(domainProducts);
    this.#coverKeyTerms(catalogue, index);
    this.#coverManagedProjects(catalogue);
    this.#coverFamilyKeyTerms(catalogue, index);
    this.#coverHeadingParts(catalogue, index);
    this.#coverNamedParts(catalogue, index);
    this.#coverRunProjects(catalogue);
    this.#coverEditions(catalogue);
  }

  /**
   * A topic on part of a service, named for it (`CloudWatch Metrics & Alarms`) and covering no
   * service of its own, beside another on another part (`CloudWatch Logs`), teaches that service:
   * "how long does cloudwatch keep metrics" asks it, not about something the notes lack. Its names
   * are the topic's; its needs stay the service's.
   */
  #coverNamedParts(catalogue: ServiceCatalogue, index: TopicIndex): void {
    const marking = new Map<CloudService, Set<number>>();
    /** Service -> the first of several topics named for it, none covering it (`Lambda Basics`). */
    const inParts = new Map<CloudService, number>();
    index.topics.forEach((topic, i) => {
      if ((this.servicesOf[i]?.length ?? 0) > 0) return;
      const nameWords = phraseKey(topic.name).split(' ');
      for (let length = nameWords.length - 1; length >= 1; length--) {
        const key = nameWords.slice(0, length).join(' ');
        // An everyday word (`lambda`) is a name where several headings open with it.
        if (catalogue.isPlainKey(key) && this.#topicsNamedFor(key, index) < 2) continue;
        const service = catalogue.lookupKeyIn(key, this.clouds, true);
        // Covered as what the notes as a whole are about (`lambda-deep.md`) is covered by no topic.
        if (
          !service ||
          this.topicCovering(service) !== null ||
          this.wholeNotes.has(service) ||
          !this.teaches(service.provider)
        )
          continue;
        // Only where another topic covers a part of it too (`CloudWatch Logs`), or several are
        // named for it (`Lambda Layers`, `Lambda Concurrency`): one topic named after a service
        // (`EC2 Instance Store`) is about that part of it alone.
        const family = `${phraseKey(service.name)} `;
        if ([...this.covered].some((part) => phraseKey(part.name).startsWith(family)))
          mark(marking, service, i);
        else if (!inParts.has(service) && this.#namedForIt(service, key, index) >= 2) inParts.set(service, i);
        break;
      }
    });
    for (const [service, topic] of markedByOne(marking)) {
      this.#adoptNames(service, topic);
    }
    // Notes that teach a service topic by topic open with what it is: the first takes its needs.
    for (const [service, topic] of inParts)
      if (this.topicCovering(service) === null) this.#adopt(service, topic);
  }

  /**
   * How many topics' names open with the words that named a service (`gke standard`) or with one of
   * its names: `GKE Standard node pools` and `GKE release channels` are both named for GKE.
   */
  #namedForIt(service: CloudService, key: string, index: TopicIndex): number {
    const names = [key, ownNameKey(service), ...service.aliases.map(phraseKey)];
    return Math.max(...names.map((name) => this.#topicsNamedFor(name, index)));
  }

  /** How many topics' names open with the words of a service's name (`lambda`). */
  #topicsNamedFor(key: string, index: TopicIndex): number {
    // Counted once for all topics: asked for each topic's name, a folder of thousands would read
    // every name thousands of times. `Amazon EKS Clusters` and `EKS Add-ons` are both named for EKS.
    if (!this.nameOpenings) {
      const openings = new Map<string, number>();
      for (const topic of index.topics) {
        const words = withoutVendor(phraseKey(topic.name).split(' '));
        for (let length = 1; length <= words.length; length++) {
          const opening = words.slice(0, length).join(' ');
          openings.set(opening, (openings.get(opening) ?? 0) + 1);
        }
      }
      this.nameOpenings = openings;
    }
    return this.nameOpenings.get(withoutVendor(key.split(' ')).join(' ')) ?? 0;
  }

  /**
   * A product the notes' cloud runs as its own edition (`Azure Databricks`) is what the product's
   * bare name means in them: "synapse vs databricks" in notes on Azure compares two of their topics,
   * not a topic with another company's product. Its names name the topic; its needs stay the
   * edition's.
   */
  #coverEditions(catalogue: ServiceCatalogue): void {
    this.servicesOf.forEach((services, topic) => {
      for (const edition of [...services]) {
        if (!this.teaches(edition.provider)) continue;
        const [vendor, ...rest] = phraseKey(edition.name).split(' ');
        if (!vendor || !VENDOR_PREFIXES.has(vendor) || rest.length === 0) continue;
        const product = catalogue.lookupKeyIn(rest.join(' '), new Set());
        if (!product || product === edition || this.covered.has(product) || this.teaches(product.provider))
          continue;
        // Another company's product, not a technology any cloud runs: `postgres` in notes on Heroku
        // Postgres is still the database the notes teach in.
        if (product.provider === TECHNOLOGY || product.provider === OPEN_SOURCE) continue;
        this.#adoptNames(product, topic);
      }
    });
  }

  /**
   * A heading joining products (`Pipelines & Review Apps`) is about each of them, and one listing a
   * product among what the topic holds (`VPC Endpoints (gateway & interface endpoints, PrivateLink)`)
   * is about that product: "how do i expose my service with privatelink" asks this topic. Only
   * products of the clouds the notes teach, and never an ordinary word in the parentheses.
   */
  #coverHeadingParts(catalogue: ServiceCatalogue, index: TopicIndex): void {
    const marking = new Map<CloudService, Set<number>>();
    index.topics.forEach((topic, i) => {
      const joined = topic.name
        .split(/\s+&\s+/)
        .map((part) => catalogue.lookupKeyIn(phraseKey(part), this.clouds, true));
      const parts = joined.length > 1 && joined.every(Boolean) ? joined : [];
      // `AWS Fargate for Amazon EKS` teaches Fargate, where EKS runs it.
      const [made, , within] = topic.name.split(SERVICE_WITHIN);
      if (made && within && catalogue.lookupKeyIn(phraseKey(within), this.clouds, true)) {
        const madeFor = catalogue.lookupKeyIn(phraseKey(made), this.clouds, true);
        if (madeFor) parts.push(madeFor);
      }
      const listed = topic.categories
        .map(phraseKey)
        .filter((key) => !catalogue.isPlainKey(key))
        .map((key) => catalogue.lookupKeyIn(key, this.clouds));
      for (const service of [...parts, ...listed])
        if (service && !this.covered.has(service) && this.teaches(service.provider))
          mark(marking, service, i);
    });
    for (const [service, topic] of markedByOne(marking)) {
      this.#adoptNames(service, topic);
    }
  }

  /**
   * What the notes as a whole are about (`# Kubernetes notes` over `## Pods`, `kubernetes.md`) is no
   * service they lack: a question naming it asks about one of their topics. Only a name no English
   * word spells: a file called `storage.md` says nothing of a product named Storage.
   */
  #coverDomain(products: readonly CloudService[]): void {
    for (const product of products) {
      if (this.covered.has(product)) continue;
      this.covered.add(product);
      for (const name of oneWordNames(product)) this.domainWords.add(name);
      for (const name of nameForms(product)) this.domainNames.add(name);
    }
  }

  /**
   * An everyday word right after the name of the product the notes are about is a word of that
   * product's own name: the `connect` of "consul connect" in notes on Consul is no Amazon Connect.
   */
  private partOfDomainName(mention: ServiceMention, tokens: readonly string[]): boolean {
    return (
      mention.plain &&
      mention.end - mention.start === 1 &&
      this.domainWords.has(tokens[mention.start - 1] ?? '')
    );
  }

  /**
   * A tool the question opens with sets the scene when a later clause asks, in the notes' own
   * words, something of its own: "npm install takes 4 minutes every run. how do i keep
   * node_modules around between runs" asks about caching. "terragrunt keeps re-running init, how
   * do i stop that" asks about Terragrunt.
   */
  private setsTheScene(mention: ServiceMention, read: ReadQuestion): boolean {
    if (mention.service.provider !== TECHNOLOGY || read.lastClause < mention.end) return false;
    if (!ASKING.has(read.tokens[read.lastClause] ?? '')) return false;
    const asked = contentWords(read.tokens.slice(read.lastClause)).filter((word) =>
      this.index.knows(stem(word)),
    );
    return asked.length >= SCENE_ASKED_WORDS;
  }

  /**
   * A service of a covered one's family named by a key term of the covering topic (`AWS Systems
   * Manager Run Command` for `**Run Command**` under AWS Systems Manager) is part of what that
   * topic teaches: "ssm run command" asks the topic, not about a service it lacks.
   */
  #coverFamilyKeyTerms(catalogue: ServiceCatalogue, index: TopicIndex): void {
    this.servicesOf.forEach((services, topic) => {
      if (services.length === 0) return;
      const terms = new Set(index.topics[topic]?.facts.flatMap((fact) => fact.keyTerms.map(phraseKey)) ?? []);
      if (terms.size === 0) return;
      for (const family of [...services]) {
        for (const member of catalogue.familyOf(family)) {
          if (this.covered.has(member.service)) continue;
          // Covered as an entry: the topic takes neither the service's other names nor its needs,
          // which would make it the answer to every need of the family.
          if (!terms.has(member.rest)) continue;
          this.covered.add(member.service);
          this.entryOf.set(member.service, topic);
        }
      }
    });
  }

  /**
   * A topic on a managed open-source project (`Amazon EKS`, `Amazon MSK`) teaches the project too:
   * "managed kubernetes" asks about EKS, not about something the notes lack. Only when one topic
   * alone runs the project does it take the project's names and needs.
   */
  #coverManagedProjects(catalogue: ServiceCatalogue): void {
    const running = new Map<CloudService, Set<number>>();
    this.servicesOf.forEach((services, topic) => {
      for (const project of services.flatMap((service) => catalogue.projectsIn(service)))
        if (!this.covered.has(project)) mark(running, project, topic);
    });
    for (const [project, topic] of markedByOne(running)) this.#adopt(project, topic);
  }

  /**
   * A project that the services the notes teach run, by several topics or by one taught in parts
   * (`EKS Clusters`, `EKS Managed Node Groups`), is what those topics teach together: "quiz me on
   * kubernetes" asks about the notes, though no one topic takes its names.
   */
  #coverRunProjects(catalogue: ServiceCatalogue): void {
    for (const services of this.servicesOf)
      for (const project of services.flatMap((service) => catalogue.projectsIn(service)))
        this.covered.add(project);
  }

  /**
   * Whether the service is of a cloud the notes teach, or an open-source project any cloud runs:
   * `**Application Load Balancer**` in notes on Google Cloud is Google's, not AWS's.
   */
  private ofNotesCloud(service: CloudService): boolean {
    return (
      this.clouds.size === 0 ||
      this.clouds.has(service.provider) ||
      service.provider === OPEN_SOURCE ||
      service.provider === TECHNOLOGY
    );
  }

  /** Whether the notes teach the provider's cloud; AWS's when no topic is a catalogued service. */
  private teaches(provider: string): boolean {
    return this.clouds.size > 0 ? this.clouds.has(provider) : provider === AWS;
  }

  /** The topic covers the service: its names and the needs it meets are the topic's too. */
  #adopt(service: CloudService, topic: number): void {
    this.covered.add(service);
    this.servicesOf[topic]?.push(service);
    this.providers[topic]?.add(service.provider);
  }

  /** The topic covers the service by its names only: the needs it meets stay the service's. */
  #adoptNames(service: CloudService, topic: number): void {
    this.#adopt(service, topic);
    this.namesOnly.add(service);
  }

  /**
   * A service one topic marks as a key term (`**Snowcone**` under AWS Snow Family, `**DAX**` under
   * DynamoDB) is part of what that topic teaches, not a mention in passing: that topic covers it. A
   * key term that is one ordinary word (`a cheaper **backup** link`) is that word, not AWS Backup.
   */
  #coverKeyTerms(catalogue: ServiceCatalogue, index: TopicIndex): void {
    const marking = new Map<CloudService, Set<number>>();
    const entries = new Map<CloudService, Set<number>>();
    // Large notes bold the same terms again and again: each is looked up once.
    const serviceOfTerm = new Map<string, CloudService | null>();
    const lookUp = (term: string): CloudService | null => {
      let service = serviceOfTerm.get(term);
      if (service === undefined) {
        const key = phraseKey(term);
        // `**ALB**` in capitals is the load balancer, whatever an alb is in English.
        service =
          catalogue.isPlainKey(key) && term !== term.toUpperCase()
            ? null
            : (catalogue.lookupKeyIn(key, this.clouds) ?? null);
        serviceOfTerm.set(term, service);
      }
      return service;
    };
    index.topics.forEach((topic, i) => {
      for (const fact of topic.facts) {
        // "NOT for no-code cleanup, thats **Glue DataBrew**" sends the learner to another service.
        // "**Azure Cosmos DB for PostgreSQL** is also under the brand …, we don't use it" teaches none of it.
        if (POINTS_ELSEWHERE.test(fact.text) || DISOWNED.test(fact.text)) continue;
        const entry = entryTerm(fact);
        for (const term of fact.keyTerms) {
          const service = lookUp(term);
          if (!service || this.covered.has(service) || !this.ofNotesCloud(service)) continue;
          // What a heading says the topic is (`managed business email`) names no part of it: SES is
          // no part of WorkMail for sharing `email`.
          // Notes with several topics named for it (`Lambda Layers`, `Lambda Destinations`) teach
          // it in parts: no one topic that bolds it is all of it.
          if (partOf(service, [topic.name, ...topic.aliases], catalogue)) {
            if (this.#topicsNamedFor(ownNameKey(service), index) < 2) mark(marking, service, i);
          } else if (entry === term) mark(entries, service, i);
        }
        if (entry !== undefined && !lookUp(entry)) {
          const service = serviceAtHead(entry, lookUp, (word) => !this.english.has(word));
          if (service && !this.covered.has(service) && this.ofNotesCloud(service)) mark(entries, service, i);
        }
      }
    });
    for (const [service, topic] of markedByOne(marking)) this.#adopt(service, topic);
    // A bullet that opens with the service (`**Spot Instances** : use spare ec2 capacity`) is the
    // topic's entry for it: the notes cover it, though the topic is about more than that service
    // and takes neither its other names nor the needs it meets.
    for (const [service, topic] of markedByOne(entries)) {
      this.covered.add(service);
      if (!this.servicesOf.some((services) => services.includes(service))) this.entryOf.set(service, topic);
    }
  }

  /**
   * A service whose entry is a topic's (`**Spot Instances** : ...` under EC2 Pricing Options) names
   * that topic, and named in full (`ec2 spot`) not the one whose name it holds (`ec2`).
   */
  nameEntries(read: ReadQuestion, mentions: ServiceMention[]): void {
    for (const mention of mentions) {
      const topic = this.entryOf.get(mention.service);
      if (topic === undefined) continue;
      const inside = read.names.filter((hit) => hit.start >= mention.start && hit.end <= mention.end);
      // Alone it names the topic in part, as one of the things the topic is about.
      if (inside.length === 0)
        read.names.push({ topic, start: mention.start, end: mention.end, strength: 1, partial: true });
      for (const hit of inside) hit.topic = topic;
      for (const term of read.terms)
        if (term.position >= mention.start && term.position < mention.end) term.nameOf = topic;
    }
  }

  /**
   * A service no topic covers names the one topic on a part of it (`RDS Backups (automated backups
   * vs manual snapshots)` in notes on backup and DR) when the question asks after that part in a
   * word of the rest of its heading: "how long does rds keep automatic backups", "do rds snapshots
   * stick around after i delete the instance". "what is amazon rds" asks about what they lack.
   */
  nameServiceParts(read: ReadQuestion, mentions: readonly ServiceMention[]): void {
    for (const mention of mentions) {
      const part = this.partTopics().get(mention.service);
      if (!part || read.names.some((hit) => hit.start < mention.end && mention.start < hit.end)) continue;
      const asked = read.tokens.some(
        (token, at) => (at < mention.start || at >= mention.end) && part.rest.has(stem(token)),
      );
      if (!asked) continue;
      read.names.push({
        topic: part.topic,
        start: mention.start,
        end: mention.end,
        strength: 1,
        partial: true,
      });
      read.names.sort((a, b) => a.start - b.start);
      for (const term of read.terms)
        if (term.position >= mention.start && term.position < mention.end) term.nameOf = part.topic;
    }
  }

  /** Service -> the one topic whose heading opens with its name and no topic covers it, with the rest's stems. */
  private partTopics(): ReadonlyMap<CloudService, { topic: number; rest: ReadonlySet<string> }> {
    if (this.parts) return this.parts;
    const found = new Map<CloudService, { topic: number; rest: Set<string> } | null>();
    this.index.topics.forEach((topic, at) => {
      // A topic on a service of its own (`Amazon VPC Lattice`) is on no part of another.
      if ((this.servicesOf[at]?.length ?? 0) > 0) return;
      const nameWords = withoutVendor(phraseKey(topic.name).split(' '));
      for (let length = nameWords.length - 1; length >= 1; length--) {
        const service = this.catalogue.lookupKeyIn(nameWords.slice(0, length).join(' '), this.clouds, true);
        if (!service) continue;
        if (!this.covered.has(service) && this.teaches(service.provider)) {
          const rest = new Set(
            [...nameWords.slice(length), ...topic.categories.flatMap((category) => words(category))]
              .filter((word) => !STOPWORDS.has(word))
              .map(stem),
          );
          found.set(service, found.has(service) ? null : { topic: at, rest });
        }
        break;
      }
    });
    const parts = new Map<CloudService, { topic: number; rest: ReadonlySet<string> }>();
    for (const [service, part] of found) if (part) parts.set(service, part);
    this.parts = parts;
    return parts;
  }

  private parts: ReadonlyMap<CloudService, { topic: number; rest: ReadonlySet<string> }> | null = null;

  /** Words the notes capitalise inside a sentence, lowercased; read when a question first needs them. */
  private capitalised: Set<string> | null = null;
  private capitalisedByTopic: Set<string>[] | null = null;
  /** Words the notes write in capitals, lowercased (`bi` of `Power BI`); found the first time asked. */
  private acronyms: Set<string> | null = null;

  /** Whether the notes write the word as an acronym, in capitals: `BI`, not `bi`. */
  private writtenAsAcronym(word: string): boolean {
    this.acronyms ??= this.wordsMatching(ACRONYM);
    return this.acronyms.has(word);
  }

  /**
   * The words the notes capitalise inside a sentence, lowercased, but those after another such word
   * that is no vendor's: the `Batch` of `Global Batch` is a word of a longer name, the `Lambda` of
   * `AWS Lambda` or `Amazon Lambda` the name itself.
   */
  private capitalisedAlone(): Set<string> {
    return new Set(this.capitalisedPerTopic().flatMap((capitalised) => [...capitalised]));
  }

  /** Those words, topic by topic. */
  private capitalisedPerTopic(): Set<string>[] {
    this.capitalisedByTopic ??= this.index.topics.map((topic) => {
      const found = new Set<string>();
      for (const fact of topic.facts)
        for (const part of [fact.text, ...fact.subPoints])
          for (const match of part.matchAll(MID_SENTENCE_CAPITAL)) {
            const before = CAPITALISED_BEFORE.exec(part.slice(0, match.index))?.[1]?.toLowerCase();
            if (before === undefined || VENDOR_PREFIXES.has(before)) found.add(match[0].toLowerCase());
          }
      return found;
    });
    return this.capitalisedByTopic;
  }

  /** The words of the notes' facts a pattern finds, lowercased. */
  private wordsMatching(pattern: RegExp): Set<string> {
    const found = new Set<string>();
    for (const topic of this.index.topics)
      for (const fact of topic.facts)
        for (const part of [fact.text, ...fact.subPoints])
          for (const [word] of part.matchAll(pattern)) found.add(word.toLowerCase());
    return found;
  }

  /**
   * A word the notes capitalise inside a sentence (`subscribers: SQS, Lambda, Kinesis`) is a name to
   * the team that wrote them, whatever it means in English: in their questions, `lambda` is the
   * service, not the Greek letter.
   */
  private writtenAsName(typed: string): boolean {
    this.capitalised ??= this.capitalisedAlone();
    // `tableau's` reaches the tutor as `tableaus`.
    return this.capitalised.has(typed) || (typed.endsWith('s') && this.capitalised.has(typed.slice(0, -1)));
  }

  /**
   * Whether a topic's facts name the service, by any of its names but the topic's own: the `sts`
   * StatefulSets declare as their short name is theirs, not AWS STS.
   */
  namedIn(topic: number, service: CloudService, asSetting = false): boolean {
    const own = this.ownNames(topic);
    const names = [phraseKey(service.name), ...service.aliases]
      .filter((name) => !own.has(name))
      .map((name) => ` ${name} `);
    const facts = this.index.topics[topic]?.facts ?? [];
    return this.factKeys(topic).some(
      (text, at) =>
        !(asSetting && POINTS_ELSEWHERE.test(facts[at]?.text ?? '')) &&
        names.some((name) => text.includes(name)),
    );
  }

  /**
   * Whether the notes use the technology where they teach (`postgres` in notes on RDS), not only
   * as the alternative a bullet sends the learner to ("vs **CircleCI**: same hosted idea").
   */
  private usedInNotes(service: CloudService): boolean {
    return this.topicsNaming(service).some((topic) => this.namedIn(topic, service, true));
  }

  /** The keys of a topic's own name and aliases, made the first time a question needs them. */
  private ownNames(topic: number): ReadonlySet<string> {
    let keys = this.ownNameKeys.get(topic);
    if (!keys) {
      const found = this.index.topics[topic];
      keys = new Set(found ? [found.name, ...found.aliases].map(phraseKey) : []);
      this.ownNameKeys.set(topic, keys);
    }
    return keys;
  }

  /** A topic's facts as lookup keys (` word word `), made the first time a question needs them. */
  private factKeys(topic: number): string[] {
    let keys = this.keysOfFacts.get(topic);
    if (!keys) {
      keys = (this.index.topics[topic]?.facts ?? []).map(
        (fact) => ` ${phraseKey([fact.text, ...fact.subPoints].join(' '))} `,
      );
      this.keysOfFacts.set(topic, keys);
    }
    return keys;
  }

  /**
   * A service many topics name (S3, EC2 in notes on security or analytics) is where the notes' topics
   * do their work: a question naming it is most often about one of them, not about it.
   */
  isSetting(service: CloudService): boolean {
    const naming = this.topicsNaming(service);
    if (naming.length < this.index.topics.length * SETTING_SHARE) return false;
    return this.topicsWorkingWith(service) >= this.index.topics.length * SETTING_SHARE;
  }

  /**
   * Whether a fact names the service other than to set it against its topic: notes saying only
   * "NOT for NFS shares (Filestore)" teach nothing of Filestore.
   */
  taughtInNotes(service: CloudService): boolean {
    return this.topicsWorkingWith(service) > 0;
  }

  /** How many topics name the service in a fact that does not set it against them; worked out once. */
  private topicsWorkingWith(service: CloudService): number {
    let working = this.workingTopics.get(service);
    if (working === undefined) {
      // Bullets setting it against the topic (`vs DynamoDB: …`, `competitors we looked at: …`,
      // `NOT the same as a DynamoDB-style sort key`) name a competitor, not where the topics work.
      const names = [phraseKey(service.name), ...service.aliases].map((name) => ` ${name} `);
      const namesIt = (text: string) => names.some((name) => ` ${phraseKey(text)} `.includes(name));
      working = this.topicsNaming(service).filter((topic) =>
        (this.index.topics[topic]?.facts ?? []).some((fact) =>
          [fact.text, ...fact.subPoints].some((part) => namesIt(part) && !CONTRASTS.test(part)),
        ),
      ).length;
      this.workingTopics.set(service, working);
    }
    return working;
  }

  /** Service -> how many topics name it other than to set it against them; found once a service. */
  private readonly workingTopics = new Map<CloudService, number>();

  /** Whether a topic's heading names the service, by any of its names. */
  private namedInHeading(service: CloudService): boolean {
    let named = this.inHeading.get(service);
    if (named === undefined) {
      // The headings as one key, worked out once: a question should not read every heading.
      this.headingKeys ??= this.index.topics.map((topic) => ` ${phraseKey(topic.title)} `).join('|');
      const keys = this.headingKeys;
      named = [phraseKey(service.name), ...service.aliases].some((name) => keys.includes(` ${name} `));
      this.inHeading.set(service, named);
    }
    return named;
  }

  /** Every topic's heading as a key, ` heading | heading `; made the first time a question needs it. */
  private headingKeys: string | null = null;
  /** Service -> whether a heading names it; worked out once a service. */
  private readonly inHeading = new Map<CloudService, boolean>();

  /** Whether any fact of the notes names the service. */
  namedInNotes(service: CloudService): boolean {
    return this.topicsNaming(service).length > 0;
  }

  /**
   * The topics whose facts name the service, in the notes' order; worked out once a service. The
   * notes may write a name apart (`cloud watch`) where the question runs it together.
   */
  topicsNaming(service: CloudService): readonly number[] {
    let found = this.namingTopics.get(service);
    if (!found) {
      // Only facts with the rarest indexed word of one of its names can name it.
      const topics = new Set<number>();
      for (const name of [phraseKey(service.name), ...service.aliases]) {
        const postings = name
          .split(' ')
          .map((word) => this.index.postings.get(stem(word))?.facts ?? [])
          .filter((facts) => facts.length > 0)
          .sort((a, b) => a.length - b.length)[0];
        for (const fact of postings ?? []) topics.add(this.index.facts[fact]?.topic ?? -1);
      }
      found = [...topics].filter((topic) => this.namedIn(topic, service)).sort((a, b) => a - b);
      this.namingTopics.set(service, found);
    }
    return found;
  }

  /**
   * Whether the notes cover the service, or one whose name its own holds: notes on `AWS Systems
   * Manager` teach some of `AWS Systems Manager Parameter Store`.
   */
  coversFamilyOf(service: CloudService): boolean {
    if (this.covered.has(service)) return true;
    let family = this.family.get(service);
    if (family === undefined) {
      this.familyNames ??= [...this.covered].flatMap((covered) =>
        [unbracketedKey(covered.name), ...covered.aliases.map(phraseKey)]
          // One ordinary word (`backup`) is in many names without making them one family.
          .filter((name) => name && !this.english.has(name))
          .map((name) => ` ${name} `),
      );
      const name = ` ${phraseKey(service.name)} `;
      family = this.familyNames.some((covered) => name.includes(covered));
      this.family.set(service, family);
    }
    return family;
  }

  /** The covered services' names as ` word word `, made the first time a question needs them. */
  private familyNames: string[] | null = null;
  /** Service -> whether the notes cover its family; worked out once a service. */
  private readonly family = new Map<CloudService, boolean>();

  /** The catalogued services a topic covers: its name or an alias is one of theirs. */
  coveredBy(topic: number): readonly CloudService[] {
    return this.servicesOf[topic] ?? [];
  }

  /**
   * The services whose needs a topic takes: those of the clouds the notes teach when it covers one
   * (Amazon EKS takes none of Kubernetes', nor MSK of Kafka's: the AWS service's are its own);
   * else the products its heading names (`Docker`, not the `**dockerhub**` its facts mention).
   */
  needsFrom(topic: number): readonly CloudService[] {
    const services = this.coveredBy(topic);
    const ofClouds = services.filter(
      (service) => this.clouds.has(service.provider) && !this.namesOnly.has(service),
    );
    return ofClouds.length > 0 ? ofClouds : (this.namedBy[topic] ?? []);
  }

  /** Whether the service is what the notes as a whole are about (`dynamodb-deep.md`). */
  isDomainProduct(service: CloudService): boolean {
    return service.aliases.some((alias) => this.products.includes(phraseKey(alias)));
  }

  /**
   * Where a name found in a question starts, the vendor before it counted when the topic's name
   * opens with it: "amazon ec2 auto scalling" names EC2 Auto Scaling from `amazon` on, so the
   * `amazon ec2` inside it is no service of its own; the `amazon` of "amazon workspaces" is no
   * part of Terraform's `Workspaces`.
   */
  #startOf(hit: NameHit, tokens: readonly string[]): number {
    const nameWords = phraseKey(this.index.topics[hit.topic]?.name ?? '').split(' ');
    let start = hit.start;
    while (
      start > 0 &&
      VENDOR_WORDS.has(tokens[start - 1] ?? '') &&
      nameWords.includes(tokens[start - 1] ?? '')
    )
      start--;
    return start;
  }

  /** The first topic covering the service, or null. */
  topicCovering(service: CloudService): number | null {
    const topic = this.servicesOf.findIndex((services) => services.includes(service));
    return topic >= 0 ? topic : null;
  }

  /**
   * Another provider's product named in ordinary words that the notes use side by side (`log
   * analytics` of OpenSearch's use cases, `security group`) is the notes' phrase, not Azure Monitor
   * Log Analytics or an Azure network security group, unless the question names that cloud.
   */
  private notesPhrase(mention: ServiceMention, tokens: readonly string[]): boolean {
    if (this.teaches(mention.service.provider) || mention.end - mention.start < 2) return false;
    const named = tokens.slice(mention.start, mention.end);
    if (named.some((word) => VENDOR_PREFIXES.has(word) || !this.english.has(word))) return false;
    if (namesProvider(tokens, mention.service.provider)) return false;
    // Notes that write a word of it as an acronym ("behind Power BI reports") name the product.
    if (named.some((word) => this.writtenAsAcronym(word))) return false;
    return named.some((word, at) => at > 0 && this.index.hasPhrase(stem(named[at - 1] ?? ''), stem(word)));
  }

  /**
   * A technology of the kind notes on technologies teach, which they name in passing (`pg_repack`
   * beside notes on PgBouncer and VACUUM, `Thanos` beside notes on Prometheus): one of the tools
   * they weigh theirs against.
   */
  private ofTaughtKind(service: CloudService): boolean {
    if ([...this.clouds].some((cloud) => cloud !== OPEN_SOURCE)) return false;
    return [...this.covered].some(
      (taught) =>
        (taught.provider === TECHNOLOGY || taught.provider === OPEN_SOURCE) &&
        taught !== service &&
        taught.category === service.category &&
        this.topicCovering(taught) !== null,
    );
  }

  /**
   * A technology of the kind notes on technologies teach (`ksqlDB` beside notes on Kafka), which they
   * never name: on notes about a cloud's services, technologies are the setting of its needs.
   */
  private siblingOfTaught(service: CloudService): boolean {
    if (service.provider !== TECHNOLOGY || this.clouds.size > 0 || this.namedInNotes(service)) return false;
    return [...this.covered].some(
      (taught) => taught.provider === TECHNOLOGY && taught.category === service.category,
    );
  }

  /** Whether a word is one of a topic's heading, aliases and all; the words are gathered once. */
  private inAHeading(word: string): boolean {
    if (!this.headingWords) {
      this.headingWords = new Set(
        this.index.topics.flatMap((topic) =>
          [topic.name, ...topic.aliases].flatMap((name) => phraseKey(name).split(' ')),
        ),
      );
    }
    return this.headingWords.has(word);
  }

  /**
   * Services the question names that the notes don't cover, and whether they are all it asks
   * about. A topic's name inside such a service's name stops counting as naming the topic: it is
   * taken off `read`, so the ranking that follows does not see it.
   */
  of(read: ReadQuestion, mentions: ServiceMention[]): UncoveredMentions {
    if (mentions.length === 0) return NONE;
    const content = contentWords(read.tokens);
    const uncovered = mentions.filter(
      (mention) =>
        !this.covered.has(mention.service) &&
        (mention.listed || !this.clouds.has(mention.service.provider)) &&
        !read.names.some(
          (hit) => this.#startOf(hit, read.tokens) <= mention.start && mention.end <= hit.end,
        ) &&
        !this.notesPhrase(mention, read.tokens) &&
        !this.partOfDomainName(mention, read.tokens) &&
        // `oci` is Oracle's cloud, but in notes on Helm with a topic `Repositories & OCI registries`
        // it is theirs: "how do oci registries work" names no Oracle product.
        !(!mention.listed && this.inAHeading(read.tokens[mention.start] ?? '')) &&
        // A project a heading names (`Consul Service Mesh (Connect, intentions & Envoy sidecars)`)
        // is one the topic teaches with, not one that comes up in passing. A cloud's service there
        // may be a word of another's name (the `WAF` of `Cloud Armor (WAF + DDoS protection)`).
        !(isProject(mention.service) && this.namedInHeading(mention.service)) &&
        !verbAfterVendor(mention, read, mentions, this.english, this.everyday) &&
        // A technology the notes use in their own words (`postgres` in notes on RDS) is the
        // setting they teach in, not something they lack, unless the question asks what it is:
        // "what is terragrunt" on notes that name it once, in passing, asks what they never teach;
        // or asks about one of the kind notes on technologies teach ("how does pg_repack rebuild a
        // table" on notes on running Postgres, which name it beside VACUUM FULL).
        !(
          mention.service.provider === TECHNOLOGY &&
          this.usedInNotes(mention.service) &&
          !asksWhatTheServiceIs(mention, read.tokens) &&
          !(
            askedAbout(mention, read.tokens) &&
            this.ofTaughtKind(mention.service) &&
            // Named across the notes (`nginx` in notes on web proxies), it is what they teach in.
            !this.isSetting(mention.service)
          )
        ) &&
        // The notes' own cloud's service is meant by its name however everyday it is (`control
        // tower`); another cloud's by an everyday compound only where the question shows it, or
        // asks about it ("how does front door route traffic").
        (!mention.plain ||
          (mention.end - mention.start > 1 &&
            (this.teaches(mention.service.provider) || askedAbout(mention, read.tokens))) ||
          // One everyday word (`snowball`) only when the question opens by asking about it and
          // names no topic before it: "how does snowball work", not "clowdhsm backup retention".
          (this.teaches(mention.service.provider) &&
            askedAbout(mention, read.tokens) &&
            !read.names.some((hit) => hit.end <= mention.start)) ||
          this.writtenAsName(read.tokens[mention.start] ?? '') ||
          aloneInQuestion(mention, read.tokens, content)),
    );
    if (uncovered.length === 0) return NONE;
    // `google kubernetes engine` is not EKS's `kubernetes`, nor `kinesis video streams` the
    // `kinesis` of Kinesis Data Streams: a topic's name inside the longer name of a service the notes
    // don't cover, or the whole name of another provider's service, does not name the topic; and
    // part of a name (`family` of `Snow Family`) inside another service's name (`transfer family`)
    // names nothing.
    const inside = (hit: NameHit) =>
      uncovered.some((mention) => {
        const providers = this.providers[hit.topic];
        return (
          mention.start <= hit.start &&
          hit.end <= mention.end &&
          (hit.strength < 1 ||
            hit.end - hit.start < mention.end - mention.start ||
            (providers !== undefined && providers.size > 0 && !providers.has(mention.service.provider)))
        );
      });
    // An ordinary word is all that names a topic beside another cloud's service: "budget alerts in
    // azure cost management" asks about Azure, not AWS Budgets.
    const otherCloud = (hit: NameHit) =>
      hit.end - hit.start === 1 &&
      this.english.has(read.tokens[hit.start] ?? '') &&
      [...(this.providers[hit.topic] ?? [])].some((provider) => this.teaches(provider)) &&
      uncovered.some((mention) => !this.teaches(mention.service.provider));
    const swallowed = read.names.filter((hit) => inside(hit) || otherCloud(hit));
    if (swallowed.length > 0) {
      read.names = read.names.filter((hit) => !swallowed.includes(hit));
      for (const term of read.terms) {
        if (swallowed.some((hit) => term.position >= hit.start && term.position < hit.end))
          term.nameOf = null;
      }
    }
    // "ecs vs app runner": a service compared with a topic is half of what is asked, and notes that
    // never name it hold nothing to weigh it with.
    const against = uncovered.filter(
      (mention) => comparedWithATopic(mention, read) && !this.namedInNotes(mention.service),
    );
    if (against.length > 0) return { ...mentionsOf(against, read.tokens), subject: true };
    // A service named as such that the question, or its last clause, opens by asking how or what
    // of, before any topic it names there, is its subject: "how do i set up a private space for our
    // dynos" and "we need our dynos on the office network, how do i set up a private space" ask
    // about Private Spaces. Not an everyday word ("how do u change config on bottlerocket nodes"),
    // nor after a yes/no opening that asks about doing something with it ("can we keep docker
    // images in …").
    const askedFirst = uncovered.some(
      (mention) =>
        (!mention.plain || mention.end - mention.start > 1) &&
        [0, read.lastClause].some(
          (start) =>
            start <= mention.start &&
            ASKING.has(read.tokens[start] ?? '') &&
            askedAbout(
              { ...mention, start: mention.start - start, end: mention.end - start },
              read.tokens.slice(start),
            ) &&
            !read.names.some((hit) => hit.start >= start && hit.end <= mention.start) &&
            // After a clause of its own the service heads what is asked, no word of it: "…, how do
            // i pass a vpc id from one stack to another" asks about stacks.
            (start === 0 ||
              mention.end === read.tokens.length ||
              AFTER_HEAD.has(read.tokens[mention.end] ?? '')),
        ),
    );
    if (askedFirst) return { ...mentionsOf(uncovered, read.tokens), subject: true };
    // Another cloud's service the notes never name, right after a yes/no question's opening word,
    // is its subject, though the question goes on in the notes' words: "can google cloud dns do
    // weighted routing policies" on notes on Route 53. Not a technology (`docker images`), which
    // any cloud runs.
    const otherCloudAsked = uncovered.some(
      (mention) =>
        ![TECHNOLOGY, OPEN_SOURCE].includes(mention.service.provider) &&
        !this.teaches(mention.service.provider) &&
        !this.namedInNotes(mention.service) &&
        YES_NO.has(read.tokens[0] ?? '') &&
        read.tokens
          .slice(1, mention.start)
          .every((token) => ARTICLES.has(token) || VENDOR_PREFIXES.has(token)),
    );
    if (otherCloudAsked) return { ...mentionsOf(uncovered, read.tokens), subject: true };
    // A question naming a topic of the notes is about that topic: "can lambda read from sqs".
    if (read.names.some(namesSurely)) return NONE;
    const named = new Set(uncovered.flatMap((mention) => read.tokens.slice(mention.start, mention.end)));
    // Only the notes' own words, or words bridged to them (a `leased line` to a dedicated
    // connection), can make the question about something the notes hold.
    const bridged = new Set(read.terms.filter((term) => term.bridged).map((term) => term.word));
    const rest = content.filter(
      (word) => !named.has(word) && (this.index.knows(stem(word)) || bridged.has(word)),
    );
    return {
      ...mentionsOf(uncovered, read.tokens),
      // "what does firewall manager do", "cloud armor rules": little else to be about, or the
      // service is what the question opens by asking about, sets apart before asking, or opens
      // with when at most one topic names it. A need described around a service ("our ec2 app must
      // read s3 without keys") is for the ranking.
      subject:
        rest.length <= SUBJECT_CONTEXT_WORDS ||
        uncovered.some(
          (mention) =>
            askedAbout(mention, read.tokens) ||
            (rest.length <= SIBLING_CONTEXT_WORDS && this.siblingOfTaught(mention.service)) ||
            headsQuestion(mention, read) ||
            framesQuestion(mention, read) ||
            (closesQuestion(mention, read) && !this.isSetting(mention.service)) ||
            (opensQuestion(mention, read.tokens, this.everyday) &&
              this.topicsNaming(mention.service).length <= TOPICS_NAMING_IN_PASSING &&
              !this.setsTheScene(mention, read)),
        ),
    };
  }
}

/** The fewest of the notes' words a question's last clause asks in for a tool before it to set its scene. */
const SCENE_ASKED_WORDS = 3;

/**
 * A name found as written or nearly, or a whole name of several words each a slip off ("secerts
 * manger"): the words together say which topic more surely than any one of them.
 */
function namesSurely(hit: NameHit): boolean {
  return (
    hit.strength >= SURE_NAME ||
    (!hit.partial && hit.strength >= (hit.end - hit.start > 1 ? SURE_LONG_NAME : SURE_MISSPELT_NAME))
  );
}
const SURE_NAME = 0.9;
const SURE_LONG_NAME = 0.8;
/** One slip in eight letters (`firehos`): a whole name misspelt is still that name. */
const SURE_MISSPELT_NAME = 0.875;

/** The fewest words of an entry's head that may name a service: `dns` of `private DNS` names none. */
const HEAD_WORDS = 2;

/**
 * The service an entry names after words that say which kind (`**interface VPC endpoints**: …` is
 * an entry for VPC endpoints): the name ends the term, as the head of an English compound does,
 * and holds a word no dictionary has (`vpc`). Everyday words that spell a service's name say what
 * they say: a `**dedicated private link**` is no AWS PrivateLink.
 */
function serviceAtHead(
  term: string,
  lookUp: (term: string) => CloudService | null,
  isName: (word: string) => boolean,
): CloudService | null {
  const termWords = words(term);
  for (let start = 1; termWords.length - start >= HEAD_WORDS; start++) {
    const head = termWords.slice(start);
    if (!head.some(isName)) continue;
    const service = lookUp(head.join(' '));
    if (service) return service;
  }
  return null;
}

/** Words that say how or how surely, between a subject and its verb: "does aws support actually answer". */
const ADVERB = /ly$|^(?:just|even|still|also|ever|really|now|then|too)$/;

/**
 * "Does aws support helm", "does aws support exactly once delivery": after an auxiliary, the vendor
 * is the subject and a verb after it is the question's verb, unless another verb follows to be that
 * ("does aws support offer phone help", "does aws backup support cross account copies") or the
 * name is no verb at all ("does aws config actually stop it"). A name that follows it (`helm`,
 * `ipv6`, `lambda`) is its object.
 */
function verbAfterVendor(
  mention: ServiceMention,
  read: ReadQuestion,
  mentions: readonly ServiceMention[],
  english: EnglishWords,
  everyday: EverydayWords,
): boolean {
  const { tokens } = read;
  if (mention.end - mention.start !== 2 || !VENDOR_PREFIXES.has(tokens[mention.start] ?? '')) return false;
  if (!AUXILIARIES.has(tokens[mention.start - 1] ?? '')) return false;
  if (!everyday.isVerb(tokens[mention.start + 1] ?? '')) return false;
  const next = tokens[mention.end] ?? '';
  if (
    (/[a-z]/.test(next) && !english.has(next)) ||
    mentions.some((other) => other.start === mention.end && !other.plain) ||
    read.names.some((hit) => hit.start === mention.end && hit.strength >= 0.9)
  )
    return true;
  const verb = tokens.slice(mention.end).find((token) => !ADVERB.test(token) || everyday.isVerb(token));
  return verb !== undefined && !everyday.isVerb(verb);
}

/** Up to this long, a one-word name is a short name (`sts`, `k8s`, `dax`) many things may share. */
const SHORT_NAME = 4;

function isShortName(key: string): boolean {
  return !key.includes(' ') && key.length <= SHORT_NAME;
}

/** An open-source project or a developer technology, as opposed to a cloud's service. */
function isProject(service: CloudService): boolean {
  return service.provider === TECHNOLOGY || service.provider === OPEN_SOURCE;
}

/** A capitalised word (`Lambda`) after a space that does not end a sentence. */
const MID_SENTENCE_CAPITAL = /(?<=[^.!?]\s)[A-Z][a-z]{2,}\b/g;
/** A capitalised word (`Global`, not `SQS`) right before a position, with the space after it. */
const CAPITALISED_BEFORE = /\b([A-Z][a-z]+)\**\s+\**$/;
/** A word in capitals: `BI`, `SQL`. */
const ACRONYM = /\b[A-Z]{2,}\b/g;

const AWS = 'aws';

/** Words that may follow a service that heads what is asked: "set up a private space for our dynos". */
const AFTER_HEAD = new Set([
  'for',
  'to',
  'in',
  'on',
  'with',
  'from',
  'at',
  'and',
  'or',
  'so',
  'that',
  'via',
  'pls',
  'please',
]);

/** Words that open a question about what follows them: "what does X do", "how does X work". */
const ASKING = new Set(['what', 'whats', 'how', 'hows', 'explain', 'describe', 'define']);

/** Words besides the asking ones that may come between them and the service asked about. */
const FRAMING_WORDS = 1;

/**
 * The service is what the question asks about when it comes right after the words asking, with at
 * most the verb or the quality asked for between ("what does mediapackage do for time-shifted
 * viewing", "how do i set up aws proton templates", "how accurate is amazon transcribe on noisy
 * audio", "is amazon forecast still open to new customers"): what follows is the aspect asked.
 */
function askedAbout(mention: ServiceMention, tokens: readonly string[]): boolean {
  const before = tokens.slice(0, mention.start);
  const opening = before[0] ?? '';
  // "is there a way to …" describes a need: `there` is no service.
  if (!ASKING.has(opening) && !(YES_NO.has(opening) && before[1] !== 'there')) return false;
  const framing = before.filter(
    (token) => !STOPWORDS.has(token) && !VENDOR_PREFIXES.has(token) && !ASKING.has(token),
  );
  // "explain aws glue" asks about Glue; "define my infrastructure in a yaml template" asks for a
  // template, its own object before the technology it is written in.
  return framing.length <= (TELLING.has(opening) ? 0 : FRAMING_WORDS);
}

/** Asking words that are verbs whose object is what is asked about. */
const TELLING = new Set(['explain', 'describe', 'define']);

/** Words that open a question asking what a thing is: "what is X", "explain X". */
const DEFINING = new Set(['what', 'whats', 'explain', 'describe', 'define']);

/** The question opens by asking what the service is or does: "what is X", "whats X for". */
function asksWhatTheServiceIs(mention: ServiceMention, tokens: readonly string[]): boolean {
  return DEFINING.has(tokens[0] ?? '') && askedAbout(mention, tokens);
}

/**
 * The question opens with a service's name ("jfrog artifactory remote repo keeps timing out"): the
 * notes naming it hardly at all, it is what the question is about. Not after `my` or `our`: "my
 * lambda sits in a subnet with no internet" sets the scene for a need some topic meets.
 */
function opensQuestion(mention: ServiceMention, tokens: readonly string[], everyday: EverydayWords): boolean {
  // "setting up an oci load balancer with ssl termination …": the doing that opens the question is
  // done to the service, which is still what it is about.
  let start = 0;
  if (mention.start > 0 && isGerund(tokens[0] ?? '', everyday))
    start = PARTICLES.has(tokens[1] ?? '') ? 2 : 1;
  return tokens
    .slice(start, mention.start)
    .every((token) => ARTICLES.has(token) || VENDOR_PREFIXES.has(token));
}

/** Words that finish a verb of a question's opening: "setting up", "rolling out". */
const PARTICLES = new Set(['up', 'out']);

/** An -ing form of an everyday verb: `setting`, `using`, `configuring`; not `string` or `morning`. */
function isGerund(word: string, everyday: EverydayWords): boolean {
  if (!word.endsWith('ing') || word.length < 5) return false;
  const base = word.slice(0, -3);
  const undoubled = base.length > 2 && base.at(-1) === base.at(-2) ? base.slice(0, -1) : base;
  return [base, `${base}e`, undoubled].some((verb) => everyday.isVerb(verb));
}

/** Words that open a request to be shown something: "walk me through …", "show me how …". */
const REQUESTING = new Set(['walk', 'talk', 'show', 'tell', 'help', 'teach']);

/** Words that put what a question asks inside a service, or send it there ("push an image to ecr"). */
const AT_SERVICE = new Set([
  'in',
  'on',
  'onto',
  'inside',
  'within',
  'using',
  'with',
  'to',
  'into',
  'through',
  'via',
  'for',
]);

/** Words that open another clause or a purpose after a service: "… in amazon connect and keep the transcript". */
const CLAUSE_OPENERS = new Set(['and', 'for', 'so', 'but', 'when', 'if', 'because', 'while', 'to']);

/** Words that close a clause after a service without adding to it: "… in an azure storage queue by default". */
const CLAUSE_CLOSERS = [['by', 'default'], ['these', 'days'], ['nowadays'], ['today'], ['anymore']];

/**
 * A question that asks how or what, about something done in, sent to or working for a service it
 * names last ("how do i train a model in sagemaker", "how do i push a docker image to ecr", "how
 * does auto stop work for fly.io machines"), or last before a
 * comma, another clause or a purpose ("how do i build a contact flow in amazon connect for our
 * support line"), asks about that service.
 */
function closesQuestion(mention: ServiceMention, read: ReadQuestion): boolean {
  const { tokens } = read;
  const before = tokens.slice(0, mention.start).filter((token) => !ARTICLES.has(token));
  const closesAt = (at: number) =>
    at === tokens.length ||
    at === read.leadLength ||
    CLAUSE_OPENERS.has(tokens[at] ?? '') ||
    CLAUSE_CLOSERS.some((closer) => closer.every((word, next) => tokens[at + next] === word));
  // "… in solr's managed-schema for a new core": a part of the service, no topic's name, is in it too.
  let end = mention.end;
  while (!closesAt(end) && end - mention.end < OWN_PART_WORDS && ownPart(read, end)) end++;
  return (
    (ASKING.has(tokens[0] ?? '') || REQUESTING.has(tokens[0] ?? '')) &&
    closesAt(end) &&
    AT_SERVICE.has(before[before.length - 1] ?? '')
  );
}

/** The words after a service's name that can name a part of it: "solr's managed schema". */
const OWN_PART_WORDS = 3;

/** Whether the word at a position can name a part of the service before it: no topic's name, no function word. */
function ownPart(read: ReadQuestion, at: number): boolean {
  const token = read.tokens[at] ?? '';
  return token !== '' && !STOPWORDS.has(token) && !read.names.some((hit) => hit.start <= at && at < hit.end);
}

/** A bullet that says what the topic is not for, and what is: its services are others' topics. */
const POINTS_ELSEWHERE = /^(?:not\b|vs\.?\s|versus\s)/i;
/** A bullet saying the team does without what it names. */
const DISOWNED = /\b(?:we|i)\s+(?:don'?t|do not|never|didn'?t|won'?t)\s+(?:use|run|need)\b/i;

/** A heading's service, the word, and the service it is made for or runs in: `AWS Fargate for Amazon EKS`. */
const SERVICE_WITHIN = /\s(for|on|in|with)\s/i;

/** A name's words after the vendor's: `eks clusters` of `amazon eks clusters`. */
function withoutVendor(nameWords: string[]): string[] {
  const start = nameWords.findIndex((word) => !VENDOR_WORDS.has(word));
  return start <= 0 ? nameWords : nameWords.slice(start);
}

/** Words that open a question inside a service before it asks: "in aws batch how does …". */
const FRAMING = new Set(['in', 'on', 'inside', 'within', 'using', 'with', 'for']);

/**
 * A question that opens inside the service it names and then asks ("in aws batch how does a job
 * queue pick a compute environment", "with step functions, can a state retry") is about it.
 */
function framesQuestion(mention: ServiceMention, read: ReadQuestion): boolean {
  const { tokens } = read;
  const next = tokens[mention.end] ?? '';
  return (
    FRAMING.has(tokens[0] ?? '') &&
    tokens.slice(1, mention.start).every((token) => ARTICLES.has(token) || VENDOR_PREFIXES.has(token)) &&
    (mention.end === read.leadLength || ASKING.has(next) || YES_NO.has(next))
  );
}

/**
 * The question opens with the service's name, set apart before it asks: "application migration
 * service, how do i cut over".
 */
function headsQuestion(mention: ServiceMention, read: ReadQuestion): boolean {
  return (
    mention.end === read.leadLength &&
    read.tokens.slice(0, mention.start).every((token) => STOPWORDS.has(token) || VENDOR_PREFIXES.has(token))
  );
}

/** An everyday word names the product the notes are about when written as a name in this share of their topics. */
const DOMAIN_NAME_SHARE = 0.5;

/** A cloud names more than a quarter of the topics to be one the notes are about. */
const CLOUD_SHARE = 0.25;

/**
 * The catalogued products the notes' headings over topics and file names name (`terraform` of
 * `terraform-basics.md`), in order; by a name no English word spells (`storage.md` names none), or
 * by one the notes write as a name across their topics (`vault-ops.md` on notes saying "Vault keeps…").
 */
function productsOf(
  catalogue: ServiceCatalogue,
  domain: readonly string[],
  namedAcross: (word: string) => boolean,
): CloudService[] {
  const products = new Set<CloudService>();
  for (const text of domain) {
    const tokens = words(text);
    for (const mention of catalogue.find(tokens))
      if (!mention.plain || (mention.end - mention.start === 1 && namedAcross(tokens[mention.start] ?? '')))
        products.add(mention.service);
  }
  if (products.size > 0) return [...products];
  // A product the catalogue lacks (`temporal.md`, `sentry.md`) is still what its notes are about when
  // their facts write its name as a name across their topics. A cloud's name is its services' vendor.
  // Each word once: a folder of thousands of files shares a handful of words among their names.
  for (const word of new Set(domain.flatMap((text) => words(text))))
    if (
      word.length >= 3 &&
      !STOPWORDS.has(word) &&
      !VENDOR_WORDS.has(word) &&
      !VENDOR_PREFIXES.has(word) &&
      namedAcross(word)
    )
      products.add(unlistedProduct(word));
  return [...products];
}

/** The notes' product as a catalogue entry, named as its notes' file name spells it. */
function unlistedProduct(word: string): CloudService {
  return {
    name: word.charAt(0).toUpperCase() + word.slice(1),
    provider: TECHNOLOGY,
    category: 'other',
    aliases: [word],
  };
}

/** A service's names of one word: `terraform`, `docker`. */
function oneWordNames(service: CloudService): string[] {
  return [phraseKey(service.name), ...service.aliases].filter((name) => !name.includes(' '));
}

/**
 * The ways a service's own name is written, a vendor before it or not: `amazon route 53`, `route
 * 53`, `aws route 53`, `route53`; not the names of its parts the catalogue lists with them
 * (`performance insights` of RDS, `lambda function`).
 */
function nameForms(service: CloudService): string[] {
  const oneWord = new Set(oneWordNames(service));
  const bare = (key: string) => withoutVendor(key.split(' ')).join(' ');
  const name = bare(phraseKey(service.name));
  const forms = new Set([phraseKey(service.name), name, ...oneWord]);
  for (const alias of service.aliases) {
    const key = bare(phraseKey(alias));
    if (key === name || oneWord.has(key.replace(/ /g, ''))) forms.add(phraseKey(alias));
  }
  return [...forms];
}

/**
 * Whether a key holds one of the service's names as whole words, in the plural too (`linodes`), or
 * opens with the first word of its name (`gitlab runner` of GitLab CI/CD).
 */
function opensWithItsName(key: string, service: CloudService): boolean {
  const names = nameForms(service);
  if (names.some((name) => ` ${key} `.includes(` ${name} `) || ` ${key} `.includes(` ${name}s `)))
    return true;
  const [first] = withoutVendor(phraseKey(service.name).split(' '));
  return first !== undefined && withoutVendor(key.split(' '))[0] === first;
}

/** A topic's name as the catalogue names it under the notes' product: `workspaces` is `terraform workspaces`. */
function ofProduct(key: string, products: readonly string[], catalogue: ServiceCatalogue): string {
  for (const product of products) {
    if (key === product || key.startsWith(`${product} `)) continue;
    const whole = `${product} ${key}`;
    if (catalogue.lookup(whole)) return whole;
  }
  return key;
}

/**
 * The providers of the services the topics' names name, each naming a good share of them: one
 * topic called `Secret Manager` (also an AWS alias) does not make notes on Google Cloud AWS's.
 * Open-source projects (`Docker`, `Kubernetes`) are a cloud only in notes on no cloud's services:
 * notes on AWS with a topic on Docker teach AWS.
 */
function notesClouds(catalogue: ServiceCatalogue, topicNames: readonly string[][]): Set<string> {
  const topicsOf = new Map<string, number>();
  let named = 0;
  for (const keys of topicNames) {
    // Notes naming `ConfigMap` or `Ingress` teach no cloud: a technology is no cloud's service.
    const providers = new Set(
      keys
        .flatMap((key) => catalogue.lookup(key)?.provider ?? [])
        .filter((provider) => provider !== TECHNOLOGY),
    );
    if (providers.size > 0) named++;
    for (const provider of providers) topicsOf.set(provider, (topicsOf.get(provider) ?? 0) + 1);
  }
  const clouds = new Set(
    [...topicsOf].filter(([, count]) => count > named * CLOUD_SHARE).map(([provider]) => provider),
  );
  if (clouds.size > 1) clouds.delete(OPEN_SOURCE);
  return clouds;
}

/**
 * A service named like the topic is part of it (`DynamoDB Accelerator` of DynamoDB, `Snowcone` of
 * Snow Family); one named otherwise (`**EFS**` among DataSync's destinations) is another service, and
 * so is one of the same family (Elemental MediaPackage beside Elemental MediaLive) or one that shares
 * only a word many names have (Secrets `Manager` under Systems Manager).
 */
/** A service's name without the vendor that opens it, as notes name topics for it: `lambda`. */
function ownNameKey(service: CloudService): string {
  const words = unbracketedKey(service.name).split(' ');
  while (words.length > 1 && VENDOR_PREFIXES.has(words[0] ?? '')) words.shift();
  return words.join(' ');
}

function partOf(service: CloudService, topicNames: string[], catalogue: ServiceCatalogue): boolean {
  const own = (name: string) =>
    phraseKey(name)
      .split(' ')
      .filter((word) => word.length >= 3 && !VENDOR_PREFIXES.has(word) && !catalogue.namingWords.has(word));
  const names = topicNames.map(own).filter((words) => words.length > 0);
  const topicWords = names.flat();
  // One name's word begins the other's (`snow` of Snowcone): sharing only a start (`media` of
  // MediaPackage and MediaLive) makes two services of one family, not one part of the other.
  const begins = (longer: string, shorter: string) => shorter.length >= 4 && longer.startsWith(shorter);
  // `balancer` of Application Load Balancer is `balancing` of Elastic Load Balancing.
  const namesTopic = (word: string) =>
    topicWords.some(
      (topicWord) => stem(word) === stem(topicWord) || begins(word, topicWord) || begins(topicWord, word),
    );
  const words = own(service.name);
  // The topic's whole name inside the service's (`CloudWatch` of CloudWatch Synthetics)...
  if (names.some((name) => name.every((word) => words.includes(word)))) return true;
  // ...or the service's own word, one few others' names have (`mediapackage`, not the family's
  // `elemental`), naming the topic.
  const distinctive = words.filter((word) => catalogue.servicesNamedWith(word) <= DISTINCTIVE_NAMES);
  return (distinctive.length > 0 ? distinctive : words).some(namesTopic);
}

/** Notes that a topic marks a service (names it as a key term, runs it). */
function mark(marks: Map<CloudService, Set<number>>, service: CloudService, topic: number): void {
  const topics = marks.get(service) ?? new Set<number>();
  topics.add(topic);
  marks.set(service, topics);
}

/** The services one topic alone marks, each with that topic. */
function markedByOne(marks: ReadonlyMap<CloudService, ReadonlySet<number>>): [CloudService, number][] {
  return [...marks].flatMap(([service, topics]) =>
    topics.size === 1 ? [[service, [...topics][0] as number]] : [],
  );
}

/** The share of the notes' topics naming a service that makes it their setting. */
const SETTING_SHARE = 1 / 3;
/** How a bullet opens that sets another product against the topic. */
const CONTRASTS = /^[\s*_]*(?:vs\.?|versus|not|unlike|compared (?:to|with)|competitors?|alternatives?)\b/i;
/**
 * A question opening with a service that at most this many topics name, in passing, is about the
 * service ("athena query on a partitioned table keeps timing out" on notes where Security Lake is
 * queried with Athena); one named by more is where their work happens ("ec2 boxes need to …").
 */
const TOPICS_NAMING_IN_PASSING = 1;

/** A word of at most this many services' names is one of their own, not a family's. */
const DISTINCTIVE_NAMES = 2;

/** Catalogued services a question names that no topic covers. */
export interface UncoveredMentions {
  services: CloudService[];
  /** Their names as a reply says them: `Amazon Simple Storage Service (S3)` for "s3". */
  names: string[];
  /** Token positions of their names. */
  positions: ReadonlySet<number>;
  /**
   * The same for the cloud services among them: a technology named beside a need ("a bash script
   * that installs nginx") is its setting far more often than a cloud service is, and weighs nothing
   * against the answer.
   */
  servicePositions: ReadonlySet<number>;
  /** The question is about them: it says little besides their names. */
  subject: boolean;
}

/**
 * At most this many other words of the notes make a question about a service ("cloudflare workers
 * pricing", "how do i write a lambda handler in python" in notes without Lambda) rather than a need
 * around it ("containers on aws where i dont provision ec2"); longer questions are left to the
 * ranking and the answer model.
 */
const SUBJECT_CONTEXT_WORDS = 1;
/**
 * A technology of the kind notes on a technology teach is what a question saying at most this many
 * of their words besides it asks about ("a ksqldb query that filters a stream"); a need described
 * at length around it ("our endpoint kicks off a big csv export…") is asked of the notes.
 */
const SIBLING_CONTEXT_WORDS = 4;

/** The services the notes lack that a question names, and where: all of what it says of them but whether they are its subject. */
function mentionsOf(
  mentions: readonly ServiceMention[],
  tokens: readonly string[],
): Omit<UncoveredMentions, 'subject'> {
  // "in azure how is log analytics billed" lacks Log Analytics, not Azure as well.
  const named = mentions.filter(
    (mention) =>
      !mention.platform ||
      !mentions.some((other) => !other.platform && other.service.provider === mention.service.provider),
  );
  return {
    services: [...new Set(named.map((mention) => mention.service))],
    names: [...new Map(named.map((mention) => [mention.service, displayName(mention, tokens)])).values()],
    positions: new Set(mentions.flatMap((mention) => range(mention.start, mention.end))),
    servicePositions: new Set(
      mentions
        .filter((mention) => mention.service.provider !== TECHNOLOGY)
        .flatMap((mention) => range(mention.start, mention.end)),
    ),
  };
}

/** Words that make an `and` between two names a comparison: "the difference between ecs and app runner". */
const COMPARING = new Set(['difference', 'differences', 'differ', 'different', 'compare', 'comparison']);
/** Words that may stand beside the mark without changing it: "ecs vs an aws app runner". */
const CHOICE_FILLERS = new Set([...ARTICLES, ...VENDOR_WORDS]);

/** The service is compared with a topic named in full: "ecs vs app runner", "the difference between lambda and step functions". */
function comparedWithATopic(mention: ServiceMention, read: ReadQuestion): boolean {
  const comparing = read.tokens.some((token) => COMPARING.has(token));
  const setAgainst = (between: readonly string[]): boolean => {
    const said = between.filter((token) => !CHOICE_FILLERS.has(token));
    const [mark] = said;
    return (
      said.length === 1 && mark !== undefined && (COMPARING_MARKS.has(mark) || (comparing && mark === 'and'))
    );
  };
  return read.names.some(
    (hit) =>
      hit.strength >= 0.9 &&
      !hit.partial &&
      ((hit.end <= mention.start && setAgainst(read.tokens.slice(hit.end, mention.start))) ||
        (mention.end <= hit.start && setAgainst(read.tokens.slice(mention.end, hit.start)))),
  );
}

const NONE: UncoveredMentions = {
  services: [],
  names: [],
  positions: new Set(),
  servicePositions: new Set(),
  subject: false,
};

/** The official name, with the abbreviation the person typed when the name does not show it. */
function displayName(mention: ServiceMention, tokens: readonly string[]): string {
  const typed = tokens.slice(mention.start, mention.end).filter((token) => !VENDOR_PREFIXES.has(token));
  const word = typed.length === 1 ? (typed[0] ?? '') : '';
  // `vpcs` is the plural of the acronym `vpc`: the reply names the service, not the plural.
  const singular = word.endsWith('s') ? word.slice(0, -1) : word;
  const short = singular !== word && mention.service.aliases.includes(singular) ? singular : word;
  const shown = mention.service.name.toLowerCase().split(/[^a-z0-9]+/);
  return short.length <= 4 && looksLikeAcronym(short) && !shown.includes(short)
    ? `${mention.service.name} (${short.toUpperCase()})`
    : mention.service.name;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}

/** An ordinary word names a service only when the question says nothing else: "what is glue". */
function aloneInQuestion(mention: ServiceMention, tokens: readonly string[], content: string[]): boolean {
  const own = new Set(tokens.slice(mention.start, mention.end));
  return content.every((word) => own.has(word));
}
