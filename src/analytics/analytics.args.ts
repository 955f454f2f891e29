import { intArgument } from '../common/int-range.js';
import { badInput } from '../errors.js';

/** The leaderboard's orders (registered with GraphQL in analytics.type.ts). */
export enum LeaderboardOrder {
  AVG_SENTIMENT_DESC = 'AVG_SENTIMENT_DESC',
  TOTAL_CALLS_DESC = 'TOTAL_CALLS_DESC',
  AVG_TALK_RATIO_ASC = 'AVG_TALK_RATIO_ASC',
  AVG_DURATION_DESC = 'AVG_DURATION_DESC',
}

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
  const first = intArgument('first', args.first, 10, 1, LEADERBOARD_MAX_FIRST);
  const minCalls = intArgument('minCalls', args.minCalls, 1, 1);
  return { orderBy, first, minCalls };
}

/** Validates sentimentHistogram's `buckets` (1..100). */
export function histogramBucketCount(buckets: number | null | undefined): number {
  return intArgument('buckets', buckets, 10, 1, HISTOGRAM_MAX_BUCKETS);
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
