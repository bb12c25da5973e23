import spellingData from './data/spellings.json' with { type: 'json' };
import synonymData from './data/synonyms.json' with { type: 'json' };
import type { EnglishWords } from './english.js';

/**
 * Names as chat shortens their words: "db migration svc" is the Database Migration Service, "elastic
 * k8s service" the Elastic Kubernetes Service. A name is looked up as written first; the full forms
 * are tried only when that finds nothing, since some names are written short themselves (`Cosmos DB`).
 */

/** `svc` of `service`, `mgmt` of `management`: the short form's letters in order, from the first. */
function abbreviates(short: string, full: string): boolean {
  if (short.length >= full.length || short[0] !== full[0]) return false;
  let at = 0;
  for (const letter of short) {
    at = full.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * The numeronyms of the trade: the first letter, how many letters between, the last. Counted out
 * against any word they would name too much: `c6g` and `r7g` are instance types, not
 * `charging` or `rebooting`.
 */
const NUMERONYMS: ReadonlyMap<string, string> = new Map([
  ['k8s', 'kubernetes'],
  ['o11y', 'observability'],
  ['a11y', 'accessibility'],
  ['i18n', 'internationalization'],
  ['l10n', 'localization'],
]);

/**
 * Short form -> the word in full, from the groups of words written or said alike (`svc`, `svcs`,
 * `service`, `services`; `db`, `database`). A short form is no English word: `go` is not `gone` cut
 * short, nor `big` `biggest`.
 */
function fullFormsOf(groups: readonly (readonly string[])[], english: EnglishWords): Map<string, string> {
  const full = new Map<string, string>();
  for (const group of groups) {
    for (const short of group) {
      if (english.has(short)) continue;
      const plural = short.endsWith('s');
      const longest = group
        .filter((other) => other.endsWith('s') === plural && abbreviates(short, other))
        .sort((a, b) => b.length - a.length)[0];
      if (longest) full.set(short, longest);
    }
  }
  return full;
}

const SHIPPED_GROUPS: readonly (readonly string[])[] = [...spellingData.groups, ...synonymData.groups];
/** The shipped groups' short forms, worked out once for every reader that shares the word list. */
const shippedFullForms = new WeakMap<EnglishWords, Map<string, string>>();

export class ShortForms {
  private full: Map<string, string> | null = null;

  constructor(
    private readonly english: EnglishWords,
    private readonly groups: readonly (readonly string[])[] = SHIPPED_GROUPS,
  ) {}

  /** The word a short form stands for, or undefined when it is none. */
  of(word: string): string | undefined {
    this.full ??= this.fullForms();
    return this.full.get(word) ?? NUMERONYMS.get(word);
  }

  private fullForms(): Map<string, string> {
    if (this.groups !== SHIPPED_GROUPS) return fullFormsOf(this.groups, this.english);
    let full = shippedFullForms.get(this.english);
    if (!full) {
      full = fullFormsOf(this.groups, this.english);
      shippedFullForms.set(this.english, full);
    }
    return full;
  }

  /** The tokens with each short form in full, or null when none is short. */
  inFull(tokens: readonly string[]): string[] | null {
    let changed = false;
    const spelled = tokens.map((token) => {
      const full = this.of(token);
      if (!full) return token;
      changed = true;
      return full;
    });
    return changed ? spelled : null;
  }
}
