import { defineIssueCodes } from '../code-info.js';

/** Issue codes raised by the calendar module. */
export const CALENDAR_ISSUE_CODES = defineIssueCodes({});
