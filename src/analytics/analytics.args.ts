import { badInput } from '../errors.js';
import { LeaderboardOrder } from './analytics.type.js';

/** The contract's bounds on the summary's field arguments. */
export const LEADERBOARD_MAX_FIRST = 100;
export const HISTOGRAM_MAX_BUCKETS = 100;

export interface LeaderboardRequest {
  orderBy: LeaderboardOrder;
  first: number;
  minCalls: number;
}

/** Validates agentLeaderboard's arguments; out-of-range values are errors, never clamped. */
export function leaderboardRequest(args: { orderBy?: LeaderboardOrder | null; first?: number | null; minCalls?: number | null }): LeaderboardRequest {
  const orderBy = args.orderBy ?? LeaderboardOrder.AVG_SENTIMENT_DESC;
  if (!Object.values(LeaderboardOrder).includes(orderBy)) throw badInput('orderBy', `unknown leaderboard order ${String(orderBy)}`);
  const first = args.first ?? 10;
  if (!Number.isInteger(first) || first < 1 || first > LEADERBOARD_MAX_FIRST) {
    throw badInput('first', `first must be between 1 and ${LEADERBOARD_MAX_FIRST}; got ${first}`);
  }
  const minCalls = args.minCalls ?? 1;
  if (!Number.isInteger(minCalls) || minCalls < 1) throw badInput('minCalls', `minCalls must be at least 1; got ${minCalls}`);
  return { orderBy, first, minCalls };
}

/** Validates sentimentHistogram's `buckets` (1..100). */
export function histogramBucketCount(buckets: number | null | undefined): number {
  const n = buckets ?? 10;
  if (!Number.isInteger(n) || n < 1 || n > HISTOGRAM_MAX_BUCKETS) {
    throw badInput('buckets', `buckets must be between 1 and ${HISTOGRAM_MAX_BUCKETS}; got ${n}`);
  }
  return n;
}

/**
 * The n + 1 bucket edges over [-1, 1]: edge i is (2i - n) / n, one correctly
 * rounded division (-1 + 2i/n would round twice). The SQL assigns buckets by
 * comparing scores with these very doubles, so a score equal to a reported
 * `from` always falls in that bucket, and 1 falls in the last one.
 */
export function histogramEdges(n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => (2 * i - n) / n);
}
