import type { Logger } from 'pino';
import { openCacheStore } from '../cache/index.js';
import type { CacheStore } from '../cache/store.js';
import type { Config } from '../config.js';
import { type DatabaseHandle, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../observability/logger.js';
import { createIngestion, type Ingestion } from '../ingestion/index.js';

/** What a command-line tool needs to ingest: the database, the cache (for events) and the pipeline. */
export interface CliSession {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  cache: CacheStore;
  ingestion: Ingestion;
  /** Flushes the view refresh and events, then closes everything. */
  close(): Promise<void>;
}

export async function openCliSession(config: Config): Promise<CliSession> {
  const logger = createLogger(config);
  const database = await openDatabase(config, logger);
  try {
    await migrate(database.db);
    const cache = await openCacheStore(config, logger);
    const ingestion = createIngestion({ config, db: database.db, cache, logger, purpose: 'bulk' });
    return {
      config,
      logger,
      database,
      cache,
      ingestion,
      close: async () => {
        await ingestion.close();
        await Promise.allSettled([database.close(), cache.close()]);
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

export function formatSummary(totals: { received: number; inserted: number; updated: number; skipped: number; failed: number }, seconds: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const rate = Math.round(totals.received / Math.max(seconds, 0.001));
  return (
    `received ${n(totals.received)}, inserted ${n(totals.inserted)}, updated ${n(totals.updated)}, ` +
    `skipped ${n(totals.skipped)}, failed ${n(totals.failed)} in ${seconds.toFixed(1)} s (${n(rate)} calls/s)`
  );
}
