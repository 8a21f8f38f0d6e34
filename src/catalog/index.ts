/** The catalogue: file schemas, cross-file checks, lookups, name normalisation and deadline parsing. */
export {
  createCatalog,
  getProcedure,
  getUnit,
  getUnitVersion,
  getUnitsOfProvince,
  getProceduresByLevel,
  getProceduresBySector,
  getProceduresByAuthority,
  getProceduresByChannel,
  translateLegacyUnit,
  catalogStats,
} from './catalog.js';
export type { Catalog, CatalogFile, CatalogFileInput, CatalogStats, CreateCatalogResult, LegacyTranslation } from './catalog.js';
export { CATALOG_ISSUE_CODES } from './codes.js';
export { parseDeadline, findDeadlineVariants, parseFee } from './deadline.js';
export { sha256Hex, canonicalJson } from '../hash.js';
export { normaliseName, isSameName, slugify } from './names.js';
export {
  CATALOG_FILE_SCHEMAS,
  CATALOG_FORMAT_VERSION,
  UnitsFileSchema,
  ProceduresFileSchema,
  LegacyUnitsFileSchema,
  ProcedureSchema,
  UnitSchema,
  DeadlineSchema,
} from './schema.js';
export type {
  CatalogFileData,
  CatalogFileKind,
  Channel,
  ChannelName,
  Deadline,
  DeadlineUnit,
  DeadlineVariant,
  Fee,
  LegacyLink,
  LegacyUnitsFile,
  LegalDocument,
  Level,
  Procedure,
  ProcedureResult,
  ProceduresFile,
  ResolvedDeadline,
  SourceRef,
  Unit,
  UnitType,
  UnitVersion,
  UnitsFile,
  UnresolvedDeadline,
  UnresolvedReason,
} from './schema.js';
