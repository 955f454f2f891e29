-- Analytics views. They keep sums and counts (not averages) so that rows can
-- be added up exactly for any set of agents, languages and whole UTC days.
-- Each has a unique index: REFRESH MATERIALIZED VIEW CONCURRENTLY needs one.
CREATE MATERIALIZED VIEW IF NOT EXISTS "mv_agent_analytics" AS
SELECT
  agent_id,
  count(*)::bigint AS total_calls,
  sum(customer_sentiment_score)::float8 AS sum_sentiment,
  sum(agent_talk_ratio)::float8 AS sum_talk_ratio,
  sum(duration_seconds)::bigint AS sum_duration,
  min(start_time) AS first_call,
  max(start_time) AS last_call
FROM calls
GROUP BY agent_id;
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "mv_agent_analytics_agent_id_key" ON "mv_agent_analytics" (agent_id);
--> statement-breakpoint
CREATE MATERIALIZED VIEW IF NOT EXISTS "mv_daily_stats" AS
SELECT
  (start_time AT TIME ZONE 'UTC')::date AS call_date,
  agent_id,
  language,
  count(*)::bigint AS total_calls,
  sum(customer_sentiment_score)::float8 AS sum_sentiment,
  sum(agent_talk_ratio)::float8 AS sum_talk_ratio,
  sum(duration_seconds)::bigint AS sum_duration,
  min(start_time) AS first_call,
  max(start_time) AS last_call
FROM calls
GROUP BY 1, agent_id, language;
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "mv_daily_stats_key" ON "mv_daily_stats" (call_date, agent_id, language);
