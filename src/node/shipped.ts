import { createRouter } from '../routing/router.js';
import type { Router } from '../routing/router.js';
import { loadCompleteDataset } from './cache.js';
import type { LoadCompleteDatasetOptions } from './cache.js';
import { shippedDataPaths } from './load.js';
import { expectOptions } from '../arguments.js';

/**
 * Creates a router on the catalogue, rules and calendar shipped with tthc. Create it once and reuse it.
 * @example
 * const router = await loadShippedRouter();
 * router.route({ procedure: '1.000894', channel: 'online', residence: '00004', receivedAt: '2026-03-02T09:00:00+07:00' });
 */
export async function loadShippedRouter(options: LoadCompleteDatasetOptions = {}): Promise<Router> {
  expectOptions(options);
  return createRouter(await loadCompleteDataset(shippedDataPaths(), options));
}
