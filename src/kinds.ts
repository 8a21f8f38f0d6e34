/**
 * The kinds of data file, by part of a dataset. Plain strings, so that code that only assembles checked files (a
 * router built from a snapshot) needs none of the schemas; the schema modules hold the same keys (a test checks it).
 * Browser-safe.
 */
export const CATALOG_FILE_KINDS: ReadonlySet<string> = new Set(['units', 'legacy-units', 'procedures', 'overrides', 'bodies']);
export const CALENDAR_FILE_KINDS: ReadonlySet<string> = new Set(['holiday-rules', 'office-policy', 'calendar-year']);
export const RULES_FILE_KINDS: ReadonlySet<string> = new Set(['rules']);
