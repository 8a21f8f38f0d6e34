/**
 * `npm run bench`: compiles the bench and the library with esbuild as tsup compiles the package (tsx would wrap every
 * function it creates in a name-keeping helper, which the shipped build does not have and which costs the router's
 * per-request closures about a fifth of its time), then runs it.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// One level below the package root, as bench/*.ts sit: files that find the root from their own place still do.
const outfile = join(process.cwd(), '.bench-build', 'run.mjs');
await build({
  entryPoints: ['bench/run.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  outfile,
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
