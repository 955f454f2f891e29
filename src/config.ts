import { z } from 'zod';

/**
 * The whole runtime configuration, parsed once from the environment.
 * This is the only module that reads `process.env`.
 */
const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port; default 4000. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Interface to bind; default 127.0.0.1 (use 0.0.0.0 in a container). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL URL; unset means the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Folder of the embedded database; default ./.data. */
  DATA_DIR: z.string().min(1).default('./.data'),
  /** Maximum connections in the PostgreSQL pool; default 10. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Statement timeout for API queries, in milliseconds, in both modes (embedded: a watchdog ends
   * PGlite's worker thread and reopens it; see db/embedded-client.ts). Migrations are not bounded
   * by it, ingestion writes use INGEST_STATEMENT_TIMEOUT_MS. Default 15000.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** Redis URL; unset means an in-process cache (single instance only). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of every Redis key, so several deployments can share one Redis. */
  REDIS_KEY_PREFIX: z.string().default('parley:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Serve Apollo Sandbox at GET /graphql and GraphiQL at /graphiql; default true. */
  GRAPHQL_PLAYGROUND: boolish.default(true),
  /** Allow introspection queries; default true (analysts explore in Sandbox). */
  GRAPHQL_INTROSPECTION: boolish.default(true),
  /** Report the number of SQL statements of each operation in `extensions.sql`; default false. */
  EXPOSE_SQL_STATS: boolish.default(false),
  /** Largest `offset` a list accepts (deep offsets read every skipped row); default 100000. */
  PAGING_MAX_OFFSET: z.coerce.number().int().min(0).default(100_000),
  /**
   * Let Query.analytics read the materialized views when its filter is whole UTC
   * days (or none); default true. false always aggregates `calls` live (fresh, slower).
   */
  ANALYTICS_USE_VIEWS: boolish.default(true),
  /** Largest accepted request body (an ingestion batch of 5,000 calls is tens of MB); default 64mb. */
  GRAPHQL_BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default('64mb'),
  /**
   * gzip level of /graphql responses for clients that accept it: 1 (fastest, the default: most of
   * the saving at a fraction of level 6's CPU) to 9; 0 leaves compression to a proxy in front.
   */
  HTTP_GZIP_LEVEL: z.coerce.number().int().min(0).max(9).default(1),
  /** Responses smaller than this many bytes are sent uncompressed; default 1024. */
  HTTP_GZIP_MIN_BYTES: z.coerce.number().int().min(0).default(1024),
  /**
   * How operations run: `jit` (default) compiles each distinct operation once with graphql-jit;
   * `graphql-js` interprets every request with graphql-js's own executor.
   */
  GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js']).default('jit'),
  /** Apply pending migrations at start-up; default true. */
  MIGRATE_ON_START: boolish.default(true),
  /** Seed demo calls on the first start of an empty embedded database; default true. */
  DEMO_SEED: boolish.default(true),
  /** Number of calls the demo seed ingests (over 20 agents); default 500. */
  DEMO_SEED_CALLS: z.coerce.number().int().min(1).max(5_000).default(500),
  /** Embeddings for similarCalls: `hashed-ngram` (offline, default) or `openai-compatible`. */
  EMBEDDING_PROVIDER: z.enum(['hashed-ngram', 'openai-compatible']).default('hashed-ngram'),
  /** API root of an openai-compatible provider, e.g. https://api.openai.com/v1; required for it. */
  EMBEDDING_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Bearer token of the openai-compatible provider; never logged. */
  EMBEDDING_API_KEY: z.string().optional(),
  /** Model of the openai-compatible provider; required for it. */
  EMBEDDING_MODEL: z.string().min(1).optional(),
  /** Vector length; must equal the database column's (384), checked at start-up. Default 384. */
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(1).default(384),
  /** Worker threads that enrich transcripts; 0 = on the main thread. Default max(1, CPUs - 1) in the server, CPUs in the ingest/seed/reembed commands. */
  ENRICH_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  /** Most rows in one multi-row INSERT while ingesting; default 500. */
  INGEST_ROWS_PER_STATEMENT: z.coerce.number().int().min(1).max(2_000).default(500),
  /**
   * Most characters of parameters in one multi-row INSERT (transcripts, utterances, insights);
   * a chunk ends at whichever bound comes first. Default 4,000,000: about ten calls of 200,000
   * characters, a few hundred typical ones; each statement stays a few seconds at most.
   */
  INGEST_STATEMENT_MAX_BYTES: z.coerce.number().int().min(100_000).default(4_000_000),
  /** statement_timeout of ingestion writes, in ms (API reads keep DATABASE_STATEMENT_TIMEOUT_MS); default 120000. */
  INGEST_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  /** Quiet period after a write before the analytics views are refreshed, in ms; default 1000. */
  VIEW_REFRESH_DEBOUNCE_MS: z.coerce.number().int().min(0).default(1_000),
  /** Delay before the first retry of a failed view refresh, in ms; it doubles on each failure in a row. Default 1000. */
  VIEW_REFRESH_RETRY_MIN_MS: z.coerce.number().int().min(1).default(1_000),
  /** Longest delay between two retries of a failed view refresh, in ms; default 60000. */
  VIEW_REFRESH_RETRY_MAX_MS: z.coerce.number().int().min(1).default(60_000),
  /**
   * statement_timeout of each view refresh, in ms (DATABASE_STATEMENT_TIMEOUT_MS is for API reads; a refresh
   * over a long history takes longer). Default 600000.
   */
  VIEW_REFRESH_TIMEOUT_MS: z.coerce.number().int().min(100).default(600_000),
  /** Longest searchCalls query, in characters (code points); default 500. */
  SEARCH_QUERY_MAX_CHARS: z.coerce.number().int().min(1).max(10_000).default(500),
  /**
   * pgvector `hnsw.ef_search` for similarCalls: candidates the HNSW scan keeps;
   * higher is more exact and slower. Default 64: measured recall@5 against an
   * exact scan on 5,000 synthetic calls was 0.990 (PGlite) and 1.000 (PostgreSQL)
   * at 64, 0.986/0.9996 at 40 and 0.949/0.996 at 10, at ~15% more time than 40.
   */
  HNSW_EF_SEARCH: z.coerce.number().int().min(1).max(1_000).default(64),
  /**
   * pgvector `hnsw.iterative_scan`: keep scanning when filters (other embedding
   * model, the call itself) leave fewer than `first` rows. Default strict_order.
   */
  HNSW_ITERATIVE_SCAN: z.enum(['off', 'strict_order', 'relaxed_order']).default('strict_order'),
  /** How long a graceful shutdown may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses an environment (default `process.env`); throws a ConfigError listing every problem. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, so `DATABASE_URL= npm start` means "embedded".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  return result.data;
}

/** For entry points: parse the config, or print every problem and exit 1. */
export function loadConfigOrExit(): Config {
  try {
    return parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
