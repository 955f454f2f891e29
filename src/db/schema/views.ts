import { bigint, date, doublePrecision, pgMaterializedView, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * Materialized views, created by the custom migration `drizzle/*_views.sql`
 * (drizzle-kit cannot express their unique indexes, which REFRESH ... CONCURRENTLY needs).
 * They keep sums and counts, not averages, so rows can be added up exactly.
 */
export const mvAgentAnalytics = pgMaterializedView('mv_agent_analytics', {
  agentId: varchar('agent_id', { length: 50 }).notNull(),
  totalCalls: bigint('total_calls', { mode: 'number' }).notNull(),
  sumSentiment: doublePrecision('sum_sentiment').notNull(),
  sumTalkRatio: doublePrecision('sum_talk_ratio').notNull(),
  sumDuration: bigint('sum_duration', { mode: 'number' }).notNull(),
  firstCall: timestamp('first_call', { withTimezone: true }).notNull(),
  lastCall: timestamp('last_call', { withTimezone: true }).notNull(),
}).existing();

/** One row per (UTC day, agent, language). */
export const mvDailyStats = pgMaterializedView('mv_daily_stats', {
  callDate: date('call_date', { mode: 'string' }).notNull(),
  agentId: varchar('agent_id', { length: 50 }).notNull(),
  language: varchar('language', { length: 35 }).notNull(),
  totalCalls: bigint('total_calls', { mode: 'number' }).notNull(),
  sumSentiment: doublePrecision('sum_sentiment').notNull(),
  sumTalkRatio: doublePrecision('sum_talk_ratio').notNull(),
  sumDuration: bigint('sum_duration', { mode: 'number' }).notNull(),
  firstCall: timestamp('first_call', { withTimezone: true }).notNull(),
  lastCall: timestamp('last_call', { withTimezone: true }).notNull(),
}).existing();

/** Every materialized view; `mv_daily_topic_stats` (day × agent × language × topic) comes from drizzle/0003. */
export const MATERIALIZED_VIEWS = ['mv_agent_analytics', 'mv_daily_stats', 'mv_daily_topic_stats'] as const;
