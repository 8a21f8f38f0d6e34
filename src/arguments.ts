/**
 * Checks of the arguments public functions take, so that whatever JavaScript passes gets a TthcError naming the
 * argument and what was expected, never a TypeError from deep inside. Shapes only: the contents of data are the
 * validators' business and come back as issues.
 */
import { describeValue, invalidArgument, describeValueVi } from './errors.js';
import type { ErrorText } from './errors.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object (not null, not an array). */
export function expectObject(value: unknown, name: string, what: ErrorText = AN_OBJECT): void {
  if (!isObject(value)) invalidArgument({ en: `${name}: expected ${what.en}, got ${describeValue(value)}`, vi: `${name}: cần ${what.vi}, nhận được ${describeValueVi(value)}` }, name);
}

const AN_OBJECT: ErrorText = Object.freeze({ en: 'an object', vi: 'một đối tượng (object)' });

/** An options object, or nothing. */
export function expectOptions(value: unknown, name = 'options'): void {
  if (value !== undefined && !isObject(value)) {
    invalidArgument({ en: `${name}: expected an options object or nothing, got ${describeValue(value)}`, vi: `${name}: cần một đối tượng tùy chọn hoặc để trống, nhận được ${describeValueVi(value)}` }, name);
  }
}

export function expectString(value: unknown, name: string): void {
  if (typeof value !== 'string') invalidArgument({ en: `${name}: expected a string, got ${describeValue(value)}`, vi: `${name}: cần một chuỗi, nhận được ${describeValueVi(value)}` }, name);
}

/** An array whose entries are all plain objects (each entry's fields are checked where they are read). */
export function expectObjects(value: unknown, name: string, what: ErrorText): void {
  if (!Array.isArray(value)) invalidArgument({ en: `${name}: expected an array of ${what.en}, got ${describeValue(value)}`, vi: `${name}: cần một danh sách ${what.vi}, nhận được ${describeValueVi(value)}` }, name);
  for (let index = 0; index < value.length; index += 1) {
    if (!isObject(value[index])) invalidArgument({ en: `${name}[${index}]: expected ${what.en}, got ${describeValue(value[index])}`, vi: `${name}[${index}]: cần ${what.vi}, nhận được ${describeValueVi(value[index])}` }, name);
  }
}

type FieldKind = 'string' | 'object' | 'array' | 'boolean' | 'number';

function hasKind(value: unknown, kind: FieldKind): boolean {
  if (kind === 'array') return Array.isArray(value);
  if (kind === 'object') return isObject(value);
  return typeof value === kind;
}

const FIELD_KIND_VI: Readonly<Record<FieldKind, string>> = Object.freeze({
  string: 'một chuỗi',
  object: 'một đối tượng (object)',
  array: 'một danh sách',
  boolean: 'giá trị true hoặc false',
  number: 'một số',
});

/** An object with these fields of these kinds (the fields the function reads before anything else). */
export function expectFields(value: unknown, name: string, what: ErrorText, fields: Readonly<Record<string, FieldKind>>): void {
  expectObject(value, name, what);
  for (const [field, kind] of Object.entries(fields)) {
    const found = (value as Record<string, unknown>)[field];
    if (!hasKind(found, kind)) {
      invalidArgument(
        {
          en: `${name}.${field}: expected ${kind === 'array' || kind === 'object' ? `an ${kind}` : `a ${kind}`} (${name} should be ${what.en}), got ${describeValue(found)}`,
          vi: `${name}.${field}: cần ${FIELD_KIND_VI[kind]} (${name} phải là ${what.vi}), nhận được ${describeValueVi(found)}`,
        },
        name,
      );
    }
  }
}

/** An array of objects, each with these fields. */
export function expectEach(value: unknown, name: string, what: ErrorText, fields: Readonly<Record<string, FieldKind>>): void {
  if (!Array.isArray(value)) invalidArgument({ en: `${name}: expected an array of ${what.en}, got ${describeValue(value)}`, vi: `${name}: cần một danh sách ${what.vi}, nhận được ${describeValueVi(value)}` }, name);
  for (let index = 0; index < value.length; index += 1) expectFields(value[index], `${name}[${index}]`, what, fields);
}

/** Paths to files or directories: an array of strings. */
export function expectPaths(value: unknown, name = 'paths'): void {
  if (!Array.isArray(value) || !value.every((path) => typeof path === 'string')) {
    invalidArgument(
      {
        en: `${name}: expected an array of file or directory paths, got ${Array.isArray(value) ? 'an array with an entry that is not a string' : describeValue(value)}`,
        vi: `${name}: cần một danh sách đường dẫn tệp hoặc thư mục, nhận được ${Array.isArray(value) ? 'một danh sách có phần tử không phải chuỗi' : describeValueVi(value)}`,
      },
      name,
    );
  }
}

/** Source texts `{ file, text }` as the loaders take them. */
export function expectSourceTexts(value: unknown, name = 'sources'): void {
  expectObjects(value, name, { en: '{ file, text }', vi: '{ file, text }' });
  (value as Record<string, unknown>[]).forEach((source, index) => {
    if (typeof source['file'] !== 'string' || typeof source['text'] !== 'string') {
      invalidArgument({ en: `${name}[${index}]: expected { file: string, text: string }, got an object with ${describeKeys(source)}`, vi: `${name}[${index}]: cần { file: string, text: string }, nhận được một đối tượng ${describeKeysVi(source)}` }, name);
    }
  });
}

/** Parsed data files `{ file, data, ... }` (as parseDataFiles gives them). */
export function expectDataFiles(value: unknown, name = 'files'): void {
  expectObjects(value, name, { en: '{ file, data }', vi: '{ file, data }' });
  (value as Record<string, unknown>[]).forEach((file, index) => {
    if (typeof file['file'] !== 'string' || !isObject(file['data'])) {
      invalidArgument({ en: `${name}[${index}]: expected a parsed file { file: string, data: object }, got an object with ${describeKeys(file)}`, vi: `${name}[${index}]: cần một tệp đã đọc { file: string, data: object }, nhận được một đối tượng ${describeKeysVi(file)}` }, name);
    }
  });
}

/** Issues as the library gives them: `{ code, severity, message, path }`. */
export function expectIssues(value: unknown, name = 'issues'): void {
  expectObjects(value, name, { en: 'issues { code, severity, message, path }', vi: 'vấn đề { code, severity, message, path }' });
  (value as Record<string, unknown>[]).forEach((issue, index) => {
    if (typeof issue['code'] !== 'string' || typeof issue['message'] !== 'string' || (issue['severity'] !== 'error' && issue['severity'] !== 'warning') || !Array.isArray(issue['path'])) {
      invalidArgument({ en: `${name}[${index}]: expected an issue { code, severity, message, path }, got an object with ${describeKeys(issue)}`, vi: `${name}[${index}]: cần một vấn đề { code, severity, message, path }, nhận được một đối tượng ${describeKeysVi(issue)}` }, name);
    }
  });
}

/** A catalogue from createCatalog. */
export function expectCatalog(value: unknown, name = 'catalog'): void {
  if (!isObject(value) || !isObject(value['index']) || !Array.isArray(value['procedures'])) {
    invalidArgument({ en: `${name}: expected a catalogue from createCatalog, got ${describeValue(value)}`, vi: `${name}: cần một danh mục do createCatalog tạo, nhận được ${describeValueVi(value)}` }, name);
  }
}

/** A compiled rule set from createRuleSet or checkRules. */
export function expectRuleSet(value: unknown, name = 'ruleSet'): void {
  if (!isObject(value) || !Array.isArray(value['rules'])) {
    invalidArgument({ en: `${name}: expected a rule set from createRuleSet, got ${describeValue(value)}`, vi: `${name}: cần một bộ quy tắc do createRuleSet tạo, nhận được ${describeValueVi(value)}` }, name);
  }
}

/** A diff from diffDatasets. */
export function expectDiff(value: unknown, name = 'diff'): void {
  if (!isObject(value) || !isObject(value['summary'])) {
    invalidArgument({ en: `${name}: expected a diff from diffDatasets, got ${describeValue(value)}`, vi: `${name}: cần một bản so sánh do diffDatasets tạo, nhận được ${describeValueVi(value)}` }, name);
  }
}

/** What the formatters of a decision say of one they are given without the parts they read. */
export const A_DECISION: ErrorText = Object.freeze({ en: 'a decision from route()', vi: 'một kết quả quyết định (decision) do route() trả về' });

/** Throws for a decision that lacks the named parts (one built by hand, or not a decision). */
export function decisionLacks(missing: readonly string[]): never {
  return invalidArgument(
    {
      en: `decision: expected ${A_DECISION.en}; it has no ${missing.join(', ')}`,
      vi: `decision: cần ${A_DECISION.vi}; giá trị nhận được không có ${missing.join(', ')}`,
    },
    'decision',
  );
}

/** Router data `{ catalog, rules, calendar }`. */
export function expectRouterData(value: unknown, name = 'data'): void {
  if (!isObject(value) || !isObject(value['catalog']) || !isObject(value['rules']) || !isObject(value['calendar'])) {
    invalidArgument({ en: `${name}: expected router data { catalog, rules, calendar }, got ${describeValue(value)}`, vi: `${name}: cần dữ liệu định tuyến { catalog, rules, calendar }, nhận được ${describeValueVi(value)}` }, name);
  }
}

function shownKeys(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value).slice(0, 5);
  return keys.length === 0 ? undefined : keys.map((key) => JSON.stringify(key.slice(0, 20))).join(', ');
}

function describeKeys(value: Record<string, unknown>): string {
  const keys = shownKeys(value);
  return keys === undefined ? 'no fields' : `fields ${keys}`;
}

function describeKeysVi(value: Record<string, unknown>): string {
  const keys = shownKeys(value);
  return keys === undefined ? 'không có trường nào' : `có các trường ${keys}`;
}
