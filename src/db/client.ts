import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { lockDataDir } from './data-dir-lock.js';
import { EmbeddedClient } from './embedded-client.js';
import * as schema from './schema/index.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  readonly db: Database;
  /** `postgres`: a server through postgres.js; `embedded`: PGlite on a worker thread of this process. */
  readonly mode: 'postgres' | 'embedded';
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database the config names: a PostgreSQL pool, or PGlite under DATA_DIR. Nothing connects before this call. */
export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
  return config.DATABASE_URL ? openPostgres(config, config.DATABASE_URL) : openEmbedded(config, logger);
}

async function openPostgres(config: Config, url: string): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max: config.DATABASE_POOL_MAX,
    idle_timeout: 30,
    connect_timeout: 5,
    onnotice: () => {},
    connection: {
      application_name: 'parley',
      statement_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS,
    },
  });
  // drizzle sends `db.execute` statements unnamed, so PostgreSQL parses and plans each one
  // every time; the read path repeats a few dozen texts, so let postgres.js prepare them once
  // per connection. (Statements inside transactions, i.e. ingestion's variable-width INSERTs,
  // go through the transaction's own client and stay unnamed.)
  const preparing = Object.create(client) as typeof client;
  preparing.unsafe = ((query: string, params?: unknown[], options?: object) =>
    client.unsafe(query, params as never, { ...options, prepare: true })) as typeof client.unsafe;
  const db = drizzle({ client: preparing, schema }) as unknown as Database;
  return {
    db,
    mode: 'postgres',
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openEmbedded(config: Config, logger: Logger): Promise<DatabaseHandle> {
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = path.resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  logger.info({ dataDir }, 'opening embedded database (PGlite)');
  try {
    // PGlite on a worker thread, so that DATABASE_STATEMENT_TIMEOUT_MS can stop a slow statement (see embedded-client.ts).
    const client = await EmbeddedClient.open({ dataDir, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS, logger });
    // drizzle-orm/pglite calls only query() and transaction(tx => tx.query()) of its client.
    const db = drizzle({ client: client as unknown as PGlite, schema }) as unknown as Database;
    return {
      db,
      mode: 'embedded',
      ping: async () => {
        await client.query('select 1');
      },
      close: async () => {
        try {
          await client.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}

/**
 * Runs raw SQL and returns its rows, whichever driver is underneath
 * (postgres.js returns an array, PGlite an object with `rows`).
 * Cast numbers in the SQL (`::int`, `::float8`): drivers differ on int8 and numeric.
 */
export async function queryRows<T>(db: Pick<Database, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  const rows = Array.isArray(result) ? result : result.rows;
  // postgres.js 3.4 does not reset its row index when a statement fails after sending rows
  // (e.g. cancelled by the statement timeout): the next result on that connection starts
  // with as many holes (porsager/postgres#1119). The rows after them are the right ones.
  return rows.length > 0 && !(0 in rows) ? rows.filter(() => true) : rows;
}

