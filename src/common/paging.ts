import { badInput } from '../errors.js';

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
  const first = args.first ?? defaultFirst;
  if (!Number.isInteger(first) || first < 1 || first > limits.maxFirst) {
    throw badInput('first', `first must be between 1 and ${limits.maxFirst}; got ${first}`);
  }
  const offset = args.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > limits.maxOffset) {
    throw badInput('offset', `offset must be between 0 and ${limits.maxOffset}; got ${offset}`);
  }
  const after = args.after ?? null;
  if (after !== null && args.offset != null) {
    throw badInput('offset', 'offset cannot be combined with after: use one way of paging');
  }
  return { first, after, offset };
}
