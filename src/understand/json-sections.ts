import { readFileSync, writeFileSync } from 'node:fs';
import { readDataFile } from './data-file.js';

/** Lists by section and name: `list('needs', 'AWS Lambda')`. */
export interface NamedLists {
  /** The list a section holds for a name; empty when it holds none. */
  list(section: string, name: string): readonly string[];
}

/**
 * A JSON file of sections (`{"needs": {"AWS Lambda": ["…", …], …}, "concepts": [{…}, …]}`), read
 * as bytes and parsed one member of a section (a list by name, or an element by place) at a time,
 * the first time it is asked for. The tutor ships 2.5 MB of needs for 570 services and 1.7 MB of
 * needs for 1,200 concepts and features, and any notes use a few dozen of them: decoding and parsing
 * the two files whole took about 90 ms of every start. Where each member lies is found by a pass
 * over the bytes (about 25 ms a file), or read from the spans file the build writes beside it.
 */
export class JsonSections implements NamedLists {
  private readonly parsed = new Map<string, Map<string, unknown>>();

  /** @param spans section -> member (a name, or an array element's place) -> where it lies in the bytes */
  private constructor(
    private readonly bytes: Buffer,
    private readonly spans: Map<string, Map<string, Span>>,
  ) {}

  /** The file at `path`, with the spans `writeSpans` wrote for these very bytes when there are. */
  static read(path: string): JsonSections {
    const bytes = readDataFile(
      path,
      "the tutor's data file",
      'it ships in src/understand/data, and `npm run build` copies it into dist/',
    );
    return new JsonSections(bytes, builtSpans(spansPath(path), bytes.length) ?? findSpans(bytes));
  }

  /** Writes where each member of each section of the file at `path` lies, for `read`. */
  static writeSpans(path: string): void {
    const bytes = readFileSync(path);
    const sections = Object.fromEntries(
      [...findSpans(bytes)].map(([section, members]) => [
        section,
        Object.fromEntries([...members].map(([key, span]) => [key, [span.start, span.end]])),
      ]),
    );
    writeFileSync(spansPath(path), `${JSON.stringify({ bytes: bytes.length, sections })}\n`);
  }

  /** A member of a section, by name or by an array element's place (`"0"`); undefined when there is none. */
  value(section: string, key: string): unknown {
    let members = this.parsed.get(section);
    if (!members) {
      members = new Map();
      this.parsed.set(section, members);
    }
    if (members.has(key)) return members.get(key);
    const span = this.spans.get(section)?.get(key);
    const value = span ? this.parse(span, `${section}: ${key}`) : undefined;
    members.set(key, value);
    return value;
  }

  /** The list a section holds for a name; empty when it holds none. */
  list(section: string, name: string): readonly string[] {
    const value = this.value(section, name);
    return Array.isArray(value) ? (value as string[]) : NONE;
  }

  /** The names of a section's members (an array's places as `"0"`, `"1"`, …), in the file's order. */
  names(section: string): string[] {
    return [...(this.spans.get(section)?.keys() ?? [])];
  }

  private parse(span: Span, what: string): unknown {
    // Spans written for other bytes of the same length would land mid-value.
    const first = this.bytes[span.start];
    const last = this.bytes[span.end - 1];
    const closes =
      (first === OPEN_ARRAY && last === CLOSE_ARRAY) ||
      (first === OPEN_OBJECT && last === CLOSE_OBJECT) ||
      (first === QUOTE && last === QUOTE);
    if (!closes) throw new Error(`${what} is not where the spans file says: run \`npm run build\` again`);
    return JSON.parse(this.bytes.toString('utf8', span.start, span.end));
  }
}

interface Span {
  start: number;
  end: number;
}

function spansPath(path: string): string {
  return path.replace(/\.json$/, '.spans.json');
}

/** The spans written for a file of this many bytes, or null: none written, or for other bytes. */
function builtSpans(path: string, length: number): Map<string, Map<string, Span>> | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const built = JSON.parse(text) as {
    bytes: number;
    sections: Record<string, Record<string, [number, number]>>;
  };
  if (built.bytes !== length) return null;
  return new Map(
    Object.entries(built.sections).map(([section, lists]) => [
      section,
      new Map(Object.entries(lists).map(([name, [start, end]]) => [name, { start, end }])),
    ]),
  );
}

/** Where each member of each section lies, in one pass over the bytes. */
function findSpans(bytes: Buffer): Map<string, Map<string, Span>> {
  const spans = new Map<string, Map<string, Span>>();
  readObject(bytes, skipSpace(bytes, 0), (section, start) => {
    const opening = bytes[start];
    if (opening !== OPEN_OBJECT && opening !== OPEN_ARRAY) return valueEnd(bytes, start);
    const members = new Map<string, Span>();
    spans.set(section, members);
    const member = (key: string, memberStart: number) => {
      const end = valueEnd(bytes, memberStart);
      members.set(key, { start: memberStart, end });
      return end;
    };
    return opening === OPEN_OBJECT ? readObject(bytes, start, member) : readArray(bytes, start, member);
  });
  return spans;
}

const NONE: readonly string[] = Object.freeze([]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function skipSpace(bytes: Buffer, at: number): number {
  let i = at;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return i;
}

/** Where the string opening at `at` ends, just past its closing quote. */
function stringEnd(bytes: Buffer, at: number): number {
  let i = at + 1;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, i);
    if (quote < 0) throw new SyntaxError(`unclosed string at byte ${at}`);
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** Where the value starting at `at` ends: a string, an object or array (strings inside skipped), or a bare word. */
function valueEnd(bytes: Buffer, at: number): number {
  const first = bytes[at];
  if (first === QUOTE) return stringEnd(bytes, at);
  if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
    let depth = 0;
    let i = at;
    while (i < bytes.length) {
      const byte = bytes[i];
      if (byte === QUOTE) {
        i = stringEnd(bytes, i);
        continue;
      }
      if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth++;
      else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    throw new SyntaxError(`unclosed ${first === OPEN_OBJECT ? 'object' : 'array'} at byte ${at}`);
  }
  let i = at;
  while (i < bytes.length && bytes[i] !== COMMA && bytes[i] !== CLOSE_OBJECT && bytes[i] !== CLOSE_ARRAY) i++;
  return i;
}

/**
 * Reads the object opening at `at`, handing each member's name and where its value starts to
 * `member`, which says where the value ends; returns where the object ends.
 */
function readObject(bytes: Buffer, at: number, member: (name: string, start: number) => number): number {
  if (bytes[at] !== OPEN_OBJECT) throw new SyntaxError(`expected an object at byte ${at}`);
  let i = skipSpace(bytes, at + 1);
  while (bytes[i] !== CLOSE_OBJECT) {
    if (bytes[i] !== QUOTE) throw new SyntaxError(`expected a name at byte ${i}`);
    const nameEnd = stringEnd(bytes, i);
    const name = JSON.parse(bytes.toString('utf8', i, nameEnd)) as string;
    i = skipSpace(bytes, nameEnd);
    if (bytes[i] !== COLON) throw new SyntaxError(`expected ':' at byte ${i}`);
    i = skipSpace(bytes, member(name, skipSpace(bytes, i + 1)));
    if (bytes[i] === COMMA) i = skipSpace(bytes, i + 1);
    else if (bytes[i] !== CLOSE_OBJECT) throw new SyntaxError(`expected ',' or '}' at byte ${i}`);
  }
  return i + 1;
}

/** Reads the array opening at `at` as `readObject` reads an object, its elements' places for names. */
function readArray(bytes: Buffer, at: number, element: (place: string, start: number) => number): number {
  let i = skipSpace(bytes, at + 1);
  let place = 0;
  while (bytes[i] !== CLOSE_ARRAY) {
    i = skipSpace(bytes, element(String(place++), i));
    if (bytes[i] === COMMA) i = skipSpace(bytes, i + 1);
    else if (bytes[i] !== CLOSE_ARRAY) throw new SyntaxError(`expected ',' or ']' at byte ${i}`);
  }
  return i + 1;
}
