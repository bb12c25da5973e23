import { askedEntryTerm, entryTerm } from '../knowledge/definition.js';
import { phraseKey, stem, termSpellings, VENDOR_WORDS, words } from '../knowledge/text.js';
import type { KnowledgeBase, Topic } from '../knowledge/types.js';
import { rememberBuiltStems } from './built-stems.js';
import { ConceptNeeds } from './concept-needs.js';
import { ConceptLexicon } from './concepts.js';
import { type EnglishWords, loadEnglishWords } from './english.js';
import { type EverydayWords, loadEverydayWords } from './everyday-words.js';
import { IntentClassifier } from './intents.js';
import { KeyTerms } from './key-terms.js';
import { ASKS_WHAT_IT_IS, introductionOf, type SubjectIntroduction } from './notes-subject.js';
import { namedCandidate, rankTopics, type TopicCandidate } from './rank-topics.js';
import { QuestionReader, type ReadQuestion, type RelatedWords } from './read-question.js';
import { renamedNames } from './renamed.js';
import {
  type CloudService,
  loadServiceCatalogue,
  namesProvider,
  platformsAskedOn,
  type ServiceCatalogue,
  type ServiceMention,
  TECHNOLOGY,
  VENDOR_PREFIXES,
} from './service-catalogue.js';
import { contentStems, type NeedMatch } from './service-needs.js';
import { ARTICLES, STOPWORDS } from './stopwords.js';
import { loadSpellings, loadSynonyms, type Spellings, type Synonyms } from './synonyms.js';
import { TopicIndex, thingsNamed } from './topic-index.js';
import { type UncoveredMentions, UncoveredServices } from './uncovered-services.js';
import { sharedWordRelations } from './word-relations.js';

/** What understanding needs that does not change with the notes; built once, shared. */
export interface UnderstandingParts {
  classifier: IntentClassifier;
  english: EnglishWords;
  /** Everyday English, as opposed to the trade's own words: what chit-chat is made of. */
  everyday: EverydayWords;
  concepts: ConceptLexicon;
  catalogue: ServiceCatalogue;
  synonyms: Synonyms;
  spellings: Spellings;
  /** WordNet's relations between words; null understands without them. */
  relations: RelatedWords | null;
  /** How learners describe the needs of concepts (`stash`, `consumer groups`) and features (`visibility timeout`). */
  conceptNeeds: ConceptNeeds;
}

let sharedParts: UnderstandingParts | null = null;

/**
 * The parts every tutor shares: the intent model, the word lists, the catalogue, the synonyms and
 * spellings, WordNet; built once, not again for every notes folder loaded.
 */
export function defaultUnderstandingParts(): UnderstandingParts {
  if (!sharedParts) {
    rememberBuiltStems();
    const english = loadEnglishWords();
    sharedParts = {
      classifier: new IntentClassifier(),
      english,
      everyday: loadEverydayWords(),
      concepts: new ConceptLexicon(),
      catalogue: loadServiceCatalogue(english),
      synonyms: loadSynonyms(),
      spellings: loadSpellings(),
      relations: sharedWordRelations(),
      conceptNeeds: new ConceptNeeds(),
    };
  }
  return sharedParts;
}

/** A question as understood: what it asks, the topics it may be about, the services it names. */
export interface Understood {
  read: ReadQuestion;
  /** Topics it may be about, best first. */
  candidates: TopicCandidate[];
  /** Catalogued services it names that no topic covers. */
  uncovered: UncoveredMentions;
}

/** A need must share this many of the question's words to say what it sounds like... */
const NEED_WORDS_SHARED = 3;
/**
 * ...and, when the question names no service, this share of its words: three everyday words of a
 * long question ("pay", "users", "month" of one asking how to stop guessing a database's capacity)
 * say nothing of what it asks.
 */
const NEED_SHARE_OF_QUESTION = 0.3;
/** ...and weigh this many times the best need of a service the notes cover. */
const OUTWEIGHS_COVERED = 2;

/** What the notes as a whole are about: the headings that group their topics, and the file names. */
function notesDomain(knowledge: KnowledgeBase): string[] {
  return [...(knowledge.sections ?? []), ...knowledge.files.map((file) => file.replace(/\.[^./]*$/, ''))];
}

/**
 * Everything about one set of notes that understanding a question needs, built when the notes
 * load: answering a question then reads no file and waits on nothing.
 */
export class Understanding {
  readonly index: TopicIndex;
  readonly reader: QuestionReader;
  private readonly catalogue: ServiceCatalogue;
  private readonly english: EnglishWords;
  /** Which catalogued services the notes cover, and which they only name in passing. */
  readonly services: UncoveredServices;
  /** The bold terms one topic alone holds, which name it in a comparison. */
  readonly keyTerms: KeyTerms;

  /**
   * Whether the notes are about cloud services, most of their topics one each: notes on Kubernetes'
   * pods and deployments, or on SQL, hear no need that sounds like a service they lack.
   */
  private readonly aboutServices: boolean;
  /** The providers of the services the notes' topics cover: `aws`, or `azure` in notes on Azure. */
  private readonly providers: ReadonlySet<string>;
  /** Where the notes introduce each product they are about, found the first time it is asked. */
  private readonly introductions: (SubjectIntroduction | null)[] = [];
  private subjectNames: readonly (readonly string[])[] | null = null;
  private entryBullets: ReadonlyMap<string, readonly { topic: number; fact?: number }[]> | null = null;

  constructor(knowledge: KnowledgeBase, parts: UnderstandingParts = defaultUnderstandingParts()) {
    this.index = new TopicIndex(knowledge, parts.catalogue.namingWords);
    this.catalogue = parts.catalogue;
    this.english = parts.english;
    this.keyTerms = new KeyTerms(this.index, parts.everyday, parts.english);

    this.services = new UncoveredServices(
      parts.catalogue,
      this.index,
      parts.english,
      parts.everyday,
      notesDomain(knowledge),
    );
    this.reader = new QuestionReader(
      this.index,
      parts.classifier,
      parts.english,
      {
        synonyms: parts.synonyms,
        spellings: parts.spellings,
        concepts: parts.concepts,
        relations: parts.relations,
        everyday: parts.everyday,
      },
      (word) => parts.catalogue.servicesNamedWith(word) > 0,
      this.services.domainWords,
      this.services.clouds,
      this.services.domainNames,
    );
    addCatalogueNames(this.index, this.services, parts.english);
    addNamesAfterAService(this.index, parts.catalogue);
    addAcronymsOfNames(this.index, parts.english);
    addNamesInParentheses(this.index, parts.english);
    addNamesAfterTheDomain(this.index, [
      ...this.services.products,
      ...[...this.services.clouds].filter((cloud) => !VENDOR_PREFIXES.has(cloud)),
    ]);
    this.index.topics.forEach((topic, i) => {
      for (const name of renamedNames(topic.facts, parts.english)) this.index.addAlias(name, i);
    });
    parts.conceptNeeds.prepare();
    this.index.topics.forEach((topic, at) => {
      const services = this.services.coveredBy(at);
      const needs: string[] = [];
      for (const service of this.services.needsFrom(at)) {
        needs.push(...parts.catalogue.topicNeedsOf(service));
        // Whole, everyday words and all ("undo", "older"), they say which of its facts answers.
        this.index.addFeatureQuestions(at, parts.catalogue.featuresOf(service));
      }
      // A cloud product's needs are its own: `AWS Artifact` is no build artifact, `AWS Batch` no
      // batching. The concepts' needs are for topics on ideas (`Stash`, `Consumer groups`), and on
      // products the catalogue knows no needs of, named for the idea (`Atlas Vector Search`).
      if (needs.length === 0 || services.every((service) => service.provider === TECHNOLOGY))
        needs.push(...parts.conceptNeeds.needsOf(topic, this.services.products));
      // A topic on several things, none its heading names (`EC2 Pricing Options`), meets the needs
      // of the things its bullets open with (`**Spot Instances** : ...`).
      if (needs.length === 0)
        for (const term of entryTerms(topic))
          needs.push(...parts.conceptNeeds.needsOf({ name: term, aliases: [] }));
      this.index.addNeeds(at, needs);
    });
    // Topics on technologies (`Ingress`, `ConfigMap`) are no cloud's services: they bring no needs.
    const covering = this.index.topics.map((_, topic) =>
      this.services.coveredBy(topic).filter((service) => service.provider !== TECHNOLOGY),
    );
    this.aboutServices = covering.filter((services) => services.length > 0).length * 2 >= covering.length;
    // Notes on AWS with a topic on Docker hear no need as another container tool's.
    this.providers =
      this.services.clouds.size > 0
        ? this.services.clouds
        : new Set(covering.flat().map((service) => service.provider));
  }

  /**
   * The service the need a question describes sounds like, when the notes cover neither it nor its
   * family and one of its needs says much more of the question than any need of a service they
   * cover: "need our database passwords rotated automatically every 30 days" is AWS Secrets
   * Manager's, whatever topic of the notes shares a word or two with it. Only the services of the
   * clouds the notes teach are heard: notes on Azure hear no need as an AWS service's.
   * @param namesAService whether the question names a service the notes lack, which says what it
   *   is about whatever share of its words the need holds
   */
  soundsLikeUncovered(read: ReadQuestion, namesAService = false): CloudService | null {
    if (!this.aboutServices) return null;
    const matches = this.catalogue.needMatches(read.tokens, this.providers);
    let best: NeedMatch | null = null;
    for (const match of matches) if (!best || match.score > best.score) best = match;
    if (!best || this.services.coversFamilyOf(best.service)) return null;
    // A covered service whose need comes near the best one's says the notes may well cover it.
    const top = best.score;
    if (
      matches.some(
        (match) => match.score * OUTWEIGHS_COVERED > top && this.services.coversFamilyOf(match.service),
      )
    )
      return null;
    if (best.shared < NEED_WORDS_SHARED) return null;
    if (!namesAService && best.shared < NEED_SHARE_OF_QUESTION * new Set(contentStems(read.tokens)).size)
      return null;
    return best.service;
  }

  /**
   * The topic on the notes' own cloud's counterpart of the other cloud's service a question asks
   * after ("what's the aws equivalent of azure functions" on notes with Lambda), or of a product
   * whose needs are like none of theirs (the topic naming it), or null: when the counterpart is no
   * topic of the notes, they don't cover what was asked.
   */
  counterpartTopic(read: ReadQuestion, uncovered: UncoveredMentions): number | null {
    const [service, ...more] = uncovered.services;
    const clouds = this.services.clouds;
    if (!service || more.length > 0 || clouds.size === 0 || clouds.has(service.provider)) return null;
    if (!asksCounterpart(read.tokens, clouds)) return null;
    const counterpart = this.catalogue.counterpartOf(service, clouds);
    if (counterpart && counterpart.likeness >= COUNTERPART_LIKENESS)
      return this.services.topicCovering(counterpart.service);
    return this.topicNamingProduct(service);
  }

  /**
   * The topic on a service of the notes' cloud that names a product whose needs say nothing alike
   * (`Okta`, `Elasticsearch`): "the aws alternative to okta" is the topic whose facts name Okta as
   * what it works with. The product's own words are looked for in headings and facts; its vendor's
   * name only in a heading (`Amazon DocumentDB (with MongoDB compatibility)` for MongoDB Atlas),
   * since facts name vendors in passing (`GitHub` Actions under SAM is no GitHub Copilot). A heading
   * counts as three facts, and a tie names none.
   * @param least how much naming the topic needs at least (in facts' worth)
   */
  private topicNamingProduct(service: CloudService, least = 1): number | null {
    // The vendor as the product's name says it (`MongoDB` Atlas), not a family the catalogue files
    // it under (Helm under `kubernetes`).
    const vendor =
      service.provider !== TECHNOLOGY &&
      !this.english.has(service.provider) &&
      words(service.name).includes(service.provider)
        ? service.provider
        : null;
    // A name of one word is the product's own (`Okta`, though an okta measures cloud cover); in a
    // longer name a dictionary word (`atlas`, `copilot`) names other things too.
    const own = new Set(
      [service.name, ...service.aliases]
        .map((name) => words(name).filter((word) => word !== vendor))
        .flatMap((named) => (named.length === 1 ? named : named.filter((word) => !this.english.has(word))))
        .filter((word) => word.length >= 3)
        .map(stem),
    );
    const weight = new Map<number, number>();
    const add = (topic: number, amount: number) => weight.set(topic, (weight.get(topic) ?? 0) + amount);
    for (const stemmed of own)
      for (const [topic, facts] of this.index.factsPerTopic(stemmed)) add(topic, facts);
    this.index.topics.forEach((topic, at) => {
      const heading = new Set(words(topic.title).map(stem));
      for (const stemmed of own) if (heading.has(stemmed)) add(at, IN_HEADING);
      if (vendor && heading.has(stem(vendor))) add(at, IN_HEADING);
    });
    const ranked = [...weight].filter(([topic]) => this.onCloudService(topic)).sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    if (!best || best[1] < least || (second && second[1] === best[1])) return null;
    return best[0];
  }

  /**
   * Whether the question asks what a term is that a bullet opens with: "what is rules" and "what are
   * access points" ask about the notes' `**rules**` and `**access points**`, not for help or the
   * leaderboard.
   */
  asksWhatATermIs(read: ReadQuestion): boolean {
    return this.termAsked(read) !== null;
  }

  /**
   * The bullet that opens with the term a question asks what it is, where one bullet alone does:
   * `**Lists**: ordered strings, LPUSH/RPOP` answers "what are lists" in notes on Redis. Null when
   * the question asks more, or bullets of several topics open with the term. A thing a heading of
   * several names (`Activities` of `Activities & retries`) is its topic's entry, with no bullet.
   * `start` and `end` are where the term stands among the question's tokens.
   */
  entryAsked(read: ReadQuestion): { topic: number; fact?: number; start: number; end: number } | null {
    const asked = this.termAsked(read);
    const entries = asked === null ? undefined : this.entries().get(asked.key);
    const entry = entries?.length === 1 ? entries[0] : undefined;
    // A heading's thing whose topic the question names already is the ranking's to answer, which
    // picks the fact that says it.
    if (entry && entry.fact === undefined && read.names.some((hit) => hit.topic === entry.topic)) return null;
    return asked && entry ? { ...entry, start: asked.start, end: asked.end } : null;
  }

  /**
   * The term a bullet opens with, or a heading names among several things or in capitals in its
   * parentheses, that "what is …", "explain …" or "what does … stand for" asks about, as its key;
   * null for any other question.
   */
  private termAsked(read: ReadQuestion): { key: string; start: number; end: number } | null {
    const { tokens } = read;
    const spelledOut = standsFor(tokens);
    let at =
      tokens[0] === 'whats'
        ? 1
        : tokens[0] === 'what' && (WHAT_IS.has(tokens[1] ?? '') || spelledOut > 0)
          ? 2
          : DEFINE.has(tokens[0] ?? '')
            ? 1
            : 0;
    if (at === 0) return null;
    if (ARTICLES.has(tokens[at] ?? '')) at++;
    // "what's a virtualservice in istio": the product the notes are about says nothing more.
    let end = tokens.length - spelledOut;
    while (
      end > at + 1 &&
      (this.services.domainWords.has(tokens[end - 1] ?? '') || VENDOR_WORDS.has(tokens[end - 1] ?? ''))
    )
      end--;
    if (end < tokens.length && WITHIN.has(tokens[end - 1] ?? '')) end--;
    const keys = this.entries();
    const keyOf = (start: number) => {
      const term = tokens.slice(start, end).join(' ');
      if (!term) return null;
      if (keys.has(term)) return term;
      if (term.endsWith('s') && keys.has(term.slice(0, -1))) return term.slice(0, -1);
      return keys.has(`${term}s`) ? `${term}s` : null;
    };
    const key = keyOf(at);
    if (key !== null) return { key, start: at, end };
    // "what is a temporal workflow": the product before the term says no more, unless the two are
    // one term (`gcloud storage`).
    let after = at;
    while (after < end - 1 && this.services.domainWords.has(tokens[after] ?? '')) after++;
    const shorter = after > at ? keyOf(after) : null;
    return shorter === null ? null : { key: shorter, start: after, end };
  }

  /**
   * Each term bullets open with, as a phrase key, and those bullets; and each of the things a heading
   * of several names (`Activities` of `Activities & retries`), with its topic and no bullet, where
   * no bullet of that topic opens with it. Made when first needed.
   */
  private entries(): ReadonlyMap<string, readonly { topic: number; fact?: number }[]> {
    if (this.entryBullets) return this.entryBullets;
    const entries = new Map<string, { topic: number; fact?: number }[]>();
    const add = (key: string, entry: { topic: number; fact?: number }) => {
      if (!key) return;
      const found = entries.get(key) ?? [];
      if (!found.some((other) => other.topic === entry.topic)) found.push(entry);
      entries.set(key, found);
    };
    this.index.topics.forEach((topic, at) => {
      topic.facts.forEach((bullet, fact) => {
        const term = askedEntryTerm(bullet);
        // `**VirtualService (VS)**` is the entry for `virtualservice` and for `vs`.
        if (term !== undefined)
          for (const key of new Set(termSpellings(term).map(phraseKey))) add(key, { topic: at, fact });
      });
    });
    this.index.topics.forEach((topic, at) => {
      for (const thing of thingsNamed(topic.name)) add(phraseKey(thing), { topic: at });
      // `Red Hat OpenShift on IBM Cloud (ROKS, managed OpenShift clusters)`: what "what does roks
      // stand for" asks about, though nothing spells it out.
      for (const part of topic.categories) if (SHORT_NAME.test(part)) add(phraseKey(part), { topic: at });
    });
    this.entryBullets = entries;
    return entries;
  }

  /**
   * Whether a term a bullet opens with holds the mention: `origin shield` holds `shield`,
   * `backups` (of Droplets) is all of the everyday word that names AWS Backup, and "kubernetes pod
   * operator" is `KubernetesPodOperator` written apart.
   */
  private insideEntryTerm(tokens: readonly string[], mention: ServiceMention): boolean {
    const keys = this.entries();
    const longest = Math.min(MAX_ENTRY_TERM_WORDS, tokens.length);
    // A name in everyday words (`backups`, `forecast`) that a bullet opens with is that bullet's term.
    const shortest = mention.plain ? mention.end - mention.start : mention.end - mention.start + 1;
    for (let length = longest; length >= shortest; length--)
      for (let start = Math.max(0, mention.end - length); start <= mention.start; start++)
        if (start + length <= tokens.length) {
          const span = tokens.slice(start, start + length);
          if (keys.has(span.join(' ')) || (length > 1 && keys.has(span.join('')))) return true;
        }
    return false;
  }

  /**
   * Where the notes introduce the product they are all about (`redis-ops.md`, or notes whose headings
   * mostly open with `Cloud Run`) when that product is all the question asks about ("what is redis",
   * "tell me about cloud run"): null otherwise.
   */
  introductionAsked(read: ReadQuestion): SubjectIntroduction | null {
    const subjects = this.subjects();
    const asked = subjects.findIndex((names) => names.some((name) => holdsPhrase(read.tokens, name)));
    const names = subjects[asked];
    if (!names) return null;
    // Asked with anything else ("redis persistence"), or of a topic named for it in full (`Amazon
    // EC2` in notes on EC2), the question is the topic's.
    const ownWords = new Set(names.flatMap((name) => name.split(' ')));
    if (read.terms.some((term) => !ownWords.has(term.word) && !ASKS_WHAT_IT_IS.has(term.word))) return null;
    if (read.names.some((hit) => !hit.partial && hit.strength >= 1)) return null;
    let introduction = this.introductions[asked];
    if (introduction === undefined) {
      const others = subjects.filter((_, at) => at !== asked).flat();
      introduction = introductionOf(this.index.topics, names, others);
      this.introductions[asked] = introduction;
    }
    return introduction;
  }

  /**
   * The names of each product the notes are about: those of their file names and facts, and a
   * catalogued one whose name opens the headings of half the topics or more (`Cloud Run services`,
   * `Cloud Run jobs`, `Cloud Run pricing`), found once.
   */
  private subjects(): readonly (readonly string[])[] {
    if (this.subjectNames) return this.subjectNames;
    const openings = new Map<string, number>();
    for (const topic of this.index.topics) {
      const nameWords = phraseKey(topic.name).split(' ');
      const from = nameWords.findIndex((word) => !VENDOR_WORDS.has(word));
      for (let to = from + 1; from >= 0 && to < nameWords.length && to - from <= 3; to++) {
        const opening = nameWords.slice(from, to).join(' ');
        openings.set(opening, (openings.get(opening) ?? 0) + 1);
      }
    }
    const least = Math.max(2, this.index.topics.length / 2);
    const products = this.services.productKeys;
    const inParts = [...openings]
      .filter(
        ([opening, count]) =>
          count >= least &&
          !products.some((names) => names.includes(opening)) &&
          this.catalogue.lookupKeyIn(opening, this.services.clouds, true) !== undefined,
      )
      .map(([opening]) => [opening]);
    this.subjectNames = [...products, ...inParts];
    return this.subjectNames;
  }

  /**
   * The topic standing in for a product the notes name, when a question asks the notes' cloud's
   * counterpart of it and names no topic, and what the notes call the product: "aws alternative to
   * rabbitmq" on notes whose Amazon MQ is a "managed message broker for **RabbitMQ**" (the one topic
   * holding it in bold), or "aws equivalent of kibana" on notes that say "OpenSearch Dashboards (the
   * Kibana fork)" (the topic naming the catalogued product most).
   */
  namedProductCounterpart(read: ReadQuestion): { topic: number; product: string } | null {
    if (read.names.length > 0 || !asksCounterpart(read.tokens, this.services.clouds)) return null;
    // The notes' own cloud ("how does netlify keep…" on notes on Netlify) is what the question asks
    // of, never a product it wants the counterpart of.
    const ownCloud = (name: string) =>
      this.services.domainWords.has(phraseKey(name)) || this.services.clouds.has(phraseKey(name));
    const hits = this.keyTerms.in(read.tokens).filter((hit) => !ownCloud(hit.term));
    const [hit] = hits;
    if (hit) {
      return hits.every((other) => other.topic === hit.topic)
        ? { topic: hit.topic, product: hit.term }
        : null;
    }
    const products = new Set(
      this.catalogue
        .find(read.tokens)
        .map((mention) => mention.service)
        .filter(
          (service) => !this.services.coversFamilyOf(service) && !this.services.clouds.has(service.provider),
        ),
    );
    const [product, ...more] = products;
    if (!product || more.length > 0) return null;
    // The notes name tools in passing ("kubectl, helm & the normal k8s tools work" under EKS): only
    // a product in a heading, or in several facts, has a topic standing in for it.
    const topic = this.topicNamingProduct(product, IN_HEADING);
    return topic === null ? null : { topic, product: product.name };
  }

  /** Whether the topic is on a service of the cloud the notes teach (Fargate, not Docker, in notes on AWS). */
  onCloudService(topic: number): boolean {
    return this.services.coveredBy(topic).some((service) => this.services.clouds.has(service.provider));
  }

  /**
   * Whether the question asks for a service of the notes' cloud ("what aws service ties them
   * together", "which amazon service runs them"): what it names besides, Docker say, is the setting.
   */
  asksForCloudService(read: ReadQuestion): boolean {
    return read.tokens.some(
      (token, at) =>
        OFFERINGS.has(read.tokens[at + 1] ?? '') &&
        [...this.services.clouds].some(
          (provider) => namesProvider([token], provider) || (provider === 'aws' && VENDOR_WORDS.has(token)),
        ),
    );
  }

  /**
   * A name two clouds give their services means the notes' cloud's, unless the question says whose:
   * `cloud hsm` in notes on Google Cloud is its Cloud HSM, not AWS CloudHSM, and `iam roles` its IAM.
   */
  private ofNotesCloud(
    mention: ServiceMention,
    tokens: readonly string[],
  ): ServiceMention & { ownCloud?: true } {
    const clouds = this.services.clouds;
    if (clouds.size === 0 || clouds.has(mention.service.provider)) return mention;
    const named = tokens.slice(mention.start, mention.end);
    // "the aws equivalent of elasticsearch" means Elastic's product, to find the counterpart of.
    if (VENDOR_PREFIXES.has(named[0] ?? '') || asksCounterpart(tokens, clouds)) return mention;
    // Another cloud's longer name may hold the notes' cloud's: `iam roles` is AWS's, `iam` Google's.
    for (let length = named.length; length >= 1; length--) {
      const own = this.catalogue.lookupKeyIn(named.slice(0, length).join(' '), clouds);
      if (own && clouds.has(own.provider))
        return { ...mention, service: own, end: mention.start + length, ownCloud: true };
    }
    return mention;
  }

  /**
   * The notes' cloud's service, found under a name another cloud also gives its own (`iam`), names
   * the topic covering it, as its own name would.
   */
  private nameOwnCloudServices(
    read: ReadQuestion,
    mentions: readonly (ServiceMention & { ownCloud?: true })[],
  ): void {
    for (const mention of mentions) {
      if (!mention.ownCloud) continue;
      // `kubernetes` in notes all on GKE is what they are about, no one topic's name.
      if (this.services.isDomainProduct(mention.service)) continue;
      const topic = this.services.topicCovering(mention.service);
      if (topic === null || read.names.some((hit) => hit.start < mention.end && mention.start < hit.end))
        continue;
      read.names.push({ topic, start: mention.start, end: mention.end, strength: 1, partial: false });
      read.names.sort((a, b) => a.start - b.start);
      for (const term of read.terms)
        if (term.position >= mention.start && term.position < mention.end) term.nameOf = topic;
    }
  }

  /**
   * "how much does an sfn express run cost": a name (`sfn`, Step Functions, whose first topic is
   * `Step Functions Standard Workflows`) and a word only a sibling's name has (`Step Functions
   * Express Workflows`) name the sibling.
   */
  private nameSiblingsByWord(read: ReadQuestion): void {
    for (const hit of read.names) {
      if (hit.partial || hit.strength < 1) continue;
      const next = read.terms.find((term) => term.position === hit.end);
      if (!next || next.nameOf !== null || next.word.length < 4) continue;
      const [sibling, ...more] = this.index.topicsNamedWith(stem(next.word));
      if (sibling === undefined || more.length > 0 || sibling === hit.topic) continue;
      const siblingWords = phraseKey(this.index.topics[sibling]?.name ?? '').split(' ');
      const ownWords = phraseKey(this.index.topics[hit.topic]?.name ?? '')
        .split(' ')
        .filter((word) => !VENDOR_PREFIXES.has(word));
      if (!siblingWords.includes(next.word) || !ownWords.some((word) => siblingWords.includes(word)))
        continue;
      // A name said by the word its topic alone has ("snapstart limits") names that topic, not
      // the family: the limits asked are SnapStart's, not `Lambda Basics & Limits`.
      const said = read.tokens.slice(hit.start, hit.end);
      if (said.some((word) => ownWords.includes(word) && !siblingWords.includes(word))) continue;
      hit.topic = sibling;
      hit.end += 1;
      for (const term of read.terms)
        if (term.position >= hit.start && term.position < hit.end) term.nameOf = sibling;
    }
  }

  /**
   * "what is aws lambda" on notes all on Lambda says nothing but what the notes are about: the topic
   * that teaches it as a whole (`Lambda Basics & Limits`, the first of those named for it) answers.
   */
  private teachingTopic(read: ReadQuestion): { topic: number; start: number; end: number } | null {
    for (const [at, token] of read.tokens.entries()) {
      if (!this.services.domainWords.has(token)) continue;
      const product = this.catalogue.lookup(token);
      const topic = product ? this.services.topicCovering(product) : null;
      if (topic !== null) return { topic, start: at, end: at + 1 };
    }
    return null;
  }

  understand(question: string): Understood {
    const read = this.reader.read(question);
    const found = this.catalogue.find(read.tokens).map((mention) => this.ofNotesCloud(mention, read.tokens));
    // "what would we use on aws for the containers we run on azure" asks for a counterpart, not how
    // Azure runs them.
    const named = asksCounterpart(read.tokens, this.services.clouds)
      ? found
      : [...found, ...platformsAskedOn(read.tokens, found, this.services.clouds)];
    // A service's name inside a longer term a bullet opens with is a word of that term: the
    // `shield` of `**Origin Shield** = extra caching layer`, the `connect` of ECS's `**Service
    // Connect**`. A term named in passing (`NOT a web app firewall (that's **Front Door WAF**)`)
    // is no more taught than the service.
    const mentions = named.filter((mention) => !this.insideEntryTerm(read.tokens, mention));
    this.services.nameEntries(read, mentions);
    this.services.nameServiceParts(read, mentions);
    this.nameOwnCloudServices(read, mentions);
    this.nameSiblingsByWord(read);
    const uncovered = this.services.of(read, mentions);
    for (const term of read.terms) if (uncovered.servicePositions.has(term.position)) term.service = true;
    const candidates = rankTopics(this.index, read);
    if (candidates.length === 0 && read.names.length === 0) {
      const taught = this.teachingTopic(read);
      if (taught) {
        read.names.push({ ...taught, strength: 1, partial: false });
        candidates.push(namedCandidate(taught.topic));
      }
    }
    return { read, candidates, uncovered };
  }
}

/**
 * Services this alike in their needs do one job (Azure Functions and AWS Lambda: 0.30, AWS WAF and
 * Cloud Armor: 0.39, Amazon Redshift and BigQuery: 0.39); AWS App Runner's nearest on Azure, at
 * 0.19, is Application Gateway, no counterpart.
 */
const COUNTERPART_LIKENESS = 0.2;
/** What a question after one of a cloud's services calls it: "an aws service", "which amazon thing". */
const OFFERINGS = new Set(['service', 'services', 'thing', 'tool', 'offering', 'product', 'option']);

/** What asks what a thing is after `what`: "what is", "what are", "what r". */
const WHAT_IS = new Set(['is', 'are', 'r', 's', 're']);
/** Words that open a request for what a thing is: "explain activities", "define drift". */
const DEFINE = new Set(['explain', 'define']);
/** What sets a thing in the product it belongs to: "a virtualservice in istio". */
const WITHIN = new Set(['in', 'on', 'of', 'for', 'with']);

/** A short name in capitals among what a heading's parentheses describe: `ROKS`, `SLOs`. */
const SHORT_NAME = /^[A-Z][A-Z0-9]{1,5}s?$/;

/**
 * How many words close "what does X stand for" or "what does X actually mean": they ask what X is.
 * 0 for any other question.
 */
function standsFor(tokens: readonly string[]): number {
  if (tokens[0] !== 'what' || (tokens[1] !== 'does' && tokens[1] !== 'do')) return 0;
  const last = tokens.length - 1;
  const closing =
    tokens[last] === 'mean' ? 1 : tokens[last] === 'for' && tokens[last - 1] === 'stand' ? 2 : 0;
  if (closing === 0) return 0;
  return tokens[last - closing] === 'actually' ? closing + 1 : closing;
}

/** The most words of a term a bullet opens with that a question is looked through for. */
const MAX_ENTRY_TERM_WORDS = 4;

/** A product named in a topic's heading counts as much as in this many of its facts. */
const IN_HEADING = 3;

/** Words that ask for another cloud's counterpart whatever else the question says. */
const COUNTERPART = new Set([
  'equivalent',
  'equivalents',
  'counterpart',
  'counterparts',
  'analog',
  'analogue',
]);
/**
 * Words that ask for one beside the name of the notes' cloud: "an aws alternative to cloud run",
 * "we're on mongodb atlas and want something aws native".
 */
const COUNTERPART_ON = new Set([
  'version',
  'alternative',
  'alternatives',
  'similar',
  'comparable',
  'replacement',
  'substitute',
  'instead',
  'like',
  'native',
]);

function asksCounterpart(tokens: readonly string[], clouds: ReadonlySet<string>): boolean {
  if (tokens.some((token) => COUNTERPART.has(token))) return true;
  return (
    tokens.some(
      (token, at) => COUNTERPART_ON.has(token) && !(token === 'like' && beforeAnAmount(tokens, at)),
    ) && [...clouds].some((cloud) => namesProvider(tokens, cloud))
  );
}

/** Words that give an amount or a span of time, after a number or an article: "a week", "a few". */
const AMOUNTS = new Set([
  'few',
  'couple',
  'dozen',
  'hundred',
  'thousand',
  'million',
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
]);
/** Words that open an amount themselves. */
const AMOUNT_WORDS = new Set([
  'half',
  'one',
  'two',
  'three',
  'four',
  'five',
  'ten',
  'few',
  'couple',
  'dozen',
]);

/**
 * `like` before an amount is talk, no likeness: "certs that die after like a week, can aws do
 * that" asks for no counterpart of anything.
 */
function beforeAnAmount(tokens: readonly string[], at: number): boolean {
  const next = tokens[at + 1] ?? '';
  if (/^\d/.test(next) || AMOUNT_WORDS.has(next)) return true;
  return (next === 'a' || next === 'an') && AMOUNTS.has(tokens[at + 2] ?? '');
}

/**
 * The catalogue's other names for a service a topic covers name that topic too: notes that call it
 * `DocumentDB` still answer `docdb`. A name that shares a word with another topic's names, or that
 * is one ordinary English word, is left out: it would take questions from that topic or from English.
 */
function addCatalogueNames(index: TopicIndex, covered: UncoveredServices, english: EnglishWords): void {
  index.topics.forEach((notes, topic) => {
    const services = covered.coveredBy(topic);
    if (services.length === 0) return;
    // Unless the notes write it as a name: `**ALB**` in capitals is no vestment, `Amazon Pinpoint`
    // capitalised in the heading no aim, and `**Snowball Edge**` a device, not a ball of snow. A
    // key term's word in mixed capitals (`**AMIs**`) is an acronym's plural, no name of the topic.
    const capitals = new Set([
      ...notes.facts
        .flatMap((fact) => fact.keyTerms)
        .filter((term) => term === term.toUpperCase())
        .map(phraseKey),
      ...notes.title
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => /^\p{Lu}/u.test(word))
        .map(phraseKey),
      ...notes.facts
        .flatMap((fact) => fact.keyTerms)
        .flatMap((term) => term.split(/[^\p{L}\p{N}]+/u))
        .filter((word) => /^\p{Lu}\p{Ll}+$/u.test(word))
        .map(phraseKey),
    ]);
    for (const service of services) {
      // What the notes as a whole are about (`dynamodb-deep.md`) names none of its topics (`DynamoDB
      // Streams`) more than the others.
      if (covered.isDomainProduct(service)) continue;
      for (const alias of service.aliases) {
        const key = phraseKey(alias);
        const keyWords = key.split(' ');
        if (keyWords.length === 1 && english.has(key) && !capitals.has(key)) continue;
        // One name-like word is another topic's only as that word: `cloudflared` shares its stem
        // with the `Cloudflare` of Cloudflare Workers, not its name.
        const ownWord = keyWords.length === 1 && !english.has(key);
        const elsewhere = keyWords.some((word) =>
          index
            .topicsNamedWith(stem(word))
            .some((other) => other !== topic && (!ownWord || nameWordsOf(index.topics[other]).has(word))),
        );
        if (!elsewhere) index.addAlias(key, topic);
      }
    }
  });
}

/** The words of a topic's name and aliases, as written. */
function nameWordsOf(topic: Topic | undefined): Set<string> {
  return new Set(
    [topic?.name ?? '', ...(topic?.aliases ?? [])].flatMap((name) => phraseKey(name).split(' ')),
  );
}

/**
 * In notes all on one product (`redis-ops.md`), a heading that opens with it (`Redis Cluster`) is named
 * by the rest (`cluster`), as the product goes without saying: "replicas vs cluster" compares two topics.
 */
function addNamesAfterTheDomain(index: TopicIndex, products: readonly string[]): void {
  if (products.length === 0) return;
  const rests = new Map<string, number>();
  index.topics.forEach((topic, at) => {
    const nameWords = phraseKey(topic.name).split(' ');
    if (!products.includes(nameWords[0] ?? '') || nameWords.length < 2) return;
    const rest = nameWords.slice(1).join(' ');
    rests.set(rest, rests.has(rest) ? -1 : at);
  });
  for (const [rest, topic] of rests) if (topic >= 0 && !STOPWORDS.has(rest)) index.addAlias(rest, topic);
}

const HAS_DIGIT = /\d/;

/** The fewest words of a name whose initials people write for it: `MNG` of Managed Node Groups. */
const ACRONYM_WORDS = 3;
/** What joins the things a heading names: `Pipelines & Review Apps`, `Blue/Green and Canary`. */
const JOINED_PARTS = /\s+(?:&|and)\s+/i;

/**
 * "running spot in our MNGs": the initials of a topic's last words (`EKS Managed Node Groups`) that
 * no other topic's name has, no English word and no word of the notes but one its heading writes
 * (`DLQs & redrive`), name the topic.
 */
/**
 * The words of a name whose initials an acronym of it takes: no vendor, and no small word unless a
 * hyphen makes it part of one (`Single Sign-On` is SSO, `Add-Ons` AO).
 */
function initialledWords(name: string): string[] {
  return name.split(/\s+/).flatMap((token) => {
    const parts = words(token).filter((word) => !VENDOR_PREFIXES.has(word));
    const hyphened = parts.length > 1 && token.includes('-');
    return hyphened ? parts : parts.filter((word) => !STOPWORDS.has(word));
  });
}

function addAcronymsOfNames(index: TopicIndex, english: EnglishWords): void {
  const owners = new Map<string, number>();
  /** Initials of a name's last words (`mng`, `dlq`), those people write: `vms` of Virtual Machine Scale Sets is none. */
  const closing = new Set<string>();
  index.topics.forEach((topic, at) => {
    const nameWords = initialledWords(topic.name);
    for (let from = 0; from < nameWords.length; from++)
      for (let to = from + ACRONYM_WORDS; to <= nameWords.length; to++) {
        const acronym = nameWords
          .slice(from, to)
          .map((word) => word[0])
          .join('');
        const owner = owners.get(acronym);
        owners.set(acronym, owner === undefined || owner === at ? at : -1);
        if (to === nameWords.length) closing.add(acronym);
      }
    // A heading joining things (`Data Transfer Service & scheduled queries`) closes a name at
    // each of them: `dts`.
    for (const part of topic.name.split(JOINED_PARTS)) {
      const partWords = initialledWords(part);
      for (let from = 0; from + ACRONYM_WORDS <= partWords.length; from++)
        closing.add(
          partWords
            .slice(from)
            .map((word) => word[0])
            .join(''),
        );
    }
  });
  for (const [acronym, topic] of owners) {
    if (
      topic < 0 ||
      !closing.has(acronym) ||
      english.has(acronym) ||
      (index.knows(stem(acronym)) &&
        !inOwnHeading(index.topics[topic], acronym) &&
        !inOwnFactsInCapitals(index.topics[topic], acronym)) ||
      index.exactName(acronym).length > 0
    )
      continue;
    index.addAlias(acronym, topic);
  }
}

/**
 * `Data Loading (stages, COPY INTO, Snowpipe)`: a word no dictionary has, that a heading's
 * parentheses list among what its topic covers, names the topic when no other heading lists it and
 * no other topic's facts use it as much (`GHA`, in the facts of every topic of notes on GitHub
 * Actions, names none).
 */
function addNamesInParentheses(index: TopicIndex, english: EnglishWords): void {
  const owners = new Map<string, number>();
  index.topics.forEach((topic, at) => {
    for (const category of topic.categories) {
      const [key, ...more] = phraseKey(category).split(' ');
      if (!key || more.length > 0) continue;
      owners.set(key, owners.has(key) ? -1 : at);
    }
  });
  for (const [key, topic] of owners) {
    if (topic < 0 || key.length < 3 || english.has(key) || STOPWORDS.has(key) || HAS_DIGIT.test(key))
      continue;
    if (index.exactName(key).length > 0) continue;
    const byTopic = index.factsPerTopic(stem(key));
    const own = byTopic.get(topic) ?? 0;
    if ([...byTopic].some(([other, facts]) => other !== topic && facts >= own)) continue;
    index.addAlias(key, topic);
  }
}

/** Whether a topic's heading writes the initials in its parentheses: `(DLQs & redrive)`. */
/** Whether the topic's own facts write the initials in capitals (`BigQuery Data Transfer Service (DTS)`). */
function inOwnFactsInCapitals(topic: Topic | undefined, acronym: string): boolean {
  const written = new RegExp(`\\b${acronym.toUpperCase()}s?\\b`);
  return (topic?.facts ?? []).some((fact) =>
    [fact.text, ...fact.subPoints].some((part) => written.test(part)),
  );
}

function inOwnHeading(topic: Topic | undefined, acronym: string): boolean {
  return (topic?.categories ?? []).some((category) => {
    const categoryWords = words(category);
    return categoryWords.includes(acronym) || categoryWords.includes(`${acronym}s`);
  });
}

/**
 * A topic named after the service it belongs to (`EC2 Instance Store`, `S3 Glacier Deep Archive`) is
 * named by the rest of its name too, as its vendor would be left out: "can i resize the instance
 * store" names it whole. Only a rest of two words or more that no other topic's name holds (a part
 * of the name the index already keeps as this topic's alone).
 */
function addNamesAfterAService(index: TopicIndex, catalogue: ServiceCatalogue): void {
  index.topics.forEach((topic, at) => {
    const words = phraseKey(topic.name).split(' ');
    for (let cut = 1; cut < words.length - 1; cut++) {
      if (!catalogue.lookup(words.slice(0, cut).join(' '))) continue;
      index.promotePartialName(words.slice(cut).join(' '), at);
      return;
    }
  });
}

/** The key terms a topic's bullets open with: its entries (`**Spot Instances** : use spare capacity`). */
function entryTerms(topic: Topic): string[] {
  // Most facts open with no key term: no list is made for each of them.
  const terms: string[] = [];
  for (const fact of topic.facts) {
    const term = entryTerm(fact);
    if (term !== undefined) terms.push(term);
  }
  return terms;
}

/** Whether the words of a name stand together among a question's. */
function holdsPhrase(tokens: readonly string[], name: string): boolean {
  const words = name.split(' ');
  return tokens.some((_, at) => words.every((word, offset) => tokens[at + offset] === word));
}
