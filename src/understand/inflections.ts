/** Endings an inflected word may carry on its dictionary form, with what to put back. */
const INFLECTIONS: readonly [string, string][] = [
  ['ies', 'y'],
  ['es', ''],
  ['s', ''],
  ['ied', 'y'],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
];

/** The dictionary forms an inflected word may have: `uploads` -> `upload`, `stopped` -> `stop`. */
export function dictionaryForms(token: string): string[] {
  const forms: string[] = [];
  for (const [ending, base] of INFLECTIONS) {
    if (!token.endsWith(ending)) continue;
    const form = token.slice(0, -ending.length) + base;
    if (form.length < 3) continue;
    forms.push(form);
    // A doubled consonant before the ending (`stopped`, `running`) is one in the dictionary form.
    const last = form.length - 1;
    if (base === '' && form[last] === form[last - 1] && !/[aeiou]/.test(form[last] ?? ''))
      forms.push(form.slice(0, -1));
  }
  return forms;
}
