import { intRangeProblem } from '../common/int-range.js';

/** A bad command line; the command prints it with its usage and exits 2. */
export class UsageError extends Error {}

/** An integer flag (its text, or undefined when absent) within [min, max]; else a UsageError naming it. */
export function intFlag(name: string, raw: string | undefined, min: number, max?: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  const problem = intRangeProblem(`--${name}`, value, min, max, raw);
  if (problem) throw new UsageError(problem);
  return value;
}
