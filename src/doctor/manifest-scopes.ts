import { readFileSync } from 'node:fs';

/** `key:` or `key: value` in block YAML, with its indentation. */
const KEY = /^(\s*)([\w.-]+):(?:\s+(.*))?$/;
/** `- item` in a block list. */
const ITEM = /^(\s*)-\s+(.*)$/;

function unquote(value: string): string {
  const trimmed = value.trim();
  return /^(['"]).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

/** A line without its comment (a `#` at the start or after a space; scopes hold no `#`). */
function withoutComment(line: string): string {
  return line.replace(/(^|\s)#.*$/, '').trimEnd();
}

/**
 * The bot scopes a Slack app manifest asks for (`oauth_config.scopes.bot`), as a block list or a
 * flow list; null when it names none. Reads only that part of the YAML, which is all the tutor's
 * manifest needs (it has no anchors or multi-line strings there).
 */
export function botScopesOf(manifest: string): string[] | null {
  const path: { indent: number; key: string }[] = [];
  let scopes: string[] | null = null;
  const inBotList = () => path.map((entry) => entry.key).join('.') === 'oauth_config.scopes.bot';
  for (const raw of manifest.split(/\r?\n/)) {
    const line = withoutComment(raw);
    if (line.trim() === '') continue;
    const item = ITEM.exec(line);
    if (item && inBotList() && (item[1] as string).length >= (path.at(-1)?.indent ?? 0)) {
      scopes = [...(scopes ?? []), unquote(item[2] as string)];
      continue;
    }
    const key = KEY.exec(line);
    if (!key) continue;
    const indent = (key[1] as string).length;
    while (path.length > 0 && (path.at(-1)?.indent ?? 0) >= indent) path.pop();
    path.push({ indent, key: key[2] as string });
    const inline = key[3]?.trim();
    if (inline?.startsWith('[') && inBotList()) {
      scopes = inline
        .replace(/^\[|\]$/g, '')
        .split(',')
        .map(unquote)
        .filter(Boolean);
    }
  }
  return scopes;
}

/** The bot scopes of the manifest file at `path`, or null when it cannot be read or names none. */
export function readManifestBotScopes(path: string): string[] | null {
  try {
    return botScopesOf(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
