import type { Logger } from 'pino';
import type { CacheStore } from '../cache/store.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { seedDemoIfEmpty } from './demo-seed.js';
import { createEnricher, embeddingProviderFromConfig, workerCount } from './enrichment/enricher.js';
import { countCallsToReembed } from './ingestion.repository.js';
import { IngestionService } from './ingestion.service.js';
import { reembedCalls } from './reembed.js';
import { IngestionWriter } from './ingestion.writer.js';
import { ViewRefresher, type ViewsState } from './view-refresher.js';
import { HeapRelease } from './heap-release.js';
import { loggableError } from '../db/errors.js';

export { IngestionService } from './ingestion.service.js';

/** The ingestion pipeline and its background pieces (worker threads, view refresher). */
export interface Ingestion {
  service: IngestionService;
  /** Calls whose vectors are not from the configured model. */
  countStaleEmbeddings(): Promise<number>;
  /** Re-embeds those calls in batches; returns how many. */
  reembed(batchSize: number, onProgress?: (done: number) => void): Promise<number>;
  /**
   * At start-up: refreshes the analytics views if the database says they are
   * behind. Resolves after the first attempt; a failure is retried with backoff.
   */
  catchUpViews(): Promise<void>;
  /** For /ready: whether the analytics views include every committed call. */
  viewsState(): Promise<ViewsState>;
  /**
   * Flushes the pending view refresh and pending events, then stops the
   * workers. Resolves whether the views ended up current (false: the next
   * start refreshes them).
   */
  close(): Promise<{ viewsCurrent: boolean }>;
}

/**
 * Refresh attempts when a command closes (the first, then retries after the
 * backoff's first delays): a command should not hang on a database that
 * refuses, and what is left is refreshed at the next start. The server tries
 * once: its shutdown has a deadline.
 */
const CLOSE_ATTEMPTS = { server: 1, bulk: 3 } as const;

/**
 * Builds the pipeline once per process. Throws at start-up when the embedding
 * provider is misconfigured (e.g. a dimension other than the column's).
 */
export function createIngestion(deps: {
  config: Config;
  db: Database;
  cache: CacheStore;
  logger: Logger;
  /**
   * `server` (default): refresh the views shortly after writes; keep one CPU
   * free of enrichment workers for the event loop.
   * `bulk` (the commands): refresh once at the end, since refreshing every
   * second during a long import would recompute the views over and over; use
   * every CPU for enrichment.
   */
  purpose?: 'server' | 'bulk';
}): Ingestion {
  const { config, db, cache } = deps;
  const logger = deps.logger.child({ component: 'ingestion' });
  const provider = embeddingProviderFromConfig(config);
  const enricher = createEnricher(provider, workerCount(config, deps.purpose));
  const purpose = deps.purpose ?? 'server';
  const refresher = new ViewRefresher(db, logger, {
    debounceMs: purpose === 'bulk' ? null : config.VIEW_REFRESH_DEBOUNCE_MS,
    retryMinMs: config.VIEW_REFRESH_RETRY_MIN_MS,
    retryMaxMs: config.VIEW_REFRESH_RETRY_MAX_MS,
    timeoutMs: config.VIEW_REFRESH_TIMEOUT_MS,
  });
  const writer = new IngestionWriter({
    db,
    cache,
    refresher,
    logger,
    modelId: enricher.modelId,
    statement: { rows: config.INGEST_ROWS_PER_STATEMENT, bytes: config.INGEST_STATEMENT_MAX_BYTES },
    statementTimeoutMs: config.INGEST_STATEMENT_TIMEOUT_MS,
  });
  // The commands exit when done; a server lives on after a large batch (see HeapRelease).
  const heapRelease = deps.purpose === 'bulk' ? undefined : new HeapRelease();
  // The API key stays out of the log: only the provider kind and model are named.
  logger.debug({ provider: config.EMBEDDING_PROVIDER, model: enricher.modelId, workers: enricher.workers }, 'ingestion ready');
  return {
    service: new IngestionService({ db, enricher, writer, refresher, logger, heapRelease }),
    countStaleEmbeddings: () => countCallsToReembed(db, enricher.modelId),
    reembed: (batchSize, onProgress) => reembedCalls({ db, enricher, writer }, batchSize, onProgress),
    catchUpViews: () => refresher.catchUp(),
    viewsState: () => refresher.state(),
    close: async () => {
      heapRelease?.close();
      const viewsCurrent = await refresher.close(CLOSE_ATTEMPTS[purpose]);
      await writer.drain();
      await enricher.close();
      return { viewsCurrent };
    },
  };
}

/** For app.ts: builds the pipeline and, on a first embedded start, seeds the demo data in the background. */
export async function startIngestion(deps: {
  config: Config;
  db: Database;
  mode: 'postgres' | 'embedded';
  cache: CacheStore;
  logger: Logger;
}): Promise<Ingestion> {
  const ingestion = createIngestion(deps);
  let stopping = false;
  const seeding = seedDemoIfEmpty({ ...deps, service: ingestion.service }, () => stopping).catch((err: unknown) =>
    deps.logger.error({ err: loggableError(err) }, 'demo seed failed; the database stays as it is'),
  );
  return {
    ...ingestion,
    close: async () => {
      // Shutdown stops the seed after its current batch, whose transaction needs the database open.
      stopping = true;
      await seeding;
      return ingestion.close();
    },
  };
}
