import type { CallStatsRecord } from '../calls/call-stats.repository.js';
import type { Context } from '../context.js';
import { histogramBucketCount, histogramEdges, leaderboardRequest } from './analytics.args.js';
import { type AnalyticsFilterInput, normalizeAnalyticsFilter, planAnalytics } from './analytics.plan.js';
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
import { type AnalyticsSources, analyticsSources, sourceFor } from './analytics.source.js';
import type { LeaderboardOrder } from './analytics.type.js';

/**
 * What Query.analytics hands to the summary's fields: the filter, validated
 * and turned into SQL once, and the path every field reads.
 */
export interface PreparedAnalytics {
  sources: AnalyticsSources;
}

export function prepareAnalytics(ctx: Context, filter: AnalyticsFilterInput | null | undefined): PreparedAnalytics {
  const normalized = normalizeAnalyticsFilter(filter);
  const path = planAnalytics(normalized, { useViews: ctx.config.ANALYTICS_USE_VIEWS });
  ctx.logger.debug({ path }, 'analytics path');
  return { sources: analyticsSources(normalized, path) };
}

export function getTotals(ctx: Context, prepared: PreparedAnalytics): Promise<CallStatsRecord> {
  // The whole-history agent view answers the unfiltered totals with one row per agent.
  return findTotals(ctx.db, sourceFor(prepared.sources, 'agent'));
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
  prepared: PreparedAnalytics,
  args: { orderBy?: LeaderboardOrder | null; first?: number | null; minCalls?: number | null },
): Promise<LeaderboardEntryResult[]> {
  const request = leaderboardRequest(args);
  const rows = await findLeaderboard(ctx.db, sourceFor(prepared.sources, 'agent'), request);
  return rows.map(({ agent, ...stats }, i) => {
    // Joined in the same statement: LeaderboardEntry.agent then reads the loader's cache.
    ctx.loaders.agentsByAgentId.prime(agent.agentId, agent);
    return { rank: i + 1, agentId: agent.agentId, ...stats };
  });
}

export function getDaily(ctx: Context, prepared: PreparedAnalytics): Promise<DailyRow[]> {
  return findDaily(ctx.db, sourceFor(prepared.sources, 'day'));
}

export function getLanguages(ctx: Context, prepared: PreparedAnalytics): Promise<LanguageRow[]> {
  return findLanguages(ctx.db, sourceFor(prepared.sources, 'language'));
}

export function getTopics(ctx: Context, prepared: PreparedAnalytics): Promise<TopicRow[]> {
  return findTopics(ctx.db, prepared.sources.topics);
}

export interface HistogramBucketResult {
  from: number;
  to: number;
  count: number;
}

/** Every bucket, empty ones too; read live on both paths (bucket edges depend on the argument). */
export async function getSentimentHistogram(ctx: Context, prepared: PreparedAnalytics, buckets: number | null | undefined): Promise<HistogramBucketResult[]> {
  const n = histogramBucketCount(buckets);
  const edges = histogramEdges(n);
  const counts = await findHistogramCounts(ctx.db, prepared.sources.live, edges);
  return Array.from({ length: n }, (_, i) => ({ from: edges[i], to: edges[i + 1], count: counts.get(i) ?? 0 }));
}
