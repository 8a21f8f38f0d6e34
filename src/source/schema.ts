/**
 * Applying a zod schema to a parsed YAML file and turning zod's issues into located tthc issues.
 */
import { describeDataValueVi, valueTypeVi } from './describe-value.js';
import { schemaTextVi } from './schema-texts.js';
import type { z } from 'zod';
import { createIssue } from '../errors.js';
import type { Issue, IssuePath } from '../errors.js';
import type { ParsedYaml } from './yaml.js';
import { LOCALIZED_TEXT_EXPECTED } from '../vocabulary.js';

/** The outcome of checking a parsed file against its schema. */
export interface SchemaResult<T> {
  /** The typed, frozen value when the file has no errors. */
  readonly value: T | undefined;
  readonly issues: readonly Issue[];
}

/** Validates a parsed file against a schema; every zod issue becomes an issue at file:line:col. Never throws. */
export function validateParsed<S extends z.ZodType>(parsed: ParsedYaml, schema: S): SchemaResult<z.output<S>> {
  if (parsed.value === undefined) return { value: undefined, issues: parsed.issues };
  const result = schema.safeParse(parsed.value);
  if (result.success) return { value: deepFreeze(result.data), issues: parsed.issues };
  const issues: Issue[] = [...parsed.issues];
  // A file with hundreds of thousands of wrong items must still answer fast and readably: the first ones are listed,
  // the rest counted. One zod issue can stand for many (every unknown key of a map).
  let listed = 0;
  let unlisted = 0;
  for (const zodIssue of result.error.issues) {
    if (listed >= MAX_ISSUES_PER_FILE) {
      unlisted += zodIssue.code === 'unrecognized_keys' ? zodIssue.keys.length : 1;
      continue;
    }
    const found = toIssues(zodIssue.code === 'unrecognized_keys' ? { ...zodIssue, keys: zodIssue.keys.slice(0, MAX_ISSUES_PER_FILE - listed) } : zodIssue, parsed);
    if (zodIssue.code === 'unrecognized_keys') unlisted += Math.max(0, zodIssue.keys.length - (MAX_ISSUES_PER_FILE - listed));
    for (const issue of found) issues.push(issue);
    listed += found.length;
  }
  if (unlisted > 0) {
    issues.push(
      createIssue('FILE_TOO_MANY_ISSUES', 'error', `${unlisted} more schema issues in this file are not listed`, {
        file: parsed.file,
        vi: `còn ${unlisted} lỗi lược đồ khác trong tệp này chưa được liệt kê`,
      }),
    );
  }
  return { value: undefined, issues };
}

type ZodIssue = z.core.$ZodIssue;

/** Schema issues listed per file; the rest are counted in one FILE_TOO_MANY_ISSUES issue. */
export const MAX_ISSUES_PER_FILE = 200;

function toIssues(zodIssue: ZodIssue, parsed: ParsedYaml): Issue[] {
  const path = zodIssue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const file = parsed.file;
  if (zodIssue.code === 'unrecognized_keys') {
    return zodIssue.keys.map((key) =>
      createIssue('SCHEMA_UNKNOWN_KEY', 'error', `unknown key "${key}"${suggestion(key, zodIssue)}`, {
        file,
        vi: `khóa "${key}" không hợp lệ${key.trim() !== key ? ' (có khoảng trắng ở đầu hoặc cuối)' : ''}`,
        path: [...path, key],
        location: parsed.locate([...path, key], { key: true }),
      }),
    );
  }
  if (zodIssue.code === 'invalid_union') {
    // A union failed: report the branch the value was meant for, else the union itself. A branch whose tag does not
    // match (`status: expected "not-applicable"`) or that finds the value's own keys unknown is another shape; of the
    // rest, the one that got furthest inside the value (branch paths are relative to the union's) says most.
    const branches = zodIssue.errors.filter((branch) => branch.length > 0);
    const ranked = branches.sort((a, b) => wrongShapeSigns(a) - wrongShapeSigns(b) || maxDepth(b) - maxDepth(a));
    const deepest = ranked[0];
    // Two shapes as likely as each other: naming one would send the author the wrong way; the union says less, truly.
    const tied = ranked[1] !== undefined && wrongShapeSigns(ranked[1]) === wrongShapeSigns(deepest!) && maxDepth(ranked[1]) === maxDepth(deepest!);
    if (deepest !== undefined && !tied && maxDepth(deepest) > 0 && !isDiscriminatorMiss(zodIssue)) {
      return deepest.flatMap((inner) => toIssues({ ...inner, path: [...zodIssue.path, ...inner.path] } as ZodIssue, parsed));
    }
  }
  const present = valueAt(parsed.value, path) !== undefined;
  if (zodIssue.code === 'invalid_type' && !present) {
    const key = path[path.length - 1];
    return [
      createIssue('SCHEMA_MISSING_KEY', 'error', `missing required key "${String(key)}" (${zodIssue.expected})`, {
        file,
        vi: `thiếu khóa bắt buộc "${String(key)}" (${valueTypeVi(zodIssue.expected)})`,
        path,
        location: parsed.locate(path.slice(0, -1)),
      }),
    ];
  }
  const location = parsed.locate(path);
  if (zodIssue.code === 'invalid_type') {
    const actual = describe(valueAt(parsed.value, path));
    const text = zodIssue.message === LOCALIZED_TEXT_EXPECTED.en;
    return [
      createIssue('SCHEMA_INVALID_TYPE', 'error', `${text ? LOCALIZED_TEXT_EXPECTED.en : `expected ${zodIssue.expected}`}, got ${actual}`, {
        file,
        vi: `${text ? LOCALIZED_TEXT_EXPECTED.vi : `cần ${valueTypeVi(zodIssue.expected)}`}, nhận được ${describeDataValueVi(valueAt(parsed.value, path), 40)}`,
        path,
        location,
      }),
    ];
  }
  const actual = valueAt(parsed.value, path);
  return [createIssue('SCHEMA_INVALID_VALUE', 'error', messageOf(zodIssue, actual), { file, path, location, vi: messageViOf(zodIssue, actual) })];
}

/** The whole message in Vietnamese: built from the issue's fields, or the schema's own text (see schema-texts.ts). */
function messageViOf(zodIssue: ZodIssue, actual: unknown): string | undefined {
  const got = `nhận được ${describeDataValueVi(actual, 40)}`;
  switch (zodIssue.code) {
    case 'invalid_value':
      return `cần ${zodIssue.values.map((value) => JSON.stringify(value)).join(' hoặc ')}, ${got}`;
    case 'invalid_union':
      return `dữ liệu không khớp với dạng nào được chấp nhận, ${got}`;
    case 'too_small': {
      const minimum = String(zodIssue.minimum);
      if (zodIssue.origin === 'string') return zodIssue.minimum === 1 ? `không được để trống, ${got}` : `cần chuỗi có ít nhất ${minimum} ký tự, ${got}`;
      if (zodIssue.origin === 'array' || zodIssue.origin === 'set') return `cần danh sách có ít nhất ${minimum} phần tử, ${got}`;
      return `cần số ${zodIssue.inclusive === false ? 'lớn hơn' : 'lớn hơn hoặc bằng'} ${minimum}, ${got}`;
    }
    case 'too_big': {
      const maximum = String(zodIssue.maximum);
      if (zodIssue.origin === 'string') return `cần chuỗi có nhiều nhất ${maximum} ký tự, ${got}`;
      if (zodIssue.origin === 'array' || zodIssue.origin === 'set') return `cần danh sách có nhiều nhất ${maximum} phần tử, ${got}`;
      return `cần số ${zodIssue.inclusive === false ? 'nhỏ hơn' : 'nhỏ hơn hoặc bằng'} ${maximum}, ${got}`;
    }
    case 'not_multiple_of':
      return `cần là bội số của ${String(zodIssue.divisor)}, ${got}`;
    case 'custom': {
      const vi = (zodIssue.params as { vi?: unknown } | undefined)?.vi;
      return typeof vi === 'string' ? vi : schemaTextVi(zodIssue.message);
    }
    case 'invalid_format':
      return schemaTextVi(zodIssue.message) ?? `sai định dạng (${zodIssue.format}), ${got}`;
    case 'invalid_key':
      return `khóa không hợp lệ, ${got}`;
    case 'invalid_element':
      return `phần tử không hợp lệ, ${got}`;
    default:
      return schemaTextVi(zodIssue.message);
  }
}

function messageOf(zodIssue: ZodIssue, actual: unknown): string {
  switch (zodIssue.code) {
    case 'invalid_value':
      return `expected ${zodIssue.values.map((value) => JSON.stringify(value)).join(' or ')}, got ${describe(actual)}`;
    case 'invalid_union':
      return `${lowerFirst(zodIssue.message)}, got ${describe(actual)}`;
    default:
      return lowerFirst(zodIssue.message);
  }
}

function isDiscriminatorMiss(zodIssue: ZodIssue): boolean {
  return zodIssue.code === 'invalid_union' && zodIssue.errors.length === 0;
}

/** How many of a union branch's issues say the value is of another shape: a tag that does not match, keys unknown. */
function wrongShapeSigns(branch: readonly ZodIssue[]): number {
  let signs = 0;
  for (const inner of branch) {
    if (inner.code === 'unrecognized_keys' && inner.path.length === 0) signs += inner.keys.length;
    else if (inner.code === 'invalid_value' && inner.path.length === 1 && inner.values.length === 1) signs += 1;
  }
  return signs;
}

function maxDepth(branch: readonly ZodIssue[]): number {
  return Math.max(0, ...branch.map((inner) => inner.path.length + (inner.code === 'invalid_type' ? 0 : 1)));
}

function suggestion(key: string, zodIssue: ZodIssue): string {
  void zodIssue;
  return key.trim() !== key ? ' (it has leading or trailing spaces)' : '';
}

function valueAt(root: unknown, path: IssuePath): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Describes a value for a message: its type, and the value itself when short. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  const shown = JSON.stringify(value);
  const short = shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
  return `${typeof value} ${short}`;
}

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Freezes a plain value and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || Object.isFrozen(node)) continue;
    Object.freeze(node);
    for (const child of Object.values(node)) stack.push(child);
  }
  return value;
}
