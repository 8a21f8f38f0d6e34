import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYaml } from './yaml.js';
import { validateParsed } from './schema.js';

const summary = (text: string) =>
  parseYaml(text, 'f.yaml').issues.map((issue) => `${issue.line ?? '-'}:${issue.column ?? '-'} ${issue.code} ${issue.message}`);

describe('parseYaml', () => {
  it('returns the plain value of a clean file with no issues', () => {
    const parsed = parseYaml('kind: units\ncodes: ["01", "79"]\n', 'f.yaml');
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toEqual({ kind: 'units', codes: ['01', '79'] });
  });

  it('locates a syntax error at its line and column', () => {
    expect(summary('a: 1\nb: [1, 2\nc: 3\n')[0]).toMatch(/^\d+:\d+ YAML_SYNTAX /);
  });

  it('refuses a duplicate key at the second occurrence', () => {
    expect(summary('a: 1\nb: 2\na: 3\n')).toEqual(['3:1 YAML_DUPLICATE_KEY key "a" appears twice in the same map']);
  });

  it('refuses an alias bomb without expanding it', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']] as const) {
      rows.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]`);
    }
    const started = performance.now();
    const parsed = parseYaml(rows.join('\n'), 'bomb.yaml');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(parsed.value).toBeUndefined();
    expect(parsed.issues.map((issue) => issue.code)).toEqual(['YAML_ALIAS_LIMIT']);
  });

  it('refuses nesting deeper than the limit, pointing at the first node too deep', () => {
    const deep = `${'['.repeat(70)}1${']'.repeat(70)}`;
    expect(summary(deep)).toEqual(['1:65 YAML_TOO_DEEP nesting exceeds the limit of 64 levels']);
  });

  it('survives extreme nesting without a stack overflow', () => {
    const parsed = parseYaml(`${'['.repeat(200_000)}${']'.repeat(200_000)}`, 'deep.yaml');
    expect(parsed.value).toBeUndefined();
    expect(parsed.issues.length).toBeGreaterThan(0);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s at the key itself', (key) => {
    expect(summary(`kind: units\nnested:\n  ${key}: {polluted: true}\n`)).toEqual([
      `3:3 YAML_FORBIDDEN_KEY key "${key}" is not accepted`,
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['!!binary aGVsbG8=', 'explicit tag !!binary is not accepted'],
    ['!custom x', 'explicit tag !custom is not accepted'],
    ['!!str 01', 'explicit tag !!str is not accepted'],
  ])('refuses the explicit tag in "a: %s"', (value, message) => {
    expect(summary(`a: ${value}\n`)).toEqual([`1:4 YAML_CUSTOM_TAG ${message}`]);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const parsed = parseYaml('a: 1\n'.repeat(100), 'big.yaml', { maxLength: 100 });
    expect(parsed.issues.map((issue) => issue.code)).toEqual(['FILE_TOO_LARGE']);
  });

  it('refuses binary content at the first control character', () => {
    expect(summary('a: 1\nb: x\u0000y\n')).toEqual(['2:5 FILE_NOT_TEXT file contains the control character U+0000; expected UTF-8 text']);
  });

  it('refuses text decoded from invalid UTF-8', () => {
    expect(summary('a: caf\uFFFD\n')).toEqual(['1:7 FILE_NOT_UTF8 file contains bytes that are not valid UTF-8']);
  });

  it('refuses a second document', () => {
    expect(summary('a: 1\n---\nb: 2\n').map((row) => row.split(' ')[1])).toEqual(['YAML_MULTIPLE_DOCUMENTS']);
  });

  it('refuses an empty file', () => {
    expect(summary('').map((row) => row.split(' ')[1])).toEqual(['YAML_EMPTY']);
    expect(summary('# only a comment\n').map((row) => row.split(' ')[1])).toEqual(['YAML_EMPTY']);
  });

  it('refuses a collection used as a key', () => {
    expect(summary('? [a, b]\n: 1\n').map((row) => row.split(' ')[1])).toEqual(['YAML_COMPLEX_KEY']);
  });
});

describe('validateParsed', () => {
  const Schema = z.strictObject({
    kind: z.literal('units'),
    units: z.array(z.strictObject({ code: z.string().regex(/^\d{2}$/), name: z.string() })),
  });
  const issuesOf = (text: string) =>
    validateParsed(parseYaml(text, 'u.yaml'), Schema).issues.map(
      (issue) => `${issue.line}:${issue.column} ${issue.code} ${issue.message} @${issue.path.join('.')}`,
    );

  it('returns the typed, frozen value of a valid file', () => {
    const result = validateParsed(parseYaml('kind: units\nunits:\n  - code: "01"\n    name: Hà Nội\n', 'u.yaml'), Schema);
    expect(result.issues).toEqual([]);
    expect(result.value?.units[0]?.name).toBe('Hà Nội');
    expect(Object.isFrozen(result.value?.units[0])).toBe(true);
  });

  it('points an unknown key at the key itself', () => {
    expect(issuesOf('kind: units\nunits:\n  - code: "01"\n    name: Hà Nội\n    nmae: x\n')).toEqual([
      '5:5 SCHEMA_UNKNOWN_KEY unknown key "nmae" @units.0.nmae',
    ]);
  });

  it('points a missing key at its parent map', () => {
    expect(issuesOf('kind: units\nunits:\n  - code: "01"\n')).toEqual([
      '3:5 SCHEMA_MISSING_KEY missing required key "name" (string) @units.0.name',
    ]);
  });

  it('reports a number where a string code was expected, at the value', () => {
    expect(issuesOf('kind: units\nunits:\n  - code: 1\n    name: x\n')).toEqual([
      '3:11 SCHEMA_INVALID_TYPE expected string, got number 1 @units.0.code',
    ]);
  });

  it('reports a wrong literal with the expected value', () => {
    expect(issuesOf('kind: unit\nunits: []\n')).toEqual(['1:7 SCHEMA_INVALID_VALUE expected "units", got string "unit" @kind']);
  });

  it('collects every issue of the file, not just the first', () => {
    expect(issuesOf('kind: units\nunits:\n  - code: "1"\n    name: 2\n  - code: "02"\n    extra: 1\n')).toHaveLength(4);
  });
});
