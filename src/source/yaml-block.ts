/**
 * A linear-time reader for the plain block YAML that data files are written in: block maps and sequences, plain,
 * quoted and block scalars, `[]` and `{}`, comments. It gives the value the YAML library's core schema gives and the
 * same source ranges, about twenty times faster. Anything outside that subset (anchors, aliases, tags, flow
 * collections with content, multi-line plain or quoted scalars, empty values, tabs in indentation, CR line ends) makes
 * it give up, and the caller reads the file with the YAML library instead; it never guesses.
 * Browser-safe.
 */

/** A node's source range as the YAML library gives it: `start`, `end` (its `range[1]`) and `nodeEnd` (`range[2]`). */
export interface BlockNode {
  readonly start: number;
  readonly end: number;
  readonly nodeEnd: number;
  /** Map entries by key as the schema reads it (`12` and `"12"` are the same key). */
  readonly entries?: ReadonlyMap<string, BlockEntry>;
  readonly items?: readonly BlockNode[];
}

export interface BlockEntry {
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly node: BlockNode;
}

/** A key at `start`..`end`; for a repeated key, `first` is where the same key was read earlier in its map. */
export interface KeyAt {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly first?: { readonly start: number; readonly end: number };
}

export interface BlockYaml {
  readonly value: Record<string, unknown>;
  readonly root: BlockNode;
  readonly repeatedKeys: readonly KeyAt[];
  /** Keys that would reach an object's prototype (`__proto__` and the like): left out of `value`. */
  readonly forbiddenKeys: readonly KeyAt[];
}

interface Line {
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset of the line break (or the end of the text). */
  readonly end: number;
  /** Offset after the line break. */
  readonly next: number;
  /** Leading spaces; -1 for a blank line, -2 when a tab follows the spaces. */
  readonly indent: number;
  /** Leading spaces, whatever follows them. */
  readonly spaces: number;
}

/** Raised inside the reader to give up; caught at the top, never escapes. */
const GIVE_UP: unique symbol = Symbol('give up');

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads `text` when it is plain block YAML whose root is a map; `undefined` when it is not (the caller then uses the
 * YAML library, which reports what is wrong).
 */
export function readBlockYaml(text: string, maxDepth: number): BlockYaml | undefined {
  if (text.length === 0 || text.charCodeAt(0) === 0xfeff || text.includes('\r')) return undefined;
  const lines = splitLines(text);
  let first = 0;
  while (first < lines.length && (lines[first]!.indent === -1 || text.charCodeAt(lines[first]!.start + lines[first]!.indent) === 35)) first += 1;
  if (first === lines.length || lines[first]!.indent !== 0) return undefined;
  const reader = new Reader(text, lines, maxDepth);
  try {
    const result = reader.node(first, 0, 1);
    if (result.node.entries === undefined || result.next !== lines.length) return undefined;
    return { value: result.value as Record<string, unknown>, root: result.node, repeatedKeys: reader.repeated, forbiddenKeys: reader.forbidden };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let spaces = 0;
    while (start + spaces < end && text.charCodeAt(start + spaces) === 32) spaces += 1;
    const indent = start + spaces === end ? -1 : text.charCodeAt(start + spaces) === 9 ? -2 : spaces;
    lines.push({ start, end, next: Math.min(end + 1, text.length), indent, spaces });
    start = end + 1;
  }
  return lines;
}

interface Read {
  readonly node: BlockNode;
  readonly value: unknown;
  /** Index of the first line after the node's data. */
  readonly next: number;
  /** Index of the line after the last one inside the node's range (its trailing comments included). */
  readonly endLine: number;
}

interface Key {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** Offset after the colon. */
  readonly after: number;
}

// A class keeps the shared cursor state of one read together; it never leaves this module.
class Reader {
  readonly repeated: KeyAt[] = [];
  readonly forbidden: KeyAt[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
    private readonly maxDepth: number,
  ) {}

  /** The node whose first line is `index`, content starting at column `column`. */
  node(index: number, column: number, depth: number): Read {
    const line = this.lines[index]!;
    const at = line.start + column;
    if (this.isDash(at, line.end)) return this.sequence(index, column, depth);
    return this.map(index, column, depth);
  }

  private isDash(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === 45 && (at + 1 === end || this.text.charCodeAt(at + 1) === 32);
  }

  /** The next line holding data (comments and blank lines skipped), or lines.length; a tab-indented line gives up. */
  private nextContent(index: number): number {
    let next = index;
    for (; next < this.lines.length; next += 1) {
      const line = this.lines[next]!;
      if (line.indent === -1) continue;
      if (line.indent === -2) throw GIVE_UP;
      if (this.text.charCodeAt(line.start + line.indent) !== 35) break;
    }
    return next;
  }

  /**
   * Where a scalar's node ends, as the YAML library counts it: the line index after its line and after the comment
   * lines that follow it indented deeper than its collection (the library keeps those with the scalar).
   */
  private scalarEndLine(index: number, column: number): number {
    let endLine = index + 1;
    for (let next = index + 1; next < this.lines.length; next += 1) {
      const line = this.lines[next]!;
      if (line.indent === -1) continue;
      if (line.indent === -2) throw GIVE_UP;
      if (this.text.charCodeAt(line.start + line.indent) !== 35 || line.indent <= column) break;
      endLine = next + 1;
    }
    return endLine;
  }

  /**
   * A closing collection keeps the comment lines between its last item and the next data (blank lines included) when
   * one of them is at least as deep as its column; otherwise they pass to its parent. A collection at column 0 (the
   * document's root, or a sequence under it written at the same column) keeps none. This is how the YAML library
   * assigns them, and so its ranges.
   */
  private collectionEndLine(lastItem: Read, next: number, column: number): number {
    if (column === 0) return lastItem.endLine;
    for (let index = lastItem.endLine; index < next; index += 1) {
      const line = this.lines[index]!;
      if (line.indent >= column) return next;
    }
    return lastItem.endLine;
  }

  private map(index: number, column: number, depth: number): Read {
    if (depth > this.maxDepth) throw GIVE_UP;
    const entries = new Map<string, BlockEntry>();
    const value: Record<string, unknown> = {};
    const start = this.lines[index]!.start + column;
    let line = index;
    let last: Read | undefined;
    for (;;) {
      const current = this.lines[line]!;
      const key = this.key(current.start + (line === index ? column : current.indent), current.end);
      if (key === undefined) throw GIVE_UP;
      const read = this.value(line, key.after, column, depth);
      const entry: BlockEntry = { keyStart: key.start, keyEnd: key.end, node: read.node };
      if (FORBIDDEN_KEYS.has(key.name)) this.forbidden.push({ key: key.name, start: key.start, end: key.end });
      else if (entries.has(key.name)) {
        const first = entries.get(key.name)!;
        this.repeated.push({ key: key.name, start: key.start, end: key.end, first: { start: first.keyStart, end: first.keyEnd } });
      }
      else {
        entries.set(key.name, entry);
        value[key.name] = read.value;
      }
      last = read;
      line = this.nextContent(read.next);
      if (line === this.lines.length || this.lines[line]!.indent < column) break;
      if (this.lines[line]!.indent > column) throw GIVE_UP;
    }
    return this.closed(start, last, line, column, { entries }, value);
  }

  private sequence(index: number, column: number, depth: number): Read {
    if (depth > this.maxDepth) throw GIVE_UP;
    const items: BlockNode[] = [];
    const values: unknown[] = [];
    const start = this.lines[index]!.start + column;
    let line = index;
    let last: Read | undefined;
    for (;;) {
      const current = this.lines[line]!;
      const dash = current.start + (line === index ? column : current.indent);
      if (!this.isDash(dash, current.end)) break;
      let contentAt = dash + 1;
      while (contentAt < current.end && this.text.charCodeAt(contentAt) === 32) contentAt += 1;
      let read: Read;
      if (contentAt === current.end) {
        const next = this.nextContent(line + 1);
        if (next === this.lines.length || this.lines[next]!.indent <= column) throw GIVE_UP; // an empty item
        read = this.node(next, this.lines[next]!.indent, depth + 1);
      } else if (this.isDash(contentAt, current.end)) {
        throw GIVE_UP; // a sequence written inline in a sequence
      } else if (this.key(contentAt, current.end) !== undefined) {
        read = this.map(line, contentAt - current.start, depth + 1);
      } else {
        read = this.scalarOrBlock(line, contentAt, column);
      }
      items.push(read.node);
      values.push(read.value);
      last = read;
      line = this.nextContent(read.next);
      if (line === this.lines.length || this.lines[line]!.indent < column) break;
      if (this.lines[line]!.indent > column) throw GIVE_UP;
      if (!this.isDash(this.lines[line]!.start + column, this.lines[line]!.end)) break;
    }
    return this.closed(start, last, line, column, { items }, values);
  }

  /** A finished collection: it ends where its last item's node ends, and its node after the comments it keeps. */
  private closed(
    start: number,
    last: Read | undefined,
    next: number,
    column: number,
    children: Pick<BlockNode, 'entries' | 'items'>,
    value: unknown,
  ): Read {
    if (last === undefined) throw GIVE_UP;
    const endLine = this.collectionEndLine(last, next, column);
    // Kept comments run up to the next data, the indentation of its line included.
    const nodeEnd =
      endLine === last.endLine
        ? last.node.nodeEnd
        : endLine < this.lines.length
          ? this.lines[endLine]!.start + this.lines[endLine]!.indent
          : this.lines[endLine - 1]!.next;
    return { node: { start, end: last.node.nodeEnd, nodeEnd, ...children }, value, next, endLine };
  }

  /** The value after a key's colon at `after` on line `index`, in a map at `column`. */
  private value(index: number, after: number, column: number, depth: number): Read {
    const line = this.lines[index]!;
    let at = after;
    while (at < line.end && this.text.charCodeAt(at) === 32) at += 1;
    if (at < line.end && this.text.charCodeAt(at) === 35) throw GIVE_UP; // an empty value with a comment
    if (at < line.end) return this.scalarOrBlock(index, at, column);
    const next = this.nextContent(index + 1);
    if (next === this.lines.length) throw GIVE_UP; // an empty value
    const nextLine = this.lines[next]!;
    if (nextLine.indent > column) return this.node(next, nextLine.indent, depth + 1);
    if (nextLine.indent === column && this.isDash(nextLine.start + column, nextLine.end)) return this.sequence(next, column, depth + 1);
    throw GIVE_UP; // an empty value
  }

  /** A scalar, `[]`, `{}` or a block scalar starting at `at` on line `index`, whose parent is at `column`. */
  private scalarOrBlock(index: number, at: number, column: number): Read {
    const line = this.lines[index]!;
    const first = this.text.charCodeAt(at);
    if (first === 124 || first === 62) return this.blockScalar(index, at, column);
    let value: unknown;
    let valueEnd: number;
    if (first === 34 || first === 39) {
      const quoted = this.quoted(at, line.end);
      if (quoted === undefined) throw GIVE_UP;
      value = quoted.value;
      valueEnd = quoted.end;
      const rest = this.text.slice(valueEnd, line.end);
      if (rest.trim() !== '' && !/^[ \t]+#/.test(rest)) throw GIVE_UP;
    } else {
      let raw = this.text.slice(at, line.end);
      const comment = /[ \t]#/.exec(raw);
      if (comment !== null) raw = raw.slice(0, comment.index);
      raw = raw.replace(/[ \t]+$/, '');
      if (raw === '' || raw.charCodeAt(0) === 9) throw GIVE_UP;
      if (raw === '[]' || raw === '[ ]') value = [];
      else if (raw === '{}' || raw === '{ }') value = {};
      else if (!isPlainScalar(raw)) throw GIVE_UP;
      else value = resolvePlain(raw);
      valueEnd = at + raw.length;
    }
    const next = this.nextContent(index + 1);
    // A more indented line after a scalar continues it (or is an error): the YAML library decides.
    if (next < this.lines.length && this.lines[next]!.indent > column) throw GIVE_UP;
    const endLine = this.scalarEndLine(index, column);
    return { node: { start: at, end: valueEnd, nodeEnd: this.lines[endLine - 1]!.next }, value, next: index + 1, endLine };
  }

  private blockScalar(index: number, at: number, column: number): Read {
    const line = this.lines[index]!;
    const header = this.text.slice(at, line.end).replace(/ +$/, '');
    if (header !== '|' && header !== '|-' && header !== '>' && header !== '>-') throw GIVE_UP;
    const folded = header[0] === '>';
    const strip = header.endsWith('-');
    let indent = -1;
    let last = index; // the last line with content
    let next = index + 1;
    const parts: string[] = [];
    for (; next < this.lines.length; next += 1) {
      const current = this.lines[next]!;
      if (current.indent === -1) {
        // Spaces beyond the content indent are content, even on an otherwise blank line.
        const width = current.end - current.start;
        if (indent === -1 ? width > 0 : width > indent) throw GIVE_UP;
        parts.push('');
        continue;
      }
      // A tab after the indentation is content; a tab inside the indentation is for the YAML library to judge.
      if (current.indent === -2 && (indent === -1 || current.spaces < indent)) throw GIVE_UP;
      const lineIndent = current.spaces;
      if (indent === -1) {
        if (lineIndent <= column) break;
        indent = lineIndent;
      } else if (lineIndent < indent) {
        break;
      }
      if (folded && (lineIndent > indent || current.indent === -2)) throw GIVE_UP; // more-indented lines keep their breaks when folded
      parts.push(this.text.slice(current.start + indent, current.end));
      last = next;
    }
    if (indent === -1) throw GIVE_UP; // an empty block scalar
    const content = parts.slice(0, parts.length - (next - 1 - last));
    let value = folded ? fold(content) : content.join('\n');
    if (!strip) value += '\n';
    // Where the library puts a comment deeper than the parent after a block scalar is not worth modelling.
    if (this.scalarEndLine(last, column) !== last + 1) throw GIVE_UP;
    const end = this.lines[last]!.next;
    return { node: { start: at, end, nodeEnd: end }, value, next: last + 1, endLine: last + 1 };
  }

  /** A key (plain or quoted) followed by a colon and a space or the line end; undefined when there is none. */
  private key(at: number, end: number): Key | undefined {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first === 34 || first === 39) {
      const quoted = this.quoted(at, end);
      if (quoted === undefined || text.charCodeAt(quoted.end) !== 58) return undefined;
      const after = quoted.end + 1;
      if (after < end && text.charCodeAt(after) !== 32) return undefined;
      return { start: at, end: quoted.end, name: quoted.value, after };
    }
    let colon = text.indexOf(':', at);
    while (colon !== -1 && colon < end && colon + 1 < end && text.charCodeAt(colon + 1) !== 32) colon = text.indexOf(':', colon + 1);
    if (colon === -1 || colon >= end) return undefined;
    const raw = text.slice(at, colon).replace(/[ \t]+$/, '');
    if (raw === '' || !isPlainScalar(raw) || raw.startsWith('---') || raw.startsWith('...')) return undefined;
    const resolved = resolvePlain(raw);
    return { start: at, end: at + raw.length, name: resolved === null ? '' : String(resolved), after: colon + 1 };
  }

  /** A quoted scalar on one line: its value and the offset after the closing quote; undefined when not simple. */
  private quoted(at: number, end: number): { value: string; end: number } | undefined {
    const text = this.text;
    if (text.charCodeAt(at) === 39) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const close = text.indexOf("'", from);
        if (close === -1 || close >= end) return undefined;
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) === 39) {
          value += "'";
          from = close + 2;
          continue;
        }
        return { value, end: close + 1 };
      }
    }
    let close = at + 1;
    for (; close < end; close += 1) {
      const code = text.charCodeAt(close);
      if (code === 92) close += 1;
      else if (code === 34) break;
    }
    if (close >= end) return undefined;
    const body = text.slice(at, close + 1);
    // JSON's escapes are a subset of YAML's; the others (\e, \x, \N, ...) and raw tabs are left to the YAML library.
    if (/\\[^"\\/bfnrtu]|\t/.test(body)) return undefined;
    try {
      return { value: JSON.parse(body) as string, end: close + 1 };
    } catch {
      return undefined;
    }
  }
}

/** Folds block-scalar lines as YAML does when no line is more indented: a single break joins, blank lines stay. */
function fold(lines: readonly string[]): string {
  let out = '';
  let pendingBreaks = 0;
  let started = false;
  for (const line of lines) {
    if (line === '') {
      pendingBreaks += 1;
      continue;
    }
    if (started) out += pendingBreaks === 0 ? ' ' : '\n'.repeat(pendingBreaks);
    else out += '\n'.repeat(pendingBreaks);
    pendingBreaks = 0;
    out += line;
    started = true;
  }
  return out;
}

/**
 * A plain scalar the reader accepts: no indicator at the start, no `: ` or ` #` inside, no trailing colon.
 * Stricter than YAML: what it refuses goes to the YAML library.
 */
function isPlainScalar(raw: string): boolean {
  const first = raw.charCodeAt(0);
  // - ? : , [ ] { } # & * ! | > ' " % @ `
  if ('-?:,[]{}#&*!|>\'"%@`'.includes(raw[0]!)) {
    const second = raw.charCodeAt(1);
    if (!((first === 45 || first === 63 || first === 58) && raw.length > 1 && second !== 32 && second !== 9)) return false;
  }
  return !/:[ \t]|[ \t]#|:$/.test(raw);
}

/** The core schema's reading of a plain scalar, as the YAML library gives it. */
export function resolvePlain(raw: string): unknown {
  if (!SPECIAL_PLAIN.test(raw)) return raw;
  if (/^(?:~|[Nn]ull|NULL)$/.test(raw)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(raw)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(raw)) return false;
  if (/^0o[0-7]+$/.test(raw)) return parseInt(raw.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(raw)) return parseInt(raw, 10);
  if (/^0x[0-9a-fA-F]+$/.test(raw)) return parseInt(raw.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(raw)) return raw[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^\.(?:nan|NaN|NAN)$/.test(raw)) return Number.NaN;
  return parseFloat(raw);
}

/** Every plain scalar the core schema reads as something other than a string. */
const SPECIAL_PLAIN =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/**
 * The range of the deepest node on `path` (a missing key stops at its map); with `wantKey`, the last segment's key.
 * One map lookup per segment, so locating every issue of a large file stays linear.
 */
export function locateInBlock(root: BlockNode, path: readonly (string | number)[], wantKey: boolean): readonly [number, number] {
  let node = root;
  let best: readonly [number, number] = [root.start, root.end];
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index]!;
    if (node.entries !== undefined) {
      const entry = node.entries.get(String(segment));
      if (entry === undefined) return best;
      if (wantKey && index === path.length - 1) return [entry.keyStart, entry.keyEnd];
      node = entry.node;
    } else if (node.items !== undefined && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return best;
      node = item;
    } else {
      return best;
    }
    best = [node.start, node.end];
  }
  return best;
}
