/** What every issue code documents about itself, in English and Vietnamese (maintainers are Vietnamese civil servants). */
export interface IssueCodeInfo {
  readonly severity: 'error' | 'warning';
  /** A short name of the problem. */
  readonly title: { readonly en: string; readonly vi: string };
  /** What to do about it. */
  readonly help: { readonly en: string; readonly vi: string };
}

/** Declares a table of issue codes; keeps the literal keys for the {@link IssueCode} union. */
export function defineIssueCodes<const T extends Record<string, IssueCodeInfo>>(table: T): T {
  return Object.freeze(table);
}
