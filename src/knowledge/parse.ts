import { aspectOf, labelled } from './aspect-headings.js';
import { outsideCode, plainInline } from './inline-markdown.js';
import { BULLET, FENCE, reshapeMarkdown } from './markdown-lines.js';
import { expandsAcronym, looksLikeAcronym, shortensEachWord, words } from './text.js';
import type { Fact, NotesProblem } from './types.js';

/** A topic as written in one file, before names are checked against the other files. */
export interface ParsedTopic {
  title: string;
  name: string;
  /** Aliases the heading or an `Also known as:` line gives. */
  aliases: { text: string; line: number }[];
  categories: string[];
  facts: Fact[];
  quizzes: Fact[];
  /** Questions people ask about the topic, from `Asked as:` lines. */
  askedAs: string[];
  /** Names written in `See also:` lines, resolved to topics once every file is read. */
  seeAlso: { text: string; line: number }[];
  line: number;
}

/** `ECR` is `Elastic Container Registry`: an expansion written next to a name in a bullet. */
export interface GlossaryEntry {
  acronym: string;
  expansion: string;
  line: number;
}

export interface ParsedNotes {
  file: string;
  topics: ParsedTopic[];
  /** Headings that only group topics: what the file's topics are part of. */
  sections: string[];
  glossary: GlossaryEntry[];
  problems: NotesProblem[];
  /** Broken files (an unclosed `**` garbles every fact after it) are reported and not loaded. */
  broken: boolean;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
/**
 * What a heading may open with besides the topic's name: a section number (`2.`, `3)`, `1.2`) or
 * an emoji (`🚀`). `# 2. Amazon S3` is a topic named Amazon S3.
 */
const HEADING_ORNAMENT =
  /^(?:\d{1,3}(?:\.\d{1,3})*[.)]\s+|\d{1,3}(?:\.\d{1,3})+\s+|[^\p{L}\p{N}([`*_"'“‘<.$@]+)/u;
const SUB_POINT = /^\s*>\s?(.*)$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const METADATA_LABEL = /(also known as|aka|aliases|see also|related)\s*:/gi;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const BOLD = /\*\*(.+?)\*\*/g;
const INLINE_CODE = /`[^`]*`/g;
const BOLD_MARKER = /\*{2,3}/g;
/** A bullet starting `Quiz:` is a hand-written question, not a fact. */
const QUIZ_BULLET = /^\s*quiz\s*:/i;
/**
 * `Asked as: where do our nightly reports run?`, a line or a bullet: a question people ask about
 * the topic, in their words. It teaches the tutor those words; it is never shown as a fact.
 */
const ASKED_AS = /^\s*[_*]*asked as\s*:\s*(.*?)[_*]*\s*$/i;
/** Control characters other than tab: invisible in an editor, noise in an answer. */
const CONTROL_CHARACTERS = /[^\P{Cc}\t]/gu;
const HAS_CONTROL_CHARACTER = /[^\P{Cc}\t]/u;
/** The same in a whole file, whose line ends are no part of any line. */
const HAS_CONTROL_CHARACTER_IN_LINES = /[^\P{Cc}\t\n\r]/u;
const UNEVEN_SPACE = /\s\s|[^\S ]/;
/** Patterns read on every bullet or line, made once rather than at each. */
const TABS = /\t/g;
const INDENTED = /^\s+/;

/** Collapses runs of white space; most lines have none, and are returned as they are. */
function tidySpace(text: string): string {
  return (UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}
/** `***bold italic***` is bold too; the extra `*` is emphasis, not part of the term. */
const EDGE_EMPHASIS = /^[*_]+|[*_]+$/g;

/** Strips emphasis that wraps a whole metadata line: `_See also: ECS_`. */
function unwrapEmphasis(line: string): string {
  return line
    .trim()
    .replace(/^[_*]+/, '')
    .replace(/[_*]+$/, '')
    .trim();
}

interface MetadataLine {
  aliases: string[];
  seeAlso: string[];
}

/** Reads `Also known as: a, b` and `See also: X, Y`, on their own lines or sharing one. */
function parseMetadata(line: string): MetadataLine | null {
  // Every label ends in a colon, and reading the inline Markdown adds none.
  if (!line.includes(':')) return null;
  const text = unwrapEmphasis(plainInline(line));
  const labels = [...text.matchAll(METADATA_LABEL)];
  if (labels.length === 0 || labels[0]?.index !== 0) return null;
  const metadata: MetadataLine = { aliases: [], seeAlso: [] };
  labels.forEach((label, i) => {
    const start = (label.index ?? 0) + label[0].length;
    const end = labels[i + 1]?.index ?? text.length;
    const values = text
      .slice(start, end)
      .split(/[,;|·]/)
      .map((value) => value.replace(/^[\s_*]+|[\s_*.]+$/g, ''))
      .filter((value) => value.length > 0);
    const kind = (label[1] ?? '').toLowerCase();
    if (kind === 'see also' || kind === 'related') metadata.seeAlso.push(...values);
    else metadata.aliases.push(...values);
  });
  return metadata;
}

/** Splits a heading into its name and what its parentheses say. */
function readHeading(title: string): Pick<ParsedTopic, 'name' | 'aliases' | 'categories'> & {
  headingAliases: string[];
} {
  const read = readHeadingParts(title);
  const sides = slashedNames(read.name);
  if (sides.length === 0) return read;
  // `SLB / ALB (Server Load Balancer)`: each side is a name, and the parentheses may spell one out.
  const spelled = read.categories.filter((part) => sides.some((side) => expandsAcronym(side, part)));
  return {
    ...read,
    categories: read.categories.filter((part) => !spelled.includes(part)),
    headingAliases: [...new Set([...read.headingAliases, ...sides, ...spelled])],
  };
}

/** The most words of each name a heading gives either side of a slash. */
const SLASHED_NAME_WORDS = 3;

/** `SLB / ALB`: two names of one topic, a spaced slash between them. */
function slashedNames(name: string): string[] {
  const sides = name.split(/\s+\/\s+/).map((side) => side.trim());
  if (sides.length < 2 || sides.some((side) => !side || side.split(/\s+/).length > SLASHED_NAME_WORDS))
    return [];
  return sides;
}

function readHeadingParts(title: string): Pick<ParsedTopic, 'name' | 'aliases' | 'categories'> & {
  headingAliases: string[];
} {
  const match = /^(.*?)\s*\(([^)]*)\)\s*(.*)$/.exec(title);
  if (!match) return { name: title.trim(), aliases: [], categories: [], headingAliases: [] };
  const name = `${match[1] ?? ''} ${match[3] ?? ''}`.trim() || title.trim();
  const inside = (match[2] ?? '').trim();
  const nameWithoutVendor = words(name).filter((word) => word !== 'amazon' && word !== 'aws');
  const shortName = nameWithoutVendor.join(' ');
  if (expandsAcronym(shortName, inside) || expandsAcronym(name, inside)) {
    return { name, aliases: [], categories: [], headingAliases: [inside] };
  }
  // `Elastic Container Service (ECS)`: the parentheses hold the acronym of the name.
  if (looksLikeAcronym(inside) && expandsAcronym(inside, name)) {
    return { name, aliases: [], categories: [], headingAliases: [inside] };
  }
  // `Horizontal Pod Autoscaler (HPA, scale-out on metrics)`: an acronym among what describes it.
  // `w/o` and `w/` are words of the notes' shorthand, not a slash between two things.
  const parts = inside
    .replace(/\bw\/o\b/gi, 'without')
    .replace(/\bw\/(?=\s)/gi, 'with')
    .split(/[,/;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const acronyms = parts.filter(
    (part) => looksLikeAcronym(part) && (expandsAcronym(part, name) || shortensEachWord(part, name)),
  );
  // `AWS Data Exports (CUR, Cost and Usage Report)`: an acronym beside its own expansion is one more
  // name of what the topic covers, written both ways.
  const spelledOut = parts.filter((part) =>
    parts.some((other) => other !== part && looksLikeAcronym(other) && expandsAcronym(other, part)),
  );
  const spelledOutAcronyms = parts.filter((part) =>
    spelledOut.some((expansion) => looksLikeAcronym(part) && expandsAcronym(part, expansion)),
  );
  const names = [...new Set([...acronyms, ...spelledOutAcronyms, ...spelledOut])];
  return {
    name,
    aliases: [],
    categories: parts.filter((part) => !names.includes(part)),
    headingAliases: names,
  };
}

/** Finds `ECR (Elastic Container Registry)` and `Application Load Balancer (ALB)` in a fact. */
function findGlossary(fact: Fact): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  // Most bullets hold no parentheses: they are not joined up to be searched.
  if (!fact.text.includes('(') && !fact.subPoints.some((part) => part.includes('('))) return entries;
  const { line } = fact;
  const text = [fact.text, ...fact.subPoints].join(' ');
  for (const match of text.matchAll(/([A-Za-z0-9][\w-]*)\s*\(([^()]{3,80})\)/g)) {
    const before = match[1] ?? '';
    const inside = (match[2] ?? '').trim();
    if (expandsAcronym(before, inside)) {
      entries.push({ acronym: before, expansion: inside, line });
      continue;
    }
    if (!looksLikeAcronym(inside)) continue;
    const preceding = words(text.slice(0, (match.index ?? 0) + before.length));
    for (let take = 2; take <= Math.min(6, preceding.length); take++) {
      const phrase = preceding.slice(-take).join(' ');
      if (expandsAcronym(inside, phrase)) {
        entries.push({ acronym: inside, expansion: phrase, line });
        break;
      }
    }
  }
  return entries;
}

interface FactDraft {
  lines: string[];
  subPoints: string[];
  line: number;
  indent: number;
}

function finishFact(draft: FactDraft, file: string, problems: NotesProblem[]): Fact | null {
  const raw = tidySpace(
    plainInline(draft.lines.length === 1 ? (draft.lines[0] ?? '') : draft.lines.join(' ')),
  );
  const rawSubPoints =
    draft.subPoints.length > 0
      ? draft.subPoints.map((part) => tidySpace(plainInline(part))).filter(Boolean)
      : [];
  const bold = raw.includes('**') || rawSubPoints.some((part) => part.includes('**'));
  const keyTerms: string[] = [];
  if (bold) {
    let unclosed = false;
    for (const part of [raw, ...rawSubPoints]) {
      const outside = withoutCode(part);
      if (countOf('**', outside) % 2 === 1) unclosed = true;
      // One match at a time, without the iterator and copy of the pattern `matchAll` makes.
      BOLD.lastIndex = 0;
      for (let match = BOLD.exec(outside); match; match = BOLD.exec(outside)) {
        const term = (match[1] ?? '').replace(EDGE_EMPHASIS, '').trim();
        if (term) keyTerms.push(term);
      }
    }
    if (unclosed)
      problems.push({ file, line: draft.line, message: 'unclosed ** (bold): every ** needs a closing **' });
  }
  const text = bold ? stripBold(raw) : raw;
  const subPoints = bold ? rawSubPoints.map(stripBold) : rawSubPoints;
  if (!text && subPoints.length === 0) return null;
  return {
    text: text || subPoints.join('; '),
    subPoints: text ? subPoints : [],
    // A copy of exactly its length: grown by `push`, it keeps room for 17 terms for as long as the
    // notes are loaded.
    keyTerms: keyTerms.slice(),
    line: draft.line,
  };
}

/** The text outside inline code: `2 ** 10` in backticks is not bold. */
function withoutCode(part: string): string {
  return part.includes('`') ? part.replace(INLINE_CODE, '') : part;
}

/** How often `needle` occurs, not overlapping, as a global regex would match it. */
function countOf(needle: string, text: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** Removes bold markers, leaving inline code as written. */
function stripBold(part: string): string {
  return outsideCode(part, (piece) => piece.replace(BOLD_MARKER, '')).trim();
}

/**
 * `## Pricing` under `# AWS Lambda` tells Lambda's pricing: its bullets become Lambda's facts,
 * labelled as the team labels them inside a topic (`pricing: pay per request`), and an `## Overview`
 * opens Lambda's entry. Aspect headings are taken out of `topics`; a heading that only grouped them
 * becomes the topic they tell about.
 */
function foldAspects(topics: (ParsedTopic & { level: number })[]): void {
  const above: (ParsedTopic & { level: number })[] = [];
  /** Per topic, where its defining aspects' bullets go: after its own bullets and earlier ones. */
  const definedUpTo = new Map<ParsedTopic, number>();
  const folded = new Set<ParsedTopic>();
  for (const topic of topics) {
    while (above.length > 0 && (above[above.length - 1]?.level ?? 0) >= topic.level) above.pop();
    const aspect = aspectOf(topic.title);
    const parent = above[above.length - 1];
    if (!aspect || !parent) {
      above.push(topic);
      continue;
    }
    const facts = topic.facts.map((fact) => labelled(fact, aspect.label));
    const at = definedUpTo.get(parent) ?? parent.facts.length;
    if (aspect.defines) {
      parent.facts.splice(at, 0, ...facts);
      definedUpTo.set(parent, at + facts.length);
    } else {
      if (!definedUpTo.has(parent)) definedUpTo.set(parent, parent.facts.length);
      parent.facts.push(...facts);
    }
    parent.quizzes.push(...topic.quizzes);
    parent.askedAs.push(...topic.askedAs);
    parent.seeAlso.push(...topic.seeAlso);
    folded.add(topic);
  }
  if (folded.size === 0) return;
  const rest = topics.filter((topic) => !folded.has(topic));
  topics.splice(0, topics.length, ...rest);
}

/**
 * Parses one notes file in the team's dialect. Never throws: whatever cannot be read is reported
 * as a problem with its line.
 */
export function parseNotes(file: string, content: string): ParsedNotes {
  const problems: NotesProblem[] = [];
  const topics: ParsedTopic[] = [];
  const glossary: GlossaryEntry[] = [];
  // Comments become blank lines, so line numbers still point at the file as written.
  const uncommented = content.includes('<!--')
    ? content.replace(HTML_COMMENT, (comment) => comment.replace(/[^\n]/g, ''))
    : content;
  // Most notes end their lines with `\n` alone: split on it, they are cut without a pattern.
  const lines = reshapeMarkdown(
    uncommented.includes('\r') ? uncommented.split(/\r\n|\r|\n/) : uncommented.split('\n'),
    uncommented,
  );

  // Most files hold none: their lines are not each searched for one.
  const controlCharacters = HAS_CONTROL_CHARACTER_IN_LINES.test(uncommented);
  let topic: (ParsedTopic & { level: number }) | null = null;
  let fact: FactDraft | null = null;
  let blankSinceFact = false;
  let inFence = false;
  let code: string[] = [];

  const closeFact = () => {
    if (topic && fact) {
      const finished = finishFact(fact, file, problems);
      if (finished) {
        if (QUIZ_BULLET.test(finished.text)) topic.quizzes.push(finished);
        else topic.facts.push(finished);
        glossary.push(...findGlossary(finished));
      }
    }
    fact = null;
  };
  const closeTopic = () => {
    closeFact();
    if (topic) topics.push(topic);
    topic = null;
  };

  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    const line =
      controlCharacters && HAS_CONTROL_CHARACTER.test(rawLine)
        ? rawLine.replace(CONTROL_CHARACTERS, '')
        : rawLine;
    if (FENCE.test(line)) {
      inFence = !inFence;
      if (!inFence && code.length > 0 && topic) {
        // Code is kept as written, in backticks, so its `**` and `#` are never read as markup.
        const snippet = `\`${code.join(' ').replace(/`/g, "'")}\``;
        if (fact) (fact as FactDraft).subPoints.push(snippet);
        else fact = { lines: [snippet], subPoints: [], line: lineNo - code.length, indent: 0 };
      }
      code = [];
      return;
    }
    if (inFence) {
      if (line.trim()) code.push(line.trim());
      return;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      closeTopic();
      const written = tidySpace(plainInline(heading[2] ?? ''));
      // A heading that is only an emoji keeps it as its name.
      const title = written.replace(HEADING_ORNAMENT, '') || written;
      if (!title) {
        problems.push({ file, line: lineNo, message: 'heading without a name: write the topic after the #' });
        return;
      }
      const parts = readHeading(title);
      topic = {
        title,
        name: parts.name,
        aliases: parts.headingAliases.map((text) => ({ text, line: lineNo })),
        categories: parts.categories,
        facts: [],
        quizzes: [],
        askedAs: [],
        seeAlso: [],
        line: lineNo,
        level: (heading[1] ?? '#').length,
      };
      return;
    }
    if (line.trim() === '' || RULE.test(line)) {
      if (line.trim() === '') blankSinceFact = true;
      return;
    }
    // An introduction before the first heading belongs to no topic.
    if (!topic) return;
    const current: ParsedTopic = topic;
    const bullet = BULLET.exec(line);
    // Most lines are bullets: only a line with a `>` can be a sub-point.
    const subPoint = line.includes('>') ? SUB_POINT.exec(line) : null;
    // On a line of its own or as a bullet of any kind (`- `, `• `, `1. `).
    const asked = ASKED_AS.exec(bullet?.[2] ?? line);
    if (asked) {
      closeFact();
      const question = tidySpace(asked[1] ?? '');
      if (question) current.askedAs.push(question);
      else
        problems.push({
          file,
          line: lineNo,
          message: '"Asked as:" without a question: write one after the colon',
        });
      return;
    }
    const metadata = bullet || subPoint ? null : parseMetadata(line);
    if (metadata) {
      closeFact();
      current.aliases.push(...metadata.aliases.map((text) => ({ text, line: lineNo })));
      current.seeAlso.push(...metadata.seeAlso.map((text) => ({ text, line: lineNo })));
      return;
    }
    if (subPoint) {
      if (fact) (fact as FactDraft).subPoints.push(subPoint[1] ?? '');
      else fact = { lines: [subPoint[1] ?? ''], subPoints: [], line: lineNo, indent: 0 };
      blankSinceFact = false;
      return;
    }
    if (bullet) {
      // A tab indents as far as an editor shows it: a tab-indented bullet is a sub-point.
      const indent = (bullet[1] ?? '').replace(TABS, '    ').length;
      const openFact = fact as FactDraft | null;
      if (openFact && indent >= openFact.indent + 2) {
        openFact.subPoints.push(bullet[2] ?? '');
      } else {
        closeFact();
        fact = { lines: [bullet[2] ?? ''], subPoints: [], line: lineNo, indent };
      }
      blankSinceFact = false;
      return;
    }
    const openFact = fact as FactDraft | null;
    const indented = INDENTED.test(line);
    if (openFact && (!blankSinceFact || indented)) {
      if (openFact.subPoints.length > 0 && !indented) openFact.subPoints.push(line.trim());
      else if (openFact.subPoints.length > 0) {
        const last = openFact.subPoints.length - 1;
        openFact.subPoints[last] = `${openFact.subPoints[last]} ${line.trim()}`;
      } else openFact.lines.push(line.trim());
      blankSinceFact = false;
      return;
    }
    // A plain paragraph under a heading is a fact of its own.
    closeFact();
    fact = { lines: [line.trim()], subPoints: [], line: lineNo, indent: 0 };
    blankSinceFact = false;
  });
  closeTopic();
  foldAspects(topics as (ParsedTopic & { level: number })[]);

  // A heading with nothing under it but deeper headings groups topics; it is not a topic itself.
  const kept: ParsedTopic[] = [];
  const sections: string[] = [];
  topics.forEach((parsed, i) => {
    const next = topics[i + 1] as (ParsedTopic & { level: number }) | undefined;
    const level = (parsed as ParsedTopic & { level: number }).level;
    const isSection = parsed.facts.length === 0 && next !== undefined && next.level > level;
    if (isSection) {
      sections.push(parsed.title);
      return;
    }
    if (parsed.facts.length === 0) {
      problems.push({
        file,
        line: parsed.line,
        message: `topic "${parsed.title}" is empty: add bullets under it`,
      });
      return;
    }
    const { level: _level, ...plain } = parsed as ParsedTopic & { level: number };
    kept.push(plain);
  });
  const broken = problems.some((problem) => problem.message.startsWith('unclosed'));
  if (topics.length === 0) {
    problems.push({
      file,
      line: 1,
      message: 'no topics: start each topic with a heading line such as "# Lambda"',
    });
  }
  return { file, topics: kept, sections, glossary, problems, broken };
}
