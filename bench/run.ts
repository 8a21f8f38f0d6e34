/**
 * `npm run bench`: every measurement side by side with the obvious alternative, in the same run, with the ratio.
 * Writes bench/results.json and prints it. Numbers vary by machine; no test asserts on them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeDueDate } from '../src/calendar/due-date.js';
import { catalogStats, getUnitsOfProvince } from '../src/catalog/catalog.js';
import { parseDataset } from '../src/dataset.js';
import { loadCompleteDataset } from '../src/node/cache.js';
import { packageRoot, shippedDataPaths } from '../src/node/load.js';
import { readSourceTexts } from '../src/node/read.js';
import { decideParts } from '../src/rules/evaluate.js';
import { createReferenceEngine, runReference } from '../src/rules/reference.js';
import { evaluateRules } from '../src/rules/evaluate.js';
import { createRouter, routingFactsFor } from '../src/routing/router.js';
import type { RouteRequest } from '../src/routing/types.js';
import { createRuleSet } from '../src/rules/compile.js';
import type { RoutingFacts } from '../src/rules/facts.js';
import { benchCalendar } from './calendar.js';
import { benchValidate } from './validate.js';
import { benchDistinctTraffic } from './traffic.js';
import { benchRuleScaling } from './scaling.js';
import { benchBundle } from './bundle.js';
import { benchStartup } from './startup.js';

const root = packageRoot();

async function benchLoading(): Promise<Record<string, number>> {
  const read = await readSourceTexts(shippedDataPaths(), { cwd: root });
  const started = performance.now();
  const { issues } = parseDataset(read.sources);
  const parseMs = performance.now() - started;
  const cached = performance.now();
  await loadCompleteDataset(shippedDataPaths(), { cwd: root });
  const cachedMs = performance.now() - cached;
  return {
    files: read.sources.length,
    megabytes: Number((read.sources.reduce((sum, source) => sum + source.text.length, 0) / 1e6).toFixed(1)),
    parseAndValidateMs: Math.round(parseMs),
    issues: issues.length,
    fromSnapshotMs: Math.round(cachedMs),
    ratio: Number((parseMs / cachedMs).toFixed(1)),
  };
}

/** Real requests: every procedure, in person at an office of the residence province or another, online and by post. */
function sampleRequests(dataset: Awaited<ReturnType<typeof loadCompleteDataset>>, count: number): RouteRequest[] {
  const hanoi = getUnitsOfProvince(dataset.catalog, '01');
  const hcmc = getUnitsOfProvince(dataset.catalog, '79');
  const requests: RouteRequest[] = [];
  const channels = ['in-person', 'online', 'post'] as const;
  const procedures = dataset.catalog.procedures;
  for (let index = 0; requests.length < count; index += 1) {
    const procedure = procedures[index % procedures.length]!;
    const channel = channels[index % 3]!;
    const residence = hanoi[index % hanoi.length]!;
    const office = index % 5 === 0 ? hcmc[index % hcmc.length]! : hanoi[(index * 7) % hanoi.length]!;
    const day = 1 + (index % 28);
    requests.push({
      procedure: procedure.code,
      channel,
      residence: residence.code,
      ...(channel === 'in-person' ? { office: office.code } : {}),
      receivedAt: `2026-02-${String(day).padStart(2, '0')}T${String(7 + (index % 12)).padStart(2, '0')}:30:00+07:00`,
    });
  }
  return requests;
}

/** How many request classes (see TracePlan in src/rules/evaluate.ts) the facts span. */
function countClasses(facts: readonly RoutingFacts[]): number {
  const classes = new Set<string>();
  for (const item of facts) {
    const province = item.office?.province ?? item.residence?.province;
    classes.add([item.procedure.levels.join('+'), item.procedure.channels.join('+'), item.asOf, province, item.channel].join('|'));
  }
  return classes.size;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function benchRouting(dataset: Awaited<ReturnType<typeof loadCompleteDataset>>): Promise<Record<string, unknown>> {
  const router = createRouter(dataset);
  const requests = sampleRequests(dataset, 3_000);
  const reference = createReferenceEngine(dataset.rules);
  const key = (events: readonly { ruleId: string; effect: unknown }[]) => JSON.stringify(events.map((event) => [event.ruleId, event.effect]));

  let identical = true;
  for (const request of requests) {
    const facts = routingFactsFor(router.data, request);
    if (key(evaluateRules(dataset.rules, facts).fired) !== key(await runReference(reference, facts))) identical = false;
  }

  let rounds = 1;
  const timeCompiled = (): number => {
    const started = performance.now();
    for (let round = 0; round < rounds; round += 1) for (const request of requests) router.route(request);
    return performance.now() - started;
  };
  while (timeCompiled() < 300) rounds *= 2;

  // The obvious alternative: the same facts and the same decision steps, with json-rules-engine evaluating the rules.
  // Each call runs for 300 ms, going on through the requests from where the previous call stopped.
  let cursor = 0;
  const alternativePerSec = async (): Promise<number> => {
    const started = performance.now();
    let runs = 0;
    while (performance.now() - started < 300) {
      const request = requests[cursor]!;
      cursor = (cursor + 1) % requests.length;
      const facts = routingFactsFor(router.data, request);
      const parts = decideParts(await runReference(reference, facts)).parts;
      const deadline = dataset.catalog.index.procedureByCode.get(request.procedure)?.channels[request.channel]?.deadline;
      if (deadline?.status === 'resolved' && parts.officeAction?.effect.params.action !== 'refuse') {
        computeDueDate(dataset.calendar, { receivedAt: request.receivedAt, deadline: { value: deadline.value, unit: deadline.unit } });
      }
      runs += 1;
    }
    return (runs * 1000) / (performance.now() - started);
  };

  // Both sides timed in turn, five times each, and the medians compared: on a shared machine a burst of load then
  // slows both sides' timings alike instead of one side's only.
  const compiledTimings: number[] = [];
  const alternativeTimings: number[] = [];
  for (let trial = 0; trial < 5; trial += 1) {
    compiledTimings.push((rounds * requests.length * 1000) / timeCompiled());
    alternativeTimings.push(await alternativePerSec());
  }
  const opsPerSec = median(compiledTimings);
  const jsonRulesEnginePerSec = median(alternativeTimings);

  // The same requests once through a router whose caches are empty (a copy of the rules has no class plans, compiled
  // checks or shared traces yet): what the first requests of each class cost.
  const coldStarted = performance.now();
  const cold = createRouter({ ...dataset, rules: createRuleSet(dataset.rules.rules) });
  for (const request of requests) cold.route(request);
  const coldPerSec = (requests.length * 1000) / (performance.now() - coldStarted);

  // The rule evaluation alone, on the same facts: compiled (with and without the per-rule trace) vs json-rules-engine.
  const facts = requests.map((request) => routingFactsFor(router.data, request));
  const evaluationPerSec = (trace: boolean): number => {
    let loops = 1;
    const time = (): number => {
      const begin = performance.now();
      for (let loop = 0; loop < loops; loop += 1) for (const item of facts) evaluateRules(dataset.rules, item, { trace });
      return performance.now() - begin;
    };
    while (time() < 300) loops *= 2;
    return (loops * facts.length * 1000) / median(Array.from({ length: 3 }, time));
  };
  const tracedPerSec = evaluationPerSec(true);
  const untracedPerSec = evaluationPerSec(false);
  const engineStarted = performance.now();
  let engineRuns = 0;
  while (performance.now() - engineStarted < 1500 || engineRuns < facts.length) {
    for (const item of facts) await runReference(reference, item);
    engineRuns += facts.length;
  }
  const engineOnlyPerSec = (engineRuns * 1000) / (performance.now() - engineStarted);
  return {
    opsPerSec: Math.round(opsPerSec),
    jsonRulesEnginePerSec: Math.round(jsonRulesEnginePerSec),
    ratio: Number((opsPerSec / jsonRulesEnginePerSec).toFixed(1)),
    identical,
    cases: requests.length,
    classes: countClasses(requests.map((request) => routingFactsFor(router.data, request))),
    coldCachesPerSec: Math.round(coldPerSec),
    coldCachesRatio: Number((coldPerSec / jsonRulesEnginePerSec).toFixed(1)),
    note:
      'opsPerSec: full decisions with explanation and due date; the alternative runs json-rules-engine per request on the same facts and rules, then the same part selection and due date; each the median of five timings taken in turn. ' +
      'Decisions reuse what a class of requests (asOf, province, channel, procedure levels and channels) decides; classes is how many the cases span. coldCachesPerSec: one pass of the cases through a router with empty caches.',
    evaluation: {
      compiledTracedPerSec: Math.round(tracedPerSec),
      compiledPerSec: Math.round(untracedPerSec),
      jsonRulesEnginePerSec: Math.round(engineOnlyPerSec),
      tracedRatio: Number((tracedPerSec / engineOnlyPerSec).toFixed(1)),
      ratio: Number((untracedPerSec / engineOnlyPerSec).toFixed(1)),
      note: 'rule evaluation alone on the same facts: compiled with the per-rule trace a decision explains, and without it, vs engine.run(facts)',
    },
  };
}

async function main(): Promise<void> {
  const loading = await benchLoading();
  console.log('loading', loading);
  const dataset = await loadCompleteDataset(shippedDataPaths(), { cwd: root });
  const traffic = await benchDistinctTraffic(dataset);
  console.log('traffic', traffic);
  const routing = await benchRouting(dataset);
  console.log('routing', routing);
  const scaling = await benchRuleScaling(dataset, root);
  console.log('rule scaling', scaling);
  const calendar = await benchCalendar();
  console.log('calendar', calendar);
  const validate = await benchValidate(root);
  console.log('validate', validate);
  const bundle = await benchBundle(root);
  console.log('bundle', bundle);
  const startup = benchStartup(root);
  console.log('startup', startup);
  const results = {
    machine: { node: process.version, platform: process.platform, arch: process.arch },
    catalogue: { procedures: catalogStats(dataset.catalog).procedures },
    loading,
    traffic,
    routing,
    scaling,
    calendar,
    validate,
    bundle,
    startup,
  };
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const evaluation = routing['evaluation'] as Record<string, number>;
  console.log(
    `\nrouting distinct traffic (${traffic['requests']} requests, ${traffic['provinces']} provinces, ${traffic['days']} days): ${traffic['perSec']} decisions/s, p50 ${traffic['p50Micros']} µs, p99 ${traffic['p99Micros']} µs; ` +
      `after 20,000 other requests ${traffic['steadyPerSec']}/s, p50 ${traffic['steadyP50Micros']} µs, p99 ${traffic['steadyP99Micros']} µs (ratio ${traffic['steadyPlainPathsRatio']}x to the plain resolver); ` +
      `json-rules-engine ${traffic['jsonRulesEnginePerSec']}/s (ratio ${traffic['ratio']}x), with a plain path resolver ${traffic['jsonRulesEnginePlainPathsPerSec']}/s (ratio ${traffic['plainPathsRatio']}x); ` +
      `with every explanation read ${traffic['explanationReadPerSec']}/s, p99 ${traffic['explanationReadP99Micros']} µs`,
  );
  for (const row of scaling['rows'] as Record<string, number>[]) {
    console.log(
      `with ${row['rules']} rules: checkRules ${row['checkRulesMs']} ms, createRouterFromSnapshot ${row['snapshotLoadMs']} ms, routing ${row['perSec']}/s (every explanation read ${row['explanationReadPerSec']}/s) vs json-rules-engine ${row['jsonRulesEnginePerSec']}/s, ratio ${row['ratio']}x`,
    );
  }
  console.log(`routing, repeated set: ${routing['opsPerSec']} decisions/s vs json-rules-engine ${routing['jsonRulesEnginePerSec']}/s, ratio ${routing['ratio']}x, identical ${routing['identical']}`);
  console.log(`routing with empty caches (first pass, ${routing['classes']} classes in ${routing['cases']} cases): ${routing['coldCachesPerSec']} decisions/s, ratio ${routing['coldCachesRatio']}x`);
  console.log(`rule evaluation alone: compiled ${evaluation['compiledPerSec']}/s (traced ${evaluation['compiledTracedPerSec']}/s) vs json-rules-engine ${evaluation['jsonRulesEnginePerSec']}/s, ratio ${evaluation['ratio']}x (traced ${evaluation['tracedRatio']}x)`);
  console.log(
    `tthc validate catalog rules: ${validate['validateShippedMs']} ms, ${validate['validateShippedMaxRssMb']} MB peak vs yaml parseDocument alone ${validate['yamlParseDocumentMs']} ms, ${validate['yamlParseDocumentMaxRssMb']} MB; ratio ${validate['ratio']}x`,
  );
  const slowest = validate['hostileSlowest'] as { case: string; ms: number };
  console.log(`hostile corpus: ${Object.keys(validate['hostileMs'] as object).length} cases, slowest ${slowest.case} ${slowest.ms} ms`);
  console.log(
    `browser bundle of createRouterFromSnapshot: ${bundle['routerGzipKb']} KB gzip (${bundle['routerMinifiedKb']} KB minified; packages: ${(bundle['routerPackages'] as string[]).join(', ') || 'none'}) vs json-rules-engine alone ${bundle['jsonRulesEngineGzipKb']} KB gzip; snapshot ${bundle['snapshotMb']} MB, ${bundle['snapshotGzipKb']} KB gzip; routing snapshot ${bundle['routingSnapshotMb']} MB, ${bundle['routingSnapshotGzipKb']} KB gzip`,
  );
  console.log(
    `start-up (fresh process, installed package): loadShippedRouter ${startup['loadShippedRouterMs']} ms (import ${startup['importMs']} ms), ${startup['maxRssMb']} MB peak; from the YAML ${startup['yamlLoadMs']} ms, ${startup['yamlMaxRssMb']} MB (ratio ${startup['ratio']}x); tthc route end to end ${startup['tthcRouteMs']} ms (node -e 0: ${startup['nodeAloneMs']} ms)`,
  );
  console.log('wrote bench/results.json');
}

await main();
