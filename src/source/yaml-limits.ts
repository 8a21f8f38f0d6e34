/**
 * Limits that protect the reader from hostile files. Each is checked before anything is built, in one pass over the
 * text, so a file is read or refused in well under a second whatever it holds.
 */
export interface YamlLimits {
  /** Largest accepted file, in UTF-16 code units of the decoded text (about bytes for ASCII). */
  readonly maxLength: number;
  /** Deepest accepted nesting of maps and sequences. */
  readonly maxDepth: number;
  /** Alias expansion budget handed to the YAML library (guards against alias bombs). */
  readonly maxAliasCount: number;
  /**
   * Most lines plus commas (a cheap upper bound on the keys and items) in a file written in plain block style, which
   * tthc reads in linear time. The largest shipped file has about 13 000.
   */
  readonly maxItems: number;
  /**
   * Most lines plus commas in a file that uses YAML beyond plain block style (anchors, aliases, tags, flow
   * collections with content, multi-line plain or quoted scalars, empty values, a CR not followed by LF): such a file goes to
   * the full YAML parser, which builds about 50 000 nodes a second.
   */
  readonly maxItemsFullYaml: number;
  /** Most anchors (`&name`) in a file. */
  readonly maxAnchors: number;
  /** Most aliases (`*name`) in a file. */
  readonly maxAliases: number;
  /** Most explicit tags (`!tag`, refused anyway) reported one by one; beyond them, the file is refused whole. */
  readonly maxTags: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = Object.freeze({
  maxLength: 4 * 1024 * 1024,
  maxDepth: 64,
  maxAliasCount: 100,
  maxItems: 100_000,
  maxItemsFullYaml: 10_000,
  maxAnchors: 1000,
  maxAliases: 1000,
  maxTags: 100,
});
