import { declaredAliases } from './declared-aliases.js';
import type { ParsedNotes, ParsedTopic } from './parse.js';
import { phraseKey, slug, VENDOR_WORDS, words } from './text.js';
import type { KnowledgeBase, NotesProblem, Topic } from './types.js';

export interface BuiltKnowledge {
  knowledge: KnowledgeBase;
  problems: NotesProblem[];
}

/** `Amazon EKS` is also `EKS`. */
function withoutVendor(name: string): string {
  return words(name)
    .filter((word) => !VENDOR_WORDS.has(word))
    .join(' ');
}

/** Another cloud's name before its products': `Azure Cosmos DB`, `Google Cloud Run`. */
const OTHER_CLOUD =
  /^(?:microsoft azure|azure|microsoft|google cloud|google|gcp|oracle cloud|oci|ibm cloud)\s+/i;

/**
 * `Azure Cosmos DB` is also `Cosmos DB`, as people say it; `Azure Functions` stays whole, since
 * `functions` alone names nothing in particular.
 */
function withoutOtherCloud(name: string): string | null {
  const rest = name.replace(OTHER_CLOUD, '');
  return rest !== name && rest.trim().split(/\s+/).length >= 2 ? rest.trim() : null;
}

interface NameOwner {
  topic: Topic;
  file: string;
  line: number;
}

/**
 * Joins the parsed files into one knowledge base: names and aliases must be unique across all
 * files, `See also:` must name a topic, and expansions found in bullets become aliases.
 * What breaks a rule is reported and left out; everything else loads.
 */
export function buildKnowledgeBase(files: ParsedNotes[]): BuiltKnowledge {
  const problems: NotesProblem[] = [];
  const owners = new Map<string, NameOwner>();
  const usedIds = new Set<string>();
  const topics: Topic[] = [];
  const seeAlso = new Map<Topic, ParsedTopic['seeAlso']>();
  const loadedFiles: string[] = [];

  const claim = (key: string, owner: NameOwner): NameOwner | undefined => {
    const existing = owners.get(key);
    if (existing && existing.topic !== owner.topic) return existing;
    if (!existing) owners.set(key, owner);
    return undefined;
  };

  // A broken file is not served, but its names are still checked (against a copy of the names
  // taken so far), so one pass of `kb validate` reports every problem it has.
  const ordered = [...files.filter((notes) => !notes.broken), ...files.filter((notes) => notes.broken)];
  for (const notes of ordered) {
    problems.push(...notes.problems);
    if (notes.broken) {
      problems.push(
        ...nameClashes(
          notes,
          new Map([...owners].map(([key, owner]) => [key, { ...owner, title: owner.topic.title }])),
        ),
      );
      continue;
    }
    loadedFiles.push(notes.file);
    for (const parsed of notes.topics) {
      const nameKeys = nameKeysOf(parsed);
      const clash = nameKeys.map((key) => owners.get(key)).find((owner) => owner !== undefined);
      if (clash) {
        problems.push(definedTwice(notes, parsed, clash));
        continue;
      }
      let id = slug(withoutVendor(parsed.name) || parsed.name);
      for (let n = 2; usedIds.has(id); n++) id = `${slug(withoutVendor(parsed.name) || parsed.name)}-${n}`;
      usedIds.add(id);
      const topic: Topic = {
        id,
        title: parsed.title,
        name: parsed.name,
        aliases: [],
        categories: parsed.categories,
        facts: parsed.facts,
        quizzes: parsed.quizzes,
        askedAs: parsed.askedAs,
        related: [],
        source: { file: notes.file, line: parsed.line },
      };
      for (const key of nameKeys) claim(key, { topic, file: notes.file, line: parsed.line });
      const shortName = parsed.name
        .split(/\s+/)
        .filter((word) => !VENDOR_WORDS.has(word.toLowerCase()))
        .join(' ');
      if (shortName && phraseKey(shortName) !== phraseKey(parsed.name)) topic.aliases.push(shortName);
      const withoutCloud = withoutOtherCloud(parsed.name);
      if (withoutCloud) topic.aliases.push(withoutCloud);
      for (const alias of parsed.aliases) {
        const key = phraseKey(alias.text);
        if (!key) continue;
        const other = claim(key, { topic, file: notes.file, line: alias.line });
        if (other) {
          problems.push({
            file: notes.file,
            line: alias.line,
            message: `alias "${alias.text}" of "${parsed.title}" already names "${other.topic.title}" (${other.file}:${other.line})`,
          });
          continue;
        }
        if (!topic.aliases.some((existing) => phraseKey(existing) === key)) topic.aliases.push(alias.text);
      }
      topics.push(topic);
      seeAlso.set(topic, parsed.seeAlso);
    }
  }

  // An expansion written beside a topic's name in any bullet (`**ECR**(Elastic container registry)`)
  // is one more name for that topic.
  for (const notes of files) {
    if (notes.broken) continue;
    for (const entry of notes.glossary) {
      const owner = owners.get(phraseKey(entry.acronym));
      const key = phraseKey(entry.expansion);
      if (!owner || owners.has(key)) continue;
      owners.set(key, { topic: owner.topic, file: notes.file, line: entry.line });
      owner.topic.aliases.push(entry.expansion);
    }
  }

  // A bullet may give its topic another name (`- short name **sts**`, `**SQL injection** (**SQLi**)`).
  for (const topic of topics) {
    for (const alias of declaredAliases([topic.name, ...topic.aliases], topic.facts)) {
      const key = phraseKey(alias);
      if (!key || owners.has(key)) continue;
      owners.set(key, { topic, file: topic.source.file, line: topic.source.line });
      topic.aliases.push(alias);
    }
  }

  for (const [topic, links] of seeAlso) {
    for (const link of links) {
      const owner = owners.get(phraseKey(link.text)) ?? owners.get(withoutVendor(link.text));
      if (!owner) {
        problems.push({
          file: topic.source.file,
          line: link.line,
          message: `"See also: ${link.text}" names no topic in the notes`,
        });
        continue;
      }
      if (owner.topic !== topic && !topic.related.includes(owner.topic.id))
        topic.related.push(owner.topic.id);
    }
  }

  const fileOrder = new Map(files.map((notes, i) => [notes.file, i]));
  problems.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0));
  const sections = files.filter((notes) => !notes.broken).flatMap((notes) => notes.sections);
  return { knowledge: { topics, files: loadedFiles, sections }, problems };
}

/** The keys a topic's name claims: as written, and without `Amazon`/`AWS`. */
function nameKeysOf(parsed: ParsedTopic): string[] {
  return [...new Set([phraseKey(parsed.name), withoutVendor(parsed.name)])].filter(Boolean);
}

function definedTwice(
  notes: ParsedNotes,
  parsed: ParsedTopic,
  first: { file: string; line: number },
): NotesProblem {
  return {
    file: notes.file,
    line: parsed.line,
    message: `topic "${parsed.title}" is already defined at ${first.file}:${first.line}`,
  };
}

/** Topics and aliases of a file that clash with names already taken or with each other. */
function nameClashes(notes: ParsedNotes, taken: Map<string, { file: string; line: number; title: string }>) {
  const problems: NotesProblem[] = [];
  for (const parsed of notes.topics) {
    const nameKeys = nameKeysOf(parsed);
    const clash = nameKeys.map((key) => taken.get(key)).find((owner) => owner !== undefined);
    if (clash) {
      problems.push(definedTwice(notes, parsed, clash));
      continue;
    }
    const owner = { file: notes.file, line: parsed.line, title: parsed.title };
    for (const key of nameKeys) taken.set(key, owner);
    for (const alias of parsed.aliases) {
      const key = phraseKey(alias.text);
      const other = taken.get(key);
      if (key && other && other !== owner) {
        problems.push({
          file: notes.file,
          line: alias.line,
          message: `alias "${alias.text}" of "${parsed.title}" already names "${other.title}" (${other.file}:${other.line})`,
        });
      } else if (key) taken.set(key, owner);
    }
  }
  return problems;
}
