/**
 * Checks of the arguments public functions take, so that whatever JavaScript passes gets a TthcError naming the
 * argument and what was expected, never a TypeError from deep inside. Shapes only: the contents of data are the
 * validators' business and come back as issues.
 */
import { describeValue, invalidArgument } from './errors.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object (not null, not an array). */
export function expectObject(value: unknown, name: string, what = 'an object'): void {
  if (!isObject(value)) invalidArgument(`${name}: expected ${what}, got ${describeValue(value)}`, name);
}

/** An options object, or nothing. */
export function expectOptions(value: unknown, name = 'options'): void {
  if (value !== undefined && !isObject(value)) invalidArgument(`${name}: expected an options object or nothing, got ${describeValue(value)}`, name);
}

export function expectString(value: unknown, name: string, what = 'a string'): void {
  if (typeof value !== 'string') invalidArgument(`${name}: expected ${what}, got ${describeValue(value)}`, name);
}

/** An array whose entries are all plain objects (each entry's fields are checked where they are read). */
export function expectObjects(value: unknown, name: string, what: string): void {
  if (!Array.isArray(value)) invalidArgument(`${name}: expected an array of ${what}, got ${describeValue(value)}`, name);
  for (let index = 0; index < value.length; index += 1) {
    if (!isObject(value[index])) invalidArgument(`${name}[${index}]: expected ${what}, got ${describeValue(value[index])}`, name);
  }
}

type FieldKind = 'string' | 'object' | 'array' | 'boolean' | 'number';

function hasKind(value: unknown, kind: FieldKind): boolean {
  if (kind === 'array') return Array.isArray(value);
  if (kind === 'object') return isObject(value);
  return typeof value === kind;
}

/** An object with these fields of these kinds (the fields the function reads before anything else). */
export function expectFields(value: unknown, name: string, what: string, fields: Readonly<Record<string, FieldKind>>): void {
  expectObject(value, name, what);
  for (const [field, kind] of Object.entries(fields)) {
    if (!hasKind((value as Record<string, unknown>)[field], kind)) {
      invalidArgument(`${name}.${field}: expected ${kind === 'array' || kind === 'object' ? `an ${kind}` : `a ${kind}`} (${name} should be ${what}), got ${describeValue((value as Record<string, unknown>)[field])}`, name);
    }
  }
}

/** An array of objects, each with these fields. */
export function expectEach(value: unknown, name: string, what: string, fields: Readonly<Record<string, FieldKind>>): void {
  if (!Array.isArray(value)) invalidArgument(`${name}: expected an array of ${what}, got ${describeValue(value)}`, name);
  for (let index = 0; index < value.length; index += 1) expectFields(value[index], `${name}[${index}]`, what, fields);
}

/** Paths to files or directories: an array of strings. */
export function expectPaths(value: unknown, name = 'paths'): void {
  if (!Array.isArray(value) || !value.every((path) => typeof path === 'string')) {
    invalidArgument(`${name}: expected an array of file or directory paths, got ${Array.isArray(value) ? 'an array with an entry that is not a string' : describeValue(value)}`, name);
  }
}

/** Source texts `{ file, text }` as the loaders take them. */
export function expectSourceTexts(value: unknown, name = 'sources'): void {
  expectObjects(value, name, '{ file, text }');
  (value as Record<string, unknown>[]).forEach((source, index) => {
    if (typeof source['file'] !== 'string' || typeof source['text'] !== 'string') {
      invalidArgument(`${name}[${index}]: expected { file: string, text: string }, got an object with ${describeKeys(source)}`, name);
    }
  });
}

/** Parsed data files `{ file, data, ... }` (as parseDataFiles gives them). */
export function expectDataFiles(value: unknown, name = 'files'): void {
  expectObjects(value, name, '{ file, data }');
  (value as Record<string, unknown>[]).forEach((file, index) => {
    if (typeof file['file'] !== 'string' || !isObject(file['data'])) {
      invalidArgument(`${name}[${index}]: expected a parsed file { file: string, data: object }, got an object with ${describeKeys(file)}`, name);
    }
  });
}

/** Issues as the library gives them: `{ code, severity, message, path }`. */
export function expectIssues(value: unknown, name = 'issues'): void {
  expectObjects(value, name, 'issues { code, severity, message, path }');
  (value as Record<string, unknown>[]).forEach((issue, index) => {
    if (typeof issue['code'] !== 'string' || typeof issue['message'] !== 'string' || (issue['severity'] !== 'error' && issue['severity'] !== 'warning') || !Array.isArray(issue['path'])) {
      invalidArgument(`${name}[${index}]: expected an issue { code, severity, message, path }, got an object with ${describeKeys(issue)}`, name);
    }
  });
}

/** A catalogue from createCatalog. */
export function expectCatalog(value: unknown, name = 'catalog'): void {
  if (!isObject(value) || !isObject(value['index']) || !Array.isArray(value['procedures'])) {
    invalidArgument(`${name}: expected a catalogue from createCatalog, got ${describeValue(value)}`, name);
  }
}

/** A compiled rule set from createRuleSet or checkRules. */
export function expectRuleSet(value: unknown, name = 'ruleSet'): void {
  if (!isObject(value) || !Array.isArray(value['rules'])) invalidArgument(`${name}: expected a rule set from createRuleSet, got ${describeValue(value)}`, name);
}

/** A diff from diffDatasets. */
export function expectDiff(value: unknown, name = 'diff'): void {
  if (!isObject(value) || !isObject(value['summary'])) invalidArgument(`${name}: expected a diff from diffDatasets, got ${describeValue(value)}`, name);
}

/** Router data `{ catalog, rules, calendar }`. */
export function expectRouterData(value: unknown, name = 'data'): void {
  if (!isObject(value) || !isObject(value['catalog']) || !isObject(value['rules']) || !isObject(value['calendar'])) {
    invalidArgument(`${name}: expected router data { catalog, rules, calendar }, got ${describeValue(value)}`, name);
  }
}

function describeKeys(value: Record<string, unknown>): string {
  const keys = Object.keys(value).slice(0, 5);
  return keys.length === 0 ? 'no fields' : `fields ${keys.map((key) => JSON.stringify(key.slice(0, 20))).join(', ')}`;
}
