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
import { locateInBlock, readBlockYaml } from '../src/source/yaml-block.js';
import { DEFAULT_YAML_LIMITS } from '../src/source/yaml.js';

/** The reader as parseYaml calls it, with the default limits. */
const read = (text: string) => readBlockYaml(text, DEFAULT_YAML_LIMITS.maxDepth, DEFAULT_YAML_LIMITS.maxAliasCount);

const ROOT = join(import.meta.dirname, '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A map key as the schema reads it, which is how paths name it. */
function keyName(pair: Pair<YamlNode, YamlNode>): string {
  return isScalar(pair.key) ? (pair.key.value === null ? '' : String(pair.key.value)) : '?';
}

/**
 * Every difference between the library's reading and the reader's, as `path: what` lines: the value, each node's
 * range (its `range[1]` for a collection is where its last node's `range[2]` ends, so those are checked too), each
 * key's range, and where each repeated key was first read. The reader's ranges are asked for by path, as issues are.
 */
function differences(text: string): string[] | undefined {
  const fast = read(text);
  if (fast === undefined) return undefined;
  const document = parseDocument(text, { schema: 'core', uniqueKeys: false, merge: false, strict: true });
  if (document.errors.length > 0) return [`library errors: ${document.errors.map((error) => error.message).join('; ')}`];
  const out: string[] = [];
  const repeated: string[] = [];
  const compare = (what: string, range: readonly number[] | null | undefined, path: readonly (string | number)[], wantKey: boolean): void => {
    const mine = locateInBlock(fast.root, path, wantKey);
    if (range == null || range[0] !== mine[0] || range[1] !== mine[1]) {
      out.push(`$${path.map((segment) => `[${JSON.stringify(segment)}]`).join('')}: ${what} ${JSON.stringify(range)} vs ${JSON.stringify(mine)}`);
    }
  };
  /** `path` is undefined under a repeated key, whose nodes only the reader's repeated keys speak of. */
  const walk = (node: YamlNode | null, path: readonly (string | number)[] | undefined): void => {
    if (path !== undefined) compare('range', node?.range, path, false);
    if (isMap(node)) {
      const firstKeys = new Map<string, Pair<YamlNode, YamlNode>>();
      for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
        const key = keyName(pair);
        const first = firstKeys.get(key);
        if (first !== undefined) {
          repeated.push(JSON.stringify([key, pair.key.range?.[0], pair.key.range?.[1], first.key.range?.[0], first.key.range?.[1]]));
          walk(pair.value, undefined);
          continue;
        }
        firstKeys.set(key, pair);
        if (path !== undefined) compare('key range', pair.key.range, [...path, key], true);
        walk(pair.value, path === undefined ? undefined : [...path, key]);
      }
    } else if (isSeq(node)) {
      (node.items as YamlNode[]).forEach((item, index) => walk(item, path === undefined ? undefined : [...path, index]));
    }
  };
  walk(document.contents as YamlNode, []);
  const mine = fast.repeatedKeys.map((key) => JSON.stringify([key.key, key.start, key.end, key.first?.start, key.first?.end]));
  if (!isDeepStrictEqual([...mine].sort(), [...repeated].sort())) out.push(`repeated keys ${JSON.stringify(repeated)} vs ${JSON.stringify(mine)}`);
  const reference = document.toJS() as unknown;
  if (fast.repeatedKeys.length === 0 && !isDeepStrictEqual(reference, fast.value)) {
    out.push(`value ${JSON.stringify(reference)} vs ${JSON.stringify(fast.value)}`);
  }
  return out;
}

/**
 * Each generated text the reader accepts must read as the library reads it; counts the accepted ones, so a test can
 * require that the generator exercises the reader and not only its refusals.
 */
function agreement(): { readonly check: (text: string) => void; readonly accepted: () => number } {
  let accepted = 0;
  return {
    check: (text) => {
      const found = differences(text);
      if (found !== undefined) accepted += 1;
      expect(found ?? [], text).toEqual([]);
    },
    accepted: () => accepted,
  };
}

/** Runs and seed of a generated test: its own, or YAML_FUZZ_RUNS and YAML_FUZZ_SEED for a longer run. */
function fuzz(runs: number, seed: number): { numRuns: number; seed: number } {
  return { numRuns: Number(process.env['YAML_FUZZ_RUNS'] ?? runs), seed: Number(process.env['YAML_FUZZ_SEED'] ?? seed) };
}

describe('block YAML reader', () => {
  it('reads every shipped data file (procedures, units, bodies, overrides, rules, calendar) exactly as the YAML library does', () => {
    const files = [...yamlFiles(join(ROOT, 'catalog')), ...yamlFiles(join(ROOT, 'rules'))];
    expect(files.length).toBeGreaterThan(150);
    expect(files.filter((file) => file.includes('/overrides/')).length).toBeGreaterThan(10);
    // The rule files share legal bases and conditions through anchors and aliases.
    expect(files.filter((file) => file.includes('/routing/') && /: \*[a-z]/.test(readFileSync(file, 'utf8'))).length).toBeGreaterThan(3);
    const refused: string[] = [];
    for (const file of files) {
      const found = differences(readFileSync(file, 'utf8'));
      if (found === undefined) refused.push(file);
      else expect(found, file).toEqual([]);
    }
    expect(refused).toEqual([]);
  });

  it('reads the largest shipped files with CR LF line ends (as saved on Windows) as the YAML library does', () => {
    const largest = yamlFiles(join(ROOT, 'catalog', 'procedures'))
      .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
      .sort((a, b) => b.text.length - a.text.length)
      .slice(0, 3);
    for (const { file, text } of largest) {
      const found = differences(text.replaceAll('\n', '\r\n'));
      expect(found, file).toEqual([]);
    }
  });

  it('gives the library its ranges and first keys in maps too large to scan', () => {
    // No shipped map has that many keys: these are read and searched through indexes, not scanned.
    const name = fc.oneof(fc.integer({ min: 0, max: 90 }).map(String), fc.integer({ min: 0, max: 90 }).map((key) => `"k${key}"`));
    const entry = fc.tuple(name, fc.oneof(fc.constantFrom('x', '12', '"y"', '~'), fc.array(name, { minLength: 1, maxLength: 3 })));
    fc.assert(
      fc.property(fc.array(entry, { minLength: 33, maxLength: 150 }), (entries) => {
        const text = entries
          .map(([key, value]) => (typeof value === 'string' ? `${key}: ${value}\n` : `${key}:\n${value.map((inner) => `  ${inner}: v\n`).join('')}`))
          .join('');
        expect(read(text), text).toBeDefined();
        expect(differences(text), text).toEqual([]);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('locates the deepest node a path reaches, as the schema names keys', () => {
    const text = 'a:\n  12: x\n  "b": []\n  c:\n  - p\n  - q: r\nlong:\n' + Array.from({ length: 40 }, (_, key) => `  k${key}: ${key}\n`).join('');
    const root = read(text)!.root;
    const at = (found: string, within = found): readonly [number, number] => {
      const start = text.indexOf(within) + within.lastIndexOf(found);
      return [start, start + found.length];
    };
    const sequence = at('- p\n  - q: r\n');
    const cases: [readonly (string | number)[], boolean, readonly [number, number]][] = [
      [[], false, [0, text.length]],
      [['a', 12], false, at('x')],
      [['a', '12'], true, at('12')],
      [['a', 'b'], false, at('[]')],
      [['a', 'b', 0], false, at('[]')],
      [['a', 'c', 1, 'q'], false, at('r')],
      [['a', 'c', 1, 'q'], true, at('q')],
      [['a', 'c', '1'], false, sequence], // a string does not index a sequence
      [['a', 'c', 2], false, sequence],
      [['a', 'c', 0.5], false, sequence],
      [['a', 'c', 0, 'deeper'], false, at('p')],
      [['a', 'missing', 'deeper'], true, [text.indexOf('12'), text.indexOf('long')]],
      [['long', 'k39'], false, at('39', 'k39: 39')],
      [['long', 39], true, [text.indexOf('k0'), text.length]],
      [['long', 'k7'], true, at('k7')],
      [['long', 'k40'], false, [text.indexOf('k0'), text.length]],
    ];
    for (const [path, wantKey, expected] of cases) expect(locateInBlock(root, path, wantKey), JSON.stringify(path)).toEqual(expected);
  });

  /** Flow collections on one line, with the spacing, separators and scalars that make a reader slip. */
  const flowToken = fc.constantFrom(
    'a', 'Hà Nội', 'Điều 33 khoản 2', '12', '1.5', '-3', '007', '1e3', '~', 'null', 'true', 'x y', '"x, y"', "'it''s'", '"a\\"b"',
    '"\\e"', 'a:b', 'a: b', 'a #b', 'a#b', '-x', '- x', '?x', '? x', '', ' ', 'x ', '#c', '&a x', '*a', '!!str x', '"1.001193"',
    'working-hours', '$.channels', '@x', '`x', '%x', '|', '>', 'tab\tx',
  );
  const flowText: fc.Arbitrary<string> = fc.letrec<{ flow: string; item: string }>((tie) => ({
    item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 4, arbitrary: flowToken }, { weight: 1, arbitrary: tie('flow') }),
    flow: fc.tuple(
      fc.boolean(),
      fc.array(fc.tuple(fc.oneof(flowToken, fc.constantFrom('kind', 'b', '"q"', "'k'", '12', 'k y')), tie('item')), { maxLength: 4 }),
      fc.constantFrom(', ', ',', ' , ', ',  '),
      fc.constantFrom('', ' ', '  '),
      fc.constantFrom('', '', '', ','),
      fc.constantFrom(': ', ': ', ':', ' : ', ':  '),
    ).map(([isMap, entries, separator, pad, trailing, colon]) =>
      isMap
        ? `{${pad}${entries.map(([key, value]) => `${key}${colon}${value}`).join(separator)}${trailing}${pad}}`
        : `[${pad}${entries.map(([, value]) => value).join(separator)}${trailing}${pad}]`,
    ),
  })).flow;

  const scalarText = fc.oneof(
    { weight: 1, arbitrary: fc.tuple(flowText, fc.constantFrom('', '', ' # c', '  #c', ' x', ':')).map(([flow, after]) => `${flow}${after}`) },
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

  /** A map value may carry an anchor (`anchor`, written before it); an alias is a scalar text such as `*a`. */
  type Tree = ({ kind: 'scalar'; text: string } | { kind: 'block'; header: string; lines: string[] } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] }) & { anchor?: string | undefined };
  const anchor = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('&a', '&b', '&a-1', '&x.y', '&a ', '&a #c', '&', '&a,b', '&b') },
  );
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('scalar' as const), text: scalarText, anchor }, { requiredKeys: ['kind', 'text'] }) },
      {
        weight: 1,
        arbitrary: fc.record({ kind: fc.constant('scalar' as const), text: fc.constantFrom('*a', '*b', '*a-1', '*x.y', '*a # c', '*c', '*a x', '*') }),
      },
      { weight: 1, arbitrary: fc.record({
        kind: fc.constant('block' as const),
        header: fc.constantFrom('|', '|-', '>', '>-', '|+', '|2'),
        lines: fc.array(fc.constantFrom('line', '', '  more', '# not a comment', 'a: b', '\tx', 'y '), { minLength: 1, maxLength: 4 }),
        anchor,
      }, { requiredKeys: ['kind', 'header', 'lines'] }) },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(keyText, tie('tree')), { minLength: 1, maxLength: 4 }), anchor }, { requiredKeys: ['kind', 'entries'] }) },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }), anchor }, { requiredKeys: ['kind', 'items'] }) },
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
          const anchored = value.anchor === undefined ? '' : ` ${value.anchor}`;
          if (value.kind === 'scalar' || value.kind === 'block') emit(value, indent, `${lead}${key}:${anchored} `);
          else {
            lines.push(`${lead}${key}:${anchored}`);
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

  it('gives the library its value and ranges on every flow collection it accepts', () => {
    const agree = agreement();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'select', 'deadline'), flowText, fc.boolean()), { minLength: 1, maxLength: 4 }), (entries) => {
        // As the data writes them: a value of a key, or an item of a sequence under it.
        agree.check(entries.map(([key, flow, asItem]) => (asItem ? `${key}:\n  - ${flow}\n` : `${key}: ${flow}\n`)).join(''));
      }),
      fuzz(6000, 20261202),
    );
    expect(agree.accepted()).toBeGreaterThan(300);
  });

  it('gives the library its value and ranges on every generated text it accepts', () => {
    const agree = agreement();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keyText, tree), { minLength: 1, maxLength: 4 }),
        fc.array(noise, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(2, 4),
        fc.boolean(),
        fc.constantFrom('\n', '\n', '\r\n'),
        (entries, extras, width, compact, lineEnd) => {
          // Windows editors write CR LF; the reader must read those files as the library does.
          agree.check(render({ kind: 'map', entries }, extras, width, compact).replaceAll('\n', lineEnd));
        },
      ),
      fuzz(6000, 20261202),
    );
    // The generator must exercise the reader, not only its refusals.
    expect(agree.accepted()).toBeGreaterThan(800);
  });

  it('gives the library its value and ranges where anchored values are used again through aliases', () => {
    // Values as rule files share them (legal bases, conditions), and now and then a tree the reader gives up on.
    const plain: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('scalar' as const), text: fc.constantFrom('x', '12', '"1.001193"', 'Hà Nội', '[a, "b"]', '{ document: Decree 118/2025/NĐ-CP }', '~') }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(fc.constantFrom('fact', 'path', 'all', 'value'), tie('tree')), { minLength: 1, maxLength: 3 }) }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }) },
      ),
    })).tree;
    const agree = agreement();
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: tree }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(5), fc.constantFrom('value', 'item', 'items', 'comment')), { minLength: 1, maxLength: 4 }),
        fc.array(noise, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(2, 4),
        (anchored, uses, extras, width) => {
          // Anchors first, as rule files write shared legal bases and conditions; then aliases to them.
          const entries: [string, Tree][] = anchored.map((value, index) => [`shared${index}`, { ...value, anchor: `&s${index}` }]);
          uses.forEach(([target, how], index) => {
            const alias = `*s${target % (anchored.length + 1)}`; // one in a few names no anchor: the reader gives up
            const use: Tree =
              how === 'value' ? { kind: 'scalar', text: alias }
                : how === 'comment' ? { kind: 'scalar', text: `${alias} # again` }
                  : how === 'item' ? { kind: 'seq', items: [{ kind: 'scalar', text: alias }] }
                    : { kind: 'seq', items: [{ kind: 'scalar', text: alias }, { kind: 'scalar', text: 'x' }, { kind: 'scalar', text: alias }] };
            entries.push([`use${index}`, use]);
          });
          agree.check(render({ kind: 'map', entries }, extras, width, false));
        },
      ),
      fuzz(3000, 20261203),
    );
    expect(agree.accepted()).toBeGreaterThan(600);
  });

  it('gives the library its value where an anchor name is used again inside the node it anchors, or gives up', () => {
    // The library resolves an alias to the last anchor of that name before it: the inner one.
    for (const text of ['a: &x\n  b: &x 1\nc: *x\n', 'a: &x\n  b:\n    c: &x [1]\nd: *x\n', 'a: &x\n- k: &x 2\nd: *x\n', 'a: &x 1\nb: &x 2\nc: *x\n']) {
      expect(differences(text) ?? [], text).toEqual([]);
    }
  });

  it('gives the library its value on folded block scalars with more-indented lines', () => {
    const agree = agreement();
    fc.assert(
      fc.property(
        fc.constantFrom('>', '>-'),
        fc.array(fc.constantFrom('line', 'two words', '', '  more', '    deeper', '- item', '  - item', ' one'), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', '  '),
        (header, lines, indent) => {
          agree.check(`${indent === '' ? '' : 'outer:\n'}${indent}text: ${header}\n${lines.map((line) => (line === '' ? '' : `${indent}  ${line}`)).join('\n')}\n${indent}next: x\n`);
        },
      ),
      { numRuns: 2000, seed: 20261203 },
    );
    expect(agree.accepted()).toBeGreaterThan(1000);
  });
});
