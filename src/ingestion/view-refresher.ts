import { AsyncResource } from 'node:async_hooks';
import type { Logger } from 'pino';
import { refreshAnalyticsViews } from '../analytics/analytics.repository.js';
import type { Database } from '../db/client.js';

/**
 * Refreshes the analytics views after writes, at most once per quiet period:
 * a burst of batches costs one refresh, not one per batch. Never two at once
 * (a write during a refresh schedules exactly one more); failures are logged,
 * not thrown, because the writes themselves have already committed.
 */
export class ViewRefresher {
  readonly #db: Database;
  readonly #logger: Logger;
  /** null: only flush() refreshes. */
  readonly #debounceMs: number | null;
  // Timers would otherwise run inside the async context of the request that
  // scheduled them, and the refresh would count towards its SQL statements.
  readonly #scope = new AsyncResource('ViewRefresher');
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #dirty = false;
  #closed = false;
  /** Completed refreshes; for logs and tests. */
  refreshes = 0;

  constructor(db: Database, logger: Logger, debounceMs: number | null) {
    this.#db = db;
    this.#logger = logger;
    this.#debounceMs = debounceMs;
  }

  /** Notes that calls changed; a refresh follows within the debounce period. */
  schedule(): void {
    if (this.#closed) return;
    this.#dirty = true;
    if (this.#timer || this.#running || this.#debounceMs === null) return;
    this.#timer = setTimeout(() => this.#scope.runInAsyncScope(() => void this.#run()), this.#debounceMs);
    this.#timer.unref();
  }

  /** Runs a pending refresh now and waits for it (and any running one). */
  async flush(): Promise<void> {
    while (this.#running || this.#dirty) {
      if (this.#running) await this.#running;
      else await this.#run();
    }
  }

  /** Flushes, then ignores later schedules; for shutdown. */
  async close(): Promise<void> {
    await this.flush();
    this.#closed = true;
  }

  #run(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#running) return this.#running;
    this.#dirty = false;
    const started = performance.now();
    this.#running = refreshAnalyticsViews(this.#db)
      .then(
        () => {
          this.refreshes++;
          this.#logger.debug({ ms: Math.round(performance.now() - started) }, 'analytics views refreshed');
        },
        (err: unknown) => this.#logger.error({ err }, 'refreshing the analytics views failed; the next write retries'),
      )
      .finally(() => {
        this.#running = null;
        // Writes that landed during the refresh need one more.
        if (this.#dirty && !this.#closed) this.schedule();
      });
    return this.#running;
  }
}
