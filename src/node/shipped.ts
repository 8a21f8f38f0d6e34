import { createRouter } from '../routing/router.js';
import type { Router } from '../routing/router.js';
import { loadCompleteDataset, loadPackagedDataset } from './cache.js';
import type { LoadCompleteDatasetOptions } from './cache.js';
import { shippedDataPaths } from './load.js';
import { expectOptions } from '../arguments.js';

/**
 * Creates a router on the catalogue, rules and calendar shipped with tthc. Create it once and reuse it. In an installed
 * package it loads the packaged routing-only snapshot, checked by its digest, without reading the YAML (onLoad says
 * `packaged`; the router's catalogue then holds only what routing reads, see Catalog.variant: use loadCompleteDataset
 * on shippedDataPaths() for the full records);
 * in a development checkout, or when that snapshot is missing or damaged, it reads the YAML and uses the snapshot
 * only when it matches.
 * @example
 * const router = await loadShippedRouter();
 * router.route({ procedure: '1.000894', channel: 'online', residence: '00004', receivedAt: '2026-03-02T09:00:00+07:00' });
 */
export async function loadShippedRouter(options: LoadCompleteDatasetOptions = {}): Promise<Router> {
  expectOptions(options);
  return createRouter((await loadPackagedDataset(options, 'routing')) ?? (await loadCompleteDataset(shippedDataPaths(), options)));
}
