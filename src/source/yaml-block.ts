/**
 * A linear-time reader for the plain block YAML that data files are written in: block maps and sequences, plain,
 * quoted and block scalars, flow collections written on one line (`{ codes: ["1.003984"] }`), anchors on map values
 * and aliases standing alone (`legalBasis: &d118 ...`, then `legalBasis: *d118`), comments. It gives the value the
 * YAML library's core schema gives and the same source ranges, about twenty times faster. Anything outside that subset
 * (anchors elsewhere, aliases inside flow collections or anchored nodes, tags, flow collections over several lines,
 * multi-line plain or quoted scalars, empty values, tabs in indentation, a CR not followed by LF) makes it give up, and
 * the caller reads the file with the YAML library instead; it never guesses.
 * Browser-safe.
 */

declare const OPAQUE: unique symbol;

/** Where one file's nodes and keys are, for {@link locateInBlock}; its layout is this module's business. */
export interface BlockPositions {
  readonly [OPAQUE]: never;
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
  readonly root: BlockPositions;
  readonly repeatedKeys: readonly KeyAt[];
  /** Keys that would reach an object's prototype (`__proto__` and the like): left out of `value`. */
  readonly forbiddenKeys: readonly KeyAt[];
}

/**
 * What a read leaves behind for placing issues. Every read file keeps it as long as its issues may need placing, so it
 * is flat arrays, about 30 bytes a node, where an object a node and a Map a map cost some 160.
 */
interface Positions {
  /**
   * NODE_FIELDS numbers a node: its START and END (the YAML library's `range[0]` and `range[1]`), then its children:
   * COUNT > 0 entries of a map from entry FIRST, -COUNT items of a sequence from item FIRST, or none (a scalar, `[]`,
   * `{}`, or a map whose every key was forbidden).
   */
  readonly nodes: Int32Array;
  readonly root: number;
  /** ENTRY_FIELDS numbers an entry of a map: its KEY_START and KEY_END, the node of its VALUE, and its NAME. */
  readonly entries: Int32Array;
  /** The keys as the schema reads them, each distinct one once, by NAME. */
  readonly names: readonly string[];
  /** Each sequence item's node. */
  readonly items: Int32Array;
  /** A cache, not data: key indexes of the large maps searched so far, by node, so unsearched maps cost nothing. */
  readonly indexes: Map<number, ReadonlyMap<string, number>>;
}

const NODE_FIELDS = 4;
const START = 0;
const END = 1;
const FIRST = 2;
const COUNT = 3;
const ENTRY_FIELDS = 4;
const KEY_START = 0;
const KEY_END = 1;
const VALUE = 2;
const NAME = 3;

/** Maps with more keys than this are searched through an index rather than scanned. */
const SCAN_LIMIT = 32;

/** The text's lines, one number a line in each array: a large file has a hundred thousand of them. */
interface Lines {
  readonly count: number;
  /** Offset of the first character of the line. */
  readonly start: Int32Array;
  /** Offset of the line break (or the end of the text). */
  readonly end: Int32Array;
  /** Leading spaces; -1 for a blank line, -2 when a tab follows the spaces. */
  readonly indent: Int32Array;
  /** Leading spaces, whatever follows them. */
  readonly spaces: Int32Array;
}

/** Raised inside the reader to give up; caught at the top, never escapes. */
const GIVE_UP: unique symbol = Symbol('give up');

/** Keys that would reach an object's prototype; refused by both readers. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads `text` when it is plain block YAML whose root is a map; `undefined` when it is not (the caller then uses the
 * YAML library, which reports what is wrong).
 */
export function readBlockYaml(text: string, maxDepth: number, maxAliases: number): BlockYaml | undefined {
  // CR LF line ends are read as LF; a CR anywhere else is for the YAML library to judge.
  if (text.length === 0 || text.charCodeAt(0) === 0xfeff || (text.includes('\r') && /\r(?!\n)/.test(text))) return undefined;
  const lines = splitLines(text);
  let first = 0;
  while (first < lines.count && (lines.indent[first] === -1 || text.charCodeAt(lines.start[first]! + lines.indent[first]!) === 35)) first += 1;
  if (first === lines.count || lines.indent[first] !== 0) return undefined;
  const reader = new Reader(text, lines, maxDepth, maxAliases);
  try {
    const result = reader.root(first);
    if (result === undefined || result.next !== lines.count) return undefined;
    const root = reader.positions(result.node) as unknown as BlockPositions;
    return { value: result.value as Record<string, unknown>, root, repeatedKeys: reader.repeated, forbiddenKeys: reader.forbidden };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

function splitLines(text: string): Lines {
  let count = text.charCodeAt(text.length - 1) === 10 ? 0 : 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  const lines = { count, start: new Int32Array(count), end: new Int32Array(count), indent: new Int32Array(count), spaces: new Int32Array(count) };
  let start = 0;
  for (let line = 0; line < count; line += 1) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    else if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
    let spaces = 0;
    while (start + spaces < end && text.charCodeAt(start + spaces) === 32) spaces += 1;
    lines.start[line] = start;
    lines.end[line] = end;
    lines.indent[line] = start + spaces === end ? -1 : text.charCodeAt(start + spaces) === 9 ? -2 : spaces;
    lines.spaces[line] = spaces;
    start = text.indexOf('\n', end) + 1 || text.length;
  }
  return lines;
}

/** `array`, or a copy of it twice as long when `length` numbers do not fit: appending stays amortised constant time. */
function room(array: Int32Array, length: number): Int32Array {
  if (length <= array.length) return array;
  const grown = new Int32Array(Math.max(length, array.length * 2));
  grown.set(array);
  return grown;
}

interface Read {
  /** The node's index in the positions. */
  readonly node: number;
  /** Where the node ends as the YAML library counts it (`range[2]`): where its collection ends when it comes last. */
  readonly nodeEnd: number;
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
  private readonly lineCount: number;
  private readonly lineStart: Int32Array;
  private readonly lineEnd: Int32Array;
  private readonly lineIndent: Int32Array;
  private readonly lineSpaces: Int32Array;

  // The positions, a node written when it is read to its end: a collection after its children, so its entries or
  // items, gathered in `open*` while it is read (a nested collection's above its parent's), land side by side.
  private nodes: Int32Array;
  private nodeCount = 0;
  private entries: Int32Array;
  private entryCount = 0;
  private items: Int32Array = new Int32Array(64);
  private itemCount = 0;
  private openEntries: Int32Array = new Int32Array(64 * ENTRY_FIELDS);
  private openEntryCount = 0;
  private openItems: Int32Array = new Int32Array(64);
  private openItemCount = 0;
  private readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  private readonly anchors = new Map<string, unknown>();
  private aliasCount = 0;

  constructor(
    private readonly text: string,
    lines: Lines,
    private readonly maxDepth: number,
    private readonly maxAliases: number,
  ) {
    this.lineCount = lines.count;
    this.lineStart = lines.start;
    this.lineEnd = lines.end;
    this.lineIndent = lines.indent;
    this.lineSpaces = lines.spaces;
    // Data files hold one or two nodes and about one key a line.
    this.nodes = new Int32Array((2 * lines.count + 1) * NODE_FIELDS);
    this.entries = new Int32Array((lines.count + 1) * ENTRY_FIELDS);
  }

  /** The root node, whose first line is `index`, when it is a map; undefined when it is a sequence. */
  root(index: number): Read | undefined {
    if (this.isDash(this.lineStart[index]!, this.lineEnd[index]!)) return undefined;
    return this.map(index, 0, 1);
  }

  /** What is left once the root is read: the positions, each array cut to its length. */
  positions(root: number): Positions {
    return Object.freeze({
      nodes: this.nodes.slice(0, this.nodeCount * NODE_FIELDS),
      root,
      entries: this.entries.slice(0, this.entryCount * ENTRY_FIELDS),
      names: this.names.slice(),
      items: this.items.slice(0, this.itemCount),
      indexes: new Map(),
    });
  }

  /** Offset after line `index`'s break (LF or CR LF): where the next line starts. */
  private lineNext(index: number): number {
    return index + 1 < this.lineStart.length ? this.lineStart[index + 1]! : this.text.length;
  }

  /** The node whose first line is `index`, content starting at column `column`. */
  private node(index: number, column: number, depth: number): Read {
    const at = this.lineStart[index]! + column;
    if (this.isDash(at, this.lineEnd[index]!)) return this.sequence(index, column, depth);
    return this.map(index, column, depth);
  }

  private isDash(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === 45 && (at + 1 === end || this.text.charCodeAt(at + 1) === 32);
  }

  /** The next line holding data (comments and blank lines skipped), or lineCount; a tab-indented line gives up. */
  private nextContent(index: number): number {
    let next = index;
    for (; next < this.lineCount; next += 1) {
      const indent = this.lineIndent[next]!;
      if (indent === -1) continue;
      if (indent === -2) throw GIVE_UP;
      if (this.text.charCodeAt(this.lineStart[next]! + indent) !== 35) break;
    }
    return next;
  }

  /**
   * Where a scalar's node ends, as the YAML library counts it: the line index after its line and after the comment
   * lines that follow it indented deeper than its collection (the library keeps those with the scalar).
   */
  private scalarEndLine(index: number, column: number): number {
    let endLine = index + 1;
    for (let next = index + 1; next < this.lineCount; next += 1) {
      const indent = this.lineIndent[next]!;
      if (indent === -1) continue;
      if (indent === -2) throw GIVE_UP;
      if (this.text.charCodeAt(this.lineStart[next]! + indent) !== 35 || indent <= column) break;
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
      if (this.lineIndent[index]! >= column) return next;
    }
    return lastItem.endLine;
  }

  /** Writes a node; its children, if any, are `count` entries or `-count` items from `first`. */
  private addNode(start: number, end: number, first: number, count: number): number {
    const at = this.nodeCount * NODE_FIELDS;
    const nodes = (this.nodes = room(this.nodes, at + NODE_FIELDS));
    nodes[at + START] = start;
    nodes[at + END] = end;
    nodes[at + FIRST] = first;
    nodes[at + COUNT] = count;
    return this.nodeCount++;
  }

  private openEntry(key: Key, name: number, node: number): void {
    const at = this.openEntryCount * ENTRY_FIELDS;
    const open = (this.openEntries = room(this.openEntries, at + ENTRY_FIELDS));
    open[at + KEY_START] = key.start;
    open[at + KEY_END] = key.end;
    open[at + VALUE] = node;
    open[at + NAME] = name;
    this.openEntryCount += 1;
  }

  /** Moves a closing map's entries, gathered from `base`, to the positions; the index of the first there. */
  private closeEntries(base: number): number {
    const first = this.entryCount;
    const count = this.openEntryCount - base;
    this.entries = room(this.entries, (first + count) * ENTRY_FIELDS);
    // A loop rather than `set(subarray(...))`: most maps have a few entries, and a subarray is an object to allocate.
    for (let open = base * ENTRY_FIELDS, to = first * ENTRY_FIELDS; open < this.openEntryCount * ENTRY_FIELDS; open += 1, to += 1) {
      this.entries[to] = this.openEntries[open]!;
    }
    this.entryCount += count;
    this.openEntryCount = base;
    return first;
  }

  private openItem(node: number): void {
    this.openItems = room(this.openItems, this.openItemCount + 1);
    this.openItems[this.openItemCount] = node;
    this.openItemCount += 1;
  }

  /** Moves a closing sequence's items, gathered from `base`, to the positions; the index of the first there. */
  private closeItems(base: number): number {
    const first = this.itemCount;
    const count = this.openItemCount - base;
    this.items = room(this.items, first + count);
    for (let open = base, to = first; open < this.openItemCount; open += 1, to += 1) this.items[to] = this.openItems[open]!;
    this.itemCount += count;
    this.openItemCount = base;
    return first;
  }

  /** The open entry from `base` whose key is `name` (there is one): scanned, or looked up in `index` when given. */
  private openEntryNamed(base: number, name: number, index: ReadonlyMap<number, number> | undefined): number {
    if (index !== undefined) return index.get(name)!;
    let open = base;
    while (this.openEntries[open * ENTRY_FIELDS + NAME] !== name) open += 1;
    return open;
  }

  /** The NAME of a key, for the entries that have it; -1 for a forbidden key, never kept. */
  private keyName(name: string): number {
    const known = this.nameIds.get(name);
    if (known !== undefined) return known;
    if (FORBIDDEN_KEYS.has(name)) return -1;
    this.nameIds.set(name, this.names.length);
    this.names.push(name);
    return this.names.length - 1;
  }

  private map(index: number, column: number, depth: number): Read {
    if (depth > this.maxDepth) throw GIVE_UP;
    const value: Record<string, unknown> = {};
    const base = this.openEntryCount;
    // Built at a large map's first repeated key, so that finding where each repeated key was first read stays linear.
    let firstByName: Map<number, number> | undefined;
    const start = this.lineStart[index]! + column;
    let line = index;
    let last: Read | undefined;
    for (;;) {
      const lineStart = this.lineStart[line]!;
      const key = this.key(lineStart + (line === index ? column : this.lineIndent[line]!), this.lineEnd[line]!);
      if (key === undefined) throw GIVE_UP;
      const nodeCount = this.nodeCount;
      const entryCount = this.entryCount;
      const itemCount = this.itemCount;
      const read = this.value(line, key.after, column, depth);
      const name = this.keyName(key.name);
      if (name !== -1 && !Object.hasOwn(value, this.names[name]!)) {
        firstByName?.set(name, this.openEntryCount);
        this.openEntry(key, name, read.node);
        value[this.names[name]!] = read.value;
      } else {
        // Only the first of repeated keys is kept, as in `value`: the value just read, written last, is taken back.
        this.nodeCount = nodeCount;
        this.entryCount = entryCount;
        this.itemCount = itemCount;
        if (name === -1) this.forbidden.push({ key: key.name, start: key.start, end: key.end });
        else {
          if (firstByName === undefined && this.openEntryCount - base > SCAN_LIMIT) {
            firstByName = new Map();
            for (let open = base; open < this.openEntryCount; open += 1) firstByName.set(this.openEntries[open * ENTRY_FIELDS + NAME]!, open);
          }
          const first = this.openEntryNamed(base, name, firstByName) * ENTRY_FIELDS;
          const at = { start: this.openEntries[first + KEY_START]!, end: this.openEntries[first + KEY_END]! };
          this.repeated.push({ key: this.names[name]!, start: key.start, end: key.end, first: at });
        }
      }
      last = read;
      line = this.nextContent(read.next);
      if (line === this.lineCount || this.lineIndent[line]! < column) break;
      if (this.lineIndent[line]! > column) throw GIVE_UP;
    }
    const count = this.openEntryCount - base;
    return this.closed(start, last, line, column, this.closeEntries(base), count, value);
  }

  private sequence(index: number, column: number, depth: number): Read {
    if (depth > this.maxDepth) throw GIVE_UP;
    const values: unknown[] = [];
    const base = this.openItemCount;
    const start = this.lineStart[index]! + column;
    let line = index;
    let last: Read | undefined;
    for (;;) {
      const lineStart = this.lineStart[line]!;
      const lineEnd = this.lineEnd[line]!;
      const dash = lineStart + (line === index ? column : this.lineIndent[line]!);
      if (!this.isDash(dash, lineEnd)) break;
      let contentAt = dash + 1;
      while (contentAt < lineEnd && this.text.charCodeAt(contentAt) === 32) contentAt += 1;
      // A tab after the dash may be indentation to the YAML library (`- \ta: b` is an error there).
      if (this.text.charCodeAt(contentAt) === 9) throw GIVE_UP;
      let read: Read;
      if (contentAt === lineEnd) {
        const next = this.nextContent(line + 1);
        if (next === this.lineCount || this.lineIndent[next]! <= column) throw GIVE_UP; // an empty item
        read = this.node(next, this.lineIndent[next]!, depth + 1);
      } else if (this.isDash(contentAt, lineEnd)) {
        throw GIVE_UP; // a sequence written inline in a sequence
      } else if (this.key(contentAt, lineEnd) !== undefined) {
        read = this.map(line, contentAt - lineStart, depth + 1);
      } else {
        read = this.scalarOrBlock(line, contentAt, column, depth + 1);
      }
      this.openItem(read.node);
      values.push(read.value);
      last = read;
      line = this.nextContent(read.next);
      if (line === this.lineCount || this.lineIndent[line]! < column) break;
      if (this.lineIndent[line]! > column) throw GIVE_UP;
      if (!this.isDash(this.lineStart[line]! + column, this.lineEnd[line]!)) break;
    }
    const count = this.openItemCount - base;
    return this.closed(start, last, line, column, this.closeItems(base), -count, values);
  }

  /** A finished collection: it ends where its last item's node ends, and its node after the comments it keeps. */
  private closed(start: number, last: Read | undefined, next: number, column: number, first: number, count: number, value: unknown): Read {
    if (last === undefined) throw GIVE_UP;
    const endLine = this.collectionEndLine(last, next, column);
    // Kept comments run up to the next data, the indentation of its line included.
    const nodeEnd =
      endLine === last.endLine
        ? last.nodeEnd
        : endLine < this.lineCount
          ? this.lineStart[endLine]! + this.lineIndent[endLine]!
          : this.lineNext(endLine - 1);
    return { node: this.addNode(start, last.nodeEnd, first, count), nodeEnd, value, next, endLine };
  }

  /**
   * The value after a key's colon at `after` on line `index`, in a map at `column`. An anchor (`&name`) may come
   * first; its node is read as if the anchor were not there, which is where the YAML library puts the node's range.
   */
  private value(index: number, after: number, column: number, depth: number): Read {
    const end = this.lineEnd[index]!;
    const at = this.skipSpaces(after, end);
    if (at === end || this.text.charCodeAt(at) !== 38) return this.unanchoredValue(index, at, column, depth);
    const nameEnd = this.anchorNameEnd(at + 1, end);
    const name = this.text.slice(at + 1, nameEnd);
    // An anchor followed by a comment, defined twice, or whose node holds an alias, is for the YAML library.
    if (nameEnd < end && this.text.charCodeAt(nameEnd) !== 32) throw GIVE_UP;
    const valueAt = this.skipSpaces(nameEnd, end);
    if (valueAt < end && this.text.charCodeAt(valueAt) === 35) throw GIVE_UP;
    if (this.anchors.has(name)) throw GIVE_UP;
    const aliasesBefore = this.aliasCount;
    const read = this.unanchoredValue(index, valueAt, column, depth);
    // The same name anchored again inside the node: an alias after it means the inner one, as the library reads it.
    if (this.aliasCount !== aliasesBefore || this.anchors.has(name)) throw GIVE_UP;
    this.anchors.set(name, read.value);
    return read;
  }

  /** Where an anchor or alias name starting at `at` ends: letters, digits, `_`, `-` and `.`; none gives up. */
  private anchorNameEnd(at: number, end: number): number {
    let position = at;
    while (position < end && /[A-Za-z0-9_.-]/.test(this.text[position]!)) position += 1;
    if (position === at) throw GIVE_UP;
    return position;
  }

  /**
   * An alias (`*name`) at `at`, alone on its line but for a comment: the value of its anchor, shared as the YAML
   * library shares it, and a node without children at the alias, where the library's paths through it stop.
   */
  private alias(index: number, at: number, column: number): Read {
    const end = this.lineEnd[index]!;
    const nameEnd = this.anchorNameEnd(at + 1, end);
    const rest = this.text.slice(nameEnd, end);
    if (rest.trim() !== '' && !/^[ \t]+#/.test(rest)) throw GIVE_UP;
    const name = this.text.slice(at + 1, nameEnd);
    if (!this.anchors.has(name)) throw GIVE_UP;
    this.aliasCount += 1;
    // The library refuses an anchor used more often than its alias budget; the count here is of all aliases.
    if (this.maxAliases >= 0 && this.aliasCount > this.maxAliases) throw GIVE_UP;
    const next = this.nextContent(index + 1);
    if (next < this.lineCount && this.lineIndent[next]! > column) throw GIVE_UP;
    const endLine = this.scalarEndLine(index, column);
    return { node: this.addNode(at, nameEnd, 0, 0), nodeEnd: this.lineNext(endLine - 1), value: this.anchors.get(name), next: index + 1, endLine };
  }

  private unanchoredValue(index: number, at: number, column: number, depth: number): Read {
    const end = this.lineEnd[index]!;
    if (at < end && this.text.charCodeAt(at) === 35) throw GIVE_UP; // an empty value with a comment
    if (at < end) return this.scalarOrBlock(index, at, column, depth + 1);
    const next = this.nextContent(index + 1);
    if (next === this.lineCount) throw GIVE_UP; // an empty value
    const nextIndent = this.lineIndent[next]!;
    if (nextIndent > column) return this.node(next, nextIndent, depth + 1);
    if (nextIndent === column && this.isDash(this.lineStart[next]! + column, this.lineEnd[next]!)) return this.sequence(next, column, depth + 1);
    throw GIVE_UP; // an empty value
  }

  /**
   * A scalar, a flow collection on one line or a block scalar starting at `at` on line `index`, whose parent is at
   * `column`; a flow collection is at `depth`.
   */
  private scalarOrBlock(index: number, at: number, column: number, depth: number): Read {
    const end = this.lineEnd[index]!;
    const first = this.text.charCodeAt(at);
    if (first === 124 || first === 62) return this.blockScalar(index, at, column);
    if (first === 42) return this.alias(index, at, column);
    let value: unknown;
    let valueEnd: number;
    let node: number | undefined;
    if (first === 91 || first === 123) {
      const flow = this.flow(at, end, depth);
      value = flow.value;
      valueEnd = flow.end;
      node = flow.node;
      const rest = this.text.slice(valueEnd, end);
      if (rest.trim() !== '' && !/^[ \t]+#/.test(rest)) throw GIVE_UP;
    } else if (first === 34 || first === 39) {
      const quoted = this.quoted(at, end);
      if (quoted === undefined) throw GIVE_UP;
      value = detach(quoted.value);
      valueEnd = quoted.end;
      const rest = this.text.slice(valueEnd, end);
      if (rest.trim() !== '' && !/^[ \t]+#/.test(rest)) throw GIVE_UP;
    } else {
      const text = this.text;
      // The scalar runs to a comment (a `#` after a space or tab) or the line end, less trailing spaces and tabs.
      let stop = end;
      for (let blank = at; blank + 1 < end; blank += 1) {
        const code = text.charCodeAt(blank);
        if ((code === 32 || code === 9) && text.charCodeAt(blank + 1) === 35) {
          stop = blank;
          break;
        }
      }
      const raw = text.slice(at, trimEnd(text, at, stop));
      if (raw === '' || raw.charCodeAt(0) === 9 || !isPlainScalar(raw)) throw GIVE_UP;
      value = detach(resolvePlain(raw));
      valueEnd = at + raw.length;
    }
    const next = this.nextContent(index + 1);
    // A more indented line after a scalar continues it (or is an error): the YAML library decides.
    if (next < this.lineCount && this.lineIndent[next]! > column) throw GIVE_UP;
    const endLine = this.scalarEndLine(index, column);
    return { node: node ?? this.addNode(at, valueEnd, 0, 0), nodeEnd: this.lineNext(endLine - 1), value, next: index + 1, endLine };
  }

  /**
   * A flow collection opening at `at` and closing before `end`, the end of its line: `[a, "b"]`, `{ k: v, l: [x] }`.
   * Its items are plain or quoted scalars and flow collections. A collection over several lines, a trailing comma, an
   * empty or implicit entry, a repeated key, a tab, a comment or a colon inside a plain scalar gives up.
   */
  private flow(at: number, end: number, depth: number): { node: number; value: unknown; end: number } {
    if (depth > this.maxDepth) throw GIVE_UP;
    const text = this.text;
    const isMap = text.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    const values: unknown[] = [];
    const map: Record<string, unknown> = {};
    const base = isMap ? this.openEntryCount : this.openItemCount;
    let position = this.skipSpaces(at + 1, end);
    if (text.charCodeAt(position) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowItem(position, end, depth + 1, true);
          if (key.isCollection || key.name === undefined) throw GIVE_UP;
          position = key.end;
          if (text.charCodeAt(position) !== 58 || text.charCodeAt(position + 1) !== 32) throw GIVE_UP;
          const name = this.keyName(key.name);
          if (name === -1 || Object.hasOwn(map, this.names[name]!)) throw GIVE_UP;
          const item = this.flowItem(this.skipSpaces(position + 1, end), end, depth + 1, false);
          this.openEntry({ start: key.start, end: key.end, name: key.name, after: position + 1 }, name, item.node);
          map[this.names[name]!] = item.value;
          position = item.end;
        } else {
          const item = this.flowItem(position, end, depth + 1, false);
          this.openItem(item.node);
          values.push(item.value);
          position = item.end;
        }
        position = this.skipSpaces(position, end);
        const code = text.charCodeAt(position);
        if (code === close) break;
        if (code !== 44) throw GIVE_UP;
        position = this.skipSpaces(position + 1, end);
        if (text.charCodeAt(position) === close || text.charCodeAt(position) === 44) throw GIVE_UP;
      }
    }
    if (position >= end) throw GIVE_UP;
    const count = isMap ? this.openEntryCount - base : this.openItemCount - base;
    const first = isMap ? this.closeEntries(base) : this.closeItems(base);
    const node = this.addNode(at, position + 1, count === 0 ? 0 : first, isMap ? count : -count);
    return { node, value: isMap ? map : values, end: position + 1 };
  }

  /** One item of a flow collection at `at`: a nested collection, a quoted or a plain scalar; a key when `asKey`. */
  private flowItem(at: number, end: number, depth: number, asKey: boolean): { node: number; value: unknown; start: number; end: number; name?: string; isCollection: boolean } {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (at >= end) throw GIVE_UP;
    if (first === 91 || first === 123) {
      const flow = this.flow(at, end, depth);
      return { node: flow.node, value: flow.value, start: at, end: flow.end, isCollection: true };
    }
    if (first === 34 || first === 39) {
      const quoted = this.quoted(at, end);
      if (quoted === undefined) throw GIVE_UP;
      return { node: this.addNode(at, quoted.end, 0, 0), value: detach(quoted.value), start: at, end: quoted.end, name: quoted.value, isCollection: false };
    }
    let stop = at;
    for (; stop < end; stop += 1) {
      const code = text.charCodeAt(stop);
      if (code === 44 || code === 91 || code === 93 || code === 123 || code === 125) break;
      if (code === 58) {
        if (!asKey || text.charCodeAt(stop + 1) !== 32) throw GIVE_UP;
        break;
      }
      if (code === 9 || (code === 35 && text.charCodeAt(stop - 1) === 32)) throw GIVE_UP;
    }
    const raw = text.slice(at, trimEnd(text, at, stop));
    if (raw === '' || !isPlainScalar(raw) || (asKey && (raw.startsWith('---') || raw.startsWith('...')))) throw GIVE_UP;
    const value = detach(resolvePlain(raw));
    return { node: this.addNode(at, at + raw.length, 0, 0), value, start: at, end: at + raw.length, name: schemaKey(value), isCollection: false };
  }

  /** The first offset from `at` that is not a space, at most `end`. */
  private skipSpaces(at: number, end: number): number {
    let position = at;
    while (position < end && this.text.charCodeAt(position) === 32) position += 1;
    return position;
  }

  private blockScalar(index: number, at: number, column: number): Read {
    const header = this.text.slice(at, this.lineEnd[index]!).replace(/ +$/, '');
    if (header !== '|' && header !== '|-' && header !== '>' && header !== '>-') throw GIVE_UP;
    const folded = header[0] === '>';
    const strip = header.endsWith('-');
    let indent = -1;
    let last = index; // the last line with content
    let next = index + 1;
    const parts: string[] = [];
    for (; next < this.lineCount; next += 1) {
      const lineStart = this.lineStart[next]!;
      const lineEnd = this.lineEnd[next]!;
      const lineIndent = this.lineSpaces[next]!;
      const tabbed = this.lineIndent[next] === -2;
      if (this.lineIndent[next] === -1) {
        // Spaces beyond the content indent are content, even on an otherwise blank line.
        const width = lineEnd - lineStart;
        if (indent === -1 ? width > 0 : width > indent) throw GIVE_UP;
        parts.push('');
        continue;
      }
      // A tab after the indentation is content; a tab inside the indentation is for the YAML library to judge.
      if (tabbed && (indent === -1 || lineIndent < indent)) throw GIVE_UP;
      if (indent === -1) {
        if (lineIndent <= column) break;
        indent = lineIndent;
      } else if (lineIndent < indent) {
        break;
      }
      if (folded && tabbed) throw GIVE_UP; // a tab after the indentation makes a folded line "spaced": for the YAML library
      parts.push(this.text.slice(lineStart + indent, lineEnd));
      last = next;
    }
    if (indent === -1) throw GIVE_UP; // an empty block scalar
    const content = parts.slice(0, parts.length - (next - 1 - last));
    let value = folded ? fold(content) : content.join('\n');
    if (!strip) value += '\n';
    value = detach(value);
    // Where the library puts a comment deeper than the parent after a block scalar is not worth modelling.
    if (this.scalarEndLine(last, column) !== last + 1) throw GIVE_UP;
    const end = this.lineNext(last);
    return { node: this.addNode(at, end, 0, 0), nodeEnd: end, value, next: last + 1, endLine: last + 1 };
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
    // Sought within the line: `indexOf` would run on through the lines after it, and a long list of scalars without
    // colons would take quadratic time.
    let colon = at;
    while (colon < end && !(text.charCodeAt(colon) === 58 && (colon + 1 === end || text.charCodeAt(colon + 1) === 32))) colon += 1;
    if (colon === end) return undefined;
    const raw = text.slice(at, trimEnd(text, at, colon));
    if (raw === '' || !isPlainScalar(raw) || raw.startsWith('---') || raw.startsWith('...')) return undefined;
    const resolved = resolvePlain(raw);
    return { start: at, end: at + raw.length, name: schemaKey(resolved), after: colon + 1 };
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
    let verbatim = true; // no escape and no control character: the value is the text between the quotes
    for (; close < end; close += 1) {
      const code = text.charCodeAt(close);
      if (code === 92) {
        close += 1;
        verbatim = false;
      } else if (code === 34) break;
      else if (code < 32) verbatim = false;
    }
    if (close >= end) return undefined;
    if (verbatim) return { value: text.slice(at + 1, close), end: close + 1 };
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

/**
 * A string value that does not keep the file's text alive: V8 makes a long `slice` a view of its parent, so without
 * this every value read would hold the whole text of its file for as long as the catalogue lives.
 */
function detach<T>(value: T): T {
  if (typeof value !== 'string' || value.length < 13) return value;
  return (value + ' ').slice(0, -1) as T;
}

/** Where the text from `start` to `end` ends without its trailing spaces and tabs. */
function trimEnd(text: string, start: number, end: number): number {
  let stop = end;
  while (stop > start && (text.charCodeAt(stop - 1) === 32 || text.charCodeAt(stop - 1) === 9)) stop -= 1;
  return stop;
}

/**
 * Folds block-scalar lines as YAML does: a single break between two lines joins them with a space, blank lines stay,
 * and a more-indented line (one that starts with a space here) keeps the breaks on both its sides.
 */
function fold(lines: readonly string[]): string {
  let out = '';
  let pendingBreaks = 0;
  let started = false;
  let previousSpaced = false;
  for (const line of lines) {
    if (line === '') {
      pendingBreaks += 1;
      continue;
    }
    const spaced = line.charCodeAt(0) === 32;
    if (!started) out += '\n'.repeat(pendingBreaks);
    else if (spaced || previousSpaced) out += '\n'.repeat(pendingBreaks + 1);
    else out += pendingBreaks === 0 ? ' ' : '\n'.repeat(pendingBreaks);
    pendingBreaks = 0;
    out += line;
    started = true;
    previousSpaced = spaced;
  }
  return out;
}

/**
 * A plain scalar the reader accepts: no indicator at the start, no `: ` or ` #` inside, no trailing colon.
 * Stricter than YAML: what it refuses goes to the YAML library.
 */
function isPlainScalar(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first < 128 && INDICATOR[first] === 1) {
    const second = raw.charCodeAt(1);
    if (!((first === 45 || first === 63 || first === 58) && raw.length > 1 && second !== 32 && second !== 9)) return false;
  }
  return !/:[ \t]|[ \t]#|:$/.test(raw);
}

/** The characters that cannot begin a plain scalar, or only when a non-blank follows (`-`, `?`, `:`). */
const INDICATOR = new Uint8Array(128);
for (const indicator of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[indicator.charCodeAt(0)] = 1;

/** The core schema's reading of a plain scalar, as the YAML library gives it. */
export function resolvePlain(raw: string): unknown {
  if (!maybeSpecial(raw) || !SPECIAL_PLAIN.test(raw)) return raw;
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

/**
 * Whether a plain scalar could be one the core schema reads as other than a string, by its first character and
 * length: numbers begin with a digit, a sign or a dot (`.5`, `.inf`, `.nan`), and `~`, null, true and false are short.
 * Most scalars are words, and this spares them the regular expression.
 */
function maybeSpecial(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46) return true;
  return raw.length <= 5 && (first === 126 || first === 110 || first === 78 || first === 116 || first === 84 || first === 102 || first === 70);
}

/** Every plain scalar the core schema reads as something other than a string. */
const SPECIAL_PLAIN =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/**
 * The range of the deepest node on `path` (a missing key stops at its map); with `wantKey`, the last segment's key.
 * A key is found by scanning a small map and through an index in a large one, so locating every issue of a large file
 * stays linear.
 */
export function locateInBlock(root: BlockPositions, path: readonly (string | number)[], wantKey: boolean): readonly [number, number] {
  const positions = root as unknown as Positions;
  const { nodes, entries, items } = positions;
  let node = positions.root;
  let best: readonly [number, number] = [nodes[node * NODE_FIELDS + START]!, nodes[node * NODE_FIELDS + END]!];
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index]!;
    const first = nodes[node * NODE_FIELDS + FIRST]!;
    const count = nodes[node * NODE_FIELDS + COUNT]!;
    if (count > 0) {
      const entry = findEntry(positions, node, String(segment));
      if (entry === -1) return best;
      const at = entry * ENTRY_FIELDS;
      if (wantKey && index === path.length - 1) return [entries[at + KEY_START]!, entries[at + KEY_END]!];
      node = entries[at + VALUE]!;
    } else if (count < 0 && typeof segment === 'number' && Number.isInteger(segment) && segment >= 0 && segment < -count) {
      node = items[first + segment]!;
    } else {
      return best;
    }
    best = [nodes[node * NODE_FIELDS + START]!, nodes[node * NODE_FIELDS + END]!];
  }
  return best;
}

/** The entry of map `node` whose key is `name`, or -1; a large map's index is built the first time it is searched. */
function findEntry(positions: Positions, node: number, name: string): number {
  const { nodes, entries, names } = positions;
  const first = nodes[node * NODE_FIELDS + FIRST]!;
  const end = first + nodes[node * NODE_FIELDS + COUNT]!;
  if (end - first <= SCAN_LIMIT) {
    for (let entry = first; entry < end; entry += 1) if (names[entries[entry * ENTRY_FIELDS + NAME]!] === name) return entry;
    return -1;
  }
  let index = positions.indexes.get(node);
  if (index === undefined) {
    const built = new Map<string, number>();
    for (let entry = first; entry < end; entry += 1) built.set(names[entries[entry * ENTRY_FIELDS + NAME]!]!, entry);
    positions.indexes.set(node, built);
    index = built;
  }
  return index.get(name) ?? -1;
}

/** A map key as the schema reads it: the yaml library turns every key into a property name this way. */
export function schemaKey(value: unknown): string {
  return value === null ? '' : String(value);
}
