import { defineConfig } from 'tsup';

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
  },
]);
