import { type SQL, sql } from 'drizzle-orm';
import { callFilterSql } from '../calls/call.repository.js';
import { textArray } from '../db/sql.js';
import { type AnalyticsPath, type AnalyticsQuery, isUnfiltered, type NormalizedAnalyticsFilter } from './analytics.plan.js';

/**
 * One relation to aggregate over, and how to aggregate it. The live source is
 * `calls c`, one row per call; the view sources hold per-group counts and
 * sums, so their averages are sum / count in float8 and add up to the same
 * numbers as avg() over the calls (to rounding in the last bits).
 */
export interface AggregateSource {
  /** The FROM item (aliased `c` or `s`). */
  relation: SQL;
  where: SQL;
  agentId: SQL;
  language: SQL;
  /** The UTC day of the call, a `date`. */
  day: SQL;
  totalCalls: SQL;
  avgSentiment: SQL;
  avgTalkRatio: SQL;
  avgDuration: SQL;
  /** Column expressions (as raw text, for isoTimestamp) of the first and last start time. */
  firstCall: string;
  lastCall: string;
}

// Duration averages divide an exact integer sum on both paths, so they agree to the last bit.
const LIVE_AGGREGATES = {
  agentId: sql`c.agent_id`,
  language: sql`c.language`,
  day: sql`(c.start_time at time zone 'UTC')::date`,
  totalCalls: sql`count(*)::int`,
  avgSentiment: sql`avg(c.customer_sentiment_score)::float8`,
  avgTalkRatio: sql`avg(c.agent_talk_ratio)::float8`,
  avgDuration: sql`(sum(c.duration_seconds)::float8 / nullif(count(*), 0)::float8)`,
  firstCall: 'min(c.start_time)',
  lastCall: 'max(c.start_time)',
};

// A group of view rows is never empty (each row counts >= 1 call), and an
// empty aggregate gives null sums, so these are null exactly when there are no calls.
const VIEW_AGGREGATES = {
  agentId: sql`s.agent_id`,
  totalCalls: sql`coalesce(sum(s.total_calls), 0)::int`,
  avgSentiment: sql`(sum(s.sum_sentiment) / sum(s.total_calls)::float8)`,
  avgTalkRatio: sql`(sum(s.sum_talk_ratio) / sum(s.total_calls)::float8)`,
  avgDuration: sql`(sum(s.sum_duration)::float8 / sum(s.total_calls)::float8)`,
  firstCall: 'min(s.first_call)',
  lastCall: 'max(s.last_call)',
};

/** Calls per topic: `calls c` joined with its distinct topics `t`, or mv_daily_topic_stats `s`. */
export interface TopicSource {
  relation: SQL;
  where: SQL;
  topic: SQL;
  calls: SQL;
  avgSentiment: SQL;
}

/** The filter's SQL for both paths, built once per Query.analytics. */
export interface AnalyticsSources {
  path: AnalyticsPath;
  /** Always over `calls c`: the histogram reads the calls on both paths. */
  live: AggregateSource;
  /** Live, or mv_daily_topic_stats (drizzle/0003_analytics_topic_view.sql) on the views path. */
  topics: TopicSource;
  /** Per (UTC day, agent, language): totals, leaderboard, daily and languages on the views path. */
  daily: AggregateSource;
  /** Per agent, whole history: only when nothing is filtered (fewer rows to add up). */
  agents: AggregateSource | null;
}

const whereOrTrue = (predicate: SQL | undefined) => predicate ?? sql`true`;

/** The predicate of a whole-day filter over mv_daily_stats `s`; only meaningful when planAnalytics chose the views. */
function dailyViewWhere(filter: NormalizedAnalyticsFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.agentIds !== null) parts.push(filter.agentIds.length === 0 ? sql`false` : sql`s.agent_id = any(${textArray(filter.agentIds)})`);
  if (filter.language !== null) parts.push(sql`s.language = ${filter.language}`);
  if (filter.from !== null) parts.push(sql`s.call_date >= ${filter.from.toISOString().slice(0, 10)}::date`);
  if (filter.to !== null) parts.push(sql`s.call_date < ${filter.to.toISOString().slice(0, 10)}::date`);
  return parts.length ? sql.join(parts, sql` and `) : undefined;
}

export function analyticsSources({ filter, path }: AnalyticsQuery): AnalyticsSources {
  // callFilterSql is Query.calls' own filter, so both APIs agree on what "matches" means.
  const live: AggregateSource = {
    relation: sql`calls c`,
    where: whereOrTrue(callFilterSql({ from: filter.from, to: filter.to, agentIds: filter.agentIds, language: filter.language })),
    ...LIVE_AGGREGATES,
  };
  const daily: AggregateSource = {
    relation: sql`mv_daily_stats s`,
    where: whereOrTrue(dailyViewWhere(filter)),
    language: sql`s.language`,
    day: sql`s.call_date`,
    ...VIEW_AGGREGATES,
  };
  const topics: TopicSource =
    path === 'live'
      ? {
          relation: sql`calls c cross join lateral (select distinct u.topic from unnest(c.topics) as u(topic)) t`,
          where: live.where,
          topic: sql`t.topic`,
          calls: sql`count(*)::int`,
          avgSentiment: sql`avg(c.customer_sentiment_score)::float8`,
        }
      : {
          // Same columns as mv_daily_stats for the filter: the same predicate applies.
          relation: sql`mv_daily_topic_stats s`,
          where: daily.where,
          topic: sql`s.topic`,
          calls: sql`sum(s.total_calls)::int`,
          avgSentiment: sql`(sum(s.sum_sentiment) / sum(s.total_calls)::float8)`,
        };
  const agents: AggregateSource | null = isUnfiltered(filter)
    ? { relation: sql`mv_agent_analytics s`, where: sql`true`, language: sql`null::text`, day: sql`null::date`, ...VIEW_AGGREGATES }
    : null;
  return { path, live, topics, daily, agents };
}

/**
 * The source of one field: the live calls, or the smallest view that answers
 * it. `agent` serves the totals too: unfiltered, both come from mv_agent_analytics.
 */
export function sourceFor(query: AnalyticsQuery, grain: 'agent' | 'day' | 'language'): AggregateSource {
  const sources = analyticsSources(query);
  if (sources.path === 'live') return sources.live;
  return grain === 'agent' && sources.agents ? sources.agents : sources.daily;
}
