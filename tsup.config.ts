import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

/**
 * The CLI loads the YAML library only when a file needs it (see src/node/yaml-library.ts): a bundle of the bin sees
 * the Node module in place of src/source/yaml-library.ts. The library entries keep the static import, which bundlers
 * for the browser need.
 */
const yamlOnFirstUse = {
  name: 'yaml-on-first-use',
  setup(build: { onResolve(options: { filter: RegExp }, callback: (args: { importer: string }) => { path: string } | undefined): void }) {
    build.onResolve({ filter: /\/yaml-library\.js$/ }, (args) =>
      args.importer.includes(join('src', 'source')) ? { path: fileURLToPath(new URL('./src/node/yaml-library.ts', import.meta.url)) } : undefined,
    );
  },
};

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'node/index': 'src/node/index.ts',
      'testing/index': 'src/testing/index.ts',
      'testing/vitest': 'src/testing/vitest.ts',
      'reference/index': 'src/reference/index.ts',
    },
    format: ['esm', 'cjs'],
    // Shared chunks in both formats: one copy of the error classes, so instanceof holds across tthc, tthc/node and
    // tthc/testing (without it each CommonJS entry bundles its own).
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: true,
    shims: true,
    target: 'node20',
    platform: 'neutral',
    external: [/^node:/, 'json-rules-engine'],
  },
  {
    entry: { cli: 'src/node/cli-bin.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [yamlOnFirstUse],
  },
]);
