/**
 * The severity of each catalogue issue code: all createCatalog needs to raise one. The codes' titles and help, in
 * both languages, are in codes.ts, which a router built from a snapshot does not load.
 */
export const CATALOG_ISSUE_SEVERITY = Object.freeze({
  DUPLICATE_CODE: 'error',
  UNKNOWN_PROVINCE: 'error',
  UNIT_LEVEL_MISMATCH: 'error',
  INVALID_INTERVAL: 'error',
  INVALID_DATE: 'error',
  UNKNOWN_LEGACY_TARGET: 'error',
  DEADLINE_UNRESOLVED: 'warning',
  AUTHORITY_ABOLISHED: 'warning',
  LEGAL_BASIS_NUMBER: 'warning',
  OVERRIDE_UNKNOWN_PROCEDURE: 'error',
  OVERRIDE_SELECTS_NOTHING: 'warning',
  OVERRIDE_CONFLICT: 'error',
  OVERRIDE_NO_EFFECT: 'warning',
} as const);
