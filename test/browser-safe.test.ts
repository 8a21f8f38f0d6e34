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
