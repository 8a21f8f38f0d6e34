import { build } from 'esbuild';
await build({ entryPoints: ['.prof3.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: '.prof-build/prof3.mjs', logLevel: 'warning' });
await import('./.prof-build/prof3.mjs');
