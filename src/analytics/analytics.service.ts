import type { CallStatsRecord } from '../calls/call-stats.repository.js';
import type { Context } from '../context.js';
import { histogramBucketCount, histogramEdges, type LeaderboardOrder, leaderboardRequest } from './analytics.args.js';
import { type AnalyticsFilterInput, type AnalyticsQuery, normalizeAnalyticsFilter, planAnalytics } from './analytics.plan.js';
import {
  type DailyRow,
  findDaily,
  findHistogramCounts,
  findLanguages,
  findLeaderboard,
  findTopics,
  findTotals,
  type LanguageRow,
  type TopicRow,
} from './analytics.repository.js';

/** Validates and plans Query.analytics once; every field of the summary reads the result. */
export function prepareAnalytics(ctx: Context, filter: AnalyticsFilterInput | null | undefined): AnalyticsQuery {
  const normalized = normalizeAnalyticsFilter(filter);
  const path = planAnalytics(normalized, { useViews: ctx.config.ANALYTICS_USE_VIEWS });
  ctx.logger.debug({ path }, 'analytics path');
  return { filter: normalized, path };
}

export function getTotals(ctx: Context, query: AnalyticsQuery): Promise<CallStatsRecord> {
  return findTotals(ctx.db, query);
}

export interface LeaderboardEntryResult {
  rank: number;
  agentId: string;
  totalCalls: number;
  avgSentiment: number;
  avgTalkRatio: number;
  avgDurationSeconds: number;
}

export async function getLeaderboard(
  ctx: Context,
  query: AnalyticsQuery,
  args: { orderBy?: LeaderboardOrder | null; first?: number | null; minCalls?: number | null },
): Promise<LeaderboardEntryResult[]> {
  const request = leaderboardRequest(args);
  const rows = await findLeaderboard(ctx.db, query, request);
  return rows.map(({ agent, ...stats }, i) => {
    // Joined in the same statement: LeaderboardEntry.agent then reads the loader's cache.
    ctx.loaders.agentsByAgentId.prime(agent.agentId, agent);
    return { rank: i + 1, agentId: agent.agentId, ...stats };
  });
}

export function getDaily(ctx: Context, query: AnalyticsQuery): Promise<DailyRow[]> {
  return findDaily(ctx.db, query);
}

export function getLanguages(ctx: Context, query: AnalyticsQuery): Promise<LanguageRow[]> {
  return findLanguages(ctx.db, query);
}

export function getTopics(ctx: Context, query: AnalyticsQuery): Promise<TopicRow[]> {
  return findTopics(ctx.db, query);
}

export interface HistogramBucketResult {
  from: number;
  to: number;
  count: number;
}

/** Every bucket, empty ones too. */
export async function getSentimentHistogram(ctx: Context, query: AnalyticsQuery, buckets: number | null | undefined): Promise<HistogramBucketResult[]> {
  const n = histogramBucketCount(buckets);
  const edges = histogramEdges(n);
  const counts = await findHistogramCounts(ctx.db, query, edges);
  return Array.from({ length: n }, (_, i) => ({ from: edges[i], to: edges[i + 1], count: counts.get(i) ?? 0 }));
}
