import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Agent } from '../parties/party.type.js';
import type { Context } from '../context.js';
import { AppError } from '../errors.js';
import {
  getDaily,
  getLanguages,
  getLeaderboard,
  getSentimentHistogram,
  getTopics,
  getTotals,
  prepareAnalytics,
  type LeaderboardEntryResult,
} from './analytics.service.js';
import {
  AnalyticsFilter,
  AnalyticsSummary,
  CallStats,
  DailyStat,
  HistogramBucket,
  LanguageStat,
  LeaderboardArgs,
  LeaderboardEntry,
  TopicStat,
} from './analytics.type.js';

/**
 * Query.analytics and the summary's fields. Each field is one SQL statement.
 * Filters of whole UTC days (or none) read the materialized views, which lag
 * behind an ingestion until its refresh; that staleness is accepted. Other
 * filters, and ANALYTICS_USE_VIEWS=false, aggregate the calls live.
 */
@Resolver(() => AnalyticsSummary)
export class AnalyticsResolver {
  @Query(() => AnalyticsSummary, { description: 'Aggregates over every call that matches the filter.' })
  analytics(@Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null, @Ctx() ctx: Context): AnalyticsSummary {
    return { prepared: prepareAnalytics(ctx, filter) };
  }

  @FieldResolver(() => CallStats)
  totals(@Root() summary: AnalyticsSummary, @Ctx() ctx: Context) {
    return getTotals(ctx, summary.prepared);
  }

  @FieldResolver(() => [LeaderboardEntry], { description: '1 <= first <= 100; rank is the 1-based position; ties broken by agentId ascending.' })
  agentLeaderboard(@Root() summary: AnalyticsSummary, @Args(() => LeaderboardArgs) args: LeaderboardArgs, @Ctx() ctx: Context) {
    return getLeaderboard(ctx, summary.prepared, args);
  }

  @FieldResolver(() => [DailyStat], { description: 'One row per UTC day that has calls, oldest first.' })
  daily(@Root() summary: AnalyticsSummary, @Ctx() ctx: Context) {
    return getDaily(ctx, summary.prepared);
  }

  @FieldResolver(() => [HistogramBucket], {
    description: '1 <= buckets <= 100 equal-width buckets over [-1, 1] of\ncustomerSentimentScore; each is [from, to) except the last, which includes 1.',
  })
  sentimentHistogram(
    @Root() summary: AnalyticsSummary,
    @Arg('buckets', () => Int, { nullable: true, defaultValue: 10 }) buckets: number | null,
    @Ctx() ctx: Context,
  ) {
    return getSentimentHistogram(ctx, summary.prepared, buckets);
  }

  @FieldResolver(() => [LanguageStat], { description: 'Most calls first, then language ascending.' })
  languages(@Root() summary: AnalyticsSummary, @Ctx() ctx: Context) {
    return getLanguages(ctx, summary.prepared);
  }

  @FieldResolver(() => [TopicStat], { description: 'Most calls first, then topic ascending.' })
  topics(@Root() summary: AnalyticsSummary, @Ctx() ctx: Context) {
    return getTopics(ctx, summary.prepared);
  }
}

@Resolver(() => LeaderboardEntry)
export class LeaderboardEntryResolver {
  @FieldResolver(() => Agent)
  async agent(@Root() entry: LeaderboardEntryResult, @Ctx() ctx: Context) {
    const agent = await ctx.loaders.agentsByAgentId.load(entry.agentId);
    // The leaderboard joins agents, and calls reference agents by foreign key.
    if (agent === null) throw new AppError('INTERNAL_SERVER_ERROR', `agent ${entry.agentId} of the leaderboard not found`);
    return agent;
  }
}
