/** The part of a decision each effect decides. Plain data, no zod: routing reads it. Browser-safe. */
export const PART_OF_EFFECT = Object.freeze({
  'competent-level': 'competentLevel',
  'competent-unit': 'competentUnit',
  'office-action': 'officeAction',
  'filing-scope': 'filingScope',
  deadline: 'deadline',
  delegation: 'delegation',
} as const);
