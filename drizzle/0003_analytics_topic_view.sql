-- Topic counts for Query.analytics.topics, at the grain of mv_daily_stats
-- (UTC day x agent x language) plus the topic, so any whole-day filter reads
-- it instead of unnesting every call's topics. A topic listed twice in one
-- call counts that call once. Sums and counts, not averages, so rows add up
-- exactly; the unique index lets REFRESH ... CONCURRENTLY run.
CREATE MATERIALIZED VIEW IF NOT EXISTS "mv_daily_topic_stats" AS
SELECT
  (c.start_time AT TIME ZONE 'UTC')::date AS call_date,
  c.agent_id,
  c.language,
  t.topic,
  count(*)::bigint AS total_calls,
  sum(c.customer_sentiment_score)::float8 AS sum_sentiment
FROM calls c
CROSS JOIN LATERAL (SELECT DISTINCT u.topic FROM unnest(c.topics) AS u(topic)) t
GROUP BY 1, c.agent_id, c.language, t.topic;
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "mv_daily_topic_stats_key" ON "mv_daily_topic_stats" (call_date, agent_id, language, topic);
