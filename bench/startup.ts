/**
 * Start-up as an app pays it, each in a fresh process: import `tthc/node` from an installed copy of the package (dist,
 * data and package.json under node_modules/tthc, its dependencies beside it), `loadShippedRouter()`, one decision;
 * beside it the same with TTHC_NO_CACHE (the YAML read, parsed and checked, as without a packaged snapshot); and
 * `tthc route` end to end from the installed bin. The two loaders run in turn, so a busy moment falls on both.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianRun, timeProcess } from './_process.js';
import type { ProcessRun } from './_process.js';

const REQUEST = { procedure: '1.004222', channel: 'in-person', office: '00008', residence: '00004', receivedAt: '2026-02-12T10:00:00+07:00' };

const APP = `const started = performance.now();
const { loadShippedRouter } = await import('tthc/node');
const imported = performance.now();
const router = await loadShippedRouter();
const loaded = performance.now();
const decision = router.route(${JSON.stringify(REQUEST)});
console.log(JSON.stringify({ importMs: imported - started, loadMs: loaded - imported, totalMs: performance.now() - started, dueDate: decision.dueDate }));
`;

/** An app directory with tthc installed as npm would lay it out, its dependencies linked from this checkout. */
function installedCopy(root: string): string {
  const app = mkdtempSync(join(tmpdir(), 'tthc-startup-'));
  const modules = join(app, 'node_modules');
  const installed = join(modules, 'tthc');
  mkdirSync(installed, { recursive: true });
  for (const part of ['dist', 'catalog', 'rules', 'package.json']) cpSync(join(root, part), join(installed, part), { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === 'tthc' || name.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  writeFileSync(join(app, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(app, 'app.mjs'), APP);
  return app;
}

function inProcess(run: ProcessRun): { importMs: number; loadMs: number; totalMs: number; dueDate: string } {
  if (run.status !== 0) throw new Error(`the start-up app failed (exit ${String(run.status)})`);
  return JSON.parse(run.stdout) as { importMs: number; loadMs: number; totalMs: number; dueDate: string };
}

export function benchStartup(root: string): Record<string, unknown> {
  const app = installedCopy(root);
  try {
    const rounds = 5;
    const packaged: ProcessRun[] = [];
    const parsed: ProcessRun[] = [];
    const route: ProcessRun[] = [];
    const bare: ProcessRun[] = [];
    const cli = join(app, 'node_modules', 'tthc', 'dist', 'cli.js');
    const routeArgs = [cli, 'route', REQUEST.procedure, '--office', REQUEST.office, '--residence', REQUEST.residence, '--channel', REQUEST.channel, '--received', REQUEST.receivedAt];
    for (let round = 0; round < rounds; round += 1) {
      packaged.push(timeProcess(root, ['app.mjs'], app));
      parsed.push(timeProcess(root, ['app.mjs'], app, { TTHC_NO_CACHE: '1' }));
      route.push(timeProcess(root, routeArgs, app));
      bare.push(timeProcess(root, ['-e', '0'], app));
    }
    const fast = medianRun(packaged);
    const slow = medianRun(parsed);
    const fastInside = inProcess(fast);
    const slowInside = inProcess(slow);
    if (fastInside.dueDate !== slowInside.dueDate) throw new Error('the packaged snapshot and the YAML give different due dates');
    const cliRun = medianRun(route);
    if (cliRun.status !== 0) throw new Error(`tthc route failed (exit ${String(cliRun.status)})`);
    return {
      loadShippedRouterMs: Math.round(fastInside.loadMs),
      importMs: Math.round(fastInside.importMs),
      importLoadRouteMs: Math.round(fastInside.totalMs),
      processMs: Math.round(fast.ms),
      maxRssMb: Math.round(fast.maxRssMb),
      yamlLoadMs: Math.round(slowInside.loadMs),
      yamlProcessMs: Math.round(slow.ms),
      yamlMaxRssMb: Math.round(slow.maxRssMb),
      ratio: Number((slowInside.loadMs / fastInside.loadMs).toFixed(1)),
      tthcRouteMs: Math.round(cliRun.ms),
      tthcRouteMaxRssMb: Math.round(cliRun.maxRssMb),
      nodeAloneMs: Math.round(medianRun(bare).ms),
      nodeAloneMaxRssMb: Math.round(medianRun(bare).maxRssMb),
      rounds,
      note: 'fresh processes on an installed copy of the package (dist, catalog, rules, package.json in node_modules/tthc; dependencies linked): loadShippedRouter() on the packaged routing snapshot, trusted by its digest, vs the same with TTHC_NO_CACHE (the YAML parsed and checked); *Ms inside the process, processMs the whole process; tthc route end to end; node -e 0 for the floor; medians of the rounds, the sides in turn',
    };
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}
