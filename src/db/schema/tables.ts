import { sql } from 'drizzle-orm';
import type { CallInsights } from '../../insights/metrics.js';
import {
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uuid,
  varchar,
  vector,
} from 'drizzle-orm/pg-core';

export const agents = pgTable('agents', {
  id: uuid('id').primaryKey().defaultRandom(),
  agentId: varchar('agent_id', { length: 50 }).notNull().unique('agents_agent_id_key'),
  name: varchar('name', { length: 100 }).notNull(),
  email: varchar('email', { length: 255 }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
});

export type AgentRow = typeof agents.$inferSelect;

export const customers = pgTable('customers', {
  id: uuid('id').primaryKey().defaultRandom(),
  customerId: varchar('customer_id', { length: 50 }).notNull().unique('customers_customer_id_key'),
  name: varchar('name', { length: 100 }).notNull(),
  email: varchar('email', { length: 255 }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
});

export type CustomerRow = typeof customers.$inferSelect;

/**
 * Dimension of the stored embeddings. The column type fixes it (HNSW needs a
 * fixed dimension); a provider with another dimension must be configured to
 * produce this one, and a change of model needs `npm run reembed`.
 */
export const EMBEDDING_DIMENSIONS = 384;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Stored JSON shapes; the insights module computes them at ingestion. */
export interface StoredUtterance {
  index: number;
  speaker: 'AGENT' | 'CUSTOMER' | 'OTHER';
  text: string;
  sentiment: number;
}
/** The contract's CallInsights, as the insights module computes them. */
export type StoredInsights = CallInsights;
export interface StoredNudge {
  text: string;
  category: string;
}

export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: varchar('call_id', { length: 50 }).notNull().unique('calls_call_id_key'),
    agentId: varchar('agent_id', { length: 50 })
      .notNull()
      .references(() => agents.agentId, { onUpdate: 'cascade', onDelete: 'restrict' }),
    customerId: varchar('customer_id', { length: 50 })
      .notNull()
      .references(() => customers.customerId, { onUpdate: 'cascade', onDelete: 'restrict' }),
    language: varchar('language', { length: 35 }).notNull().default('en'),
    startTime: timestamp('start_time', { withTimezone: true, mode: 'date' }).notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    transcript: text('transcript').notNull(),
    agentTalkRatio: doublePrecision('agent_talk_ratio').notNull(),
    customerSentimentScore: doublePrecision('customer_sentiment_score').notNull(),
    agentSentimentScore: doublePrecision('agent_sentiment_score').notNull(),
    /** Topic names, duplicated out of `insights` for the analytics aggregates. */
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    utterances: jsonb('utterances').$type<StoredUtterance[]>().notNull(),
    insights: jsonb('insights').$type<StoredInsights>().notNull(),
    coachingNudges: jsonb('coaching_nudges').$type<StoredNudge[]>().notNull(),
    embedding: vector('embedding', { dimensions: EMBEDDING_DIMENSIONS }),
    embeddingModel: varchar('embedding_model', { length: 100 }),
    /** Kept by PostgreSQL itself, so ranking never re-parses a transcript. */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english'::regconfig, transcript)`),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
  },
  (t) => [
    // Every list order ends in call_id so keyset cursors are unique; each index
    // below serves one order or filter of Query.calls / Agent.calls / analytics.
    // Ascending with the default NULLS LAST: a backward scan then serves the
    // DESC orders too (PostgreSQL's default DESC is NULLS FIRST).
    index('calls_start_time_idx').on(t.startTime, t.callId),
    index('calls_agent_start_time_idx').on(t.agentId, t.startTime, t.callId),
    index('calls_customer_start_time_idx').on(t.customerId, t.startTime, t.callId),
    index('calls_sentiment_idx').on(t.customerSentimentScore, t.callId),
    index('calls_duration_idx').on(t.durationSeconds, t.callId),
    index('calls_language_idx').on(t.language),
    index('calls_analytics_idx').on(t.agentId, t.customerSentimentScore, t.agentTalkRatio),
    index('calls_search_vector_idx').using('gin', t.searchVector),
    index('calls_embedding_hnsw_idx').using('hnsw', t.embedding.op('vector_cosine_ops')),
    check('calls_duration_range', sql`${t.durationSeconds} between 1 and 14400`),
    check('calls_talk_ratio_range', sql`${t.agentTalkRatio} between 0 and 1`),
    check('calls_sentiment_range', sql`${t.customerSentimentScore} between -1 and 1`),
  ],
);

export type CallRow = typeof calls.$inferSelect;
export type NewCallRow = typeof calls.$inferInsert;

const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/**
 * Whether the analytics views are behind `calls`, durably: every write
 * transaction that changes calls adds one row (its own transaction id), and a
 * refresh deletes the rows its snapshot had already seen. Rows left over mean
 * a refresh is owed, whatever happened to the process that wrote them.
 * An INSERT per transaction rather than a counter in one row, so concurrent
 * ingestion transactions never wait on each other's row lock.
 */
export const analyticsPendingWrites = pgTable('analytics_pending_writes', {
  xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
});

const tsquery = customType<{ data: string }>({ dataType: () => 'tsquery' });

/**
 * Frequent search words whose best-ranked calls are kept in
 * `search_term_calls`, so a one-word search on a word found in a large share
 * of calls reads its first pages from an index instead of ranking every match.
 * Chosen by `npm run search:terms` (src/search/search-terms.ts) from the
 * planner's statistics; `query` is the word as websearch_to_tsquery('english')
 * returns it, which is how a search finds its row.
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    lexeme: text('lexeme').primaryKey(),
    query: tsquery('query').notNull(),
    /** Every call whose search_vector holds the lexeme at this many positions or more has a row in search_term_calls. */
    minPositions: integer('min_positions').notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
  },
  // Every search looks its query up here: an index probe, not a scan of ~1,000 rows.
  (t) => [index('search_terms_query_idx').on(t.query)],
);

/**
 * For each tracked term: exactly the calls holding its lexeme at
 * `min_positions` positions or more, with their ts_rank for the term (float4,
 * the same value the search computes). Kept by triggers on `calls` (0005).
 */
export const searchTermCalls = pgTable(
  'search_term_calls',
  {
    lexeme: text('lexeme')
      .notNull()
      .references(() => searchTerms.lexeme, { onDelete: 'cascade' }),
    callId: varchar('call_id', { length: 50 })
      .notNull()
      .references(() => calls.callId, { onUpdate: 'cascade', onDelete: 'cascade' }),
    rank: real('rank').notNull(),
  },
  (t) => [
    // Ascending: a backward scan serves the search order, rank desc then call_id desc (as on calls).
    index('search_term_calls_rank_idx').on(t.lexeme, t.rank, t.callId),
    index('search_term_calls_call_idx').on(t.callId),
  ],
);
