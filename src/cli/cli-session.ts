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
  /** Flushes the view refresh and events, then closes everything; says whether the analytics views ended up current. */
  close(): Promise<{ viewsCurrent: boolean }>;
}

export async function openCliSession(config: Config): Promise<CliSession> {
  const logger = createLogger(config);
  const database = await openDatabase(config, logger);
  try {
    await migrate(database.db);
    const cache = await openCacheStore(config, logger);
    const ingestion = createIngestion({ config, db: database.db, cache, logger, purpose: 'bulk' });
    // Views left behind by an earlier run are refreshed alongside this one's work, not before it.
    const catchingUp = ingestion.catchUpViews();
    return {
      config,
      logger,
      database,
      cache,
      ingestion,
      close: async () => {
        await catchingUp;
        const closed = await ingestion.close();
        await Promise.allSettled([database.close(), cache.close()]);
        return closed;
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

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;
type StopSignal = keyof typeof SIGNAL_NUMBERS;

export interface Interruption {
  /** Aborted on the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** The signal received, if any. */
  received(): StopSignal | null;
  /** The conventional exit status after that signal: 128 + its number (130 for SIGINT). */
  exitCode(): number;
}

/**
 * For the bulk commands: the first SIGINT or SIGTERM asks the run to stop
 * after the batch being written (which commits), so the command can refresh
 * the analytics views and report before exiting. A second one exits at once;
 * the views are then refreshed at the next start (they are marked behind in
 * the database with every write).
 */
export function interruptOn(label: string): Interruption {
  const controller = new AbortController();
  let received: StopSignal | null = null;
  const handler = (signal: StopSignal) => {
    if (received) {
      process.stderr.write(`\n${label}: ${signal} again: exiting now; the analytics views are refreshed at the next start\n`);
      process.exit(128 + SIGNAL_NUMBERS[signal]);
    }
    received = signal;
    process.stderr.write(`\n${label}: ${signal} received: finishing the batch being written, then refreshing the analytics views (${signal} again exits at once)\n`);
    controller.abort();
  };
  for (const signal of Object.keys(SIGNAL_NUMBERS) as StopSignal[]) process.on(signal, handler);
  return {
    signal: controller.signal,
    received: () => received,
    exitCode: () => (received ? 128 + SIGNAL_NUMBERS[received] : 0),
  };
}
