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
  /** Statement timeout for API queries, in milliseconds; default 15000. */
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
  /** Largest accepted request body (an ingestion batch of 5,000 calls is tens of MB); default 64mb. */
  GRAPHQL_BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default('64mb'),
  /** Apply pending migrations at start-up; default true. */
  MIGRATE_ON_START: boolish.default(true),
  /** Seed demo calls on the first start of an empty embedded database; default true. */
  DEMO_SEED: boolish.default(true),
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
