import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTthcError } from '../src/errors.js';
import { writeShippedSnapshot } from '../src/node/cache.js';
import { loadShippedRouter } from '../src/node/shipped.js';
import { shippedDataPaths } from '../src/node/load.js';
import { createRouterFromSnapshot } from '../src/snapshot.js';

describe('snapshots', () => {
  it('give a router that decides exactly as the one built from the YAML', async () => {
    const target = join(await mkdtemp(join(tmpdir(), 'tthc-snapshot-')), 'data-snapshot.json');
    await writeShippedSnapshot(shippedDataPaths(), target);
    const fromSnapshot = createRouterFromSnapshot(JSON.parse(readFileSync(target, 'utf8')));
    const fromYaml = await loadShippedRouter({ noCache: true });
    const request = { procedure: '1.004222', channel: 'in-person', office: '00008', residence: '00004', receivedAt: '2026-02-12T10:00:00+07:00' } as const;
    expect(fromSnapshot.route(request)).toEqual(fromYaml.route(request));
    expect(fromSnapshot.data.catalog.contentHash).toBe(fromYaml.data.catalog.contentHash);
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
