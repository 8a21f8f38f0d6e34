/**
 * Reading YAML data files defensively, keeping positions so every later issue can point at file:line:col.
 * Browser-safe: takes text, never touches the file system.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLError } from 'yaml';
import { createIssue } from '../errors.js';
import type { Issue, IssuePath, SourceLocation } from '../errors.js';

/** Limits that protect the reader from hostile files. */
export interface YamlLimits {
  /** Largest accepted file, in UTF-16 code units of the decoded text (about bytes for ASCII). */
  readonly maxLength: number;
  /** Deepest accepted nesting of maps and sequences. */
  readonly maxDepth: number;
  /** Alias expansion budget handed to the YAML library (guards against alias bombs). */
  readonly maxAliasCount: number;
  /**
   * Most lines plus commas (a cheap upper bound on the nodes to build): the YAML library builds about 100 000 nodes a
   * second, so this bound keeps the worst file within about a second. The largest shipped file has about 11 000.
   */
  readonly maxItems: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = Object.freeze({
  maxLength: 4 * 1024 * 1024,
  maxDepth: 64,
  maxAliasCount: 100,
  maxItems: 100_000,
});

/** A parsed YAML file: its plain value (undefined when unusable), its issues, and a way back to positions. */
export interface ParsedYaml {
  readonly file: string;
  /** The plain JavaScript value; `undefined` when the file has errors that make it unusable. */
  readonly value: unknown;
  readonly issues: readonly Issue[];
  /**
   * Finds where a path sits in the source: the deepest existing node on the path (so a missing key points at its
   * parent map). With `key: true`, points at the key of the last segment instead of its value.
   */
  locate(path: IssuePath, options?: { key?: boolean }): SourceLocation | undefined;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** More aliases than any hand-written data file needs; counted before parsing so a flood of them costs nothing. */
const MAX_ALIASES = 1000;

/** Parses one YAML document with positions, refusing hostile input with located issues. Never throws. */
export function parseYaml(text: string, file: string, limits: Partial<YamlLimits> = {}): ParsedYaml {
  const { maxLength, maxDepth, maxAliasCount, maxItems } = { ...DEFAULT_YAML_LIMITS, ...limits };
  const lineCounter = new LineCounter();
  const issues: Issue[] = [];
  const unusable = (issue: Issue): ParsedYaml => ({ file, value: undefined, issues: [issue], locate: () => undefined });

  if (text.length > maxLength) {
    return unusable(
      createIssue('FILE_TOO_LARGE', 'error', `file has ${text.length} characters, more than the limit of ${maxLength}`, {
        file,
        vi: `tệp có ${text.length} ký tự, vượt giới hạn ${maxLength}`,
      }),
    );
  }
  const items = countItems(text);
  if (items > maxItems) {
    return unusable(
      createIssue('FILE_TOO_LARGE', 'error', `file has ${items} lines and list separators, more than the limit of ${maxItems}; split it`, {
        file,
        vi: `tệp có ${items} dòng và dấu phân cách, vượt giới hạn ${maxItems}; hãy tách tệp`,
      }),
    );
  }
  const control = findControlCharacter(text);
  if (control !== undefined) {
    const location = positionOf(text, control.index);
    return unusable(
      createIssue('FILE_NOT_TEXT', 'error', `file contains the control character U+${control.code}; expected UTF-8 text`, {
        file,
        vi: `tệp chứa ký tự điều khiển U+${control.code}; cần văn bản UTF-8`,
        location,
      }),
    );
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    return unusable(
      createIssue('FILE_NOT_UTF8', 'error', 'file contains bytes that are not valid UTF-8', {
        file,
        vi: 'tệp chứa byte không hợp lệ theo UTF-8',
        location: positionOf(text, replacement),
      }),
    );
  }

  const aliasAt = findAliasBeyond(text, MAX_ALIASES);
  if (aliasAt !== undefined) {
    return unusable(
      createIssue('YAML_ALIAS_LIMIT', 'error', `file uses more than ${MAX_ALIASES} aliases`, { file, location: positionOf(text, aliasAt) }),
    );
  }
  const deepAt = findDeepFlowNesting(text, maxDepth);
  if (deepAt !== undefined) {
    return unusable(
      createIssue('YAML_TOO_DEEP', 'error', `nesting exceeds the limit of ${maxDepth} levels`, { file, location: positionOf(text, deepAt) }),
    );
  }

  let documents: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      schema: 'core',
      merge: false,
      strict: true,
      stringKeys: false,
      logLevel: 'error',
    });
    documents = Array.isArray(parsed) ? parsed : [];
  } catch {
    // The YAML library recurses on nesting; a stack overflow here means nesting far beyond maxDepth.
    return unusable(tooDeep(text, file, maxDepth));
  }

  const at = (range: readonly number[] | null | undefined): SourceLocation | undefined =>
    range === null || range === undefined ? undefined : rangeLocation(lineCounter, range[0] ?? 0, range[1] ?? range[0] ?? 0);

  if (documents.length === 0) {
    return unusable(createIssue('YAML_EMPTY', 'error', 'file holds no YAML document', { file, location: at([0, 0]), vi: 'tệp không có tài liệu YAML nào' }));
  }
  const document = documents[0]!;
  if (documents.length > 1) {
    issues.push(
      createIssue('YAML_MULTIPLE_DOCUMENTS', 'error', `file holds ${documents.length} YAML documents; expected one`, {
        file,
        location: at(documents[1]!.range),
      }),
    );
  }
  if (documents.some((doc) => doc.errors.some((error) => /call stack/i.test(error.message)))) {
    return unusable(tooDeep(text, file, maxDepth));
  }
  for (const error of document.errors) issues.push(yamlErrorIssue(error, file, lineCounter, text));
  for (const warning of document.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // reported below as YAML_CUSTOM_TAG, at the tagged node
    issues.push(yamlErrorIssue(warning, file, lineCounter, text));
  }

  issues.push(...inspectNodes(text, document, file, maxDepth, at));

  let value: unknown;
  if (!issues.some((issue) => issue.severity === 'error')) {
    try {
      value = document.toJS({ maxAliasCount });
      if (value === null || value === undefined) {
        issues.push(createIssue('YAML_EMPTY', 'error', 'file holds no data', { file, location: at([0, 0]), vi: 'tệp không có dữ liệu' }));
        value = undefined;
      }
    } catch (error) {
      value = undefined;
      const message = error instanceof Error ? error.message : String(error);
      issues.push(
        /alias/i.test(message)
          ? createIssue('YAML_ALIAS_LIMIT', 'error', `aliases expand beyond the limit of ${maxAliasCount} nodes`, {
              file,
              location: positionOf(text, Math.max(0, findAliasBeyond(text, 0) ?? 0)),
            })
          : createIssue('YAML_SYNTAX', 'error', message, { file }),
      );
    }
  }

  return {
    file,
    value,
    issues: Object.freeze(issues),
    locate(path, options) {
      return at(findRange(document, path, options?.key === true));
    },
  };
}

function yamlErrorIssue(error: YAMLError, file: string, lineCounter: LineCounter, text: string): Issue {
  const [start, end] = error.pos;
  const location = rangeLocation(lineCounter, start, end);
  if (error.code === 'DUPLICATE_KEY') {
    // The error marks the start of the repeated key; read the key up to its colon.
    const key = /^\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^:#\n]*?))\s*:/.exec(text.slice(start, start + 200));
    const name = key === null ? '' : (key[1] ?? key[2] ?? key[3] ?? '').trim();
    void end;
    return createIssue('YAML_DUPLICATE_KEY', 'error', name === '' ? 'map keys must be unique' : `key "${name}" appears twice in the same map`, {
      file,
      location,
      vi: name === '' ? 'các khóa trong một bảng phải khác nhau' : `khóa "${name}" xuất hiện hai lần trong cùng một bảng`,
    });
  }
  const message = error.message.split('\n')[0]!.replace(/\.$/, '');
  return createIssue('YAML_SYNTAX', 'error', lowerFirst(message), { file, location });
}

/** Nesting so deep the parser overflowed: point at the first line indented past the limit (or the file start). */
function tooDeep(text: string, file: string, maxDepth: number): Issue {
  const match = new RegExp(`^[ \\t-]{${2 * maxDepth},}`, 'm').exec(text);
  return createIssue('YAML_TOO_DEEP', 'error', `nesting exceeds the limit of ${maxDepth} levels`, {
    file,
    vi: `lồng nhau vượt quá ${maxDepth} cấp`,
    location: positionOf(text, match === null ? 0 : match.index),
  });
}

/** Walks the node tree without recursion, checking depth, keys, tags and aliases. */
function inspectNodes(
  text: string,
  document: Document.Parsed,
  file: string,
  maxDepth: number,
  at: (range: readonly number[] | null | undefined) => SourceLocation | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 1 }];
  let tooDeepReported = false;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (isAlias(node)) continue;
    const tagged = node as { tag?: string; range?: readonly number[] | null };
    if ((isScalar(node) || isMap(node) || isSeq(node)) && tagged.tag !== undefined) {
      issues.push(
        createIssue('YAML_CUSTOM_TAG', 'error', `explicit tag ${tagged.tag.replace('tag:yaml.org,2002:', '!!')} is not accepted`, {
          file,
          location: at(tagRange(text, tagged.range)),
        }),
      );
    }
    if (isMap(node) || isSeq(node)) {
      if (depth > maxDepth) {
        if (!tooDeepReported) {
          issues.push(
            createIssue('YAML_TOO_DEEP', 'error', `nesting exceeds the limit of ${maxDepth} levels`, { file, location: at(node.range) }),
          );
          tooDeepReported = true;
        }
        continue;
      }
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          const key = item.key;
          if (isScalar(key)) {
            if (typeof key.value === 'string' && FORBIDDEN_KEYS.has(key.value)) {
              issues.push(
                createIssue('YAML_FORBIDDEN_KEY', 'error', `key "${key.value}" is not accepted`, {
                  file,
                  location: at(key.range),
                  vi: `khóa "${key.value}" không được chấp nhận`,
                }),
              );
            }
            stack.push({ node: key, depth: depth + 1 });
          } else if (key !== null) {
            issues.push(
              createIssue('YAML_COMPLEX_KEY', 'error', `map key is ${isAlias(key) ? 'an alias' : 'a collection'}; expected a plain string`, {
                file,
                location: at((key as { range?: readonly number[] }).range),
              }),
            );
          }
          stack.push({ node: item.value, depth: depth + 1 });
        } else {
          stack.push({ node: item, depth: depth + 1 });
        }
      }
    }
  }
  return issues;
}

/** The node's range starts after its tag; widen it back to the tag token so the issue points at the tag. */
function tagRange(text: string, range: readonly number[] | null | undefined): readonly number[] | null | undefined {
  if (range === null || range === undefined) return range;
  let end = range[0]!;
  while (end > 0 && /\s/.test(text[end - 1]!)) end -= 1;
  let start = end;
  while (start > 0 && !/[\s[{,]/.test(text[start - 1]!)) start -= 1;
  return text[start] === '!' ? [start, range[1] ?? start] : range;
}

function findRange(document: Document.Parsed, path: IssuePath, wantKey: boolean): readonly number[] | undefined {
  let node: unknown = document.contents;
  let best: readonly number[] | undefined = (node as { range?: readonly number[] } | null)?.range ?? undefined;
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index]!;
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((candidate) => isScalar(candidate.key) && String(candidate.key.value) === String(segment));
      if (pair === undefined) return best;
      if (last && wantKey) return (pair.key as YamlNode).range ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      return best;
    }
    const range = (node as { range?: readonly number[] } | null | undefined)?.range;
    if (range === undefined || range === null) return best;
    best = range;
  }
  return best;
}

function rangeLocation(lineCounter: LineCounter, start: number, end: number): SourceLocation {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

function positionOf(text: string, index: number): SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  const column = index - lineStart + 1;
  return { line, column, endLine: line, endColumn: column + 1 };
}

/**
 * Finds, before parsing, the first bracket that opens flow nesting beyond the limit, so a hostile file is refused in
 * linear time instead of being handed to the recursive parser. Brackets inside quoted text are counted too: legitimate
 * data never holds that many unclosed ones.
 */
function findDeepFlowNesting(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 91 || code === 123) {
      depth += 1;
      if (depth > maxDepth) return index;
    } else if ((code === 93 || code === 125) && depth > 0) {
      depth -= 1;
    }
  }
  return undefined;
}

function countItems(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 44) count += 1;
  }
  return count;
}

/** Finds the alias (`*name`) that goes past the limit, counting before parsing; undefined when within it. */
function findAliasBeyond(text: string, limit: number): number | undefined {
  const alias = /(^|[\s[{,:?-])\*[^\s,[\]{}]/g;
  let count = 0;
  for (let match = alias.exec(text); match !== null; match = alias.exec(text)) {
    count += 1;
    if (count > limit) return match.index + match[1]!.length;
  }
  return undefined;
}

function findControlCharacter(text: string): { index: number; code: string } | undefined {
  // eslint-disable-next-line no-control-regex
  const match = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (match === null) return undefined;
  return { index: match.index, code: match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') };
}

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
