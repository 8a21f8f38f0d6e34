/**
 * What a value is, for a Vietnamese message: the Vietnamese counterpart of the English descriptions the checks give
 * ("a list", "a map", `string "ten"`), in the same order of detail.
 */

/** The Vietnamese name of a value type as checks and schemas name it in English (string, number, object...). */
export const VALUE_TYPE_VI: Readonly<Record<string, string>> = Object.freeze({
  string: 'chuỗi',
  number: 'số',
  int: 'số nguyên',
  boolean: 'giá trị logic (true/false)',
  object: 'ánh xạ (map)',
  map: 'ánh xạ (map)',
  record: 'ánh xạ (map)',
  array: 'danh sách',
  list: 'danh sách',
  null: 'null',
  undefined: 'không có giá trị',
  nothing: 'không có giá trị',
  date: 'ngày',
  bigint: 'số nguyên lớn',
});

/** The Vietnamese name of a type, or the type itself when it has none. */
export function valueTypeVi(type: string): string {
  return VALUE_TYPE_VI[type] ?? type;
}

/** A value described in Vietnamese: its kind, and for a scalar the value itself (cut to `maxLength` characters). */
export function describeDataValueVi(value: unknown, maxLength = Number.POSITIVE_INFINITY): string {
  if (value === undefined) return 'không có giá trị';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'một danh sách';
  if (typeof value === 'object') return 'một ánh xạ (map)';
  // JSON.stringify throws on a bigint and gives undefined for a function or a symbol.
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  const short = shown.length > maxLength ? `${shown.slice(0, maxLength - 3)}...` : shown;
  return `${valueTypeVi(typeof value)} ${short}`;
}
