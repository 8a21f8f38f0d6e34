/**
 * The block-YAML reader against the YAML library, its reference: wherever the reader accepts a text, it must give the
 * value and every node and key range the library gives; on the shipped data it must accept every procedures file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { readBlockYaml } from '../src/source/yaml-block.js';
import type { BlockNode } from '../src/source/yaml-block.js';

const ROOT = join(import.meta.dirname, '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Every difference between the library's reading and the reader's, as `path: what` lines. */
function differences(text: string): string[] | undefined {
  const fast = readBlockYaml(text, 64);
  if (fast === undefined) return undefined;
  const document = parseDocument(text, { schema: 'core', uniqueKeys: false, merge: false, strict: true });
  if (document.errors.length > 0) return [`library errors: ${document.errors.map((error) => error.message).join('; ')}`];
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (node: YamlNode | null, mine: BlockNode, path: string): void => {
    const range = node?.range;
    if (range == null || range[0] !== mine.start || range[1] !== mine.end || range[2] !== mine.nodeEnd) {
      out.push(`${path}: range ${JSON.stringify(range)} vs [${mine.start},${mine.end},${mine.nodeEnd}]`);
    }
    if (isMap(node)) {
      for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
        const key = isScalar(pair.key) ? (pair.key.value === null ? '' : String(pair.key.value)) : '?';
        const keyPath = `${path}.${key}`;
        if (seen.has(keyPath)) continue; // a repeated key: the reader keeps the first
        seen.add(keyPath);
        const entry = mine.entries?.get(key);
        if (entry === undefined) {
          out.push(`${keyPath}: missing`);
          continue;
        }
        if (pair.key.range?.[0] !== entry.keyStart || pair.key.range?.[1] !== entry.keyEnd) out.push(`${keyPath}: key range`);
        walk(pair.value, entry.node, keyPath);
      }
    } else if (isSeq(node)) {
      (node.items as YamlNode[]).forEach((item, index) => walk(item, mine.items![index]!, `${path}[${index}]`));
    }
  };
  walk(document.contents as YamlNode, fast.root, '$');
  const reference = document.toJS() as unknown;
  if (fast.repeatedKeys.length === 0 && !isDeepStrictEqual(reference, fast.value)) {
    out.push(`value ${JSON.stringify(reference)} vs ${JSON.stringify(fast.value)}`);
  }
  return out;
}

describe('block YAML reader', () => {
  it('reads every shipped procedures file exactly as the YAML library does', () => {
    const files = yamlFiles(join(ROOT, 'catalog', 'procedures'));
    expect(files.length).toBeGreaterThan(150);
    const refused: string[] = [];
    for (const file of files) {
      const found = differences(readFileSync(file, 'utf8'));
      if (found === undefined) refused.push(file);
      else expect(found, file).toEqual([]);
    }
    expect(refused).toEqual([]);
  });

  it('agrees with the YAML library on every other shipped file it accepts', () => {
    for (const file of [...yamlFiles(join(ROOT, 'catalog')), ...yamlFiles(join(ROOT, 'rules'))]) {
      expect(differences(readFileSync(file, 'utf8')) ?? [], file).toEqual([]);
    }
  });

  const scalarText = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('x', 'Thủ tục hành chính', '5 ngày làm việc', '"1.001193"', "'01'", '12', 'true', '~', '2026-02-12', '[]') },
    { weight: 2, arbitrary: fc.constantFrom(
      'x', 'plain text', 'Hà Nội', '~', 'null', 'Null', 'NULL', 'true', 'False', 'TRUE', '12', '-3', '+4', '0', '-0', '007', '0o17',
      '0x1F', '0xG', '1.5', '.5', '1.', '1e3', '-1.2E-3', '.inf', '-.Inf', '.NaN', '1_000', '1:2', 'a:b', 'a #b', 'a# b', '...',
      '---x', '-x', '?x', ':x', 'x:', 'tab\there', 'trailing  ', '"quoted"', "'single'", '"a\\"b"', '"\\u00e9\\n"', "'it''s'",
      '"\\e"', '"tab\there"', '[]', '{}', '[ ]', '[a]', '{a: 1}', '&a x', '*a', '!!str x', '|', '>', '@x', '`x', '%x', '#c', 'a: b',
    ) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', ' ', ':', '#', '-', '1', '.', '"', "'", '\t', 'ệ'), maxLength: 8 }) },
  );
  const keyText = fc.constantFrom('a', 'b', 'kind', '12', '"12"', "'x'", '~', '""', 'true', '"true"', '1.0', 'k y', '"a:b"', '-k', '?k');

  type Tree = { kind: 'scalar'; text: string } | { kind: 'block'; header: string; lines: string[] } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ kind: fc.constant('scalar' as const), text: scalarText }),
      fc.record({
        kind: fc.constant('block' as const),
        header: fc.constantFrom('|', '|-', '>', '>-', '|+', '|2'),
        lines: fc.array(fc.constantFrom('line', '', '  more', '# not a comment', 'a: b', '\tx', 'y '), { minLength: 1, maxLength: 4 }),
      }),
      fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(keyText, tie('tree')), { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
    ),
  })).tree;
  const noise = fc.oneof(
    { weight: 3, arbitrary: fc.constant([]) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom('', '   ', '# c', '  # c', '    # c', '      # c', '\t# c'), { maxLength: 3 }) },
  );

  /** Renders a tree in block style, with random comments, blank lines and indentation widths. */
  function render(root: Tree, extras: readonly (readonly string[])[], width: number, compact: boolean): string {
    let extra = 0;
    const lines: string[] = [];
    const noiseLines = (): void => {
      for (const line of extras[extra++ % extras.length] ?? []) lines.push(line);
    };
    const emit = (node: Tree, indent: number, prefix: string): void => {
      const pad = ' '.repeat(indent);
      if (node.kind === 'scalar') lines.push(`${prefix}${node.text}`);
      else if (node.kind === 'block') {
        lines.push(`${prefix}${node.header}`);
        for (const line of node.lines) lines.push(line === '' ? '' : `${pad}${' '.repeat(width)}${line}`);
      } else if (node.kind === 'map') {
        node.entries.forEach(([key, value], index) => {
          const lead = index === 0 && prefix !== '' ? prefix : pad;
          if (value.kind === 'scalar' || value.kind === 'block') emit(value, indent, `${lead}${key}: `);
          else {
            lines.push(`${lead}${key}:`);
            noiseLines();
            emit(value, value.kind === 'seq' && compact ? indent : indent + width, value.kind === 'seq' && compact ? pad : ' '.repeat(indent + width));
          }
          noiseLines();
        });
      } else {
        node.items.forEach((item, index) => {
          const lead = index === 0 && prefix !== '' ? prefix : pad;
          if (item.kind === 'map') emit(item, indent + 2, `${lead}- `);
          else if (item.kind === 'seq') {
            lines.push(`${lead}-`);
            emit(item, indent + width, ' '.repeat(indent + width));
          } else emit(item, indent, `${lead}- `);
          noiseLines();
        });
      }
    };
    emit(root, 0, '');
    return `${lines.join('\n')}\n`;
  }

  it('gives the library its value and ranges on every generated text it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keyText, tree), { minLength: 1, maxLength: 4 }),
        fc.array(noise, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(2, 4),
        fc.boolean(),
        (entries, extras, width, compact) => {
          const text = render({ kind: 'map', entries }, extras, width, compact);
          const found = differences(text);
          if (found !== undefined) accepted += 1;
          expect(found ?? [], text).toEqual([]);
        },
      ),
      { numRuns: Number(process.env["YAML_FUZZ_RUNS"] ?? 6000), seed: Number(process.env["YAML_FUZZ_SEED"] ?? 20261202) },
    );
    // The generator must exercise the reader, not only its refusals.
    expect(accepted).toBeGreaterThan(1000);
  });
});
