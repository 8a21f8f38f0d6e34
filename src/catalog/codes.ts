import { defineIssueCodes } from '../code-info.js';

/** Issue codes raised by the catalog module. */
export const CATALOG_ISSUE_CODES = defineIssueCodes({});
