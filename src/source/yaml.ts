/**
 * Reading YAML data files defensively, keeping positions so every later issue can point at file:line:col.
 * Browser-safe: takes text, never touches the file system.
 */
import type { Document, LineCounter, Node as YamlNode, Pair, YAMLError } from 'yaml';
import { yamlLibrary } from './yaml-library.js';
import type { YamlLibrary } from './yaml-library.js';
import { compareIssues, createIssue } from '../errors.js';
import type { Issue, IssuePath, SourceLocation } from '../errors.js';
import { FORBIDDEN_KEYS, locateInBlock, readBlockYaml, schemaKey } from './yaml-block.js';
import type { BlockYaml } from './yaml-block.js';
import { expectOptions, expectString } from '../arguments.js';
import { controlCharacterIssues } from './control-characters.js';

export { DEFAULT_YAML_LIMITS } from './yaml-limits.js';
export type { YamlLimits } from './yaml-limits.js';
import { DEFAULT_YAML_LIMITS } from './yaml-limits.js';
import type { YamlLimits } from './yaml-limits.js';

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


/**
 * Parses one YAML document with positions, refusing hostile input with located issues. Never throws.
 * Plain block YAML (what data files are written in) is read by a linear-time reader; anything else by the YAML
 * library, within {@link YamlLimits.maxItemsFullYaml}. Both give the same values, issues and positions.
 */
export function parseYaml(text: string, file: string, limits: Partial<YamlLimits> = {}): ParsedYaml {
  expectString(text, 'text');
  expectString(file, 'file');
  expectOptions(limits, 'limits');
  const options = { ...DEFAULT_YAML_LIMITS, ...limits };
  const unusable = (issue: Issue): ParsedYaml => ({ file, value: undefined, issues: [issue], locate: () => undefined });
  if (text.length > options.maxLength) {
    return unusable(
      createIssue('FILE_TOO_LARGE', 'error', `file has ${text.length} characters, more than the limit of ${options.maxLength}`, {
        file,
        vi: `tệp có ${text.length} ký tự, vượt giới hạn ${options.maxLength}`,
      }),
    );
  }
  // One pass over the text serves the screening and the limit of the full parser.
  const scan = scanText(text, options.maxDepth);
  const refusal = screen(text, file, options, scan);
  if (refusal !== undefined) return unusable(refusal);

  const block = readBlockYaml(text, options.maxDepth, options.maxAliasCount);
  if (block !== undefined) return fromBlock(text, file, block);

  const { items } = scan;
  if (items > options.maxItemsFullYaml) {
    return unusable(
      createIssue(
        'YAML_TOO_COMPLEX',
        'error',
        `file has ${items} lines and list separators and uses YAML beyond plain block style; beyond ${options.maxItemsFullYaml}, write it as plain block YAML (no tags, no flow collections over several lines, anchors only on map values and aliases only standing alone) or split it`,
        {
          file,
          vi: `tệp có ${items} dòng và dấu phân cách và dùng cú pháp YAML ngoài dạng khối đơn giản; quá ${options.maxItemsFullYaml}, hãy viết dạng khối đơn giản (không dùng thẻ, không viết tập hợp dạng dòng trên nhiều dòng, neo chỉ ở giá trị của khóa và bí danh chỉ đứng riêng) hoặc tách tệp`,
        },
      ),
    );
  }
  return fromLibrary(text, file, options);
}

/** The checks made on the raw text before any parsing: items, encoding, and counts of hostile constructs. */
function screen(text: string, file: string, limits: YamlLimits, scan: ReturnType<typeof scanText>): Issue | undefined {
  const { maxDepth, maxItems } = limits;
  const { items, deepAt, hasAlias, hasAnchor, hasTag } = scan;
  if (items > maxItems) {
    return createIssue('FILE_TOO_LARGE', 'error', `file has ${items} lines and list separators, more than the limit of ${maxItems}; split it`, {
      file,
      vi: `tệp có ${items} dòng và dấu phân cách, vượt giới hạn ${maxItems}; hãy tách tệp`,
    });
  }
  const control = scan.controlAt === undefined ? undefined : { index: scan.controlAt, code: text.charCodeAt(scan.controlAt).toString(16).toUpperCase().padStart(4, '0') };
  if (control !== undefined) {
    return createIssue('FILE_NOT_TEXT', 'error', `file contains the control character U+${control.code}; expected UTF-8 text`, {
      file,
      vi: `tệp chứa ký tự điều khiển U+${control.code}; cần văn bản UTF-8`,
      location: positionOf(text, control.index),
    });
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    return createIssue('FILE_NOT_UTF8', 'error', 'file contains bytes that are not valid UTF-8', {
      file,
      vi: 'tệp chứa byte không hợp lệ theo UTF-8',
      location: positionOf(text, replacement),
    });
  }
  const aliasAt = hasAlias ? findTokenBeyond(text, ALIAS_TOKEN, limits.maxAliases) : undefined;
  if (aliasAt !== undefined) {
    return createIssue('YAML_ALIAS_LIMIT', 'error', `file uses more than ${limits.maxAliases} aliases`, {
      file,
      vi: `tệp dùng quá ${limits.maxAliases} bí danh`,
      location: positionOf(text, aliasAt),
    });
  }
  const anchorAt = hasAnchor ? findTokenBeyond(text, ANCHOR_TOKEN, limits.maxAnchors) : undefined;
  if (anchorAt !== undefined) {
    return createIssue('YAML_ANCHOR_LIMIT', 'error', `file defines more than ${limits.maxAnchors} anchors`, {
      file,
      vi: `tệp định nghĩa quá ${limits.maxAnchors} neo`,
      location: positionOf(text, anchorAt),
    });
  }
  const tagAt = hasTag ? findTokenBeyond(text, TAG_TOKEN, limits.maxTags) : undefined;
  if (tagAt !== undefined) {
    return createIssue('YAML_CUSTOM_TAG', 'error', `file uses more than ${limits.maxTags} explicit tags; tags are not accepted`, {
      file,
      vi: `tệp dùng quá ${limits.maxTags} thẻ tường minh; không chấp nhận thẻ`,
      location: positionOf(text, tagAt),
    });
  }
  if (deepAt !== undefined) {
    return createIssue('YAML_TOO_DEEP', 'error', `nesting exceeds the limit of ${maxDepth} levels`, {
      file,
      vi: `lồng nhau vượt quá ${maxDepth} cấp`,
      location: positionOf(text, deepAt),
    });
  }
  return undefined;
}

/** A file the block reader read: its repeated and forbidden keys become issues, positions come from its ranges. */
function fromBlock(text: string, file: string, block: BlockYaml): ParsedYaml {
  const starts = lineStarts(text);
  const at = (start: number, end: number): SourceLocation => offsetsLocation(starts, start, end);
  const issues: Issue[] = [];
  for (const repeated of block.repeatedKeys) {
    const first = repeated.first === undefined ? undefined : text.slice(repeated.first.start, repeated.first.end);
    issues.push(duplicateKeyIssue(repeated.key, first, text.slice(repeated.start, repeated.end), file, at(repeated.start, repeated.end)));
  }
  for (const forbidden of block.forbiddenKeys) issues.push(forbiddenKeyIssue(forbidden.key, file, at(forbidden.start, forbidden.end)));
  const root = block.root; // not the value: the positions outlive it
  const locate = (path: IssuePath, options?: { key?: boolean }): SourceLocation => {
    const [start, end] = locateInBlock(root, path, options?.key === true);
    return at(start, end);
  };
  // The block reader lets control characters into text only through escapes in double quotes, or raw C1 characters.
  if (MAY_HOLD_CONTROL.test(text)) for (const issue of controlCharacterIssues(block.value, file, locate)) issues.push(issue);
  issues.sort(compareIssues);
  return { file, value: issues.length === 0 ? block.value : undefined, issues: Object.freeze(issues), locate };
}

/** A file read with the YAML library: every construct YAML allows, each checked against tthc's rules. */
function fromLibrary(text: string, file: string, limits: YamlLimits): ParsedYaml {
  const { maxDepth, maxAliasCount } = limits;
  const yaml = yamlLibrary();
  const lineCounter = new yaml.LineCounter();
  const issues: Issue[] = [];
  const unusable = (issue: Issue): ParsedYaml => ({ file, value: undefined, issues: [issue], locate: () => undefined });
  let documents: Document.Parsed[];
  try {
    const parsed = yaml.parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
      // Checked below as the schema reads keys (12 and "12" are one key), in one pass: the library's own check is
      // quadratic in the keys of a map and compares YAML values.
      uniqueKeys: false,
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
        vi: `tệp có ${documents.length} tài liệu YAML; cần đúng một`,
        location: at(documents[1]!.range),
      }),
    );
  }
  if (documents.some((doc) => doc.errors.some((error) => /call stack/i.test(error.message)))) {
    return unusable(tooDeep(text, file, maxDepth));
  }
  for (const error of document.errors) issues.push(yamlErrorIssue(error, file, lineCounter));
  for (const warning of document.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // reported below as YAML_CUSTOM_TAG, at the tagged node
    issues.push(yamlErrorIssue(warning, file, lineCounter));
  }

  issues.push(...inspectNodes(yaml, text, document, file, maxDepth, at));
  const keyIndex = new WeakMap<object, Map<string, Pair>>();
  const locate = (path: IssuePath, options?: { key?: boolean }): SourceLocation | undefined =>
    at(findRange(yaml, document, path, options?.key === true, keyIndex));

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
              vi: `bí danh mở rộng vượt giới hạn ${maxAliasCount} nút`,
              location: positionOf(text, Math.max(0, findTokenBeyond(text, ALIAS_TOKEN, 0) ?? 0)),
            })
          : createIssue('YAML_SYNTAX', 'error', message, { file, vi: YAML_ERROR_VI_OTHER }),
      );
    }
  }
  if (value !== undefined) {
    const controls = controlCharacterIssues(value, file, locate);
    if (controls.length > 0) {
      issues.push(...controls);
      value = undefined;
    }
  }
  issues.sort(compareIssues);
  return { file, value, issues: Object.freeze(issues), locate };
}

function duplicateKeyIssue(key: string, firstSpelling: string | undefined, spelling: string, file: string, location: SourceLocation): Issue {
  const both = firstSpelling !== undefined && firstSpelling !== spelling;
  return createIssue(
    'YAML_DUPLICATE_KEY',
    'error',
    `key "${key}" appears twice in the same map${both ? ` (written ${firstSpelling} and ${spelling}, which read as the same key)` : ''}`,
    {
      file,
      location,
      vi: `khóa "${key}" xuất hiện hai lần trong cùng một bảng${both ? ` (viết ${firstSpelling} và ${spelling}, được đọc là cùng một khóa)` : ''}`,
    },
  );
}

function forbiddenKeyIssue(key: string, file: string, location: SourceLocation | undefined): Issue {
  return createIssue('YAML_FORBIDDEN_KEY', 'error', `key "${key}" is not accepted`, { file, location, vi: `khóa "${key}" không được chấp nhận` });
}

/** A text may hold a control character only where it is escaped or in C1 (the block reader's fast test). */
const MAY_HOLD_CONTROL = /\\|[\u0080-\u009F]/;

function yamlErrorIssue(error: YAMLError, file: string, lineCounter: LineCounter): Issue {
  const [start, end] = error.pos;
  const location = rangeLocation(lineCounter, start, end);
  const message = error.message.split('\n')[0]!.replace(/\.$/, '');
  return createIssue('YAML_SYNTAX', 'error', lowerFirst(message), { file, location, vi: YAML_ERROR_VI[error.code] ?? YAML_ERROR_VI_OTHER });
}

/**
 * What each error of the yaml parser means, in Vietnamese (its own messages are English): by the parser's error code,
 * which the English message beside it details.
 */
const YAML_ERROR_VI: Readonly<Partial<Record<YAMLError['code'], string>>> = Object.freeze({
  ALIAS_PROPS: 'bí danh không được mang neo hoặc thẻ',
  BAD_ALIAS: 'bí danh không hợp lệ hoặc trỏ tới neo chưa được định nghĩa',
  BAD_DIRECTIVE: 'chỉ thị YAML không hợp lệ',
  BAD_DQ_ESCAPE: 'chuỗi trong dấu ngoặc kép có ký tự thoát không hợp lệ',
  BAD_INDENT: 'thụt lề không đúng: các mục cùng cấp phải thụt lề như nhau',
  BAD_PROP_ORDER: 'neo và thẻ phải đứng trước giá trị',
  BAD_SCALAR_START: 'giá trị không được bắt đầu bằng ký tự này; hãy đặt giá trị trong dấu ngoặc kép',
  BLOCK_AS_IMPLICIT_KEY: 'một khối không được dùng làm khóa',
  BLOCK_IN_FLOW: 'không được đặt khối trong danh sách hoặc ánh xạ viết trên một dòng ([...] hoặc {...})',
  DUPLICATE_KEY: 'khóa xuất hiện hai lần trong cùng một ánh xạ (map)',
  IMPOSSIBLE: 'cấu trúc YAML không thể đọc được',
  KEY_OVER_1024_CHARS: 'khóa dài quá 1024 ký tự',
  MISSING_CHAR: 'thiếu ký tự đóng (dấu ngoặc hoặc dấu ngoặc kép)',
  MULTILINE_IMPLICIT_KEY: 'khóa không được kéo dài trên nhiều dòng',
  MULTIPLE_ANCHORS: 'một giá trị chỉ được có một neo',
  MULTIPLE_DOCS: 'tệp có nhiều tài liệu YAML; cần đúng một',
  MULTIPLE_TAGS: 'một giá trị chỉ được có một thẻ',
  NON_STRING_KEY: 'khóa phải là chuỗi',
  RESOURCE_EXHAUSTION: 'tệp vượt giới hạn tài nguyên khi đọc',
  TAB_AS_INDENT: 'không được dùng ký tự tab để thụt lề; hãy dùng dấu cách',
  TAG_RESOLVE_FAILED: 'không đọc được giá trị theo thẻ đã nêu',
  UNEXPECTED_TOKEN: 'có ký tự hoặc thành phần không đúng chỗ',
  BAD_COLLECTION_TYPE: 'kiểu tập hợp không phù hợp với thẻ đã nêu',
});

const YAML_ERROR_VI_OTHER = 'lỗi cú pháp YAML';

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
  yaml: YamlLibrary,
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
    if (yaml.isAlias(node)) continue;
    const tagged = node as { tag?: string; range?: readonly number[] | null };
    if ((yaml.isScalar(node) || yaml.isMap(node) || yaml.isSeq(node)) && tagged.tag !== undefined) {
      issues.push(
        createIssue('YAML_CUSTOM_TAG', 'error', `explicit tag ${tagged.tag.replace('tag:yaml.org,2002:', '!!')} is not accepted`, {
          file,
          vi: `không chấp nhận thẻ tường minh ${tagged.tag.replace('tag:yaml.org,2002:', '!!')}`,
          location: at(tagRange(text, tagged.range)),
        }),
      );
    }
    if (yaml.isMap(node)) {
      const seen = new Map<string, Pair>();
      for (const pair of node.items as Pair[]) {
        if (!yaml.isScalar(pair.key)) continue;
        const key = schemaKey(pair.key.value);
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, pair);
          continue;
        }
        const spelling = (range: readonly number[] | null | undefined): string | undefined =>
          range === null || range === undefined ? undefined : text.slice(range[0], range[1]);
        const location = at(pair.key.range);
        if (location !== undefined) {
          issues.push(duplicateKeyIssue(key, spelling((first.key as YamlNode).range), spelling(pair.key.range) ?? key, file, location));
        }
      }
    }
    if (yaml.isMap(node) || yaml.isSeq(node)) {
      if (depth > maxDepth) {
        if (!tooDeepReported) {
          issues.push(
            createIssue('YAML_TOO_DEEP', 'error', `nesting exceeds the limit of ${maxDepth} levels`, { file, vi: `lồng nhau vượt quá ${maxDepth} cấp`, location: at(node.range) }),
          );
          tooDeepReported = true;
        }
        continue;
      }
      for (const item of node.items as unknown[]) {
        if (yaml.isPair(item)) {
          const key = item.key;
          if (yaml.isScalar(key)) {
            if (typeof key.value === 'string' && FORBIDDEN_KEYS.has(key.value)) issues.push(forbiddenKeyIssue(key.value, file, at(key.range)));
            stack.push({ node: key, depth: depth + 1 });
          } else if (key !== null) {
            issues.push(
              createIssue('YAML_COMPLEX_KEY', 'error', `map key is ${yaml.isAlias(key) ? 'an alias' : 'a collection'}; expected a plain string`, {
                file,
                vi: `khóa của ánh xạ (map) là ${yaml.isAlias(key) ? 'một bí danh' : 'một tập hợp'}; cần một chuỗi thông thường`,
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

function findRange(
  yaml: YamlLibrary,
  document: Document.Parsed,
  path: IssuePath,
  wantKey: boolean,
  keyIndex: WeakMap<object, Map<string, Pair>>,
): readonly number[] | undefined {
  let node: unknown = document.contents;
  let best: readonly number[] | undefined = (node as { range?: readonly number[] } | null)?.range ?? undefined;
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index]!;
    const last = index === path.length - 1;
    if (yaml.isMap(node)) {
      // Indexed once per map, so locating every issue of a large map stays linear.
      let keys = keyIndex.get(node);
      if (keys === undefined) {
        keys = new Map();
        for (const pair of node.items as Pair[]) {
          if (!yaml.isScalar(pair.key)) continue;
          const key = schemaKey(pair.key.value);
          if (!keys.has(key)) keys.set(key, pair);
        }
        keyIndex.set(node, keys);
      }
      const pair = keys.get(String(segment));
      if (pair === undefined) return best;
      if (last && wantKey) return (pair.key as YamlNode).range ?? best;
      node = pair.value;
    } else if (yaml.isSeq(node) && typeof segment === 'number') {
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

/** Offsets where each line starts, for positions found by binary search. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function offsetPosition(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

function offsetsLocation(starts: readonly number[], start: number, end: number): SourceLocation {
  const from = offsetPosition(starts, start);
  const to = offsetPosition(starts, Math.max(start, end));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
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
 * One pass over the text before parsing: lines plus commas (a cheap upper bound on the nodes to build), the first
 * bracket that opens flow nesting beyond the limit (so a hostile file is refused in linear time instead of being
 * handed to the recursive parser), and whether aliases, anchors or tags can occur at all. Brackets inside quoted text
 * are counted too: legitimate data never holds that many unclosed ones.
 */
function scanText(
  text: string,
  maxDepth: number,
): { items: number; deepAt: number | undefined; controlAt: number | undefined; hasAlias: boolean; hasAnchor: boolean; hasTag: boolean } {
  let items = 0;
  let depth = 0;
  let deepAt: number | undefined;
  // The first control character other than tab, line feed and carriage return (U+0000-U+001F, U+007F), in the same pass.
  let controlAt: number | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 44) items += 1;
    else if (code === 91 || code === 123) {
      depth += 1;
      if (depth > maxDepth && deepAt === undefined) deepAt = index;
    } else if ((code === 93 || code === 125) && depth > 0) depth -= 1;
    else if ((code < 32 ? code !== 9 && code !== 13 : code === 127) && controlAt === undefined) controlAt = index;
  }
  return { items, deepAt, controlAt, hasAlias: text.includes('*'), hasAnchor: text.includes('&'), hasTag: text.includes('!') };
}

/** `*name` where YAML can start a node: an alias. */
const ALIAS_TOKEN = /(^|[\s[{,:?-])\*[^\s,[\]{}]/g;
/** `&name` where YAML can start a node: an anchor. */
const ANCHOR_TOKEN = /(^|[\s[{,:?-])&[^\s,[\]{}]/g;
/** `!` where YAML can start a node: an explicit tag. */
const TAG_TOKEN = /(^|[\s[{,:?-])![^\s,[\]{}]*/g;

/**
 * Finds the token that goes past the limit, counting before parsing so a flood of them costs one pass; undefined
 * when within it. Tokens inside quoted text are counted too: legitimate data never holds that many.
 */
function findTokenBeyond(text: string, token: RegExp, limit: number): number | undefined {
  const pattern = new RegExp(token.source, 'g');
  let count = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    count += 1;
    if (count > limit) return match.index + match[1]!.length;
  }
  return undefined;
}


function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
