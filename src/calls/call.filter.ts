import { badInput } from '../errors.js';

/** Upper bound on `agentIds`, so one filter cannot become a giant statement. */
export const MAX_FILTER_IDS = 1_000;

/** The fields of CallFilter as plain values (the type-graphql class, or any object of this shape). */
export interface CallFilterInput {
  agentId?: string | null;
  agentIds?: readonly string[] | null;
  customerId?: string | null;
  language?: string | null;
  from?: Date | null;
  to?: Date | null;
  minSentiment?: number | null;
  maxSentiment?: number | null;
  minDurationSeconds?: number | null;
  maxDurationSeconds?: number | null;
  minTalkRatio?: number | null;
  maxTalkRatio?: number | null;
}

/**
 * A validated filter: what the repository turns into one predicate (AND of
 * its fields). Absent fields filter nothing; an empty id list matches
 * nothing, per the contract.
 */
export type NormalizedCallFilter = Readonly<CallFilterInput>;

/** Checks a CallFilter once, at the service; `argument` prefixes the names in errors. */
export function normalizeCallFilter(filter: CallFilterInput | null | undefined, argument = 'filter'): NormalizedCallFilter | null {
  if (!filter) return null;
  if (filter.agentIds != null && filter.agentIds.length > MAX_FILTER_IDS) {
    throw badInput(`${argument}.agentIds`, `${argument}.agentIds may hold at most ${MAX_FILTER_IDS} ids; got ${filter.agentIds.length}`);
  }
  for (const [min, max] of [
    ['minSentiment', 'maxSentiment'],
    ['minDurationSeconds', 'maxDurationSeconds'],
    ['minTalkRatio', 'maxTalkRatio'],
  ] as const) {
    for (const bound of [filter[min], filter[max]]) {
      if (bound != null && !Number.isFinite(bound)) throw badInput(`${argument}.${min}`, `${argument}.${min} must be a finite number`);
    }
  }
  return { ...filter };
}
