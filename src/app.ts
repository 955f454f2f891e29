import type { CacheStore } from './cache/store.js';
import { openCacheStore } from './cache/index.js';
import type { Config } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { createServer } from './http/server.js';
import { startIngestion } from './ingestion/index.js';
import { createLogger, type Logger } from './observability/logger.js';
import { buildParleySchema } from './schema.js';

export interface RunningParley {
  url: string;
  port: number;
  database: DatabaseHandle;
  cache: CacheStore;
  logger: Logger;
  /** Graceful: stop accepting, drain requests, then close the database and the cache. */
  stop(): Promise<void>;
}

/** Opens everything the config names, migrates, and serves HTTP. Used by main.ts and by the integration tests. */
export async function startParley(config: Config, logger: Logger = createLogger(config)): Promise<RunningParley> {
  const database = await openDatabase(config, logger);
  let cache: CacheStore | undefined;
  try {
    if (config.MIGRATE_ON_START) {
      const result = await migrate(database.db);
      logger.info({ applied: result.applied, total: result.total, mode: database.mode }, 'database migrated');
    }
    cache = await openCacheStore(config, logger);
    const ingestion = await startIngestion({ config, db: database.db, mode: database.mode, cache, logger });
    const server = await createServer({
      config,
      logger,
      db: database.db,
      cache,
      ingestion: ingestion.service,
      schema: await buildParleySchema(),
      pingDatabase: database.ping,
      viewsState: () => ingestion.viewsState(),
    });
    const port = await server.listen(config.PORT, config.HOST);
    // In the background, so a long refresh never delays serving; /ready reports `views: refreshing` meanwhile.
    const catchingUp = ingestion.catchUpViews();
    const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
    const openCache = cache;
    return {
      url: `http://${host}:${port}`,
      port,
      database,
      cache: openCache,
      logger,
      stop: async () => {
        await server.stop();
        await catchingUp;
        // Flushes the pending analytics refresh and events while the database and cache are still open.
        await ingestion.close();
        await Promise.allSettled([database.close(), openCache.close()]);
      },
    };
  } catch (err) {
    await Promise.allSettled([database.close(), cache?.close()]);
    throw err;
  }
}
