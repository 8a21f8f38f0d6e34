import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isTthcError } from '../src/errors.js';
import { writeShippedSnapshot } from '../src/node/cache.js';
import { loadShippedRouter } from '../src/node/shipped.js';
import { shippedDataPaths } from '../src/node/load.js';
import { createRouterFromSnapshot, datasetFromSnapshot } from '../src/snapshot.js';
import type { DatasetSnapshot } from '../src/snapshot.js';
import { createRoutingSnapshot } from '../src/snapshot-routing.js';
import type { Router } from '../src/routing/router.js';
import type { RouteRequest } from '../src/routing/types.js';
import { distinctRequests } from '../bench/traffic.js';

describe('snapshots', () => {
  it('give a router that decides exactly as the one built from the YAML', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tthc-snapshot-'));
    const target = join(dir, 'data-snapshot.json');
    await writeShippedSnapshot(shippedDataPaths(), dir);
    const fromSnapshot = createRouterFromSnapshot(JSON.parse(readFileSync(target, 'utf8')));
    const fromYaml = await loadShippedRouter({ noCache: true });
    const request = { procedure: '1.004222', channel: 'in-person', office: '00008', residence: '00004', receivedAt: '2026-02-12T10:00:00+07:00' } as const;
    expect(fromSnapshot.route(request)).toEqual(fromYaml.route(request));
    expect(fromSnapshot.data.catalog.contentHash).toBe(fromYaml.data.catalog.contentHash);
    // The rules' hash is recorded, not recomputed on load; it is the one the YAML gives, and without the record the
    // same hash is computed.
    const snapshot = JSON.parse(readFileSync(target, 'utf8')) as DatasetSnapshot;
    expect(snapshot.rulesHash).toBe(fromYaml.data.rules.hash);
    expect(fromSnapshot.data.rules.hash).toBe(fromYaml.data.rules.hash);
    const { rulesHash: _recorded, ...unrecorded } = snapshot;
    expect(datasetFromSnapshot(unrecorded).rules!.hash).toBe(fromYaml.data.rules.hash);
  }, 120_000);

  it('refuses a value that is not a snapshot of this version', () => {
    let caught: unknown;
    try {
      createRouterFromSnapshot({ format: 0, files: [] });
    } catch (error) {
      caught = error;
    }
    expect(isTthcError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/not a tthc .* data snapshot/);
  });
});

describe('the routing-only snapshot', () => {
  let full: DatasetSnapshot;
  let routing: DatasetSnapshot;
  let bytes: { full: number; routing: number };
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tthc-routing-snapshot-'));
    await writeShippedSnapshot(shippedDataPaths(), dir);
    const fullText = readFileSync(join(dir, 'data-snapshot.json'), 'utf8');
    const routingText = readFileSync(join(dir, 'routing-snapshot.json'), 'utf8');
    full = JSON.parse(fullText) as DatasetSnapshot;
    routing = JSON.parse(routingText) as DatasetSnapshot;
    bytes = { full: Buffer.byteLength(fullText), routing: Buffer.byteLength(routingText) };
  }, 120_000);

  it('is the projection of the full one, less than half its size', () => {
    expect(routing).toEqual(createRoutingSnapshot(full));
    expect(routing.variant).toBe('routing');
    expect(routing.key).toBe(full.key);
    expect(bytes.routing).toBeLessThan(bytes.full / 2);
  });

  it('decides 3,000 distinct requests exactly as the full snapshot, explanations and refusals included', () => {
    const fromFull = createRouterFromSnapshot(full);
    const fromRouting = createRouterFromSnapshot(routing);
    const outcome = (router: Router, request: RouteRequest): unknown => {
      try {
        const decision = router.route(request);
        // The list of rules that did not apply is built when read: compare it too.
        return { decision, notApplied: decision.explanation.notApplied };
      } catch (error) {
        return { code: (error as { code?: string }).code, message: (error as Error).message };
      }
    };
    const requests = distinctRequests(fromFull.data as Parameters<typeof distinctRequests>[0], 3000, 20261203);
    let decided = 0;
    for (const request of requests) {
      const expected = outcome(fromFull, request);
      expect(outcome(fromRouting, request), JSON.stringify(request)).toEqual(expected);
      if ('decision' in (expected as object)) decided += 1;
    }
    expect(decided).toBeGreaterThan(2500);
  }, 120_000);

  it('says what it holds: a routing catalogue with the full one\'s hash, without legal bases or legacy links', () => {
    const { catalog } = datasetFromSnapshot(routing);
    const fullCatalog = datasetFromSnapshot(full).catalog!;
    expect(catalog!.variant).toBe('routing');
    expect(fullCatalog.variant).toBeUndefined();
    expect(catalog!.contentHash).toBe(fullCatalog.contentHash);
    expect(catalog!.procedures.length).toBe(fullCatalog.procedures.length);
    expect(catalog!.procedures.every((procedure) => procedure.legalBasis === undefined && procedure.source === undefined)).toBe(true);
    expect(fullCatalog.procedures.every((procedure) => procedure.legalBasis !== undefined)).toBe(true);
    expect(catalog!.legacyLinks).toEqual([]);
    expect(fullCatalog.legacyLinks.length).toBeGreaterThan(1000);
    // Channels written as the same as an earlier one get that channel's deadline back.
    const shared = fullCatalog.procedures.find((procedure) => Object.keys(procedure.channels).length === 3)!;
    const restored = catalog!.index.procedureByCode.get(shared.code)!;
    for (const channel of ['in-person', 'online', 'post'] as const) expect(restored.channels[channel]!.deadline).toEqual(shared.channels[channel]!.deadline);
    // So do deadlines written with their cell as their only basis, key order included, for every procedure.
    const written = routing.files.filter((entry) => entry.kind === 'procedures').flatMap((entry) => (entry.data as { procedures: { channels: Record<string, { deadline?: { basis?: unknown } }> }[] }).procedures);
    expect(written.flatMap((procedure) => Object.values(procedure.channels)).filter((channel) => channel.deadline?.basis === 'cell').length).toBeGreaterThan(2000);
    const deadlinesOf = (procedures: readonly { channels: object }[]) => JSON.stringify(procedures.map((procedure) => procedure.channels));
    expect(deadlinesOf(catalog!.procedures)).toBe(deadlinesOf(fullCatalog.procedures.map((procedure) => ({ channels: Object.fromEntries(Object.entries(procedure.channels).map(([name, channel]) => [name, { deadline: channel!.deadline }])) }))));
    // Applicants come back from their positions in the snapshot's list of applicant types.
    expect(routing.applicants?.length).toBe(15);
    expect(written.every((procedure) => (procedure as unknown as { applicants: unknown[] }).applicants.every((position) => Number.isInteger(position)))).toBe(true);
    expect(catalog!.procedures.map((procedure) => procedure.applicants)).toEqual(fullCatalog.procedures.map((procedure) => procedure.applicants));
    // Ministries and sectors come back from one position each in the snapshot's pairs, the keys in their order.
    expect(routing.sectors!.length).toBeLessThan(200);
    expect(written.every((procedure) => Number.isInteger((procedure as unknown as { sector: unknown }).sector) && !('ministry' in procedure))).toBe(true);
    expect(catalog!.procedures.map((procedure) => Object.keys(procedure).slice(0, 4).join() + procedure.ministry + procedure.sector)).toEqual(
      fullCatalog.procedures.map((procedure) => Object.keys(procedure).slice(0, 4).join() + procedure.ministry + procedure.sector),
    );
    // Units get back the names the projection leaves out, key order included.
    expect(JSON.stringify(catalog!.units)).toBe(JSON.stringify(fullCatalog.units));
  });

  it('leaves out the unit names that follow from others, and keeps those that do not', () => {
    const units = routing.files.filter((entry) => entry.kind === 'units').map((entry) => entry.data as { fullNames: Record<string, { vi: string; en: string }>; units: { code: string; versions: { name: { vi: string; en?: string }; fullName?: unknown }[] }[] });
    const versions = units.flatMap((file) => file.units.flatMap((unit) => unit.versions.map((version) => ({ code: unit.code, version }))));
    expect(units.every((file) => file.fullNames['xa'] === undefined || (file.fullNames['xa'].vi === 'Xã {}' && file.fullNames['xa'].en === '{} Commune'))).toBe(true);
    expect(versions.filter(({ version }) => version.fullName === undefined).length).toBeGreaterThan(3000);
    // English names of their own stay; so do full names in another order than their type's template.
    expect(versions.find(({ code }) => code === '01')!.version.name).toEqual({ vi: 'Hà Nội', en: 'Hanoi' });
    expect(versions.find(({ code }) => code === '00004')!.version).not.toHaveProperty('fullName');
    expect(versions.find(({ code }) => code === '00691')!.version).toMatchObject({ name: { vi: 'Hà Giang 2' }, fullName: { vi: 'Phường Hà Giang 2', en: 'Ward Ha Giang 2' } });
  });

  it('is made only from a full snapshot, and a damaged channel reference is refused as invalid data', () => {
    expect(() => createRoutingSnapshot(routing)).toThrow(/expected a full tthc data snapshot/);
    expect(() => createRoutingSnapshot({ format: 0 } as unknown as DatasetSnapshot)).toThrow(/expected a full tthc data snapshot/);
    const file = routing.files.find((entry) => entry.kind === 'procedures')!;
    const data = file.data as { procedures: { code: string; channels: Record<string, unknown> }[] };
    const procedure = data.procedures.find((entry) => Object.values(entry.channels).some((channel) => 'sameAs' in (channel as object)))!;
    const [channel] = Object.entries(procedure.channels).find(([, entry]) => 'sameAs' in (entry as object))!;
    const damaged = {
      ...routing,
      files: routing.files.map((entry) =>
        entry !== file ? entry : { ...entry, data: { ...data, procedures: data.procedures.map((p) => (p !== procedure ? p : { ...p, channels: { ...p.channels, [channel]: { sameAs: 'fax' } } })) } },
      ),
    };
    expect(invalidDataMessage(damaged)).toContain(`procedure ${procedure.code}: channel ${channel} refers to channel "fax"`);
    // A deadline resting on its cell with no raw value to quote.
    const quoted = data.procedures.find((entry) => Object.values(entry.channels).some((channel) => (channel as { deadline?: { basis?: unknown } }).deadline?.basis === 'cell'))!;
    const [cellChannel, cellEntry] = Object.entries(quoted.channels).find(([, entry]) => (entry as { deadline?: { basis?: unknown } }).deadline?.basis === 'cell')! as [string, { deadline: Record<string, unknown> }];
    const unquoted = {
      ...routing,
      files: routing.files.map((entry) =>
        entry !== file ? entry : { ...entry, data: { ...data, procedures: data.procedures.map((p) => (p !== quoted ? p : { ...p, channels: { ...p.channels, [cellChannel]: { deadline: { ...cellEntry.deadline, raw: undefined } } } })) } },
      ),
    };
    const damagedChannel = `procedure ${quoted.code}: channel "${cellChannel}" is not as the library writes it (in-person, online or post, with a deadline whose basis is a list, or "cell" with the raw value it quotes); rebuild the snapshot`;
    expect(invalidDataMessage(unquoted)).toBe(damagedChannel);
    // Any other damage to one procedure is refused the same way, never loaded half right or left to crash a route.
    const withProcedure = (change: (procedure: Record<string, unknown>) => unknown) => ({
      ...routing,
      files: routing.files.map((entry) => (entry !== file ? entry : { ...entry, data: { ...data, procedures: data.procedures.map((p) => (p !== quoted ? p : change(p as unknown as Record<string, unknown>))) } })),
    });
    const withChannel = (value: unknown) => withProcedure((p) => ({ ...p, channels: { ...(p['channels'] as object), [cellChannel]: value } }));
    expect(invalidDataMessage(withChannel({ deadline: { ...cellEntry.deadline, basis: 'cel' } }))).toBe(damagedChannel);
    expect(invalidDataMessage(withChannel({ deadline: { ...cellEntry.deadline, basis: {} } }))).toBe(damagedChannel);
    expect(invalidDataMessage(withChannel({ deadline: null }))).toBe(damagedChannel);
    expect(invalidDataMessage(withChannel(null))).toBe(damagedChannel);
    expect(invalidDataMessage(withChannel({ sameAs: 'constructor' }))).toContain(`channel ${cellChannel} refers to channel "constructor", which is not written before it`);
    // A key JSON.parse makes an own property, which an object literal would take for its prototype.
    expect(invalidDataMessage(withProcedure((p) => ({ ...p, channels: JSON.parse('{"__proto__": {"sameAs": "online"}}') as object })))).toContain(`procedure ${quoted.code}: channel "__proto__" is not as the library writes it`);
    expect(invalidDataMessage(withProcedure((p) => ({ ...p, channels: 'in-person' })))).toBe(`procedure ${quoted.code} has no channels; rebuild the snapshot`);
    // Applicants: a position the snapshot's list does not have, one that is not a number, a list that is not a list.
    const noApplicant = /^procedure [\d.]+: its applicants name no applicant type of the snapshot; rebuild the snapshot$/u;
    expect(invalidDataMessage({ ...routing, applicants: routing.applicants!.slice(0, 1) })).toMatch(noApplicant);
    expect(invalidDataMessage(withProcedure((p) => ({ ...p, applicants: ['0'] })))).toMatch(noApplicant);
    expect(invalidDataMessage(withProcedure((p) => ({ ...p, applicants: 7 })))).toMatch(noApplicant);
    expect(invalidDataMessage(withProcedure(() => null))).toMatch(/^procedure undefined: its applicants name no applicant type/u);
    expect(invalidDataMessage({ ...routing, applicants: 'abcdefghijklmnop' as unknown as string[] })).toBe('the snapshot has no list of applicant types; rebuild the snapshot');
    expect(invalidDataMessage({ ...routing, applicants: undefined })).toBe('the snapshot has no list of applicant types; rebuild the snapshot');
    // Sectors: a position the pairs do not have, one that is not a number, pairs that are not pairs.
    const noSector = /^procedure [\d.]+: its sector names no ministry and sector of the snapshot; rebuild the snapshot$/u;
    expect(invalidDataMessage({ ...routing, sectors: routing.sectors!.slice(0, 1) })).toMatch(noSector);
    expect(invalidDataMessage(withProcedure((p) => ({ ...p, sector: 'Hộ tịch' })))).toMatch(noSector);
    expect(invalidDataMessage(withProcedure((p) => ({ ...p, sector: -1 })))).toMatch(noSector);
    const noSectors = 'the snapshot has no list of ministries and sectors; rebuild the snapshot';
    expect(invalidDataMessage({ ...routing, sectors: undefined })).toBe(noSectors);
    expect(invalidDataMessage({ ...routing, sectors: [['Bộ Tư pháp']] as unknown as [string, string][] })).toBe(noSectors);
    expect(invalidDataMessage({ ...routing, sectors: 'Bộ Tư pháp' as unknown as [string, string][] })).toBe(noSectors);
    expect(invalidDataMessage({ ...routing, files: routing.files.map((entry) => (entry !== file ? entry : { ...entry, data: { ...data, procedures: {} } })) })).toBe('the procedures file has no list of procedures; rebuild the snapshot');
  });

  it('refuses a units file whose full names can be restored from no template, or that is not a units file, as invalid data', () => {
    const withUnits = (change: (data: { units: { code: string; versions: Record<string, unknown>[] }[] } & Record<string, unknown>) => unknown) => ({
      ...routing,
      files: routing.files.map((entry) => (entry.kind !== 'units' ? entry : { ...entry, data: change(entry.data as never) })),
    });
    expect(invalidDataMessage(withUnits((data) => ({ ...data, fullNames: {} })))).toMatch(/^unit \d+: no full name, and no template for units of type "\w+"; rebuild the snapshot$/);
    // Templates without the name's place in them are no templates.
    const slotless = (data: Record<string, unknown>) => Object.fromEntries(Object.keys(data['fullNames'] as object).map((type) => [type, { vi: 'Xã', en: 'Commune' }]));
    expect(invalidDataMessage(withUnits((data) => ({ ...data, fullNames: slotless(data) })))).toMatch(/^unit 00004: no full name, and no template for units of type "phuong"/);
    // A type named like an inherited property finds no template either.
    const renamed = (data: { units: { code: string; versions: Record<string, unknown>[] }[] }) => data.units.map((unit) => ({ ...unit, versions: unit.versions.map((version) => ({ ...version, type: 'constructor' })) }));
    expect(invalidDataMessage(withUnits((data) => ({ ...data, units: renamed(data) })))).toMatch(/no template for units of type "constructor"/);
    expect(invalidDataMessage(withUnits((data) => ({ ...data, units: undefined })))).toBe('the units file has no list of units; rebuild the snapshot');
    expect(invalidDataMessage(withUnits((data) => ({ ...data, units: data.units.map((unit) => ({ ...unit, versions: unit.versions.map(({ name: _name, ...version }) => version) })) })))).toMatch(/^unit \d+: a version has no Vietnamese name; rebuild the snapshot$/);
  });

  it('keeps what a units file says of its source', () => {
    const sources = (snapshot: DatasetSnapshot) => snapshot.files.filter((entry) => entry.kind === 'units').map((entry) => (entry.data as { source: unknown }).source);
    expect(sources(routing)).toEqual(sources(full));
    expect(sources(routing).every((source) => Array.isArray(source) && source.length > 0)).toBe(true);
  });
});

/** The message of the INVALID_DATA error a router refuses a damaged snapshot with. */
function invalidDataMessage(snapshot: unknown): string {
  let caught: unknown;
  try {
    createRouterFromSnapshot(snapshot);
  } catch (error) {
    caught = error;
  }
  expect(isTthcError(caught) && caught.code).toBe('INVALID_DATA');
  return (caught as Error).message;
}

describe('the kinds a snapshot assembles without the schemas', () => {
  it('are exactly the kinds the schemas read, part by part', async () => {
    const { CATALOG_FILE_KINDS, CALENDAR_FILE_KINDS, RULES_FILE_KINDS } = await import('../src/kinds.js');
    const { CATALOG_FILE_SCHEMAS } = await import('../src/catalog/schema.js');
    const { CALENDAR_FILE_SCHEMAS } = await import('../src/calendar/schema.js');
    const { RULES_FILE_SCHEMAS } = await import('../src/rules/schema.js');
    expect([...CATALOG_FILE_KINDS].sort()).toEqual(Object.keys(CATALOG_FILE_SCHEMAS).sort());
    expect([...CALENDAR_FILE_KINDS].sort()).toEqual(Object.keys(CALENDAR_FILE_SCHEMAS).sort());
    expect([...RULES_FILE_KINDS].sort()).toEqual(Object.keys(RULES_FILE_SCHEMAS).sort());
  });
});
