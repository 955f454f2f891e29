import { badInput } from '../errors.js';

/**
 * The one rule for integer arguments (`first`, `offset`, `buckets`,
 * `minCalls`, command-line flags): an integer within inclusive bounds, never
 * clamped. `max` defaults to no upper bound.
 */
export function intRangeProblem(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER, shown?: string): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) return null;
  const range =
    max !== Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : min !== Number.MIN_SAFE_INTEGER ? ` of at least ${min}` : '';
  return `${name} must be an integer${range}; got ${shown ?? (value === undefined ? 'nothing' : JSON.stringify(value))}`;
}

/** A GraphQL integer argument (or its default) within [min, max]; else BAD_USER_INPUT naming the argument. */
export function intArgument(argument: string, value: number | null | undefined, defaultValue: number, min: number, max?: number): number {
  const n = value ?? defaultValue;
  const problem = intRangeProblem(argument, n, min, max);
  if (problem) throw badInput(argument, problem);
  return n;
}
