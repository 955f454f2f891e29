import { badInput } from '../errors.js';
import { intArgument } from './int-range.js';

export interface PageRequest {
  first: number;
  after: string | null;
  offset: number;
}

export interface PagingLimits {
  /** Largest `first`; the contract says 100 for call lists. */
  maxFirst: number;
  /** Largest `offset` (deep offsets scan every skipped row). */
  maxOffset: number;
}

/** Validates `first`/`after`/`offset`; out-of-range values are errors, never clamped. */
export function pageRequest(
  args: { first?: number | null; after?: string | null; offset?: number | null },
  limits: PagingLimits,
  defaultFirst: number,
): PageRequest {
  const first = intArgument('first', args.first, defaultFirst, 1, limits.maxFirst);
  const offset = intArgument('offset', args.offset, 0, 0, limits.maxOffset);
  const after = args.after ?? null;
  if (after !== null && args.offset != null) {
    throw badInput('offset', 'offset cannot be combined with after: use one way of paging');
  }
  return { first, after, offset };
}
