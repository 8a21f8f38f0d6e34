/**
 * Routing on traffic like a real one's: distinct requests (a seeded draw), every province, receipt times spread over
 * eighteen months, against json-rules-engine as it ships and with a plain property-path resolver, both run per request
 * on the same facts, followed by the same part selection and due date. Each side sees each request once.
 */
import { computeDueDate } from '../src/calendar/due-date.js';
import type { loadCompleteDataset } from '../src/node/cache.js';
import { decideParts } from '../src/rules/evaluate.js';
import { createReferenceEngine, runReference } from '../src/rules/reference.js';
import type { ReferenceEngine } from '../src/rules/reference.js';
import { createRouter, routingFactsFor } from '../src/routing/router.js';
import type { Router } from '../src/routing/router.js';
import type { RouteRequest } from '../src/routing/types.js';
import type { RoutingFacts } from '../src/rules/facts.js';
import { seededRandom } from '../scripts/_seeded-random.js';

type Dataset = Awaited<ReturnType<typeof loadCompleteDataset>>;

const FIRST_DAY = Date.UTC(2025, 6, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2026, 11, 31) / 86_400_000;
const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * A random procedure, a channel it offers, a random residence commune of any province, in person at an office of the
 * same province three times in four (another province's otherwise), received at a random minute of office-ish hours
 * on a random day of 2025-07-01..2026-12-31.
 */
export function distinctRequests(dataset: Dataset, count: number, seed: number): RouteRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const communes = dataset.catalog.units.filter((unit) => unit.level === 'commune');
  const byProvince = new Map<string, typeof communes>();
  for (const commune of communes) {
    const list = byProvince.get(commune.province!) ?? [];
    list.push(commune);
    byProvince.set(commune.province!, list);
  }
  const requests: RouteRequest[] = [];
  const seen = new Set<string>();
  while (requests.length < count) {
    const procedure = pick(dataset.catalog.procedures);
    const channel = pick(Object.keys(procedure.channels)) as RouteRequest['channel'];
    const residence = pick(communes);
    const office = random() < 0.75 ? pick(byProvince.get(residence.province!)!) : pick(communes);
    const day = new Date((FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY + 1))) * 86_400_000);
    const minute = 7 * 60 + Math.floor(random() * 11 * 60);
    const receivedAt = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00+07:00`;
    const request: RouteRequest = { procedure: procedure.code, channel, residence: residence.code, receivedAt, ...(channel === 'in-person' ? { office: office.code } : {}) };
    const key = JSON.stringify(request);
    if (seen.has(key)) continue;
    seen.add(key);
    requests.push(request);
  }
  return requests;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

/** The alternative's decision for one request: json-rules-engine on the facts, then the same parts and due date. */
async function alternative(dataset: Dataset, engine: ReferenceEngine, facts: RoutingFacts, request: RouteRequest): Promise<void> {
  const parts = decideParts(await runReference(engine, facts)).parts;
  const deadline = dataset.catalog.index.procedureByCode.get(request.procedure)?.channels[request.channel]?.deadline;
  if (deadline?.status === 'resolved' && parts.officeAction?.effect.params.action !== 'refuse') {
    computeDueDate(dataset.calendar, { receivedAt: request.receivedAt, deadline: { value: deadline.value, unit: deadline.unit } });
  }
}

/** Decisions per second and per-request latency of tthc on requests it has not seen; errors counted apart. */
function timeTthc(router: Router, requests: readonly RouteRequest[], readExplanation = false): { perSec: number; p50Micros: number; p99Micros: number; refused: number } {
  const latencies: number[] = [];
  let refused = 0;
  let shown = 0;
  const started = performance.now();
  for (const request of requests) {
    const begin = performance.now();
    try {
      const decision = router.route(request);
      // The list of rules that did not apply is built when first read: an app that shows it pays for it here.
      if (readExplanation) shown += decision.explanation.notApplied.length;
    } catch {
      refused += 1; // a unit not in force on the receipt date: a typed error, as an app would get
    }
    latencies.push(performance.now() - begin);
  }
  const total = performance.now() - started;
  if (readExplanation && shown === 0) throw new Error('no explanation was read');
  latencies.sort((a, b) => a - b);
  return {
    perSec: Math.round((requests.length * 1000) / total),
    p50Micros: Math.round(percentile(latencies, 0.5) * 1000),
    p99Micros: Math.round(percentile(latencies, 0.99) * 1000),
    refused,
  };
}

async function timeAlternative(dataset: Dataset, engine: ReferenceEngine, cases: readonly { facts: RoutingFacts; request: RouteRequest }[]): Promise<number> {
  const started = performance.now();
  for (const { facts, request } of cases) await alternative(dataset, engine, facts, request);
  return Math.round((cases.length * 1000) / (performance.now() - started));
}

export async function benchDistinctTraffic(dataset: Dataset): Promise<Record<string, unknown>> {
  const COUNT = 20_000;
  const ALTERNATIVE_COUNT = 3_000;
  // A router that has served other traffic first (as a server's has), then the measured requests, each once.
  const warmed = (): Router => {
    const router = createRouter(dataset);
    for (const request of distinctRequests(dataset, 2_000, 7)) {
      try {
        router.route(request);
      } catch {
        // warm-up only
      }
    }
    return router;
  };
  const router = warmed();
  const requests = distinctRequests(dataset, COUNT, 20261202);
  const tthc = timeTthc(router, requests);
  // A router that has served as many other distinct requests as are measured: by then it has built the view of nearly
  // every procedure and unit (what a server's router holds after minutes of traffic), yet each measured request is new.
  const steadyRouter = createRouter(dataset);
  for (const request of distinctRequests(dataset, COUNT, 7)) {
    try {
      steadyRouter.route(request);
    } catch {
      // warm-up only
    }
  }
  const steady = timeTthc(steadyRouter, requests);
  // The same requests through a router warmed the same way, reading every decision's whole explanation.
  const explained = timeTthc(warmed(), requests, true);

  // The alternatives get the same facts, built before timing (both sides then pay only for deciding).
  const cases: { facts: RoutingFacts; request: RouteRequest }[] = [];
  for (const request of requests) {
    if (cases.length === ALTERNATIVE_COUNT) break;
    try {
      cases.push({ facts: routingFactsFor(router.data, request), request });
    } catch {
      // refused by tthc as well
    }
  }
  const shipped = createReferenceEngine(dataset.rules);
  const plain = createReferenceEngine(dataset.rules, { plainPaths: true });
  // Same events from both resolvers on every case: the plain resolver is a fair stand-in.
  let sameEvents = true;
  for (const { facts } of cases.slice(0, 500)) {
    if (JSON.stringify(await runReference(shipped, facts)) !== JSON.stringify(await runReference(plain, facts))) sameEvents = false;
  }
  const jsonRulesEnginePerSec = await timeAlternative(dataset, shipped, cases);
  const plainPathsPerSec = await timeAlternative(dataset, plain, cases);
  const provinces = new Set(requests.map((request) => request.residence!.length === 5 ? dataset.catalog.index.unitByCode.get(request.residence!)?.province : request.residence));
  const days = new Set(requests.map((request) => request.receivedAt.slice(0, 10)));
  return {
    requests: COUNT,
    provinces: provinces.size,
    days: days.size,
    perSec: tthc.perSec,
    p50Micros: tthc.p50Micros,
    p99Micros: tthc.p99Micros,
    steadyPerSec: steady.perSec,
    steadyP50Micros: steady.p50Micros,
    steadyP99Micros: steady.p99Micros,
    explanationReadPerSec: explained.perSec,
    explanationReadP99Micros: explained.p99Micros,
    refused: tthc.refused,
    jsonRulesEnginePerSec,
    jsonRulesEnginePlainPathsPerSec: plainPathsPerSec,
    ratio: Number((tthc.perSec / jsonRulesEnginePerSec).toFixed(1)),
    plainPathsRatio: Number((tthc.perSec / plainPathsPerSec).toFixed(1)),
    steadyPlainPathsRatio: Number((steady.perSec / plainPathsPerSec).toFixed(1)),
    sameEventsWithPlainPaths: sameEvents,
    note:
      `${COUNT} distinct requests (seed 20261202): random procedure and a channel it offers, residence in any province, office in the same province 3 times in 4, receipt over 2025-07-01..2026-12-31; each routed once by a router warmed on 2,000 other requests; steady*: the same through a router that has served 20,000 other distinct requests first (the views of nearly every procedure and unit built, as a server's after minutes of traffic); explanationRead*: the same through a router warmed alike, each decision's list of rules that did not apply read (it is built when first read). ` +
      `The alternatives decide the first ${ALTERNATIVE_COUNT} of them once each, per request, on the same facts: json-rules-engine as it ships (JSONPath resolver) and with a plain property-path resolver, then the same part selection and due date. refused: requests tthc answers with a typed error (a unit not in force on that date).`,
  };
}
