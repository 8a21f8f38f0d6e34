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
import { benchCalendar } from './calendar.js';

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
  // The median of five timings: one timing of a few hundred milliseconds moves by a tenth from run to run here.
  const compiledMs = median(Array.from({ length: 5 }, timeCompiled));
  const opsPerSec = (rounds * requests.length * 1000) / compiledMs;

  // The obvious alternative: the same facts and the same decision steps, with json-rules-engine evaluating the rules.
  const started = performance.now();
  let runs = 0;
  while (performance.now() - started < 1500 || runs < requests.length) {
    for (const request of requests) {
      const facts = routingFactsFor(router.data, request);
      const parts = decideParts(await runReference(reference, facts)).parts;
      const deadline = dataset.catalog.index.procedureByCode.get(request.procedure)?.channels[request.channel]?.deadline;
      if (deadline?.status === 'resolved' && parts.officeAction?.effect.params.action !== 'refuse') {
        computeDueDate(dataset.calendar, { receivedAt: request.receivedAt, deadline: { value: deadline.value, unit: deadline.unit } });
      }
      runs += 1;
    }
  }
  const jsonRulesEnginePerSec = (runs * 1000) / (performance.now() - started);

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
    note: 'opsPerSec: full decisions with explanation and due date; the alternative runs json-rules-engine per request on the same facts and rules, then the same part selection and due date',
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
  const routing = await benchRouting(dataset);
  console.log('routing', routing);
  const calendar = await benchCalendar();
  console.log('calendar', calendar);
  const results = {
    machine: { node: process.version, platform: process.platform, arch: process.arch },
    catalogue: { procedures: catalogStats(dataset.catalog).procedures },
    loading,
    routing,
    calendar,
  };
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const evaluation = routing['evaluation'] as Record<string, number>;
  console.log(`\nrouting: ${routing['opsPerSec']} decisions/s vs json-rules-engine ${routing['jsonRulesEnginePerSec']}/s, ratio ${routing['ratio']}x, identical ${routing['identical']}`);
  console.log(`rule evaluation alone: compiled ${evaluation['compiledPerSec']}/s (traced ${evaluation['compiledTracedPerSec']}/s) vs json-rules-engine ${evaluation['jsonRulesEnginePerSec']}/s, ratio ${evaluation['ratio']}x (traced ${evaluation['tracedRatio']}x)`);
  console.log('wrote bench/results.json');
}

await main();
