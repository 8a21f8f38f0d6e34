import { defineIssueCodes } from '../code-info.js';

/** Issue codes raised by the rules module. */
export const RULES_ISSUE_CODES = defineIssueCodes({});
