/**
 * The one string order of tthc: by UTF-16 code units, the same on every host. `localeCompare` would order issues,
 * files and rules by the host's locale (a conflict reported at `b.yaml` under en_US, at `aa.yaml` under da_DK).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
