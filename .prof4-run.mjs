import { build } from 'esbuild';
await build({ entryPoints: ['.prof4.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: '.prof-build/prof4.mjs', logLevel: 'warning' });
await import('./.prof-build/prof4.mjs');
