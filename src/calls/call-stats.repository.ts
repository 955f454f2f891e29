import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.js';
import { isoTimestamp, textArray } from '../db/sql.js';
import { PARTIES, type PartyKind } from '../parties/party.kind.js';

export interface CallStatsRecord {
  totalCalls: number;
  avgSentiment: number | null;
  avgTalkRatio: number | null;
  avgDurationSeconds: number | null;
  firstCallAt: Date | null;
  lastCallAt: Date | null;
}

export const EMPTY_STATS: CallStatsRecord = {
  totalCalls: 0,
  avgSentiment: null,
  avgTalkRatio: null,
  avgDurationSeconds: null,
  firstCallAt: null,
  lastCallAt: null,
};

export interface TimeRange {
  from: Date | null;
  to: Date | null;
}

/** Call statistics of many agents or customers over one time range, in one statement. */
export async function findCallStatsByParent(
  db: Database,
  parent: PartyKind,
  parentIds: readonly string[],
  range: TimeRange,
): Promise<Map<string, CallStatsRecord>> {
  const stats = new Map<string, CallStatsRecord>();
  if (parentIds.length === 0) return stats;
  const column = sql.raw(`c.${PARTIES[parent].idColumn}`);
  const rows = await queryRows<{
    parent_id: string;
    total: number;
    avg_sentiment: number;
    avg_talk_ratio: number;
    avg_duration: number;
    first_call: string;
    last_call: string;
  }>(
    db,
    sql`select ${column} as parent_id, count(*)::int as total,
          avg(c.customer_sentiment_score)::float8 as avg_sentiment,
          avg(c.agent_talk_ratio)::float8 as avg_talk_ratio,
          avg(c.duration_seconds)::float8 as avg_duration,
          ${isoTimestamp('min(c.start_time)')} as first_call,
          ${isoTimestamp('max(c.start_time)')} as last_call
        from calls c
        where ${column} = any(${textArray(parentIds)})
          ${range.from ? sql`and c.start_time >= ${range.from.toISOString()}::timestamptz` : sql``}
          ${range.to ? sql`and c.start_time < ${range.to.toISOString()}::timestamptz` : sql``}
        group by ${column}`,
  );
  for (const r of rows) {
    stats.set(r.parent_id, {
      totalCalls: r.total,
      avgSentiment: r.avg_sentiment,
      avgTalkRatio: r.avg_talk_ratio,
      avgDurationSeconds: r.avg_duration,
      firstCallAt: new Date(r.first_call),
      lastCallAt: new Date(r.last_call),
    });
  }
  return stats;
}
