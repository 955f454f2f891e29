import { normalizeCallFilter } from '../calls/call.filter.js';
import { timeRange } from '../common/time-range.js';

/**
 * Where the aggregates of one Query.analytics come from:
 * - `views`: the materialized views (mv_daily_stats, and mv_agent_analytics when nothing is filtered);
 * - `live`: aggregate SQL over `calls`.
 * Both give the same answer on the same data; the views may lag behind the
 * last ingestion until they are refreshed.
 */
export type AnalyticsPath = 'views' | 'live';

/** The filter fields Query.analytics accepts (AnalyticsFilter, without type-graphql). */
export interface AnalyticsFilterInput {
  from?: Date | null;
  to?: Date | null;
  agentIds?: readonly string[] | null;
  language?: string | null;
}

/** A validated AnalyticsFilter: every field present, null meaning "not filtered". */
export interface NormalizedAnalyticsFilter {
  from: Date | null;
  to: Date | null;
  agentIds: readonly string[] | null;
  language: string | null;
}

/** What Query.analytics hands to the summary's fields: the filter, validated once, and the path every field reads. */
export interface AnalyticsQuery {
  filter: NormalizedAnalyticsFilter;
  path: AnalyticsPath;
}

export interface PlanOptions {
  /** ANALYTICS_USE_VIEWS; false forces the live path. Default true. */
  useViews?: boolean;
}

const DAY_MS = 86_400_000;

/** True when the instant is 00:00:00.000 UTC, i.e. a boundary of mv_daily_stats' day grain. */
export function isUtcMidnight(instant: Date): boolean {
  return instant.getTime() % DAY_MS === 0;
}

/** Checks the filter once, for every field of the summary: from <= to, storable instants, a bounded id list, a language tag. */
export function normalizeAnalyticsFilter(filter: AnalyticsFilterInput | null | undefined): NormalizedAnalyticsFilter {
  const range = timeRange(filter?.from, filter?.to, 'filter.');
  // Query.calls' own rules for the fields both filters share, so "matches" means the same in both APIs.
  const shared = normalizeCallFilter({ agentIds: filter?.agentIds, language: filter?.language }, 'filter');
  return { from: range.from, to: range.to, agentIds: shared?.agentIds ?? null, language: shared?.language ?? null };
}

/** True when the filter selects every call. */
export function isUnfiltered(filter: NormalizedAnalyticsFilter): boolean {
  return filter.from === null && filter.to === null && filter.agentIds === null && filter.language === null;
}

/**
 * Chooses the path. mv_daily_stats is keyed by (UTC day, agent, language), so
 * it answers exactly any agent list and language, and a time range whose ends
 * are UTC midnights (whole days). Any other instant cuts a day in two: live.
 */
export function planAnalytics(filter: AnalyticsFilterInput | null | undefined, options: PlanOptions = {}): AnalyticsPath {
  if (options.useViews === false) return 'live';
  const { from, to } = normalizeAnalyticsFilter(filter);
  return (from === null || isUtcMidnight(from)) && (to === null || isUtcMidnight(to)) ? 'views' : 'live';
}
