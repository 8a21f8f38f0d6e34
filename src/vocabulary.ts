/**
 * Lists of the domain's words that the schemas, the calendar, the rules and the public types share: defined once here,
 * free of zod so the routing core can read them.
 */

/** Units of a deadline: `hours` run round the clock, `months` to the corresponding day; `same-day` takes value 0. */
export const DEADLINE_UNITS = Object.freeze(['working-days', 'calendar-days', 'working-hours', 'hours', 'same-day', 'months'] as const);
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** How a procedure's competent unit or body is found. */
export const COMPETENCE_BASES = Object.freeze(['residence', 'subject', 'head-office', 'any-office', 'named-body'] as const);
export type CompetenceBasis = (typeof COMPETENCE_BASES)[number];
