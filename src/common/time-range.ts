import { badInput } from '../errors.js';

/** A validated [from, to) range: `from` inclusive, `to` exclusive, per the contract. */
export function timeRange(from: Date | null | undefined, to: Date | null | undefined, argument = 'from'): { from: Date | null; to: Date | null } {
  if (from && to && from.getTime() > to.getTime()) {
    throw badInput(argument, `from (${from.toISOString()}) is after to (${to.toISOString()})`);
  }
  return { from: from ?? null, to: to ?? null };
}
