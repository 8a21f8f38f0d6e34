/**
 * How routing and the rule checks grow with the number of rules: the shipped rules, then +300 and +3,000 synthetic
 * province-scoped deadline overrides of the kind a province writes (one procedure code, one province, a deadline),
 * on the same distinct traffic, against json-rules-engine holding the same rules.
 */
import { checkRules } from '../src/rules/check.js';
import type { Rule } from '../src/rules/types.js';
import { createRouter, routingFactsFor } from '../src/routing/router.js';
import { createReferenceEngine, runReference } from '../src/rules/reference.js';
import { decideParts } from '../src/rules/evaluate.js';
import type { loadCompleteDataset } from '../src/node/cache.js';
import { distinctRequests } from './traffic.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRouterFromSnapshot } from '../src/snapshot.js';
import type { DatasetSnapshot } from '../src/snapshot.js';

type Dataset = Awaited<ReturnType<typeof loadCompleteDataset>>;

/** `count` rules, each for a distinct (procedure, province) pair, at a priority no shipped rule uses. */
function syntheticRules(dataset: Dataset, count: number): Rule[] {
  const provinces = dataset.catalog.units.filter((unit) => unit.level === 'province').map((unit) => unit.code);
  const procedures = dataset.catalog.procedures;
  return Array.from({ length: count }, (_, index) => ({
    id: `synthetic.deadline.${String(index).padStart(5, '0')}`,
    description: { vi: 'Tỉnh rút ngắn thời hạn của một thủ tục (tổng hợp, dùng cho đo hiệu năng).', en: 'A province shortens a procedure deadline (synthetic, for the bench).' },
    legalBasis: [{ document: 'synthetic' }],
    validFrom: '2025-07-01',
    priority: 900,
    scope: { provinces: [provinces[index % provinces.length]!] },
    conditions: { all: [{ fact: 'procedure', path: '$.code', operator: 'equal', value: procedures[Math.floor(index / provinces.length) % procedures.length]!.code }] },
    event: { type: 'deadline', params: { override: { value: 1 + (index % 5), unit: 'working-days' } } },
  })) as unknown as Rule[];
}

export async function benchRuleScaling(dataset: Dataset, root: string): Promise<Record<string, unknown>> {
  // The shipped snapshot, with each row's rules in place of the shipped ones: loading it is what a browser app or a
  // fresh process does (JSON.parse not counted).
  const shippedSnapshot = JSON.parse(readFileSync(join(root, 'dist', 'data-snapshot.json'), 'utf8')) as DatasetSnapshot;
  const requests = distinctRequests(dataset, 2_000, 99);
  const warmUp = distinctRequests(dataset, 300, 98);
  const rows: Record<string, unknown>[] = [];
  for (const added of [0, 300, 3_000]) {
    // The shipped rules as a file holds them (their `source` is where checkRules found them).
    const shipped = dataset.rules.rules.map(({ source: _source, ...rule }) => rule as Rule);
    const rules = [...shipped, ...syntheticRules(dataset, added)];
    const checkStarted = performance.now();
    const checked = checkRules([{ file: 'bench.yaml', data: { kind: 'rules', rules } }]);
    const checkRulesMs = Math.round(performance.now() - checkStarted);
    const errors = checked.issues.filter((issue) => issue.severity === 'error').length;
    const snapshotStarted = performance.now();
    createRouterFromSnapshot({ ...shippedSnapshot, rules: checked.rules.rules });
    const snapshotLoadMs = Math.round(performance.now() - snapshotStarted);
    const router = createRouter({ ...dataset, rules: checked.rules });
    for (const request of warmUp) router.route(request);
    const started = performance.now();
    for (const request of requests) router.route(request);
    const perSec = Math.round((requests.length * 1000) / (performance.now() - started));
    // The same requests through a router warmed alike, each decision's whole explanation read (built when first read).
    const explaining = createRouter({ ...dataset, rules: checked.rules });
    for (const request of warmUp) explaining.route(request);
    let shown = 0;
    const explainedStarted = performance.now();
    for (const request of requests) shown += explaining.route(request).explanation.notApplied.length;
    const explanationReadPerSec = Math.round((requests.length * 1000) / (performance.now() - explainedStarted));
    if (shown === 0) throw new Error('no explanation was read');
    const engine = createReferenceEngine(checked.rules);
    for (const request of warmUp.slice(0, added >= 3_000 ? 5 : 50)) decideParts(await runReference(engine, routingFactsFor(router.data, request)));
    const sample = requests.slice(0, added >= 3_000 ? 40 : 300).map((request) => routingFactsFor(router.data, request));
    const engineStarted = performance.now();
    for (const facts of sample) decideParts(await runReference(engine, facts));
    const jsonRulesEnginePerSec = Math.round((sample.length * 1000) / (performance.now() - engineStarted));
    rows.push({ rules: rules.length, checkRulesMs, snapshotLoadMs, errors, perSec, explanationReadPerSec, jsonRulesEnginePerSec, ratio: Number((perSec / jsonRulesEnginePerSec).toFixed(1)) });
  }
  return {
    rows,
    note: 'distinct traffic (2,000 requests, seed 99; each router and engine first warmed on 300 other requests, 5 for the engine at +3,000) through routers holding the shipped rules and +300 / +3,000 synthetic province-scoped deadline rules; checkRules is the whole check of the rule set (schema, conflicts); snapshotLoadMs: createRouterFromSnapshot on the shipped snapshot holding the row\'s checked rules (the parsed object; the rules are compiled, not checked again); json-rules-engine decides a sample of the same requests (40 at +3,000). explanationReadPerSec: the same requests, each decision\'s list of rules that did not apply read (it is built when first read).',
  };
}
