import type { Logger } from 'pino';
import type { CacheStore } from './cache/store.js';
import { createCallLoaders } from './calls/call.loaders.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createPartyLoaders } from './parties/party.loaders.js';
import { countStatements, type SqlStats } from './db/sql-stats.js';
import { createSimilarLoaders } from './search/similar.loaders.js';

/** Who is asking. Today everyone is anonymous; API keys and roles plug in here. */
export interface Viewer {
  role: 'anonymous' | 'reader' | 'ingester' | 'admin';
  clientId: string;
}

/** Long-lived things the gateway opens once at start-up and shares between requests. */
export interface AppServices {
  config: Config;
  db: Database;
  cache: CacheStore;
  logger: Logger;
  /** The ingestion pipeline (src/ingestion), shared by every request. */
  ingestion: import('./ingestion/index.js').IngestionService;
}

export function createLoaders(db: Database) {
  return { ...createPartyLoaders(db), ...createCallLoaders(db), ...createSimilarLoaders(db) };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Everything a resolver may use for one operation; built fresh per request (loaders must not outlive it). */
export interface Context extends AppServices {
  requestId: string;
  viewer: Viewer;
  loaders: Loaders;
  sqlStats: SqlStats;
}

export function createContext(
  services: AppServices,
  request: { requestId: string; viewer: Viewer; sqlStats: SqlStats; logger?: () => Logger },
): Context {
  // Every statement a resolver, service or loader issues goes through this handle and is counted.
  const db = countStatements(services.db, request.sqlStats);
  const requestLogger = request.logger;
  let logger: Logger | undefined;
  return {
    ...services,
    db,
    // The request's child logger, made when first used.
    get logger() {
      return (logger ??= requestLogger ? requestLogger() : services.logger);
    },
    requestId: request.requestId,
    viewer: request.viewer,
    sqlStats: request.sqlStats,
    loaders: createLoaders(db),
  };
}
