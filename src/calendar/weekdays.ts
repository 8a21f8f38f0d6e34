/** Weekday names as the calendar files write them, Sunday first (Date#getUTCDay order). Browser-safe, no zod. */
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];
