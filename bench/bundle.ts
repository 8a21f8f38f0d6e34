/**
 * What a browser app ships to route from the snapshot: createRouterFromSnapshot and route, bundled and minified as an
 * app's bundler would (esbuild, browser platform), gzipped; beside json-rules-engine alone bundled the same way, and
 * the shipped snapshot itself.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

async function bundleSize(root: string, source: string): Promise<{ minifiedKb: number; gzipKb: number; packages: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-bundle-'));
  try {
    const entry = join(dir, 'entry.mjs');
    writeFileSync(entry, source);
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, absWorkingDir: root, nodePaths: [join(root, 'node_modules')], logLevel: 'silent' });
    const code = result.outputFiles[0]!.contents;
    // The packages with code in the output (a module read and then tree-shaken away ships nothing).
    const inOutput = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path);
    const packages = [...new Set(inOutput.filter((input) => input.includes('node_modules/')).map((input) => input.split('node_modules/').pop()!.split('/')[0]!))].sort();
    return { minifiedKb: Math.round(code.length / 102.4) / 10, gzipKb: Math.round(gzipSync(code, { level: 9 }).length / 102.4) / 10, packages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchBundle(root: string): Promise<Record<string, unknown>> {
  const tthc = await bundleSize(root, `export { createRouterFromSnapshot } from ${JSON.stringify(join(root, 'src', 'index.ts'))};\n`);
  const engine = await bundleSize(root, `export { Engine } from 'json-rules-engine';\n`);
  const snapshot = readFileSync(join(root, 'dist', 'data-snapshot.json'));
  const routingSnapshot = readFileSync(join(root, 'dist', 'routing-snapshot.json'));
  return {
    routerMinifiedKb: tthc.minifiedKb,
    routerGzipKb: tthc.gzipKb,
    routerPackages: tthc.packages,
    jsonRulesEngineMinifiedKb: engine.minifiedKb,
    jsonRulesEngineGzipKb: engine.gzipKb,
    snapshotMb: Math.round(snapshot.length / 104857.6) / 10,
    snapshotGzipKb: Math.round(gzipSync(snapshot, { level: 9 }).length / 102.4) / 10,
    routingSnapshotMb: Math.round(routingSnapshot.length / 104857.6) / 10,
    routingSnapshotGzipKb: Math.round(gzipSync(routingSnapshot, { level: 9 }).length / 102.4) / 10,
    note: 'createRouterFromSnapshot (and the router it returns) bundled from the package entry by esbuild for the browser, minified, gzip level 9; routerPackages: the npm packages in that bundle. Beside it json-rules-engine alone, bundled the same way (it evaluates rules only: no catalogue, calendar or due dates). The snapshot is the full dist/data-snapshot.json; the routing snapshot dist/routing-snapshot.json, its routing-only projection (createRoutingSnapshot).',
  };
}
