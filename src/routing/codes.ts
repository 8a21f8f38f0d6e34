import { defineIssueCodes } from '../code-info.js';

/** Issue codes raised by the routing module. */
export const ROUTING_ISSUE_CODES = defineIssueCodes({});
