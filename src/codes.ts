/** The one registry of issue codes: stable, documented in English and Vietnamese. */
import type { IssueCodeInfo } from './code-info.js';
import { CALENDAR_ISSUE_CODES } from './calendar/codes.js';
import { CATALOG_ISSUE_CODES } from './catalog/codes.js';
import { FORMAT_ISSUE_CODES } from './format/codes.js';
import { ROUTING_ISSUE_CODES } from './routing/codes.js';
import { RULES_ISSUE_CODES } from './rules/codes.js';
import { SOURCE_ISSUE_CODES } from './source/codes.js';

export type { IssueCodeInfo } from './code-info.js';

export const ISSUE_CODES = Object.freeze({
  ...SOURCE_ISSUE_CODES,
  ...CATALOG_ISSUE_CODES,
  ...CALENDAR_ISSUE_CODES,
  ...RULES_ISSUE_CODES,
  ...ROUTING_ISSUE_CODES,
  ...FORMAT_ISSUE_CODES,
});

/** Every issue code tthc can report. */
export type IssueCode = keyof typeof ISSUE_CODES;

/** Documentation of one issue code. */
export function describeIssueCode(code: IssueCode): IssueCodeInfo {
  return ISSUE_CODES[code];
}
