import { badInput } from '../errors.js';
import { InvalidDateTime } from './date-time.js';

/** A DateTime argument that names a storable instant, or BAD_USER_INPUT naming the argument. */
export function checkInstant(argument: string, value: Date | null | undefined): Date | null {
  if (value == null) return null;
  if (value instanceof InvalidDateTime) throw badInput(argument, `${argument} ${value.problem}; got ${JSON.stringify(value.text)}`);
  if (Number.isNaN(value.getTime())) throw badInput(argument, `${argument} is not a valid instant`);
  return value;
}

/** A validated [from, to) range: `from` inclusive, `to` exclusive, per the contract. `prefix` names the arguments' parent, e.g. `filter.`. */
export function timeRange(from: Date | null | undefined, to: Date | null | undefined, prefix = ''): { from: Date | null; to: Date | null } {
  const start = checkInstant(`${prefix}from`, from);
  const end = checkInstant(`${prefix}to`, to);
  if (start && end && start.getTime() > end.getTime()) {
    throw badInput(`${prefix}from`, `${prefix}from (${start.toISOString()}) is after ${prefix}to (${end.toISOString()})`);
  }
  return { from: start, to: end };
}
