/**
 * The reference a routed due date is held to: computeDueDate on the period, from the same receipt, on the calendar of
 * the competent unit's province (the province itself, or a commune's).
 */
import { computeDueDate } from '../src/calendar/due-date.js';
import type { Catalog } from '../src/catalog/catalog.js';
import type { Calendar } from '../src/calendar/calendar.js';
import type { RouteDecision } from '../src/routing/types.js';

type Period = Parameters<typeof computeDueDate>[1]['deadline'];

export function referenceDueDate(data: { readonly catalog: Catalog; readonly calendar: Calendar }, decision: RouteDecision, receivedAt: string, period: Period): string {
  const unit = decision.competent.unit === null ? undefined : data.catalog.index.unitByCode.get(decision.competent.unit.code);
  const province = unit === undefined ? undefined : (unit.province ?? unit.code);
  return computeDueDate(data.calendar, { receivedAt, deadline: period, ...(province === undefined ? {} : { province }) }).dueDate;
}
