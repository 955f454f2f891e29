import { type SQL, sql } from 'drizzle-orm';
import type { CallStatsRecord } from '../calls/call-stats.repository.js';
import { type Database, queryRows } from '../db/client.js';
import { MATERIALIZED_VIEWS } from '../db/schema/index.js';
import { isoTimestamp } from '../db/sql.js';
import type { AgentRecord } from '../parties/party.repository.js';
import { type LeaderboardRequest, LeaderboardOrder } from './analytics.args.js';
import type { AnalyticsQuery } from './analytics.plan.js';
import { analyticsSources, sourceFor } from './analytics-source.repository.js';

/** Every function here is one statement over the source its query and grain choose (see analytics-source.repository.ts). */

export async function findTotals(db: Database, query: AnalyticsQuery): Promise<CallStatsRecord> {
  // The whole-history agent view answers the unfiltered totals with one row per agent.
  const src = sourceFor(query, 'agent');
  const [row] = await queryRows<{
    total: number;
    avg_sentiment: number | null;
    avg_talk_ratio: number | null;
    avg_duration: number | null;
    first_call: string | null;
    last_call: string | null;
  }>(
    db,
    sql`select ${src.totalCalls} as total, ${src.avgSentiment} as avg_sentiment, ${src.avgTalkRatio} as avg_talk_ratio,
          ${src.avgDuration} as avg_duration, ${isoTimestamp(src.firstCall)} as first_call, ${isoTimestamp(src.lastCall)} as last_call
        from ${src.relation} where ${src.where}`,
  );
  return {
    totalCalls: row.total,
    avgSentiment: row.avg_sentiment,
    avgTalkRatio: row.avg_talk_ratio,
    avgDurationSeconds: row.avg_duration,
    firstCallAt: row.first_call === null ? null : new Date(row.first_call),
    lastCallAt: row.last_call === null ? null : new Date(row.last_call),
  };
}

export interface LeaderboardRow {
  agent: AgentRecord;
  totalCalls: number;
  avgSentiment: number;
  avgTalkRatio: number;
  avgDurationSeconds: number;
}

/**
 * Sort keys are rounded to 9 decimals (after float8 -> numeric keeps 15
 * significant digits): the views add partial sums in another order than
 * avg() does, so two equal averages can differ in their last bits, and
 * unrounded they could swap places between the paths. Rounded, they tie and
 * the agentId tie-break decides on both. agentId compares by code point.
 */
const LEADERBOARD_ORDERS: Record<LeaderboardOrder, SQL> = {
  [LeaderboardOrder.AVG_SENTIMENT_DESC]: sql`round(st.avg_sentiment::numeric, 9) desc`,
  [LeaderboardOrder.TOTAL_CALLS_DESC]: sql`st.total desc`,
  [LeaderboardOrder.AVG_TALK_RATIO_ASC]: sql`round(st.avg_talk_ratio::numeric, 9) asc`,
  [LeaderboardOrder.AVG_DURATION_DESC]: sql`round(st.avg_duration::numeric, 9) desc`,
};

/** The agents' rows come joined, so their `agent` field costs no statement of its own. */
export async function findLeaderboard(db: Database, query: AnalyticsQuery, request: LeaderboardRequest): Promise<LeaderboardRow[]> {
  const src = sourceFor(query, 'agent');
  const rows = await queryRows<{
    agent_id: string;
    total: number;
    avg_sentiment: number;
    avg_talk_ratio: number;
    avg_duration: number;
    a_id: string;
    a_name: string;
    a_email: string | null;
  }>(
    db,
    sql`with st as (
          select ${src.agentId} as agent_id, ${src.totalCalls} as total, ${src.avgSentiment} as avg_sentiment,
            ${src.avgTalkRatio} as avg_talk_ratio, ${src.avgDuration} as avg_duration
          from ${src.relation} where ${src.where}
          group by 1
        )
        select st.*, a.id::text as a_id, a.name as a_name, a.email as a_email
        from st join agents a on a.agent_id = st.agent_id
        where st.total >= ${request.minCalls}
        order by ${LEADERBOARD_ORDERS[request.orderBy]}, st.agent_id collate "C" asc
        limit ${request.first}`,
  );
  return rows.map((r) => ({
    agent: { id: r.a_id, agentId: r.agent_id, name: r.a_name, email: r.a_email },
    totalCalls: r.total,
    avgSentiment: r.avg_sentiment,
    avgTalkRatio: r.avg_talk_ratio,
    avgDurationSeconds: r.avg_duration,
  }));
}

export interface DailyRow {
  date: string;
  totalCalls: number;
  avgSentiment: number;
  avgDurationSeconds: number;
}

export async function findDaily(db: Database, query: AnalyticsQuery): Promise<DailyRow[]> {
  const src = sourceFor(query, 'day');
  const rows = await queryRows<{ day: string; total: number; avg_sentiment: number; avg_duration: number }>(
    db,
    sql`select to_char(${src.day}, 'YYYY-MM-DD') as day, ${src.totalCalls} as total,
          ${src.avgSentiment} as avg_sentiment, ${src.avgDuration} as avg_duration
        from ${src.relation} where ${src.where}
        group by ${src.day} order by ${src.day} asc`,
  );
  return rows.map((r) => ({ date: r.day, totalCalls: r.total, avgSentiment: r.avg_sentiment, avgDurationSeconds: r.avg_duration }));
}

export interface LanguageRow {
  language: string;
  totalCalls: number;
  avgSentiment: number;
}

export async function findLanguages(db: Database, query: AnalyticsQuery): Promise<LanguageRow[]> {
  const src = sourceFor(query, 'language');
  const rows = await queryRows<{ language: string; total: number; avg_sentiment: number }>(
    db,
    sql`select ${src.language} as language, ${src.totalCalls} as total, ${src.avgSentiment} as avg_sentiment
        from ${src.relation} where ${src.where}
        group by 1 order by total desc, language collate "C" asc`,
  );
  return rows.map((r) => ({ language: r.language, totalCalls: r.total, avgSentiment: r.avg_sentiment }));
}

export interface TopicRow {
  topic: string;
  calls: number;
  avgSentiment: number;
}

/** Topics of the calls (`calls.topics`); a topic listed twice in one call still counts that call once. */
export async function findTopics(db: Database, query: AnalyticsQuery): Promise<TopicRow[]> {
  const src = analyticsSources(query).topics;
  const rows = await queryRows<{ topic: string; calls: number; avg_sentiment: number }>(
    db,
    sql`select ${src.topic} as topic, ${src.calls} as calls, ${src.avgSentiment} as avg_sentiment
        from ${src.relation} where ${src.where}
        group by 1 order by calls desc, topic collate "C" asc`,
  );
  return rows.map((r) => ({ topic: r.topic, calls: r.calls, avgSentiment: r.avg_sentiment }));
}

/**
 * Calls per bucket, keyed by 0-based bucket index. width_bucket with an array
 * of thresholds counts the thresholds <= the score (a binary search over the
 * very doubles the API reports), so index i means edges[i] <= score < edges[i + 1],
 * and a score of 1 lands in the last bucket. Empty buckets are absent here.
 */
export async function findHistogramCounts(db: Database, query: AnalyticsQuery, edges: readonly number[]): Promise<Map<number, number>> {
  // The histogram reads the calls on both paths (bucket edges depend on the argument).
  const live = analyticsSources(query).live;
  // Inner edges only; JS prints each double in its shortest round-trip form, so float8 reads back the same value.
  const thresholds = `{${edges.slice(1, -1).map(String).join(',')}}`;
  const rows = await queryRows<{ bucket: number; calls: number }>(
    db,
    sql`select width_bucket(c.customer_sentiment_score, ${thresholds}::float8[])::int as bucket, count(*)::int as calls
        from ${live.relation} where ${live.where}
        group by 1`,
  );
  return new Map(rows.map((r) => [r.bucket, r.calls]));
}

/**
 * Recomputes the analytics views and clears what they now include from
 * `analytics_pending_writes`. CONCURRENTLY keeps them readable during the
 * refresh (it needs their unique indexes). Until it runs, the views path of
 * Query.analytics misses newer calls.
 *
 * The snapshot is taken before the first REFRESH, so every write it sees has
 * committed before the refreshes read `calls`: exactly those rows are
 * deleted. A write still in flight then (or committed during the refresh)
 * keeps its row, and the views stay marked behind until the next refresh.
 *
 * Each REFRESH runs in a transaction of its own only to carry `timeoutMs`:
 * over a large history it can take longer than the API's statement timeout,
 * which would otherwise cancel it on every attempt.
 */
export async function refreshAnalyticsViews(db: Database, timeoutMs?: number): Promise<void> {
  const [{ snapshot }] = await queryRows<{ snapshot: string }>(db, sql`select pg_current_snapshot()::text as snapshot`);
  for (const view of MATERIALIZED_VIEWS) {
    await db.transaction(async (tx) => {
      if (timeoutMs !== undefined) await tx.execute(sql`select set_config('statement_timeout', ${String(timeoutMs)}, true)`);
      await tx.execute(sql.raw(`refresh materialized view concurrently ${view}`));
    });
  }
  await db.execute(sql`delete from analytics_pending_writes where pg_visible_in_snapshot(xid, ${snapshot}::pg_snapshot)`);
}

/**
 * Records, inside a write transaction that changed calls, that the views are
 * behind; it commits or rolls back with the write. One INSERT, no shared row:
 * concurrent writers never wait on each other here.
 */
export async function markAnalyticsViewsBehind(tx: Pick<Database, 'execute'>): Promise<void> {
  await tx.execute(sql`insert into analytics_pending_writes default values`);
}

/** Whether a committed write is not in the views yet (whichever process made it, and even if it died since). */
export async function analyticsViewsBehind(db: Pick<Database, 'execute'>): Promise<boolean> {
  const [row] = await queryRows<{ behind: boolean }>(db, sql`select exists (select 1 from analytics_pending_writes) as behind`);
  return row?.behind ?? false;
}
