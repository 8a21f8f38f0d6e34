/**
 * The operators conditions may use: json-rules-engine's defaults, reproduced with their exact semantics (including
 * the fact-value validators), plus date operators on `YYYY-MM-DD` strings. The very same functions are registered in
 * the json-rules-engine reference, so both evaluators agree by construction.
 */
import type { FactFieldSpec } from './facts.js';

/** What the `value` of a condition must be for an operator. */
export type OperatorValueShape = 'scalar' | 'list' | 'element' | 'number' | 'date';

export interface OperatorSpec {
  readonly name: OperatorName;
  /** Whether json-rules-engine has it built in; custom ones are registered in the reference engine. */
  readonly builtIn: boolean;
  readonly value: OperatorValueShape;
  /** Whether `value` may be `{ fact, path }`. */
  readonly factValue: boolean;
  /** Which fields the operator applies to. */
  readonly applies: (field: FactFieldSpec) => boolean;
  /** The left-hand side is the fact value, the right-hand side the condition value. Never throws for valid rules. */
  readonly test: (factValue: unknown, value: unknown) => boolean;
  readonly description: string;
}

export type OperatorName =
  | 'equal'
  | 'notEqual'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'doesNotContain'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'before'
  | 'onOrBefore'
  | 'after'
  | 'onOrAfter';

// json-rules-engine's numberValidator: Number.parseFloat(x).toString() !== 'NaN'.
function isNumberLike(value: unknown): boolean {
  return Number.parseFloat(value as string).toString() !== 'NaN';
}

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
function bothDates(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && ISO_DATE.test(a) && ISO_DATE.test(b);
}

/** Custom date operators, shared with the reference engine. */
export const DATE_OPERATORS = Object.freeze({
  before: (a: unknown, b: unknown): boolean => bothDates(a, b) && (a as string) < (b as string),
  onOrBefore: (a: unknown, b: unknown): boolean => bothDates(a, b) && (a as string) <= (b as string),
  after: (a: unknown, b: unknown): boolean => bothDates(a, b) && (a as string) > (b as string),
  onOrAfter: (a: unknown, b: unknown): boolean => bothDates(a, b) && (a as string) >= (b as string),
});

const scalar = (field: FactFieldSpec): boolean => field.kind !== 'string-list';
const list = (field: FactFieldSpec): boolean => field.kind === 'string-list';
const number = (field: FactFieldSpec): boolean => field.kind === 'number';
const date = (field: FactFieldSpec): boolean => field.domain === 'date';

/* eslint-disable @typescript-eslint/no-explicit-any */
const specs: OperatorSpec[] = [
  { name: 'equal', builtIn: true, value: 'scalar', factValue: true, applies: scalar, test: (a, b) => a === b, description: 'a === b' },
  { name: 'notEqual', builtIn: true, value: 'scalar', factValue: true, applies: scalar, test: (a, b) => a !== b, description: 'a !== b' },
  { name: 'in', builtIn: true, value: 'list', factValue: false, applies: scalar, test: (a, b) => (b as any).indexOf(a) > -1, description: 'value (a literal list) includes a' },
  { name: 'notIn', builtIn: true, value: 'list', factValue: false, applies: scalar, test: (a, b) => (b as any).indexOf(a) === -1, description: 'value (a literal list) excludes a' },
  { name: 'contains', builtIn: true, value: 'element', factValue: true, applies: list, test: (a, b) => Array.isArray(a) && a.indexOf(b) > -1, description: 'the list fact includes value' },
  { name: 'doesNotContain', builtIn: true, value: 'element', factValue: true, applies: list, test: (a, b) => Array.isArray(a) && a.indexOf(b) === -1, description: 'the list fact is a list and excludes value' },
  { name: 'lessThan', builtIn: true, value: 'number', factValue: true, applies: number, test: (a, b) => isNumberLike(a) && (a as any) < (b as any), description: 'a < b (numbers)' },
  { name: 'lessThanInclusive', builtIn: true, value: 'number', factValue: true, applies: number, test: (a, b) => isNumberLike(a) && (a as any) <= (b as any), description: 'a <= b (numbers)' },
  { name: 'greaterThan', builtIn: true, value: 'number', factValue: true, applies: number, test: (a, b) => isNumberLike(a) && (a as any) > (b as any), description: 'a > b (numbers)' },
  { name: 'greaterThanInclusive', builtIn: true, value: 'number', factValue: true, applies: number, test: (a, b) => isNumberLike(a) && (a as any) >= (b as any), description: 'a >= b (numbers)' },
  { name: 'before', builtIn: false, value: 'date', factValue: true, applies: date, test: DATE_OPERATORS.before, description: 'both YYYY-MM-DD and a < b' },
  { name: 'onOrBefore', builtIn: false, value: 'date', factValue: true, applies: date, test: DATE_OPERATORS.onOrBefore, description: 'both YYYY-MM-DD and a <= b' },
  { name: 'after', builtIn: false, value: 'date', factValue: true, applies: date, test: DATE_OPERATORS.after, description: 'both YYYY-MM-DD and a > b' },
  { name: 'onOrAfter', builtIn: false, value: 'date', factValue: true, applies: date, test: DATE_OPERATORS.onOrAfter, description: 'both YYYY-MM-DD and a >= b' },
];
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Every operator, by name. */
export const OPERATORS: Readonly<Record<OperatorName, OperatorSpec>> = Object.freeze(
  Object.fromEntries(specs.map((spec) => [spec.name, Object.freeze(spec)])) as Record<OperatorName, OperatorSpec>,
);

export const OPERATOR_NAMES: readonly OperatorName[] = Object.freeze(specs.map((spec) => spec.name));

export function isOperatorName(name: unknown): name is OperatorName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(OPERATORS, name);
}
