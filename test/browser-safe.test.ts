import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the core outside src/node', () => {
  it.each(sources(SRC).map((path) => [relative(SRC, path), path]))('%s touches neither node:* nor process nor json-rules-engine', (_name, path) => {
    const code = readFileSync(path, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/from ['"]node:|require\(|\bprocess\./);
    // json-rules-engine is the reference semantics, kept out of the browser bundle's hot path.
    if (!path.endsWith(join('rules', 'reference.ts'))) expect(code).not.toMatch(/from ['"]json-rules-engine['"]/);
  });

  it('keeps json-rules-engine and yaml types out of the public entry', () => {
    const index = readFileSync(join(SRC, 'index.ts'), 'utf8');
    expect(index).not.toMatch(/reference\.js|json-rules-engine/);
    expect(index).not.toMatch(/from 'yaml'/);
  });
});

describe('routing from a snapshot', () => {
  /** The modules a file imports at run time (type-only imports and re-exports left out), as paths under src/. */
  function runtimeImports(path: string): string[] {
    const code = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const found: string[] = [];
    for (const match of code.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms)) {
      if (match[2] !== undefined) continue;
      found.push(match[3]!);
    }
    for (const match of code.matchAll(/^import\s+['"]([^'"]+)['"]/gm)) found.push(match[1]!);
    return found;
  }

  it('pulls in neither zod nor yaml: createRouterFromSnapshot, the router and what they import', () => {
    const seen = new Set<string>();
    const packages = new Map<string, string>();
    const queue = [join(SRC, 'snapshot.ts')];
    while (queue.length > 0) {
      const path = queue.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      for (const specifier of runtimeImports(path)) {
        if (specifier.startsWith('.')) queue.push(join(path, '..', specifier.replace(/\.js$/, '.ts')));
        else packages.set(specifier, relative(SRC, path));
      }
    }
    expect(seen.size).toBeGreaterThan(20); // the walk reached the router, the catalogue and the calendar
    expect([...seen].map((path) => relative(SRC, path))).toEqual(expect.arrayContaining(['routing/router.ts', 'catalog/catalog.ts', 'calendar/calendar.ts']));
    expect(Object.fromEntries(packages)).toEqual({});
  });
});
